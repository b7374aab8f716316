"""The story list: filters, full-text search and counts, as the CLI and the web app ask for them.

Full-text search is the one query that differs by database: SQLite's FTS5 walks
its matches newest first and stops when a page is full; PostgreSQL ranks
stories by their latest matching article over a GIN index.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import exc as sa_exc

from ..errors import StoreError
from .engines import driver_message


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


# Each story-list filter as SQL over ``stories s``, bound to the parameter of its own name.
_FILTER_CLAUSES = {
    "date_from": "COALESCE(s.last_published, s.event_date) >= :date_from",
    "date_to": "COALESCE(s.first_published, s.event_date) <= :date_to",
    "outlet": "s.id IN (SELECT story FROM story_outlets WHERE outlet = :outlet)",
    # The name as listed, or a person listed under a fuller name ("Putin": "Vladimir Putin";
    # "Assad": "Bashar al-Assad").
    "entity": "s.id IN (SELECT story FROM story_entities WHERE lower(name) = lower(:entity) OR (type = 'person'"
              " AND (lower(name) LIKE :entity_suffix ESCAPE '\\' OR lower(name) LIKE :entity_particle ESCAPE '\\')))",
}

# How many people and places the story list shows per story.
LIST_ENTITIES = 3
# A text search counts its stories up to this many ("1000+" beyond).
SEARCH_COUNT_CAP = 1000


class StoryListing:
    """The story list's queries, mixed into ``database.Store``: they run on its connection
    through its own ``_rows``, ``_exec``, ``_one`` and ``_scalar``."""

    def list_stories(
        self, *, query: str | None = None, filters: StoryFilter | None = None, limit: int = 50, offset: int = 0
    ) -> list[StoryRow]:
        """Stories newest first, narrowed by full-text search and filters."""
        filters = filters or StoryFilter(query=query)
        if query and not filters.query:
            filters = replace(filters, query=query)
        if filters.query:
            rows = self._story_rows(self._search(filters, limit=limit, offset=offset))
        else:
            where, params = self._story_where(filters)
            rows = self._rows(
                "SELECT s.id, s.headline, s.n_articles, s.outlets, s.event_date, s.first_published, s.last_published"
                f" FROM stories s {where} ORDER BY s.sort_key DESC, s.id DESC LIMIT :limit OFFSET :offset",
                {**params, "limit": limit, "offset": offset},
            )
        return self._rows_with_entities(rows)

    def _rows_with_entities(self, rows: list) -> list[StoryRow]:
        entities = self._list_entities([r["id"] for r in rows])
        return [
            StoryRow(id=r["id"], headline=r["headline"], n_articles=r["n_articles"], outlets=json.loads(r["outlets"]),
                     event_date=r["event_date"], first_published=r["first_published"], last_published=r["last_published"],
                     people=entities.get((r["id"], "person"), []), places=entities.get((r["id"], "place"), []))
            for r in rows
        ]

    def _search(self, f: StoryFilter, *, limit: int, offset: int) -> list[int]:
        """Stories with an article matching ``f.query``, the most recently stored match first."""
        try:
            if self.dialect == "sqlite":
                return self._search_fts5(f, limit=limit, offset=offset)
            return self._search_tsvector(f, limit=limit, offset=offset)
        except sa_exc.SQLAlchemyError as exc:
            raise StoreError(f"search failed: {driver_message(exc)}") from exc

    def _search_fts5(self, f: StoryFilter, *, limit: int, offset: int) -> list[int]:
        # FTS5 walks its matches in rowid order and the walk stops as soon as the
        # page is full, so a word found in tens of thousands of articles costs no
        # more than a rare one.
        where, params = self._story_where(replace(f, query=None))
        check = f"SELECT s.id FROM stories s {where} {'AND' if where else 'WHERE'} s.id = :story"
        wanted = offset + limit
        found: list[int] = []
        seen: set[int] = set()
        cursor = self._exec(
            "SELECT story FROM articles_fts WHERE articles_fts MATCH :q ORDER BY rowid DESC", {"q": _fts_query(f.query)}
        )
        for (story,) in cursor:
            if story in seen:
                continue
            seen.add(story)
            if where and self._one(check, {**params, "story": story}) is None:
                continue
            found.append(story)
            if len(found) >= wanted:
                break
        cursor.close()
        return found[offset:]

    def _search_tsvector(self, f: StoryFilter, *, limit: int, offset: int) -> list[int]:
        # PostgreSQL ranks the matching stories by their latest matching article
        # in one grouped query over the GIN index; the filters join in SQL.
        where, params = self._story_where(replace(f, query=None))
        restrict = f" AND story IN (SELECT s.id FROM stories s {where})" if where else ""
        rows = self._exec(
            "SELECT story FROM articles_fts WHERE document @@ plainto_tsquery('english', :q)"
            f"{restrict} GROUP BY story ORDER BY MAX(seq) DESC LIMIT :limit OFFSET :offset",
            {**params, "q": " ".join(_words(f.query)), "limit": limit, "offset": offset},
        )
        return [r[0] for r in rows]

    def _story_rows(self, ids: list[int]) -> list:
        if not ids:
            return []
        rows = self._rows(
            "SELECT id, headline, n_articles, outlets, event_date, first_published, last_published FROM stories"
            " WHERE id IN :ids", {"ids": ids}, expanding=("ids",),
        )
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
        return self._scalar(f"SELECT COUNT(*) FROM stories s {where}", params)

    @staticmethod
    def _story_where(f: StoryFilter) -> tuple[str, dict[str, Any]]:
        params = {name: getattr(f, name) for name in _FILTER_CLAUSES if getattr(f, name)}
        clauses = [_FILTER_CLAUSES[name] for name in params]
        if f.entity:
            name = re.sub(r"([\\%_])", r"\\\1", f.entity.strip().lower())  # LIKE's own characters, escaped
            params["entity_suffix"], params["entity_particle"] = "% " + name, "%-" + name
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    def _list_entities(self, stories: list[int]) -> dict[tuple[int, str], list[str]]:
        if not stories:
            return {}
        rows = self._rows(
            "SELECT story, name, type, articles FROM story_entities WHERE story IN :ids"
            " AND type IN ('person', 'place') ORDER BY articles DESC, name",
            {"ids": stories}, expanding=("ids",),
        )
        out: dict[tuple[int, str], list[str]] = {}
        for r in rows:
            names = out.setdefault((r["story"], r["type"]), [])
            if len(names) < LIST_ENTITIES:
                names.append(r["name"])
        return out

    def outlets(self) -> list[str]:
        return [r[0] for r in self._exec("SELECT DISTINCT outlet FROM story_outlets ORDER BY outlet")]

    def entity_stories(self, name: str, *, limit: int = 100) -> list[StoryRow]:
        """Stories that name a person, place or organisation."""
        return self.list_stories(filters=StoryFilter(entity=name), limit=limit)


def _words(text: str) -> list[str]:
    return [w for w in ("".join(ch for ch in word if ch.isalnum()) for word in text.split()) if w]


def _fts_query(text: str) -> str:
    """User words as an FTS5 query: every word must appear; no FTS syntax gets through."""
    return " ".join(f'"{w}"' for w in _words(text)) or '""'
