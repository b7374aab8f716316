"""Words in scripts that print no spaces between them: Chinese and Japanese (Han, kana), and Thai.

Every stage counts or compares words, and ``str.split`` finds none in these
scripts: a Japanese paragraph is one "word", too short to be prose, a quote or
a fact, and a clause that one changed character makes another "word". Here is
how long their text is in words, and the units it is compared by. Shared by
extract, annotate, link and dossier, so that they count alike.
"""

from __future__ import annotations

import re

# Han, hiragana and katakana (with the half-width katakana of older pages).
HAN_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
# The characters that carry content: Han and katakana (names, loan words). Hiragana alone
# writes endings and particles ("は", "した", "ている").
_CONTENT = "\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
# A run of such characters counts as its length over the script's average word length in
# characters, rounded up: kanji compounds and kana particles average about two, Thai words about five.
UNSPACED_SCRIPTS = (
    (re.compile(f"[{HAN_KANA}]+"), 2),
    (re.compile(r"[\u0e00-\u0e7f]+"), 5),
)
_UNSPACED = re.compile(f"[\u0e00-\u0e7f{HAN_KANA}]")
HAN_KANA_RUN = re.compile(f"[{HAN_KANA}]+")
_CONTENT_CHAR = re.compile(f"[{_CONTENT}]")


def has_unspaced(text: str) -> bool:
    """Whether the text holds any character of a script written without spaces."""
    return not text.isascii() and _UNSPACED.search(text) is not None


def word_count(text: str, tokens: list[str] | None = None) -> int:
    """Words of a text in any script: spaces part them, and where a script uses none, length does
    (``tokens``: the text split at spaces, when the caller has it). Punctuation is no word."""
    if not has_unspaced(text):
        return len(text.split() if tokens is None else tokens)
    unspaced = 0
    for script, chars_per_word in UNSPACED_SCRIPTS:
        unspaced += sum(-(-len(run) // chars_per_word) for run in script.findall(text))
        text = script.sub(" ", text)
    return sum(1 for token in text.split() if any(c.isalnum() for c in token)) + unspaced


def character_pairs(text: str) -> list[str]:
    """The pairs of neighbouring Chinese or Japanese characters of the text that hold a Han character or
    katakana: what two wordings of one news share, as search engines index these languages."""
    return [pair for run in HAN_KANA_RUN.findall(text) for pair in map("".join, zip(run, run[1:]))
            if _CONTENT_CHAR.search(pair)]
