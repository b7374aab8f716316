"""Store: every SQL statement Parallax runs, over SQLite (WAL, FTS5) or PostgreSQL (tsvector), via SQLAlchemy."""

from .database import Store, StoryFilter, StoryRow, content_hash, display_db, is_url, resolve_db_path

__all__ = ["Store", "StoryFilter", "StoryRow", "content_hash", "display_db", "is_url", "resolve_db_path"]
