"""Records as the export contract of DESIGN.md writes them (JSON Lines, the API).

Kept apart from ``pipeline`` so that readers (the web app, ``parallax export``)
never import the NLP stack.
"""

from __future__ import annotations

from dataclasses import asdict

from .model import AnnotatedArticle, Dossier


def export_article(item: AnnotatedArticle, story: int, group: str | None) -> dict:
    """One article as the DESIGN export contract writes it."""
    a = item.article
    return {
        "id": a.id,
        "url": a.url,
        "outlet": a.outlet,
        "title": a.title,
        "published": a.published,
        "published_from": a.published_from,
        "body": a.body_text,
        "story": story,
        "syndication_group": group,
        "quotes": [{"text": q.text, "speaker": q.speaker, "speakers": q.speakers} for q in item.annotations.quotes],
        "figures": [
            {"value": f.value, "text": f.text, "what": f.what, "qualifier": f.qualifier, "where": f.where, "when": f.when}
            for f in item.annotations.figures
        ],
        "language": a.language,
        "byline": a.byline,
        "event_date": item.annotations.event_date,
    }


def export_dossier(dossier: Dossier) -> dict:
    """One story as the dossier export contract writes it."""
    data = asdict(dossier)
    data.pop("inferred_published", None)
    return data
