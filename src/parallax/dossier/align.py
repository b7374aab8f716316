"""Which sentences of different outlets say the same thing.

TF-IDF cosine over content words, with document frequencies taken from the
story's own sentences, so that the story's common words (its names) weigh less
than what a sentence adds. Cheap, and good enough to tell shared reporting from
what one outlet alone carries when outlets reuse the wording; a paraphrase with
other words is missed. Sentence embeddings (the ``[dense]`` extra) were measured
as a replacement and did not tell the same fact from the same story
(benchmarks/results/same_fact.md).
"""

from __future__ import annotations

import functools
import re

import numpy as np
from scipy import sparse

from ..scripts import HAN_KANA_RUN, character_pairs, has_unspaced

# Letters and digits of any script ("rodríguez", "москвы"), not only ASCII ones: a Cyrillic
# story had no words at all, so no summary. Chinese and Japanese, written without spaces, are
# read by pairs of characters (``scripts.character_pairs``), as the linker reads them.
_WORD = re.compile(r"[^\W_][\w'’-]+")
STOPWORDS = frozenset(
    "the a an and or but of to in on at by for with from as that this these those is are was were be been "
    "has have had it its their his her they he she we you i not no said says say also which who whom whose "
    "will would could should may might can than then there here after before about over into out up more "
    "most other such only very just one two".split()
)


@functools.lru_cache(maxsize=1 << 16)
def words(text: str) -> tuple[str, ...]:
    """Content words, lower case, with a crude plural fold (enough for matching).

    Cached: a dossier asks for a sentence's words several times, and the
    sentences of a story come back with each rebuild.
    """
    out = []
    if has_unspaced(text):
        out.extend(character_pairs(text))
        text = HAN_KANA_RUN.sub(" ", text)
    for w in _WORD.findall(text.lower().replace("’", "'")):
        w = w.strip("'-")
        if len(w) < 3 or w in STOPWORDS:
            continue
        if w.endswith("s") and not w.endswith("ss") and len(w) > 4:
            w = w[:-1]
        out.append(w)
    return tuple(out)


# Sentences whose pairs are computed at a time. Half of all sentence pairs of one story
# share some word: a story of 2,000 articles (25,000 sentences) has hundreds of millions,
# gigabytes in one product, of which a dossier reads only the close ones.
BLOCK_ROWS = 1024


class SentenceVectors:
    """TF-IDF vectors of a fixed set of sentences, with their pairwise cosines.

    The cosines come from sparse matrix products (scipy), not a Python loop
    over pairs: a story of 200 articles has some 6,000 sentences, 36 million
    pairs, and only the pairs that share a word are ever computed, a block of
    rows at a time. A sentence printed word for word more than once (a wire
    story's copies in a large story) is computed once: its copies' pairs are
    the same, and the pairs grow as the square of the sentences. Document
    frequencies still count every copy, so the weights are those of the
    sentences one by one.

    ``groups`` (one label per sentence, its outlet) fills ``best_other``: each
    sentence's highest cosine with a sentence of another group, over every
    pair; and ``support``: for each sentence, the other groups that have a
    sentence at ``keep_above`` or more with it (a sentences × groups table).
    ``group_names`` (sorted) names the table's columns. Then pairs below ``keep_above`` are
    dropped: ``row`` and ``similarity`` see 0 for them, so it must be no higher
    than any threshold a caller compares a pair's cosine with.
    """

    def __init__(self, sentences: list[str], *, groups: list | None = None, keep_above: float = 0.0) -> None:
        first_of: dict[str, int] = {}
        # Each sentence's text, as a row of the matrices below (one row per distinct text).
        self._text_of = text = np.fromiter(
            (first_of.setdefault(s, len(first_of)) for s in sentences), dtype=np.int32, count=len(sentences))
        n = len(first_of)
        vectors = _tfidf([words(s) for s in first_of], np.bincount(text, minlength=n))
        self.group_names = sorted(set(groups)) if groups is not None else []
        number = {name: k for k, name in enumerate(self.group_names)}
        codes = np.array([number[g] for g in groups], dtype=np.int32) if groups is not None else None
        # Which groups print each text; per text, the one group that prints it, or -1 when
        # several do (then every one of its sentences has a copy in another group).
        printed = None
        only = np.full(n, -1, dtype=np.int32)
        if codes is not None and n:
            printed = sparse.csr_matrix((np.ones(len(text), dtype=np.int32), (text, codes)), shape=(n, len(self.group_names)))
            single = np.diff(printed.indptr) == 1
            only[single] = printed.indices[printed.indptr[:-1][single]]
        right = vectors.T.tocsr()
        blocks, bests = [], []
        for start in range(0, n, BLOCK_ROWS):
            block = (vectors[start: start + BLOCK_ROWS] @ right).tocsr()
            if printed is not None:
                bests.append(_best_by_printer(block, only))
            if keep_above > 0:
                block.data[block.data < keep_above] = 0.0
                block.eliminate_zeros()
            blocks.append(block)
        self._cosines = sparse.vstack(blocks, format="csr") if blocks else sparse.csr_matrix((0, 0))
        self.best_other = np.zeros(len(sentences))
        self.support = np.zeros((len(sentences), max(len(self.group_names), 1)), dtype=bool)
        if printed is not None:
            several, best, best_group, second = (np.concatenate(part) for part in zip(*bests))
            self.best_other = np.maximum(several[text], np.where(best_group[text] != codes, best[text], second[text]))
            # The groups printing a text close to each text; then each sentence's own group left out.
            close = (self._cosines.astype(bool).astype(np.int32) @ printed).toarray() > 0
            self.support = close[text]
            self.support[np.arange(len(sentences)), codes] = False
        self._rows: dict[int, dict[int, float]] = {}
        self._sentences_of: list[np.ndarray] | None = None

    def _text_row(self, text: int) -> dict[int, float]:
        """Every text sharing a word with text ``text``, and the cosine."""
        cached = self._rows.get(text)
        if cached is None:
            start, end = self._cosines.indptr[text], self._cosines.indptr[text + 1]
            cached = self._rows[text] = dict(zip(self._cosines.indices[start:end].tolist(), self._cosines.data[start:end].tolist()))
        return cached

    def row(self, i: int) -> dict[int, float]:
        """Every sentence sharing a word with sentence ``i``, and the cosine."""
        if self._sentences_of is None:
            order = np.argsort(self._text_of, kind="stable")
            self._sentences_of = np.split(order, np.cumsum(np.bincount(self._text_of))[:-1]) if len(order) else []
        return {j: value for text, value in self._text_row(int(self._text_of[i])).items()
                for j in self._sentences_of[text].tolist()}

    def similarity(self, i: int, j: int) -> float:
        return self._text_row(int(self._text_of[i])).get(int(self._text_of[j]), 0.0)

    def __len__(self) -> int:
        return len(self._text_of)


