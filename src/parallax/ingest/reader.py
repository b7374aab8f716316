"""Turn paths into pages, one reader per format."""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import logging
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Union

from ..errors import (
    E_JSON_SHAPE,
    E_LINE_TOO_LONG,
    E_NO_SUCH_PATH,
    E_NOT_JSON,
    E_UNKNOWN_FORMAT,
    PageRejected,
)
from ..model import Failure, Page
from .decode import MAX_PAGE_BYTES, decode_bytes
from .feeds import read_feed
from .markdown import looks_like_markdown
from .warc import read_warc

LOGGER = logging.getLogger(__name__)

Item = Union[Page, Failure]
Reader = Callable[[bytes, str, str], Iterator[Item]]

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | {".gz", ".warc", ".arc"}
_GZIP_MAGIC = b"\x1f\x8b"
# A JSON Lines line longer than this is refused, not read: one line of a gzipped
# file can unpack to gigabytes. A page is cut at MAX_PAGE_BYTES; its JSON escaping
# can double it.
MAX_LINE_BYTES = 3 * MAX_PAGE_BYTES
# What reading a file (or unpacking a cut or corrupt gzip) raises.
_READ_ERRORS = (OSError, EOFError, zlib.error)


def expand_paths(paths: Iterable[str], *, warn_skipped: bool = True) -> Iterator[Path | Failure]:
    """Files, folders (recursively, supported files only) and globs, in a stable order.

    ``warn_skipped``: say how many files of a folder are not pages (off for ``--watch``'s
    polls, which would say it every few seconds).
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            skipped: list[Path] = []
            found = 0
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _is_supported_name(child):
                    found += 1
                    yield child
                else:
                    skipped.append(child)
                    LOGGER.debug("skipping %s: not a supported page file", child)
            if not found and not skipped and warn_skipped:
                # Most often a crawl's output folder given before the crawl wrote to it, or a mistyped one.
                LOGGER.warning("%s: the folder holds no files", path)
            if skipped and warn_skipped:
                # Said once per folder: a folder of .pdf or .html.bz2 files must not look like an empty one.
                kinds = sorted({"".join(p.suffixes[-2:]).lower() or p.name for p in skipped})
                LOGGER.warning("%s: skipped %d file(s) that are not a page format Parallax reads (%s)",
                               path, len(skipped), ", ".join(kinds[:5]) + (", …" if len(kinds) > 5 else ""))
        elif path.is_file():
            yield path
        else:
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Failure(source=raw, reason=E_NO_SUCH_PATH.format(path=raw))
            for match in matches:
                if Path(match).is_file():
                    yield Path(match)


def read_pages(paths: Iterable[str], *, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every page in ``paths``; ``-`` reads JSON Lines (or one page of text) from stdin."""
    for raw in paths:
        if raw == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield from _read_stdin(data)
            continue
        for path in expand_paths([raw]):
            if isinstance(path, Failure):
                yield path
                continue
            yield from read_file(path)


def _is_warc_name(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _is_supported_name(path: Path) -> bool:
    return _is_warc_name(path) or _format_suffix(path) in _READERS_BY_SUFFIX


def _format_suffix(path: Path) -> str:
    """The suffix that names the format: ``.html`` for ``page.html`` and for ``page.html.gz``."""
    if path.suffix.lower() == ".gz":
        return Path(path.stem).suffix.lower()
    return path.suffix.lower()


def _open(path: Path) -> BinaryIO:
    """The file's bytes, unpacked on the fly when it is gzipped (a crawl's ``page.html.gz``)."""
    stream = path.open("rb")
    if stream.peek(2)[:2] == _GZIP_MAGIC:
        stream.close()
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return stream


def read_file(path: Path) -> Iterator[Item]:
    """The pages of one file, its format chosen by extension or, failing that, by content."""
    source = str(path)
    suffix = _format_suffix(path)
    if _is_warc_name(path) or (suffix not in _READERS_BY_SUFFIX and _looks_like_warc(path)):
        yield from read_warc(path)  # streamed: never read whole
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path)  # streamed line by line
        return
    try:
        with _open(path) as stream:
            # One byte past the limit tells decode_bytes to cut and warn; a
            # 100 MB page (or a small gzip that unpacks to one) never sits in memory whole.
            data = stream.read(MAX_PAGE_BYTES + 1)
    except _READ_ERRORS as exc:
        yield _cannot_read(source, exc)
        return
    reader = _READERS_BY_SUFFIX.get(suffix)
    if reader is None:
        reader = _sniff(data)
        if reader is None:
            yield Failure(source=source, reason=E_UNKNOWN_FORMAT.format(path=source))
            return
        LOGGER.info("%s: no known extension, read as %s", source, reader.__name__)
    yield from reader(data, source, _page_id(path))


