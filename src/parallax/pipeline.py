"""Runs the stages over a stream of pages: ingest → extract → annotate → link → dossier → store.

Used by the CLI, the web app's upload and the benchmarks alike. Each stage's
result is checked for its type, and a stage that returns something else is
named in the error (spaCy's E005). A page that a stage rejects becomes a
``Failure`` and the batch goes on; a real bug propagates.
"""

from __future__ import annotations

import functools
import itertools
import logging
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO

from .errors import E_TOO_MANY_PAGES, PageRejected
from .extract import ExtractOptions, extract
from .ingest import read_pages
from .model import AnnotatedArticle, Article, Assignment, Dossier, Failure, Page
from .store import Store, content_hash

# The annotate and dossier stages are imported where they are used: a main process whose
# workers analyse the pages and build the dossiers needs neither spaCy nor scipy, and
# importing them cost it 0.6 s before it could start its workers.
if TYPE_CHECKING:
    from .annotate import Annotator
    from .link import Linker

LOGGER = logging.getLogger(__name__)

# Pages parsed together by spaCy and written together in one transaction.
BATCH_PAGES = 64
# With worker processes, batches handed out before the oldest one is stored:
# the main process links and stores one while the workers analyse the next.
IN_FLIGHT_BATCHES = 2
# ``workers="auto"``: one worker per core, but no more than this. The main process links
# and stores every page, about 5.4 ms a page (throughput benchmark: link, store and dossier
# saving 11.8 s for 2,200 pages), and a worker analyses about 18 pages a second (55 ms a
# page): about ten workers would keep it busy, and each holds its own model (200-250 MB
# resident here). Eight leaves the main process room.
MAX_AUTO_WORKERS = 8
AUTO = "auto"

