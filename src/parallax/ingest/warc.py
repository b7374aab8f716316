"""WARC and WARC.gz files (Common Crawl News among them): one page per HTML response record.

Streamed with warcio's ``ArchiveIterator``: a multi-gigabyte archive is read
record by record, never loaded whole. A truncated archive yields the records
before the break and then one failure naming the file.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import PageRejected
from ..model import Failure, Page
from .decode import MAX_PAGE_BYTES, decode_bytes

LOGGER = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


class _CutDetector:
    """A file wrapper that notices a gzip stream cut mid-member.

    warcio stops quietly at a truncated gzip member and the record in it is
    lost without an error; inflating the same bytes alongside (output thrown
    away, a megabyte at a time) tells a clean end from a cut.
    """

    def __init__(self, raw) -> None:
        self._raw = raw
        self._is_gzip: bool | None = None
        self._inflate = None

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        if self._is_gzip is None and data:
            self._is_gzip = data[:2] == b"\x1f\x8b"
        if self._is_gzip:
            self._feed(data)
        return data

    def _feed(self, data: bytes) -> None:
        while data:
            if self._inflate is None:
                self._inflate = zlib.decompressobj(31)
            self._inflate.decompress(data, 1 << 20)
            if self._inflate.eof:
                data = self._inflate.unused_data
                self._inflate = None
            else:
                data = self._inflate.unconsumed_tail

    @property
    def complete(self) -> bool:
        """False when the stream ended inside a gzip member."""
        return not self._is_gzip or self._inflate is None

    def __getattr__(self, name):
        return getattr(self._raw, name)


class _ArchiveIterator(ArchiveIterator):
    """warcio's iterator without its own report of a record whose Content-Length looks wrong.

    warcio writes that report straight to stderr, with up to a line of the
    record's raw bytes, through a progress bar and past ``-v``; ``_records``
    logs it instead, with the file and the record it is about.
    """

    INC_RECORD = ""


def read_warc(path: Path) -> Iterator[Page | Failure]:
    """Every HTML response in a WARC file as a ``Page`` (url and fetch time from the WARC headers)."""
    source = str(path)
    try:
        with path.open("rb") as stream:
            checked = _CutDetector(stream)
            for number, record in _records(checked, source):
                if record.rec_type != "response":
                    continue
                item = _page_from_record(record, source, number)
                if isinstance(item, Page) and not item.truncated and getattr(record.raw_stream, "limit", 0):
                    # fewer bytes than the record's Content-Length: the file was cut here
                    raise EOFError(f"record {number} ends before its Content-Length")
                if item is not None:
                    yield item
            if not checked.complete:
                raise EOFError("the gzip stream ends mid-record")
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        yield Failure(source=source, reason=f"truncated or corrupt WARC: {_short(exc)}")


def _records(stream, source: str) -> Iterator[tuple[int, object]]:
    """warcio's records, numbered from 1; a record it cannot parse ends the file as a ``ValueError``.

    On malformed headers warcio raises whatever its parsing hits (an
    ``AttributeError`` for a response record without ``WARC-Target-URI``):
    that is bad input, not our bug, so only errors raised inside its iterator
    are turned into the file's failure.
    """
    records = _ArchiveIterator(stream)
    number = 0  # records yielded so far
    while True:
        errors = records.err_count
        try:
            record = next(records)
        except StopIteration:
            record = None
        except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError):
            raise
        except Exception as exc:  # noqa: BLE001 - see above
            raise ValueError(f"unreadable record headers ({type(exc).__name__}: {exc})") from exc
        if records.err_count > errors and number:
            # warcio finds it while reading past the end of the record it yielded last.
            LOGGER.warning("%s: record %d does not end where its Content-Length says", source, number)
        if record is None:
            return
        number += 1
        yield number, record


def _short(exc: BaseException, limit: int = 160) -> str:
    """The library's reason, bounded: warcio quotes the first line of a file it cannot read, and on a binary
    file that is kilobytes of noise."""
    text = " ".join(str(exc).split()).split(", first line:")[0]
    return text if len(text) <= limit else text[:limit] + "…"


def _page_from_record(record, source: str, number: int) -> Page | Failure | None:
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{source}#record{number}"
    http = record.http_headers
    content_type = (http.get_header("Content-Type") if http else "") or ""
    if http is not None and not content_type.lower().startswith(HTML_TYPES):
        return None  # images, scripts, robots.txt: not pages
    if http is not None and http.get_statuscode() not in ("200", None):
        return None
    data = record.content_stream().read(MAX_PAGE_BYTES + 1)
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>").removeprefix("urn:uuid:")
    page_id = record_id or url or where
    charset = None
    if "charset=" in content_type.lower():
        charset = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    try:
        if charset:
            try:
                text, truncated = data[:MAX_PAGE_BYTES].decode(charset), len(data) > MAX_PAGE_BYTES
            except (LookupError, UnicodeDecodeError):
                text, truncated = decode_bytes(data, source=where)
        else:
            text, truncated = decode_bytes(data, source=where)
    except PageRejected as exc:
        return Failure(source=where, reason=exc.reason, page_id=page_id)
    return Page(
        id=page_id, source=where, format="html", content=text, url=url,
        fetched_at=record.rec_headers.get_header("WARC-Date"), truncated=truncated,
    )
