"""What the linker keeps of a story and of each article, and the rules of time they are read by.

A story is the sum of its articles' top words and names, the days they report
and the weekdays, scores and editions' numbers they give (``StoryState``); each
article is kept as a small summary (``MemberSummary``), so that a story can be
split or an article moved later. The time rules: articles more than
``MAX_EVENT_GAP_DAYS`` from a story's days, or stretching it past
``MAX_STORY_SPAN_DAYS``, are not of its event (``fits``). Read by the
clustering (``stories.py``) and by its repair pass (``repair.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from .features import instance_keys_in, weekdays_of_days

# --- options ----------------------------------------------------------------
# Score an article needs to join an existing story (the repair merges two stories of the
# same days, or of none, at the same bar).
JOIN_THRESHOLD = 0.20
# Articles this many days from a story's days are another event of the same kind.
MAX_EVENT_GAP_DAYS = 3
# One event's coverage spans at most this many days; a longer chain is two events.
MAX_STORY_SPAN_DAYS = 7


@dataclass(slots=True)
class StoryState:
    """What the linker remembers of one story.

    Its sums are plain dicts, not Counters: CPython's cyclic garbage collector
    stops tracking a plain dict whose keys and values are strings, numbers and
    dates, but walks a Counter (a subclass) at every full collection, key by
    key. At 100,000 articles the stories' Counters were the largest share of
    what it walked (the articles' NamedTuple summaries the next, see
    ``StoryLinker._members``); at a million, full collections took 8 % of the
    link stage.
    """

    id: int
    terms: dict[str, int] = field(default_factory=dict)
    entities: dict[str, int] = field(default_factory=dict)
    size: int = 0
    # Its articles' ids in the order they joined: an ordered set (ids → None) rather than a
    # list, which the collector walks item by item at every full collection, a million ids
    # at a million articles; a dict of strings to None it never tracks. Taking an article
    # out is O(1) too, where a list searched the story.
    members: dict[str, None] = field(default_factory=dict)
    day_counts: dict[date, int] = field(default_factory=dict)  # the days its articles report, with how many each
    span: tuple[int, int] | None = None  # first and last of day_counts as day numbers; None when they changed
    # Cached vector norms, (size, n_docs, norm) when computed (``StoryLinker._cosine``): slots,
    # not a dict by kind, as every score of a candidate reads one. At a million articles a
    # candidate story is seldom in the CPU's cache, and the dict was one more miss each time.
    terms_norm: tuple[int, int, float] | None = None
    entities_norm: tuple[int, int, float] | None = None
    bisected_at: int = 0  # its size when two-means last looked for two events in it (``_bisect``)
    scores: dict[str, int] = field(default_factory=dict)  # the games' scores and editions' numbers its articles give, with how many each
    weekdays: dict[int, int] = field(default_factory=dict)  # the weekday bits its undated articles' ledes name, with how many each

    @property
    def weekday_bits(self) -> int:
        bits = 0
        for bit in self.weekdays:
            bits |= bit
        return bits


def week_of(day: date) -> int:
    return day.toordinal() // 7


def weeks_around(day: date) -> tuple[int, ...]:
    """The weeks a story that can hold an article of ``day`` has an article in.

    An article fits a story only with a day of that story within
    MAX_EVENT_GAP_DAYS of its own (see ``fits``), and each article of a story
    is indexed under its own week: one or two weeks. The three around ``day``'s,
    read before, hold no other story that fits; reading fewer postings is the gain.
    """
    n = day.toordinal()
    first, last = (n - MAX_EVENT_GAP_DAYS) // 7, (n + MAX_EVENT_GAP_DAYS) // 7
    return (first,) if first == last else (first, last)


class MemberSummary(NamedTuple):
    """What the linker keeps of each article to split a story later: its day, top words and names.

    Kept for every article ever linked, so kept small: the words as a tuple
    and their counts as bytes (capped at 255; past that the sublinear weight
    hardly moves) take a third of a dict's memory, and the names a tuple
    rather than a set (a quarter of its size, and one object fewer for the
    garbage collector to walk).
    """

    day: date | None
    words: tuple[str, ...]  # the article's top words, highest weight first
    counts: bytes  # each word's count in the article
    entities: tuple[str, ...]
    weekdays: int = 0  # undated, the weekdays its lede names (``ArticleFeatures.weekdays``)

    @property
    def terms(self) -> dict[str, int]:
        return dict(zip(self.words, self.counts))


def accumulate(story: StoryState, summary: MemberSummary) -> None:
    """Add an article to a story's sums.

    A story is the sum of its articles' top words: enough to tell events apart,
    small enough for a million articles, and exact to subtract.
    """
    terms, entities = story.terms, story.entities
    for word, count in zip(summary.words, summary.counts):
        terms[word] = terms.get(word, 0) + count
    for entity in summary.entities:
        entities[entity] = entities.get(entity, 0) + 1
    scores, weekdays = story.scores, story.weekdays
    for game in instance_keys_in(summary.entities):
        scores[game] = scores.get(game, 0) + 1
    for bit in bits_of(summary.weekdays):
        weekdays[bit] = weekdays.get(bit, 0) + 1
    if summary.day is not None:
        story.day_counts[summary.day] = story.day_counts.get(summary.day, 0) + 1
        story.span = None
    story.size += 1


def add_counts(sums: dict, more: dict) -> None:
    """``sums`` += ``more``, key by key (``Counter.update`` for plain dicts)."""
    get = sums.get
    for key, n in more.items():
        sums[key] = get(key, 0) + n


def weekday_evidence(story: StoryState) -> tuple[int, int]:
    """A story's weekday evidence, as ``StoryLinker._score`` takes an article's: (said, dated)."""
    return (0, weekdays_of_days(*day_span(story))) if story.day_counts else (story.weekday_bits, 0)


def dated_weekdays(day: date | None) -> int:
    return weekdays_of_days(day.toordinal(), day.toordinal()) if day is not None else 0


def bits_of(bits: int) -> list[int]:
    """Each set bit of ``bits`` on its own (a lede names one weekday, rarely two)."""
    out = []
    while bits:
        low = bits & -bits
        out.append(low)
        bits ^= low
    return out


def weeks_of(story: StoryState) -> list[int | None]:
    """The weeks a story's articles are dated in, or [None] for an undated story."""
    return list({week_of(d) for d in story.day_counts}) or [None]


def day_span(story: StoryState) -> tuple[int, int]:
    """A dated story's first and last day (day numbers), kept until its days change.

    Asked for every candidate story of every article, and again on each repair.
    """
    if story.span is None:
        story.span = (min(story.day_counts).toordinal(), max(story.day_counts).toordinal())
    return story.span


def fits(first: int, last: int, story: StoryState) -> bool:
    """Whether articles of days ``first``..``last`` (day numbers) can belong to a story of its days.

    They can when all the days together span at most MAX_STORY_SPAN_DAYS and
    the two ranges come within MAX_EVENT_GAP_DAYS of each other. Ranges are
    enough: within a span of MAX_STORY_SPAN_DAYS (≤ 2 × MAX_EVENT_GAP_DAYS + 1),
    a day between a range's ends is at most MAX_EVENT_GAP_DAYS from one of
    them, and both ends are days an article reports.
    Asked for every candidate of every article: O(1), without min/max.
    """
    if not story.day_counts:
        return True
    lo, hi = story.span or day_span(story)
    if (hi if hi > last else last) - (lo if lo < first else first) > MAX_STORY_SPAN_DAYS:
        return False
    return first - hi <= MAX_EVENT_GAP_DAYS and lo - last <= MAX_EVENT_GAP_DAYS
