"""Articles: the cleaned article with the raw page beside it, and its JSON."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

import lxml.etree
import lxml.html

from ..errors import E_ARTICLE_NOT_FOUND
from ..extract.lines import normalise
from ..model import Line
from ..export import export_article
from .context import WebContext


def make_router(ctx: WebContext) -> APIRouter:
    router = APIRouter()

    def load(article_id: str):
        store = ctx.reader()
        found = store.article(article_id)
        if found is None:
            raise HTTPException(404, E_ARTICLE_NOT_FOUND.format(article=article_id))
        return found

    @router.get("/api/articles/{article_id:path}", summary="One article, as `parallax export` writes it")
    async def api_article(article_id: str):
        return export_article(*load(article_id))

    @router.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    async def article_page(request: Request, article_id: str):
        item, story, group = load(article_id)
        lines = item.article.lines
        if not lines:  # an HTML page: its visible text, each line marked kept or removed
            store = ctx.reader()
            raw = store.page_content(article_id)
            lines = html_lines(raw, item.article.body) if raw else []
        return ctx.templates.TemplateResponse(
            request, "article.html", {"item": item, "a": item.article, "story": story, "group": group, "lines": lines}
        )

    return router


# Visible text of an HTML page is shown at most this long (a hostile page can be huge).
MAX_RAW_LINES = 2000


_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "br", "section", "article",
           "header", "footer", "nav", "aside", "blockquote", "figcaption", "figure", "pre", "dt", "dd", "title"}


def html_lines(html: str, body: list[str]) -> list[Line]:
    """The visible text lines of an HTML page, labelled body when the article kept them.

    Scripts, styles and templates are dropped (never shown, never run); every
    block element ends a line; a line is "removed" when the article's body
    does not contain it.
    """
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    kept = normalise("\n".join(body))
    lines = []
    for raw in root.text_content().split("\n"):
        line = " ".join(raw.split())
        if line:
            lines.append(Line(text=line, label="body" if normalise(line) in kept else "boilerplate"))
            if len(lines) >= MAX_RAW_LINES:
                break
    return lines
