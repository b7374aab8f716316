"""The repair pass: stories split by arrival order are merged, stories that drifted over two events split.

An article is placed once, against the stories and document frequencies of its
moment. After each batch the repair looks again at the stories the batch
touched: it splits a story whose dated articles fall into day groups too far
apart (``_split``), or whose articles form two groups that would not be merged
if apart (two-means, ``_bisect``); moves an article that now fits another story
clearly better (``_reassign``); merges two stories as alike as one event's
coverage (the younger into the older, whose id stays); and gives an undated
article left alone the one story that clearly is its event (``_adopt_orphans``).
Ids once given are never reused: a split takes new ones.
"""

from __future__ import annotations

from datetime import date

from .features import instance_keys_in
from .state import (
    JOIN_THRESHOLD, MAX_EVENT_GAP_DAYS, StoryState, accumulate, add_counts, bits_of, dated_weekdays, day_span,
    weekday_evidence, weeks_of,
)

# --- options ----------------------------------------------------------------
# A year either side of a dated story's is near it: a report of early January names the last days of December.
YEAR_SLACK = 1
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


class StoryRepair:
    """The repair pass of ``stories.StoryLinker``, which it is mixed into: it scores and looks
    stories up with the linker's own ``_score`` and index (``_story_candidates``, ``_member_candidates``)."""

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
            span = day_span(story) if story.day_counts else None
            for other_id in self._story_candidates(story):
                if other_id == story_id or other_id not in self.stories:
                    continue
                other = self.stories[other_id]
                score = self._score(story.terms, story.entities, span, other, story.scores, *weekday_evidence(story))
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
                dated = dated_weekdays(summary.day)
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

    def _remove_member(self, story: StoryState, member: str) -> None:
        self._vectors.clear()
        summary = self._summary(member)
        # In place, dropping words that reach zero: rebuilding the sums cost the story's size.
        for counts, items in ((story.terms, zip(summary.words, summary.counts)),
                              (story.entities, ((e, 1) for e in summary.entities)),
                              (story.scores, ((e, 1) for e in instance_keys_in(summary.entities))),
                              (story.weekdays, ((b, 1) for b in bits_of(summary.weekdays)))):
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
        the halves, and the merge rule decides whether they are one event. Halves
        whose dated articles report the same days stay one story.
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
                       dated_weekdays(s.day)) for m, s in summaries.items()}

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
        if _same_days(a, b):
            # Both halves dated, on the same days: one event's coverage from two angles (a deal's
            # announcement, a columnist's view of it), which two-means parts by words alone.
            return []
        # The merge pass's own rule, or it would merge the halves again at its next turn.
        score = self._score(a.terms, a.entities, day_span(a) if a.day_counts else None, b, a.scores, *weekday_evidence(a))
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
            accumulate(state, self._summary(member))
        return state

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
        weeks = weeks_of(b)
        for sums, more in ((a.terms, b.terms), (a.entities, b.entities), (a.scores, b.scores),
                           (a.weekdays, b.weekdays), (a.day_counts, b.day_counts)):
            add_counts(sums, more)
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


def _merge_bar(a: "StoryState", b: "StoryState") -> float:
    """The score two stories need to be merged: less when both report the same days, or neither any."""
    if not a.day_counts and not b.day_counts:
        return MERGE_THRESHOLD_UNDATED
    return MERGE_THRESHOLD_SAME_DAYS if _same_days(a, b) else MERGE_THRESHOLD


def _same_days(a: "StoryState", b: "StoryState") -> bool:
    """Both stories are dated and their days overlap, give or take the event gap."""
    if not a.day_counts or not b.day_counts:
        return False
    (a_first, a_last), (b_first, b_last) = day_span(a), day_span(b)
    return a_first <= b_last + MAX_EVENT_GAP_DAYS and b_first <= a_last + MAX_EVENT_GAP_DAYS


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
    lo, hi = day_span(dated)
    first, last = date.fromordinal(lo).year - YEAR_SLACK, date.fromordinal(hi).year + YEAR_SLACK
    return not any(first <= year <= last for year in named)
