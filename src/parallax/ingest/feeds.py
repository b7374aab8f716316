"""RSS and Atom feeds (feedparser): each entry becomes a page.

A feed entry carries a link, a title, a date and, in many feeds, the article's
HTML. The entry is turned into a small HTML document holding exactly that, so
that it goes through the same HTML extraction as any page. Nothing is fetched
from the entry's link: a summary-only entry stays a short page (and extraction
may reject it as too short).
"""

from __future__ import annotations

import html
import time
from collections.abc import Iterator

import feedparser

from ..model import Failure, Page


def read_feed(data: bytes, source: str) -> Iterator[Page | Failure]:
    """The entries of an RSS/Atom document."""
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - feedparser's lenient parser trips on bad input (a surrogate's "&#xD800;")
        yield Failure(source=source, reason=f"not a readable RSS/Atom feed ({type(exc).__name__}: {str(exc)[:160]})")
        return
    if not parsed.entries:
        reason = "not an RSS/Atom feed"
        if parsed.bozo:
            reason += f" ({parsed.bozo_exception})"
        yield Failure(source=source, reason=reason)
        return
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{number}"
        url = entry.get("link")
        page_id = entry.get("id") or url or where
        body = ""
        if entry.get("content"):
            body = entry.content[0].get("value", "")
        body = body or entry.get("summary", "")
        if not body.strip():
            yield Failure(source=where, reason="feed entry has no content or summary", page_id=page_id)
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        iso = time.strftime("%Y-%m-%d", published) if published else None
        yield Page(id=page_id, source=where, format="html", content=entry_document(entry.get("title"), iso, body), url=url)


def entry_document(title: str | None, published: str | None, body_html: str) -> str:
    """A minimal HTML page for one feed entry; the entry's own HTML stays as it was sent."""
    head = f"<title>{html.escape(title or '')}</title>"
    if published:
        head += f'<meta property="article:published_time" content="{published}">'
    heading = f"<h1>{html.escape(title)}</h1>" if title else ""
    return f"<!doctype html><html><head>{head}</head><body><article>{heading}{body_html}</article></body></html>"
