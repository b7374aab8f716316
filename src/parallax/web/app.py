"""The FastAPI application: HTML pages and a JSON API over one database.

One module per resource (``stories``, ``articles``, ``entities``, ``ingest``)
adds its routes; handlers hold no SQL (``store`` does) and templates autoescape
everything: scraped text is hostile and is only ever shown, never interpreted.
"""

from __future__ import annotations

import os
from pathlib import Path

import swagger_ui_bundle
from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..store.engines import ENV_DB
from . import articles, entities, ingest, stories
from .context import WebContext

ENV_API_KEY = "PARALLAX_API_KEY"
ENV_HOST = "PARALLAX_HOST"


def app_from_env() -> FastAPI:
    """The app as uvicorn's worker processes build it (``parallax serve --workers N``)."""
    return create_app(os.environ[ENV_DB], host=os.environ.get(ENV_HOST, "127.0.0.1"))


# Scraped text is shown, never run: no script may execute on Parallax's pages.
PAGE_POLICY = (
    "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'"
)


class SecurityHeaders:
    """Plain ASGI middleware (Starlette's BaseHTTPMiddleware costs milliseconds a request)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        swagger = scope["path"].startswith(("/docs", "/static/swagger"))

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                if not swagger:  # Swagger UI runs its own (packaged) scripts
                    headers.append((b"content-security-policy", PAGE_POLICY.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db_path: str | Path, *, host: str = "127.0.0.1", api_key: str | None = None) -> FastAPI:
    """The app for one database file (opened read-only per request).

    Args:
        db_path: the SQLite file, or a database URL.
        host: the interface the server listens on; without an API key,
            writes are accepted only when it is a loopback address.
        api_key: the key writes need; defaults to ``$PARALLAX_API_KEY``.
    """
    from .context import is_loopback

    ctx = WebContext(db=str(db_path), api_key=api_key or os.environ.get(ENV_API_KEY) or None, loopback_only=is_loopback(host))
    app = FastAPI(
        title="Parallax",
        version=__version__,
        description="Stories built from many outlets' news pages: dossiers, articles, entities, search, ingest.",
        docs_url=None,
        redoc_url=None,
    )
    # Swagger UI from the swagger-ui-bundle package, served here: /docs works offline.
    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="Parallax API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js", swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/swagger/favicon-32x32.png",
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail, "status": exc.status_code}, status_code=exc.status_code)
        return ctx.templates.TemplateResponse(
            request, "error.html", {"status": exc.status_code, "message": exc.detail}, status_code=exc.status_code
        )

    app.add_middleware(SecurityHeaders)
    for module in (stories, articles, entities, ingest):
        app.include_router(module.make_router(ctx))
    return app
