"""One entry per quote across a story's outlets, whatever the trimming or punctuation."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from ..model import AnnotatedArticle, StoryQuote
from .names import spelt_alike

# partial_ratio at or above this: the same words, one a trimmed copy of the other.
SAME_QUOTE_SIMILARITY = 90
# A quote inside another (word for word) is that quote trimmed when it has this many words or
# more: "No." and "Please." are said by everyone, and inside a longer quote they are no sign of it.
MIN_CONTAINED_WORDS = 3


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
            target = exact.get(key) or next((m for k, m in merged if _same(key, k)), None)
            if target is None:
                target = StoryQuote(text=quote.text, speaker=None, speakers=[], outlets=[], articles=[])
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


def _same(a: str, b: str) -> bool:
    """Two quote keys (``quote_key``) of one quote: one inside the other, whole words of it,
    or one a trimmed copy of the other with a letter or two changed."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if f" {shorter} " in f" {longer} ":
        # Characters alone would have "no" inside "know": a story's "No." took a dozen quotes.
        return shorter.count(" ") + 1 >= MIN_CONTAINED_WORDS
    return len(shorter) >= 20 and fuzz.partial_ratio(a, b) >= SAME_QUOTE_SIMILARITY


def _fold_names(names: list[str]) -> list[str]:
    """Drop a name that is the trailing words of a fuller one in the list ("Obama" of "Barack Obama"),
    or another outlet's spelling of one kept before it ("Mahmud Baraka" after "Mahmoud Baraka")."""
    out: list[str] = []
    for name in names:
        words = name.split()
        if any(o != name and o.split()[-len(words):] == words for o in names):
            continue
        if any(spelt_alike(name, kept) for kept in out):
            continue
        out.append(name)
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
