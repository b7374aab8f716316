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
    re.compile(r"(?:copyright|©|\(c\))\s*(?:©\s*|copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?,?\s+(?P<name>[A-Z][^.,;©|]+)", re.I),
]
# Legal-form and filler words that trail an owner's name.
_TRAILING_WORDS = {
    "sal", "ltd", "llc", "inc", "plc", "limited", "corp", "corporation", "group", "media",
    "co", "company", "gmbh", "sa", "all", "rights", "reserved", "the", "pvt", "pty", "&",
}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Where an owner's name ends in a footer line: "Al Bawaba (www.albawaba.com)", "Inexhibit - ISSN: …",
# "Acme / acme.net GmbH", "The Republic unless otherwise noted", "Acme | Privacy Policy".
_NAME_END = re.compile(r"\s*(?:\(|\s[-–—|/]\s|\bunless\b|\|)")
# A notice states a year or the sign; "Copyright Policy" is a link to a page about it.
_NOTICE = re.compile(r"©|\(c\)|\b(?:19|20)\d\d\b", re.I)
_RESERVED = re.compile(r"rights\s+reserved", re.I)
# "Designed and developed by …" credits the web agency that built the site.
_DESIGNED = re.compile(r"\bdesign(?:ed)?\s*(?:and|&)\s*$", re.I)


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
        if pattern is _OWNER_PATTERNS[-1] and not _NOTICE.search(line):
            continue
        if pattern is _OWNER_PATTERNS[0] and _DESIGNED.search(line[:m.start()]):
            continue  # "Designed and developed by PenciDesign": the web agency, not the owner
        name = _clean_owner(m.group("name"))
        if name:
            return name
    return None


def _clean_owner(raw: str) -> str | None:
    raw = _NAME_END.split(raw, maxsplit=1)[0]
    words = _YEAR.sub(" ", raw).split()
    while words and words[-1].lower().strip(".") in _TRAILING_WORDS:
        words.pop()
    while words and words[0].lower() in {"the", "by", "to", "copyright", "©"}:
        words.pop(0)  # "© Copyright Gannett 2018"
    # An owner's name is a few capitalised words; anything longer is a sentence.
    if not words or len(words) > 6 or not words[0][:1].isupper():
        return None
    return " ".join(words)


def outlet_from_lines(lines: list[str]) -> str | None:
    """The owner most often named by the page's copyright/"developed by" lines."""
    names: Counter = Counter()
    notices: Counter = Counter()  # names a full notice gives ("© 2019 Acme Ltd. All rights reserved.")
    for line in lines:
        name = owner_from_line(line)
        if name:
            names[name] += 1
            notices[name] += bool(_RESERVED.search(line) or _YEAR.search(line))
    if not names:
        return None
    # Footers often name the same owner in two spellings ("Acme Daily Media Group",
    # "Acme Dailies Group"); the most frequent spelling wins, then the one a full notice
    # gives (a photo's "© Reuters" is a credit), then the shortest.
    return min(names, key=lambda n: (-names[n], -notices[n], len(n)))
