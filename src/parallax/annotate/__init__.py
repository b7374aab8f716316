"""Annotate: an ``Article`` in, ``Annotations`` out.

spaCy gives sentences, entities and the parse; our own modules turn them into
canonical entities (``entities``), resolved time expressions (``timex``), direct
quotes with speakers (``quotes``) and figures (``figures``). The model is loaded
once per process and run with ``nlp.pipe`` over batches of articles
(``annotator``).

The names that need spaCy are imported on first use (PEP 562): importing spaCy
takes about a second, and a process that only re-dates stored articles
(``redate``, for a dossier) never needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .redate import redate
from .timex import in_relative_clause

if TYPE_CHECKING:
    from .annotator import Annotator
    from .nlp import load_model, make_headline_reader

_NEEDS_SPACY = {"Annotator": "annotator", "load_model": "nlp", "make_headline_reader": "nlp"}


def __getattr__(name: str):
    if name in _NEEDS_SPACY:
        import importlib

        return getattr(importlib.import_module(f".{_NEEDS_SPACY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Annotator", "in_relative_clause", "load_model", "make_headline_reader", "redate"]
