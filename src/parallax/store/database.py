"""The database: pages, articles with their annotations, stories with their dossiers.

One ``Store`` owns one connection to a SQLite file (the default) or a
PostgreSQL server (``postgresql://`` URL), through SQLAlchemy with the schema in
``schema.py``. Writes happen in explicit transactions, a whole batch at a time,
so a failed run leaves the database as it was before the batch. Readers (the
web app) open read-only connections. Parameters are always bound.

The connection runs in autocommit mode and the store issues BEGIN/COMMIT
itself: a reader then never holds a transaction open between queries (which in
SQLite's WAL mode would pin an old snapshot), and a SQLite writer can take its
lock up front with BEGIN IMMEDIATE instead of failing halfway through a batch.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, TextClause, bindparam, exc as sa_exc, inspect, text

from .. import __version__
from ..errors import StoreError
from ..extract import page_text
from ..extract.templates import MIN_TEMPLATE_STORIES, is_template, line_keys
from ..model import AnnotatedArticle, Assignment, Dossier, Page, decode, encode
from .engines import display_db, driver_message, make_engine
from .listing import StoryListing
from .schema import SCHEMA_VERSION, create_schema

LOGGER = logging.getLogger(__name__)

# SQLite and PostgreSQL both refuse a value past 1 GB; a linker snapshot that large
# (some 2.5 million articles) is not kept, and the next run replays the articles.
MAX_SNAPSHOT_BYTES = 900_000_000


def content_hash(text: str) -> str:
    """Identity of a page's text: whitespace-insensitive, so a re-save is the same page."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@functools.lru_cache(maxsize=256)
def _sql(statement: str, *expanding: str) -> TextClause:
    """A statement as SQLAlchemy text, built once; ``expanding`` names the IN-list parameters."""
    clause = text(statement)
    return clause.bindparams(*(bindparam(name, expanding=True) for name in expanding)) if expanding else clause


