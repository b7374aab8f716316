"""Pages and analysed pages as Ray Data rows: one JSON string each.

Rows cross process and machine boundaries; JSON of the shared records keeps
them plain, readable in a debugger, and independent of pickling our classes.
"""

from __future__ import annotations

import json

from ..model import AnnotatedArticle, Failure, Page, from_dict, to_dict
from ..pipeline import Analysed

PAGE, FAILURE, ANALYSED = "page", "failure", "analysed"


def encode(item: Page | Failure | Analysed) -> dict[str, str]:
    if isinstance(item, Page):
        return {"kind": PAGE, "record": json.dumps(to_dict(item))}
    if isinstance(item, Failure):
        return {"kind": FAILURE, "record": json.dumps(to_dict(item))}
    return {"kind": ANALYSED, "record": json.dumps({
        "page": to_dict(item.page),
        "item": to_dict(item.item) if item.item is not None else None,
        "failure": to_dict(item.failure) if item.failure is not None else None,
    })}


def decode(kind: str, record: str) -> Page | Failure | Analysed:
    data = json.loads(record)
    if kind == PAGE:
        return from_dict(Page, data)
    if kind == FAILURE:
        return from_dict(Failure, data)
    return Analysed(
        page=from_dict(Page, data["page"]),
        item=from_dict(AnnotatedArticle, data["item"]) if data["item"] is not None else None,
        failure=from_dict(Failure, data["failure"]) if data["failure"] is not None else None,
    )