Progress = Callable[[int], None]
# Builds the dossiers of many stories elsewhere (the Ray job's cluster), each as ``dossier.story_dossier`` returns it, in order.
DossierBuilder = Callable[[list[int]], Iterable["tuple[Dossier | None, list[AnnotatedArticle]]"]]


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did."""

    pages_read: int = 0
    articles_stored: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source, why)
    rejected_before: list[tuple[str, str]] = field(default_factory=list)  # (source, why an earlier run found no article)
    stories_touched: set[int] = field(default_factory=set)
    stories_created: set[int] = field(default_factory=set)
    stored: list[str] = field(default_factory=list)  # ids of the articles this run stored
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass(slots=True)
class RebuildReport:
    """What one ``Pipeline.rebuild`` did."""

    pages: int = 0  # stored pages analysed anew
    rewritten: int = 0  # articles replaced by their new analysis
    kept: list[Failure] = field(default_factory=list)  # pages this version rejects: their stored article stays
    dossiers: int = 0  # dossiers rebuilt


def _check(stage: str, result: Any, expected: type) -> Any:
    if not isinstance(result, expected):
        raise TypeError(f"stage {stage!r} returned {type(result).__name__}, expected {expected.__name__}")
    return result


class Pipeline:
    """The stages, built once (the spaCy model is loaded here), run over batches of pages."""

    def __init__(
        self, store: Store, *, annotator: Annotator | None = None, batch_pages: int = BATCH_PAGES,
        workers: int | str = 1, dossiers: DossierBuilder | None = None,
    ) -> None:
        """``workers`` > 1 extracts and annotates in that many processes (``workers.AnalysisPool``).

        ``workers="auto"``: one per core (``auto_workers``), started by the first
        run with a batch (``batch_pages``) of new pages or more. A run with fewer is analysed in
        this process: loading the model here takes about 1 s, starting the
        workers 1.5-2 s, and for a few dozen pages that start-up costs about
        what the second core saves (a core analyses about 18 pages a second).

        ``dossiers``: builds the dossiers of a run's stories when there are no
        workers to (``refresh_stories``).
        """
        if workers != AUTO and not (isinstance(workers, int) and workers >= 1):
            raise ValueError(f"workers must be a positive number or {AUTO!r}, not {workers!r}")
        self.store = store
        self.batch_pages = batch_pages
        self.auto = workers == AUTO
        self.workers: int = auto_workers() if self.auto else workers  # type: ignore[assignment]
        self._pool = None
        self._dossiers = dossiers
        self.timings: Counter = Counter()  # seconds spent per stage, for benchmarks and -v
        self._run_articles: set[str] = set()  # articles placed by the current ingest run
        self._annotator = annotator
        self._templates: dict[str, frozenset[str]] = {}
        if self.workers > 1 and not self.auto:
            self._start_pool()  # now, so the workers load their model while the main process reads the input

    @functools.cached_property
    def linker(self) -> Linker:
        """The linker with every stored article's state, restored on first use: from the
        snapshot the last run saved, or by replaying the stored articles when there is none.

        Late on purpose: with workers, the first use is while they analyse the
        run's first batches (``_collect``), so restoring overlaps their work;
        a run whose pages are all stored already never restores at all.
        """
        # Imported here: the worker processes import this module for ``analyse`` and never link.
        from .link import SIGNATURE_KEY, Linker, SnapshotError, snapshot_key

        start = time.perf_counter()
        with self._timed("restore"):
            data = self.store.link_snapshot(snapshot_key())
            if data is not None:
                try:
                    linker = Linker.from_snapshot(data)
                    LOGGER.info("linker loaded from the last run's snapshot (%d articles) in %.1f s",
                                linker.articles, time.perf_counter() - start)
                    return linker
                except SnapshotError as exc:
                    LOGGER.warning("not using the stored linker snapshot (%s): replaying the stored articles", exc)
            # Without a snapshot (a database written by an older Parallax, or after a run
            # that stopped halfway): about 0.6 ms an article, minutes at a million.
            linker = Linker(next_story_id=self.store.max_story_id() + 1)
            for article_id, state, story, group, body in self.store.link_state(SIGNATURE_KEY):
                linker.restore(article_id, state, story, group, body)
        LOGGER.info("linker restored by replaying %d stored articles in %.1f s", linker.articles, time.perf_counter() - start)
        return linker

    @functools.cached_property
    def annotator(self) -> Annotator:
        """The spaCy model and our annotators, loaded on first use: a run fed analysed pages never needs them."""
        from .annotate import Annotator

        return self._annotator or Annotator()

    @functools.cached_property
    def extract_options(self) -> ExtractOptions:
        return analysis_options(self.annotator, self._template_chrome)

    def _template_chrome(self, outlet: str) -> frozenset[str]:
        if outlet not in self._templates:
            self._templates[outlet] = self.store.template_chrome(outlet)
        return self._templates[outlet]

    # --- public ---------------------------------------------------------------

    def ingest(
        self, paths: Iterable[str], *, stdin: BinaryIO | None = None, progress: Progress | None = None,
        max_pages: int | None = None,
    ) -> IngestReport:
        """Read, process and store every page under ``paths``; rebuild the dossiers of touched stories.

        ``max_pages``: read no more pages than this (the web upload's bound); the
        first page past it becomes a failure saying so, and the pages before it are
        processed as usual.
        """
        run = self._begin_run()
        pages = read_pages(paths, stdin=stdin)
        if max_pages is not None:
            pages = _at_most(pages, max_pages)
        batches = self._admitted_batches(pages, run, progress)
        # The linker is restored at the first wait for the workers, so that restoring overlaps their work.
        for analysed in self._analysed(batches, while_waiting=lambda: self.linker):
            self._store_analysed(analysed, run.report, progress)
        return self._finish_run(run.report)

    def _start_pool_for(self, jobs: int) -> None:
        """``workers="auto"``: start the workers for a job of a batch or more (pages to analyse, dossiers to build)."""
        if self.auto and self._pool is None and self.workers > 1 and jobs >= self.batch_pages:
            LOGGER.info("starting %d worker processes", self.workers)
            self._start_pool()

    def _start_pool(self) -> None:
        from .workers import AnalysisPool

        self._pool = AnalysisPool(self.store.path, self.workers)

    def close(self) -> None:
        """Stop the worker processes, if any (the store stays open: it is the caller's)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def _analysed(self, batches: Iterable[list[Page]], *, while_waiting: Callable[[], object] | None = None) -> Iterator[list[Analysed]]:
        """Each batch extracted and annotated, in order: here, or by the workers.

        With workers, ``IN_FLIGHT_BATCHES`` batches are handed out ahead, so the
        caller stores one while the workers analyse the next; ``while_waiting`` is
        called before each wait for them.
        """
        if self.auto and self._pool is None:
            batches = iter(batches)
            first = next(batches, None)
            if first is None:
                return
            self._start_pool_for(len(first))  # a short first batch is the run's only one
            batches = itertools.chain([first], batches)
        if self._pool is None and (self.auto or self.workers <= 1):
            for pages in batches:
                yield analyse(pages, self.extract_options, self.annotator, timings=self.timings)
            return
        in_flight: deque = deque()
        for pages in batches:
            if self._pool is None:  # closed by an earlier run
                self._start_pool()
            in_flight.append(self._pool.submit(pages))
            if len(in_flight) >= IN_FLIGHT_BATCHES:
                yield self._collect(in_flight.popleft(), while_waiting)
        while in_flight:
            yield self._collect(in_flight.popleft(), while_waiting)

    def _collect(self, futures: list, while_waiting: Callable[[], object] | None) -> list[Analysed]:
        if while_waiting is not None:
            while_waiting()
        with self._timed("waiting for workers"):
            return self._pool.collect(futures, self.timings)

    def rebuild(
        self, stories: Iterable[int] | None = None, *, analyse_pages: bool = True, progress: Progress | None = None,
    ) -> RebuildReport:
        """Bring stored articles and dossiers up to this version of Parallax, without linking anew.

        Each stored page (of ``stories``, or all) is extracted and annotated
        again and its article rewritten in place; then the dossier of every story
        concerned is rebuilt. With ``analyse_pages=False`` only the dossiers are.

        Stories keep their ids and their articles: linking anew could merge or
        split stories people already link to. The linker keeps what it learned
        from each article when it was linked (its stored state and snapshot), so
        later pages join stories exactly as before. A page this version rejects
        keeps its stored article and is reported.
        """
        wanted = sorted(set(stories)) if stories is not None else None
        report = RebuildReport()
        if analyse_pages:
            batches = _batched(self.store.stored_pages(wanted), self.batch_pages)
            for analysed in self._analysed(batches):
                fresh = [a.item for a in analysed if a.item is not None]
                report.kept.extend(a.failure for a in analysed if a.failure is not None)
                with self._timed("store"):
                    self.store.rewrite_articles(fresh)
                report.pages += len(analysed)
                report.rewritten += len(fresh)
                if progress:
                    progress(len(analysed))
        with self._timed("dossier"):
            report.dossiers = len(self.refresh_stories(wanted if wanted is not None else self.store.story_ids()))
        return report

    def ingest_analysed(self, rows: Iterable[Failure | Analysed], *, progress: Progress | None = None) -> IngestReport:
        """Link and store pages that were extracted and annotated elsewhere (the Ray job).

        ``rows`` are what the reader gave, in its order, each page already
        analysed: the batches and checks are those of ``ingest``, so the same
        pages in the same order give the same stories.
        """
        run = self._begin_run()
        for batch in self._admitted_batches(rows, run, progress):
            self._store_analysed(batch, run.report, progress)
        return self._finish_run(run.report)

    def _begin_run(self) -> _Run:
        self._run_articles = set()
        return _Run(self.store)

    def _admitted_batches(self, items: Iterable, run: _Run, progress: Progress | None) -> Iterator[list]:
        """New pages (or analysed pages) in batches of ``batch_pages``; failures, duplicates and earlier rejections go to the report."""
        return _batched(run.admitted(items, self.batch_pages, progress), self.batch_pages)

    def _finish_run(self, report: IngestReport) -> IngestReport:
        if report.articles_stored:
            with self._timed("link"):
                # The end of a run: every story it touched checked once more, with all its articles.
                self._repair(set(report.stories_touched), report, recheck=self._run_articles)
        # Stories merged away by a repair answer to the story they joined.
        report.stories_touched = {
            s for s in {self.store.resolve_story(t) for t in report.stories_touched} if self.store.story_exists(s)
        }
        # A story the run started and a repair then merged into another is not a new story.
        report.stories_created &= report.stories_touched
        with self._timed("dossier"):
            self.refresh_stories(report.stories_touched)
        if report.articles_stored:
            with self._timed("snapshot"):  # last: the run's articles and dossiers are stored whatever happens to it
                self._save_snapshot()
        return report

    def _save_snapshot(self) -> None:
        """The linker's state for the next run, which then need not replay every stored article."""
        from .link import snapshot_key

        if not self.store.save_link_snapshot(snapshot_key(), self.linker.snapshot(), self.linker.articles):
            # Another writer stored articles meanwhile, or the state is too large: the next run replays them all.
            LOGGER.info("linker snapshot not saved (too large, or the database holds articles this run did not link)")

    def _repair(self, touched: set[int], report: IngestReport, *, recheck: set[str] | None = None) -> None:
        moved = self.linker.repair(touched, recheck=recheck)
        if moved:
            changed = self.store.move_articles(moved)
            report.stories_touched |= changed
            LOGGER.info("repair moved %d articles across %d stories", len(moved), len(changed))

    def refresh_stories(self, stories: Iterable[int]) -> list[Dossier]:
        """Infer missing dates and rebuild the dossier of each story (in the workers, or by the
        ``dossiers`` builder, when there are some)."""
        stories = sorted(stories)
        self._start_pool_for(len(stories))  # ``rebuild --dossiers-only`` of many stories
        if self._pool is not None and len(stories) > 1:
            built = self._pool.dossiers(stories)
        elif self._dossiers is not None and len(stories) > 1:
            built = self._dossiers(stories)
        else:
            from .dossier import story_dossier

            built = (story_dossier(story, self.store.story_items(story)) for story in stories)
        dossiers = []
        for dossier, changed in built:
            if dossier is None:
                continue
            if changed:
                self.store.update_articles(changed)
            self.store.save_dossier(_check("dossier", dossier, Dossier))
            dossiers.append(dossier)
        return dossiers

    # --- steps ----------------------------------------------------------------

    @contextmanager
    def _timed(self, stage: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] += time.perf_counter() - start

    def _store_analysed(self, analysed: list[Analysed], report: IngestReport, progress: Progress | None) -> None:
        """Link, store and repair one batch of analysed pages."""
        kept = [a.page for a in analysed if a.item is not None]
        items = [a.item for a in analysed if a.item is not None]
        rejected = [(a.page, a.failure.reason) for a in analysed if a.failure is not None]
        report.failures.extend(a.failure for a in analysed if a.failure is not None)
        with self._timed("link"):
            assignments, link_states, regrouped, renamed = self._link_all(items, report)
        with self._timed("store"):
            self.store.save_batch(kept, items, assignments, link_states, regrouped, renamed, rejected)
        self._templates.clear()  # the batch taught the store new outlet templates
        with self._timed("link"):
            self._repair({a.story for a in assignments}, report)
        report.articles_stored += len(items)
        report.stored.extend(i.article.id for i in items)
        if progress:
            progress(len(analysed))

    def _link_all(self, items: list[AnnotatedArticle], report: IngestReport):
        assignments: list[Assignment] = []
        from .link import linking_order

        for item in linking_order(items):
            assignment = _check("link", self.linker(item), Assignment)
            assignments.append(assignment)
            report.stories_touched.add(assignment.story)
            self._run_articles.add(assignment.article_id)
            if assignment.score == 1.0:
                report.stories_created.add(assignment.story)
        return assignments, self.linker.take_states(), self.linker.take_regrouped(), self.linker.take_renamed_groups()


def auto_workers() -> int:
    """The worker processes ``workers="auto"`` means: one per core this process may use, at most ``MAX_AUTO_WORKERS``."""
    try:
        cores = len(os.sched_getaffinity(0))  # a container's or taskset's share, not the machine's
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_AUTO_WORKERS))


