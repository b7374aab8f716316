"""Publication dates a page did not state, inferred from its story."""

from __future__ import annotations

from ..model import AnnotatedArticle


def infer_published(items: list[AnnotatedArticle]) -> dict[str, str]:
    """For each undated article of a story, the story's median publication date.

    Articles of one event appear within a day or two of each other, so the
    median of the dated ones is the best guess for an undated one; it is marked
    ``inferred`` wherever it is shown. A story with no dated article infers
    nothing.
    """
    dated = sorted(i.article.published for i in items if i.article.published and i.article.published_from != "inferred")
    if not dated:
        return {}
    median = dated[(len(dated) - 1) // 2]
    return {
        i.article.id: median
        for i in items
        if i.article.published is None or i.article.published_from == "inferred"
    }
