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

What a story keeps, and the rules of time, are in ``state.py``; the repair pass
that merges and splits stories after each batch is in ``repair.py``.
"""

from __future__ import annotations

import math
from datetime import date
from operator import itemgetter
from sys import intern

from .features import ArticleFeatures, instance_keys_in, other_instance, weekdays_of_days
from .postings import Postings
from .repair import StoryRepair
from .state import (
    JOIN_THRESHOLD, MemberSummary, StoryState, accumulate, dated_weekdays, day_span, fits, week_of, weeks_around,
    weeks_of,
)

# --- options ----------------------------------------------------------------
# Share of the score that comes from terms (the rest from entities).
TERM_WEIGHT = 0.55
# Candidate stories come from this many of the article's highest-IDF terms.
INDEX_TERMS = 12
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
# An article that fits its story better than any other by this much when it arrives is not
# checked again at the next repair (``_reassign``). It would have to lose that lead within one
# batch to move: on the synthetic 10k stream, 5 of the 138 articles the check moved had, and
# skipping it for the rest cut the link stage's time by about a sixth. ECB+, the development
# corpus and the real pages kept every story (their articles seldom lead by this much).
RECHECK_MARGIN = 0.5


class StoryLinker(StoryRepair):
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
        # ... and checked its place then: the next repair re-checks the articles placed
        # since (``_reassign``), not every stored article of the stories a new one joins
        # (on the throughput corpus's second run, replayed, that halved the link stage).
        self._join(features, story, recheck=False)
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
        dated = dated_weekdays(features.day)
        ranked = self._top_terms(features.terms, MEMBER_TERMS)  # ranked once: the index reads its head
        for story_id in self._candidates(features.entities, ranked[:INDEX_TERMS], features.day):
            score = self._score(features.terms, entities, None, self.stories[story_id], scores, features.weekdays, dated)
            if score > best_score:
                best, best_score, second = story_id, score, best_score
            elif score > second:
                second = score
        joined = best is not None and best_score >= self.threshold
        if not joined:
            best, best_score = self.next_id, 1.0
            self.next_id += 1
        # Placed beyond doubt (ahead of every other story by RECHECK_MARGIN): the next repair need not look again.
        self._join(features, best, ranked, recheck=not joined or best_score - second < RECHECK_MARGIN)
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
        if span is not None and not fits(span[0], span[1], story):
            return 0.0
        if scores and story.scores and other_instance(scores, story.scores):
            return 0.0  # another game: "beat United 2-0" is not "beat United 3-1"; nor the 89th Oscars the 90th
        # Another day: an undated report of "Saturday's final" is not of a story dated on a
        # Wednesday, nor is an article dated on a Wednesday of a story of undated reports of
        # Saturday's. What the ledes say counts only where nothing is dated: a date is surer.
        if said and story.day_counts and not said & weekdays_of_days(*day_span(story)):
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

    # --- candidates -------------------------------------------------------

    def _member_candidates(self, summary: MemberSummary) -> set[int]:
        """The stories an article placed earlier is checked against again: those it would be scored against arriving now."""
        return self._candidates(summary.entities, summary.words[:INDEX_TERMS], summary.day)

    def _new_id(self) -> int:
        new = self.next_id
        self.next_id += 1
        return new

    def _unindex(self, story_id: int) -> None:
        story = self.stories[story_id]
        weeks = weeks_of(story)
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
        weeks = {week_of(d) for d in story.day_counts}
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
        weeks = weeks_around(day) if day is not None else None
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
            if story is None or (day is not None and not fits(day, day, story)):
                continue
            found.add(story_id)
            if len(found) >= MAX_CANDIDATES:
                break
        return found

    def _top_terms(self, terms: dict[str, float], n: int = INDEX_TERMS) -> list[str]:
        # Ranked by the weights the cosine uses, weighed once for both.
        entries, _ = self._weighed(terms, self._log_term_df)
        return [key for key, _, _ in sorted(entries, key=lambda e: -e[1])][:n]

    def _join(self, features: ArticleFeatures, story_id: int, top: list[str] | None = None, *, recheck: bool) -> None:
        """``recheck``: the next repair checks its place again (``_reassign``)."""
        if recheck:
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
        accumulate(story, self._summary(member))
        story.members[member] = None

    def _record_member(self, story: StoryState, member: str) -> None:
        self._add_to_sums(story, member)
        summary = self._summary(member)
        self._story_of[member] = story.id
        # Under the article's own week; an undated article under its story's weeks,
        # or as undated when the story has no date either.
        weeks = [week_of(summary.day)] if summary.day else weeks_of(story)
        for entity in summary.entities:
            self._by_entity.add(entity, story.id, weeks)
        for term in summary.words[:INDEX_TERMS]:
            self._by_term.add(term, story.id, weeks)


