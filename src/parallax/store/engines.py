"""Opening a database: a SQLite file path or a database URL, as a SQLAlchemy engine.

SQLite runs in WAL mode, its readers on read-only connections with a timeout;
PostgreSQL's readers get read-only transactions and a statement timeout. Every
connection is in autocommit mode: ``Store`` issues BEGIN/COMMIT itself.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, exc as sa_exc, make_url
from sqlalchemy.pool import NullPool

from ..errors import StoreError

DEFAULT_DB = "parallax.db"
ENV_DB = "PARALLAX_DB"
# A query that runs longer than this on a reader is cut (web requests).
READ_TIMEOUT_S = 5.0


def resolve_db_path(path: str | None) -> str:
    """``--db`` if given, else ``$PARALLAX_DB``, else ``./parallax.db``: a file path or a database URL."""
    return str(path) if path else os.environ.get(ENV_DB) or DEFAULT_DB


def is_url(db: str | Path) -> bool:
    return "://" in str(db)


def display_db(db: str | Path) -> str:
    """The database as messages show it: a URL without its password."""
    return make_url(str(db)).render_as_string(hide_password=True) if is_url(db) else str(db)


def _sqlite_engine(path: str, read_only: bool):
    def connect() -> sqlite3.Connection:
        if read_only:
            uri = Path(path).resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=READ_TIMEOUT_S, check_same_thread=False)
        else:
            # One writer at a time is the caller's rule (the web app holds a lock);
            # the connection may still be handed from one thread to the next.
            conn = sqlite3.connect(path, timeout=30.0, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.text_factory = lambda b: b.decode("utf-8", errors="replace")
        return conn

    return create_engine("sqlite://", creator=connect, poolclass=NullPool, isolation_level="AUTOCOMMIT")


def _postgres_engine(url: str, read_only: bool):
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    options = "-c default_transaction_read_only=on " if read_only else ""
    if read_only:
        options += f"-c statement_timeout={int(READ_TIMEOUT_S * 1000)}"
    try:
        return create_engine(
            parsed, poolclass=NullPool, isolation_level="AUTOCOMMIT",
            connect_args={"connect_timeout": 10, **({"options": options} if options else {})},
        )
    except (ImportError, sa_exc.NoSuchModuleError) as exc:
        raise StoreError("a PostgreSQL database needs psycopg: pip install 'parallax-news[postgres]'") from exc


def make_engine(db: str, read_only: bool):
    """The engine of ``db``: a SQLite file path, or a sqlite:// or postgresql:// URL."""
    if not is_url(db):
        return _sqlite_engine(db, read_only)
    backend = make_url(db).get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(make_url(db).database or DEFAULT_DB, read_only)
    if backend in ("postgresql", "postgres"):
        return _postgres_engine(db, read_only)
    raise StoreError(f"unsupported database {display_db(db)!r}: give a SQLite file path or a postgresql:// URL")


def driver_message(exc: BaseException) -> str:
    """The driver's own message, without SQLAlchemy's statement dump and links."""
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).strip().splitlines()[0]
