"""Link: a stream of annotated articles in, a story id (and a wire-copy group) for each out.

``Linker`` holds the state both steps need between articles: the syndication
index and the story clusterer. It can be rebuilt from stored assignments, so
ids given in an earlier run never change.
"""

from __future__ import annotations

from ..model import AnnotatedArticle, Assignment
from . import snapshot
from .features import ArticleFeatures, features_of
from .snapshot import SnapshotError, snapshot_key
from .stories import StoryLinker
from .syndication import SIGNATURE_KEY, SyndicationIndex, decode_signature, encode_signature, minhash_of


def linking_order(items: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
    """The order in which a batch is linked: oldest publication first, then by id.

    Within a batch, the order pages happened to be read in says nothing about
    the news; a fixed order makes the stories depend on what arrived, not on
    how it was listed.
    """
    return sorted(items, key=lambda i: (i.article.published or i.annotations.event_date or "9999", i.article.id))


class Linker:
    """Syndication groups and story ids for arriving articles."""

    def __init__(self, *, next_story_id: int = 1) -> None:
        self.syndication = SyndicationIndex()
        self.stories = StoryLinker(next_id=next_story_id)
        self._states: dict[str, dict] = {}

    def restore(self, article_id: str, state: dict, story: int, syndication_group: str | None, body: str | None = None) -> None:
        """Replay an article already stored, from the state ``take_states`` gave for it.

        ``body`` is needed only for states stored without a signature of the
        current kind (``SIGNATURE_KEY``): before signatures were kept, or hashed otherwise.
        """
        signature = decode_signature(state[SIGNATURE_KEY]) if SIGNATURE_KEY in state else minhash_of(body or "")
        features = ArticleFeatures.from_json(article_id, state)
        self.syndication.restore(article_id, signature, syndication_group, _day_number(features))
        self.stories.restore(features, story)

    def __call__(self, item: AnnotatedArticle) -> Assignment:
        signature = minhash_of(item.article.body_text)
        features = features_of(item)
        group = self.syndication.add(item.article.id, signature, _day_number(features))
        story, score = self.stories.assign(features)
        self._states[item.article.id] = {**features.to_json(), SIGNATURE_KEY: encode_signature(signature)}
        return Assignment(article_id=item.article.id, story=story, syndication_group=group, score=score)

    def snapshot(self) -> bytes:
        """The whole state, for ``from_snapshot`` in a later run (see ``snapshot.py``)."""
        if self._states:
            raise RuntimeError("take_states() before a snapshot: the states not yet stored would be lost")
        return snapshot.dumps(self)

    @staticmethod
    def from_snapshot(data: bytes) -> "Linker":
        """A linker as ``snapshot`` saved it; ``SnapshotError`` when ``data`` is not one."""
        return snapshot.loads(data)

    @property
    def articles(self) -> int:
        """How many articles it has linked or restored."""
        return self.stories.n_docs

    def take_states(self) -> dict[str, dict]:
        """What to store beside each article linked since the last call, for ``restore`` in a later run."""
        states, self._states = self._states, {}
        return states

    def repair(self, touched: set[int], *, recheck: set[str] | None = None) -> dict[str, int]:
        """Split drifted stories and merge split ones; returns articles that changed story.

        ``recheck`` names articles placed earlier whose story should be checked
        again (by default only those placed since the last repair are).
        """
        return self.stories.repair(touched, recheck=recheck)

    def take_regrouped(self) -> dict[str, str]:
        """Earlier articles that a later copy put into a syndication group, with the group."""
        return {i: g for i in self.syndication.take_updated() if (g := self.syndication.group_of(i))}

    def take_renamed_groups(self) -> dict[str, str]:
        """Syndication groups a later copy joined to another since the last call: old name → new name."""
        return self.syndication.take_renamed()


def _day_number(features: ArticleFeatures) -> int | None:
    return features.day.toordinal() if features.day else None


__all__ = ["SIGNATURE_KEY", "ArticleFeatures", "Linker", "SnapshotError", "features_of", "linking_order", "snapshot_key"]
