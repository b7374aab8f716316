"""The SQLite database: pages, articles with their annotations, stories with their dossiers.

One ``Store`` owns one connection. Writes happen in immediate transactions, a
whole batch at a time, so a failed run leaves the database as it was before the
batch. Readers (the web app) open read-only connections. Parameters are always
bound.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from ..errors import StoreError
from ..extract.templates import MIN_TEMPLATE_STORIES, is_template, line_keys
from ..model import AnnotatedArticle, Assignment, Dossier, Page, from_dict, to_dict

LOGGER = logging.getLogger(__name__)

DEFAULT_DB = "parallax.db"
# Bumped whenever schema.sql gains a table; older files are brought up to date
# (tables added, derived tables rebuilt) the first time a writer opens them.
SCHEMA_VERSION = 4
ENV_DB = "PARALLAX_DB"
# A query that runs longer than this on a reader is cut (web requests).
READ_TIMEOUT_S = 5.0


def resolve_db_path(path: str | None) -> str:
    """``--db`` if given, else ``$PARALLAX_DB``, else ``./parallax.db``."""
    return path or os.environ.get(ENV_DB) or DEFAULT_DB


def content_hash(text: str) -> str:
    """Identity of a page's text: whitespace-insensitive, so a re-save is the same page."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story as the list shows it."""

    id: int
    headline: str | None
    n_articles: int
    outlets: list[str]
    event_date: str | None
    first_published: str | None
    last_published: str | None
    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryFilter:
    """What the story list can be narrowed by; every field optional."""

    query: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    entity: str | None = None

# How many people and places the story list shows per story.
LIST_ENTITIES = 3
# A text search counts its stories up to this many ("1000+" beyond).
SEARCH_COUNT_CAP = 1000


