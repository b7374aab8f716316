"""The web UI and JSON API over the seed database (FastAPI's test client)."""

import re

import pytest
from fastapi.testclient import TestClient

from parallax.web import create_app
from tests.conftest import SEED_A, make_pipeline, wire_dossier


@pytest.fixture(scope="module")
def client(seed_db):
    return TestClient(create_app(seed_db))


def test_story_list_and_story_page(client):
    page = client.get("/")
    assert page.status_code == 200 and "Obama, Putin call for end to Syria bloodshed" in page.text
    api = client.get("/api/stories").json()
    story = api["stories"][0]["id"]
    html = client.get(f"/stories/{story}").text
    for part in ('id="summary"', 'id="who"', 'id="quotes"', 'id="figures"', 'id="articles"', "In order to stop the bloodshed"):
        assert part in html
    # Who and where: each name links to its stories, with how many of the story's articles name it.
    assert '<a class="entity" href="/entities/Vladimir%20Putin" title="named in 2 of 2 articles">Vladimir Putin</a>' in html


def test_api_contracts(client):
    story = client.get("/api/stories").json()["stories"][0]
    dossier = client.get(f"/api/stories/{story['id']}").json()
    assert {"story", "headline", "articles", "outlets", "summary", "quotes", "figures", "unique", "timeline", "entities"} <= set(dossier)
    article = client.get(f"/api/articles/{SEED_A.stem}").json()
    assert article["title"] == "Obama, Putin call for end to Syria bloodshed" and article["story"] == story["id"]
    assert client.get("/openapi.json").status_code == 200 and client.get("/docs").status_code == 200


def test_an_entity_is_found_by_the_last_words_of_a_persons_name(client):
    def stories(name):
        return [s["id"] for s in client.get(f"/api/entities/{name}").json()["stories"]]

    story = client.get("/api/stories").json()["stories"][0]["id"]
    assert stories("Vladimir Putin") == stories("putin") == stories("Assad") == [story]  # listed as "Bashar al-Assad"
    assert stories("tin") == stories("%") == stories("Syria's") == []


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
    pipeline.store.close()
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


def test_filters_paging_and_entity_pages(client):
    story = client.get("/api/stories").json()["stories"][0]
    assert "Barack Obama" in story["people"] or "Vladimir Putin" in story["people"]
    assert client.get("/api/stories", params={"from": "2012-06-01", "to": "2012-06-30"}).json()["total"] == 1
    assert client.get("/api/stories", params={"from": "2013-01-01"}).json()["total"] == 0
    assert client.get("/api/stories", params={"outlet": "no-such-outlet.example"}).json()["total"] == 0
    assert client.get("/api/stories", params={"entity": "vladimir putin"}).json()["total"] == 1
    assert client.get("/api/stories", params={"from": "not-a-date"}).status_code == 422
    entity = client.get("/api/entities/Vladimir Putin").json()
    assert [s["id"] for s in entity["stories"]] == [story["id"]]
    html = client.get("/entities/Vladimir Putin").text
    assert f'href="/stories/{story["id"]}"' in html and "1 story names Vladimir Putin." in html
    page = client.get("/", params={"entity": "Vladimir Putin"}).text
    assert "Stories naming Vladimir Putin" in page and "story-row" in page


def test_story_page_has_chart_and_compare(client):
    story = client.get("/api/stories").json()["stories"][0]["id"]
    html = client.get(f"/stories/{story}").text
    assert "<svg" in html and 'aria-label="Articles per outlet per day"' in html
    compare = client.get(f"/stories/{story}/compare", params={"a": [SEED_A.stem, "001_c84c90adefcef19b"]})
    assert compare.status_code == 200
    assert compare.text.count('class="col"') == 2 and "s-shared" in compare.text and "s-unique" in compare.text
    assert client.get(f"/stories/{story}/compare", params={"a": [SEED_A.stem]}).status_code == 400


