"""Records shared by every stage.

Each stage takes one of these and returns the next; nothing else crosses a stage
boundary. Dates are ISO strings (``YYYY-MM-DD``) so records serialise to JSON
as they are, for the database, the API and the Ray job alike.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal, TypeVar

PageFormat = Literal["text", "html"]
PublishedFrom = Literal["page", "url", "inferred"]
LineLabel = Literal["title", "meta", "body", "caption", "boilerplate"]
Verdict = Literal["agree", "differ", "different_scope", "evolving", "single"]

T = TypeVar("T")


def to_dict(record: Any) -> dict[str, Any]:
    """A record as plain JSON-ready data (tuples become lists)."""
    return _plain(record)


def _plain(value: Any) -> Any:
    # Not dataclasses.asdict: it deep-copies every leaf value, which made writing
    # a batch's records and a story's dossier several times slower than needed.
    if is_dataclass(value):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record (and its nested records) from ``to_dict`` output."""
    kwargs = {}
    for name, nested in _layout(cls):
        if name not in data:
            continue
        value = data[name]
        if nested is not None and value is not None:
            if isinstance(value, list):
                value = [from_dict(nested, v) for v in value]
            else:
                value = from_dict(nested, value)
        kwargs[name] = value
    return cls(**kwargs)


@functools.cache
def _layout(cls: type) -> tuple[tuple[str, type | None], ...]:
    # A record's fields and the record type nested in each, worked out once per
    # class: loading a large story rebuilds tens of thousands of records.
    return tuple((f.name, _NESTED.get((cls.__name__, f.name))) for f in fields(cls))


# --- ingest -----------------------------------------------------------------


@dataclass(slots=True)
class Page:
    """One raw page as it was read: the only input of the extract stage."""

    id: str
    source: str  # where it came from: a path, ``path:line`` or ``-``
    format: PageFormat
    content: str
    url: str | None = None
    fetched_at: str | None = None
    truncated: bool = False

    def __post_init__(self) -> None:
        # A NUL character is never text on a news page, and PostgreSQL refuses
        # it in a text column: drop it once here, for every input format.
        if "\x00" in self.content:
            self.content = self.content.replace("\x00", "")


@dataclass(slots=True)
class Failure:
    """A page or input item that could not be processed, and why."""

    source: str
    reason: str
    stage: str = "ingest"
    page_id: str | None = None


# --- extract ----------------------------------------------------------------


@dataclass(slots=True)
class Line:
    """One non-empty line of a plain-text page with the label extraction gave it."""

    text: str
    label: LineLabel


@dataclass(slots=True)
class Article:
    """A page reduced to the article: no site chrome, paragraphs in order."""

    id: str
    source: str
    title: str | None
    body: list[str]  # paragraphs
    url: str | None = None
    outlet: str | None = None
    outlet_from: str | None = None  # "url", "page" or None (unknown)
    published: str | None = None
    published_from: PublishedFrom | None = None
    byline: str | None = None
    language: str | None = None
    fetched_at: str | None = None
    lines: list[Line] = field(default_factory=list)  # plain text only: what was kept and removed

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.body)


# --- annotate ---------------------------------------------------------------


@dataclass(slots=True)
class Mention:
    """A named entity as written, with the canonical name it resolves to in its article."""

    text: str
    label: str  # spaCy label: PERSON, GPE, ORG, LOC, NORP, ...
    canonical: str
    sentence: int


@dataclass(slots=True)
class TimeExpression:
    """A time expression and the calendar date it resolves to, if it is a date."""

    text: str
    kind: Literal["date", "duration", "set", "unresolved"]
    date: str | None  # ISO date for kind == "date"
    sentence: int
    granularity: Literal["day", "week", "month", "year"] | None = None


@dataclass(slots=True)
class Quote:
    """A direct quotation and who said it (one or several canonical speakers)."""

    text: str
    speakers: list[str]
    paragraph: int
    sentence: int
    cue: str | None = None  # the speech verb or phrase that attributes it

    @property
    def speaker(self) -> str | None:
        return " and ".join(self.speakers) if self.speakers else None


@dataclass(slots=True)
class Figure:
    """A number with what it counts, where and when it applies, and its qualifier."""

    value: float
    text: str  # the number as written, with its qualifier ("more than 70")
    what: str  # what is counted, lemmatised head noun phrase ("people killed")
    qualifier: str | None  # "more than", "at least", "about", ...
    where: str | None
    when: str | None  # ISO date when the sentence dates it
    sentence: int
    sentence_text: str
    owner: str | None = None  # whose count it is, when the sentence names them ("Morsi won 13.2 million votes")


@dataclass(slots=True)
class Annotations:
    """Everything annotate adds to an article."""

    sentences: list[str]
    entities: list[Mention]
    times: list[TimeExpression]
    quotes: list[Quote]
    figures: list[Figure]
    terms: dict[str, int]  # content lemmas and their counts: the link stage's text features
    event_date: str | None = None
    model: str | None = None


@dataclass(slots=True)
class AnnotatedArticle:
    """An article with its annotations: the input of link and dossier."""

    article: Article
    annotations: Annotations


# --- link -------------------------------------------------------------------


@dataclass(slots=True)
class Assignment:
    """Where the link stage put one article."""

    article_id: str
    story: int
    syndication_group: str | None
    score: float  # similarity to the story it joined (1.0 for a new story)


# --- dossier ----------------------------------------------------------------


@dataclass(slots=True)
class CitedSentence:
    sentence: str
    outlets: list[str]


@dataclass(slots=True)
class StoryQuote:
    text: str
    speaker: str | None
    speakers: list[str]
    outlets: list[str]
    articles: list[str]


@dataclass(slots=True)
class FigureValue:
    value: float
    text: str
    outlet: str
    article: str
    where: str | None
    when: str | None
    sentence: str
    published: str | None = None
    owner: str | None = None


@dataclass(slots=True)
class FigureGroup:
    what: str
    verdict: Verdict
    values: list[FigureValue]


@dataclass(slots=True)
class UniqueFacts:
    outlet: str
    sentences: list[str]


@dataclass(slots=True)
class TimelineEntry:
    date: str
    text: str
    outlets: list[str]


@dataclass(slots=True)
class StoryEntity:
    name: str
    type: str
    articles: list[str]


@dataclass(slots=True)
class Dossier:
    """What every outlet says about one story."""

    story: int
    headline: str | None
    articles: list[str]
    outlets: list[str]
    event_date: str | None
    first_published: str | None
    last_published: str | None
    summary: list[CitedSentence]
    quotes: list[StoryQuote]
    figures: list[FigureGroup]
    unique: list[UniqueFacts]
    timeline: list[TimelineEntry]
    entities: list[StoryEntity]
    inferred_published: dict[str, str] = field(default_factory=dict)


_NESTED: dict[tuple[str, str], type] = {
    ("Article", "lines"): Line,
    ("Annotations", "entities"): Mention,
    ("Annotations", "times"): TimeExpression,
    ("Annotations", "quotes"): Quote,
    ("Annotations", "figures"): Figure,
    ("AnnotatedArticle", "article"): Article,
    ("AnnotatedArticle", "annotations"): Annotations,
    ("Dossier", "summary"): CitedSentence,
    ("Dossier", "quotes"): StoryQuote,
    ("Dossier", "figures"): FigureGroup,
    ("FigureGroup", "values"): FigureValue,
    ("Dossier", "unique"): UniqueFacts,
    ("Dossier", "timeline"): TimelineEntry,
    ("Dossier", "entities"): StoryEntity,
}
