"""What the linker compares: content terms, canonical entities and a date per article.

The years a text names, and the game scores and editions' numbers its lede gives, go with
the entities, as keys that cannot be mistaken for names ("@2011", "#3-1", "!academy:89"). The weekdays its lede names are kept
apart: every story shares them with others, so they only ever tell two stories apart.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from ..model import AnnotatedArticle

LINK_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"}
# Headline words count extra: a headline names the event in the fewest words.
TITLE_TERM_WEIGHT = 2
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")

# A game's final score names the game: two finals between the same clubs, or two games
# of one league's night, share names and words, not the score. Read from the headline and
# the lede only (further down come other games' scores), beside a word of a result, and
# written winner first ("beat them 3-1"): a range ascends ("10-15 people", "aged 18-24").
SCORE_PREFIX = "#"  # sorts before "@" (years) and before letters: see ``instance_keys_in``
LEDE_CHARS = 300
# (What may stand before a score, "2010-11" or "$6.5-10m", is checked outside the pattern: a
# look-behind there is tried at every character, and made this scan the linker's slowest step.)
_SCORE = re.compile(r"(\d{1,3}) ?[-–] ?(\d{1,3})(?![\d.:/%A-Za-z]|,\d|[-–]\d)")
_NOT_BEFORE_SCORE = frozenset("0123456789.,:/$£€-")
# A British result headline names the game by its score after each side: "Barcelona 2 Man United 0: …".
_HEADLINE_SCORE = re.compile(r"^(?:[A-Z][\w.'’&-]*\s){1,3}(\d{1,2})\s(?:[A-Z][\w.'’&-]*\s?){1,3}(\d{1,2})(?=\s*(?:$|[:,;|–—]|-\s))")
# The days of the week a lede names ("on Saturday"): the day its event happened, for an
# article that carries no date.
LEDE_SENTENCES = 3
WEEKDAY_DAYS_BEFORE = 2
WEEKDAY_DAYS_AFTER = 1
ALL_WEEKDAYS = 0x7F
_WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_WEEKDAY_NUMBER = {name: n for n, name in enumerate(("mon", "tues", "wednes", "thurs", "fri", "satur", "sun"))}
# An edition's number names it: the 89th Academy Awards are not the 90th, nor the 11th Doctor the 12th.
# A number of two or three digits (a first or third is more often a count: "his second Oscar"),
# before a capitalised word, in the headline or the lede; the key is that word and the number.
ORDINAL_PREFIX = "!"  # sorts before SCORE_PREFIX: both are read by ``instance_keys_in``
_SPELLED_ORDINALS = {w: n for n, w in enumerate(
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 10)}
# (The look-ahead names the letters an ordinal can start with: without it every word's
# start tried each alternative, and this scan cost a third of an article's features.)
_ORDINAL = re.compile(
    r"\b(?=[\dTtEeFfSsNn])(\d{2,3}(?:st|nd|rd|th)|[Tt](?:enth|welfth|hirteenth|wentieth)|[Ee]leventh|[Ff](?:ourteenth|ifteenth)"
    r"|[Ss](?:ixteenth|eventeenth)|[Ee]ighteenth|[Nn]ineteenth)\s+(?:Annual\s+)?([A-Z][a-z]+)"
)
_RESULT = re.compile(
    r"\b(?:beat|beats|beating|won|win|wins|victory|defeat|defeats|defeated|lost|loses|loss|drew|draw|tied|edged?"
    r"|edges|routs?|routed|rolled|thrash\w*|crush\w*|downed|topped|over|leads?|led|final|game|match|overtime)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """One article as the linker sees it."""

    id: str
    terms: dict[str, int]
    # Sorted, not a set: the linker sums and ranks in this order, and a set of strings
    # iterates in an order that changes with each process's string hashing, so the
    # same pages in the same order could give other stories in another process.
    entities: tuple[str, ...]
    day: date | None
    weekdays: int = 0  # an undated article's: the weekdays its lede names, one bit each (Monday 1, Tuesday 2, ...)

    def to_json(self) -> dict:
        """The features as stored beside the article, to rebuild the linker without re-parsing."""
        return {"terms": self.terms, "entities": list(self.entities), "day": self.day.isoformat() if self.day else None,
                "weekdays": self.weekdays}

    @classmethod
    def from_json(cls, article_id: str, data: dict) -> "ArticleFeatures":
        day = data.get("day")
        return cls(id=article_id, terms=data["terms"], entities=tuple(sorted(data["entities"])),
                   day=date.fromisoformat(day) if day else None, weekdays=data.get("weekdays", 0))


def features_of(item: AnnotatedArticle) -> ArticleFeatures:
    """Features of an annotated article (its event date, else its publication date)."""
    terms = dict(item.annotations.terms)
    for word in _WORD.findall(item.article.title or ""):
        key = word.lower()
        if key in terms or len(key) > 3:
            terms[key] = terms.get(key, 0) + TITLE_TERM_WEIGHT
    entities = {m.canonical.lower() for m in item.annotations.entities if m.label in LINK_ENTITY_LABELS}
    if item.article.in_english:
        # The years a text names tell two finals between the same clubs apart; its headline's
        # too ("Oscars 2018" over a body that never writes the year). Not in another language:
        # the English model reads no names there, and its one key, "@2019", shared with every
        # other such article of the year, would weigh as a name they share.
        entities |= {"@" + t.date[:4] for t in item.annotations.times if t.kind == "date" and t.date}
        entities |= {"@" + y for y in _YEAR.findall(item.article.title or "")}
        entities |= score_keys(item.article.title, item.article.body)
        entities |= ordinal_keys(item.article.title, item.article.body)
    # The publication date anchors the article in time; the lede's event date can be
    # background ("Floyd, who died on May 25, 2020"), so it is the fallback, except
    # in an anniversary piece: its event fell on the same day of an earlier year
    # ("on this day in 2011"), and that event is its story.
    when = item.article.published or item.annotations.event_date
    if when and _anniversary(item.annotations.event_date, when):
        when = item.annotations.event_date
    return ArticleFeatures(
        id=item.article.id, terms=terms, entities=tuple(sorted(entities)), day=date.fromisoformat(when) if when else None,
        weekdays=lede_weekdays(item) if not when else 0,  # a dated article's weekdays are its date's
    )


def lede_weekdays(item: AnnotatedArticle) -> int:
    """The weekdays the lede's time expressions name, as bits (Monday 1, Tuesday 2, Wednesday 4, ...)."""
    bits = 0
    for t in item.annotations.times:
        if t.sentence < LEDE_SENTENCES:
            for name in _WEEKDAY.findall(t.text):
                bits |= 1 << _WEEKDAY_NUMBER[name.lower()]
    return bits


