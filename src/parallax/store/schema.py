"""The database schema, one definition for SQLite and PostgreSQL (SQLAlchemy Core).

Only the full-text index differs: SQLite has FTS5, PostgreSQL a ``tsvector``
column with a GIN index. Both tables are called ``articles_fts`` and take the
same inserts and updates, so the store's writes are one code path; only the
search query is per dialect.
"""

from __future__ import annotations

from sqlalchemy import (
    Column, Connection, ForeignKey, Index, Integer, LargeBinary, MetaData, PrimaryKeyConstraint, Table, Text, func,
)

# Bumped whenever the schema gains a table, column or index; older SQLite files
# are brought up to date (derived tables rebuilt) the first time a writer opens them.
SCHEMA_VERSION = 8

metadata = MetaData()

pages = Table(
    "pages", metadata,
    Column("id", Text, primary_key=True),
    # Arrival order: the linker replays stored articles in it when a run starts.
    Column("seq", Integer, nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("format", Text, nullable=False),
    Column("url", Text, index=True),
    Column("fetched_at", Text),
    Column("content", Text, nullable=False),
    Column("content_hash", Text, nullable=False, unique=True),
    Column("truncated", Integer, nullable=False, server_default="0"),
    Column("ingested_at", Text, nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", Text, ForeignKey("pages.id"), primary_key=True),
    Column("url", Text),
    Column("outlet", Text, index=True),
    Column("title", Text),
    Column("published", Text),
    Column("published_from", Text),
    Column("story", Integer, nullable=False, index=True),
    Column("syndication_group", Text, index=True),  # a copy joining two groups renames one
    Column("record", Text, nullable=False),    # the AnnotatedArticle as JSON
    Column("features", Text, nullable=False),  # the linker's state for it (link.Linker.take_states), to restore without re-parsing
)

stories = Table(
    "stories", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("headline", Text),
    Column("n_articles", Integer, nullable=False),
    Column("outlets", Text, nullable=False),  # JSON list
    Column("event_date", Text),
    Column("first_published", Text),
    Column("last_published", Text),
    Column("dossier", Text, nullable=False),  # the Dossier as JSON
    Column("updated_at", Text, nullable=False),
    # Event date, else first publication: the story list's order.
    Column("sort_key", Text, nullable=False, server_default=""),
)
Index("stories_sort", stories.c.sort_key.desc(), stories.c.id.desc())
Index("stories_dates", stories.c.event_date, stories.c.first_published)

# Lines seen near the edges of an outlet's plain-text pages, with the story of
# each page: a line in many stories of one outlet is that outlet's chrome.
outlet_lines = Table(
    "outlet_lines", metadata,
    Column("outlet", Text, nullable=False),
    Column("line_key", Text, nullable=False),
    Column("story", Integer, nullable=False),
    PrimaryKeyConstraint("outlet", "line_key", "story"),
    sqlite_with_rowid=False,
)

# Pages an ingest run found no article in (``PageRejected``), by their text: a later run of the
# same Parallax version skips them, as it skips stored pages, rather than extracting them again
# and reporting them failed once more (a crawl's index and video pages, every run).
rejected_pages = Table(
    "rejected_pages", metadata,
    Column("content_hash", Text, primary_key=True),
    Column("page_id", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("version", Text, nullable=False),  # the Parallax that rejected it: another one tries again
    Column("rejected_at", Text, nullable=False),
)

# Stories merged into another by the linker's repair pass: old id -> the story it joined.
story_aliases = Table(
    "story_aliases", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("target", Integer, nullable=False),
)

# What the story list filters on, kept beside each dossier.
story_outlets = Table(
    "story_outlets", metadata,
    Column("story", Integer, nullable=False),
    Column("outlet", Text, nullable=False, index=True),
    PrimaryKeyConstraint("story", "outlet"),
    sqlite_with_rowid=False,
)

story_entities = Table(
    "story_entities", metadata,
    Column("story", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("articles", Integer, nullable=False),
    PrimaryKeyConstraint("story", "name", "type"),
    sqlite_with_rowid=False,
)
Index("story_entities_lower_name", func.lower(story_entities.c.name))

# The linker's state as the last run left it (``link/snapshot.py``), so that the next
# run need not replay every stored article. One row at most; any write to the
# articles deletes it in the same transaction, so a row present is never stale.
link_snapshot = Table(
    "link_snapshot", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # always 1
    Column("key", Text, nullable=False),  # the format and linker options it was made under
    Column("articles", Integer, nullable=False),  # how many articles it holds ...
    Column("last_seq", Integer, nullable=False),  # ... up to this page
    Column("data", LargeBinary, nullable=False),
)

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, nullable=False),
)

# Full-text search over titles and bodies. The body is cut before indexing in
# PostgreSQL: a tsvector is limited to 1 MB, and the first 200k characters of
# an article say what it is about.
_FTS_DDL = {
    "sqlite": [
        "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(article_id UNINDEXED, story UNINDEXED, title, body)",
    ],
    "postgresql": [
        "CREATE TABLE IF NOT EXISTS articles_fts ("
        " seq BIGSERIAL PRIMARY KEY,"
        " article_id TEXT NOT NULL UNIQUE,"
        " story INTEGER NOT NULL,"
        " title TEXT NOT NULL,"
        " body TEXT NOT NULL,"
        " document tsvector GENERATED ALWAYS AS"
        " (setweight(to_tsvector('english', title), 'A') || to_tsvector('english', left(body, 200000))) STORED)",
        "CREATE INDEX IF NOT EXISTS articles_fts_document ON articles_fts USING GIN (document)",
        "CREATE INDEX IF NOT EXISTS articles_fts_story ON articles_fts (story)",
    ],
}


def create_schema(conn: Connection) -> None:
    """Create every table and index that is missing; existing ones are left as they are."""
    metadata.create_all(conn)
    # create_all makes a table's indexes only with the table: one added to a table older files
    # have is made here (both dialects know IF NOT EXISTS).
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_articles_syndication_group ON articles (syndication_group)")
    for statement in _FTS_DDL[conn.dialect.name]:
        conn.exec_driver_sql(statement)