def test_pages_carry_a_no_script_policy(client):
    headers = client.get("/").headers
    assert "script-src 'none'" in headers["content-security-policy"]
    assert client.get("/docs").status_code == 200 and "swagger-ui-bundle.js" in client.get("/docs").text
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200


@pytest.fixture()
def writable(tmp_path, annotator, monkeypatch):
    """An app over an empty database whose ingest shares the session's model."""
    from parallax import pipeline as pipeline_module

    real = pipeline_module.Pipeline
    monkeypatch.setattr(pipeline_module, "Pipeline", lambda store, **kw: real(store, annotator=annotator))
    monkeypatch.delenv("PARALLAX_API_KEY", raising=False)
    db = tmp_path / "w.db"
    from parallax.store import Store

    Store(db).close()
    return db


def test_ingest_json_and_multipart_on_loopback(writable):
    client = TestClient(create_app(writable, host="127.0.0.1"))
    page = {"id": "seed-a", "text": SEED_A.read_text(encoding="utf-8")}
    result = client.post("/api/pages", json={"pages": [page, {"id": "bad", "text": "Home\nNews"}]}).json()
    assert result["articles_stored"] == 1 and result["failed"][0]["page"] == "bad"
    again = client.post("/api/pages", json={"pages": [page, {"id": "bad again", "text": "Home\nNews"}]}).json()
    assert again["articles_stored"] == 0 and again["already_stored"]
    # The page without an article, under another id: known by its text, not tried or failed again.
    assert [r["reason"] for r in again["rejected_before"]] == [result["failed"][0]["reason"]] and not again["failed"]
    form = client.post("/ingest", files={"files": ("other.txt", b"\x00\x01binary")}, data={"text": ""})
    assert form.status_code == 200 and "binary" in form.text
    assert client.post("/api/pages", json={"pages": []}).status_code == 422
    assert client.post("/api/pages", content=b"x" * 11_000_000, headers={"content-type": "application/json"}).status_code == 413


def test_writes_need_a_key_off_loopback_or_when_set(writable):
    page = {"pages": [{"id": "p", "text": SEED_A.read_text(encoding="utf-8")}]}
    open_server = TestClient(create_app(writable, host="0.0.0.0"))
    assert open_server.post("/api/pages", json=page).status_code == 403
    keyed = TestClient(create_app(writable, host="0.0.0.0", api_key="s3cret"))
    assert keyed.post("/api/pages", json=page).status_code == 401
    assert keyed.post("/api/pages", json=page, headers={"X-API-Key": "wrong"}).status_code == 401
    assert keyed.post("/api/pages", json=page, headers={"X-API-Key": "s3cret"}).status_code == 200


def test_html_article_shows_what_extraction_removed(writable):
    client = TestClient(create_app(writable, host="127.0.0.1"))
    paragraphs = "".join(
        f"<p>Paragraph {i}: the dam above the valley burst after days of heavy rain, officials said, and rescue teams"
        " worked through the night to reach families trapped on rooftops in three villages.</p>" for i in range(5)
    )
    html = (f"<html><head><title>Dam bursts after storm</title></head><body><nav><a href='/'>Home</a> <a href='/w'>World news"
            f" section</a></nav><article><h1>Dam bursts after storm</h1>{paragraphs}</article>"
            "<footer>Subscribe to our newsletter for the best stories every morning</footer></body></html>")
    result = client.post("/api/pages", json={"pages": [{"id": "dam-html", "url": "https://news.example.org/dam", "html": html}]}).json()
    assert result["articles_stored"] == 1
    page = client.get("/articles/dam-html").text
    assert 'class="raw-line removed"' in page and "Subscribe to our newsletter" in page
    assert "Paragraph 3: the dam" in page


