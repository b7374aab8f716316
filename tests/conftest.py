"""Shared fixtures: the spaCy model and the seed-page database are built once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parallax import pipeline
from parallax.annotate import Annotator, load_model, make_headline_reader
from parallax.extract import ExtractOptions
from parallax.model import CitedSentence, Dossier, FigureGroup, FigureValue
from parallax.pipeline import Pipeline
from parallax.store import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEED_A = EXAMPLES / "000_ac4188e6a7e65c18.txt"
SEED_B = EXAMPLES / "001_c84c90adefcef19b.txt"


@pytest.fixture(scope="session")
def nlp():
    return load_model()


@pytest.fixture(scope="session")
def annotator(nlp):
    return Annotator(nlp)


@pytest.fixture(scope="session")
def extract_options(nlp):
    return ExtractOptions(read_headline=make_headline_reader(nlp))


def wire_dossier(outlets: int) -> Dossier:
    """A wire story's dossier: one summary sentence and one figure that every one of ``outlets`` outlets gives."""
    names = [f"outlet-{n}.com" for n in range(outlets)]
    values = [FigureValue(value=90, text="about 90", outlet=o, article=o, where=None, when=None, sentence="s") for o in names]
    return Dossier(story=1, headline="Wire story", articles=names, outlets=names, event_date=None, first_published=None,
                   last_published=None, summary=[CitedSentence(sentence="The same wire sentence everywhere.", outlets=names)],
                   quotes=[], figures=[FigureGroup(what="cases", verdict="agree", values=values)], unique=[], timeline=[],
                   entities=[])


def make_pipeline(db: Path, annotator: Annotator) -> Pipeline:
    """A pipeline over a fresh or existing database file, sharing the session's model."""
    return Pipeline(Store(db), annotator=annotator)


@pytest.fixture()
def make_db(tmp_path, annotator):
    """Build a pipeline over a new database in this test's temp folder."""
    def factory(name: str = "test.db") -> Pipeline:
        return make_pipeline(tmp_path / name, annotator)
    return factory


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory, annotator) -> Path:
    """A database holding the two seed pages, ingested once for the session (read it, don't write)."""
    folder = tmp_path_factory.mktemp("seed")
    pages = folder / "pages"
    pages.mkdir()
    for seed in (SEED_A, SEED_B):
        shutil.copy(seed, pages / seed.name)
    db = folder / "seed.db"
    pipeline = make_pipeline(db, annotator)
    report = pipeline.ingest([str(pages)])
    assert report.ok and report.articles_stored == 2
    pipeline.store.close()
    return db


@pytest.fixture()
def seed_store(seed_db):
    store = Store(seed_db, read_only=True)
    yield store
    store.close()


@pytest.fixture()
def runner(monkeypatch, annotator):
    # The CLI builds its own Pipeline; hand it the session's model instead of loading another.
    real = pipeline.Pipeline

    def shared(store, annotator_=None, **kw):
        kw.pop("annotator", None)
        return real(store, annotator=annotator, **kw)

    monkeypatch.setattr(pipeline, "Pipeline", shared)
    return CliRunner()
