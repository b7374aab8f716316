"""A pool of processes that extract and annotate pages, for ``ingest --workers N``.

Why not spaCy's own ``nlp.pipe(n_process=N)``: that parallelises the parse
alone, starts its processes anew for every call, and sends every parsed
``Doc`` back to the main process, which then runs extraction and our
annotators on one core. Here each worker loads the model once, runs the whole
per-page half of the pipeline (``pipeline.analyse``), and sends back only the
small annotated records; the main process links, stores and builds dossiers
while the workers analyse the next batch.

Workers read outlet templates from the database themselves (read-only), so a
batch sees the templates of every batch stored before it was handed out. At
the end of a run they also build the touched stories' dossiers, reading each
story's articles from the database and sending back only the dossier.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
from collections import Counter
from concurrent.futures import Future, ProcessPoolExecutor

from .model import Page

# Pages per task: small enough that both workers stay busy to the end of a batch.
CHUNK_PAGES = 16

# This worker process's model, options and read-only store, set up once by its initializer.
_worker: dict = {}


def _store():
    from .store import Store

    if "store" not in _worker:
        _worker["store"] = Store(_worker["db"], read_only=True)
    return _worker["store"]


def _start_worker(db: str) -> None:
    from .annotate import Annotator
    from .pipeline import analysis_options

    _worker["db"] = db
    annotator = Annotator()
    cache: dict[str, frozenset[str]] = {}

    def templates(outlet: str) -> frozenset[str]:
        if outlet not in cache:
            cache[outlet] = _store().template_chrome(outlet)
        return cache[outlet]

    _worker.update(
        annotator=annotator, cache=cache,
        options=analysis_options(annotator, templates),
    )
    atexit.register(_exit_now)


def _exit_now() -> None:
    """End a worker without the interpreter's teardown.

    A worker holds a model and its caches as many Python objects, which a normal
    exit frees one by one: 0.3 s of every run's end spent waiting for workers
    whose memory the system takes back at once. A worker writes nothing (its
    store is read-only) and has sent every result before the pool asks it to
    stop, so only its output streams need flushing. Registered last, so it runs
    first of the exit handlers.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):  # closed or replaced
            pass
    os._exit(0)


def _analyse_chunk(pages: list[Page]):
    from .pipeline import analyse

    _worker["cache"].clear()  # templates may have grown since the last chunk
    timings: Counter = Counter()
    return analyse(pages, _worker["options"], _worker["annotator"], timings=timings), timings


def _ready() -> bool:
    return True


def _story_dossier(story: int):
    from .dossier import story_dossier

    return story_dossier(story, _store().story_items(story))


class AnalysisPool:
    """``workers`` processes, each with its own model, analysing chunks of a batch in order."""

    def __init__(self, db: str, workers: int) -> None:
        self.workers = workers
        # spawn, not fork: the parent may hold threads (the web server) and a database connection.
        self.executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker, initargs=(db,),
        )
        # Workers start (and load their model) on demand; ask for all of them now, so
        # that start-up overlaps the main process's own (restoring the linker, reading).
        for _ in range(workers):
            self.executor.submit(_ready)

    def submit(self, pages: list[Page]) -> list[Future]:
        return [self.executor.submit(_analyse_chunk, pages[i: i + CHUNK_PAGES]) for i in range(0, len(pages), CHUNK_PAGES)]

    @staticmethod
    def collect(futures: list[Future], timings: Counter) -> list:
        """The analysed pages of one submitted batch, in page order; worker time is added to ``timings``."""
        out = []
        for future in futures:
            analysed, spent = future.result()
            out.extend(analysed)
            timings.update({f"{stage} (workers)": seconds for stage, seconds in spent.items()})
        return out

    def dossiers(self, stories: list[int]):
        """(dossier, re-dated articles) of each story, in order, built by the workers from the database."""
        # Stories vary from one article to hundreds: small chunks keep both workers busy.
        return self.executor.map(_story_dossier, stories, chunksize=max(1, len(stories) // (8 * self.workers)))

    def close(self) -> None:
        self.executor.shutdown(cancel_futures=True)
