"""The candidate index: for each key (a name, a word), the stories indexed under it, by week.

The linker compares an arriving article only with the stories this index
returns for its keys (``StoryLinker._candidates``), never with every story.
"""

from __future__ import annotations

# --- options ----------------------------------------------------------------
# Stories kept under one key of the candidate index (the most recent ones).
MAX_POSTING = 64
# ... and under one key's "undated" entry, which every dated article of any week reads:
# over a long stream it would fill with stale stories and grow every lookup.
MAX_UNDATED_POSTING = 16


class Postings:
    """Key → the stories indexed under it: by week, and the most recently touched of any time.

    News keys are time-local: a name common for years ("Geneva") would
    otherwise make every arriving article score thousands of old stories. A
    dated article looks only at the weeks its story could span (``near``); an
    undated one at the most recent stories under each key (``recent``). Each
    list keeps at most MAX_POSTING stories (MAX_UNDATED_POSTING for a key's
    undated stories, which every week reads), the oldest dropping out; an
    article still finds them through its rarer keys.
    """

    def __init__(self, cap: int = 0) -> None:
        self.cap = cap or MAX_POSTING
        self.undated_cap = min(self.cap, MAX_UNDATED_POSTING)
        self._recent: dict[str, dict[int, None]] = {}
        # Week (None: stories without a date) → key → stories. Nested rather than keyed by
        # (key, week): each article's new tuple keys kept that dict tracked by the garbage
        # collector, which walked its every entry at each full collection.
        self._weekly: dict[int | None, dict[str, dict[int, None]]] = {}

    def add(self, key: str, story: int, weeks) -> None:
        """Index ``story`` under ``key`` in each of ``weeks`` (week numbers, or None for an undated story)."""
        _push(self._recent, key, story, self.cap)
        weekly = self._weekly
        for week in weeks:
            keys = weekly.get(week)
            if keys is None:
                keys = weekly[week] = {}
            _push(keys, key, story, self.cap if week is not None else self.undated_cap)

    def discard(self, key: str, story: int, weeks) -> list:
        """Take ``story`` out from under ``key``; returns the weeks it was found in (for ``add`` elsewhere)."""
        posting = self._recent.get(key)
        if posting:
            posting.pop(story, None)
        found = []
        for week in dict.fromkeys((*weeks, None)):  # an undated story's weeks are [None] already
            posting = self._posting(key, week)
            if posting and posting.pop(story, False) is None:
                found.append(week)
        return found

    def recent(self, key: str):
        return self._recent.get(key, {}).keys()

    def near(self, key: str, weeks: tuple[int, ...]) -> set[int]:
        """Stories under ``key`` in any of ``weeks``, and the undated ones."""
        found: set[int] = set()
        for w in (*weeks, None):
            posting = self._posting(key, w)
            if posting:
                found.update(posting)
        return found

    def _posting(self, key: str, week: int | None) -> dict[int, None] | None:
        keys = self._weekly.get(week)
        return keys.get(key) if keys else None


def _push(lists: dict, key, story: int, cap: int) -> None:
    posting = lists.get(key)
    if posting is None:
        posting = lists[key] = {}
    else:
        posting.pop(story, None)
    posting[story] = None
    if len(posting) > cap:
        del posting[next(iter(posting))]
