"""What every web module shares: the database path, templates, and the write policy."""

from __future__ import annotations

import hmac
import threading
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import HTTPException, Request
from fastapi.templating import Jinja2Templates

from ..store import Store, is_url

if TYPE_CHECKING:
    from ..pipeline import Pipeline

# Request bodies above this are refused (413): a page upload, not a crawl.
MAX_BODY_BYTES = 10_000_000
PAGE_SIZE = 50
# The outlet list changes only when pages arrive: a slightly stale list is fine.
OUTLETS_TTL_S = 30.0


@dataclass
class WebContext:
    """One app's settings and shared objects."""

    db: str
    api_key: str | None
    # Without a key, writes are accepted only when the server listens on loopback.
    loopback_only: bool
    templates: Jinja2Templates = field(
        default_factory=lambda: Jinja2Templates(directory=str(resources.files(__package__).joinpath("templates")))
    )
    _pipeline: "Pipeline | None" = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _outlets: tuple[float, list[str]] = (0.0, [])
    _local: threading.local = field(default_factory=threading.local)

    def reader(self) -> Store:
        """This thread's read-only connection, opened once and kept for the process's life.

        SQLite readers are cheap to keep; async handlers all run on the event
        loop's thread and so share one. Callers never close it.
        """
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.db, read_only=True)
        return store

    def outlets(self, store: Store) -> list[str]:
        """The outlets the filter offers; read at most every OUTLETS_TTL_S seconds."""
        stamp, cached = self._outlets
        if time.monotonic() - stamp > OUTLETS_TTL_S:
            cached = store.outlets()
            self._outlets = (time.monotonic(), cached)
        return cached

    def check_write(self, request: Request, provided: str | None = None) -> None:
        """Raise 401/403 unless this request may write."""
        key = provided or request.headers.get("x-api-key")
        if self.api_key:
            if not key or not hmac.compare_digest(key, self.api_key):
                raise HTTPException(401, "this server needs an API key for writes: send it in the X-API-Key header")
            return
        if not self.loopback_only:
            raise HTTPException(
                403, "writes are refused: set PARALLAX_API_KEY, or serve on 127.0.0.1 only (the default)"
            )

    def ingest(self, paths: list[str], *, max_pages: int | None = None):
        """Run the pipeline over files, one ingest at a time; the model loads on first use."""
        from ..pipeline import Pipeline

        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(Store(self.db))
            return self._pipeline.ingest(paths, max_pages=max_pages)


def is_loopback(host: str) -> bool:
    return host in ("127.0.0.1", "localhost", "::1") or host.startswith("127.")


def db_exists(path: str) -> bool:
    return is_url(path) or Path(path).exists()
