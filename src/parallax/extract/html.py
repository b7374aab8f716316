"""The article inside an HTML page, through trafilatura (and htmldate, which it calls)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura

from ..errors import E_NO_ARTICLE, PageRejected
from .headline import clean_title
from .lines import describe, normalise

LOGGER = logging.getLogger(__name__)


# What trafilatura logs on a page it finds no text in, or cannot parse: "discarding data: None",
# "empty HTML tree: None", "parsed tree length: 1, wrong data type or not valid HTML". The
# ingest report names that page and says why, so these only repeat it, without the file.
_REPEATS_A_REJECTION = ("discarding data", "empty HTML tree", "parsed tree length")


def _not_a_rejection(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(_REPEATS_A_REJECTION)


logging.getLogger("trafilatura.core").addFilter(_not_a_rejection)
logging.getLogger("trafilatura.utils").addFilter(_not_a_rejection)


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlResult:
    """What trafilatura found on one page, in Parallax's terms."""

    title: str | None
    body: list[str]
    published: str | None
    byline: str | None
    sitename: str | None
    language: str | None


def extract_html(html: str, *, url: str | None = None) -> HtmlResult:
    """Title, paragraphs and metadata of an HTML page.

    Raises:
        PageRejected: when trafilatura finds no main text.
    """
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # Never look further than the page: no network, ever.
            date_extraction_params={"extensive_search": True, "original_date": True},
        )
    except (ValueError, TypeError) as exc:  # lxml/trafilatura refuse what is not a document
        raise PageRejected(f"not parseable as HTML ({exc})") from exc
    if doc is None or not (doc.text or "").strip():
        raise PageRejected(E_NO_ARTICLE)
    # The page's <title> often adds the site's name after a bar ("… | ZDNet"), which is no part of the headline.
    title = clean_title((doc.title or "").strip()) or None
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    # trafilatura keeps an <h1> that repeats the title as the first paragraph.
    if title and paragraphs and normalise(paragraphs[0]) == normalise(title):
        paragraphs = paragraphs[1:]
    paragraphs = [p for p in paragraphs if not _is_site_notice(p)]
    if not paragraphs:
        raise PageRejected(E_NO_ARTICLE)
    return HtmlResult(
        title=title,
        body=paragraphs,
        published=doc.date or None,
        byline=(doc.author or None),
        sitename=(doc.sitename or None),
        language=(doc.language or None),
    )


def _is_site_notice(paragraph: str) -> bool:
    """A paragraph that speaks for the site, which trafilatura keeps when the page sets it inside
    the article's markup: an appeal ("Subscribe to our newsletter"), a link to another article
    behind its label ("Read more: …"), a copyright notice. Read with the plain-text path's signs."""
    signs = describe(paragraph, 0)
    return signs.appeal or signs.link_label or signs.copyright
