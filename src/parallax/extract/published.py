"""The publication date a scraped page states at the head of its article (``find_published``).

Read once the line classifier (``plaintext.py``) has labelled the page's lines:
the date is taken from the article's own stamp (its meta lines, a crawler's
stamp, the head lines), never from chrome (copyright years, related links).
"""

from __future__ import annotations

import re

from ..model import LineLabel
from datetime import datetime

from .dates import FoundDate, find_dates, find_month_days, infer_day_first, latest_year, served_ago
from .lines import LineInfo, in_menu

# --- thresholds -------------------------------------------------------------
# How far into the body a meta line (a date, a byline) is still the article's own stamp.
META_LINES_INTO_BODY = 8
# A date printed in pieces, a line each, has pieces this short; without a headline they are
# looked for this many lines above the body.
MAX_DATE_PIECE_WORDS = 2
DATE_PIECES_ABOVE_BODY = 6
_UPDATED = re.compile(r"\s*(?:last\s+)?(?:updated|modified|edited)\b", re.I)
_UPDATED_BEFORE = re.compile(r"(?:updated|modified|edited)\W*(?:on|at)?\W*(?:[A-Za-z]{3,9}\W+)?$", re.I)


def find_published(
    infos: list[LineInfo], labels: dict[int, LineLabel], block_start: int, block_end: int, stamp: str | None,
    served: datetime | None = None,
) -> FoundDate | None:
    """The publication date stated at the head of the article, whose main block of prose
    runs from line ``block_start`` to ``block_end``.

    In order of trust: a crawler's date stamp, a meta line above the body or
    among its first lines, then any other head line (a page title ending in
    "| 16.06.2021"), then a date line right under the body. Other dates below
    the body (related links, footers) and in chrome lines (copyright years)
    are other articles' or the site's. Last, a stamp that counts back from when
    the page was served ("Published 22 hours ago"), when that time is known.
    """
    if stamp:
        found = find_dates(stamp)
        if found:
            return found[0]
    day_first = infer_day_first([i.text for i in infos if labels[i.index] in ("meta", "body", "title")])
    # The body's first line, not the block's: a caption set between headline and body is in the block.
    start = next((i for i in range(block_start, block_end + 1) if labels[i] == "body"), block_start)
    head = infos[: start + 3]
    # A byline-and-date line the page prints twice (above and below a photo) is a meta line too.
    # The body's first lines may be a standfirst and a newsletter's box, with the stamp under them.
    meta = [i for i in infos[: start + META_LINES_INTO_BODY]
            if labels[i.index] == "meta" or (i.looks_meta and i.repeated and not i.is_chrome_once)]
    # The article's own stand between its headline and its body; a masthead's "today" and the
    # dates of teasers stand above the headline, so of those the nearest to the article first.
    title = next((i.index for i in head if labels[i.index] == "title"), None)
    if title is not None:
        meta = [i for i in meta if i.index > title] + sorted((i for i in meta if i.index < title), key=lambda i: -i.index)
    # "Updated …" dates the last edit; "Published …" beside it is the date wanted.
    meta.sort(key=lambda i: bool(_UPDATED.match(i.text)))
    in_meta = {i.index for i in meta}
    ranked = meta + [
        i for i in head
        if i.index not in in_meta and i.index < start and not i.is_chrome_once and not in_menu(i, infos, title)
        and labels[i.index] != "caption"  # a photo's date is the day it was taken
    ]
    # Some pages print the date under the article instead: a line of nothing but
    # a date right below its last paragraph. A related link's date has its
    # headline above it; a list of dated items goes on dated below it.
    below = infos[block_end + 1: block_end + 3]
    if below and below[0].is_meta and not (len(below) > 1 and (below[1].has_time or find_dates(below[1].text))):
        ranked.append(below[0])
    for info in ranked:
        dates = find_dates(info.text, day_first=day_first)
        if dates:
            return _published_of(info.text, dates)
    stand = infos[title + 1: start] if title is not None and title < start else infos[max(0, start - DATE_PIECES_ABOVE_BODY): start]
    if (pieced := _date_in_pieces(stand, day_first)) is not None:
        return pieced
    # A stamp without its year ("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM") dates an
    # article of the year the page was served in, which its copyright notice gives ("© 2019 …").
    year = latest_year([i.text for i in infos if i.copyright])
    for info in meta if year else ():
        dates = find_month_days(info.text, year)
        if dates:
            return _published_of(info.text, dates)
    for info in ranked if served is not None else ():
        if (found := served_ago(info.text, served)) is not None:
            return found
    return None


def _date_in_pieces(lines: list[LineInfo], day_first: bool | None) -> FoundDate | None:
    """A date a page's theme prints an element a line, between the headline and the body:
    "November 20" / "15:23" / "2019", or "20" / "NOV" / "2019". Two or three pieces in a row,
    the time left out."""
    pieces = [i for i in lines if i.words <= MAX_DATE_PIECE_WORDS and not (i.has_time and not i.has_date)]
    for at, first in enumerate(pieces):
        for n in (2, 3):
            run = pieces[at: at + n]
            if len(run) < n or run[-1].index - first.index > n + 1:  # one other line (the time) may stand between
                break
            found = find_dates(" ".join(i.text.strip() for i in run), day_first=day_first)
            if found:
                return found[0]
    return None


def _published_of(text: str, dates: list[FoundDate]) -> FoundDate:
    """Of the dates of one line, the first that no "Updated" stands before ("Updated …; Posted …")."""
    return next((d for d in dates if not _UPDATED_BEFORE.search(text[max(0, d.start - 25): d.start])), dates[0])
