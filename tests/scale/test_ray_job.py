"""The Ray job gives what the single-machine pipeline gives on the same pages."""

from __future__ import annotations

import json
import shutil

import pytest

from parallax.export import export_article
from parallax.model import to_dict
from parallax.pipeline import Pipeline
from parallax.store import Store
from tests.conftest import SEED_A, SEED_B

ray = pytest.importorskip("ray", reason="the [scale] extra (ray[data]) is not installed")

FLOOD_A = """Floods force thousands from homes in northern Bavaria

Rescue teams evacuated more than 3,000 people from villages along the Main river on Tuesday after two days
of heavy rain burst its banks, the regional government said.

"The water rose faster than anyone expected," said Markus Weber, the mayor of Lichtenfels, where the old town was
under a metre of water by the afternoon.

Police said two people were missing and about 40 roads were closed. The weather service expects the rain to ease
on Wednesday, but warned that levels downstream would keep rising into the weekend.
"""

FLOOD_B = """Thousands evacuated as Main river floods Bavarian towns

More than 3,000 residents were moved to emergency shelters in northern Bavaria on Tuesday as the Main river
flooded after torrential rain, officials said.

Lichtenfels mayor Markus Weber said "the water rose faster than anyone expected" as the historic centre flooded.
Two people are missing, according to police, and some 40 roads have been shut.

Forecasters said the downpours would ease on Wednesday, though river levels further downstream could rise until
the weekend.
"""


def _corpus(folder):
    pages = folder / "pages"
    pages.mkdir()
    for seed in (SEED_A, SEED_B):
        shutil.copy(seed, pages / seed.name)
    wire = "Gulf Wire Daily | World | Middle East\nSign in\n" + SEED_A.read_text(encoding="utf-8")
    lines = [
        {"id": "wire-copy", "url": "https://gulfwire.example/world/syria-obama-putin", "text": wire},
        {"id": "flood-a", "url": "https://www.mainpost.example/2021/07/13/floods-bavaria", "text": FLOOD_A},
        {"id": "flood-b", "url": "https://www.bavarianews.example/2021/07/13/main-river-floods", "text": FLOOD_B},
        {"id": "chrome-only", "text": "Home\nNews\nSport\nSign in\nSubscribe\n© 2021 Some Outlet"},
    ]
    (pages / "more.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return [str(pages), str(folder / "missing-folder")]


def _contents(db):
    store = Store(db, read_only=True)
    articles = sorted((export_article(*row) for row in store.iter_articles()), key=lambda a: a["id"])
    dossiers = [to_dict(d) for d in store.iter_dossiers()]
    store.close()
    return articles, dossiers


@pytest.mark.slow
def test_ray_job_matches_single_machine_pipeline(tmp_path, annotator):
    from parallax.scale import ScaleOptions, run_job

    inputs = _corpus(tmp_path)
    local = Pipeline(Store(tmp_path / "local.db"), annotator=annotator, batch_pages=2)
    expected = local.ingest(inputs)
    local.store.close()

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
