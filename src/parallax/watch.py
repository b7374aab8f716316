"""Keep ingesting: ``parallax ingest --watch`` polls its paths and ingests files as they appear.

Why a loop in one process rather than a run every few minutes: a new run pays
for starting its worker processes (each loads the language model) and for
restoring the linker, however few its new pages; a pipeline kept open pays only
for the new pages and the stories they change.

A file is taken once its size and modification time have held still from one
poll to the next, so a crawler still writing it is not read half-written. A
file that grows later (JSON Lines appended to) is read again, and the pages
stored from it before are skipped as already stored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI imports this module for its options; the pipeline loads spaCy
    from .pipeline import IngestReport, Pipeline

# Seconds between two looks at the watched paths.
DEFAULT_INTERVAL = 10.0

_State = tuple[int, int]  # size, modification time in ns


class FolderWatch:
    """Which files under some paths are new or changed, and have stopped changing."""

    def __init__(self, paths: Iterable[str]) -> None:
        self.paths = list(paths)
        self._taken: dict[Path, _State] = {}  # the state each file was last ingested in
        self._last: dict[Path, _State] = {}  # the state each file had at the last poll

    def take_all(self) -> None:
        """Count every file there now as ingested (the first run reads them all)."""
        self._last = self._states()
        self._taken = dict(self._last)

    def poll(self) -> list[Path]:
        """Files whose state differs from the one they were ingested in, and equals the last poll's."""
        now = self._states()
        ready = sorted(p for p, state in now.items() if self._taken.get(p) != state and self._last.get(p) == state)
        self._taken.update({p: now[p] for p in ready})
        self._last = now
        return ready

    def _states(self) -> dict[Path, _State]:
        from .ingest import expand_paths

        states = {}
        for path in expand_paths(self.paths, warn_skipped=False):
            if isinstance(path, Path):
                try:
                    stat = path.stat()
                except OSError:  # gone between the listing and the look
                    continue
                states[path] = (stat.st_size, stat.st_mtime_ns)
        return states


def keep_watching(
    pipeline: Pipeline, folder: FolderWatch, *, interval: float = DEFAULT_INTERVAL,
    on_report: Callable[[IngestReport], None], stop: threading.Event | None = None,
) -> None:
    """Every ``interval`` seconds, ingest the files of ``folder`` that appeared or changed, until ``stop`` is set.

    The caller makes the first run, after ``folder.take_all()``; ``on_report`` gets
    the report of each later run that found files.
    """
    stop = stop or threading.Event()
    while not stop.wait(interval):
        files = folder.poll()
        if files:
            on_report(pipeline.ingest([str(f) for f in files]))
