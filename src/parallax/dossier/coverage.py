"""Who carries which sentence: the cited summary, facts one outlet alone reports, the timeline."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date

import numpy as np

from ..annotate import in_relative_clause
from ..model import AnnotatedArticle, CitedSentence, TimeExpression, TimelineEntry, UniqueFacts
from ..scripts import has_unspaced, word_count
from .align import SentenceVectors, words

# --- thresholds -------------------------------------------------------------
# Cosine above which two outlets' sentences report the same thing.
SUPPORT_SIMILARITY = 0.35
# Below this against every other outlet, a sentence is one outlet's alone.
UNIQUE_SIMILARITY = 0.25
# Two summary sentences more alike than this say the same thing twice.
REDUNDANT_SIMILARITY = 0.45
# A sentence whose content words are this much the summary's already, and that brings no number
# of its own, restates it: the story's core event retold with its names ("Barcelona beat Manchester
# United 2-0" in a third wording), which the cosine above misses, as the story's own words weigh
# little in it.
RESTATED_WORD_SHARE = 0.6
MIN_SUMMARY, MAX_SUMMARY = 3, 7
# A quotation of this many words or more that a chosen sentence holds, or that holds one of its
# quotations, makes a sentence say again what the summary says: a lede's "found “many common
# points”" and the full quote further down. Shorter ones are a word or a name in marks (scare quotes).
MIN_REPEATED_QUOTE_WORDS = 3
_QUOTATION = re.compile(r"[“\"]([^”“\"]+)[”\"]")
MIN_FACT_WORDS = 8
# ... of which this many begin in lower case: a headline in Title Case ("Earthquake Of Magnitude 6.1
# Strikes Indonesia's Aceh Province"), a time stamp ("3 July 2013 Last updated at 13:38 GMT") or an
# embedded post's signature ("— Jane Doe (@janedoe) November 18, 2019") is no sentence of a report.
MIN_FACT_LOWER_WORDS = 3
# Nor is a signature whose name is written in lower case ("— tall glass of coquito (@_orabora) …"),
# a table's row (its cells apart by tabs), a run of headlines ("Overnight Energy: … | Lawmakers spar … | …")
# or a note of the page's update ("… updated July 29, 2009 at 12:16 PM", "This story was updated at 5:45 p.m.").
_NO_SENTENCE = re.compile(r"\(@\w{1,30}\)|\t|\|.*\||\bupdated\b[^.]{0,40}\b\d{1,2}:\d{2}", re.IGNORECASE)
# "Actress: Frances McDormand, “Three Billboards …”": an entry of a list, a label of a few words
# and then names and titles; a dateline ("New Delhi: The government said on Monday …") goes on in a sentence.
_LIST_LABEL = re.compile(r"^(?:[A-Z][a-z’'-]+\s?){1,3}:\s")
LIST_ENTRY_CAPITAL_SHARE = 0.6
MAX_UNIQUE_PER_OUTLET = 20
MAX_TIMELINE = 15
# A sentence this alike to one dated up to this many days earlier is that one, republished: a
# copy run a day later resolves its "today" to its own day, not the event's.
SAME_SENTENCE_SIMILARITY = 0.9
REPUBLISHED_DAYS = 3
# A date in a relative clause a month or more before its article is background, not the sentence's news
# ("who activated their accounts last Tuesday" is still the story's).
BACKGROUND_DAYS = 30
# A quotation of several sentences is one unit of the summary, the unique facts and the
# timeline, up to this many sentences: cut at its sentence ends, each piece would show a
# quotation mark without its pair ("“Today, the committee met … concern." / "I have accepted
# that advice,” Tedros said."). One never closed stays cut.
MAX_QUOTE_SENTENCES = 4


@dataclass(frozen=True, slots=True)
class StorySentence:
    text: str
    outlet: str
    article: str
    position: int  # sentence index within its article (the first, for a quotation's sentences joined)
    last: int  # the last sentence index it holds


@dataclass(frozen=True, slots=True)
class StorySentences:
    """Every sentence of a story's articles, with who printed it."""

    all: list[StorySentence]

    @classmethod
    def of(cls, items: list[AnnotatedArticle], outlets: list[str]) -> "StorySentences":
        return cls([
            StorySentence(text=text, outlet=o, article=i.article.id, position=first, last=last)
            for i, o in zip(items, outlets)
            for first, last, text in _units(i.annotations.sentences)
        ])

    def vectors(self) -> SentenceVectors:
        """The sentences' vectors, with each one's closest sentence of another outlet.

        Pairs below SUPPORT_SIMILARITY are not kept: every rule here that reads a
        pair compares it with that or more (UNIQUE_SIMILARITY reads ``best_other``,
        computed over all pairs).
        """
        return SentenceVectors([s.text for s in self.all], groups=[s.outlet for s in self.all],
                               keep_above=SUPPORT_SIMILARITY)

    def matches(self, vectors: SentenceVectors) -> "OutletMatches":
        return OutletMatches(vectors)


