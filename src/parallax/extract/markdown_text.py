"""A page saved as Markdown, as the text a browser shows: a block a line, no markup.

Crawlers that feed language models save pages as Markdown (html2text,
markdownify, Firecrawl, Jina Reader): the page's text with its links written
``[text](url)``, its images ``![alt](src)``, headings ``# …``, emphasis
``**…**`` and paragraphs hard-wrapped. Read as plain text, every link line
carries its address and every menu item its bullet, and the line classifier,
whose signs are those of text as a browser shows it, read ScrapingHub's pages
saved by html2text at body F1 0.80 (0.90 once written out as below).

The Markdown is parsed by markdown-it-py (CommonMark, with tables), and each
block becomes what a browser's ``innerText`` makes of it: a paragraph or a
heading a line with a blank line after it, a list item or a table row a line
(cells parted by tabs), links as their text, images as nothing (a browser
shows no alt text), raw HTML left out.
"""

from __future__ import annotations

import functools
import re

from markdown_it import MarkdownIt

from .lines import plain_spacing

_PARSER = MarkdownIt("commonmark").enable("table")
# markdown-it refuses links to some schemes (javascript:, data: but for a few image types), and a
# refused image or link is left as its literal text: "![alt](data:image/svg+xml,…)" became the
# alt text and the address. Nothing here follows a link, so every address is accepted.
_PARSER.validateLink = lambda url: True
# A top-level heading of fewer words is more likely the site's name than the article's headline.
MIN_HEADLINE_WORDS = 5
# Blocks after which a browser leaves a blank line.
_SPACED = {"paragraph_close", "heading_close", "blockquote_close", "table_close", "fence", "code_block"}


def markdown_text(markdown: str) -> str:
    """The text of a Markdown page, a block a line (see the module docstring)."""
    lines: list[str] = []
    row: list[str] | None = None  # the cells of the table row being read
    for token in _tokens(markdown):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            lines.append("\t".join(row))
            row = None
        elif token.type == "inline":
            text = _without_broken_link(_inline_text(token.children or []))
            if row is not None:
                row.append(text.strip())
            elif text.strip():
                lines.extend(part.strip() for part in text.split("\n"))
        elif token.type in ("fence", "code_block") and token.content.strip():
            lines.extend(token.content.rstrip("\n").split("\n"))
        if token.type in _SPACED and not token.hidden and lines and lines[-1] != "":
            lines.append("")
    return "\n".join(lines).strip("\n")


def markdown_headline(markdown: str) -> str | None:
    """The text of the page's top-level heading (``# …``) when it has one only and it is long
    enough to be a headline: some sites set their name as it ("Kabar tentang Dunia Islam")."""
    tokens = _tokens(markdown)
    found = [_inline_text(tokens[at + 1].children or []).strip() for at, token in enumerate(tokens)
             if token.type == "heading_open" and token.tag == "h1" and at + 1 < len(tokens)]
    return plain_spacing(found[0]) if len(found) == 1 and len(found[0].split()) >= MIN_HEADLINE_WORDS else None


@functools.lru_cache(maxsize=4)
def _tokens(markdown: str) -> tuple:
    """The page parsed once for both readings above (the extract stage asks for its text and its headline)."""
    return tuple(_PARSER.parse(markdown))


# A link around blocks (a card of image and headline: "[1\n\n![…](…)\nHeadline](url)"), as markdownify
# and html2text write one, is no link to CommonMark, whose link text stays within a paragraph:
# its pieces are read as text, the opening bracket and "](url)" with them. A browser shows the text.
_BROKEN_LINK_TAIL = re.compile(r"\]\((?:[a-z][a-z0-9+.-]*:|/|#)[^()\s]*(?:\s+\"[^\"]*\")?\)")
# ... and its opening bracket, never closed, starts a block of its own.
_UNCLOSED_BRACKET = re.compile(r"\s*\[(?=[^\]]*$)")


def _without_broken_link(text: str) -> str:
    if "[" not in text and "](" not in text:
        return text
    return _UNCLOSED_BRACKET.sub("\n", _BROKEN_LINK_TAIL.sub("", text), count=1)


def _inline_text(children: list) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")  # a wrapped paragraph's line break
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)
