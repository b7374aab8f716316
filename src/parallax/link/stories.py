"""Online story clustering: each arriving article joins the story it matches best, or starts one.

A story is summarised by the summed term counts and entity counts of its
articles and the days they report. An article is compared only with the stories
an inverted index returns for its entities and rarest terms (never with every
story), by TF-IDF cosine over terms (document frequencies kept up to date as
articles arrive) and IDF-weighted cosine over canonical entities. Stories whose
days lie far apart are different events even when they share every name.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from .features import ArticleFeatures

# --- options ----------------------------------------------------------------
# Share of the score that comes from terms (the rest from entities).
TERM_WEIGHT = 0.55
# Score an article needs to join an existing story.
JOIN_THRESHOLD = 0.30
# Articles this many days from a story's days are another event of the same kind.
MAX_EVENT_GAP_DAYS = 3
# Candidate stories come from this many of the article's highest-IDF terms.
INDEX_TERMS = 12


@dataclass(slots=True)
class StoryState:
    """What the linker remembers of one story."""

    id: int
    terms: Counter = field(default_factory=Counter)
    entities: Counter = field(default_factory=Counter)
    days: list[date] = field(default_factory=list)
    size: int = 0


class StoryLinker:
    """Assigns story ids to a stream of articles; ids, once given, never change."""

    def __init__(self, *, next_id: int = 1, threshold: float = JOIN_THRESHOLD) -> None:
        self.threshold = threshold
        self.next_id = next_id
        self.stories: dict[int, StoryState] = {}
        self.term_df: Counter = Counter()
        self.entity_df: Counter = Counter()
        self.n_docs = 0
        self._by_entity: dict[str, set[int]] = defaultdict(set)
        self._by_term: dict[str, set[int]] = defaultdict(set)

    # --- public -------------------------------------------------------------

    def restore(self, features: ArticleFeatures, story: int) -> None:
        """Replay a stored assignment (when a run starts from an existing database)."""
        self._count(features)
        self._join(features, story)
        self.next_id = max(self.next_id, story + 1)

    def assign(self, features: ArticleFeatures) -> tuple[int, float]:
        """The story for a new article and the score it joined with (1.0 for a new story)."""
        self._count(features)
        best, best_score = None, 0.0
        for story_id in self._candidates(features):
            score = self.similarity(features, self.stories[story_id])
            if score > best_score:
                best, best_score = story_id, score
        if best is None or best_score < self.threshold:
            best, best_score = self.next_id, 1.0
            self.next_id += 1
        self._join(features, best)
        return best, best_score

    def similarity(self, features: ArticleFeatures, story: StoryState) -> float:
        """How well an article fits a story, 0..1; 0 for a story of other days."""
        if features.day is not None and story.days:
            gap = min(abs((features.day - d).days) for d in story.days)
            if gap > MAX_EVENT_GAP_DAYS:
                return 0.0
        terms = _cosine(features.terms, story.terms, self._term_idf)
        entities = _cosine(dict.fromkeys(features.entities, 1), story.entities, self._entity_idf)
        return TERM_WEIGHT * terms + (1 - TERM_WEIGHT) * entities

    # --- internals ----------------------------------------------------------

    def _count(self, features: ArticleFeatures) -> None:
        self.n_docs += 1
        self.term_df.update(features.terms.keys())
        self.entity_df.update(features.entities)

    def _term_idf(self, term: str) -> float:
        return math.log((1 + self.n_docs) / (1 + self.term_df[term])) + 1.0

    def _entity_idf(self, entity: str) -> float:
        return math.log((1 + self.n_docs) / (1 + self.entity_df[entity])) + 1.0

    def _candidates(self, features: ArticleFeatures) -> set[int]:
        found: set[int] = set()
        for entity in features.entities:
            found |= self._by_entity.get(entity, set())
        for term in self._top_terms(features.terms):
            found |= self._by_term.get(term, set())
        return found

    def _top_terms(self, terms: dict[str, int]) -> list[str]:
        ranked = sorted(terms, key=lambda t: -(1 + math.log(terms[t])) * self._term_idf(t))
        return ranked[:INDEX_TERMS]

    def _join(self, features: ArticleFeatures, story_id: int) -> None:
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = StoryState(id=story_id)
        story.terms.update(features.terms)
        story.entities.update(features.entities)
        if features.day is not None:
            story.days.append(features.day)
        story.size += 1
        for entity in features.entities:
            self._by_entity[entity].add(story_id)
        for term in self._top_terms(features.terms):
            self._by_term[term].add(story_id)


def _cosine(a: dict[str, float], b: Counter, idf) -> float:
    """Cosine of two sparse count vectors under sublinear TF and the given IDF."""
    if not a or not b:
        return 0.0
    def weight(count: float, key: str) -> float:
        return (1 + math.log(count)) * idf(key)
    wa = {k: weight(v, k) for k, v in a.items() if v > 0}
    dot = sum(w * weight(b[k], k) for k, w in wa.items() if b.get(k, 0) > 0)
    if dot == 0:
        return 0.0
    na = math.sqrt(sum(w * w for w in wa.values()))
    nb = math.sqrt(sum(weight(v, k) ** 2 for k, v in b.items() if v > 0))
    return dot / (na * nb)