def test_text_in_a_right_to_left_script_is_laid_out_by_its_own_direction(writable):
    client = TestClient(create_app(writable, host="127.0.0.1"))
    lines = ["الرئيسية", "انهيار رافعة على سفينة شحن وإغلاق الرصيف الشمالي", "19 نوفمبر 2019",
             "أعلنت هيئة الميناء يوم الثلاثاء إغلاق الرصيف الشمالي بعد أن انهارت رافعة على سفينة شحن راسية.",
             "ولم يصب أحد بأذى، لكن المفتشين سيفحصون جميع الرافعات على الرصيف قبل إعادة فتحه.",
             "وقال عمال الميناء إن الرافعة كان من المقرر استبدالها العام الماضي وتعطلت مرتين هذا الربيع.",
             "وقالت شركة الشحن إن تفريغ البضائع سيتأخر أسبوعا على الأقل."]
    result = client.post("/api/pages", json={"pages": [{"id": "ar", "text": "\n".join(lines)}]}).json()
    assert result["articles_stored"] == 1
    article = client.get("/articles/ar").text
    # dir="auto": the browser sets each block right to left or left to right by its first letters.
    assert f'<h1 dir="auto">{lines[1]}</h1>' in article and f'<p dir="auto">{lines[3]}</p>' in article
    story = client.get("/stories/1").text
    assert f'<h1 id="headline" dir="auto">{lines[1]}</h1>' in story


def test_upload_reads_at_most_its_page_bound_from_gzipped_files(writable, monkeypatch):
    import gzip
    import json

    from parallax.web import ingest as web_ingest

    monkeypatch.setattr(web_ingest, "MAX_UPLOAD_PAGES", 2)
    lines = "\n".join(json.dumps({"id": f"p{n}", "text": f"Page {n}\nToo short to be an article."}) for n in range(5))
    client = TestClient(create_app(writable, host="127.0.0.1"))
    result = client.post("/api/pages", files={"files": ("pages.jsonl.gz", gzip.compress(lines.encode()))}).json()
    assert result["pages_read"] == 2
    [bound] = [f for f in result["failed"] if "more than 2 pages" in f["reason"]]
    assert bound["page"] == "p2" and bound["source"] == "pages.jsonl.gz:3"


def test_a_quote_two_outlets_credit_differently_shows_each_credit(seed_db, tmp_path):
    import sqlite3

    from parallax.store import Store

    db = tmp_path / "credits.db"
    with sqlite3.connect(seed_db) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    store = Store(str(db))
    [dossier] = list(store.iter_dossiers())
    dossier.quotes[0].attributions = [["Barack Obama"], ["Vladimir Putin"]]
    store.save_dossier(dossier)
    store.close()
    html = TestClient(create_app(str(db))).get(f"/stories/{dossier.story}").text
    assert '>Barack Obama</a> / <a class="entity" href="/entities/Vladimir%20Putin">Vladimir Putin</a>' in html


def test_a_wire_storys_page_cites_its_first_outlets_and_counts_the_rest():
    from parallax.web.context import WebContext

    dossier = wire_dossier(30)
    template = WebContext(db="unused.db", api_key=None, loopback_only=True).templates.get_template("story.html")
    html = template.render(d=dossier, articles=[], chart=None, who=[])
    summary, figures = html.split('id="summary"')[1].split("</section>")[0], html.split('id="figures"')[1].split("</table>")[0]
    assert summary.count('class="chip cite"') == 6 and 'title="outlet-6.com, ' in summary and "and 24 more" in summary
    assert figures.count("about 90") == 1 and "and 24 more" in figures  # the value once, with its outlets


def test_the_coverage_chart_of_a_wire_story_draws_its_main_outlets_and_one_row_for_the_rest():
    from parallax.web.charts import MAX_ROWS, coverage_svg

    points = [(f"outlet-{n:02}.com", "2024-08-14") for n in range(40)] + [("outlet-39.com", "2024-08-15")]
    svg = coverage_svg(points)
    rows = [label for label in re.findall(r'text-anchor="end">([^<]+)<', svg)]
    assert len(rows) == MAX_ROWS and rows[-1] == f"{40 - (MAX_ROWS - 1)} other outlets" and "outlet-39.com" in rows
    assert svg.count("<circle") == MAX_ROWS + 1  # the busiest outlet's second day too: no article is left out of the picture