class OutletMatches:
    """How each sentence is matched by the other outlets' sentences, computed once per story.

    Read from ``SentenceVectors``, which finds it vectorised over the sparse cosine
    matrix: a story of 200 articles holds millions of sentence pairs that share a
    word, and a Python loop over them was most of a dossier's time.
    """

    def __init__(self, vectors: SentenceVectors) -> None:
        """``vectors`` made with the outlets as groups, keeping pairs from SUPPORT_SIMILARITY up
        (``StorySentences.vectors``): its ``support`` is which other outlets say what each sentence says."""
        # As lists: read one sentence at a time, a NumPy scalar costs ten times a float.
        self.best = vectors.best_other.tolist()
        self._names = vectors.group_names
        self._support = vectors.support
        self._counts = self._support.sum(axis=1).tolist()

    def support_count(self, index: int) -> int:
        """How many other outlets say what sentence ``index`` says."""
        return self._counts[index]

    def supporters(self, index: int) -> set[str]:
        """Other outlets with a sentence that says what sentence ``index`` says."""
        return {self._names[k] for k in np.flatnonzero(self._support[index]).tolist()}

    def best_match(self, index: int) -> float:
        """The closest sentence of any other outlet."""
        return self.best[index]


def _units(sentences: list[str]) -> Iterator[tuple[int, int, str]]:
    """(first, last, text) of each sentence, or of a quotation's sentences joined."""
    first = 0
    while first < len(sentences):
        last, text = first, sentences[first]
        if _opens_quotation(text):
            for end in range(first + 1, min(first + MAX_QUOTE_SENTENCES, len(sentences))):
                joined = " ".join(sentences[first:end + 1])
                if not _opens_quotation(joined):
                    last, text = end, joined
                    break
        yield first, last, text
        first = last + 1


def _opens_quotation(text: str) -> bool:
    """Whether a text opens a quotation it does not close. Single marks are apostrophes too, so they
    are read only where a quotation opens the text ("'There's going to be …") and nothing closes it
    (",'" or ".'" ends a quotation in single marks, as British papers print them)."""
    if text.count("“") > text.count("”") or text.count('"') % 2 == 1:
        return True
    return bool(_SINGLE_OPEN.match(text)) and not _SINGLE_CLOSE.search(text)


_SINGLE_OPEN = re.compile(r"[‘']\w")
_SINGLE_CLOSE = re.compile(r"[.,!?…—-][’']")


@functools.lru_cache(maxsize=1 << 16)
def _is_fact(text: str) -> bool:
    """Cached, as ``words`` is: the summary, the unique facts and the timeline each ask of every
    sentence, and a wire copy's sentences come once per outlet."""
    split = text.split()
    if word_count(text, split) < MIN_FACT_WORDS or len(words(text)) < 4:
        return False
    if has_unspaced(text):
        return not _NO_SENTENCE.search(text)  # Chinese and Japanese have no lower case to tell a sentence by
    lower = 0
    for word in split:  # most sentences have their three words in lower case by the fifth word
        lower += word[:1].islower()
        if lower >= MIN_FACT_LOWER_WORDS:
            return not _NO_SENTENCE.search(text)
    return False


