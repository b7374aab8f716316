"""Articles: the cleaned article with the raw page beside it, and its JSON."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ..errors import E_ARTICLE_NOT_FOUND
from ..export import export_article
from .context import WebContext


def make_router(ctx: WebContext) -> APIRouter:
    router = APIRouter()

    def load(article_id: str):
        store = ctx.reader()
        try:
            found = store.article(article_id)
        finally:
            store.close()
        if found is None:
            raise HTTPException(404, E_ARTICLE_NOT_FOUND.format(article=article_id))
        return found

    @router.get("/api/articles/{article_id:path}", summary="One article, as `parallax export` writes it")
    async def api_article(article_id: str):
        return export_article(*load(article_id))

    @router.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    async def article_page(request: Request, article_id: str):
        item, story, group = load(article_id)
        return ctx.templates.TemplateResponse(
            request, "article.html", {"item": item, "a": item.article, "story": story, "group": group}
        )

    return router
