"""Ingest: files, folders, globs and stdin in, ``Page`` records (or ``Failure``\\ s) out.

This is one of the two stages that does I/O. It reads what it declares (plain
text, HTML, JSON Lines), detects the format from the extension and says so when
it had to sniff, and turns every unreadable item into a ``Failure`` naming the
file (and line) so that the rest of the batch goes on.
"""

from __future__ import annotations

from .reader import Item, expand_paths, read_pages

__all__ = ["Item", "expand_paths", "read_pages"]