def build_summary(sentences: StorySentences, vectors: SentenceVectors, matches: OutletMatches) -> list[CitedSentence]:
    """3–7 sentences covering the story's core, each citing every outlet that carries it.

    Sentences carried by more outlets come first; among equals, earlier in the
    article (news puts the core in the lede). A sentence too close to one
    already chosen, or quoting again what one quotes, is skipped.
    """
    scored = []
    for index, sentence in enumerate(sentences.all):
        if not _is_fact(sentence.text) or _is_list_entry(sentence.text):
            continue  # a summary tells the story in sentences, not in a list's entries
        score = matches.support_count(index) + 1.0 / (1 + sentence.position)
        scored.append((-score, index))
    scored.sort()  # the best first; among equals, in story order
    chosen: list[tuple[int, set[str]]] = []
    said: set[str] = set()  # the chosen sentences' content words and numbers
    quoted: list[str] = []  # the chosen sentences' quotations
    for _, index in scored:
        if len(chosen) >= MAX_SUMMARY:
            break
        if len(chosen) >= MIN_SUMMARY and not matches.support_count(index):
            break
        text = sentences.all[index].text
        own = set(words(text))
        numbers = _news_numbers(text)
        if _repeats(sentences, vectors, index, [j for j, _ in chosen], news=not numbers <= said):
            continue
        if _restates(own, numbers, said):
            continue
        quotations = _quotations(text)
        if any(q in other or other in q for q in quotations for other in quoted):
            continue
        chosen.append((index, matches.supporters(index)))
        said |= own | numbers
        quoted += quotations
    return [
        CitedSentence(
            sentence=sentences.all[i].text,
            outlets=[sentences.all[i].outlet] + sorted(support),
        )
        for i, support in chosen
    ]


def _repeats(sentences: StorySentences, vectors: SentenceVectors, index: int, chosen: list[int], *, news: bool) -> bool:
    """Whether a sentence says again what a chosen one says: too alike to it, or, from another
    outlet, alike enough to be cited as that outlet's report of it (SUPPORT_SIMILARITY) and
    without a number the summary has not given (``news``: "life without parole and a $10,000 fine").

    The second holds the summary to the rule its citations follow: two outlets' ledes
    that make one sentence cite both outlets are one fact, not two sentences of the summary.
    """
    outlet = sentences.all[index].outlet
    # similarity(j, index): the chosen few rows are read, not every candidate's.
    for j in chosen:
        similarity = vectors.similarity(j, index)
        if similarity >= REDUNDANT_SIMILARITY:
            return True
        if not news and similarity >= SUPPORT_SIMILARITY and sentences.all[j].outlet != outlet:
            return True
    return False


def _quotations(text: str) -> list[str]:
    """The sentence's quotations of MIN_REPEATED_QUOTE_WORDS words or more, each as its lower-case
    words between spaces (so that one found inside another is found word for word)."""
    found = []
    for quotation in _QUOTATION.finditer(text):
        quoted = re.findall(r"\w+", quotation.group(1).lower())
        if len(quoted) >= MIN_REPEATED_QUOTE_WORDS:
            found.append(f" {' '.join(quoted)} ")
    return found


def _is_list_entry(text: str) -> bool:
    """A label, then mostly capitalised words: names and titles, not a sentence."""
    label = _LIST_LABEL.match(text)
    if label is None:
        return False
    rest = [w.strip("“”\"‘’'(") for w in text[label.end():].split()]
    rest = [w for w in rest if w[:1].isalpha()]
    capitals = sum(1 for w in rest if w[0].isupper())
    return bool(rest) and capitals >= LIST_ENTRY_CAPITAL_SHARE * len(rest)


def _news_numbers(text: str) -> set[str]:
    """The numbers a sentence gives, but ages."""
    return set(_NUMBER.findall(_AGE.sub(" ", text)))


def _restates(own: set[str], numbers: set[str], said: set[str]) -> bool:
    """Most of a sentence's words said already, and no number of its own ("153 goals", "over 10 hours" is news)."""
    if not own or len(own & said) < RESTATED_WORD_SHARE * len(own):
        return False
    return numbers <= said


