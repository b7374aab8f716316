"""Whether two outlets' names are one name spelt two ways ("Mahmoud"/"Mahmud", "Morsi"/"Mursi")."""

from __future__ import annotations

from rapidfuzz import fuzz

# Two names word for word this alike (rapidfuzz ratio, 0-100) are one name, not two people
# ("Joe" and "Jill" score 29).
SAME_NAME_RATIO = 80


def spelt_alike(a: str, b: str) -> bool:
    """Same number of words, each pair alike ("Mahmoud Baraka", "Mahmud Baraka")."""
    x, y = a.lower().split(), b.lower().split()
    return len(x) == len(y) and all(fuzz.ratio(p, q) >= SAME_NAME_RATIO for p, q in zip(x, y))
