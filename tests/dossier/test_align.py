import numpy as np
import pytest

from parallax.dossier import align
from parallax.dossier.align import SentenceVectors

SENTENCES = [
    "The earthquake struck the coastal city of Valparaiso on Monday morning.",
    "A strong earthquake hit Valparaiso on Monday, officials said.",
    "Rescue teams searched collapsed buildings in the coastal city.",
    "The president flew to Valparaiso to meet rescue teams.",
    "Officials said at least twelve people died in the earthquake.",
    "At least twelve people were killed, according to officials.",
    "Markets in Santiago closed lower on Monday.",
    "The quake was felt as far away as Santiago.",
    # Word-for-word copies: one in another outlet, one in the same outlet.
    "The earthquake struck the coastal city of Valparaiso on Monday morning.",
    "Markets in Santiago closed lower on Monday.",
]
OUTLETS = ["a", "b", "a", "c", "b", "a", "c", "b", "b", "c"]


def _reference_cosines(sentences):
    """Every pair's cosine, written out densely: sublinear TF × smoothed IDF over each sentence."""
    bags = [align.words(s) for s in sentences]
    vocabulary = sorted({w for bag in bags for w in bag})
    df = np.array([sum(w in bag for bag in bags) for w in vocabulary])
    idf = np.log((1 + len(bags)) / (1 + df)) + 1
    tf = np.array([[1 + np.log(bag.count(w)) if w in bag else 0.0 for w in vocabulary] for bag in bags])
    vectors = tf * idf
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors @ vectors.T


@pytest.mark.parametrize("block_rows", [1, 3, 1024])
def test_blocks_keep_every_close_pair_and_the_best_match_of_another_outlet(monkeypatch, block_rows):
    cosines = _reference_cosines(SENTENCES)
    monkeypatch.setattr(align, "BLOCK_ROWS", block_rows)
    vectors = SentenceVectors(SENTENCES, groups=OUTLETS, keep_above=0.3)
    n = len(SENTENCES)
    kept = np.array([[vectors.similarity(i, j) for j in range(n)] for i in range(n)])
    assert np.allclose(kept, np.where(cosines >= 0.3, cosines, 0.0))
    assert all(vectors.row(i) == {j: kept[i, j] for j in range(n) if kept[i, j]} for i in range(n))
    other = np.array(OUTLETS)[:, None] != np.array(OUTLETS)[None, :]
    assert np.allclose(vectors.best_other, np.where(other, cosines, 0.0).max(axis=1))
    # The bound drops pairs the dossier never reads, but the best match is taken over all.
    assert (vectors.best_other < 0.3).any() and (vectors.best_other > 0).all()
    # A copy in another outlet is a perfect match; one in the same outlet is none.
    assert vectors.best_other[0] == pytest.approx(1.0) and vectors.best_other[6] < 1.0
    supporters = [{vectors.group_names[k] for k in np.flatnonzero(row)} for row in vectors.support]
    assert supporters == [{OUTLETS[j] for j in range(n) if other[i, j] and cosines[i, j] >= 0.3} for i in range(n)]
    assert supporters[0] == {"b"} and supporters[6] == set()


def test_no_sentences():
    vectors = SentenceVectors([], groups=[], keep_above=0.3)
    assert len(vectors) == 0 and vectors.best_other.shape == (0,)
