"""Whether a page of text is Markdown, as crawlers for language models save pages.

html2text, markdownify, Firecrawl and Jina Reader write a page's links as
``[text](address)`` and its images as ``![alt](address)``; the text a scraper
takes from a page as a browser shows it never holds that form, so a few such
links tell the formats apart. The extract stage writes Markdown out as text
(``extract/markdown_text.py``).
"""

from __future__ import annotations

import re

# A link or image with its address: ``[text](https://…)``, ``![alt](/img.png)``, ``[top](#top)``.
_LINK = re.compile(r"!?\[[^\]\n]{0,300}\]\((?:[a-z][a-z0-9+.-]{0,20}:|/|#|\.)[^)\s]{0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)", re.I)
# A page is Markdown when it writes this many links so: one or two may be quoted in an article.
MIN_MARKDOWN_LINKS = 3


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` writes links and images as Markdown does."""
    for found, _ in enumerate(_LINK.finditer(text), start=1):
        if found >= MIN_MARKDOWN_LINKS:
            return True
    return False
