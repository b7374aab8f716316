"""Parquet copies of a run's output: the export contract, one table for articles, one for stories.

Nested parts (quotes, figures, the dossier) are JSON strings: their shapes vary
from row to row, and every Parquet reader can parse a string column.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..export import export_article, export_dossier
from ..store import Store

# Rows written per Parquet row group: bounded memory on runs of any size.
CHUNK_ROWS = 2_000


def _schemas():
    import pyarrow as pa

    text = pa.string()
    articles = pa.schema([(name, text) for name in ("id", "url", "outlet", "title", "published", "published_from", "body")]
                         + [("story", pa.int64()), ("syndication_group", text), ("quotes", text), ("figures", text),
                            ("language", text), ("byline", text), ("event_date", text)])
    stories = pa.schema([("story", pa.int64()), ("headline", text), ("articles", pa.int64()), ("outlets", pa.list_(text)),
                         ("event_date", text), ("first_published", text), ("last_published", text), ("dossier", text)])
    return articles, stories


def write_parquet(store: Store, out_dir: Path, *, articles: set[str], stories: set[int]) -> dict[str, int]:
    """Write ``articles.parquet`` and ``stories.parquet`` for the given ids; returns rows per file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    article_schema, story_schema = _schemas()
    article_rows = (_article_row(store, a) for a in sorted(articles))
    story_rows = (_story_row(d) for d in (store.dossier(s) for s in sorted(stories)) if d is not None)
    return {
        "articles.parquet": _write(out_dir / "articles.parquet", (r for r in article_rows if r is not None), article_schema),
        "stories.parquet": _write(out_dir / "stories.parquet", story_rows, story_schema),
    }


def _article_row(store: Store, article_id: str) -> dict | None:
    found = store.article(article_id)
    if found is None:
        return None
    record = export_article(*found)
    return {**{k: v for k, v in record.items() if k not in ("quotes", "figures")},
            "quotes": json.dumps(record["quotes"], ensure_ascii=False),
            "figures": json.dumps(record["figures"], ensure_ascii=False)}


def _story_row(dossier) -> dict:
    record = export_dossier(dossier)
    return {"story": record["story"], "headline": record["headline"], "articles": len(record["articles"]),
            "outlets": record["outlets"], "event_date": record["event_date"],
            "first_published": record["first_published"], "last_published": record["last_published"],
            "dossier": json.dumps(record, ensure_ascii=False)}


def _chunks(rows: Iterable[dict]) -> Iterator[list[dict]]:
    chunk: list[dict] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK_ROWS:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _write(path: Path, rows: Iterable[dict], schema) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in _chunks(rows):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count
