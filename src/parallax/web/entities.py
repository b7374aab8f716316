"""Entities: every story that names a person, place or organisation."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .context import WebContext
from .stories import story_row


def make_router(ctx: WebContext) -> APIRouter:
    router = APIRouter()

    def stories_of(name: str):
        store = ctx.reader()
        return store.entity_stories(name)

    @router.get("/api/entities/{name}", summary="Stories that name this person, place or organisation")
    async def api_entity(name: str):
        return {"entity": name, "stories": [story_row(r) for r in stories_of(name)]}

    @router.get("/entities/{name}", response_class=HTMLResponse, include_in_schema=False)
    async def entity_page(request: Request, name: str):
        return ctx.templates.TemplateResponse(request, "entity.html", {"name": name, "stories": stories_of(name)})

    return router