@dataclass(slots=True)
class Analysed:
    """One page after extract and annotate: its article, or why it has none."""

    page: Page
    item: AnnotatedArticle | None = None
    failure: Failure | None = None


def analysis_options(annotator: Annotator, templates: Callable[[str], frozenset[str]]) -> ExtractOptions:
    """How ``analyse`` extracts, wherever it runs: the headline reader of ``annotator``'s model, and ``templates``."""
    from .annotate import make_headline_reader

    return ExtractOptions(read_headline=make_headline_reader(annotator.nlp), templates=templates)


def analyse(
    pages: list[Page], options: ExtractOptions, annotator: Annotator, *, timings: Counter | None = None,
) -> list[Analysed]:
    """Extract and annotate a batch of pages: the per-page half of the pipeline.

    Needs no database, so the Ray job runs exactly this in its workers.
    """
    timings = timings if timings is not None else Counter()
    out: list[Analysed] = []
    start = time.perf_counter()
    for page in pages:
        try:
            out.append(Analysed(page, item=_check("extract", extract(page, options), Article)))  # type: ignore[arg-type]
        except PageRejected as exc:
            LOGGER.info("page %s rejected: %s", page.id, exc.reason)
            out.append(Analysed(page, failure=Failure(source=page.source, reason=exc.reason, stage="extract", page_id=page.id)))
    timings["extract"] += time.perf_counter() - start
    start = time.perf_counter()
    extracted = [a for a in out if a.item is not None]
    items = annotator([a.item for a in extracted])  # type: ignore[misc]
    for analysed, item in zip(extracted, items, strict=True):
        analysed.item = _check("annotate", item, AnnotatedArticle)
    timings["annotate"] += time.perf_counter() - start
    return out


