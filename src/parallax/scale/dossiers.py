"""The Ray job's dossiers, built on the cluster rather than on the driver.

At the end of a job the driver rebuilds the dossier of every story the job
touched. Done there, in one process, that was the largest part of the
driver's own time (about 40 % on the scale benchmark's pages) while the
cluster's cores sat idle. Here the driver reads each story's stored articles
and saves its dossier; Ray tasks run ``story_dossier`` itself, the stage code
the single-machine workers run, so the dossiers are the same.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import AnnotatedArticle, Dossier, decode, encode

if TYPE_CHECKING:  # the tasks' processes need no database
    from ..store import Store

# A task takes stories until it holds this many articles: most stories of a day's news
# have one or two, whose dossier takes a few milliseconds, less than a task's own cost.
TASK_ARTICLES = 64
# Tasks handed out per CPU ahead of the one the driver waits for: the cluster stays busy
# while the driver saves, and a large job's stories are not all read into memory at once.
TASKS_AHEAD_PER_CPU = 2


def build_dossiers(stories: list[tuple[int, list[str]]]) -> list[tuple[str | None, list[str]]]:
    """A task: each story's dossier and re-dated articles, from and to JSON (as the job's rows travel)."""
    from ..dossier import story_dossier

    built = []
    for story, records in stories:
        dossier, changed = story_dossier(story, [decode(AnnotatedArticle, r) for r in records])
        built.append((encode(dossier) if dossier is not None else None, [encode(c) for c in changed]))
    return built


class ClusterDossiers:
    """A ``Pipeline`` dossier builder (``DossierBuilder``) that runs ``build_dossiers`` as Ray tasks."""

    def __init__(self, ray, store: Store, cpus: int) -> None:
        self.ray = ray
        self.store = store
        self.ahead = max(1, cpus) * TASKS_AHEAD_PER_CPU
        self._task = ray.remote(num_cpus=1)(build_dossiers)

    def __call__(self, stories: list[int]) -> Iterator[tuple[Dossier | None, list[AnnotatedArticle]]]:
        in_flight: deque = deque()
        for chunk in self._chunks(stories):
            in_flight.append(self._task.remote(chunk))
            if len(in_flight) >= self.ahead:
                yield from _decoded(self.ray.get(in_flight.popleft()))
        while in_flight:
            yield from _decoded(self.ray.get(in_flight.popleft()))

    def _chunks(self, stories: list[int]) -> Iterator[list[tuple[int, list[str]]]]:
        chunk: list[tuple[int, list[str]]] = []
        articles = 0
        for story in stories:
            records = self.store.story_records(story)
            chunk.append((story, records))
            articles += len(records)
            if articles >= TASK_ARTICLES:
                yield chunk
                chunk, articles = [], 0
        if chunk:
            yield chunk


def _decoded(built: list[tuple[str | None, list[str]]]) -> Iterator[tuple[Dossier | None, list[AnnotatedArticle]]]:
    for dossier, changed in built:
        yield (decode(Dossier, dossier) if dossier is not None else None,
               [decode(AnnotatedArticle, c) for c in changed])
