"""Bytes to text: size bound, binary refusal, encoding detection."""

from __future__ import annotations

import logging

from charset_normalizer import from_bytes

from ..errors import E_BINARY, E_EMPTY, PageRejected

LOGGER = logging.getLogger(__name__)

# --- limits -----------------------------------------------------------------
# A news article is rarely above 100 kB of text; 5 MB leaves room for heavy HTML
# while keeping a single hostile page from exhausting memory.
MAX_PAGE_BYTES = 5_000_000
# Share of control characters above which bytes are taken for binary data.
MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {9, 10, 12, 13}
_CONTROLS = bytes(b for b in range(32) if b not in _ALLOWED_CONTROLS)


def is_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))  # counted in C, not byte by byte
    return controls > MAX_CONTROL_SHARE * max(len(sample), 1)


def decode_bytes(data: bytes, *, source: str) -> tuple[str, bool]:
    """Decode page bytes to text, cutting pages above ``MAX_PAGE_BYTES``.

    Returns the text and whether it was truncated.

    Raises:
        PageRejected: for empty or binary data.
    """
    truncated = False
    if len(data) > MAX_PAGE_BYTES:
        # Readers read one byte past the bound to know a page runs over it, not how far:
        # the size is "more than", not the page's own.
        LOGGER.warning("%s: more than %s bytes; cut to the first %s", source, f"{MAX_PAGE_BYTES:,}", f"{MAX_PAGE_BYTES:,}")
        data = data[:MAX_PAGE_BYTES]
        truncated = True
    if not data.strip():
        raise PageRejected(E_EMPTY)
    if is_binary(data):
        raise PageRejected(E_BINARY)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), truncated
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is not None:
        LOGGER.info("%s: not UTF-8, decoded as %s", source, best.encoding)
        return str(best), truncated
    LOGGER.warning("%s: unknown encoding, undecodable bytes replaced", source)
    return data.decode("utf-8", errors="replace"), truncated
