"""Online story clustering: each arriving article joins the story it matches best, or starts one.

A story is summarised by the summed term counts and entity counts of its
articles and the days they report. An article is compared only with the stories
an inverted index returns for its entities and rarest terms (never with every
story), by TF-IDF cosine over terms (document frequencies kept up to date as
articles arrive) and IDF-weighted cosine over canonical entities. Stories whose
days lie far apart are different events even when they share every name; an
article that shares no name with a story is not of its event, however alike
the words; one that gives a game's final score (or an edition's number, "the
89th Academy Awards") is not of a story whose articles give only other scores
(other numbers of that name); an undated one whose lede names its event's
weekday is not of a story dated on days that rule that weekday out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from sys import intern
from typing import NamedTuple

from .features import ArticleFeatures, other_instance, instance_keys_in, weekdays_of_days
from .postings import Postings

# --- options ----------------------------------------------------------------
# Share of the score that comes from terms (the rest from entities).
TERM_WEIGHT = 0.55
# Score an article needs to join an existing story.
JOIN_THRESHOLD = 0.20
# Articles this many days from a story's days are another event of the same kind.
MAX_EVENT_GAP_DAYS = 3
# One event's coverage spans at most this many days; a longer chain is two events.
MAX_STORY_SPAN_DAYS = 7
# A year either side of a dated story's is near it: a report of early January names the last days of December.
YEAR_SLACK = 1
# Candidate stories come from this many of the article's highest-IDF terms.
INDEX_TERMS = 12
# Two stories this alike are one event split by arrival order: the repair pass merges them.
MERGE_THRESHOLD = 0.25
# ... or as alike as a join needs, when both report the same days: dated coverage of one
# day needs less lexical evidence to be one event.
MERGE_THRESHOLD_SAME_DAYS = JOIN_THRESHOLD
# ... and when neither is dated: with no time evidence either way, two stories of undated
# reports are held to the bar an undated report joins a story at. (The higher bar is for
# an undated story beside a dated one: it may be a look-alike event of another year.)
MERGE_THRESHOLD_UNDATED = JOIN_THRESHOLD
_LOWEST_MERGE_BAR = min(MERGE_THRESHOLD, MERGE_THRESHOLD_SAME_DAYS, MERGE_THRESHOLD_UNDATED)
# A key found in more than this share of all articles so far names no event ("said",
# "people", a wire agency): candidates are not looked up by it. Its postings are
# the longest of all and every article read them; it still counts in the scores.
COMMON_KEY_SHARE = 0.1
# ... counted once this many articles have arrived: before, shares are noise.
MIN_ARTICLES_FOR_COMMON = 1000
# A story's cached vector norm stands until its size has changed by more than this share.
NORM_SIZE_SHARE = 0.05
# Stories an arriving article is scored against, the best-sharing ones.
MAX_CANDIDATES = 30
# Words kept per article: what a story sums, and what re-places an article later.
MEMBER_TERMS = 30
# 1 + log(count), looked up for the counts a story sums to rather than computed: it is
# taken for every key of every article scored against every candidate story.
SUBLINEAR_TABLE_SIZE = 1 << 16
_SUBLINEAR = [0.0] + [1.0 + math.log(c) for c in range(1, SUBLINEAR_TABLE_SIZE)]
# Stories at least this large are checked for two events inside (two-means).
MIN_BISECT_SIZE = 4
BISECT_ROUNDS = 3
# A story is checked again for two events inside once it has grown by half.
BISECT_GROWTH = 1.5
# An article moves to another story only when it fits that one this much better.
REASSIGN_MARGIN = 0.05
# An undated article alone in its story joins the story it fits best when that
# one scores this much and this many times more than any other.
ORPHAN_JOIN_THRESHOLD = 0.12
ORPHAN_MARGIN = 2.0
# An article that fits its story better than any other by this much when it arrives is not
# checked again at the next repair (``_reassign``). It would have to lose that lead within one
# batch to move: on the synthetic 10k stream, 5 of the 138 articles the check moved had, and
# skipping it for the rest cut the link stage's time by about a sixth. ECB+, the development
# corpus and the real pages kept every story (their articles seldom lead by this much).
RECHECK_MARGIN = 0.5


def _merge_bar(a: "StoryState", b: "StoryState") -> float:
    """The score two stories need to be merged: less when both report the same days, or neither any."""
    if not a.day_counts and not b.day_counts:
        return MERGE_THRESHOLD_UNDATED
    return MERGE_THRESHOLD_SAME_DAYS if _same_days(a, b) else MERGE_THRESHOLD


def _same_days(a: "StoryState", b: "StoryState") -> bool:
    """Both stories are dated and their days overlap, give or take the event gap."""
    if not a.day_counts or not b.day_counts:
        return False
    (a_first, a_last), (b_first, b_last) = _span(a), _span(b)
    return a_first <= b_last + MAX_EVENT_GAP_DAYS and b_first <= a_last + MAX_EVENT_GAP_DAYS


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


def _week(day: date) -> int:
    return day.toordinal() // 7


def _weeks_around(day: date) -> tuple[int, ...]:
    """The weeks a story that can hold an article of ``day`` has an article in.

    An article fits a story only with a day of that story within
    MAX_EVENT_GAP_DAYS of its own (see ``_fits``), and each article of a story
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


