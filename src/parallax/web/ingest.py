"""Ingest over the web: upload page files or paste a page, JSON or multipart; results per page.

Nothing is fetched from the network on a page's say-so: a URL given with a page
is kept as its address, never opened.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from ..ingest.reader import SUPPORTED_SUFFIXES
from .context import MAX_BODY_BYTES, WebContext

MAX_PAGES_PER_REQUEST = 200
# Pages read from the files of one upload. The body is bounded (MAX_BODY_BYTES), but a
# gzipped file in it (pages.jsonl.gz, a WARC) can unpack to a million pages.
MAX_UPLOAD_PAGES = 2_000


class PageIn(BaseModel):
    """One page as the JSON Lines contract has it."""

    id: str = Field(min_length=1, max_length=300)
    url: str | None = Field(None, max_length=2000)
    text: str | None = None
    html: str | None = None
    fetched_at: str | None = None


class PagesIn(BaseModel):
    pages: list[PageIn] = Field(min_length=1, max_length=MAX_PAGES_PER_REQUEST)


def report_json(report) -> dict:
    return {
        "pages_read": report.pages_read,
        "articles_stored": report.articles_stored,
        "stories_touched": sorted(report.stories_touched),
        "already_stored": [{"source": s, "why": w} for s, w in report.duplicates],
        "rejected_before": [{"source": s, "reason": w} for s, w in report.rejected_before],
        "failed": [{"source": f.source, "page": f.page_id, "reason": f.reason} for f in report.failures],
    }


def make_router(ctx: WebContext) -> APIRouter:
    router = APIRouter()

    async def bounded_body(request: Request) -> bytes:
        length = request.headers.get("content-length")
        if length and int(length) > MAX_BODY_BYTES:
            raise HTTPException(413, f"request body over {MAX_BODY_BYTES} bytes")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY_BYTES:
                raise HTTPException(413, f"request body over {MAX_BODY_BYTES} bytes")
        return body

    def run(files: dict[str, bytes]) -> dict:
        with tempfile.TemporaryDirectory(prefix="parallax-upload-") as folder:
            paths = []
            for name, data in files.items():
                path = Path(folder) / name
                path.write_bytes(data)
                paths.append(str(path))
            report = ctx.ingest(paths, max_pages=MAX_UPLOAD_PAGES)
        result = report_json(report)
        for item in result["failed"] + result["already_stored"] + result["rejected_before"]:
            item["source"] = item["source"].replace(folder + "/", "")
        return result

    async def files_from_request(request: Request) -> dict[str, bytes]:
        kind = request.headers.get("content-type", "")
        if kind.startswith("application/json"):
            body = await bounded_body(request)
            try:
                pages = PagesIn.model_validate_json(body)
            except ValueError as exc:
                raise HTTPException(422, f"expected {{\"pages\": [{{\"id\", \"url\"?, \"text\"|\"html\"}}]}}: {exc}") from exc
            lines = [json.dumps(p.model_dump(exclude_none=True)) for p in pages.pages]
            return {"pages.jsonl": "\n".join(lines).encode("utf-8")}
        if kind.startswith("multipart/form-data"):
            length = request.headers.get("content-length")
            if length and int(length) > MAX_BODY_BYTES:
                raise HTTPException(413, f"request body over {MAX_BODY_BYTES} bytes")
            form = await request.form(max_files=MAX_PAGES_PER_REQUEST)
            files: dict[str, bytes] = {}
            for value in form.getlist("files"):
                if hasattr(value, "read") and value.filename:
                    name = Path(value.filename).name
                    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                        raise HTTPException(415, f"{name}: not a page file (.txt, .md, .html, .jsonl, .warc.gz, .rss, or one of these gzipped)")
                    files[name] = await value.read()
            pasted = form.get("text")
            if isinstance(pasted, str) and pasted.strip():
                files["pasted.txt"] = pasted.encode("utf-8")
            if not files:
                raise HTTPException(400, "nothing to ingest: attach files or paste a page's text")
            return files
        raise HTTPException(415, "send JSON ({\"pages\": [...]}) or multipart form data")

    @router.post("/api/pages", summary="Ingest pages (JSON or multipart); needs the API key when one is set")
    async def api_pages(request: Request):
        ctx.check_write(request)
        files = await files_from_request(request)
        return await run_in_threadpool(run, files)  # parsing takes seconds: keep the event loop free

    @router.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_form(request: Request):
        return ctx.templates.TemplateResponse(request, "ingest.html", {"result": None, "needs_key": bool(ctx.api_key)})

    @router.post("/ingest", response_class=HTMLResponse, include_in_schema=False)
    async def ingest_submit(request: Request):
        form_key = None
        if request.headers.get("content-type", "").startswith("multipart/form-data"):
            form = await request.form()
            form_key = form.get("api_key") if isinstance(form.get("api_key"), str) else None
        ctx.check_write(request, form_key)
        result = await run_in_threadpool(run, await files_from_request(request))
        return ctx.templates.TemplateResponse(request, "ingest.html", {"result": result, "needs_key": bool(ctx.api_key)})

    return router
