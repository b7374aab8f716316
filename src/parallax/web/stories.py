"""Stories: the list (search, filters, paging), the story page, the comparison of articles."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..dossier.align import SentenceVectors
from ..dossier.coverage import SUPPORT_SIMILARITY
from ..dossier.entities import by_type
from ..errors import E_STORY_NOT_FOUND, StoreError
from ..export import export_dossier
from ..store import StoryFilter
from .charts import coverage_svg
from .context import PAGE_SIZE, WebContext

# Names shown per type (people, places, ...) on a story's page; the JSON has them all.
WHO_PER_TYPE = 15

# At most this many articles side by side.
MAX_COMPARE = 4


def story_row(row) -> dict:
    return {
        "id": row.id, "headline": row.headline, "articles": row.n_articles, "outlets": row.outlets,
        "event_date": row.event_date, "first_published": row.first_published, "last_published": row.last_published,
        "people": row.people, "places": row.places,
    }


def make_router(ctx: WebContext) -> APIRouter:
    # Handlers are async: their reads take a millisecond or two on a kept
    # connection, less than the hop to a worker thread and back would cost.
    router = APIRouter()

    def list_context(q, date_from, date_to, outlet, entity, page, limit):
        filters = StoryFilter(query=q or None, date_from=date_from or None, date_to=date_to or None,
                              outlet=outlet or None, entity=entity or None)
        store = ctx.reader()
        try:
            if filters.query:
                # A text search counts only as far as the next page needs ("150+").
                cap = (page + 1) * limit + 1
                rows, total = store.search_page(filters, limit=limit, offset=(page - 1) * limit, cap=cap)
                capped = total >= cap
            else:
                rows = store.list_stories(filters=filters, limit=limit, offset=(page - 1) * limit)
                total, capped = store.count_stories(filters), False
            outlets = ctx.outlets(store)
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from exc
        return {"stories": rows, "total": total, "capped": capped, "outlets": outlets, "page": page, "page_size": limit,
                "q": q or "", "date_from": date_from or "", "date_to": date_to or "", "outlet": outlet or "",
                "entity": entity or ""}

    @router.get("/api/stories", summary="Stories, newest first: full-text search, filters, paging")
    async def api_stories(
        q: str | None = Query(None, max_length=200, description="words every story must contain"),
        date_from: str | None = Query(None, alias="from", pattern=r"^\d{4}-\d{2}-\d{2}$"),
        date_to: str | None = Query(None, alias="to", pattern=r"^\d{4}-\d{2}-\d{2}$"),
        outlet: str | None = Query(None, max_length=200),
        entity: str | None = Query(None, max_length=200),
        limit: int = Query(PAGE_SIZE, ge=1, le=500),
        offset: int = Query(0, ge=0),
    ):
        c = list_context(q, date_from, date_to, outlet, entity, 1 + offset // limit, limit)
        return {"stories": [story_row(r) for r in c["stories"]], "total": c["total"], "total_is_lower_bound": c["capped"],
                "limit": limit, "offset": offset}

    @router.get("/api/stories/{story_id}", summary="A story's dossier")
    async def api_story(story_id: int):
        store = ctx.reader()
        dossier = store.dossier(story_id)
        if dossier is None:
            raise HTTPException(404, E_STORY_NOT_FOUND.format(story=story_id))
        return export_dossier(dossier)

    @router.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def stories_page(
        request: Request,
        q: str | None = Query(None, max_length=200),
        date_from: str | None = Query(None, alias="from", max_length=10),
        date_to: str | None = Query(None, alias="to", max_length=10),
        outlet: str | None = Query(None, max_length=200),
        entity: str | None = Query(None, max_length=200),
        page: int = Query(1, ge=1),
    ):
        context = list_context(q, date_from, date_to, outlet, entity, page, PAGE_SIZE)
        return ctx.templates.TemplateResponse(request, "stories.html", context)

    @router.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(request: Request, story_id: int):
        store = ctx.reader()
        resolved = store.resolve_story(story_id)
        dossier = store.dossier(resolved)
        articles = store.story_articles(resolved) if dossier else []
        if dossier is None:
            raise HTTPException(404, E_STORY_NOT_FOUND.format(story=story_id))
        if resolved != story_id:
            return RedirectResponse(f"/stories/{resolved}", status_code=301)
        chart = coverage_svg([(item.article.outlet or "unknown outlet", item.article.published) for item, _ in articles])
        who = by_type(dossier.entities, WHO_PER_TYPE)
        return ctx.templates.TemplateResponse(request, "story.html", {"d": dossier, "articles": articles, "chart": chart, "who": who})

    @router.get("/stories/{story_id}/compare", response_class=HTMLResponse, include_in_schema=False)
    async def compare_page(request: Request, story_id: int, a: list[str] = Query(default=[], max_length=MAX_COMPARE)):
        store = ctx.reader()
        articles = [item for item, _ in store.story_articles(store.resolve_story(story_id))]
        if not articles:
            raise HTTPException(404, E_STORY_NOT_FOUND.format(story=story_id))
        chosen = [i for i in articles if i.article.id in a] if a else articles[:2]
        if len(chosen) < 2:
            raise HTTPException(400, "choose two or more articles of this story to compare (?a=ID&a=ID)")
        columns = compare_columns(chosen[:MAX_COMPARE])
        return ctx.templates.TemplateResponse(request, "compare.html", {"story": story_id, "columns": columns})

    return router


def compare_columns(items) -> list[dict]:
    """Each article's sentences, marked shared (another compared article says it) or unique."""
    sentences = [(n, s) for n, item in enumerate(items) for s in item.annotations.sentences]
    vectors = SentenceVectors([s for _, s in sentences])
    columns = [{"article": item.article, "sentences": []} for item in items]
    for i, (owner, text) in enumerate(sentences):
        shared = any(
            sentences[j][0] != owner and value >= SUPPORT_SIMILARITY for j, value in vectors.row(i).items()
        )
        columns[owner]["sentences"].append({"text": text, "shared": shared})
    return columns
