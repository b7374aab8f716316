"""`ingest --workers N`: extract and annotate in worker processes, same result as in one process."""

from __future__ import annotations

import pytest

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
    finally:
        pooled.close()
    assert pooled._pool is None and "annotator" not in vars(pooled)  # the main process never loaded the model
    assert (report.articles_stored, len(report.failures)) == (expected.articles_stored, len(expected.failures)) == (5, 2)
    assert _contents(pooled.store) == _contents(single.store)
    assert (rebuilt.pages, rebuilt.rewritten, rebuilt.kept) == (5, 5, [])
    assert {k for k in pooled.timings if "(workers)" in k} == {"extract (workers)", "annotate (workers)"}
