"""Hard-wrapped text made into lines again: a paragraph a line.

Text-mode browsers and converters (``lynx -dump``, ``w3m -dump``, html2text,
``fmt``) break every paragraph into lines of at most a fixed width, usually
72–80 columns. The line classifier reads a line as a unit, so a wrapped
paragraph comes to it as a run of short lines whose last one is a fragment,
and a fragment reads as chrome: on ScrapingHub's pages wrapped at 78 columns
body recall fell from 0.915 to 0.82.

How wrapping works gives the way back. A wrapper breaks a line where the next
word does not fit, so a line was broken by the wrapper exactly when it and the
next line's first word would overrun the width; a paragraph's last line ends
with room to spare. The width itself shows in the text: many lines end within
a few columns of it and none (few: an unbreakable address) run past it.
Written by hand: the unwrapping libraries (``textwrap`` has none; ``unwrap``
tools for e-mail) assume plain prose and a known width.
"""

from __future__ import annotations

import bisect
import re

from ..scripts import HAN_KANA, word_count

# A wrapper's width is at most this; a text whose long lines are longer was not wrapped.
MAX_WRAP_WIDTH = 200
# A line broken by the wrapper ends within this many columns of the width (the next word did not fit).
FULL_BAND = 12
# Lines of a few words, enough of them, that end in that band: a text with fewer was not wrapped.
MIN_WORDS = 4
MIN_FULL_LINES = 6
MIN_FULL_SHARE = 0.3
# Lines past the width a wrapped text may still hold (an address, a word no wrapper breaks).
MAX_OVER_SHARE = 0.05
# A list item starts its own line, whatever the line above.
ITEM_MARK = re.compile(r"^\s*(?:[*+•·o-]|\d{1,3}[.)])\s")
# Chinese and Japanese (Han, kana, their punctuation, full-width forms): a wrapper breaks their text
# between any two characters, no space needed, and it is joined again without one. (Lynx counts each
# character as one column, as this module does. Korean spaces its words, and is wrapped at them.)
_UNSPACED = re.compile(f"[{HAN_KANA}\u3000-\u303f\uff00-\uff60]")


def wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` were wrapped at, or None when they do not read as wrapped."""
    lengths = sorted(len(line.rstrip()) for line in lines if word_count(line) >= MIN_WORDS)
    if len(lengths) < MIN_FULL_LINES:
        return None
    needed = max(MIN_FULL_LINES, MIN_FULL_SHARE * len(lengths))
    # The widest lines but a few: the width is the longest line that enough others come close to.
    for width in sorted(set(lengths[-1 - int(MAX_OVER_SHARE * len(lengths)):]), reverse=True):
        if width > MAX_WRAP_WIDTH:
            continue
        full = bisect.bisect_right(lengths, width) - bisect.bisect_right(lengths, width - FULL_BAND)
        if full >= needed:
            return width
    return None


def unwrap(lines: list[str]) -> list[str]:
    """``lines`` with each paragraph a wrapper broke joined again; unchanged when they were not wrapped.

    Blank lines are kept: they part paragraphs, and the caller reads them.
    """
    width = wrap_width(lines)
    if width is None:
        return lines
    # Each paragraph as its pieces, joined once at the end: joining line by line copied the
    # paragraph so far at every line, quadratic in its length (a scraped text of 100,000
    # wrapped lines took 14 s here).
    paragraphs: list[list[str]] = []
    before = ""  # the line above, as the wrapper wrote it
    for line in lines:
        text = line.strip()
        if text and before.strip() and not ITEM_MARK.match(line) and _was_broken(before, text, width):
            _join(paragraphs[-1], text)
        else:
            paragraphs.append([line])
        before = line
    return ["".join(pieces) for pieces in paragraphs]


def _was_broken(before: str, text: str, width: int) -> bool:
    """Whether the wrapper broke the line ``before`` because ``text``'s first word did not fit on it
    (after a space; a word broken at its hyphen goes on without one). A line of words only: an
    address or a rule of dashes is no paragraph."""
    before = before.rstrip()
    if _unspaced_line(before):
        return len(before) + 2 > width  # Chinese or Japanese, broken between any two characters (a wide one may not fit)
    if " " not in before.strip():
        return False
    space = 0 if before.endswith("-") else 1
    return len(before) + space + len(text.split()[0]) > width


def _unspaced_line(line: str) -> bool:
    """A line of Chinese or Japanese text: such characters in it, and no space between its words."""
    return " " not in line.strip() and not line.isascii() and _UNSPACED.search(line) is not None


def _join(pieces: list[str], after: str) -> None:
    """Add a broken line's rest to its paragraph's pieces: after one space, or after the hyphen
    the wrapper broke a word at ("well-" / "known", "al-" / "Assad"), or after a line of Chinese or
    Japanese, which a wrapper breaks anywhere."""
    last = pieces[-1]
    pieces[-1] = last.rstrip()
    pieces.append(after if (last.endswith("-") and last[-2:-1].isalpha()) or _unspaced_line(last) else " " + after)
