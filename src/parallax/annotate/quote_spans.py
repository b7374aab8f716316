"""Where a text quotes: the spans between quotation marks, by the typography news uses.

Curly, straight and guillemet double marks, corner brackets; single marks where a text prints no
double ones (British tabloids); a quote left open runs to the end of its
paragraph. Text alone, no parse.
"""

from __future__ import annotations

from dataclasses import dataclass

# (With the corner brackets Japanese and Chinese quote with: 「…」, 『…』 within.)
_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", "「": "」", "『": "』"}


@dataclass(slots=True)
class QuoteSpan:
    start: int
    end: int  # exclusive, in characters of the document text
    paragraph: int
    closed: bool


def find_quote_spans(text: str, paragraph_starts: list[int]) -> list[QuoteSpan]:
    """Spans of quoted text (inside the marks) in a body whose paragraphs start at the given offsets."""
    spans: list[QuoteSpan] = []
    bounds = paragraph_starts + [len(text) + 2]
    # Straight single marks quote only in a text that quotes with no double marks (British
    # tabloids: 'But briefly, …,' Chauvin said). A text that has double ones keeps single
    # ones for quotes within quotes and for titles ('All Bets Are Off').
    singles = not any(mark in text for mark in '"“”«»„「')
    for number, (start, nxt) in enumerate(zip(bounds, bounds[1:])):
        end = min(nxt - 2, len(text)) if nxt <= len(text) else len(text)
        spans.extend(_spans_in_paragraph(text, start, end, number, singles))
    return spans


def _spans_in_paragraph(text: str, start: int, end: int, number: int, singles: bool) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    i = start
    while i < end:
        ch = text[i]
        close = _OPEN_CLOSE.get(ch)
        if close is None and ch == '"':
            close = '"'
        if close is None and ch == "‘" and (i == start or not text[i - 1].isalnum()):
            close = "’"
        if close is None and ch == "”" and (i == start or text[i - 1].isspace()) and i + 1 < end and text[i + 1].isalnum():
            close = "”"  # a closing mark typed to open ('”Fear. I am …”'): it opens, it does not close
        if close is None and singles and ch == "'" and _opens_straight_single(text, i, start, end):
            j = _straight_single_close(text, i + 1, end)
            if j is not None:
                out.append(QuoteSpan(i + 1, j, number, closed=True))
                i = j + 1
                continue
        if close is None:
            i += 1
            continue
        j = _find_close(text, i + 1, end, close)
        if j is not None and close == '"':
            # Straight to open, curly to close, and the next quote straight again ('"And I asked,
            # well, on whose authority?” said Hill. "And he said …"'): the curly mark after the
            # quotation's own punctuation closes it, unless a curly quotation opened inside it.
            curly = _find_close(text, i + 1, j, "”")
            if curly is not None and text[curly - 1] in ".,!?…" and "“" not in text[i + 1: curly]:
                j = curly
        if j is None and close in "”“":
            # Curly to open, straight to close ('“Immunity deals …," Chaffetz said'):
            # text pasted from two sources. Without this the quote would run on
            # over its own attribution to the end of the paragraph.
            j = _find_close(text, i + 1, end, '"')
        elif j is None and close == '"':
            # And the other way round ('"Oz has …,” said Gorski'), unless the curly close ends a
            # quotation opened inside this one ('"PENCE: … an episode of “Shark Tank.” But …').
            j = _find_close(text, i + 1, end, "”")
            if j is not None and "“" in text[i + 1: j]:
                j = None
        if j is None:
            if ch in "“\"«":
                out.append(QuoteSpan(i + 1, end, number, closed=False))
            break
        out.append(QuoteSpan(i + 1, j, number, closed=True))
        i = j + 1
    return out


def _opens_straight_single(text: str, i: int, start: int, end: int) -> bool:
    """A straight single mark before a word, at the paragraph's start or after a space:
    the quotation mark of British tabloids ('But briefly, I do want …,' Chauvin said),
    or an apostrophe ("the '90s", "rock 'n' roll"), which ``_straight_single_close`` tells apart."""
    return (i == start or text[i - 1].isspace() or text[i - 1] in "(:[") and i + 1 < end and text[i + 1].isalnum()


def _straight_single_close(text: str, i: int, end: int) -> int | None:
    """The mark closing a straight single quotation opened before ``i``, or None for an apostrophe.

    Closing: a mark after the quotation's own punctuation ("…,'" "…'."), or
    before a space, unless it is a plural's possessive ("the players' union").
    A mark that opens another word on the way ("the '90s … 'I loved it,'")
    means the first was an apostrophe; so does a paragraph's end with no
    close: a straight single mark never runs open, as a double one may.
    """
    while i < end:
        if text[i] == "'":
            before, after = text[i - 1], text[i + 1] if i + 1 < end else "\n"
            if after.isalnum():
                if before.isspace():
                    return None  # another opening: the first mark was an apostrophe
            elif before in ".,!?…" or (not after.isalpha() and not before.isspace()
                                       and not (before == "s" and after == " " and text[i + 2: i + 3].islower())):
                return i
        i += 1
    return None


def _find_close(text: str, i: int, end: int, close: str) -> int | None:
    while i < end:
        if text[i] == close:
            # A closing single mark followed by a letter is an apostrophe ("Syria’s").
            if close == "’" and i + 1 < end and text[i + 1].isalpha():
                i += 1
                continue
            return i
        i += 1
    return None
