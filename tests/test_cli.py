"""The ``parallax`` command end to end, through Typer's runner."""

import json
import shutil

import pytest

from parallax import cli
from parallax.store import Store
from tests.conftest import EXAMPLES, SEED_A, SEED_B, wire_dossier

CONTRACT = {"id", "url", "outlet", "title", "published", "published_from", "body", "story", "syndication_group", "quotes", "figures"}


def _invoke(runner, db, *args, input=None):
    return runner.invoke(cli.app, ["--db", str(db), *args], input=input)


def test_ingest_list_show_export(runner, tmp_path):
    db = tmp_path / "p.db"
    result = _invoke(runner, db, "ingest", str(EXAMPLES))
    assert result.exit_code == 0, result.output
    assert "pages read: 2" in result.output and "articles stored: 2" in result.output

    listing = _invoke(runner, db, "stories")
    assert listing.exit_code == 0 and "1 stories" in listing.output
    [row] = [json.loads(line) for line in _invoke(runner, db, "stories", "--json").stdout.splitlines()]
    assert row["headline"] == "Obama, Putin call for end to Syria bloodshed" and row["n_articles"] == 2

    shown = _invoke(runner, db, "show")
    assert shown.exit_code == 0 and "Quotes" in shown.output and "Barack Obama" in shown.output
    flowing = " ".join(shown.output.split())  # the console wraps long lines
    people = flowing[flowing.index("People:"): flowing.index("Places:")]
    assert "Barack Obama (2)" in people and "Vladimir Putin (2)" in people  # who: both seed pages name them

    exported = _invoke(runner, db, "export")
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(rows) == 2 and all(CONTRACT <= set(r) for r in rows)
    assert {r["story"] for r in rows} == {rows[0]["story"]}
    by_id = {r["id"]: r for r in rows}
    assert by_id[SEED_A.stem]["published"] == "2012-06-19" and by_id[SEED_A.stem]["published_from"] == "page"
    assert by_id[SEED_B.stem]["published_from"] in (None, "inferred")

    stories = _invoke(runner, db, "export", "--stories", "--out", str(tmp_path / "s.jsonl"))
    assert stories.exit_code == 0
    [dossier] = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text().splitlines()]
    assert {"story", "headline", "summary", "quotes", "figures", "unique", "timeline", "entities"} <= set(dossier)


def test_reingest_does_not_duplicate(runner, tmp_path):
    db = tmp_path / "p.db"
    assert _invoke(runner, db, "ingest", str(EXAMPLES)).exit_code == 0
    # the same pages again, one under another name (same text)
    again = tmp_path / "again"
    again.mkdir()
    shutil.copy(SEED_A, again / "renamed.txt")
    result = _invoke(runner, db, "ingest", str(EXAMPLES), str(again))
    assert result.exit_code == 0 and "articles stored: 0" in result.output and "same text" in result.output
    store = Store(db)
    assert store.count("articles") == 2
    assert store.count_stories() == 1


