"""Which outlet published a page: from its URL, else from the page's own words.

Never from a file name: a file called ``reuters_1.txt`` says nothing reliable
about who published what is inside it.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

# Host prefixes that name a server, not the outlet.
_HOST_PREFIXES = ("www.", "www1.", "www2.", "m.", "amp.", "mobile.", "edition.")

# A site names its owner in the footer: "© 2021 Acme News", "Copyright 2019 Acme",
# "All rights reserved to Acme", "Maintained and developed by Acme", "Powered by".
_OWNER_PATTERNS = [
    re.compile(r"(?:maintained\s+and\s+)?developed\s+by\s+(?P<name>[^.,;©|]+)", re.I),
    re.compile(r"all\s+rights\s+reserved\s+(?:to|by)\s+(?P<name>[^.,;©|]+)", re.I),
    re.compile(r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?,?\s+(?P<name>[A-Z][^.,;©|]+)", re.I),
]
# Legal-form and filler words that trail an owner's name.
_TRAILING_WORDS = {
    "sal", "ltd", "llc", "inc", "plc", "limited", "corp", "corporation", "group", "media",
    "co", "company", "gmbh", "sa", "all", "rights", "reserved", "the",
}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def outlet_from_url(url: str | None) -> str | None:
    """The outlet's domain, without server prefixes (``https://www.bbc.co.uk/x`` → ``bbc.co.uk``)."""
    if not url:
        return None
    try:
        host = urlsplit(url if "://" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
            break
    return host


def owner_from_line(line: str) -> str | None:
    """The owner a copyright or "developed by" line names, tidied, or None."""
    for pattern in _OWNER_PATTERNS:
        m = pattern.search(line)
        if not m:
            continue
        name = _clean_owner(m.group("name"))
        if name:
            return name
    return None


def _clean_owner(raw: str) -> str | None:
    words = _YEAR.sub(" ", raw).split()
    while words and words[-1].lower().strip(".") in _TRAILING_WORDS:
        words.pop()
    while words and words[0].lower() in {"the", "by", "to"}:
        words.pop(0)
    # An owner's name is a few capitalised words; anything longer is a sentence.
    if not words or len(words) > 6 or not words[0][:1].isupper():
        return None
    return " ".join(words)


def outlet_from_lines(lines: list[str]) -> str | None:
    """The owner most often named by the page's copyright/"developed by" lines."""
    names = Counter(name for line in lines if (name := owner_from_line(line)))
    if not names:
        return None
    # Footers often name the same owner in two spellings ("Acme Daily Media Group",
    # "Acme Dailies Group"); the most frequent spelling, then the shortest, wins.
    return min(names, key=lambda n: (-names[n], len(n)))
