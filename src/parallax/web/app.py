"""The FastAPI application: HTML pages and a JSON API over one database.

Handlers hold no SQL (``store`` does) and templates autoescape everything:
scraped text is hostile and is only ever shown, never interpreted.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import E_ARTICLE_NOT_FOUND, E_STORY_NOT_FOUND, StoreError
from ..pipeline import export_article, export_dossier
from ..store import Store

PAGE_SIZE = 50


def create_app(db_path: str | Path) -> FastAPI:
    """The app for one database file (opened read-only per request)."""
    app = FastAPI(
        title="Parallax",
        version=__version__,
        description="Stories built from many outlets' news pages: dossiers, articles, search.",
    )
    templates = Jinja2Templates(directory=str(resources.files(__package__).joinpath("templates")))
    db = str(db_path)

    def store() -> Store:
        return Store(db, read_only=True)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail, "status": exc.status_code}, status_code=exc.status_code)
        return templates.TemplateResponse(
            request, "error.html", {"status": exc.status_code, "message": exc.detail}, status_code=exc.status_code
        )

    # --- JSON API -------------------------------------------------------------

    @app.get("/api/stories", summary="List stories, newest first; full-text search with q")
    def api_stories(q: str | None = Query(None, max_length=200), limit: int = Query(PAGE_SIZE, ge=1, le=500), offset: int = Query(0, ge=0)):
        s = store()
        try:
            rows = s.list_stories(query=q, limit=limit, offset=offset)
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from exc
        finally:
            s.close()
        return {"stories": [_row(r) for r in rows], "limit": limit, "offset": offset}

    @app.get("/api/stories/{story_id}", summary="A story's dossier")
    def api_story(story_id: int):
        s = store()
        try:
            dossier = s.dossier(story_id)
        finally:
            s.close()
        if dossier is None:
            raise HTTPException(404, E_STORY_NOT_FOUND.format(story=story_id))
        return export_dossier(dossier)

    @app.get("/api/articles/{article_id}", summary="One article, as `parallax export` writes it")
    def api_article(article_id: str):
        s = store()
        try:
            found = s.article(article_id)
        finally:
            s.close()
        if found is None:
            raise HTTPException(404, E_ARTICLE_NOT_FOUND.format(article=article_id))
        return export_article(*found)

    # --- HTML pages -----------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, q: str | None = Query(None, max_length=200), page: int = Query(1, ge=1)):
        s = store()
        try:
            rows = s.list_stories(query=q, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
            total = s.count_stories()
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from exc
        finally:
            s.close()
        return templates.TemplateResponse(request, "stories.html", {"stories": rows, "q": q or "", "page": page, "total": total, "page_size": PAGE_SIZE})

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: int):
        s = store()
        try:
            dossier = s.dossier(story_id)
            articles = s.story_articles(story_id) if dossier else []
        finally:
            s.close()
        if dossier is None:
            raise HTTPException(404, E_STORY_NOT_FOUND.format(story=story_id))
        return templates.TemplateResponse(request, "story.html", {"d": dossier, "articles": articles})

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str):
        s = store()
        try:
            found = s.article(article_id)
        finally:
            s.close()
        if found is None:
            raise HTTPException(404, E_ARTICLE_NOT_FOUND.format(article=article_id))
        item, story, group = found
        return templates.TemplateResponse(request, "article.html", {"item": item, "a": item.article, "story": story, "group": group})

    return app


def _row(row) -> dict:
    return {
        "id": row.id, "headline": row.headline, "articles": row.n_articles, "outlets": row.outlets,
        "event_date": row.event_date, "first_published": row.first_published, "last_published": row.last_published,
    }