class Store:
    """A Parallax database file."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            if read_only:
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, timeout=READ_TIMEOUT_S, check_same_thread=False)
            else:
                # One writer at a time is the caller's rule (the web app holds a lock);
                # the connection may still be handed from one thread to the next.
                self.conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.path!r}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        self.conn.text_factory = lambda b: b.decode("utf-8", errors="replace")
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            if read_only:
                raise StoreError(
                    f"database {self.path!r} was written by an older Parallax; open it once for writing "
                    "(any `parallax ingest`, or `parallax serve`) to bring it up to date"
                )
            self._upgrade(version)

    def _upgrade(self, version: int) -> None:
        """Bring an older file up to date: add what is missing, rebuild what is derived.

        Articles and pages are never touched; the search index and the story
        list's tables are rebuilt from them and from the stored dossiers.
        """
        del version  # every older layout gets the same treatment
        columns = {r[1] for r in self.conn.execute("PRAGMA table_info(stories)")}
        if columns and "sort_key" not in columns:
            self.conn.executescript(
                "ALTER TABLE stories ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';"
                "DROP TABLE IF EXISTS articles_fts;"  # rebuilt below with its story column
            )
        self.conn.executescript(resources.files(__package__).joinpath("schema.sql").read_text())
        if not self.conn.execute("SELECT 1 FROM articles_fts LIMIT 1").fetchone():
            rows = self.conn.execute(
                "SELECT id, story, title, json_extract(record, '$.article.body') AS body FROM articles"
            ).fetchall()
            self.conn.executemany(
                "INSERT INTO articles_fts (article_id, story, title, body) VALUES (?, ?, ?, ?)",
                [(r["id"], r["story"], r["title"] or "", "\n\n".join(json.loads(r["body"]))) for r in rows],
            )
        for dossier in list(self.iter_dossiers()):
            self.save_dossier(dossier)
        self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One immediate write transaction: all of it lands, or none."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path!r}: {exc}") from exc
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # --- pages ----------------------------------------------------------------

    def duplicate_of(self, page: Page) -> str | None:
        """Why ``page`` is already stored ("same id", "same url", "same text"), or None."""
        if self.conn.execute("SELECT 1 FROM pages WHERE id = ?", (page.id,)).fetchone():
            return "same id"
        if page.url and self.conn.execute("SELECT 1 FROM pages WHERE url = ?", (page.url,)).fetchone():
            return "same url"
        if self.conn.execute("SELECT 1 FROM pages WHERE content_hash = ?", (content_hash(page.content),)).fetchone():
            return "same text"
        return None

    def save_batch(
        self, pages: list[Page], items: list[AnnotatedArticle], assignments: list[Assignment],
        features: dict[str, dict], regrouped: dict[str, str],
    ) -> None:
        """Store a batch of pages with their articles and link assignments, in one transaction."""
        by_id = {a.article_id: a for a in assignments}
        now = _now()
        with self.transaction() as conn:
            for page in pages:
                conn.execute(
                    "INSERT INTO pages (id, source, format, url, fetched_at, content, content_hash, truncated, ingested_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (page.id, page.source, page.format, page.url, page.fetched_at, page.content,
                     content_hash(page.content), int(page.truncated), now),
                )
            for item in items:
                assignment = by_id[item.article.id]
                self._write_article(conn, item, assignment.story, assignment.syndication_group, features[item.article.id])
            for article_id, group in regrouped.items():
                conn.execute("UPDATE articles SET syndication_group = ? WHERE id = ?", (group, article_id))
            pages_by_id = {p.id: p for p in pages}
            for item in items:
                page = pages_by_id.get(item.article.id)
                if page is not None and page.format == "text" and item.article.outlet_from == "url":
                    conn.executemany(
                        "INSERT OR IGNORE INTO outlet_lines (outlet, line_key, story) VALUES (?, ?, ?)",
                        [(item.article.outlet, key, by_id[item.article.id].story) for key in line_keys(page.content)],
                    )

    def _write_article(self, conn: sqlite3.Connection, item: AnnotatedArticle, story: int, group: str | None, features: dict) -> None:
        a = item.article
        conn.execute(
            "INSERT INTO articles (id, url, outlet, title, published, published_from, story, syndication_group, record, features)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, a.url, a.outlet, a.title, a.published, a.published_from, story, group,
             json.dumps(to_dict(item)), json.dumps(features)),
        )
        conn.execute(
            "INSERT INTO articles_fts (article_id, story, title, body) VALUES (?, ?, ?, ?)",
            (a.id, story, a.title or "", a.body_text),
        )

    def move_articles(self, moved: dict[str, int]) -> set[int]:
        """Apply the linker's repairs: articles to their new stories; emptied stories become aliases.

        Returns every story whose membership changed (old and new), so their
        dossiers can be rebuilt.
        """
        if not moved:
            return set()
        with self.transaction() as conn:
            old = {
                r["id"]: r["story"]
                for r in conn.execute(
                    f"SELECT id, story FROM articles WHERE id IN ({','.join('?' * len(moved))})", list(moved)
                )
            }
            conn.executemany("UPDATE articles SET story = ? WHERE id = ?", [(story, a) for a, story in moved.items()])
            conn.executemany("UPDATE articles_fts SET story = ? WHERE article_id = ?", [(story, a) for a, story in moved.items()])
            changed = set(old.values()) | set(moved.values())
            for story in set(old.values()) - set(moved.values()):
                if conn.execute("SELECT 1 FROM articles WHERE story = ? LIMIT 1", (story,)).fetchone():
                    continue
                targets = {moved[a] for a, s in old.items() if s == story}
                conn.execute("DELETE FROM stories WHERE id = ?", (story,))
                if len(targets) == 1:
                    conn.execute("INSERT OR REPLACE INTO story_aliases (id, target) VALUES (?, ?)", (story, targets.pop()))
        return changed

    def story_exists(self, story: int) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE story = ? LIMIT 1", (story,)).fetchone() is not None

    def resolve_story(self, story: int) -> int:
        """A story id, following aliases of stories merged into others."""
        for _ in range(10):
            row = self.conn.execute("SELECT target FROM story_aliases WHERE id = ?", (story,)).fetchone()
            if row is None:
                return story
            story = row["target"]
        return story

    def update_articles(self, items: list[AnnotatedArticle]) -> None:
        """Rewrite articles whose record changed after linking (an inferred date)."""
        with self.transaction() as conn:
            for item in items:
                a = item.article
                conn.execute(
                    "UPDATE articles SET published = ?, published_from = ?, record = ? WHERE id = ?",
                    (a.published, a.published_from, json.dumps(to_dict(item)), a.id),
                )

    # --- linking state --------------------------------------------------------

    def link_state(self) -> Iterator[tuple[str, str, dict, int, str | None]]:
        """(id, body, features, story, syndication group) of every stored article, in arrival order."""
        rows = self.conn.execute(
            "SELECT a.id, a.features, a.story, a.syndication_group, json_extract(a.record, '$.article.body') AS body"
            " FROM articles a JOIN pages p ON p.id = a.id ORDER BY p.rowid"
        )
        for row in rows:
            yield row["id"], "\n\n".join(json.loads(row["body"])), json.loads(row["features"]), row["story"], row["syndication_group"]

    def template_chrome(self, outlet: str) -> frozenset[str]:
        """The lines ``outlet`` prints around its articles, by the rule in ``extract.templates``."""
        rows = self.conn.execute(
            "SELECT line_key, COUNT(*) AS n FROM outlet_lines WHERE outlet = ? GROUP BY line_key HAVING n >= ?",
            (outlet, MIN_TEMPLATE_STORIES),
        ).fetchall()
        if not rows:
            return frozenset()
        total = self.conn.execute("SELECT COUNT(DISTINCT story) FROM outlet_lines WHERE outlet = ?", (outlet,)).fetchone()[0]
        return frozenset(r["line_key"] for r in rows if is_template(r["n"], total))

    def max_story_id(self) -> int:
        """The highest story id ever given, merged-away ones included: ids are never reused."""
        return self.conn.execute(
            "SELECT MAX(COALESCE((SELECT MAX(story) FROM articles), 0), COALESCE((SELECT MAX(id) FROM story_aliases), 0),"
            " COALESCE((SELECT MAX(id) FROM stories), 0))"
        ).fetchone()[0]

    # --- stories --------------------------------------------------------------

    def story_items(self, story: int) -> list[AnnotatedArticle]:
        rows = self.conn.execute("SELECT record FROM articles WHERE story = ? ORDER BY id", (story,))
        return [from_dict(AnnotatedArticle, json.loads(r["record"])) for r in rows]

    def save_dossier(self, dossier: Dossier) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO stories (id, headline, n_articles, outlets, event_date, first_published, last_published, dossier,"
                " updated_at, sort_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, n_articles = excluded.n_articles,"
                " outlets = excluded.outlets, event_date = excluded.event_date, first_published = excluded.first_published,"
                " last_published = excluded.last_published, dossier = excluded.dossier, updated_at = excluded.updated_at,"
                " sort_key = excluded.sort_key",
                (dossier.story, dossier.headline, len(dossier.articles), json.dumps(dossier.outlets), dossier.event_date,
                 dossier.first_published, dossier.last_published, json.dumps(to_dict(dossier)), _now(),
                 dossier.event_date or dossier.first_published or ""),
            )
            conn.execute("DELETE FROM story_outlets WHERE story = ?", (dossier.story,))
            conn.executemany("INSERT OR IGNORE INTO story_outlets (story, outlet) VALUES (?, ?)",
                             [(dossier.story, o) for o in dossier.outlets])
            conn.execute("DELETE FROM story_entities WHERE story = ?", (dossier.story,))
            conn.executemany(
                "INSERT OR IGNORE INTO story_entities (story, name, type, articles) VALUES (?, ?, ?, ?)",
                [(dossier.story, e.name, e.type, len(e.articles)) for e in dossier.entities],
            )

    def list_stories(
        self, *, query: str | None = None, filters: StoryFilter | None = None, limit: int = 50, offset: int = 0
    ) -> list[StoryRow]:
        """Stories newest first, narrowed by full-text search (FTS5) and filters."""
        filters = filters or StoryFilter(query=query)
        if query and not filters.query:
            filters = replace(filters, query=query)
        if filters.query:
            ids = self._search(filters, limit=limit, offset=offset)
            rows = self._story_rows(ids)
        else:
            where, params = self._story_where(filters)
            sql = (
                "SELECT s.id, s.headline, s.n_articles, s.outlets, s.event_date, s.first_published, s.last_published"
                f" FROM stories s {where} ORDER BY s.sort_key DESC, s.id DESC LIMIT ? OFFSET ?"
            )
            rows = self.conn.execute(sql, (*params, limit, offset)).fetchall()
        return self._rows_with_entities(rows)

    def _rows_with_entities(self, rows: list[sqlite3.Row]) -> list[StoryRow]:
        entities = self._list_entities([r["id"] for r in rows])
        return [
            StoryRow(id=r["id"], headline=r["headline"], n_articles=r["n_articles"], outlets=json.loads(r["outlets"]),
                     event_date=r["event_date"], first_published=r["first_published"], last_published=r["last_published"],
                     people=entities.get((r["id"], "person"), []), places=entities.get((r["id"], "place"), []))
            for r in rows
        ]

    def _search(self, f: StoryFilter, *, limit: int, offset: int) -> list[int]:
        """Stories with an article matching ``f.query``, the most recently stored match first.

        FTS5 walks its matches in rowid order and the walk stops as soon as the
        page is full, so a word found in tens of thousands of articles costs no
        more than a rare one.
        """
        others = replace(f, query=None)
        where, params = self._story_where(others)
        check = f"SELECT s.id FROM stories s {where} {'AND' if where else 'WHERE'} s.id = ?"
        wanted = offset + limit
        found: list[int] = []
        seen: set[int] = set()
        try:
            cursor = self.conn.execute(
                "SELECT story FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC", (_fts_query(f.query),)
            )
            for (story,) in cursor:
                if story in seen:
                    continue
                seen.add(story)
                if where and not self.conn.execute(check, (*params, story)).fetchone():
                    continue
                found.append(story)
                if len(found) >= wanted:
                    break
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search failed: {exc}") from exc
        return found[offset:]

    def _story_rows(self, ids: list[int]) -> list[sqlite3.Row]:
        if not ids:
            return []
        rows = self.conn.execute(
            "SELECT id, headline, n_articles, outlets, event_date, first_published, last_published FROM stories"
            f" WHERE id IN ({','.join('?' * len(ids))})", ids,
        ).fetchall()
        order = {story: n for n, story in enumerate(ids)}
        return sorted(rows, key=lambda r: order[r["id"]])

    def search_page(self, filters: StoryFilter, *, limit: int, offset: int, cap: int) -> tuple[list[StoryRow], int]:
        """One page of a text search and the number of matching stories counted up to ``cap``, in one walk."""
        ids = self._search(filters, limit=max(cap - offset, limit), offset=0)
        return self._rows_with_entities(self._story_rows(ids[offset: offset + limit])), len(ids)

    def count_stories(self, filters: StoryFilter | None = None, *, cap: int = SEARCH_COUNT_CAP) -> int:
        """How many stories the filters select; for a text search, counted up to ``cap``."""
        filters = filters or StoryFilter()
        if filters.query:
            return len(self._search(filters, limit=cap, offset=0))
        where, params = self._story_where(filters)
        return self.conn.execute(f"SELECT COUNT(*) FROM stories s {where}", params).fetchone()[0]

    @staticmethod
    def _story_where(f: StoryFilter) -> tuple[str, tuple]:
        clauses, params = [], []
        if f.date_from:
            clauses.append("COALESCE(s.last_published, s.event_date) >= ?")
            params.append(f.date_from)
        if f.date_to:
            clauses.append("COALESCE(s.first_published, s.event_date) <= ?")
            params.append(f.date_to)
        if f.outlet:
            clauses.append("s.id IN (SELECT story FROM story_outlets WHERE outlet = ?)")
            params.append(f.outlet)
        if f.entity:
            clauses.append("s.id IN (SELECT story FROM story_entities WHERE name = ? COLLATE NOCASE)")
            params.append(f.entity)
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", tuple(params)

    def _list_entities(self, stories: list[int]) -> dict[tuple[int, str], list[str]]:
        if not stories:
            return {}
        rows = self.conn.execute(
            f"SELECT story, name, type, articles FROM story_entities WHERE story IN ({','.join('?' * len(stories))})"
            " AND type IN ('person', 'place') ORDER BY articles DESC, name",
            stories,
        ).fetchall()
        out: dict[tuple[int, str], list[str]] = {}
        for r in rows:
            names = out.setdefault((r["story"], r["type"]), [])
            if len(names) < LIST_ENTITIES:
                names.append(r["name"])
        return out

    def outlets(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT DISTINCT outlet FROM story_outlets ORDER BY outlet")]

    def entity_stories(self, name: str, *, limit: int = 100) -> list[StoryRow]:
        """Stories that name a person, place or organisation."""
        return self.list_stories(filters=StoryFilter(entity=name), limit=limit)

    def dossier(self, story: int) -> Dossier | None:
        row = self.conn.execute("SELECT dossier FROM stories WHERE id = ?", (self.resolve_story(story),)).fetchone()
        return from_dict(Dossier, json.loads(row["dossier"])) if row else None

    def iter_dossiers(self) -> Iterator[Dossier]:
        for row in self.conn.execute("SELECT dossier FROM stories ORDER BY id"):
            yield from_dict(Dossier, json.loads(row["dossier"]))

    # --- articles -------------------------------------------------------------

    def article(self, article_id: str) -> tuple[AnnotatedArticle, int, str | None] | None:
        row = self.conn.execute("SELECT record, story, syndication_group FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        return from_dict(AnnotatedArticle, json.loads(row["record"])), row["story"], row["syndication_group"]

    def iter_articles(self) -> Iterator[tuple[AnnotatedArticle, int, str | None]]:
        rows = self.conn.execute(
            "SELECT a.record, a.story, a.syndication_group FROM articles a JOIN pages p ON p.id = a.id ORDER BY p.rowid"
        )
        for row in rows:
            yield from_dict(AnnotatedArticle, json.loads(row["record"])), row["story"], row["syndication_group"]

    def story_articles(self, story: int) -> list[tuple[AnnotatedArticle, str | None]]:
        rows = self.conn.execute("SELECT record, syndication_group FROM articles WHERE story = ? ORDER BY published, id", (story,))
        return [(from_dict(AnnotatedArticle, json.loads(r["record"])), r["syndication_group"]) for r in rows]

    def page_content(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT content FROM pages WHERE id = ?", (article_id,)).fetchone()
        return row["content"] if row else None


def _fts_query(text: str) -> str:
    """User words as an FTS5 query: every word must appear; no FTS syntax gets through."""
    words = ["".join(ch for ch in w if ch.isalnum()) for w in text.split()]
    return " ".join(f'"{w}"' for w in words if w) or '""'
