"""Extract: a ``Page`` in, the clean ``Article`` it holds out.

Plain text goes through our line classifier, HTML through trafilatura, Markdown
through the line classifier once written out as a browser shows it. The
publication date comes, in order of trust, from the page itself, then its URL;
``published_from`` records which (an article whose page states no date may get
one inferred from its story later, in the dossier stage).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pycld2

from ..errors import E_TOO_SHORT, PageRejected
from ..scripts import word_count
from ..model import Article, Page
from .dates import date_from_url, served_time
from .markdown_text import markdown_headline, markdown_text
from .outlets import outlet_from_page, outlet_from_url
from .headline import HeadlineReader
from .plaintext import extract_plaintext
from .slugs import slug_words
from .templates import TemplateLookup

LOGGER = logging.getLogger(__name__)

# --- options ----------------------------------------------------------------
# Fewer words than this is a stub or an error page, not an article.
MIN_ARTICLE_WORDS = 25


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractOptions:
    """Options of the extract stage, built once at the edge."""

    min_article_words: int = MIN_ARTICLE_WORDS
    # Tells a headline from a verbless caption; the pipeline passes spaCy's tagger.
    read_headline: HeadlineReader | None = None
    detect_language: bool = True
    # The chrome lines learned for an outlet (the pipeline passes the store's lookup).
    templates: TemplateLookup | None = None


def extract(page: Page, options: ExtractOptions = ExtractOptions()) -> Article:
    """The article of one page.

    Raises:
        PageRejected: when the page holds no article (all chrome, too short, not HTML).
    """
    if page.format == "html":
        article = _from_html(page)
    else:
        article = _from_text(page, options)
    words = word_count(article.body_text)
    if words < options.min_article_words:
        raise PageRejected(E_TOO_SHORT.format(words=words, minimum=options.min_article_words))
    if article.published is None:
        url_date = date_from_url(page.url)
        if url_date is not None:
            article.published, article.published_from = url_date.isoformat(), "url"
    if options.detect_language:
        article.language = article.language or detect_language(article.body_text)
    return article


def page_text(page: Page) -> str | None:
    """The text the line classifier reads of a page: its own, or its Markdown written out; None for HTML."""
    if page.format == "markdown":
        return markdown_text(page.content)
    return page.content if page.format == "text" else None


def _from_text(page: Page, options: ExtractOptions) -> Article:
    outlet, outlet_from = outlet_from_url(page.url), "url"
    known = options.templates(outlet) if options.templates is not None and outlet else frozenset()
    result = extract_plaintext(
        page_text(page) or "", read_headline=options.read_headline, known_chrome=known, slug=slug_words(page.url),
        headline=markdown_headline(page.content) if page.format == "markdown" else None,
        served=served_time(page.fetched_at),
    )
    if outlet is None:
        chrome = [line.text for line in result.lines if line.label != "body"]
        outlet, outlet_from = outlet_from_page(chrome, result.footer_lines), "page"
    return Article(
        id=page.id,
        source=page.source,
        url=page.url,
        title=result.title,
        body=result.body,
        outlet=outlet,
        outlet_from=outlet_from if outlet else None,
        published=result.published.date.isoformat() if result.published else None,
        published_from="page" if result.published else None,
        byline=result.byline,
        fetched_at=page.fetched_at,
        lines=result.lines,
    )


def _from_html(page: Page) -> Article:
    # Imported here: trafilatura takes 0.2 s to import, and most users of this package
    # (plain-text pages, the store's outlet templates) never need it.
    from .html import extract_html

    result = extract_html(page.content, url=page.url)
    outlet, outlet_from = outlet_from_url(page.url), "url"
    if outlet is None and result.sitename:
        outlet, outlet_from = result.sitename, "page"
    return Article(
        id=page.id,
        source=page.source,
        url=page.url,
        title=result.title,
        body=result.body,
        outlet=outlet,
        outlet_from=outlet_from if outlet else None,
        published=result.published,
        published_from="page" if result.published else None,
        byline=result.byline,
        language=result.language,
        fetched_at=page.fetched_at,
    )


class _PrintableOnly(dict):
    """A str.translate table dropping what CLD2 chokes on (controls, surrogates, ...), built as characters are met.

    The table fills itself, so after a few pages translate runs at C speed
    instead of a Python test per character.
    """

    def __missing__(self, code: int) -> int | None:
        ch = chr(code)
        value = code if ch.isprintable() or ch in "\n\t" else None
        if len(self) < 1 << 16:  # bounded: hostile pages may use every code point there is
            self[code] = value
        return value


_PRINTABLE = _PrintableOnly()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot tell.

    CLD2 (pycld2): deterministic and about a hundred times faster than
    langdetect, which mattered once every page went through it.
    """
    clean = text[:4000].translate(_PRINTABLE)
    try:
        reliable, _, details = pycld2.detect(clean)
    except pycld2.error:
        return None
    code = details[0][1] if details else "un"
    return code if reliable and code != "un" else None


__all__ = ["ExtractOptions", "extract", "detect_language", "page_text", "word_count"]
