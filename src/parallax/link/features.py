"""What the linker compares: content terms, canonical entities and a date per article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import AnnotatedArticle

LINK_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"}
# Headline words count extra: a headline names the event in the fewest words.
TITLE_TERM_WEIGHT = 2
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """One article as the linker sees it."""

    id: str
    terms: dict[str, int]
    # Sorted, not a set: the linker sums and ranks in this order, and a set of strings
    # iterates in an order that changes with each process's string hashing, so the
    # same pages in the same order could give other stories in another process.
    entities: tuple[str, ...]
    day: date | None

    def to_json(self) -> dict:
        """The features as stored beside the article, to rebuild the linker without re-parsing."""
        return {"terms": self.terms, "entities": list(self.entities), "day": self.day.isoformat() if self.day else None}

    @classmethod
    def from_json(cls, article_id: str, data: dict) -> "ArticleFeatures":
        day = data.get("day")
        return cls(id=article_id, terms=data["terms"], entities=tuple(sorted(data["entities"])),
                   day=date.fromisoformat(day) if day else None)


def features_of(item: AnnotatedArticle) -> ArticleFeatures:
    """Features of an annotated article (its event date, else its publication date)."""
    terms = dict(item.annotations.terms)
    for word in _WORD.findall(item.article.title or ""):
        key = word.lower()
        if key in terms or len(key) > 3:
            terms[key] = terms.get(key, 0) + TITLE_TERM_WEIGHT
    entities = {m.canonical.lower() for m in item.annotations.entities if m.label in LINK_ENTITY_LABELS}
    # The years a text names tell two finals between the same clubs apart; its headline's
    # too ("Oscars 2018" over a body that never writes the year).
    entities |= {"@" + t.date[:4] for t in item.annotations.times if t.kind == "date" and t.date}
    entities |= {"@" + y for y in _YEAR.findall(item.article.title or "")}
    # The publication date anchors the article in time; the lede's event date can be
    # background ("Floyd, who died on May 25, 2020"), so it is the fallback, except
    # in an anniversary piece: its event fell on the same day of an earlier year
    # ("on this day in 2011"), and that event is its story.
    when = item.article.published or item.annotations.event_date
    if when and _anniversary(item.annotations.event_date, when):
        when = item.annotations.event_date
    return ArticleFeatures(
        id=item.article.id, terms=terms, entities=tuple(sorted(entities)), day=date.fromisoformat(when) if when else None
    )


def _anniversary(event: str | None, published: str) -> bool:
    return bool(event) and event[5:] == published[5:] and event[:4] < published[:4]  # type: ignore[index]
