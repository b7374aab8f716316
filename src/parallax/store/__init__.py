"""Store: every SQL statement Parallax runs, over SQLite (WAL, FTS5)."""

from .sqlite import Store, StoryFilter, StoryRow, content_hash, resolve_db_path

__all__ = ["Store", "StoryFilter", "StoryRow", "content_hash", "resolve_db_path"]
