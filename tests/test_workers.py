"""`ingest --workers N|auto`: extract and annotate in worker processes, same result as in one process."""

from __future__ import annotations

import pytest

from parallax import pipeline as pipeline_module
from parallax.pipeline import Pipeline
from parallax.store import Store
from tests.small_corpus import build as _corpus
from tests.small_corpus import contents as _contents


@pytest.mark.slow
def test_worker_processes_give_the_same_stories(tmp_path, annotator):
    inputs = _corpus(tmp_path)
    single = Pipeline(Store(tmp_path / "one.db"), annotator=annotator, batch_pages=2)
    expected = single.ingest(inputs)

    pooled = Pipeline(Store(tmp_path / "two.db"), batch_pages=2, workers=2)
    try:
        report = pooled.ingest(inputs)
        # Analysing the stored pages again, in the workers, with the same code changes nothing.
        rebuilt = pooled.rebuild()
        processes = list(pooled._pool.executor._processes.values())
    finally:
        pooled.close()
    # Workers end without the interpreter's teardown (workers._exit_now), and cleanly.
    assert len(processes) == 2 and [p.exitcode for p in processes] == [0, 0]
    assert pooled._pool is None and "annotator" not in vars(pooled)  # the main process never loaded the model
    assert (report.articles_stored, len(report.failures)) == (expected.articles_stored, len(expected.failures)) == (5, 2)
    assert _contents(pooled.store) == _contents(single.store)
    assert (rebuilt.pages, rebuilt.rewritten, rebuilt.kept) == (5, 5, [])
    assert {k for k in pooled.timings if "(workers)" in k} == {"extract (workers)", "annotate (workers)"}


def test_auto_analyses_a_run_of_one_short_batch_in_process(tmp_path, annotator, monkeypatch):
    monkeypatch.setattr(pipeline_module, "auto_workers", lambda: 2)  # as on a 2-core machine, whatever runs the test
    inputs = _corpus(tmp_path)
    auto = Pipeline(Store(tmp_path / "auto.db"), annotator=annotator, workers="auto")  # batches of 64: one short batch
    report = auto.ingest(inputs)
    assert auto.workers == 2 and auto._pool is None  # no process was started for 7 pages
    assert (report.articles_stored, len(report.failures)) == (5, 2)
    assert not any("(workers)" in k for k in auto.timings)


@pytest.mark.slow
def test_auto_starts_the_workers_for_a_run_of_several_batches(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline_module, "auto_workers", lambda: 2)
    inputs = _corpus(tmp_path)
    auto = Pipeline(Store(tmp_path / "auto.db"), batch_pages=2, workers="auto")
    try:
        report = auto.ingest(inputs)
        assert auto._pool is not None  # kept for the next run, as --watch does
    finally:
        auto.close()
    assert "annotator" not in vars(auto)  # every page went to the workers
    assert (report.articles_stored, len(report.failures)) == (5, 2)
    assert {k for k in auto.timings if "(workers)" in k} == {"extract (workers)", "annotate (workers)"}


@pytest.mark.parametrize("workers", [0, -1, "two", 1.5])
def test_workers_must_be_a_positive_number_or_auto(tmp_path, workers):
    with pytest.raises(ValueError, match="workers must be"):
        Pipeline(Store(tmp_path / "x.db"), workers=workers)


@pytest.mark.slow
def test_auto_builds_many_dossiers_in_the_workers(tmp_path, annotator, monkeypatch):
    monkeypatch.setattr(pipeline_module, "auto_workers", lambda: 2)
    inputs = _corpus(tmp_path)
    Pipeline(Store(tmp_path / "auto.db"), annotator=annotator).ingest(inputs)
    auto = Pipeline(Store(tmp_path / "auto.db"), batch_pages=2, workers="auto")
    try:
        report = auto.rebuild(analyse_pages=False)  # the dossiers only, of more stories than a batch
        assert auto._pool is not None
    finally:
        auto.close()
    assert report.dossiers >= 2 and "annotator" not in vars(auto)
