"""End to end in real headless Chromium: list → search → story → compare → article, and no script runs."""

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from parallax.web import create_app
from tests.conftest import SEED_A, SEED_B, make_pipeline

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
]
# Flags for a root, offline, headless run (see the env notes on this machine's closed network).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
HOSTILE = (
    "Dam bursts <script>window.__pwned = 1; alert('x')</script> after storm\n\n"
    "The dam above the valley burst on Monday after days of heavy rain, flooding three villages and forcing "
    "thousands of people to leave their homes, officials said. <img src=x onerror=\"window.__pwned=2\">\n\n"
    "Rescue teams worked through the night to reach families trapped on rooftops, and the army sent boats "
    "and helicopters to the worst-hit areas. <a href=\"javascript:window.__pwned=3\">click here for the video</a>\n\n"
    "“We have never seen water rise this fast,” said the regional governor, who asked residents downstream "
    "to move to higher ground until engineers could inspect what was left of the wall."
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, annotator):
    import uvicorn

    folder = tmp_path_factory.mktemp("browser")
    pages = folder / "pages"
    pages.mkdir()
    for seed in (SEED_A, SEED_B):
        shutil.copy(seed, pages / seed.name)
    (pages / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = folder / "browser.db"
    pipeline = make_pipeline(db, annotator)
    assert pipeline.ingest([str(pages)]).articles_stored == 3
    pipeline.store.close()
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def test_list_search_story_compare_article(server, page):
    page.goto(server + "/")
    rows = page.locator("tr.story-row")
    assert rows.count() == 2
    page.fill("form.filters input[name=q]", "McCain")
    page.click("form.filters button")
    assert page.locator("tr.story-row").count() == 1
    page.click("a.story-link")
    assert page.inner_text("#headline") == "Obama, Putin call for end to Syria bloodshed"
    assert page.locator(".summary-sentence").count() >= 3
    assert page.locator("#quotes tr.quote").filter(has_text="immediate cessation of all violence").filter(has_text="Vladimir Putin").count() == 1
    assert page.locator("#figures .badge.v-agree").count() >= 1
    assert page.locator("#coverage svg circle").count() >= 1
    page.click("#compare-button")
    assert page.locator(".compare .col").count() == 2
    assert page.locator(".compare .s-shared").count() > 0 and page.locator(".compare .s-unique").count() > 0
    page.go_back()
    page.locator("a.article-link").first.click()
    assert page.locator("#clean p").count() > 5
    assert page.locator("#raw .removed").filter(has_text="Consular assistance in Russia").count() == 1
    assert page.locator("#raw .removed").filter(has_text="Home News Obama").count() == 1


def test_hostile_page_text_is_shown_and_never_run(server, page):
    page.goto(server + "/?q=dam")
    page.click("a.story-link")
    assert "<script>" in page.inner_text("#headline") or "Dam bursts" in page.inner_text("body")
    page.goto(server + "/articles/hostile")
    assert "onerror" in page.inner_text("#clean")  # the markup is there, as text
    links = page.locator("a[href^='javascript:']")
    assert links.count() == 0
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []
