"""The headline a news URL spells out: ``/2019/11/19/anthony-lynn-we-needed-to-win/``.

Most news sites build an article's address from its headline (the "slug").
On a scraped page that prints every section's headlines, the line the slug
spells is the article's own headline, and the article stands right under it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# A slug names the headline in at least this many words; shorter path parts are sections.
MIN_SLUG_WORDS = 3
# A line is the slug's headline when it holds this share of the slug's words and
# this share of its own words are in the slug (headlines get shortened in slugs,
# and slugs drop a few words of the headline).
MIN_SLUG_COVERED = 0.5
MIN_LINE_IN_SLUG = 0.5

_WORD = re.compile(r"[a-z0-9]+")
_EXTENSION = re.compile(r"\.(?:s?html?|php\d?|aspx?|cfm|jsp)$")


def slug_words(url: str | None) -> frozenset[str]:
    """The words of the path part that reads as a headline, or nothing when none does."""
    if not url:
        return frozenset()
    parts = [p for p in urlsplit(url).path.split("/") if p]
    # The headline is the part with the most word separators; ids and dates have none.
    best = max(parts, key=lambda p: p.count("-") + p.count("_"), default="")
    words = [w for w in _WORD.findall(_EXTENSION.sub("", best.lower())) if not (w.isdigit() and len(w) >= 5)]
    return frozenset(words) if len(words) >= MIN_SLUG_WORDS else frozenset()


def spells_slug(text: str, slug: frozenset[str]) -> bool:
    """Whether a line is the headline the slug was made from."""
    if not slug:
        return False
    words = _WORD.findall(text.lower().replace("'", "").replace("’", ""))
    if not words:
        return False
    inside = sum(1 for w in words if w in slug)
    covered = len(slug.intersection(words))
    return covered >= MIN_SLUG_WORDS and covered >= MIN_SLUG_COVERED * len(slug) and inside >= MIN_LINE_IN_SLUG * len(words)
