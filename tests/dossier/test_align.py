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
]
OUTLETS = ["a", "b", "a", "c", "b", "a", "c", "b"]


def _all_pairs(sentences):
    """Every cosine, from one product of all rows (what the blocks must add up to)."""
    full = SentenceVectors(sentences)
    return full.pairs().toarray()


@pytest.mark.parametrize("block_rows", [1, 3, 1024])
def test_blocks_keep_every_close_pair_and_the_best_match_of_another_outlet(monkeypatch, block_rows):
    cosines = _all_pairs(SENTENCES)
    monkeypatch.setattr(align, "BLOCK_ROWS", block_rows)
    vectors = SentenceVectors(SENTENCES, groups=OUTLETS, keep_above=0.3)
    kept = vectors.pairs().toarray()
    assert np.array_equal(kept, np.where(cosines >= 0.3, cosines, 0.0))
    other = np.array(OUTLETS)[:, None] != np.array(OUTLETS)[None, :]
    assert np.array_equal(vectors.best_other, np.where(other, cosines, 0.0).max(axis=1))
    # The bound drops pairs the dossier never reads, but the best match is taken over all.
    assert (vectors.best_other < 0.3).any() and (vectors.best_other > 0).all()
    assert vectors.similarity(0, 1) == cosines[0, 1] and vectors.similarity(0, 6) == 0.0


def test_no_sentences():
    vectors = SentenceVectors([], groups=[], keep_above=0.3)
    assert len(vectors) == 0 and vectors.best_other.shape == (0,)
