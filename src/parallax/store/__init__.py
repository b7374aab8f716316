"""Store: every SQL statement Parallax runs, over SQLite (WAL, FTS5)."""

from .sqlite import Store, StoryRow, content_hash, resolve_db_path

__all__ = ["Store", "StoryRow", "content_hash", "resolve_db_path"]