class Store(StoryListing):
    """A Parallax database: a SQLite file path, or a database URL."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        try:
            self.engine = make_engine(self.path, read_only)
            self.conn: Connection = self.engine.connect()
        except sa_exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot open database {display_db(self.path)!r}: {driver_message(exc)}") from exc
        self.dialect = self.conn.dialect.name
        version = self._version()
        if version < SCHEMA_VERSION:
            if read_only:
                raise StoreError(
                    f"database {display_db(self.path)!r} was written by an older Parallax (or is empty); open it once "
                    "for writing (any `parallax ingest`, or `parallax serve`) to bring it up to date"
                )
            self._upgrade(version)

    # --- plumbing ---------------------------------------------------------------

    def _exec(self, statement: str, params: Mapping[str, Any] | list[Mapping[str, Any]] | None = None, *, expanding: tuple[str, ...] = ()):
        return self.conn.execute(_sql(statement, *expanding), params if params is not None else {})

    def _rows(self, statement: str, params: Mapping[str, Any] | None = None, *, expanding: tuple[str, ...] = ()) -> list:
        return self._exec(statement, params, expanding=expanding).mappings().all()

    def _one(self, statement: str, params: Mapping[str, Any] | None = None):
        return self._exec(statement, params).mappings().first()

    def _scalar(self, statement: str, params: Mapping[str, Any] | None = None):
        return self._exec(statement, params).scalar()

    def _has_table(self, name: str) -> bool:
        return inspect(self.conn).has_table(name)

    def _version(self) -> int:
        try:
            if self._has_table("schema_version"):
                return self._scalar("SELECT MAX(version) FROM schema_version") or 0
            if self.dialect == "sqlite":  # files before schema_version kept it in the header
                return self.conn.exec_driver_sql("PRAGMA user_version").scalar() or 0
            return 0
        except sa_exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot read database {display_db(self.path)!r}: {driver_message(exc)}") from exc

    def _upgrade(self, version: int) -> None:
        """Bring an older database up to date: add what is missing, rebuild what is derived.

        Articles and pages are never touched; the search index and the story
        list's tables are rebuilt from them and from the stored dossiers.
        """
        del version  # every older layout gets the same treatment
        with self.transaction():
            if self.dialect == "sqlite" and self._has_table("pages"):
                pages = {r[1] for r in self.conn.exec_driver_sql("PRAGMA table_info(pages)")}
                if "seq" not in pages:  # arrival order was the implicit rowid
                    self.conn.exec_driver_sql("ALTER TABLE pages ADD COLUMN seq INTEGER NOT NULL DEFAULT 0")
                    self.conn.exec_driver_sql("UPDATE pages SET seq = rowid")
                columns = {r[1] for r in self.conn.exec_driver_sql("PRAGMA table_info(stories)")}
                if columns and "sort_key" not in columns:
                    self.conn.exec_driver_sql("ALTER TABLE stories ADD COLUMN sort_key TEXT NOT NULL DEFAULT ''")
                    self.conn.exec_driver_sql("DROP TABLE IF EXISTS articles_fts")  # rebuilt below with its story column
            create_schema(self.conn)
            if self._scalar("SELECT 1 FROM articles_fts LIMIT 1") is None:
                rows = self._rows("SELECT id, story, title, record FROM articles")
                if rows:
                    self._exec(
                        "INSERT INTO articles_fts (article_id, story, title, body) VALUES (:id, :story, :title, :body)",
                        [{"id": r["id"], "story": r["story"], "title": r["title"] or "",
                          "body": "\n\n".join(json.loads(r["record"])["article"]["body"])} for r in rows],
                    )
            self._exec("DELETE FROM schema_version")
            self._exec("INSERT INTO schema_version (version) VALUES (:v)", {"v": SCHEMA_VERSION})
        for dossier in list(self.iter_dossiers()):
            self.save_dossier(dossier)

    def close(self) -> None:
        self.conn.close()
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction: all of it lands, or none."""
        try:
            self.conn.exec_driver_sql("BEGIN IMMEDIATE" if self.dialect == "sqlite" else "BEGIN")
        except sa_exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot write to {display_db(self.path)!r}: {driver_message(exc)}") from exc
        try:
            yield self.conn
        except BaseException:
            self.conn.exec_driver_sql("ROLLBACK")
            raise
        else:
            self.conn.exec_driver_sql("COMMIT")

    # --- pages ----------------------------------------------------------------

    def duplicates_of(self, pages: list[Page], hashes: list[str] | None = None) -> list[str | None]:
        """Why each of ``pages`` is already stored ("same id", "same url", "same text"), or None.

        Three queries for all of them, not three a page: a second run over a
        corpus it mostly stored spends its reading here. ``hashes``: the pages'
        ``content_hash``, when the caller has them already.
        """
        if not pages:
            return []
        if hashes is None:
            hashes = [content_hash(p.content) for p in pages]
        urls = [p.url for p in pages if p.url]
        ids = self._stored("id", [p.id for p in pages])
        stored_urls = self._stored("url", urls) if urls else set()
        texts = self._stored("content_hash", hashes)
        return [
            "same id" if p.id in ids else "same url" if p.url and p.url in stored_urls else "same text" if h in texts else None
            for p, h in zip(pages, hashes)
        ]

    def rejections_of(self, hashes: list[str]) -> dict[str, str]:
        """Why this version of Parallax rejected the pages of these ``content_hash`` es before, by hash."""
        if not hashes:
            return {}
        rows = self._rows("SELECT content_hash, reason FROM rejected_pages WHERE content_hash IN :hashes AND version = :version",
                          {"hashes": hashes, "version": __version__}, expanding=("hashes",))
        return {r["content_hash"]: r["reason"] for r in rows}

    def _stored(self, column: str, values: list[str]) -> set[str]:
        """Which of ``values`` some stored page has in ``column`` (one of our own column names)."""
        return {r[column] for r in self._rows(f"SELECT {column} FROM pages WHERE {column} IN :values",
                                              {"values": values}, expanding=("values",))}

    def save_batch(
        self, pages: list[Page], items: list[AnnotatedArticle], assignments: list[Assignment],
        link_states: dict[str, dict], regrouped: dict[str, str], renamed_groups: dict[str, str] | None = None,
        rejected: list[tuple[Page, str]] | None = None,
    ) -> None:
        """Store a batch of pages with their articles and link assignments, in one transaction.

        ``link_states`` is what the linker needs to be restored in a later run
        (``Linker.take_states``), by article id; it is kept in the ``features`` column.
        ``regrouped`` gives earlier articles a copy group, ``renamed_groups`` renames
        groups a copy joined to another (``Linker.take_regrouped``, ``take_renamed_groups``).
        ``rejected``: the batch's pages without an article, and why (``rejections_of``).
        """
        by_id = {a.article_id: a for a in assignments}
        now = _now()
        with self.transaction():
            self._drop_link_snapshot()
            seq = self._scalar("SELECT COALESCE(MAX(seq), 0) FROM pages")
            if pages:
                self._exec(
                    "INSERT INTO pages (id, seq, source, format, url, fetched_at, content, content_hash, truncated, ingested_at)"
                    " VALUES (:id, :seq, :source, :format, :url, :fetched_at, :content, :hash, :truncated, :now)",
                    [{"id": p.id, "seq": seq + n, "source": p.source, "format": p.format, "url": p.url,
                      "fetched_at": p.fetched_at, "content": p.content, "hash": content_hash(p.content),
                      "truncated": int(p.truncated), "now": now} for n, p in enumerate(pages, 1)],
                )
            if items:
                self._write_articles(items, by_id, link_states)
            if regrouped:
                self._exec("UPDATE articles SET syndication_group = :group WHERE id = :id",
                           [{"group": group, "id": article_id} for article_id, group in regrouped.items()])
            if renamed_groups:
                self._exec("UPDATE articles SET syndication_group = :new WHERE syndication_group = :old",
                           [{"old": old, "new": new} for old, new in renamed_groups.items()])
            pages_by_id = {p.id: p for p in pages}
            lines = []
            for item in items:
                page = pages_by_id.get(item.article.id)
                text = page_text(page) if page is not None and item.article.outlet_from == "url" else None
                if text is not None:  # the lines the classifier read: of a text or Markdown page
                    lines.extend({"outlet": item.article.outlet, "key": key, "story": by_id[item.article.id].story}
                                 for key in line_keys(text))
            if lines:
                self._exec("INSERT INTO outlet_lines (outlet, line_key, story) VALUES (:outlet, :key, :story)"
                           " ON CONFLICT DO NOTHING", lines)
            if rejected:
                self._exec(
                    "INSERT INTO rejected_pages (content_hash, page_id, source, reason, version, rejected_at)"
                    " VALUES (:hash, :id, :source, :reason, :version, :now)"
                    " ON CONFLICT (content_hash) DO UPDATE SET page_id = excluded.page_id, source = excluded.source,"
                    " reason = excluded.reason, version = excluded.version, rejected_at = excluded.rejected_at",
                    [{"hash": content_hash(p.content), "id": p.id, "source": p.source, "reason": reason,
                      "version": __version__, "now": now} for p, reason in rejected],
                )

    def _write_articles(self, items: list[AnnotatedArticle], by_id: dict[str, Assignment], link_states: dict[str, dict]) -> None:
        rows = []
        for item in items:
            a, assignment = item.article, by_id[item.article.id]
            rows.append({"id": a.id, "url": a.url, "outlet": a.outlet, "title": a.title, "published": a.published,
                         "published_from": a.published_from, "story": assignment.story,
                         "group": assignment.syndication_group, "record": encode(item),
                         "features": json.dumps(link_states[a.id]), "body": a.body_text, "title_text": a.title or ""})
        self._exec(
            "INSERT INTO articles (id, url, outlet, title, published, published_from, story, syndication_group, record, features)"
            " VALUES (:id, :url, :outlet, :title, :published, :published_from, :story, :group, :record, :features)",
            rows,
        )
        self._exec("INSERT INTO articles_fts (article_id, story, title, body) VALUES (:id, :story, :title_text, :body)", rows)

    def move_articles(self, moved: dict[str, int]) -> set[int]:
        """Apply the linker's repairs: articles to their new stories; emptied stories become aliases.

        Returns every story whose membership changed (old and new), so their
        dossiers can be rebuilt.
        """
        if not moved:
            return set()
        with self.transaction():
            self._drop_link_snapshot()
            old = {r["id"]: r["story"]
                   for r in self._rows("SELECT id, story FROM articles WHERE id IN :ids", {"ids": list(moved)}, expanding=("ids",))}
            params = [{"story": story, "id": a} for a, story in moved.items()]
            self._exec("UPDATE articles SET story = :story WHERE id = :id", params)
            self._exec("UPDATE articles_fts SET story = :story WHERE article_id = :id", params)
            changed = set(old.values()) | set(moved.values())
            for story in set(old.values()) - set(moved.values()):
                if self.story_exists(story):
                    continue
                targets = {moved[a] for a, s in old.items() if s == story}
                self._exec("DELETE FROM stories WHERE id = :id", {"id": story})
                self._exec("DELETE FROM story_outlets WHERE story = :id", {"id": story})
                self._exec("DELETE FROM story_entities WHERE story = :id", {"id": story})
                if len(targets) == 1:
                    self._exec("INSERT INTO story_aliases (id, target) VALUES (:id, :target)"
                               " ON CONFLICT (id) DO UPDATE SET target = excluded.target",
                               {"id": story, "target": targets.pop()})
        return changed

    def story_exists(self, story: int) -> bool:
        return self._one("SELECT 1 FROM articles WHERE story = :story LIMIT 1", {"story": story}) is not None

    def resolve_story(self, story: int) -> int:
        """A story id, following aliases of stories merged into others."""
        for _ in range(10):
            target = self._scalar("SELECT target FROM story_aliases WHERE id = :id", {"id": story})
            if target is None:
                return story
            story = target
        return story

    def update_articles(self, items: list[AnnotatedArticle]) -> None:
        """Rewrite articles whose record changed after linking (an inferred date)."""
        if not items:
            return
        with self.transaction():
            self._exec(
                "UPDATE articles SET published = :published, published_from = :published_from, record = :record WHERE id = :id",
                [{"published": i.article.published, "published_from": i.article.published_from,
                  "record": encode(i), "id": i.article.id} for i in items],
            )

    def rewrite_articles(self, items: list[AnnotatedArticle]) -> None:
        """Replace stored articles by their pages analysed anew (``Pipeline.rebuild``).

        What linking decided stays: the story, the syndication group and the
        linker's state. The search index takes the new title and body in place,
        so search keeps ranking by the order pages were stored.
        """
        if not items:
            return
        rows = [{"id": i.article.id, "url": i.article.url, "outlet": i.article.outlet, "title": i.article.title,
                 "published": i.article.published, "published_from": i.article.published_from,
                 "record": encode(i), "title_text": i.article.title or "", "body": i.article.body_text}
                for i in items]
        with self.transaction():
            self._exec(
                "UPDATE articles SET url = :url, outlet = :outlet, title = :title, published = :published,"
                " published_from = :published_from, record = :record WHERE id = :id", rows,
            )
            if self.dialect == "sqlite":
                # FTS5 finds a row by an unindexed column only by a scan: one scan for the batch, then by rowid.
                rowids = {r["article_id"]: r["rowid"] for r in self._rows(
                    "SELECT rowid, article_id FROM articles_fts WHERE article_id IN :ids",
                    {"ids": [r["id"] for r in rows]}, expanding=("ids",))}
                self._exec("UPDATE articles_fts SET title = :title_text, body = :body WHERE rowid = :rowid",
                           [{**r, "rowid": rowids[r["id"]]} for r in rows if r["id"] in rowids])
            else:
                self._exec("UPDATE articles_fts SET title = :title_text, body = :body WHERE article_id = :id", rows)

    # --- linking state --------------------------------------------------------

    def link_state(self, kept_key: str = "") -> Iterator[tuple[str, dict, int, str | None, str | None]]:
        """(id, linker state, story, syndication group, body) of every stored article, in arrival order.

        The body comes only for articles whose state lacks ``kept_key`` (what
        the linker keeps to avoid reading the body again: its signature); with
        no key, never.
        """
        # The body alone is taken out of the stored record in SQL: parsing every
        # whole record in Python would double the cost of starting a run.
        body = ("json_extract(a.record, '$.article.body')" if self.dialect == "sqlite"
                else "(a.record::json -> 'article' -> 'body')::text")
        rows = self._exec(
            f"SELECT a.id, a.features, a.story, a.syndication_group,"
            f" CASE WHEN :kept = '' OR a.features LIKE :pattern THEN NULL ELSE {body} END AS body"
            " FROM articles a JOIN pages p ON p.id = a.id ORDER BY p.seq",
            {"kept": kept_key, "pattern": f'%"{kept_key}"%'},
        ).mappings()
        for row in rows:
            text = "\n\n".join(json.loads(row["body"])) if row["body"] is not None else None
            yield row["id"], json.loads(row["features"]), row["story"], row["syndication_group"], text

    def link_snapshot(self, key: str) -> bytes | None:
        """The linker state the last run saved, when made under ``key`` and still true of the articles."""
        row = self._one("SELECT key, articles, last_seq, data FROM link_snapshot WHERE id = 1")
        if row is None or row["key"] != key:
            return None
        # Writes drop the snapshot; a writer that does not know of it (an older
        # Parallax) still changes the articles' count or the last page.
        if (row["articles"], row["last_seq"]) != self._link_extent():
            return None
        return bytes(row["data"])

    def save_link_snapshot(self, key: str, data: bytes, articles: int) -> bool:
        """Keep a linker's state for the next run; refused (False) unless it holds exactly the stored
        ``articles``, or when it is too large for a database value."""
        if len(data) > MAX_SNAPSHOT_BYTES:
            return False
        try:
            with self.transaction():
                count, last_seq = self._link_extent()
                if count != articles:
                    return False
                self._drop_link_snapshot()
                self._exec("INSERT INTO link_snapshot (id, key, articles, last_seq, data) VALUES (1, :key, :n, :seq, :data)",
                           {"key": key, "n": count, "seq": last_seq, "data": data})
        except sa_exc.SQLAlchemyError as exc:
            # The run's articles and dossiers are stored already; without a snapshot
            # the next run replays them instead, only more slowly.
            LOGGER.warning("linker snapshot not saved: %s", driver_message(exc))
            return False
        return True

    def _drop_link_snapshot(self) -> None:
        self._exec("DELETE FROM link_snapshot")

    def _link_extent(self) -> tuple[int, int]:
        return (self._scalar("SELECT COUNT(*) FROM articles"),
                self._scalar("SELECT COALESCE(MAX(seq), 0) FROM pages"))

    def template_chrome(self, outlet: str) -> frozenset[str]:
        """The lines ``outlet`` prints around its articles, by the rule in ``extract.templates``."""
        rows = self._rows(
            "SELECT line_key, COUNT(*) AS n FROM outlet_lines WHERE outlet = :outlet GROUP BY line_key HAVING COUNT(*) >= :min",
            {"outlet": outlet, "min": MIN_TEMPLATE_STORIES},
        )
        if not rows:
            return frozenset()
        total = self._scalar("SELECT COUNT(DISTINCT story) FROM outlet_lines WHERE outlet = :outlet", {"outlet": outlet})
        return frozenset(r["line_key"] for r in rows if is_template(r["n"], total))

    def template_snapshot(self) -> dict[str, frozenset[str]]:
        """Every outlet's template chrome at once, for workers that cannot reach the database."""
        outlets = [r[0] for r in self._exec("SELECT DISTINCT outlet FROM outlet_lines")]
        return {outlet: chrome for outlet in outlets if (chrome := self.template_chrome(outlet))}

    def max_story_id(self) -> int:
        """The highest story id ever given, merged-away ones included: ids are never reused."""
        return max(
            self._scalar("SELECT COALESCE(MAX(story), 0) FROM articles"),
            self._scalar("SELECT COALESCE(MAX(id), 0) FROM story_aliases"),
            self._scalar("SELECT COALESCE(MAX(id), 0) FROM stories"),
        )

    # --- stories --------------------------------------------------------------

    def story_items(self, story: int) -> list[AnnotatedArticle]:
        return [decode(AnnotatedArticle, record) for record in self.story_records(story)]

    def story_records(self, story: int) -> list[str]:
        """A story's articles as stored (``AnnotatedArticle`` JSON), for a process that decodes them itself."""
        rows = self._rows("SELECT record FROM articles WHERE story = :story ORDER BY id", {"story": story})
        return [r["record"] for r in rows]

    def save_dossier(self, dossier: Dossier) -> None:
        story = dossier.story
        with self.transaction():
            self._exec(
                "INSERT INTO stories (id, headline, n_articles, outlets, event_date, first_published, last_published, dossier,"
                " updated_at, sort_key) VALUES (:id, :headline, :n, :outlets, :event_date, :first, :last, :dossier, :now, :sort_key)"
                " ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, n_articles = excluded.n_articles,"
                " outlets = excluded.outlets, event_date = excluded.event_date, first_published = excluded.first_published,"
                " last_published = excluded.last_published, dossier = excluded.dossier, updated_at = excluded.updated_at,"
                " sort_key = excluded.sort_key",
                {"id": story, "headline": dossier.headline, "n": len(dossier.articles), "outlets": json.dumps(dossier.outlets),
                 "event_date": dossier.event_date, "first": dossier.first_published, "last": dossier.last_published,
                 "dossier": encode(dossier), "now": _now(),
                 "sort_key": dossier.event_date or dossier.first_published or ""},
            )
            self._exec("DELETE FROM story_outlets WHERE story = :story", {"story": story})
            if dossier.outlets:
                self._exec("INSERT INTO story_outlets (story, outlet) VALUES (:story, :outlet) ON CONFLICT DO NOTHING",
                           [{"story": story, "outlet": o} for o in dossier.outlets])
            self._exec("DELETE FROM story_entities WHERE story = :story", {"story": story})
            if dossier.entities:
                self._exec(
                    "INSERT INTO story_entities (story, name, type, articles) VALUES (:story, :name, :type, :n)"
                    " ON CONFLICT DO NOTHING",
                    [{"story": story, "name": e.name, "type": e.type, "n": len(e.articles)} for e in dossier.entities],
                )

    def dossier(self, story: int) -> Dossier | None:
        row = self._one("SELECT dossier FROM stories WHERE id = :id", {"id": self.resolve_story(story)})
        return decode(Dossier, row["dossier"]) if row else None

    def iter_dossiers(self) -> Iterator[Dossier]:
        for row in self._rows("SELECT dossier FROM stories ORDER BY id"):
            yield decode(Dossier, row["dossier"])

    # --- articles -------------------------------------------------------------

    def article(self, article_id: str) -> tuple[AnnotatedArticle, int, str | None] | None:
        row = self._one("SELECT record, story, syndication_group FROM articles WHERE id = :id", {"id": article_id})
        if row is None:
            return None
        return decode(AnnotatedArticle, row["record"]), row["story"], row["syndication_group"]

    def iter_articles(self) -> Iterator[tuple[AnnotatedArticle, int, str | None]]:
        rows = self._exec(
            "SELECT a.record, a.story, a.syndication_group FROM articles a JOIN pages p ON p.id = a.id ORDER BY p.seq"
        ).mappings()
        for row in rows:
            yield decode(AnnotatedArticle, row["record"]), row["story"], row["syndication_group"]

    def story_articles(self, story: int) -> list[tuple[AnnotatedArticle, str | None]]:
        rows = self._rows("SELECT record, syndication_group FROM articles WHERE story = :story ORDER BY published, id",
                          {"story": story})
        return [(decode(AnnotatedArticle, r["record"]), r["syndication_group"]) for r in rows]

    def stored_pages(self, stories: list[int] | None = None, *, page_rows: int = 256) -> Iterator[Page]:
        """The stored pages that have an article (in ``stories``, or all), in the order they were stored.

        Read ``page_rows`` at a time: the pages of a large database do not fit in memory at once.
        """
        where = "AND a.story IN :stories" if stories is not None else ""
        after = 0
        while True:
            rows = self._rows(
                "SELECT p.id, p.seq, p.source, p.format, p.url, p.fetched_at, p.content, p.truncated"
                f" FROM pages p JOIN articles a ON a.id = p.id WHERE p.seq > :after {where} ORDER BY p.seq LIMIT :n",
                {"after": after, "n": page_rows, **({"stories": stories} if stories is not None else {})},
                expanding=("stories",) if stories is not None else (),
            )
            for r in rows:
                yield Page(id=r["id"], source=r["source"], format=r["format"], content=r["content"], url=r["url"],
                           fetched_at=r["fetched_at"], truncated=bool(r["truncated"]))
            if len(rows) < page_rows:
                return
            after = rows[-1]["seq"]

    def story_ids(self) -> list[int]:
        return [r["id"] for r in self._rows("SELECT id FROM stories ORDER BY id")]

    def page_content(self, article_id: str) -> str | None:
        return self._scalar("SELECT content FROM pages WHERE id = :id", {"id": article_id})

    def count(self, table: str) -> int:
        """Rows in one of the store's tables (pages, articles, stories): for reports and tests."""
        if table not in ("pages", "articles", "stories"):
            raise ValueError(f"not a counted table: {table}")
        return self._scalar(f"SELECT COUNT(*) FROM {table}")