class StoryLinker:
    """Assigns story ids to a stream of articles; ids, once given, never change."""

    def __init__(self, *, next_id: int = 1, threshold: float = JOIN_THRESHOLD) -> None:
        self.threshold = threshold
        self.next_id = next_id
        self.stories: dict[int, StoryState] = {}
        # Document frequencies, plain dicts for the garbage collector's sake (see ``StoryState``).
        self.term_df: dict[str, int] = {}
        self.entity_df: dict[str, int] = {}
        self.n_docs = 0
        # IDF is asked for a few hundred times per article and the counts change by
        # one article's words at a time: the logarithms are kept, not recomputed.
        self._log_docs = 0.0
        self._log_term_df: dict[str, float] = {}
        self._log_entity_df: dict[str, float] = {}
        self._by_entity = Postings()
        self._by_term = Postings()
        # Each article's MemberSummary as a plain tuple: the garbage collector stops
        # tracking a tuple of strings, bytes and dates, never a NamedTuple's instance,
        # and there is one for every article ever linked (``_summary`` gives it back).
        self._members: dict[str, tuple] = {}
        self._story_of: dict[str, int] = {}  # article → its story, for what a repair moved
        self._recent: set[str] = set()  # articles placed since the last repair, but those placed beyond doubt
        # Weighed vectors of the article (or story sums) being compared, by the identity
        # of their dict; emptied whenever a story's sums change, since a story's own
        # sums are compared in the repair and change in place.
        self._vectors: dict[int, tuple] = {}

    def __getstate__(self) -> dict:
        # For a snapshot (``snapshot.py``): the vector cache is keyed by object identity,
        # which means nothing in another process.
        return {**self.__dict__, "_vectors": {}}

    # --- public -------------------------------------------------------------

    def restore(self, features: ArticleFeatures, story: int) -> None:
        """Replay a stored assignment (when a run starts from an existing database)."""
        self._count(features)
        self._join(features, story)
        # ... and checked its place then: the next repair re-checks the articles placed
        # since (``_reassign``), not every stored article of the stories a new one joins
        # (on the throughput corpus's second run, replayed, that halved the link stage).
        self._recent.discard(features.id)
        self.next_id = max(self.next_id, story + 1)
        # The run that stored the story ended with a repair of it: two-means need
        # not run again until it has grown (see ``_bisect``).
        self.stories[story].bisected_at = self.stories[story].size

    def assign(self, features: ArticleFeatures) -> tuple[int, float]:
        """The story for a new article and the score it joined with (1.0 for a new story)."""
        self._count(features)
        best, best_score, second = None, 0.0, 0.0
        # One entity vector for every candidate (the cosine weighs it once), and no
        # day check: the candidates are of fitting days already.
        entities = dict.fromkeys(features.entities, 1)
        scores = instance_keys_in(features.entities)
        dated = _dated_weekdays(features.day)
        ranked = self._top_terms(features.terms, MEMBER_TERMS)  # ranked once: the index reads its head
        for story_id in self._candidates(features.entities, ranked[:INDEX_TERMS], features.day):
            score = self._score(features.terms, entities, None, self.stories[story_id], scores, features.weekdays, dated)
            if score > best_score:
                best, best_score, second = story_id, score, best_score
            elif score > second:
                second = score
        if best is None or best_score < self.threshold:
            best, best_score = self.next_id, 1.0
            self.next_id += 1
            second = 1.0
        self._join(features, best, ranked)
        if best_score - second >= RECHECK_MARGIN:
            self._recent.discard(features.id)  # placed beyond doubt: the repair need not look again
        return best, best_score

    def _score(
        self, terms: dict, entities: dict, span: tuple[int, int] | None, story: StoryState, scores=(),
        said: int = 0, dated: int = 0,
    ) -> float:
        """How well an article (or a story's sums) fits a story, 0..1; 0 for a story of other days,
        of other game scores or of other weekdays.

        ``span`` is the first and last day (day numbers) of the article or story
        compared; None skips the day check (undated, or checked already).
        ``scores``: the games' scores and editions' numbers it gives (``features.instance_keys_in``);
        ``said``: the weekdays its undated articles' ledes name; ``dated``: the weekdays
        its dated articles' event may fall on (``features.weekdays_of_days``).
        """
        if span is not None and not _fits(span[0], span[1], story):
            return 0.0
        if scores and story.scores and other_instance(scores, story.scores):
            return 0.0  # another game: "beat United 2-0" is not "beat United 3-1"; nor the 89th Oscars the 90th
        # Another day: an undated report of "Saturday's final" is not of a story dated on a
        # Wednesday, nor is an article dated on a Wednesday of a story of undated reports of
        # Saturday's. What the ledes say counts only where nothing is dated: a date is surer.
        if said and story.day_counts and not said & weekdays_of_days(*_span(story)):
            return 0.0
        if dated and story.weekdays and not story.day_counts and not dated & story.weekday_bits:
            return 0.0
        entity_sim = self._cosine(entities, story, "entities", self._log_entity_df)
        if entities and story.entities and entity_sim == 0.0:
            # Coverage of one event shares a name: a place, a person, an organisation.
            # Two floods the same day, worded alike, in Nairobi and in Lima share none.
            return 0.0
        term_sim = self._cosine(terms, story, "terms", self._log_term_df)
        return TERM_WEIGHT * term_sim + (1 - TERM_WEIGHT) * entity_sim

    def _cosine(self, a: dict, story: StoryState, kind: str, log_df: dict[str, float]) -> float:
        """Cosine of a sparse count vector with a story's (sublinear TF, IDF), the story's norm cached.

        The norm is recomputed when the story's size changed by more than
        ``NORM_SIZE_SHARE`` or the collection grew by a tenth since: document
        frequencies drift slowly, and one article moves a large story's norm by
        well under a percent (counts weigh sublinearly). Recomputing it on every
        comparison, then on every change of size, made the link stage
        quadratic in story size.
        """
        b: dict = getattr(story, kind)
        if not a or not b:
            return 0.0
        entries, norm_a = self._weighed(a, log_df)
        dot = 0.0
        get, table = b.get, _SUBLINEAR
        for key, _, weight in entries:
            other = get(key, 0)
            if other > 0:
                dot += weight * (table[other] if other < SUBLINEAR_TABLE_SIZE else 1.0 + math.log(other))
        if dot == 0:
            return 0.0
        cached = story.terms_norm if kind == "terms" else story.entities_norm
        if cached is None or abs(story.size - cached[0]) > cached[0] * NORM_SIZE_SHARE or self.n_docs > cached[1] * 1.1:
            docs, get = self._log_docs, log_df.get
            norm_b = math.sqrt(sum(
                ((table[v] if v < SUBLINEAR_TABLE_SIZE else 1.0 + math.log(v)) * (docs - get(k, 0.0) + 1.0)) ** 2
                for k, v in b.items() if v > 0))
            cached = (story.size, self.n_docs, norm_b)
            if kind == "terms":
                story.terms_norm = cached
            else:
                story.entities_norm = cached
        return dot / (norm_a * cached[2]) if cached[2] and norm_a else 0.0

    def _weighed(self, a: dict, log_df: dict[str, float]) -> tuple[list, float]:
        """An article's (or a story's sums') keys with sublinear TF and IDF, and the vector's norm.

        The article side is the same for every candidate story: weighed once,
        remembered by the dict's identity until a story's sums change.
        """
        memo = self._vectors.get(id(a))
        if memo is None or memo[0] is not a:
            if len(self._vectors) > 4096:
                self._vectors.clear()
            # IDF written out (as ``_term_idf`` has it): this runs for every key of every
            # article weighed and every story norm, and a call per key cost a few per cent.
            docs, get, table = self._log_docs, log_df.get, _SUBLINEAR
            # Each key's TF-IDF, and that times its IDF again: all a dot product needs of this side.
            # (Counts are whole numbers, as the story sums ``_cosine`` reads from the table are.)
            entries = []
            append, squares = entries.append, 0.0
            for k, c in a.items():
                if c > 0:
                    idf = docs - get(k, 0.0) + 1.0
                    tfidf = (table[c] if c < SUBLINEAR_TABLE_SIZE else 1.0 + math.log(c)) * idf
                    append((k, tfidf, tfidf * idf))
                    squares += tfidf * tfidf
            norm_a = math.sqrt(squares)
            memo = self._vectors[id(a)] = (a, entries, norm_a)
        return memo[1], memo[2]

    def repair(self, touched: set[int] | None = None, *, recheck: set[str] | None = None) -> dict[str, int]:
        """Split stories that drifted over several events, then merge stories arrival order split.

        Returns ``{article id: story}`` for every article that changed story.
        Splitting: a story whose dated articles fall into day groups further
        apart than ``MAX_EVENT_GAP_DAYS`` is two events (an undated article
        bridged them); the largest group keeps the id, undated articles go to
        the group whose words they share most. Merging: an early article is
        compared with few stories under document frequencies that later
        change; once more has arrived, two stories of one event look alike and
        the younger is merged into the older (whose id stays). Only the
        ``touched`` stories and their index neighbours are examined.
        """
        before = {m: sid for sid in (touched if touched is not None else self.stories) if sid in self.stories
                  for m in self.stories[sid].members}
        queue = sorted(touched if touched is not None else self.stories)
        for story_id in list(queue):
            queue.extend(self._split(story_id))
        for story_id in list(queue):
            queue.extend(self._bisect(story_id))
        recent, self._recent = self._recent, set()
        if recheck is not None:
            recent = recent | recheck
        queue = sorted(set(queue) | self._reassign(queue, recent if touched is not None else None))
        while queue:
            story_id = queue.pop(0)
            story = self.stories.get(story_id)
            if story is None:
                continue
            best, best_margin = None, 0.0
            span = _span(story) if story.day_counts else None
            for other_id in self._story_candidates(story):
                if other_id == story_id or other_id not in self.stories:
                    continue
                other = self.stories[other_id]
                score = self._score(story.terms, story.entities, span, other, story.scores, *_weekdays(story))
                if score < _LOWEST_MERGE_BAR or _years_apart(story, other):
                    continue  # below every bar, or another year's event
                margin = score - _merge_bar(story, other)
                if margin >= 0 and (best is None or margin > best_margin):
                    best, best_margin = other_id, margin
            if best is None:
                continue
            queue.append(self._merge_older(best, story_id, before))
        self._adopt_orphans(touched if touched is not None else set(self.stories), before)
        story_of = self._story_of
        return {m: story_of[m] for m, sid in before.items() if story_of[m] != sid}

    def _adopt_orphans(self, story_ids: set[int], before: dict[str, int]) -> None:
        """Give an undated article left alone a story, when one story clearly is its event.

        Without a date, an article has no time evidence to make up for words
        that match its event's coverage only in part (a short report, another
        angle), so it may stay below the join threshold. When a single story
        stands out from every other candidate, it is that story's; when two
        look alike (two finals between the same clubs) it stays alone.
        """
        for story_id in sorted(story_ids):
            story = self.stories.get(story_id)
            if story is None or story.size != 1 or story.day_counts:
                continue
            summary = self._summary(next(iter(story.members)))
            terms, entities = summary.terms, dict.fromkeys(summary.entities, 1)  # built once: compared with every candidate
            games = instance_keys_in(summary.entities)
            scores = sorted(
                ((self._score(terms, entities, None, self.stories[other], games, summary.weekdays), other)
                 for other in self._member_candidates(summary) if other != story_id and other in self.stories),
                reverse=True,
            )
            if not scores or scores[0][0] < ORPHAN_JOIN_THRESHOLD:
                continue
            if len(scores) > 1 and scores[0][0] < ORPHAN_MARGIN * scores[1][0]:
                continue
            self._merge_older(scores[0][1], story_id, before)

    def _reassign(self, story_ids: list[int], only: set[str] | None = None) -> set[int]:
        """Move articles that fit another story clearly better than their own; returns stories changed.

        An article placed early, against few stories and young document
        frequencies, is checked again once its batch has arrived: compared
        with its story without itself, it shows where it belongs. ``only``
        limits the check to those articles (the ones placed since the last
        repair) so that a repair costs what the batch brought, not the
        story's size; stories split or merged are re-formed whole anyway.
        """
        changed: set[int] = set()
        for story_id in story_ids:
            story = self.stories.get(story_id)
            if story is None or story.size < 2:
                continue
            members = [m for m in story.members if only is None or m in only]
            for member in members:
                summary = self._summary(member)
                day = summary.day.toordinal() if summary.day else None
                terms, entities = summary.terms, dict.fromkeys(summary.entities, 1)
                games = instance_keys_in(summary.entities)
                self._remove_member(story, member)
                dated = _dated_weekdays(summary.day)
                own = self._score(terms, entities, (day, day) if day is not None else None, story, games, summary.weekdays, dated)
                best, best_score = story_id, own + REASSIGN_MARGIN
                for other_id in self._member_candidates(summary):  # live stories of fitting days
                    if other_id == story_id:
                        continue
                    score = self._score(terms, entities, None, self.stories[other_id], games, summary.weekdays, dated)
                    if score > best_score:
                        best, best_score = other_id, score
                if best == story_id:
                    self._add_to_sums(story, member)  # its keys still name this story in the index
                    continue
                self._record_member(self._story(best), member)
                changed |= {story_id, best}
        return changed

    def _member_candidates(self, summary: MemberSummary) -> set[int]:
        """The stories an article placed earlier is checked against again: those it would be scored against arriving now."""
        return self._candidates(summary.entities, summary.words[:INDEX_TERMS], summary.day)

    def _remove_member(self, story: StoryState, member: str) -> None:
        self._vectors.clear()
        summary = self._summary(member)
        # In place, dropping words that reach zero: rebuilding the sums cost the story's size.
        for counts, items in ((story.terms, zip(summary.words, summary.counts)),
                              (story.entities, ((e, 1) for e in summary.entities)),
                              (story.scores, ((e, 1) for e in instance_keys_in(summary.entities))),
                              (story.weekdays, ((b, 1) for b in _bits(summary.weekdays)))):
            for key, n in items:
                left = counts[key] - n
                if left > 0:
                    counts[key] = left
                else:
                    del counts[key]
        if summary.day is not None:
            story.day_counts[summary.day] -= 1
            if story.day_counts[summary.day] <= 0:
                del story.day_counts[summary.day]
            story.span = None
        del story.members[member]
        story.size -= 1

    def _split(self, story_id: int) -> list[int]:
        story = self.stories.get(story_id)
        if story is None or len(story.day_counts) < 2:
            return []
        days = sorted(story.day_counts)
        groups: list[list[date]] = [[days[0]]]
        for day in days[1:]:
            if (day - groups[-1][-1]).days > MAX_EVENT_GAP_DAYS:
                groups.append([day])
            else:
                groups[-1].append(day)
        if len(groups) < 2:
            return []
        parts: list[list[str]] = [[] for _ in groups]
        undated: list[str] = []
        for member in story.members:
            summary = self._summary(member)
            if summary.day is None:
                undated.append(member)
                continue
            parts[next(i for i, g in enumerate(groups) if g[0] <= summary.day <= g[-1])].append(member)
        centroids = [self._state_of(part) for part in parts]
        for member in undated:
            terms = self._summary(member).terms
            best = max(range(len(parts)), key=lambda i: self._cosine(terms, centroids[i], "terms", self._log_term_df))
            parts[best].append(member)
        parts.sort(key=len, reverse=True)
        self._unindex(story_id)
        del self.stories[story_id]
        ids = [story_id] + [self._new_id() for _ in parts[1:]]
        for new_id, part in zip(ids, parts):
            for member in part:
                self._add_member(member, new_id)
        return ids

    def _bisect(self, story_id: int) -> list[int]:
        """Split a story whose articles form two groups that would not be merged if apart.

        Two look-alike events with undated coverage (two finals between the same
        clubs) can end up in one story; two-means over the articles' words finds
        the halves, and the merge rule decides whether they are one event.
        """
        story = self.stories.get(story_id)
        if story is None or story.size < MIN_BISECT_SIZE:
            return []
        if sum(story.day_counts.values()) == story.size:
            return []  # every article dated: ``_split`` has checked it by days
        checked = story.bisected_at
        if checked and story.size < checked * BISECT_GROWTH:
            return []  # checked at about this size already: two-means costs the story's size squared
        story.bisected_at = story.size
        members = list(story.members)
        summaries = {m: self._summary(m) for m in members}
        vectors = {m: (s.terms, dict.fromkeys(s.entities, 1), instance_keys_in(s.entities), s.weekdays,
                       _dated_weekdays(s.day)) for m, s in summaries.items()}

        def sim(m: str, centroid: StoryState) -> float:
            terms, entities, games, said, dated = vectors[m]
            return self._score(terms, entities, None, centroid, games, said, dated)

        first = members[0]
        probe = self._state_of([first])
        seed_b = min(members[1:], key=lambda m: sim(m, probe))
        probe = self._state_of([seed_b])
        seed_a = min(members, key=lambda m: sim(m, probe))
        if sim(seed_a, probe) >= MERGE_THRESHOLD:
            return []  # its two least alike articles would be merged: one event
        groups = [[seed_a], [seed_b]]
        for _ in range(BISECT_ROUNDS):
            centroids = [self._state_of(g) for g in groups]
            groups = [[], []]
            for m in members:
                groups[0 if sim(m, centroids[0]) >= sim(m, centroids[1]) else 1].append(m)
            if not groups[0] or not groups[1]:
                return []
        a, b = (self._state_of(g) for g in groups)
        # The merge pass's own rule, or it would merge the halves again at its next turn.
        score = self._score(a.terms, a.entities, _span(a) if a.day_counts else None, b, a.scores, *_weekdays(a))
        if score >= _merge_bar(a, b) and not _years_apart(a, b):
            return []
        groups.sort(key=len, reverse=True)
        self._unindex(story_id)
        del self.stories[story_id]
        new_id = self._new_id()
        for member in groups[0]:
            self._add_member(member, story_id)
        for member in groups[1]:
            self._add_member(member, new_id)
        return [story_id, new_id]

    def _state_of(self, members: list[str]) -> StoryState:
        """A throwaway story of these articles (not indexed), for comparing groups."""
        state = StoryState(id=-1)
        for member in members:
            _accumulate(state, self._summary(member))
        return state

    def _new_id(self) -> int:
        new = self.next_id
        self.next_id += 1
        return new

    def _unindex(self, story_id: int) -> None:
        story = self.stories[story_id]
        weeks = _weeks_of(story)
        for index, keys in ((self._by_entity, story.entities), (self._by_term, story.terms)):
            for key in keys:
                index.discard(key, story_id, weeks)

    def _story_candidates(self, story: StoryState) -> set[int]:
        """Stories sharing a key with a story, of its weeks (of any time when it has no date).

        Common keys are read only when the story's other keys find no other story. As
        for an article (``_candidates``), one that shares none of its names is left out.
        """
        found = self._rare_keys_first(lambda common: self._story_candidates_by(story, common), own=story.id)
        return self._sharing_a_name(found, story.entities)

    def _story_candidates_by(self, story: StoryState, common: float) -> set[int]:
        found: set[int] = set()
        weeks = {_week(d) for d in story.day_counts}
        for index, keys, df in ((self._by_entity, story.entities, self.entity_df),
                                (self._by_term, self._top_terms(story.terms), self.term_df)):
            for key in keys:
                if df.get(key, 0) > common:
                    continue
                if not weeks:
                    found.update(index.recent(key))
                for week in weeks:
                    found |= index.near(key, (week - 1, week, week + 1))
        return found & self.stories.keys()

    def _merge_older(self, a: int, b: int, before: dict[str, int]) -> int:
        """Merge two stories of a repair into the older (whose id stays); returns it.

        ``before`` keeps each moved article's story before the repair, for the
        list of articles that changed story.
        """
        keep, absorb = min(a, b), max(a, b)
        for member in self.stories[absorb].members:
            before.setdefault(member, absorb)
        self._merge(keep, absorb)
        return keep

    def _merge(self, keep: int, absorb: int) -> None:
        self._vectors.clear()
        a, b = self.stories[keep], self.stories.pop(absorb)
        weeks = _weeks_of(b)
        for sums, more in ((a.terms, b.terms), (a.entities, b.entities), (a.scores, b.scores),
                           (a.weekdays, b.weekdays), (a.day_counts, b.day_counts)):
            _add_counts(sums, more)
        a.span = None
        a.size += b.size
        a.members.update(b.members)
        for member in b.members:
            self._story_of[member] = keep
        for index in (self._by_entity, self._by_term):
            for key in list(b.entities) + list(b.terms):
                found = index.discard(key, absorb, weeks)
                if found:
                    index.add(key, keep, found)

    # --- internals ----------------------------------------------------------

    def _count(self, features: ArticleFeatures) -> None:
        self.n_docs += 1
        self._log_docs = math.log(1 + self.n_docs)
        for df, log_df, keys in ((self.term_df, self._log_term_df, features.terms.keys()),
                                 (self.entity_df, self._log_entity_df, features.entities)):
            for key in keys:
                n = df[key] = df.get(key, 0) + 1
                log_df[key] = math.log(1 + n)

    def _term_idf(self, term: str) -> float:
        return self._log_docs - self._log_term_df.get(term, 0.0) + 1.0

    def _entity_idf(self, entity: str) -> float:
        return self._log_docs - self._log_entity_df.get(entity, 0.0) + 1.0

    def _rare_keys_first(self, lookup, own: int | None = None) -> set[int]:
        """``lookup(common)``, which skips keys found in more than ``common`` articles;
        with every key when that finds no story but ``own``."""
        common = self.n_docs * COMMON_KEY_SHARE if self.n_docs >= MIN_ARTICLES_FOR_COMMON else math.inf
        found = lookup(common)
        if common < math.inf and not found - {own}:
            found = lookup(math.inf)
        return found

    def _candidates(self, entities, top_terms: list[str], day: date | None) -> set[int]:
        """The stories sharing the most (and rarest) keys with an article, of fitting days; at most MAX_CANDIDATES.

        Common keys are read only when the article's other keys find no story; its words
        only when its names find none. A story that shares none of the article's names,
        when both have some, is left out: it would score 0 (``_score``). Many stories
        share a first name or a word of the week with it where the news is dense
        (synthetic stream, 100,000 articles: 15 stories scored per article without this
        check, 11 with it).
        """
        found = self._rare_keys_first(lambda common: self._candidates_by(entities, top_terms, day, common))
        return self._sharing_a_name(found, entities)

    def _sharing_a_name(self, found: set[int], entities) -> set[int]:
        """``found`` without the stories that have names and share none of ``entities`` (when there are some)."""
        if not entities:
            return found
        stories = self.stories
        return {s for s in found if not (names := stories[s].entities) or not names.keys().isdisjoint(entities)}

    def _candidates_by(self, entities, top_terms: list[str], day: date | None, common: float) -> set[int]:
        # A plain dict, not a Counter: this loop runs over a thousand postings per article.
        weight: dict[int, float] = {}
        get = weight.get
        weeks = _weeks_around(day) if day is not None else None
        for index, keys, idf_of, df in ((self._by_entity, entities, self._entity_idf, self.entity_df),
                                        (self._by_term, top_terms, self._term_idf, self.term_df)):
            if index is self._by_term and entities and weight:
                # Its names found stories: those of its words alone are of other names (other
                # people with a first name of its, dropped by ``_sharing_a_name``) or of none.
                # At a million articles reading them was most of this lookup (300k side by
                # side: 2,238 -> 2,419 articles/s); the linking benchmarks read the same.
                break
            for key in keys:
                if df.get(key, 0) > common:
                    continue
                idf = idf_of(key)
                for story in (index.near(key, weeks) if weeks is not None else index.recent(key)):
                    weight[story] = get(story, 0.0) + idf
        day = day.toordinal() if day is not None else None
        found = set()
        for story_id, _ in sorted(weight.items(), key=itemgetter(1), reverse=True):  # as Counter.most_common
            story = self.stories.get(story_id)  # postings may name stories merged away since
            if story is None or (day is not None and not _fits(day, day, story)):
                continue
            found.add(story_id)
            if len(found) >= MAX_CANDIDATES:
                break
        return found

    def _top_terms(self, terms: dict[str, float], n: int = INDEX_TERMS) -> list[str]:
        # Ranked by the weights the cosine uses, weighed once for both.
        entries, _ = self._weighed(terms, self._log_term_df)
        return [key for key, _, _ in sorted(entries, key=lambda e: -e[1])][:n]

    def _join(self, features: ArticleFeatures, story_id: int, top: list[str] | None = None) -> None:
        self._recent.add(features.id)
        top = top if top is not None else self._top_terms(features.terms, MEMBER_TERMS)
        # Interned: each article brings its own copies of common words and names,
        # and a million articles' copies were half the linker's memory.
        self._members[features.id] = tuple(MemberSummary(
            day=features.day, words=tuple(map(intern, top)), counts=bytes(min(features.terms[t], 255) for t in top),
            entities=tuple(map(intern, features.entities)), weekdays=features.weekdays,
        ))
        self._record_member(self._story(story_id), features.id)

    def _summary(self, member: str) -> MemberSummary:
        return MemberSummary._make(self._members[member])

    def _story(self, story_id: int) -> StoryState:
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = StoryState(id=story_id)
        return story

    def _add_member(self, member: str, story_id: int) -> None:
        """Put a known article into a story again (after a split), from its summary."""
        self._record_member(self._story(story_id), member)

    def _add_to_sums(self, story: StoryState, member: str) -> None:
        """An article into a story's sums and members, not the index: the inverse of ``_remove_member``.

        The repair puts most articles it checks back where they were; indexing
        their keys again was about 15 % of its time (cProfile, 10k stream).
        """
        self._vectors.clear()
        _accumulate(story, self._summary(member))
        story.members[member] = None

    def _record_member(self, story: StoryState, member: str) -> None:
        self._add_to_sums(story, member)
        summary = self._summary(member)
        self._story_of[member] = story.id
        # Under the article's own week; an undated article under its story's weeks,
        # or as undated when the story has no date either.
        weeks = [_week(summary.day)] if summary.day else _weeks_of(story)
        for entity in summary.entities:
            self._by_entity.add(entity, story.id, weeks)
        for term in summary.words[:INDEX_TERMS]:
            self._by_term.add(term, story.id, weeks)