def _tfidf(bags: list[tuple[str, ...]], copies: np.ndarray) -> sparse.csr_matrix:
    """Rows of unit length: each text's term counts (duplicates summed), sublinear TF × smoothed IDF,
    the document frequencies counting each text ``copies`` times (the weighting of the Python loop
    this replaced, in numpy)."""
    n = len(bags)
    vocabulary: dict[str, int] = {}
    columns = [vocabulary.setdefault(w, len(vocabulary)) for bag in bags for w in bag]
    rows = np.repeat(np.arange(n, dtype=np.int32), [len(bag) for bag in bags])
    counts = sparse.csr_matrix(
        (np.ones(len(columns)), (rows, np.asarray(columns, dtype=np.int32))), shape=(n, max(len(vocabulary), 1)),
    )
    counts.sum_duplicates()
    row_of = np.repeat(np.arange(n), np.diff(counts.indptr))
    df = np.bincount(counts.indices, weights=copies[row_of], minlength=counts.shape[1])
    idf = np.log((1 + copies.sum()) / (1 + df)) + 1
    counts.data = (1 + np.log(counts.data)) * idf[counts.indices]
    norms = np.sqrt(np.bincount(row_of, weights=counts.data ** 2, minlength=n))
    counts.data /= norms[row_of]
    return counts


def _best_by_printer(block: sparse.csr_matrix, only: np.ndarray) -> tuple[np.ndarray, ...]:
    """For each text of the block: its closest text printed by several groups; its closest
    text printed by one group, and that group; its closest printed by one other group
    than that. A sentence's closest of another group is one of these, whatever its own.
    (Maxima by reduceat over the rows that have pairs; a row without any stays 0.)"""
    rows = block.shape[0]
    several, best, second = np.zeros(rows), np.zeros(rows), np.zeros(rows)
    best_group = np.full(rows, -1, dtype=np.int32)
    lengths = np.diff(block.indptr)
    filled = lengths > 0
    if not filled.any():
        return several, best, best_group, second
    row = np.repeat(np.arange(rows, dtype=np.int32), lengths)
    starts = block.indptr[:-1][filled]
    group = only[block.indices]
    alone = group >= 0
    several[filled] = np.maximum.reduceat(np.where(alone, 0.0, block.data), starts)
    single = np.where(alone, block.data, 0.0)
    best[filled] = np.maximum.reduceat(single, starts)
    top = alone & (single == best[row])
    best_group[row[top]] = group[top]
    second[filled] = np.maximum.reduceat(np.where(alone & (group != best_group[row]), block.data, 0.0), starts)
    return several, best, best_group, second
