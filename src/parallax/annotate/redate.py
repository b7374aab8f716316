"""Re-dating an annotated article: its times read again against a publication date found later.

Needs no parse, and so no spaCy: a process that builds dossiers (a Ray task)
re-dates articles without paying a second to import it.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import AnnotatedArticle
from .timex import day_of, event_date, resolve_times


def redate(item: AnnotatedArticle, published: str) -> AnnotatedArticle:
    """The same annotations with time expressions resolved against a new publication date.

    Used when a page stated no date and its story supplied one (``inferred``):
    "on Monday" can only be resolved once the date it is relative to is known.
    """
    ann = item.annotations
    times = resolve_times(ann.sentences, published)
    figures = [replace(f, when=day_of(times, f.sentence, f.sentence_text, f.text)) for f in ann.figures]
    annotations = replace(ann, times=times, figures=figures, event_date=event_date(times, published))
    return AnnotatedArticle(article=item.article, annotations=annotations)
