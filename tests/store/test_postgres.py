"""The store on PostgreSQL gives what it gives on SQLite: same stories, dossiers, search and filters."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from parallax.errors import StoreError
from parallax.model import to_dict
from parallax.pipeline import Pipeline
from parallax.store import Store, StoryFilter
from parallax.web import create_app
from tests.conftest import EXAMPLES, SEED_A


@pytest.fixture()
def postgres_seed(postgres_url, annotator):
    pipeline = Pipeline(Store(postgres_url), annotator=annotator)
    report = pipeline.ingest([str(EXAMPLES)])
    assert report.ok and report.articles_stored == 2
    pipeline.store.close()
    return postgres_url


def test_seed_pages_give_the_same_stories_as_on_sqlite(postgres_seed, seed_store):
    pg = Store(postgres_seed, read_only=True)
    assert [to_dict(d) for d in pg.iter_dossiers()] == [to_dict(d) for d in seed_store.iter_dossiers()]
    assert pg.list_stories() == seed_store.list_stories()
    assert pg.outlets() == seed_store.outlets()
    for item, story, group in pg.iter_articles():
        other, other_story, other_group = seed_store.article(item.article.id)
        assert (story, group) == (other_story, other_group)
        assert _without_source(item) == _without_source(other)  # the two ingests read different copies
    pg.close()


def test_the_linker_snapshot_round_trips_through_postgres(postgres_seed):
    from parallax.link import Linker, snapshot_key

    pg = Store(postgres_seed)
    data = pg.link_snapshot(snapshot_key())  # bytea comes back as a memoryview: the store gives bytes
    assert isinstance(data, bytes) and Linker.from_snapshot(data).articles == 2
    some = pg._scalar("SELECT id FROM articles LIMIT 1")
    pg.move_articles({some: 99})
    assert pg.link_snapshot(snapshot_key()) is None
    pg.close()


def _without_source(item) -> dict:
    record = to_dict(item)
    record["article"].pop("source")
    return record


def test_search_and_filters_on_postgres(postgres_seed):
    pg = Store(postgres_seed, read_only=True)
    [story] = pg.list_stories()
    assert [r.id for r in pg.list_stories(query="McCain")] == [story.id]
    assert [r.id for r in pg.list_stories(query="meetings")] == [story.id]  # stemmed: "meeting" is in the text
    assert pg.list_stories(query="volcano eruption") == []
    assert pg.list_stories(query='syria" OR * & !') != []  # query syntax is neutralised, the words still match
    assert pg.count_stories(StoryFilter(query="Putin")) == 1
    assert pg.count_stories(StoryFilter(query="Putin", outlet="no-such-outlet")) == 0
    assert pg.count_stories(StoryFilter(entity=story.people[0].upper())) == 1  # names match case-insensitively
    # A person by the last words of the name listed ("Bashar al-Assad"); LIKE's own characters match only themselves.
    assert [pg.count_stories(StoryFilter(entity=name)) for name in ("putin", "Assad", "tin", "%", "_utin")] == [1, 1, 0, 0, 0]
    assert pg.count_stories(StoryFilter(date_from="2030-01-01")) == 0
    pg.close()


def test_reingest_adds_nothing_and_readers_cannot_write(postgres_seed, annotator):
    pipeline = Pipeline(Store(postgres_seed), annotator=annotator)
    report = pipeline.ingest([str(EXAMPLES)])
    assert report.articles_stored == 0 and pipeline.store.count("pages") == 2
    pipeline.store.close()
    reader = Store(postgres_seed, read_only=True)
    with pytest.raises(Exception, match="read-only"):
        reader.update_articles([reader.article(SEED_A.stem)[0]])
    reader.close()


def test_web_api_over_postgres(postgres_seed):
    client = TestClient(create_app(postgres_seed))
    stories = client.get("/api/stories").json()["stories"]
    assert len(stories) == 1 and stories[0]["articles"] == 2
    assert client.get("/api/stories", params={"q": "McCain"}).json()["stories"][0]["id"] == stories[0]["id"]
    assert client.get(f"/stories/{stories[0]['id']}").status_code == 200


def test_failed_batch_leaves_postgres_as_it_was(postgres_seed):
    store = Store(postgres_seed)
    item, story, group = store.article(SEED_A.stem)
    before = store.count("articles")
    with pytest.raises(Exception):
        with store.transaction():
            store._exec("DELETE FROM articles_fts")
            store._exec("INSERT INTO pages (id) VALUES ('broken')")  # violates NOT NULL: the batch fails
    assert store.count("articles") == before and store.list_stories(query="McCain")
    store.close()


def test_unsupported_database_url_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="unsupported database"):
        Store("mysql://someone@localhost/news")


def test_page_with_a_stray_nul_character_is_stored(postgres_url, annotator, tmp_path):
    # A NUL near the top marks a file as binary; one deep in a text page is dropped.
    text = SEED_A.read_text(encoding="utf-8")
    page = tmp_path / "nul.txt"
    page.write_text(text + "\n" * 9000 + "Syr\x00ia\n", encoding="utf-8")
    pipeline = Pipeline(Store(postgres_url), annotator=annotator)
    assert pipeline.ingest([str(page)]).articles_stored == 1
    assert "\x00" not in pipeline.store.page_content("nul")
    pipeline.store.close()


def test_rebuild_on_postgres_rewrites_articles_and_their_search_text(postgres_seed, annotator, seed_store):
    pg = Store(postgres_seed)
    some = pg._scalar("SELECT id FROM articles ORDER BY id LIMIT 1")
    pg._exec("UPDATE articles_fts SET body = 'nothing', title = 'nothing' WHERE article_id = :id", {"id": some})
    pg._exec("UPDATE stories SET headline = 'An old headline'")
    putin = "SELECT article_id FROM articles_fts WHERE document @@ plainto_tsquery('english', 'Putin')"
    assert len(pg._rows(putin)) == 1
    pipeline = Pipeline(pg, annotator=annotator)
    report = pipeline.rebuild()
    assert (report.pages, report.rewritten, report.dossiers) == (2, 2, 1)
    assert len(pg._rows(putin)) == 2  # the rewritten article's search text is back
    assert [to_dict(d) for d in pg.iter_dossiers()] == [to_dict(d) for d in seed_store.iter_dossiers()]
    pg.close()


@pytest.mark.slow
def test_ray_job_into_postgres_gives_what_a_local_ingest_gives(postgres_url, annotator, tmp_path):
    # The set-up docs/scale.md recommends for a cluster: the driver writes to PostgreSQL, and the
    # dossiers' Ray tasks get their stories' records through it.
    pytest.importorskip("ray", reason="the [scale] extra (ray[data]) is not installed")
    from parallax.scale import ScaleOptions, run_job
    from tests.small_corpus import build, contents

    inputs = build(tmp_path)
    local = Pipeline(Store(tmp_path / "local.db"), annotator=annotator, batch_pages=2)
    local.ingest(inputs)
    expected = contents(local.store)
    local.store.close()

    report = run_job(inputs, postgres_url, ScaleOptions(num_cpus=2, batch_pages=2))
    assert report.articles_stored == 5 and len(report.stories_touched) > 1  # more than one: the dossiers go to Ray
    pg = Store(postgres_url, read_only=True)
    try:
        assert contents(pg) == expected
    finally:
        pg.close()
