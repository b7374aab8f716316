"""The Ray job gives what the single-machine pipeline gives on the same pages."""

from __future__ import annotations

import pytest

from parallax.pipeline import Pipeline
from parallax.store import Store
from tests.conftest import SEED_A
from tests.small_corpus import build as _corpus
from tests.small_corpus import contents

pytest.importorskip("ray", reason="the [scale] extra (ray[data]) is not installed")


def _contents(db):
    store = Store(db, read_only=True)
    try:
        return contents(store)
    finally:
        store.close()


@pytest.mark.slow
def test_ray_job_matches_single_machine_pipeline(tmp_path, annotator, monkeypatch):
    from parallax import dossier
    from parallax.scale import ScaleOptions, run_job

    inputs = _corpus(tmp_path)
    local = Pipeline(Store(tmp_path / "local.db"), annotator=annotator, batch_pages=2)
    expected = local.ingest(inputs)
    local.store.close()

    def on_the_driver(story, items):
        raise AssertionError(f"the driver built story {story}'s dossier: the job's stories are the cluster's to build")

    monkeypatch.setattr(dossier, "story_dossier", on_the_driver)  # the Ray tasks' processes are not patched

    report = run_job(inputs, str(tmp_path / "ray.db"),
                     ScaleOptions(num_cpus=2, batch_pages=2, parquet=tmp_path / "parquet"))

    assert (report.pages_read, report.articles_stored) == (expected.pages_read, expected.articles_stored) == (6, 5)
    assert sorted(f.source for f in report.failures) == sorted(f.source for f in expected.failures)
    articles, dossiers = _contents(tmp_path / "ray.db")
    assert (articles, dossiers) == _contents(tmp_path / "local.db")
    stories = {a["id"]: a["story"] for a in articles}
    assert stories["wire-copy"] == stories[SEED_A.stem] != stories["flood-a"] == stories["flood-b"]

    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "parquet" / "articles.parquet")
    assert sorted(table.column("id").to_pylist()) == [a["id"] for a in articles]
    assert pq.read_table(tmp_path / "parquet" / "stories.parquet").num_rows == len(dossiers)


@pytest.mark.slow
def test_scale_command_stores_and_writes_parquet(tmp_path):
    from typer.testing import CliRunner

    from parallax import cli
    from tests.conftest import EXAMPLES

    db = tmp_path / "cli.db"
    result = CliRunner().invoke(cli.app, ["--db", str(db), "scale", str(EXAMPLES), "--cpus", "2",
                                          "--parquet", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "articles stored: 2" in result.output and "stories touched: 1" in result.output
    assert (tmp_path / "out" / "articles.parquet").exists() and (tmp_path / "out" / "stories.parquet").exists()
    missing = CliRunner().invoke(cli.app, ["--db", str(db), "scale", str(tmp_path / "nothing-here")])
    assert missing.exit_code == 1 and "no such file" in missing.output
