"""Records shared by every stage.

Each stage takes one of these and returns the next; nothing else crosses a stage
boundary. Dates are ISO strings (``YYYY-MM-DD``) so records serialise to JSON
as they are, for the database, the API and the Ray job alike.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

import msgspec

PageFormat = Literal["text", "html", "markdown"]
PublishedFrom = Literal["page", "url", "inferred"]
LineLabel = Literal["title", "meta", "body", "caption", "boilerplate"]
Verdict = Literal["agree", "differ", "different_scope", "evolving", "single"]

T = TypeVar("T")


def to_dict(record: Any) -> dict[str, Any]:
    """A record as plain JSON-ready data (nested records become dicts, tuples lists)."""
    return msgspec.to_builtins(record)


def encode(record: Any) -> str:
    """A record as JSON text, for the database and the Ray job's rows."""
    return _ENCODER.encode(record).decode()


def decode(cls: type[T], text: str | bytes) -> T:
    """Rebuild a record (and its nested records) from ``encode`` output.

    msgspec reads the field types, so nested records come back as records,
    fields missing from older data take their defaults, and fields it does not
    know (written by a newer Parallax) are ignored. It decodes a stored article
    1.6× and encodes one 5× faster than ``json`` and a walk over the fields,
    measured side by side on 2,141 stored articles; the dossier rebuild reads a
    story's every article, and ingest writes every one.
    """
    return _decoder(cls).decode(text)


_ENCODER = msgspec.json.Encoder()


@functools.cache
def _decoder(cls: type) -> msgspec.json.Decoder:
    return msgspec.json.Decoder(cls)


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

    @property
    def in_english(self) -> bool:
        """Whether the English model reads this article (an unknown language is taken for English)."""
        return self.language is None or self.language == "en"


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

    value: float  # a length of time in months ("22½ years" and "270 months": 270), so that outlets' compare
    text: str  # the number as written, with its qualifier ("more than 70")
    what: str  # what is counted, lemmatised head noun phrase ("people killed"), or measured ("prison sentence")
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
    speaker: str | None  # for display: "A and B" said it together; "A / B": outlets credit it differently
    speakers: list[str]
    outlets: list[str]
    articles: list[str]
    attributions: list[list[str]] = field(default_factory=list)  # each distinct credit the outlets give


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

    def outlets_by_value(self) -> list[tuple[FigureValue, list[str]]]:
        """Each value as a reader is shown it once (its number, place and day), with every outlet that gives it."""
        by_value: dict[tuple, tuple[FigureValue, list[str]]] = {}
        for v in self.distinct_values():
            by_value.setdefault((v.text, v.where, v.when), (v, []))[1].append(v.outlet)
        return list(by_value.values())

    def distinct_values(self) -> list[FigureValue]:
        """The values as a reader is shown them: an outlet giving the same figure for the same
        place and day in two sentences says it once (``values`` keeps both, with their sentences)."""
        seen: set[tuple] = set()
        out = []
        for v in self.values:
            key = (v.text, v.where, v.when, v.outlet)
            if key not in seen:
                seen.add(key)
                out.append(v)
        return out


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

