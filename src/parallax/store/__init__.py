"""Store: every SQL statement Parallax runs, over SQLite (WAL, FTS5) or PostgreSQL (tsvector), via SQLAlchemy.

``database.Store`` owns the connection and the writes; ``listing`` holds the story
list's queries (mixed into it), ``engines`` how a path or URL is opened, ``schema`` the tables.
"""

from .database import Store, content_hash
from .engines import display_db, is_url, resolve_db_path
from .listing import StoryFilter, StoryRow

__all__ = ["Store", "StoryFilter", "StoryRow", "content_hash", "display_db", "is_url", "resolve_db_path"]
