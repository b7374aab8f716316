"""Dossier: the annotated articles of one story in, a ``Dossier`` out.

What all outlets agree on (a cited summary), who said what and who carries it
(``quotes``), where the numbers differ and whether that is a conflict
(``figures``), what one outlet alone reports and when things happened
(``coverage``). Pure computation: the pipeline loads the story's articles and
stores the result. ``story_dossier`` is the stage's entry, wherever it runs (here,
a worker process, a Ray task): it first dates the undated articles by their
story (``infer_published``, then annotate's ``redate``), then builds the dossier.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..annotate import redate  # without spaCy (see ``annotate``'s docstring)
from ..model import AnnotatedArticle, Dossier
from .coverage import StorySentences, build_summary, build_timeline, choose_headline, unique_facts
from .dates import infer_published
from .entities import story_entities
from .figures import compare_figures, reported_elsewhere
from .quotes import merge_quotes

UNKNOWN_OUTLET = "unknown outlet"


def outlet_of(item: AnnotatedArticle) -> str:
    """The outlet an article is cited under; articles of unknown outlets are told apart by id."""
    return item.article.outlet or f"{UNKNOWN_OUTLET} ({item.article.id})"


def story_dossier(story: int, items: list[AnnotatedArticle]) -> tuple[Dossier | None, list[AnnotatedArticle]]:
    """A story's dossier, and its articles whose publication date was inferred anew (to store)."""
    if not items:
        return None, []
    changed: list[AnnotatedArticle] = []
    inferred = infer_published(items)
    if inferred:
        changed = [redate(_with_published(i, inferred[i.article.id]), inferred[i.article.id])
                   for i in items if i.article.id in inferred and i.article.published != inferred[i.article.id]]
        if changed:
            by_id = {c.article.id: c for c in changed}
            items = [by_id.get(i.article.id, i) for i in items]
    return build_dossier(story, items), changed


def build_dossier(story: int, items: list[AnnotatedArticle]) -> Dossier:
    """The dossier of one story from all its annotated articles."""
    items = sorted(items, key=lambda i: (i.article.published or "9999", i.article.id))
    outlets = [outlet_of(i) for i in items]
    sentences = StorySentences.of(items, outlets)
    vectors = sentences.vectors()
    published = sorted(i.article.published for i in items if i.article.published)
    event_days = Counter(i.annotations.event_date for i in items if i.annotations.event_date)
    matches = sentences.matches(vectors)
    summary = build_summary(sentences, vectors, matches)
    figures = compare_figures(items, outlets)
    return Dossier(
        story=story,
        headline=choose_headline([i.article.title for i in items], summary),
        articles=[i.article.id for i in items],
        outlets=list(dict.fromkeys(outlets)),
        event_date=min(event_days, key=lambda d: (-event_days[d], d)) if event_days else None,
        first_published=published[0] if published else None,
        last_published=published[-1] if published else None,
        summary=summary,
        quotes=merge_quotes(items, outlets),
        figures=figures,
        unique=unique_facts(sentences, matches, reported_elsewhere(figures)),
        timeline=build_timeline(items, outlets, vectors, sentences),
        entities=story_entities(items),
    )


__all__ = ["build_dossier", "infer_published", "outlet_of", "story_dossier"]


def _with_published(item: AnnotatedArticle, published: str) -> AnnotatedArticle:
    return AnnotatedArticle(article=replace(item.article, published=published, published_from="inferred"), annotations=item.annotations)
