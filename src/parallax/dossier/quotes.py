"""One entry per quote across a story's outlets, whatever the trimming or punctuation."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

from rapidfuzz import fuzz, process

from ..model import AnnotatedArticle, StoryQuote
from .align import STOPWORDS
from .names import SAME_NAME_RATIO, spelt_alike

# partial_ratio at or above this: the same words, one a trimmed copy of the other.
SAME_QUOTE_SIMILARITY = 90
# A quote inside another (word for word) is that quote trimmed when it has this many words or
# more: "No." and "Please." are said by everyone, and inside a longer quote they are no sign of it.
MIN_CONTAINED_WORDS = 3
# A quote with fewer pairs of consecutive words than this (not counting pairs of two stopwords)
# is compared with every quote kept (``_QuoteIndex``).
MIN_INDEXED_PAIRS = 4


def quote_key(text: str) -> str:
    """Text of a quote for comparison: NFKC, no punctuation or case, single spaces."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def merge_quotes(items: list[AnnotatedArticle], outlets: list[str]) -> list[StoryQuote]:
    """Quotes merged across articles, each with its speakers, outlets and articles.

    The longest wording is kept; speakers are the union of what each article
    attributes (an article that could not tell adds nothing). Each distinct
    credit is kept apart too (``attributions``): two speakers one article names
    together said it together; two that two outlets name each said it, as each
    outlet has it ("Tedros Adhanom Ghebreyesus / World Health Organization").
    """
    merged: list[tuple[str, StoryQuote]] = []
    index = _QuoteIndex()
    credits: dict[int, list[list[str]]] = {}  # id(quote entry) -> each article's speakers
    # The same wording again is most quotes of a big story. Looking it up first
    # gives what the scan would: entries only ever append, so a key's first
    # match never changes once found.
    exact: dict[str, StoryQuote] = {}
    for item, outlet in zip(items, outlets):
        for quote in item.annotations.quotes:
            key = quote_key(quote.text)
            if not key:
                continue
            target = exact.get(key) or next((merged[i][1] for i in index.candidates(key) if _same(key, merged[i][0])), None)
            if target is None:
                target = StoryQuote(text=quote.text, speaker=None, speakers=[], outlets=[], articles=[])
                index.add(key, len(merged))
                merged.append((key, target))
            elif len(quote.text) > len(target.text):
                target.text = quote.text
            exact[key] = target
            if quote.speakers:
                credits.setdefault(id(target), []).append(quote.speakers)
            for speaker in quote.speakers:
                if speaker not in target.speakers:
                    target.speakers.append(speaker)
            if outlet not in target.outlets:
                target.outlets.append(outlet)
            if item.article.id not in target.articles:
                target.articles.append(item.article.id)
    quotes = [q for _, q in merged]
    for q in quotes:
        q.speakers = _fold_names(q.speakers)
        q.attributions = _distinct_credits(credits.get(id(q), []), q.speakers)
        q.speaker = " / ".join(" and ".join(names) for names in q.attributions) or None
    return sorted(quotes, key=lambda q: -len(q.outlets))


class _QuoteIndex:
    """The quotes kept so far that a new one may be the same as (``_same``): those sharing a
    pair of consecutive words with it, not every one (comparing each new quote with every
    quote kept made a story of thousands of quotes cost minutes: 2,000 took 25 s).

    Pairs of two stopwords ("of the") find nearly every quote and are not indexed. A quote
    inside another as three words or more holds its pairs; a copy with one character changed
    (a letter, or a space, joining two words) loses three of them at most, so a quote of
    fewer than MIN_INDEXED_PAIRS pairs is compared with all and found by all. A copy with
    several changes is found when one of its pairs is whole, as nearly every one is: on
    250 stories' quotes (ECB+, the development corpus, ScrapingHub, PolNeAR) the index
    merged exactly as comparing with every quote did.
    """

    def __init__(self) -> None:
        self._by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._unpaired: list[int] = []
        self._size = 0

    def add(self, key: str, at: int) -> None:
        pairs = _pairs(key)
        if len(pairs) < MIN_INDEXED_PAIRS:
            self._unpaired.append(at)
        else:
            for pair in pairs:
                self._by_pair[pair].append(at)
        self._size = at + 1

    def candidates(self, key: str) -> list[int] | range:
        """The kept quotes ``key`` is to be compared with, in the order they were kept."""
        pairs = _pairs(key)
        if len(pairs) < MIN_INDEXED_PAIRS:
            return range(self._size)
        found = set(self._unpaired)
        for pair in pairs:
            found.update(self._by_pair.get(pair, ()))
        return sorted(found)


def _pairs(key: str) -> set[tuple[str, str]]:
    words = key.split()
    return {(a, b) for a, b in zip(words, words[1:]) if a not in STOPWORDS or b not in STOPWORDS}


def _same(a: str, b: str) -> bool:
    """Two quote keys (``quote_key``) of one quote: one inside the other, whole words of it,
    or one a trimmed copy of the other with a letter or two changed."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if f" {shorter} " in f" {longer} ":
        # Characters alone would have "no" inside "know": a story's "No." took a dozen quotes.
        return shorter.count(" ") + 1 >= MIN_CONTAINED_WORDS
    # The cutoff lets rapidfuzz stop a hopeless alignment early: 1.7 times faster, the same answer.
    return len(shorter) >= 20 and fuzz.partial_ratio(a, b, score_cutoff=SAME_QUOTE_SIMILARITY) >= SAME_QUOTE_SIMILARITY


def _fold_names(names: list[str]) -> list[str]:
    """Drop a name that is the trailing words of a fuller one in the list ("Obama" of "Barack Obama"),
    or another outlet's spelling of one kept before it ("Mahmud Baraka" after "Mahmoud Baraka").

    Counted and looked up, not compared name with name: a quote many outlets credit, each its
    own way, has hundreds of names, and every pair of them cost seconds.
    """
    # How many of the names end with each run of words; a name's own words count it once.
    tails = Counter(tuple(words[-k:]) for words in map(str.split, dict.fromkeys(names)) for k in range(1, len(words) + 1))
    out: list[str] = []
    firsts: list[str] = []  # the first word of each kept name, lower case
    for name in names:
        words = name.split()
        if tails[tuple(words)] > 1:
            continue
        # Spelt alike only if their first words are: rapidfuzz finds those among the kept at once.
        first = words[0].lower() if words else ""
        close = process.extract(first, firsts, scorer=fuzz.ratio, score_cutoff=SAME_NAME_RATIO, limit=None)
        if any(spelt_alike(name, out[at]) for _, _, at in close):
            continue
        out.append(name)
        firsts.append(first)
    return out


def _distinct_credits(credits: list[list[str]], kept: list[str]) -> list[list[str]]:
    """Each different credit once, in the names ``_fold_names`` kept; a credit naming some of
    another's speakers is part of it (one outlet names one of the two who spoke together)."""
    groups: list[list[str]] = []
    for names in credits:
        group = list(dict.fromkeys(_kept_as(name, kept) for name in names))
        if not any(set(group) == set(g) for g in groups):  # the same people in another order: the same credit
            groups.append(group)
    return [g for g in groups if not any(set(g) < set(other) for other in groups)]


def _kept_as(name: str, kept: list[str]) -> str:
    """The kept name ``name`` was folded into (a fuller one, or another spelling)."""
    if name in kept:
        return name
    words = name.split()
    return next((k for k in kept if k.split()[-len(words):] == words or spelt_alike(name, k)), name)