def weekdays_of_days(first: int, last: int) -> int:
    """The weekdays the event of articles dated ``first``..``last`` (day numbers) may fall on, as bits.

    From two days before the first to the day after the last: a report comes out on its
    event's day or soon after, and a lede may announce the next day's.
    """
    length = last - first + WEEKDAY_DAYS_BEFORE + WEEKDAY_DAYS_AFTER + 1
    if length >= 7:
        return ALL_WEEKDAYS
    start = (first - WEEKDAY_DAYS_BEFORE - 1) % 7  # day number 1 (1 January of year 1) was a Monday
    run = (1 << length) - 1
    return ((run << start) | (run >> (7 - start))) & ALL_WEEKDAYS


def _head(title: str | None, body: list[str]) -> str:
    """The headline and the lede, one line each."""
    parts, length = [title or ""], 0
    for paragraph in body:
        if length >= LEDE_CHARS:
            break
        parts.append(paragraph[: LEDE_CHARS - length])
        length += len(paragraph)
    return "\n".join(parts)


def ordinal_keys(title: str | None, body: list[str]) -> set[str]:
    """The editions the headline and the lede number, as keys ("!doctor:11", "!academy:89")."""
    keys = set()
    for ordinal, word in _ORDINAL.findall(_head(title, body)):
        number = int(ordinal[:-2]) if ordinal[0].isdigit() else _SPELLED_ORDINALS[ordinal.lower()]
        word = word.lower()
        if word.endswith("s") and len(word) > 4:
            word = word[:-1]  # "Oscars" is "Oscar"
        keys.add(f"{ORDINAL_PREFIX}{word}:{number}")
    return keys


def score_keys(title: str | None, body: list[str]) -> set[str]:
    """The game scores the headline and the lede give, as keys ("#3-1")."""
    text = _head(title, body)
    keys = set()
    if title and (m := _HEADLINE_SCORE.match(title)):
        high, low = sorted((int(m.group(1)), int(m.group(2))), reverse=True)
        keys.add(f"{SCORE_PREFIX}{high}-{low}")
    for m in _SCORE.finditer(text):  # most ledes have none: one scan, in C
        if m.start() and text[m.start() - 1] in _NOT_BEFORE_SCORE:
            continue
        high, low = int(m.group(1)), int(m.group(2))
        line_start, line_end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
        window = text[max(line_start, m.start() - 60): min(line_end if line_end >= 0 else len(text), m.end() + 60)]
        if high >= low and _RESULT.search(window):
            keys.add(f"{SCORE_PREFIX}{high}-{low}")
    return keys


def instance_keys_in(entities: tuple[str, ...]) -> tuple[str, ...]:
    """The instance keys (editions' numbers, games' scores) among an article's sorted entity keys:
    the run that ``ORDINAL_PREFIX`` and ``SCORE_PREFIX`` start."""
    if not entities or entities[0][:1] > SCORE_PREFIX:
        return ()  # most articles: their first key is a name or a year
    start = bisect_left(entities, ORDINAL_PREFIX)
    return entities[start: bisect_left(entities, chr(ord(SCORE_PREFIX) + 1), start)]


def other_instance(keys, story_keys) -> bool:
    """Whether the keys name another instance of something the story's keys name: another game's
    score, another edition of the same name. Keys of a kind the story lacks decide nothing."""
    mine: dict[str, set[str]] = {}
    for key in keys:
        mine.setdefault(_kind(key), set()).add(key)
    theirs: dict[str, set[str]] = {}
    for key in story_keys:
        theirs.setdefault(_kind(key), set()).add(key)
    return any(kind in theirs and found.isdisjoint(theirs[kind]) for kind, found in mine.items())


def _kind(key: str) -> str:
    return SCORE_PREFIX if key[0] == SCORE_PREFIX else key.rsplit(":", 1)[0]


def _anniversary(event: str | None, published: str) -> bool:
    return bool(event) and event[5:] == published[5:] and event[:4] < published[:4]  # type: ignore[index]