def _page_id(path: Path) -> str:
    """A one-page file's page id: its name without the format suffix (``story`` for ``story.html.gz``)."""
    if path.suffix.lower() != ".gz":
        return path.stem
    inner = Path(path.stem)
    return inner.stem if inner.suffix.lower() in _READERS_BY_SUFFIX else inner.name


def _read_stdin(data: bytes) -> Iterator[Item]:
    reader = _sniff(data) or read_text
    yield from reader(data, "-", "stdin-" + hashlib.sha1(data).hexdigest()[:12])


def _looks_like_warc(path: Path) -> bool:
    try:
        with _open(path) as f:
            head = f.read(8)
    except _READ_ERRORS:
        return False
    return head.startswith((b"WARC/", b"filedesc"))  # a WARC record, or an ARC file's header


def _sniff(data: bytes) -> Reader | None:
    head = data.lstrip()[:2048].lower()
    if head.startswith(b"{"):
        return read_jsonl
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return read_rss
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head:
        return read_html
    if head and not b"\x00" in head:
        return read_text
    return None


def read_text(data: bytes, source: str, page_id: str) -> Iterator[Item]:
    """One plain-text page (a scrape like the seed pages), or Markdown when it writes links as Markdown does."""
    yield from _one_page(data, source, page_id, "text")


def read_markdown(data: bytes, source: str, page_id: str) -> Iterator[Item]:
    """One page saved as Markdown (html2text, markdownify, a crawler's ``.md``)."""
    yield from _one_page(data, source, page_id, "markdown")


def read_html(data: bytes, source: str, page_id: str) -> Iterator[Item]:
    """One HTML page."""
    yield from _one_page(data, source, page_id, "html")


def _one_page(data: bytes, source: str, page_id: str, fmt: str) -> Iterator[Item]:
    try:
        text, truncated = decode_bytes(data, source=source)
    except PageRejected as exc:
        yield Failure(source=source, reason=exc.reason, page_id=page_id)
        return
    yield Page(id=page_id, source=source, format=_text_format(fmt, text, source), content=text, truncated=truncated)  # type: ignore[arg-type]


def _text_format(fmt: str, text: str, source: str) -> str:
    """``fmt``, or for "text" what the text is: "html" for an HTML document (a scraper that saved the
    page's source under ``.txt`` or in a ``"text"`` field), "markdown" for text that writes its links as
    Markdown does. Said in the log: never guessed silently."""
    if fmt == "text" and _is_html_document(text):
        LOGGER.info("%s: read as HTML (the text is an HTML document)", source)
        return "html"
    if fmt == "text" and looks_like_markdown(text):
        LOGGER.info("%s: read as Markdown (it writes links as [text](address))", source)
        return "markdown"
    return fmt


# An HTML document's opening: its doctype, or its root element (then the document closes it too:
# "<html> is the root element" opens a sentence about markup), after any comment or blank.
_HTML_DOCUMENT = re.compile(r"\A\ufeff?\s*(?:<!--.*?-->\s*)*<(?:(!doctype\s+html)|html[\s>])", re.I | re.S)
_HTML_END = re.compile(r"</(?:html|body)\s*>", re.I)