def unique_facts(sentences: StorySentences, matches: OutletMatches, reported: Collection[tuple[str, str]] = ()) -> list:
    """Per outlet, its sentences that no other outlet's article matches.

    Matched by words: a sentence that shares too few words with every other
    outlet's sentences. Not by meaning: the sentence model we can run offline
    rates any two sentences of one story alike; on hand-labelled pairs, its
    precision at "same fact" stayed at the share of same-fact pairs, so it
    would drop more unique facts than paraphrases (benchmarks/same_fact.py).
    Except by figures: ``reported`` holds the (outlet, sentence) pairs each of
    whose figures another outlet gives too (``figures.reported_elsewhere``),
    which are not the outlet's alone however they are worded.
    """
    outlets = {s.outlet for s in sentences.all}
    if len(outlets) < 2:
        return []
    found = [(matches.best_match(i), i) for i, s in enumerate(sentences.all)
             if _is_fact(s.text) and (s.outlet, s.text) not in reported]
    found = [(match, i) for match, i in found if match < UNIQUE_SIMILARITY]
    printed_by, proper = _outlets_by_name(sentences)
    candidates: dict[str, list[tuple[bool, float, int]]] = {}
    for match, index in found:
        sentence = sentences.all[index]
        own_name = any(printed_by.get(n) == {sentence.outlet} for n in _names(sentence.text, proper))
        candidates.setdefault(sentence.outlet, []).append((not own_name, match, index))
    result = []
    for outlet, kept in sorted(candidates.items()):
        # When there are too many: first those with a name or figure no other
        # outlet prints (the surest sign of reporting of one's own), then the
        # least matched; then back in reading order.
        kept = sorted(sorted(kept)[:MAX_UNIQUE_PER_OUTLET], key=lambda p: p[2])
        texts = list(dict.fromkeys(sentences.all[i].text for _, _, i in kept))
        result.append(UniqueFacts(outlet=outlet, sentences=texts))
    return result


_TOKEN = re.compile(r"[“\"‘(]?[\w’'.,-]*\w")
_POSSESSIVE = re.compile(r"[’']s$")
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# "the 15-month-old uprising", "Floyd's 7-year-old daughter", "aged 26 years old": an age describes
# who or what a sentence is about; it is not a figure the sentence reports.
_AGE = re.compile(r"\b\d+[- ](?:year|month|week|day)s?[- ]old\b", re.IGNORECASE)
_OPENERS = "“\"‘("


def _names(text: str, proper: frozenset[str] | None = None) -> set[str]:
    """Names and figures of a sentence: capitalised words and numbers.

    A sentence's (or a quotation's) first word is capitalised anyway: it counts
    as a name only when it is in ``proper``, the words the story capitalises
    inside sentences too.
    """
    return {t for t, opening in _name_tokens(text) if not opening or (proper is not None and t in proper)}


@functools.lru_cache(maxsize=1 << 16)
def _name_tokens(text: str) -> tuple[tuple[str, bool], ...]:
    """Capitalised words and numbers of a sentence, each with whether it opens the sentence or a quotation.

    Cached: every dossier rebuild of a story reads the same sentences again.
    """
    found = []
    for n, token in enumerate(_TOKEN.findall(text)):
        opens = token[0] in _OPENERS
        token = _POSSESSIVE.sub("", token.lstrip(_OPENERS))
        if not token:
            continue
        if _DIGIT.search(token):
            found.append((token.rstrip(".,"), False))
        elif token[0].isupper() and not token.isupper():  # not "UN", "AFP": agencies every outlet names
            found.append((token, n == 0 or opens))
    return tuple(found)


def _outlets_by_name(sentences: StorySentences) -> tuple[dict[str, set[str]], frozenset[str]]:
    """Which outlets print each name or figure of the story, and the story's proper nouns."""
    printers: dict[str, set[str]] = {}  # each text once: a wire story's sentences come once per outlet
    for sentence in sentences.all:
        printers.setdefault(sentence.text, set()).add(sentence.outlet)
    proper = frozenset(name for text in printers for name in _names(text))
    printed_by: dict[str, set[str]] = {}
    for text, outlets in printers.items():
        for name in _names(text, proper):
            printed_by.setdefault(name, set()).update(outlets)
    return printed_by, proper


