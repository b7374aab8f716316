"""Pages and analysed pages as Ray Data rows: one JSON string each.

Rows cross process and machine boundaries; JSON of the shared records keeps
them plain, readable in a debugger, and independent of pickling our classes.
"""

from __future__ import annotations

from ..model import Failure, Page
from ..model import decode as decode_record
from ..model import encode as encode_record
from ..pipeline import Analysed

PAGE, FAILURE, ANALYSED = "page", "failure", "analysed"
_KINDS: dict[str, type] = {PAGE: Page, FAILURE: Failure, ANALYSED: Analysed}


def encode(item: Page | Failure | Analysed) -> dict[str, str]:
    kind = PAGE if isinstance(item, Page) else FAILURE if isinstance(item, Failure) else ANALYSED
    return {"kind": kind, "record": encode_record(item)}


def decode(kind: str, record: str) -> Page | Failure | Analysed:
    return decode_record(_KINDS[kind], record)
