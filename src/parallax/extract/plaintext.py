"""The article inside a scraped plain-text page: a line classifier of our own.

No library does this: jusText and trafilatura expect HTML and, given lines
wrapped as paragraphs, keep banners and link lists (see the corpus README's
reference figures). A news page is built the same way on every site: chrome,
headline, dateline/byline, the article's paragraphs (crossheads and captions
among them), then related links and footers. ``extract_plaintext`` reads that
structure as a list of steps:

1. read the signs of each line (``lines.read_lines``);
2. find the article's main block of prose (``find_body_block``), under the
   headline the page's URL spells when it prints one;
3. find the headline above it (``headline.find_title``);
4. label every line (title, meta, body, caption, boilerplate);
5. join lines a scrape broke mid-sentence into paragraphs;
6. read the publication date from the head of the article, never from chrome
   (``published.find_published``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime

from ..errors import E_NO_ARTICLE, PageRejected
from ..model import Line, LineLabel
from .dates import FoundDate
from .boxes import mark_teaser_boxes
from .headline import (
    MAX_ANCHOR_DISTANCE, MIN_UNSUPPORTED_TITLE_WORDS, HeadlineReader, clean_title, find_title, is_headline_shaped,
    is_stamped,
)
from .lines import (
    MAX_CAPTION_WORDS, MAX_PROSE_CAPITAL_SHARE, MAX_SHORT_WORDS, MIN_SENTENCE_WORDS, LineInfo, in_menu, normalise, read_lines,
)
from .published import find_published
from .slugs import spells_slug

# --- thresholds -------------------------------------------------------------
# A verbless line under the headline, right above the body, is a photo's caption when this share of its words are names.
MIN_CAPTION_PROPER_SHARE = 0.5
# A photo's credit alone on its line ("Photo: Getty Images") has at most this many words.
MAX_CREDIT_WORDS = 8
# ... and a screen reader's label opening a photo ("Image copyright Getty Images"), which credits the photo under it.
_PHOTO_LABEL = re.compile(r"^\s*(?:image|media|photo|video)\s+(?:caption|copyright|source|credit)\b", re.I)
# A sentence ending inside a line: two sentences are a standfirst, not a headline.
_INNER_SENTENCE_END = re.compile(r"[a-z]{2}[.!?][”’\"']?\s+[A-Z“‘\"]")
# A writer's biography: a name, then "is a/an … reporter/correspondent/…" (``without_author_box``).
_BIOGRAPHY = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s+){1,3}is\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|critic|photographer)s?\b"
)
# Non-prose lines allowed between two prose lines of one block (a crosshead, a
# caption and a time stamp can stand together inside an article).
MAX_GAP_LINES = 2
# Consecutive list items that may stand inside an article without breaking it.
MAX_LIST_LINES = 25
# Items in a row that make a list the article ends in.
MIN_LIST_RUN = 3
# A numbered list's next item stands this many lines below the last at most (a link, a price between).
MAX_NUMBERED_ITEM_GAP = 3
# A later block joins the article when it is this close and holds this much prose.
MAX_JOIN_GAP_LINES = 3
MIN_JOIN_BLOCK_WORDS = 40
# ... or across a box of at most this many short lines, when this many paragraphs
# in a row (this share of the block's lines, this many words) resume under it.
MAX_BOX_LINES = 6
MIN_BOX_RESUME_LINES = 2
MIN_BOX_RESUME_WORDS = 2 * MIN_JOIN_BLOCK_WORDS
DENSE_SHARE = 0.75
ANCHORED_SHARE = 0.5
# The opening photo's caption stands this many lines above the dateline at most (a score line may come between).
DATELINE_REACH = 2
# How far above a block a headline signed by its date or byline may stand to name it the article.
MAX_SIGNED_DISTANCE = 12
# A crawler stamp at the very top (" date 2018-07-16 Headline ..."): metadata.
_CRAWL_STAMP = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+")
# The line that opens a comment thread: a count of comments, or an invitation to write one.
_COMMENTS_HEADER = re.compile(
    r"^\W*(?:\d[\d,.]*k?\s+)?(?:comments|replies|responses)\W*(?:\(\s*\d*\s*\+?\s*\))?\W*$"
    r"|^\W*\d[\d,.]*k?\s+comment\W*$"
    r"|^\W*(?:top rated|show|view|read|load|see|add|post|leave|join)\b.{0,25}\b(?:comments?|reply|discussion|conversation)\b\W*$",
    re.I,
)
# An item of a numbered list: "1) Lego Star Wars 75188", "2. Polistil 960574 Pista Elettrica".
_NUMBERED_ITEM = re.compile(r"^\s*(\d{1,3})[.)]\s+\S")
# A day named as news names the day something happened ("on Monday", "yesterday").
_DAY_NAMED = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\byesterday\b")
# One sentence ending and the next starting ("U.S. President" ends none); quotation marks.
_NEXT_SENTENCE = re.compile(r"[a-z)][.!?][\"”’']?\s+[A-Z“\"]")
_QUOTATION = re.compile(r"[\"“”«»]")


@dataclass(frozen=True, slots=True, kw_only=True)
class PlainTextResult:
    """What the line classifier found on one page."""

    title: str | None
    body: list[str]
    lines: list[Line]
    published: FoundDate | None
    byline: str | None
    footer_lines: list[str]


@dataclass(slots=True)
class _Block:
    start: int
    end: int  # inclusive
    words: int
    prose_lines: int


def extract_plaintext(
    text: str,
    *,
    read_headline: HeadlineReader | None = None,
    known_chrome: frozenset[str] = frozenset(),
    slug: frozenset[str] = frozenset(),
    headline: str | None = None,
    served: datetime | None = None,
) -> PlainTextResult:
    """Classify the lines of a scraped page and return the article they hold.

    Args:
        text: the page text, chrome and all.
        read_headline: tells a headline from a verbless photo caption; without
            it every headline-shaped line near the body may be the title.
        known_chrome: normalised lines the outlet prints around every article.
        slug: the headline words of the page's URL (``slugs.slug_words``).
        headline: a line the page's own markup names its headline (a Markdown page's one
            top-level heading): it stands over the article as the line the slug spells does.
        served: when the page was fetched, against which "Published 22 hours ago" is read.

    Raises:
        PageRejected: when no block of prose is found.
    """
    stamp = _CRAWL_STAMP.match(text)
    if stamp:
        text = text[stamp.end():]
    infos = read_lines(text, known_chrome)
    mark_teaser_boxes(infos)
    named = normalise(headline) if headline else None
    anchors = [i.index for i in infos if (slug or named) and is_headline_shaped(i, allow_repeat=True, named=True)
               and (i.key == named or spells_slug(i.text, slug))]
    block = find_body_block(infos, anchors)
    if block is None:
        raise PageRejected(E_NO_ARTICLE)
    block = under_own_headline(infos, block, anchors)
    title_index = find_title(infos, block.start, read_headline=read_headline, anchors=anchors)
    block = without_author_box(infos, extend_block(infos, block, title_index))
    labels = label_lines(infos, block, title_index, read_headline=read_headline)
    body = join_paragraphs([i for i in infos if labels[i.index] == "body"])
    if not body:
        raise PageRejected(E_NO_ARTICLE)
    published = find_published(infos, labels, block.start, block.end, stamp.group(1) if stamp else None, served)
    byline = next(
        (i.text for i in infos if labels[i.index] == "meta" and re.match(r"(?i)by\s", i.text)), None
    )
    # A page's notice stands below its article; some layouts print the footer's column beside
    # it, which a scraper's text puts above the article: read there when none is below, a
    # full notice only ("© 2019 Acme. All rights reserved."): above an article, "© Jane Doe"
    # credits a photo.
    footer = ([i.text for i in infos[block.end + 1:] if i.copyright]
              or [i.text for i in infos[:block.start] if i.copyright and _FULL_NOTICE.search(i.text)])
    return PlainTextResult(
        title=clean_title(infos[title_index].text) if title_index is not None else None,
        body=body,
        lines=[Line(text=i.text, label=labels[i.index]) for i in infos],
        published=published,
        byline=byline,
        footer_lines=footer,
    )


_FULL_NOTICE = re.compile(r"rights\s+reserved|(?:©|\(c\)|copyright)\W{0,3}(?:19|20)\d\d\b", re.I)


def find_body_block(infos: list[LineInfo], anchors: list[int] = ()) -> _Block | None:
    """The article's main block: prose lines with small gaps, the largest by words.

    When the page prints the headline its URL spells (``anchors``), the first
    block under it: a whole page holds longer prose than the article (comment
    threads, teasers of other stories, an "about us" box). Without a URL, a
    headline signed by its date or byline stands over the article in the same
    way. Blocks close to it join when they hold enough prose: articles are split
    by an ad or a "read also" box, while what follows an article's end is mostly
    short link lines.
    """
    blocks: list[_Block] = []
    current: _Block | None = None
    gap = 0
    list_run = 0
    for info in infos:
        if current is not None and is_list_item(info) and not info.is_prose and list_run < MAX_LIST_LINES:
            list_run += 1  # a list inside the article (winners, line-ups): neither prose nor a gap
            continue
        list_run = 0
        if info.is_prose and not info.is_chrome:
            if current is not None and gap <= MAX_GAP_LINES:
                current.end = info.index
                current.words += info.words
                current.prose_lines += 1
            else:
                current = _Block(info.index, info.index, info.words, 1)
                blocks.append(current)
            gap = 0
        else:
            # Chrome inside an article (a share bar) breaks a block only when it runs on;
            # a photo's caption, credit and buttons, an embedded post and a link to another
            # article set between its paragraphs ("Read more: …") stand inside articles and
            # break nothing (a label alone, "More:", may head the list below an article).
            inside = info.is_caption or info.embedded or info.photo_button or (info.link_label and info.words > 1)
            gap += 0 if inside else 2 if info.is_chrome else 1
    if not blocks:
        return None
    under = [b for b in blocks if any(a <= b.end and b.start - a <= MAX_ANCHOR_DISTANCE for a in anchors)]
    if under:
        # The article starts under its headline: the first block there, unless a
        # later one dwarfs it (the first was a dek or a gallery's captions).
        largest = max(b.words for b in under)
        main = next(b for b in under if b.words >= ANCHORED_SHARE * largest)
    reach = _reaches(infos, blocks, anchors)
    if not under or main.words < MIN_JOIN_BLOCK_WORDS:  # short: a teaser under a tag line sharing the slug's words
        # The largest article, not the largest piece of one: an article a "Trending" box
        # cuts in two is still longer than the teasers of a video rail.
        prefix = list(itertools.accumulate((b.words for b in blocks), initial=0))
        grown = [prefix[reach[1][at] + 1] - prefix[reach[0][at]] for at in range(len(blocks))]
        allowed = _before_comments(infos, blocks)
        at = max(allowed, key=grown.__getitem__)
        if not anchors:
            # Without a URL, a headline with its date or byline under it names the article as
            # the URL would: the largest block under one is the article, unless a block with
            # no headline of its own (a comment thread, an author's box) dwarfs it.
            signed = _signed_headlines(infos)
            under_signed = [k for k in allowed if any(0 < blocks[k].start - h <= MAX_SIGNED_DISTANCE for h in signed)]
            if under_signed:
                best = max(under_signed, key=grown.__getitem__)
                if grown[best] >= ANCHORED_SHARE * grown[at]:
                    at = best
        first, last = reach[0][at], reach[1][at]
        # ... grown from its largest block: a short block before it (a dek, a teaser) reaches
        # the article, but the article does not reach back to it.
        main = max(blocks[first: last + 1], key=lambda b: b.words)
    at = blocks.index(main)
    joined = blocks[reach[0][at]: reach[1][at] + 1]
    return _Block(joined[0].start, joined[-1].end, sum(b.words for b in joined), sum(b.prose_lines for b in joined))


def without_author_box(infos: list[LineInfo], block: _Block) -> _Block:
    """The block without the writer's biography it ends with ("Jane Doe is a correspondent for the
    paper covering Russia …"), and the box's label above it ("About the author"): a box under the
    article, close enough to run on as its last paragraph. Only at the end: a paragraph in the
    article may well say that someone is a reporter."""
    end = block.end
    while end > block.start and not (infos[end].is_prose and not infos[end].is_chrome):
        end -= 1
    if end <= block.start or not _BIOGRAPHY.match(infos[end].text):
        return block
    last = end - 1
    while last > block.start and not (infos[last].is_prose and not infos[last].is_chrome):
        last -= 1  # the box's label and the writer's name or picture credit between
    return _Block(block.start, last, block.words - infos[end].words, block.prose_lines - 1)


def under_own_headline(infos: list[LineInfo], block: _Block, anchors: list[int] = ()) -> _Block:
    """The block from under the headline signed by its date or byline that it holds near its start, when
    only a little prose stands above that headline: a banner's sentence ("Are you in Russia and need
    consular assistance?") two lines above the article's headline runs into its block, the headline and
    its date being too few lines to part them. So under a headline the page names otherwise: its URL
    spells it, or a breadcrumb ends with it. And when the block opens with its headline, one long
    enough to read as prose ("‘He died in my hands’: 3 pro-Morales demonstrators killed in …")."""
    words = 0
    for info in infos[block.start: block.end + 1]:
        # A headline long enough to read as prose opens the block it stands over, when its date stamps it.
        opening = (info.index == block.start and is_headline_shaped(info) and not _INNER_SENTENCE_END.search(info.text)
                   and is_stamped(info, infos))
        if info.is_prose and not info.is_chrome and not opening:
            words += info.words
            if words >= MIN_JOIN_BLOCK_WORDS:
                break
        elif opening or (words and (_is_signed_headline(info, infos) or _is_named_headline(info, infos, anchors))):
            start = next((o.index for o in infos[info.index + 1: block.end + 1] if o.is_prose and not o.is_chrome), None)
            if start is None:
                break
            prose = [o for o in infos[block.start: start] if o.is_prose and not o.is_chrome]
            return _Block(start, block.end, block.words - sum(o.words for o in prose), block.prose_lines - len(prose))
    return block


def _is_named_headline(info: LineInfo, infos: list[LineInfo], anchors: list[int]) -> bool:
    """A headline its URL spells, or that the breadcrumb right above it ends with ("Home News <headline>")."""
    if info.is_prose or info.words < MIN_UNSUPPORTED_TITLE_WORDS:
        return False
    named = info.index in anchors
    if not named:
        above = infos[info.index - 1] if info.index else None
        named = above is not None and len(above.key) > len(info.key) and above.key.endswith(" " + info.key)
    return named and is_headline_shaped(info, allow_repeat=True, named=info.index in anchors)


def _is_signed_headline(info: LineInfo, infos: list[LineInfo]) -> bool:
    return (not info.is_prose and info.words >= MIN_UNSUPPORTED_TITLE_WORDS and is_headline_shaped(info)
            and is_stamped(info, infos))


def _signed_headlines(infos: list[LineInfo]) -> list[int]:
    """Lines shaped like a headline with a date, a time or a byline right under them (chrome between aside)."""
    return [info.index for info in infos if _is_signed_headline(info, infos)]


def _before_comments(infos: list[LineInfo], blocks: list[_Block]) -> range:
    """The blocks that may hold the article: those above the page's comment thread, when one
    follows an article-sized block ("24 comments", "Leave a Reply", "Join the Conversation").

    Readers' comments stand under the article, and one of them may run longer than it;
    without a URL naming the article's headline, nothing else tells them apart.
    """
    words = 0
    for at, block in enumerate(blocks):
        if words >= MIN_JOIN_BLOCK_WORDS and any(
                _COMMENTS_HEADER.match(i.text) for i in infos[blocks[at - 1].end + 1: block.start]):
            return range(at)
        words += block.words
    return range(len(blocks))


def _reaches(infos: list[LineInfo], blocks: list[_Block], anchors: list[int]) -> tuple[list[int], list[int]]:
    """For each block, the first and the last block its article spans: the blocks around it
    that join it one after the other (``_joins``), never above the article's own headline.

    Whether a block joins depends on that block and the lines between it and its
    neighbour only, so each link is read once and every block's reach follows
    in one pass each way (a page of thousands of blocks stays linear).
    """
    n = len(blocks)
    between = [infos[blocks[k].end + 1: blocks[k + 1].start] for k in range(n - 1)]
    joins_next = [_joins(between[k], blocks[k + 1]) for k in range(n - 1)]
    joins_previous = [not any(i.index in anchors for i in between[k]) and _joins(between[k], blocks[k]) for k in range(n - 1)]
    first, last = list(range(n)), list(range(n))
    for k in range(1, n):
        if joins_previous[k - 1]:
            first[k] = first[k - 1]
    for k in range(n - 2, -1, -1):
        if joins_next[k]:
            last[k] = last[k + 1]
    return first, last


def _joins(between: list[LineInfo], other: _Block) -> bool:
    """Whether a block beside the article is more of it: close, with enough prose, or past a box set into it."""
    if other.words < MIN_JOIN_BLOCK_WORDS:
        return False
    if len(between) <= MAX_JOIN_GAP_LINES and sum(1 for i in between if i.is_chrome) <= 1:
        return True
    return _is_box_inside(between, other)


def _is_box_inside(between: list[LineInfo], other: _Block) -> bool:
    """Whether short lines between the article and another block are a box set into it ("Trending", "Read also").

    On the box's other side the article goes on as paragraphs in a row; around an
    article stand teasers or comments, each paragraph under its own headline or
    user name, and newsletter boxes of a few short sentences.
    """
    # A box already marked as teasers (``boxes``) counts as one line however many it holds.
    if sum(not i.teaser for i in between) + any(i.teaser for i in between) > MAX_BOX_LINES or any((i.is_prose and not i.is_chrome) or i.copyright or i.is_meta for i in between):
        return False  # a dateline or a byline heads an article, not a box
    # A box of furniture only (an advert's label, a newsletter's sign-up, a gallery) heads nothing: a shorter
    # stretch of paragraphs resumes the article under it. Teasers and comments have headlines or names.
    if other.words < (MIN_JOIN_BLOCK_WORDS if all(i.is_chrome or i.is_caption for i in between) else MIN_BOX_RESUME_WORDS):
        return False
    return other.prose_lines >= MIN_BOX_RESUME_LINES and other.prose_lines >= DENSE_SHARE * (other.end - other.start + 1)


# The bullets a text browser prints before a list's items.
_BULLETS = ("* ", "+ ", "• ", "- ")


def is_list_item(info: LineInfo) -> bool:
    """An item of a list printed in an article: "Actor: Gary Oldman", "Emma Stone – best actress".

    Related-links lists are headlines: no list punctuation, no full stop.
    """
    if info.is_chrome or info.is_meta or info.is_caption or info.words > MAX_SHORT_WORDS * 2:
        return False
    if _is_bulleted_headline(info):
        return False
    text = info.text
    if text.startswith(_BULLETS) and " - " in text:
        return True  # a text browser's bullet, a hyphen for the dash: "* § 68 SGB V - elektronische Gesundheitsakte"
    return info.ends_sentence or ":" in text[1:] or " – " in text or " — " in text or ";" in text


def _is_bulleted_headline(info: LineInfo) -> bool:
    """A bullet before a line that is no sentence: an item of a related-links box."""
    return info.text.startswith(("•", "·", "»", "›")) and not info.ends_sentence


def _numbered(info: LineInfo) -> int | None:
    found = _NUMBERED_ITEM.match(info.text)
    return int(found.group(1)) if found else None


def _numbered_list_end(infos: list[LineInfo], end: int) -> int:
    """The last line of a numbered list that starts right below ``end``, or ``end``.

    A list introduced by a lead-in (a shopping list, a top ten) is numbered
    1, 2, 3, ... whatever its items look like; a menu or a box of links is
    not. Lines between two items (a link, a price) are the item's own.
    """
    expected = 1
    while True:
        following = infos[end + 1: end + 1 + MAX_NUMBERED_ITEM_GAP]
        item = next((o for o in following if _numbered(o) == expected), None)
        if item is None or any(o.is_prose and not o.is_chrome for o in following if o.index < item.index):
            return end
        end, expected = item.index, expected + 1


def _in_list(infos: list[LineInfo], end: int) -> bool:
    """Whether the lines up to ``end`` are a list of "label: value" items, a few of them at least."""
    run = infos[max(0, end - MIN_LIST_RUN + 1): end + 1]
    return len(run) == MIN_LIST_RUN and all(is_list_item(i) and ":" in i.text[1:] for i in run)


def extend_block(infos: list[LineInfo], block: _Block, title_index: int | None) -> _Block:
    """Grow the main block over what belongs to the article around it.

    Backwards: prose between the headline and the main block is the article's
    start (split off by a photo or a fact box); without a headline, a close,
    substantial block of prose above joins as later blocks do. Forwards: a
    crawl that cut the page mid-paragraph leaves a fragment as the last line.
    """
    start = block.start
    floor = title_index + 1 if title_index is not None else 0
    i = start - 1
    run_words, gap = 0, 0
    while i >= floor:
        info = infos[i]
        if info.is_prose and not info.is_chrome:
            run_words += info.words
            if title_index is not None or (gap <= MAX_JOIN_GAP_LINES and run_words >= MIN_JOIN_BLOCK_WORDS):
                start, gap = i, 0
        elif info.is_chrome:
            if title_index is None:
                break
            gap += 1
        else:
            gap += 1
        if title_index is None and gap > MAX_JOIN_GAP_LINES:
            break
        i -= 1
    end = block.end
    # A post embedded at the article's end ends it: its signature stands below the last paragraph.
    while end + 1 < len(infos) and infos[end + 1].embedded:
        end += 1
    # A lead-in ending with a colon introduces a list that ends the article; a
    # block that ends inside a list (its last lines "Actor: Gary Oldman.") ends
    # where the list does.
    if infos[end].text.rstrip().endswith(":") or _in_list(infos, end):
        while end + 1 < len(infos) and is_list_item(infos[end + 1]):
            end += 1
        end = _numbered_list_end(infos, end)
    elif end + 1 < len(infos) and _introduces_list(infos[end + 1], infos) and not infos[end + 1].is_chrome:
        # A lead-in too short to read as prose ("Here are the deals worth a look:") over a numbered list.
        listed = _numbered_list_end(infos, end + 1)
        end = listed if listed > end + 1 else end
    # The page's last line cut mid-sentence, right after the block; or after a
    # crosshead below it, when the fragment is long enough not to be a link.
    last = infos[-1]
    if end < last.index and _is_cut_fragment(last, infos):
        between = infos[end + 1: -1]
        heading = len(between) == 1 and _is_crosshead(between[0]) and not between[0].is_caption
        if not between or (heading and last.words >= MIN_SENTENCE_WORDS):
            end = last.index
    return _Block(start, end, block.words, block.prose_lines)


def label_lines(
    infos: list[LineInfo], block: _Block, title_index: int | None, *, read_headline: HeadlineReader | None
) -> dict[int, LineLabel]:
    """A label for every line, from its place relative to the title and the body block."""
    labels: dict[int, LineLabel] = {}
    boxed = _boxed_lines(infos, block)
    for info in infos:
        i = info.index
        if i == title_index:
            labels[i] = "title"
        elif i < block.start:
            labels[i] = _label_head_line(info, infos, block, title_index, read_headline)
        elif i > block.end:
            labels[i] = "boilerplate"
        elif info.embedded:
            labels[i] = "body"  # a post the article quotes
        elif (info.is_chrome and _numbered(info) is None) or info.photo_button or i in boxed:
            labels[i] = "boilerplate"  # an item of a numbered list is the list's, however it is capitalised
        elif (info.is_caption or _titles_a_caption(info, infos, read_headline)
              or _describes_a_photo(info, infos, block, read_headline) or _over_its_credit(info, infos, read_headline)):
            labels[i] = "caption"
        elif info.is_meta or _is_byline_beside_meta(info, infos):
            labels[i] = "meta"
        elif info.is_prose or _is_crosshead(info) or _is_cut_fragment(info, infos) or _introduces_list(info, infos):
            labels[i] = "body"
        else:
            labels[i] = "boilerplate"
    return labels


def _boxed_lines(infos: list[LineInfo], block: _Block) -> set[int]:
    """Lines of a box set into the article: a run of short lines that are neither prose nor list items.

    A crosshead stands alone above a paragraph; three headings in a row are a
    "Trending" or "Read also" box.
    """
    boxed: set[int] = set()
    run: list[int] = []
    for info in infos[block.start: block.end + 2]:
        if info.index <= block.end and not info.is_prose and not (
                info.is_caption or info.is_meta or is_list_item(info) or _numbered(info) is not None):
            run.append(info.index)
            continue
        if len(run) >= MIN_LIST_RUN:
            boxed.update(run)
        run = []
    return boxed


def _label_head_line(
    info: LineInfo, infos: list[LineInfo], block: _Block, title_index: int | None, read_headline: HeadlineReader | None
) -> LineLabel:
    # A headline found far above the body (``headline._far_anchor``) has only furniture under it, no standfirst.
    after_title = title_index is not None and info.index > title_index and block.start - title_index <= MAX_ANCHOR_DISTANCE
    if info.is_meta and not in_menu(info, infos, title_index):
        return "meta"
    if info.is_caption:
        return "caption"
    # A verbless headline-shaped line right above the body, with no headline
    # found: the photo a page opens with (its caption).
    if (
        title_index is None and read_headline is not None and block.start - info.index == 1
        and is_headline_shaped(info) and not read_headline(info.text)[0]
    ):
        return "caption"
    if after_title and _titles_a_caption(info, infos, read_headline):
        return "caption"
    # ... and under a headline, when the line is a string of names: a standfirst is a sentence.
    if (
        after_title and read_headline is not None and block.start - info.index == 1 and is_headline_shaped(info)
        and _names_without_verb(info.text, read_headline)
    ):
        return "caption"
    if after_title and not info.is_chrome and (info.is_prose or is_headline_shaped(info)):
        return "body"  # a standfirst between headline and body
    return "boilerplate"


def _names_without_verb(text: str, read_headline: HeadlineReader) -> bool:
    """"US President Barack Obama with Russia's President Vladimir Putin": who is in the picture."""
    has_verb, proper_share = read_headline(text)[:2]
    return not has_verb and proper_share >= MIN_CAPTION_PROPER_SHARE


def _titles_a_caption(info: LineInfo, infos: list[LineInfo], read_headline: HeadlineReader | None) -> bool:
    """A verbless sentence right above a photo's caption: the photo's own title ("Judge Peter Cahill
    on the bench." over "Judge Peter Cahill presides over the sentencing …" and its credit). A
    standfirst says something, with a verb; a date line is meta, whatever stands below it."""
    nxt = infos[info.index + 1] if info.index + 1 < len(infos) else None
    if nxt is None or not nxt.is_caption or read_headline is None:
        return False
    if info.is_meta or not info.ends_sentence or info.words > MAX_CAPTION_WORDS:
        return False
    return not read_headline(info.text)[0]


def _describes_a_photo(info: LineInfo, infos: list[LineInfo], block: _Block, read_headline: HeadlineReader | None) -> bool:
    """The photo an article opens with, captioned above its dateline: one sentence that tells in the
    present tense what happened on a day it names ("Trump and Putin shake hands during a news
    conference on Monday in Helsinki" over "HELSINKI -- President Donald Trump cast doubt …").
    News tells a day's events in the past tense ("shook hands on Monday"), and its first
    paragraph is the one the dateline opens; a caption describes its picture."""
    if info.dateline or not _DAY_NAMED.search(info.text):
        return False
    below = infos[info.index + 1: min(info.index + 1 + DATELINE_REACH, block.end + 1)]
    if not any(o.dateline for o in below) or any(o.dateline for o in infos[block.start: info.index]):
        return False
    return _one_present_tense_sentence(info, read_headline)


def _over_its_credit(info: LineInfo, infos: list[LineInfo], read_headline: HeadlineReader | None) -> bool:
    """A photo's caption over its credit alone on a line ("The two leaders shake hands before their
    talks on Monday." / "Photo: Getty Images"): one sentence in the present tense, as captions
    describe their picture. A paragraph over a photo without a caption is told in the past tense,
    or runs to several sentences."""
    if info.index + 1 >= len(infos):
        return False
    credit = infos[info.index + 1]
    if not credit.is_caption or credit.words > MAX_CREDIT_WORDS or credit.ends_sentence or _PHOTO_LABEL.match(credit.text):
        return False
    return _one_present_tense_sentence(info, read_headline)


def _one_present_tense_sentence(info: LineInfo, read_headline: HeadlineReader | None) -> bool:
    """One sentence of a caption's length, in the present tense (the tagger's reading), as captions
    describe their picture; several sentences, or a quote, make a paragraph."""
    if read_headline is None or info.words > MAX_CAPTION_WORDS or not info.ends_sentence:
        return False
    text = info.text.rstrip()
    if _NEXT_SENTENCE.search(text) or _QUOTATION.search(text):
        return False
    return read_headline(text)[2]


def _is_byline_beside_meta(info: LineInfo, infos: list[LineInfo]) -> bool:
    """A name or agency alone on a line beside the date line ("Zeenews Bureau", "CAIRO")."""
    if info.words > 4 or info.ends_sentence or info.capital_share < 1.0:
        return False
    neighbours = [infos[j] for j in (info.index - 1, info.index + 1) if 0 <= j < len(infos)]
    return any(n.is_meta for n in neighbours)


def _introduces_list(info: LineInfo, infos: list[LineInfo]) -> bool:
    """A lead-in ending with a colon, a list under it: "List of winners for the 90th Academy Awards:"."""
    following = infos[info.index + 1: info.index + 2]
    return info.text.rstrip().endswith(":") and bool(following) and (
        is_list_item(following[0]) or _numbered(following[0]) == 1)


def _is_cut_fragment(info: LineInfo, infos: list[LineInfo]) -> bool:
    """The page's last line, where a crawl cut a paragraph: stopped after a word, in prose's lower case.

    A Title Case line there is the heading of the site's next box ("Local News"),
    a line ending in a symbol a form's note ("Required fields are marked *").
    """
    return (
        info.index == len(infos) - 1 and not info.ends_sentence and not info.is_chrome and not info.is_meta
        and not info.is_caption and info.capital_share <= MAX_PROSE_CAPITAL_SHARE
        and (info.text[-1].isalnum() or info.text[-1] in ",;-–—")
    )


def _is_crosshead(info: LineInfo) -> bool:
    """A short heading inside the article: not chrome, not a time stamp, not a bulleted link, a few words."""
    return not info.is_chrome and not info.is_meta and info.words <= MAX_SHORT_WORDS and not _is_bulleted_headline(info)


def join_paragraphs(lines: list[LineInfo]) -> list[str]:
    """Paragraphs from body lines, rejoining lines that a scrape broke mid-sentence."""
    paragraphs: list[str] = []
    previous: LineInfo | None = None
    for info in lines:
        broken = (
            previous is not None and not previous.ends_sentence and info.starts_lower
            and previous.index + 1 == info.index
        )
        if broken:
            paragraphs[-1] = paragraphs[-1] + " " + info.text
        else:
            paragraphs.append(info.text)
        previous = info
    return paragraphs
