"""The linker's snapshot: a run starts from the state the last one saved, as if it had replayed every article."""

from __future__ import annotations

import json
import logging
import pickle
import shutil
import sqlite3

import pytest

from parallax.link import Linker, SnapshotError, repair, snapshot_key, state, stories
from parallax.pipeline import Pipeline
from parallax.store import Store
from tests.conftest import SEED_A, SEED_B
from tests.small_corpus import FLOOD_A, FLOOD_B
from tests.small_corpus import contents as _contents


def _inputs(folder):
    """Two runs' inputs: the seed pages, then a wire copy of one of them and two reports of a flood."""
    seeds = folder / "seeds"
    seeds.mkdir()
    for seed in (SEED_A, SEED_B):
        shutil.copy(seed, seeds / seed.name)
    later = folder / "later.jsonl"
    lines = [
        {"id": "wire-copy", "url": "https://gulfwire.example/world/syria-obama-putin",
         "text": "Gulf Wire Daily | World | Middle East\nSign in\n" + SEED_A.read_text(encoding="utf-8")},
        {"id": "flood-a", "url": "https://www.mainpost.example/2021/07/13/floods-bavaria", "text": FLOOD_A},
        {"id": "flood-b", "url": "https://www.bavarianews.example/2021/07/13/main-river-floods", "text": FLOOD_B},
    ]
    later.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return str(seeds), str(later)


@pytest.fixture(scope="module")
def first_run(tmp_path_factory, annotator):
    """A database after the first run (the seeds), and the second run's input."""
    folder = tmp_path_factory.mktemp("snapshot")
    seeds, later = _inputs(folder)
    db = folder / "first.db"
    pipeline = Pipeline(Store(db), annotator=annotator)
    assert pipeline.ingest([seeds]).articles_stored == 2
    pipeline.store.close()
    return db, later

def _copy(first_run, tmp_path, name, sql=None, params=()):
    """The first run's database copied to ``name``, with ``sql`` run on the copy."""
    copy = tmp_path / name
    shutil.copy(first_run[0], copy)
    if sql:
        db = sqlite3.connect(copy)
        with db:
            db.execute(sql, params)
        db.close()  # the last connection to close writes the log back into the file
    return copy


def _second_run(db, later, annotator):
    pipeline = Pipeline(Store(db), annotator=annotator)
    report = pipeline.ingest([later])
    assert report.articles_stored == 3
    return pipeline.store


def test_a_run_starts_from_the_snapshot_and_links_as_replaying_every_article_does(first_run, tmp_path, annotator, monkeypatch):
    with sqlite3.connect(first_run[0]) as db:
        assert db.execute("SELECT articles FROM link_snapshot").fetchone() == (2,)
    later = first_run[1]
    replayed = _second_run(_copy(first_run, tmp_path, "replayed.db", "DELETE FROM link_snapshot"), later, annotator)

    def no_replay(*args, **kwargs):
        raise AssertionError("the stored articles were replayed although a snapshot was there")

    monkeypatch.setattr(Store, "link_state", no_replay)
    resumed = _second_run(_copy(first_run, tmp_path, "resumed.db"), later, annotator)
    assert _contents(resumed) == _contents(replayed)
    groups = {a["id"]: a["syndication_group"] for a in _contents(resumed)[0]}
    assert groups["wire-copy"] is not None and list(groups.values()).count(groups["wire-copy"]) == 2  # found across runs
    assert resumed.link_snapshot(snapshot_key()) is not None  # and the run left its own
    with pytest.raises(AssertionError, match="replayed although"):  # the check above can fail
        _second_run(_copy(first_run, tmp_path, "again.db", "DELETE FROM link_snapshot"), later, annotator)


def test_a_write_to_the_articles_drops_the_snapshot(first_run, tmp_path):
    store = Store(_copy(first_run, tmp_path, "db"))
    assert store.link_snapshot(snapshot_key()) is not None
    some = store._scalar("SELECT id FROM articles LIMIT 1")
    store.move_articles({some: 99})  # a repair by a process that does not save a snapshot after
    assert store.link_snapshot(snapshot_key()) is None


def test_a_snapshot_that_does_not_hold_every_stored_article_is_not_kept(first_run, tmp_path):
    store = Store(_copy(first_run, tmp_path, "db"))
    assert not store.save_link_snapshot(snapshot_key(), Linker().snapshot(), articles=1)
    assert store.link_snapshot(snapshot_key()) is not None  # the one there stays
    assert store.save_link_snapshot(snapshot_key(), Linker().snapshot(), articles=2)


def test_a_snapshot_too_large_for_a_database_value_is_not_kept(first_run, tmp_path, monkeypatch):
    from parallax.store import database

    store = Store(_copy(first_run, tmp_path, "db"))
    data = Linker().snapshot()
    monkeypatch.setattr(database, "MAX_SNAPSHOT_BYTES", len(data) - 1)
    assert not store.save_link_snapshot(snapshot_key(), data, articles=2)


@pytest.mark.parametrize("module, option", [(state, "JOIN_THRESHOLD"), (repair, "MERGE_THRESHOLD"), (stories, "MAX_CANDIDATES")])
def test_a_snapshot_made_under_other_linker_options_is_not_loaded(first_run, tmp_path, monkeypatch, module, option):
    store = Store(_copy(first_run, tmp_path, "db"))
    before = snapshot_key()
    monkeypatch.setattr(module, option, getattr(module, option) + 1)
    assert snapshot_key() != before and store.link_snapshot(snapshot_key()) is None


TRIPPED: list[str] = []


def _tripwire(*args):
    TRIPPED.append("called")


class _Payload:
    def __reduce__(self):
        return _tripwire, ("anything a pickle names is called when it loads",)


def test_a_snapshot_naming_anything_else_is_refused_and_the_run_replays(first_run, tmp_path, annotator, caplog):
    hostile = pickle.dumps(_Payload())
    with pytest.raises(SnapshotError, match="may not name tests.test_snapshot._tripwire"):
        Linker.from_snapshot(hostile)
    with pytest.raises(SnapshotError):
        Linker.from_snapshot(b"not a pickle at all")
    with pytest.raises(SnapshotError, match="holds a StoryState"):
        Linker.from_snapshot(pickle.dumps(state.StoryState(id=1)))

    resumed_db = _copy(first_run, tmp_path, "hostile.db", "UPDATE link_snapshot SET data = ?", (hostile,))
    with caplog.at_level(logging.WARNING, logger="parallax.pipeline"):
        resumed = _second_run(resumed_db, first_run[1], annotator)
    assert not TRIPPED
    assert "not using the stored linker snapshot" in caplog.text
    replayed = _second_run(_copy(first_run, tmp_path, "replayed.db", "DELETE FROM link_snapshot"), first_run[1], annotator)
    assert _contents(resumed) == _contents(replayed)
