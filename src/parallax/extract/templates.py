"""Outlet templates: lines an outlet prints around every article, learned from its pages.

A banner, a donation appeal, a footer sentence: chrome that reads like prose on
one page shows itself by recurring across an outlet's articles about unrelated
events. Body text recurs only within one story (updates, corrections), so a line
counts as template when it appears in pages of several different stories of
the outlet. This module holds the rule; the store keeps the observations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from .lines import normalise, page_lines

# --- thresholds -------------------------------------------------------------
# A line is the outlet's chrome once it has appeared in this many of its stories...
MIN_TEMPLATE_STORIES = 3
# ...and in at least this share of the outlet's stories seen so far.
MIN_TEMPLATE_SHARE = 0.3
# Only lines near a page's edges are observed: chrome lives there, and it keeps
# the observations small.
EDGE_LINES = 25
MAX_TEMPLATE_LINE_WORDS = 80

TemplateLookup = Callable[[str], frozenset[str]]


def line_keys(text: str) -> set[str]:
    """Keys of the lines of a page that could be template: near the edges, not too long."""
    lines = page_lines(text)  # as the line classifier reads them
    edge = lines[:EDGE_LINES] + lines[-EDGE_LINES:]
    return {normalise(line) for line in edge if len(line.split()) <= MAX_TEMPLATE_LINE_WORDS}


def is_template(stories_with_line: int, stories_of_outlet: int) -> bool:
    return stories_with_line >= MIN_TEMPLATE_STORIES and stories_with_line >= MIN_TEMPLATE_SHARE * stories_of_outlet


class TemplateLearner:
    """The same rule in memory, for runs without a database (benchmarks, tests)."""

    def __init__(self) -> None:
        self._stories: dict[str, set[object]] = defaultdict(set)
        self._lines: dict[tuple[str, str], set[object]] = defaultdict(set)

    def observe(self, outlet: str, story: object, keys: Iterable[str]) -> None:
        self._stories[outlet].add(story)
        for key in keys:
            self._lines[(outlet, key)].add(story)

    def chrome_for(self, outlet: str) -> frozenset[str]:
        total = len(self._stories.get(outlet, ()))
        return frozenset(
            key for (o, key), stories in self._lines.items() if o == outlet and is_template(len(stories), total)
        )
