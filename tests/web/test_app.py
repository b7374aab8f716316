"""The web UI and JSON API over the seed database (FastAPI's test client)."""

import pytest
from fastapi.testclient import TestClient

from parallax.model import Page
from parallax.web import create_app
from tests.conftest import SEED_A, make_pipeline


@pytest.fixture(scope="module")
def client(seed_db):
    return TestClient(create_app(seed_db))


def test_story_list_and_story_page(client):
    page = client.get("/")
    assert page.status_code == 200 and "Obama, Putin call for end to Syria bloodshed" in page.text
    api = client.get("/api/stories").json()
    story = api["stories"][0]["id"]
    html = client.get(f"/stories/{story}").text
    for part in ('id="summary"', 'id="quotes"', 'id="figures"', 'id="articles"', "In order to stop the bloodshed"):
        assert part in html


def test_api_contracts(client):
    story = client.get("/api/stories").json()["stories"][0]
    dossier = client.get(f"/api/stories/{story['id']}").json()
    assert {"story", "headline", "articles", "outlets", "summary", "quotes", "figures", "unique", "timeline", "entities"} <= set(dossier)
    article = client.get(f"/api/articles/{SEED_A.stem}").json()
    assert article["title"] == "Obama, Putin call for end to Syria bloodshed" and article["story"] == story["id"]
    assert client.get("/openapi.json").status_code == 200 and client.get("/docs").status_code == 200


def test_search(client):
    assert client.get("/api/stories", params={"q": "McCain"}).json()["stories"]
    assert client.get("/api/stories", params={"q": "volcano eruption"}).json()["stories"] == []
    assert client.get("/api/stories", params={"q": 'syria" OR *'}).status_code == 200  # FTS syntax is neutralised


def test_not_found_is_json_on_api_and_html_on_pages(client):
    r = client.get("/api/stories/999")
    assert r.status_code == 404 and "no story 999" in r.json()["error"]
    r = client.get("/stories/999")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]


def test_hostile_page_text_is_escaped(tmp_path, annotator):
    hostile = SEED_A.read_text(encoding="utf-8").replace(
        "Obama, Putin call for end to Syria bloodshed",
        "Obama, Putin call <script>alert(1)</script> for end <img src=x onerror=alert(2)>",
    )
    hostile = hostile.replace("World powers have been divided", '<script>alert(4)</script> <a href="javascript:alert(3)">click</a> World powers have been divided')
    db = tmp_path / "hostile.db"
    pipeline = make_pipeline(db, annotator)
    pipeline.store.conn.close()
    from parallax.store import Store
    pipeline.store = Store(db)
    page_file = tmp_path / "hostile.txt"
    page_file.write_text(hostile, encoding="utf-8")
    assert pipeline.ingest([str(page_file)]).ok
    client = TestClient(create_app(db))
    story = client.get("/api/stories").json()["stories"][0]["id"]
    for url in ("/", f"/stories/{story}", "/articles/hostile"):
        html = client.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
        if url != "/":
            assert "&lt;script&gt;alert(4)" in html  # shown, as text