def build_timeline(
    items: list[AnnotatedArticle], outlets: list[str], vectors: SentenceVectors, sentences: StorySentences
) -> list[TimelineEntry]:
    """Dated events of the story in order, each citing the outlets that report it.

    A sentence with a day-resolved date is an event on that day; sentences of
    different outlets on the same day that say the same thing are one entry.
    """
    index_of = {(s.article, p): n for n, s in enumerate(sentences.all) for p in range(s.position, s.last + 1)}
    entries: list[tuple[str, int, set[str]]] = []
    for item, outlet in zip(items, outlets):
        seen_here: set[int] = set()
        for t in _sentence_days(item):
            n = index_of.get((item.article.id, t.sentence))
            if n is None or n in seen_here or not _is_fact(sentences.all[n].text):
                continue
            seen_here.add(n)
            for entry in entries:
                if entry[0] == t.date and vectors.similarity(entry[1], n) >= SUPPORT_SIMILARITY:
                    entry[2].add(outlet)
                    break
            else:
                entries.append((t.date, n, {outlet}))
    entries = _without_republished(entries, vectors)
    entries.sort(key=lambda e: (e[0], -len(e[2]), e[1]))
    return [
        TimelineEntry(date=d, text=sentences.all[n].text, outlets=sorted(o)) for d, n, o in entries[:MAX_TIMELINE]
    ]


def _sentence_days(item: AnnotatedArticle) -> list[TimeExpression]:
    """The day-resolved dates that may date their sentence. A date in a relative clause a month or more before
    the article is background, not the sentence's news: "… guilty in the death of George Floyd, whose
    fatal arrest last year on May 25 was captured on video" is the verdict's report, not the arrest's.
    A recent one stays ("Bolton, who said Sunday that …"), as does one still to come ("the tour, which
    kicks off June 9th")."""
    texts = item.annotations.sentences
    published = date.fromisoformat(item.article.published) if item.article.published else None
    return [
        t for t in item.annotations.times
        if t.kind == "date" and t.granularity == "day" and t.date and t.sentence < len(texts)
        and not (published is not None and (published - date.fromisoformat(t.date)).days >= BACKGROUND_DAYS
                 and in_relative_clause(texts[t.sentence], t.text))
    ]


def _without_republished(entries: list[tuple[str, int, set[str]]], vectors: SentenceVectors) -> list[tuple[str, int, set[str]]]:
    """Entries whose sentence an earlier entry of the last few days says word for word, merged into that one.

    The earlier day is kept: relative dates resolve against each copy's own
    publication date, and a copy can come out after its event, not before it.
    """
    kept: list[tuple[int, tuple[str, int, set[str]]]] = []  # (day number, entry), by day
    for entry in sorted(entries, key=lambda e: (e[0], e[1])):
        day = date.fromisoformat(entry[0]).toordinal()
        earlier = None
        for k_day, k in reversed(kept):
            if day - k_day > REPUBLISHED_DAYS:
                break
            if k_day != day and vectors.similarity(k[1], entry[1]) >= SAME_SENTENCE_SIMILARITY:
                earlier = k
        if earlier is None:
            kept.append((day, entry))
        else:
            earlier[2].update(entry[2])
    return [entry for _, entry in kept]


def choose_headline(titles: list[str | None], summary: list[CitedSentence]) -> str | None:
    """The title that shares most words with the other titles and the summary."""
    candidates = [t for t in titles if t]
    if not candidates:
        return _shorten(summary[0].sentence) if summary else None
    # How many of the titles and summary sentences hold each word: a title's words shared
    # with them all, summed by word (intersecting with each in turn cost a story of
    # 2,000 articles four million set operations).
    holding = Counter(w for text in [*candidates, *(s.sentence for s in summary)] for w in set(words(text)))

    def score(title: str) -> float:
        own = set(words(title))
        if not own:
            return 0.0
        return sum(holding[w] for w in own) / len(own)

    return max(candidates, key=lambda t: (score(t), -len(t)))


def _shorten(sentence: str, limit: int = 90) -> str:
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0]
    return re.sub(r"[,;:]$", "", cut) + "…"
