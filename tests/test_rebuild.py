"""``Pipeline.rebuild`` and ``parallax rebuild``: stored articles and dossiers brought up to this version."""

import json
import shutil
import sqlite3

import pytest

from parallax import cli
from parallax.dossier import story_dossier
from parallax.model import to_dict
from parallax.store import Store
from tests.conftest import make_pipeline


@pytest.fixture()
def db(tmp_path, seed_db):
    copy = tmp_path / "rebuild.db"
    shutil.copy(seed_db, copy)
    return copy


def _rows(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def _as_an_older_version_left_it(db) -> tuple[str, dict, dict]:
    """Make one article and the dossier look as an older Parallax stored them: no quotes, an old
    title, an old search text. Returns that article's id, its record and the dossier before."""
    [(article_id, record)] = _rows(db, "SELECT id, record FROM articles ORDER BY id LIMIT 1")
    old = json.loads(record)
    assert old["annotations"]["quotes"], "the seed article should have quotes to lose"
    stale = json.loads(record)
    stale["annotations"]["quotes"] = []
    stale["article"]["title"] = "An old headline"
    [(dossier,)] = _rows(db, "SELECT dossier FROM stories")
    stale_dossier = {**json.loads(dossier), "quotes": [], "headline": "An old headline"}
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET record = ?, title = 'An old headline' WHERE id = ?", (json.dumps(stale), article_id))
        conn.execute("UPDATE stories SET dossier = ?, headline = 'An old headline'", (json.dumps(stale_dossier),))
        conn.execute("UPDATE articles_fts SET title = 'An old headline', body = 'nothing' WHERE article_id = ?", (article_id,))
    return article_id, old, json.loads(dossier)


def test_rebuild_rewrites_articles_and_dossiers_in_place(db, annotator):
    before = {r[0]: r[1:] for r in _rows(db, "SELECT id, story, syndication_group, features FROM articles")}
    article_id, original, original_dossier = _as_an_older_version_left_it(db)
    [(other_id,)] = _rows(db, f"SELECT id FROM articles WHERE id != '{article_id}'")
    pipe = make_pipeline(db, annotator)
    report = pipe.rebuild()
    assert (report.pages, report.rewritten, report.dossiers, report.kept) == (2, 2, 1, [])

    [(record,)] = _rows(db, f"SELECT record FROM articles WHERE id = '{article_id}'")
    assert json.loads(record) == original
    # Linking is not redone: stories, syndication groups and the linker's state are as they were.
    assert {r[0]: r[1:] for r in _rows(db, "SELECT id, story, syndication_group, features FROM articles")} == before
    [(dossier,)] = _rows(db, "SELECT dossier FROM stories")
    assert json.loads(dossier) == original_dossier
    # The search index has the new text back, in the same rows.
    hits = _rows(db, "SELECT article_id FROM articles_fts WHERE articles_fts MATCH 'Putin'")
    assert {h[0] for h in hits} == {article_id, other_id}
    pipe.store.close()


def test_dossiers_only_rebuilds_from_the_stored_articles(db, annotator):
    article_id, _, _ = _as_an_older_version_left_it(db)
    [(record_before,)] = _rows(db, f"SELECT record FROM articles WHERE id = '{article_id}'")
    pipe = make_pipeline(db, annotator)
    report = pipe.rebuild(analyse_pages=False)
    assert (report.pages, report.dossiers) == (0, 1)
    [(record_after,)] = _rows(db, f"SELECT record FROM articles WHERE id = '{article_id}'")
    assert record_after == record_before  # the stale article stays stale ...
    # ... and the dossier is rebuilt from the stored records: the other article's quotes are back.
    [(story, dossier)] = _rows(db, "SELECT id, dossier FROM stories")
    quotes = json.loads(dossier)["quotes"]
    assert quotes and all(article_id not in q["articles"] for q in quotes)
    assert to_dict(story_dossier(story, pipe.store.story_items(story))[0]) == json.loads(dossier)
    pipe.store.close()


def test_a_page_this_version_rejects_keeps_its_stored_article(db, annotator):
    [(article_id, record)] = _rows(db, "SELECT id, record FROM articles ORDER BY id LIMIT 1")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE pages SET content = 'Home | News | Sport' WHERE id = ?", (article_id,))
    pipe = make_pipeline(db, annotator)
    report = pipe.rebuild()
    assert report.rewritten == 1 and [f.page_id for f in report.kept] == [article_id]
    assert _rows(db, f"SELECT record FROM articles WHERE id = '{article_id}'") == [(record,)]
    pipe.store.close()


def test_rebuild_chosen_stories(db, annotator):
    pipe = make_pipeline(db, annotator)
    [story] = pipe.store.story_ids()
    assert [p.id for p in pipe.store.stored_pages([story + 1])] == []
    assert len(list(pipe.store.stored_pages([story], page_rows=1))) == 2  # read a row at a time
    assert pipe.rebuild([story]).pages == 2
    pipe.store.close()


def test_cli_rebuild(runner, db):
    _as_an_older_version_left_it(db)
    result = runner.invoke(cli.app, ["--db", str(db), "rebuild"])
    assert result.exit_code == 0, result.output
    assert "analysed 2 stored pages again; 2 articles rewritten" in result.output and "rebuilt 1 dossiers" in result.output
    store = Store(db, read_only=True)
    assert store.list_stories(limit=1)[0].headline != "An old headline"
    store.close()

    unknown = runner.invoke(cli.app, ["--db", str(db), "rebuild", "999"])
    assert unknown.exit_code == 2 and "999" in unknown.output
    missing = runner.invoke(cli.app, ["--db", str(db.parent / "none.db"), "rebuild"])
    assert missing.exit_code == 2 and "no database" in missing.output


def test_a_story_a_repair_merges_away_in_its_run_is_not_counted_new(tmp_path, annotator, monkeypatch):
    from tests.conftest import EXAMPLES

    from parallax.link import Linker

    pipe = make_pipeline(tmp_path / "p.db", annotator)
    monkeypatch.setattr(pipe.linker.stories, "threshold", 2.0)  # each page starts a story of its own
    real_repair = Linker.repair

    def end_of_run_merges(linker, touched, *, recheck=None):
        moved = real_repair(linker, touched, recheck=recheck)
        if recheck is None:
            return moved
        # The run's last repair finds the two stories one event: the younger's article joins the older.
        younger = max(touched)
        return {**moved, **{a: min(touched) for a, s in linker.stories._story_of.items() if s == younger}}

    monkeypatch.setattr(Linker, "repair", end_of_run_merges)  # on the class: the linker is pickled for its snapshot
    report = pipe.ingest([str(EXAMPLES)])
    assert report.stories_touched == {1} and report.stories_created == {1}