def _is_html_document(text: str) -> bool:
    opening = _HTML_DOCUMENT.match(text)
    return bool(opening and (opening.group(1) or _HTML_END.search(text)))


def read_rss(data: bytes, source: str, page_id: str) -> Iterator[Item]:
    """An RSS/Atom feed: one page per entry."""
    del page_id  # each entry names its own page
    yield from read_feed(data, source)


def read_jsonl_file(path: Path) -> Iterator[Item]:
    """A JSON Lines file, read a line at a time."""
    try:
        with _open(path) as stream:
            yield from _jsonl_lines(_bounded_lines(stream), str(path))
    except _READ_ERRORS as exc:
        yield _cannot_read(str(path), exc)


def _cannot_read(source: str, exc: Exception) -> Failure:
    return Failure(source=source, reason=f"cannot read: {getattr(exc, 'strerror', None) or exc}")


def _bounded_lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """The stream's lines; a line past MAX_LINE_BYTES comes as ``None``, its bytes skipped unread into memory."""
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(MAX_LINE_BYTES + 1)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def read_jsonl(data: bytes, source: str, page_id: str) -> Iterator[Item]:
    """JSON Lines per the DESIGN contract: ``{"id", "url"?, "text"? | "html"? | "markdown"?, "fetched_at"?}``."""
    del page_id  # each line names its own page
    yield from _jsonl_lines(data.splitlines(), source)


def _jsonl_lines(lines: Iterable[bytes | None], source: str) -> Iterator[Item]:
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}"
        if raw is None:
            yield Failure(source=where, reason=E_LINE_TOO_LONG.format(limit=MAX_LINE_BYTES // 1_000_000))
            continue
        if not raw.strip():
            continue
        try:
            line, _ = decode_bytes(raw, source=where)
            obj = json.loads(line)
        except PageRejected as exc:
            yield Failure(source=where, reason=exc.reason)
            continue
        except json.JSONDecodeError as exc:
            yield Failure(source=where, reason=E_NOT_JSON.format(detail=exc.msg))
            continue
        yield _page_from_json(obj, where)


def _page_from_json(obj: object, where: str) -> Item:
    if not isinstance(obj, dict):
        return Failure(source=where, reason=E_JSON_SHAPE.format(detail="not an object"))
    page_id = obj.get("id")
    if not isinstance(page_id, (str, int)) or str(page_id).strip() == "":
        return Failure(source=where, reason=E_JSON_SHAPE.format(detail="no \"id\""))
    page_id = str(page_id)
    html, text, markdown = obj.get("html"), obj.get("text"), obj.get("markdown")
    if isinstance(html, str) and html.strip():
        fmt, content = "html", html
    elif isinstance(text, str) and text.strip():
        fmt, content = "text", text
    elif isinstance(markdown, str) and markdown.strip():
        fmt, content = "markdown", markdown
    else:
        return Failure(
            source=where,
            reason=E_JSON_SHAPE.format(detail="no non-empty \"text\", \"html\" or \"markdown\""),
            page_id=page_id,
        )
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    fetched = obj.get("fetched_at") if isinstance(obj.get("fetched_at"), str) else None
    encoded = content.encode("utf-8", errors="replace")
    try:
        content, truncated = decode_bytes(encoded, source=where)
    except PageRejected as exc:
        return Failure(source=where, reason=exc.reason, page_id=page_id)
    return Page(
        id=page_id, source=where, format=_text_format(fmt, content, where), content=content, url=url or None,  # type: ignore[arg-type]
        fetched_at=fetched, truncated=truncated,
    )


_READERS_BY_SUFFIX: dict[str, Reader] = {
    **{s: read_text for s in TEXT_SUFFIXES},
    **{s: read_markdown for s in MARKDOWN_SUFFIXES},
    **{s: read_html for s in HTML_SUFFIXES},
    **{s: read_jsonl for s in JSONL_SUFFIXES},
    **{s: read_rss for s in FEED_SUFFIXES},
}