def test_bad_inputs_fail_alone_and_keep_the_rest(runner, tmp_path):
    db = tmp_path / "p.db"
    assert _invoke(runner, db, "ingest", str(SEED_A)).exit_code == 0
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "empty.txt").write_bytes(b"")
    (batch / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (batch / "latin1.txt").write_bytes(SEED_B.read_text(encoding="utf-8").replace("’", "'").replace("“", '"').replace("”", '"').encode("latin-1"))
    (batch / "chrome.txt").write_text("Home\nNews\nSport\nSign in\nSubscribe", encoding="utf-8")
    (batch / "pages.jsonl").write_text('{"id": "ok1", "text": "x"}\n{broken\n', encoding="utf-8")
    result = _invoke(runner, db, "ingest", str(batch))
    assert result.exit_code == 1
    out = result.output
    for name in ("empty.txt", "binary.txt", "chrome.txt", "pages.jsonl:2", "pages.jsonl:1"):
        assert name in out, name
    # Line 2 fails as it is read, line 1 only once extracted: listed in the file's order all the same.
    assert out.index("pages.jsonl:1") < out.index("pages.jsonl:2")
    store = Store(db)
    ids = {item.article.id for item, _, _ in store.iter_articles()}
    assert ids == {SEED_A.stem, "latin1"}  # the earlier article kept, the decodable page added


def test_show_unknown_story_and_missing_db(runner, tmp_path):
    db = tmp_path / "p.db"
    missing = _invoke(runner, db, "stories")
    assert missing.exit_code != 0 and "no database" in missing.output
    assert _invoke(runner, db, "ingest", str(SEED_A)).exit_code == 0
    result = _invoke(runner, db, "show", "999")
    assert result.exit_code == 2 and "no story 999" in result.output


def test_db_from_environment(runner, tmp_path, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("PARALLAX_DB", str(db))
    assert runner.invoke(cli.app, ["ingest", str(SEED_A)]).exit_code == 0
    assert db.exists()


def test_db_option_on_the_command(runner, tmp_path):
    db = tmp_path / "cmd.db"
    assert runner.invoke(cli.app, ["ingest", "--db", str(db), str(SEED_A)]).exit_code == 0
    result = runner.invoke(cli.app, ["stories", "--db", str(db), "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout.splitlines()[0])["n_articles"] == 1


def test_database_of_an_older_layout_is_upgraded(runner, tmp_path):
    import sqlite3

    db = tmp_path / "old.db"
    assert _invoke(runner, db, "ingest", str(EXAMPLES)).exit_code == 0
    conn = sqlite3.connect(db)  # make it look like a file written before the list tables existed
    conn.executescript("DROP TABLE story_entities; DROP TABLE articles_fts; DROP TABLE schema_version; DROP TABLE rejected_pages;"
                       "DROP INDEX ix_pages_seq; ALTER TABLE pages DROP COLUMN seq; PRAGMA user_version = 0;")
    conn.close()
    with pytest.raises(Exception, match="older Parallax"):
        Store(db, read_only=True)
    Store(db).close()  # a writer upgrades it
    store = Store(db, read_only=True)
    [row] = store.list_stories(query="McCain")
    assert row.people and row.n_articles == 2
    assert store.rejections_of(["0" * 64]) == {}  # a table the old file lacked


def test_stored_copies_are_found_among_failures_and_new_pages(runner, tmp_path):
    db = tmp_path / "p.db"
    assert _invoke(runner, db, "ingest", str(SEED_A)).exit_code == 0
    lines = ["{broken", json.dumps({"id": "copy", "text": SEED_A.read_text(encoding="utf-8")}),
             json.dumps({"id": "new", "text": SEED_B.read_text(encoding="utf-8")})]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    result = _invoke(runner, db, "ingest", str(tmp_path / "mixed.jsonl"))
    assert "articles stored: 1" in result.output and "same text" in result.output and "mixed.jsonl:1" in result.output
    assert {item.article.id for item, _, _ in Store(db).iter_articles()} == {SEED_A.stem, "new"}


def test_a_page_without_an_article_is_not_tried_again_by_the_same_version(runner, tmp_path, monkeypatch):
    import parallax.store.database

    db = tmp_path / "p.db"
    shutil.copy(SEED_A, tmp_path / "article.txt")
    (tmp_path / "chrome.txt").write_text("Home\nNews\nSport\nSign in\nSubscribe", encoding="utf-8")
    pages = [str(tmp_path / "article.txt"), str(tmp_path / "chrome.txt")]
    first = _invoke(runner, db, "ingest", *pages)
    assert first.exit_code == 1 and "failed: 1" in first.output and "chrome.txt: no article text found" in first.output

    # A crawl read again: the page is skipped as the stored one is, and the run has nothing to fail.
    again = _invoke(runner, db, "ingest", *pages)
    assert again.exit_code == 0, again.output
    assert "rejected before: 1" in again.output and "failed: 0" in again.output
    assert "skipped " in again.output and "chrome.txt: rejected by an earlier run (no article text found" in again.output

    # Another Parallax may find an article in it: it tries again.
    monkeypatch.setattr(parallax.store.database, "__version__", "99.0")
    upgraded = _invoke(runner, db, "ingest", *pages)
    assert upgraded.exit_code == 1 and "failed: 1" in upgraded.output and "rejected before" not in upgraded.output


def test_same_page_twice_in_one_input_is_stored_once(runner, tmp_path):
    text = SEED_A.read_text(encoding="utf-8")
    lines = [json.dumps({"id": "x1", "text": text}), json.dumps({"id": "x2", "text": text}),
             json.dumps({"id": "x1", "text": text + " more"})]
    (tmp_path / "dup.jsonl").write_text("\n".join(lines), encoding="utf-8")
    result = _invoke(runner, tmp_path / "d.db", "ingest", str(tmp_path / "dup.jsonl"))
    assert result.exit_code == 0 and "articles stored: 1" in result.output
    assert "same text" in result.output and "same id" in result.output


def test_the_report_names_the_first_skipped_pages_and_counts_the_rest(runner, tmp_path):
    from parallax.cli_utils import SKIPPED_SHOWN

    text = SEED_A.read_text(encoding="utf-8")
    copies = SKIPPED_SHOWN + 2
    (tmp_path / "copies.jsonl").write_text("\n".join(json.dumps({"id": f"c{n}", "text": text}) for n in range(copies)), encoding="utf-8")
    result = _invoke(runner, tmp_path / "d.db", "ingest", str(tmp_path / "copies.jsonl"))
    assert result.exit_code == 0 and f"already stored: {copies - 1}" in result.output
    assert result.output.count("already stored (same text)") == SKIPPED_SHOWN
    assert "… and 1 more skipped (-v lists every one)" in result.output
    listed = runner.invoke(cli.app, ["-v", "--db", str(tmp_path / "e.db"), "ingest", str(tmp_path / "copies.jsonl")])
    assert listed.output.count("already stored (same text)") == copies - 1 and "more skipped" not in listed.output


def test_stories_filters(runner, tmp_path):
    db = tmp_path / "p.db"
    assert _invoke(runner, db, "ingest", str(EXAMPLES)).exit_code == 0

    def listed(*args):
        result = _invoke(runner, db, "stories", "--json", *args)
        assert result.exit_code == 0, result.output
        return [json.loads(line)["id"] for line in result.stdout.splitlines()]

    [story] = listed()
    assert listed("--entity", "barack obama") == [story]  # names match whatever the case
    assert listed("--entity", "Angela Merkel") == []
    assert listed("--outlet", "Arab Today", "--search", "Putin") == [story]
    assert listed("--since", "2012-06-01", "--until", "2012-06-30") == [story]
    assert listed("--since", "2013-01-01") == []
    assert "no stories match" in _invoke(runner, db, "stories", "--since", "2013-01-01").output
    bad = _invoke(runner, db, "stories", "--since", "2012-13-01")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


@pytest.mark.parametrize("command", ["ingest", "rebuild"])
def test_workers_takes_a_number_or_auto(runner, tmp_path, command):
    result = _invoke(runner, tmp_path / "x.db", command, "--workers", "two", *(["-"] if command == "ingest" else []))
    assert result.exit_code == 2 and "1 or more" in result.output and "auto" in result.output


def test_a_story_of_many_outlets_lists_the_first_to_report_and_how_many_more():
    from rich.console import Console

    from parallax.cli_utils import LIST_OUTLETS, print_stories
    from parallax.store import StoryRow

    outlets = [f"outlet-{n}.com" for n in range(40)]
    console = Console(record=True, width=200)
    print_stories(console, [StoryRow(id=1, headline="Wire story", n_articles=40, outlets=outlets, event_date=None,
                                     first_published="2024-08-14", last_published="2024-08-15")], total=1)
    text = console.export_text()
    assert f"and {40 - LIST_OUTLETS} more" in text and f"outlet-{LIST_OUTLETS - 1}.com" in text
    assert f"outlet-{LIST_OUTLETS}.com" not in text and "outlet-39.com" not in text


def test_show_cites_a_wire_storys_first_outlets_and_gives_each_figure_once():
    from rich.console import Console

    from parallax.cli_utils import CITED_OUTLETS, print_dossier

    dossier = wire_dossier(30)

    class NoArticles:
        def story_articles(self, story):
            return []

    console = Console(record=True, width=250)
    print_dossier(console, dossier, NoArticles())
    text = console.export_text()
    assert text.count("about 90") == 1 and f"and {30 - CITED_OUTLETS} more" in text
    assert f"outlet-{CITED_OUTLETS}.com" not in text.split("Summary")[1]  # cited by the first few, not all thirty


def test_a_later_copy_of_two_copy_groups_joins_them_in_the_database(runner, tmp_path):
    # One agency story edited two ways: the two versions share too little to be copies of each
    # other, and each is run twice; a later copy shares most of its text with both.
    paragraphs = [p for p in SEED_A.read_text(encoding="utf-8").split("\n") if len(p.split()) > 12]

    def page(id, first, note=""):
        return json.dumps({"id": id, "text": "\n\n".join(paragraphs[first: first + 10]) + note})

    db = tmp_path / "p.db"
    (tmp_path / "early.jsonl").write_text("\n".join([
        page("a", 0), page("a2", 0, "\n\nEdited by the desk."), page("c", 4), page("c2", 4, "\n\nEdited by another desk."),
    ]), encoding="utf-8")
    (tmp_path / "late.jsonl").write_text(page("b", 2), encoding="utf-8")
    groups = "SELECT id, syndication_group FROM articles"

    assert _invoke(runner, db, "ingest", str(tmp_path / "early.jsonl")).exit_code == 0
    early = dict(Store(db, read_only=True).conn.exec_driver_sql(groups).fetchall())
    assert early == {"a": "syn-a", "a2": "syn-a", "c": "syn-c", "c2": "syn-c"}
    assert _invoke(runner, db, "ingest", str(tmp_path / "late.jsonl")).exit_code == 0
    assert set(dict(Store(db, read_only=True).conn.exec_driver_sql(groups).fetchall()).values()) == {"syn-a"}
