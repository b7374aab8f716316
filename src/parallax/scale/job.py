"""``parallax scale``: ingest → extract → annotate on Ray Data, then link → store on the driver, dossiers on Ray.

Reading, extraction and annotation work page by page and take nearly all of
the time (spaCy above all), so they are what Ray spreads over the cluster: one
actor per CPU, each loading the model once. Linking is an online process over
the ordered stream; it costs a fraction of a millisecond per article, so it
stays on the driver, in the very ``Pipeline`` the single-machine ingest uses:
the same pages in the same order give the same stories as ``parallax ingest``.
The touched stories' dossiers, built at the end, are Ray tasks again
(``dossiers.ClusterDossiers``).
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..ingest import expand_paths
from ..ingest.reader import read_file
from ..model import Failure
from ..pipeline import BATCH_PAGES, IngestReport, Pipeline, Progress
from ..store import Store
from .dossiers import ClusterDossiers
from .records import decode, encode

LOGGER = logging.getLogger(__name__)


BLOCK_BYTES = 4 * 1024 * 1024


@dataclass(slots=True, kw_only=True)
class ScaleOptions:
    """How the job runs; every field has a default that suits one machine."""

    address: str | None = None  # a Ray cluster ("auto", "ray://head:10001"); None starts Ray here
    num_cpus: int | None = None  # CPUs of a Ray started here; None: all of them
    workers: int | None = None  # analysing actors; None: one per CPU of the cluster
    batch_pages: int = BATCH_PAGES  # pages per actor call and per stored batch
    parquet: Path | None = None  # also write articles.parquet and stories.parquet here


def _columns(rows: list[dict]) -> dict[str, list[str]]:
    return {"kind": [r["kind"] for r in rows], "record": [r["record"] for r in rows]}


class _Analyser:
    """A Ray actor: reads input files and extracts and annotates their pages, with a model it loads once.

    One call takes one file (a row holding its path) and yields its pages in
    batches as they are analysed, so a 1 GB WARC is streamed, not held, and
    files, not pages, are what Ray spreads over the actors.
    """

    def __init__(self, templates: dict[str, frozenset[str]], batch_pages: int) -> None:
        from ..annotate import Annotator
        from ..pipeline import analysis_options

        self.batch_pages = batch_pages
        self.annotator = Annotator()
        self.options = analysis_options(self.annotator, lambda outlet: templates.get(outlet, frozenset()))

    def __call__(self, batch: dict) -> Iterator[dict[str, list[str]]]:
        
        for path in batch["path"]:
            items: list = []
            for item in read_file(Path(str(path))):
                items.append(item)
                if len(items) >= self.batch_pages:
                    yield self._analyse(items)
                    items = []
            if items:
                yield self._analyse(items)

    def _analyse(self, items: list) -> dict[str, list[str]]:
        from ..model import Page
        from ..pipeline import analyse

        analysed = iter(analyse([i for i in items if isinstance(i, Page)], self.options, self.annotator))
        return _columns([encode(next(analysed)) if isinstance(i, Page) else encode(i) for i in items])


def run_job(
    paths: list[str], db: str, options: ScaleOptions | None = None, *,
    progress: Progress | None = None, timings: Counter | None = None,
) -> IngestReport:
    """Run the pipeline over ``paths`` with Ray; store into ``db`` (a path or URL) and optionally Parquet.

    ``timings``, when given, receives the driver's seconds per stage (link, store, dossier).
    """
    quiet = logging.getLogger().level > logging.INFO  # Ray's own chatter only with -v
    if quiet:
        # Ray Data logs every plan it runs; read when it configures itself, i.e. before import.
        os.environ.setdefault("RAY_DATA_LOG_LEVEL", "ERROR")
    import ray

    options = options or ScaleOptions()
    files: list[Path] = []
    missing: list[Failure] = []
    for found in expand_paths(paths):
        (missing if isinstance(found, Failure) else files).append(found)  # type: ignore[arg-type]

    store = Store(db)
    started = False
    try:
        rows: Iterator = iter(())
        dossiers = None
        if files:  # nothing to read: no cluster to start
            started = _start_ray(ray, options, quiet)
            # The analysing actors, and the dossier tasks kept busy: one per CPU of the cluster unless told.
            workers = options.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
            rows = _analysed_rows(ray, files, store.template_snapshot(), options, workers)
            dossiers = ClusterDossiers(ray, store, workers)
        pipeline = Pipeline(store, batch_pages=options.batch_pages, dossiers=dossiers)
        report = pipeline.ingest_analysed(_chain(missing, rows), progress=progress)
        if timings is not None:
            timings.update(pipeline.timings)
    finally:
        if started:
            ray.shutdown()
    if options.parquet is not None:
        from .parquet import write_parquet

        written = write_parquet(store, options.parquet, articles=set(report.stored), stories=report.stories_touched)
        LOGGER.info("wrote %s", ", ".join(f"{n} rows to {name}" for name, n in written.items()))
    store.close()
    return report


def _start_ray(ray, options: ScaleOptions, quiet: bool) -> bool:
    """Join the cluster (or start Ray here); True when this call started it and so must shut it down."""
    if ray.is_initialized():
        return False
    ray.init(address=options.address, num_cpus=options.num_cpus if options.address is None else None,
             include_dashboard=False, log_to_driver=not quiet, logging_level=logging.ERROR if quiet else logging.INFO)
    return True


def _analysed_rows(ray, files: list[Path], templates: dict, options: ScaleOptions, workers: int) -> Iterator:
    """The analysed pages of ``files``, streamed back from ``workers`` actors in the reader's order."""
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # linking is order-sensitive: keep the reader's order
    # Hand analysed pages to the driver a few batches at a time (a block is ~15 KB a page)
    # rather than one block per input file: a WARC file is tens of thousands of pages.
    context.target_max_block_size = BLOCK_BYTES
    context.enable_progress_bars = False
    dataset = ray.data.from_items([{"path": str(f)} for f in files], override_num_blocks=len(files)).map_batches(
        _Analyser, batch_size=1, compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1,
        fn_constructor_kwargs={"templates": templates, "batch_pages": options.batch_pages},
    )
    return (decode(str(r["kind"]), str(r["record"])) for r in dataset.iter_rows())


def _chain(first: list, rest: Iterator) -> Iterator:
    yield from first
    yield from rest
