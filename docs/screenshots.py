"""Screenshots of every page of the web UI at 1280 px, for the README.

Run after `make demo` (it reads ./parallax.db): `.venv/bin/python docs/screenshots.py`.
Needs Debian's chromium and Playwright for Python.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from parallax.store import Store
from parallax.web import create_app

HERE = Path(__file__).resolve().parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main(db: str = "parallax.db") -> None:
    store = Store(db, read_only=True)
    story = store.list_stories(limit=1)[0]
    items = store.story_articles(story.id)
    entity = story.people[0] if story.people else "Barack Obama"
    store.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    ids = "&".join(f"a={item.article.id}" for item, _ in items[:2])
    pages = {
        "stories": "/",
        "story": f"/stories/{story.id}",
        "compare": f"/stories/{story.id}/compare?{ids}",
        "article": f"/articles/{items[0][0].article.id}",
        "entity": f"/entities/{entity}",
        "ingest": "/ingest",
    }
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for name, path in pages.items():
            page.goto(base + path)
            page.screenshot(path=str(HERE / f"{name}.png"), full_page=False)
            print("wrote", HERE / f"{name}.png")
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main(*sys.argv[1:])
