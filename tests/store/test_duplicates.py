"""Which offered pages the store holds already, looked up for many pages at once."""

from __future__ import annotations

import pytest

import parallax.store.database

from parallax.model import Page
from parallax.store import Store, content_hash


def _page(id: str, content: str, url: str | None = None) -> Page:
    return Page(id=id, source=f"{id}.txt", format="text", content=content, url=url)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    url = str(tmp_path / "d.db") if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    store = Store(url)
    store.save_batch([_page("a", "first text", "https://x.test/a"), _page("b", "second text")], [], [], {}, {})
    yield store
    store.close()


def test_each_page_gets_the_reason_it_is_stored(store):
    offered = [
        _page("c", "new text", "https://x.test/c"),
        _page("a", "other text"),  # an id already stored
        _page("d", "other text 2", "https://x.test/a"),  # a url already stored
        _page("e", "second text"),  # a text already stored, under another id
        _page("f", "new text 2"),  # no url, nothing stored
        _page("b", "first text", "https://x.test/a"),  # all three: the id is named first
    ]
    assert store.duplicates_of(offered) == [None, "same id", "same url", "same text", None, "same id"]


def test_no_pages_asks_nothing(store):
    assert store.duplicates_of([]) == []


def test_a_url_matches_only_a_stored_url(store):
    # The stored page "b" has no url: a page without one is not "the same url" as it.
    assert store.duplicates_of([_page("g", "third text")]) == [None]


def test_rejections_are_found_by_text_for_the_version_that_made_them(store, monkeypatch):
    chrome, short = _page("r1", "Home News Sport"), _page("r2", "Too short to be an article")
    store.save_batch([], [], [], {}, {}, rejected=[(chrome, "no article text found"), (short, "too short")])
    # Found by the text, whatever the id the page comes under.
    hashes = [content_hash("Home News Sport"), content_hash("Too short to be an article"), content_hash("new text")]
    assert store.rejections_of(hashes) == {hashes[0]: "no article text found", hashes[1]: "too short"}
    # Rejected again (by a later run of another version): one row, the last reason.
    store.save_batch([], [], [], {}, {}, rejected=[(chrome, "chrome only")])
    assert store.rejections_of(hashes[:1]) == {hashes[0]: "chrome only"}
    monkeypatch.setattr(parallax.store.database, "__version__", "99.0")
    assert store.rejections_of(hashes) == {}
    assert store.rejections_of([]) == {}