def _accumulate(story: StoryState, summary: MemberSummary) -> None:
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
    for bit in _bits(summary.weekdays):
        weekdays[bit] = weekdays.get(bit, 0) + 1
    if summary.day is not None:
        story.day_counts[summary.day] = story.day_counts.get(summary.day, 0) + 1
        story.span = None
    story.size += 1


def _add_counts(sums: dict, more: dict) -> None:
    """``sums`` += ``more``, key by key (``Counter.update`` for plain dicts)."""
    get = sums.get
    for key, n in more.items():
        sums[key] = get(key, 0) + n


def _weekdays(story: StoryState) -> tuple[int, int]:
    """A story's weekday evidence, as ``StoryLinker._score`` takes an article's: (said, dated)."""
    return (0, weekdays_of_days(*_span(story))) if story.day_counts else (story.weekday_bits, 0)


def _years_apart(a: StoryState, b: StoryState) -> bool:
    """Whether one story is dated and most articles of the other, undated, name years, none near its dates.

    Undated reports of Macworld 2009 ("at Macworld 2009", "on January 6, 2009") are not of a
    story dated in June 2012, however alike the launches read. Read of a story's majority, not of
    each article: an article's years are often background ("since its 2008 model"), and as a veto
    on each join (measured on ECB+) it scattered an event's own coverage more than it kept
    look-alike events apart.
    """
    undated, dated = (a, b) if b.day_counts else (b, a)
    if undated.day_counts or not dated.day_counts:
        return False
    named = [int(key[1:]) for key, n in undated.entities.items() if key[:1] == "@" and 2 * n >= undated.size]
    if not named:
        return False
    lo, hi = _span(dated)
    first, last = date.fromordinal(lo).year - YEAR_SLACK, date.fromordinal(hi).year + YEAR_SLACK
    return not any(first <= year <= last for year in named)


def _dated_weekdays(day: date | None) -> int:
    return weekdays_of_days(day.toordinal(), day.toordinal()) if day is not None else 0


def _bits(bits: int) -> list[int]:
    """Each set bit of ``bits`` on its own (a lede names one weekday, rarely two)."""
    out = []
    while bits:
        low = bits & -bits
        out.append(low)
        bits ^= low
    return out


def _weeks_of(story: StoryState) -> list[int | None]:
    """The weeks a story's articles are dated in, or [None] for an undated story."""
    return list({_week(d) for d in story.day_counts}) or [None]


def _span(story: StoryState) -> tuple[int, int]:
    """A dated story's first and last day (day numbers), kept until its days change.

    Asked for every candidate story of every article, and again on each repair.
    """
    if story.span is None:
        story.span = (min(story.day_counts).toordinal(), max(story.day_counts).toordinal())
    return story.span


def _fits(first: int, last: int, story: StoryState) -> bool:
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
    lo, hi = story.span or _span(story)
    if (hi if hi > last else last) - (lo if lo < first else first) > MAX_STORY_SPAN_DAYS:
        return False
    return first - hi <= MAX_EVENT_GAP_DAYS and lo - last <= MAX_EVENT_GAP_DAYS
