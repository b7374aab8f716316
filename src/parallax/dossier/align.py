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

# Letters and digits of any script ("rodríguez", "москвы"), not only ASCII ones: a Cyrillic
# story had no words at all, so no summary. (Chinese and Japanese, written without spaces,
# still read as one word per run: their sentences are no facts here.)
_WORD = re.compile(r"[^\W_][\w'’-]+")
_STOP = frozenset(
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
    for w in _WORD.findall(text.lower().replace("’", "'")):
        w = w.strip("'-")
        if len(w) < 3 or w in _STOP:
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
    rows at a time.

    ``groups`` (one label per sentence, its outlet) fills ``best_other``: each
    sentence's highest cosine with a sentence of another group, over every
    pair; ``group_names`` (sorted) and ``group_codes`` (each sentence's index
    into them) keep the labels for the caller. Then pairs below ``keep_above`` are dropped: ``row``, ``pairs`` and
    ``similarity`` see 0 for them, so it must be no higher than any threshold
    a caller compares a pair's cosine with.
    """

    def __init__(self, sentences: list[str], *, groups: list | None = None, keep_above: float = 0.0) -> None:
        bags = [words(s) for s in sentences]
        n = len(sentences)
        vocabulary: dict[str, int] = {}
        columns = [vocabulary.setdefault(w, len(vocabulary)) for bag in bags for w in bag]
        rows = np.repeat(np.arange(n, dtype=np.int32), [len(bag) for bag in bags])
        # Term counts (duplicates summed), then sublinear TF × smoothed IDF, rows
        # scaled to unit length: the weighting of the Python loop this replaced, in numpy.
        counts = sparse.csr_matrix(
            (np.ones(len(columns)), (rows, np.asarray(columns, dtype=np.int32))), shape=(n, max(len(vocabulary), 1)),
        )
        counts.sum_duplicates()
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        idf = np.log((1 + n) / (1 + df)) + 1
        counts.data = (1 + np.log(counts.data)) * idf[counts.indices]
        row_of = np.repeat(np.arange(n), np.diff(counts.indptr))
        norms = np.sqrt(np.bincount(row_of, weights=counts.data ** 2, minlength=n))
        counts.data /= norms[row_of]
        self.group_names = sorted(set(groups)) if groups is not None else []
        number = {name: k for k, name in enumerate(self.group_names)}
        codes = np.array([number[g] for g in groups], dtype=np.int32) if groups is not None else None
        self.group_codes = codes
        self.best_other = np.zeros(n)
        right = counts.T.tocsr()
        blocks = []
        for start in range(0, n, BLOCK_ROWS):
            block = (counts[start: start + BLOCK_ROWS] @ right).tocsr()
            if codes is not None:
                self._best_of_other_groups(block, start, codes)
            if keep_above > 0:
                block.data[block.data < keep_above] = 0.0
                block.eliminate_zeros()
            blocks.append(block)
        self._cosines = sparse.vstack(blocks, format="csr") if blocks else sparse.csr_matrix((0, 0))
        self._rows: dict[int, dict[int, float]] = {}

    def _best_of_other_groups(self, block: sparse.csr_matrix, start: int, codes: np.ndarray) -> None:
        """``best_other`` of the block's rows: row maxima with same-group pairs zeroed
        (reduceat over the rows that have pairs; a row without any stays 0)."""
        lengths = np.diff(block.indptr)
        filled = lengths > 0
        if not filled.any():
            return
        rows = np.repeat(np.arange(start, start + block.shape[0], dtype=np.int32), lengths)
        other = codes[rows] != codes[block.indices]
        best = self.best_other[start: start + block.shape[0]]  # a view: filled in place
        best[filled] = np.maximum.reduceat(np.where(other, block.data, 0.0), block.indptr[:-1][filled])

    def row(self, i: int) -> dict[int, float]:
        """Every sentence sharing a word with sentence ``i``, and the cosine."""
        cached = self._rows.get(i)
        if cached is None:
            start, end = self._cosines.indptr[i], self._cosines.indptr[i + 1]
            cached = self._rows[i] = dict(zip(self._cosines.indices[start:end].tolist(), self._cosines.data[start:end].tolist()))
        return cached

    def pairs(self) -> sparse.csr_matrix:
        """Every pair of sentences sharing a word (from ``keep_above`` up), with its cosine (both orders,
        and each with itself), by row."""
        return self._cosines

    def similarity(self, i: int, j: int) -> float:
        return self.row(i).get(j, 0.0)

    def __len__(self) -> int:
        return self._cosines.shape[0]