class _Run:
    """The bookkeeping of one ingest run: its report, and the pages it already took."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.report = IngestReport()
        # Pages of this run not yet stored: the same page twice in one input is a duplicate too.
        self.ids: set[str] = set()
        self.urls: set[str] = set()
        self.texts: set[str] = set()

    def admitted(self, items: Iterable[Page | Failure | Analysed], chunk: int, progress: Progress | None) -> Iterator[Page | Analysed]:
        """The new pages (or analysed pages) of ``items``, in order; failures, duplicates and pages
        rejected by an earlier run go to the report.

        Stored copies and earlier rejections are looked up ``chunk`` items at a time
        (``Store.duplicates_of``, ``Store.rejections_of``).
        """
        for part in _batched(items, chunk):
            pages = [_page_of(item) for item in part if not isinstance(item, Failure)]
            hashes = [content_hash(page.content) for page in pages]  # once: for the store's checks and this run's
            stored = self.store.duplicates_of(pages, hashes)
            rejected = self.store.rejections_of([h for h, why in zip(hashes, stored) if why is None])
            checked = iter(zip(pages, hashes, stored))
            for item in part:
                if isinstance(item, Failure):
                    self.report.failures.append(item)
                    if progress:
                        progress(1)
                elif self._admit(*next(checked), rejected, progress):
                    yield item

    def _admit(self, page: Page, text: str, stored_as: str | None, rejected: dict[str, str], progress: Progress | None) -> bool:
        self.report.pages_read += 1
        why = stored_as or self._seen(page, text)
        if why:
            self.report.duplicates.append((page.source, why))
        elif text in rejected:
            self.report.rejected_before.append((page.source, rejected[text]))
        else:
            self.ids.add(page.id)
            self.texts.add(text)
            if page.url:
                self.urls.add(page.url)
            return True
        if progress:
            progress(1)
        return False

    def _seen(self, page: Page, text: str) -> str | None:
        """Why ``page`` (whose content hashes to ``text``) repeats one this run took already, or None."""
        if page.id in self.ids:
            return "same id"
        if page.url and page.url in self.urls:
            return "same url"
        if text in self.texts:
            return "same text"
        return None


def _page_of(item: Page | Analysed) -> Page:
    return item.page if isinstance(item, Analysed) else item


def _batched(items: Iterable, size: int) -> Iterator[list]:
    # itertools.batched is Python 3.12; Parallax supports 3.11.
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _at_most(items: Iterable[Page | Failure], limit: int) -> Iterator[Page | Failure]:
    pages = 0
    for item in items:
        if isinstance(item, Page):
            if pages == limit:
                yield Failure(source=item.source, reason=E_TOO_MANY_PAGES.format(limit=limit), page_id=item.id)
                return
            pages += 1
        yield item
