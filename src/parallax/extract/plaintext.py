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
3. find the headline above it (``find_title``);
4. label every line (title, meta, body, caption, boilerplate);
5. join lines a scrape broke mid-sentence into paragraphs;
6. read the publication date from the head of the article, never from chrome.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import E_NO_ARTICLE, PageRejected
from ..model import Line, LineLabel
from .dates import FoundDate, find_dates, find_month_days, infer_day_first, latest_year
from .lines import (
    MAX_CAPTION_WORDS, MAX_PROSE_CAPITAL_SHARE, MAX_SHORT_WORDS, MIN_SENTENCE_WORDS, LineInfo, normalise, read_lines,
)
from .slugs import spells_slug

# --- thresholds -------------------------------------------------------------
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
# How many lines that could be a headline or a paragraph may stand between a headline and the body.
MAX_TITLE_DISTANCE = 8
# How far below the headline its URL spells the article's prose starts: a dek, a
# photo, its caption and credit, share buttons and a byline box can stand between.
MAX_ANCHOR_DISTANCE = 40
ANCHORED_SHARE = 0.5
# The opening photo's caption stands this many lines above the dateline at most (a score line may come between).
DATELINE_REACH = 2
# How far above a block a headline signed by its date or byline may stand to name it the article.
MAX_SIGNED_DISTANCE = 12
MIN_TITLE_WORDS, MAX_TITLE_WORDS = 3, 30
# Three words make a headline only when the URL spells it, it is printed twice or a breadcrumb
# ends with it: three-word lines by the body are mostly labels ("5 Min Read", "Get short URL").
MIN_UNSUPPORTED_TITLE_WORDS = 4
# A kicker (a section's label over the headline) has at most this many words, and the
# headline under it this many more.
MAX_KICKER_WORDS = 5
MIN_KICKER_GAP_WORDS = 4
# How far into the body a meta line (a date, a byline) is still the article's own stamp.
META_LINES_INTO_BODY = 8
# A date printed in pieces, a line each, has pieces this short; without a headline they are
# looked for this many lines above the body.
MAX_DATE_PIECE_WORDS = 2
DATE_PIECES_ABOVE_BODY = 6
URL_TITLE_BONUS = 1.0
# Pages open with their headline; a standfirst under it stands nearer the body.
FIRST_LINE_BONUS = 1.5
# Pages print the byline or the date right under the headline (chrome between aside). A
# standfirst has them under it too, but a headline right above it: it gets nothing.
META_BELOW_BONUS = 1.5
# A headline printed again this far into the body is still "the headline twice".
REPEAT_WINDOW_LINES = 3
# Lines either side of a line printed twice that tell a menu printed twice from a headline.
MENU_NEIGHBOURS = 3
# Share of capitalised words from which a line is in Title Case, as headlines are and paragraphs are not.
TITLE_CASE_SHARE = 0.75
# A verbless line this full of proper nouns is a caption ("X with Y"), not a headline.
CAPTION_PROPER_SHARE = 0.6
# A question this long at most, alone on its line, may be a headline though it reads as a sentence.
MAX_QUESTION_TITLE_WORDS = 19
_SENTENCE_INSIDE = re.compile(r"[.!?]\s")
# A crawler stamp at the very top (" date 2018-07-16 Headline ..."): metadata.
_CRAWL_STAMP = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+")
_UPDATED = re.compile(r"\s*(?:last\s+)?(?:updated|modified|edited)\b", re.I)
_UPDATED_BEFORE = re.compile(r"(?:updated|modified|edited)\W*(?:on|at)?\W*(?:[A-Za-z]{3,9}\W+)?$", re.I)
# The line that opens a comment thread: a count of comments, or an invitation to write one.
_COMMENTS_HEADER = re.compile(
    r"^\W*(?:\d[\d,.]*k?\s+)?(?:comments|replies|responses)\W*(?:\(\s*\d*\s*\+?\s*\))?\W*$"
    r"|^\W*\d[\d,.]*k?\s+comment\W*$"
    r"|^\W*(?:top rated|show|view|read|load|see|add|post|leave|join)\b.{0,25}\b(?:comments?|reply|discussion|conversation)\b\W*$",
    re.I,
)
# An item of a numbered list: "1) Lego Star Wars 75188", "2. Polistil 960574 Pista Elettrica".
_NUMBERED_ITEM = re.compile(r"^\s*(\d{1,3})[.)]\s+\S")
_CONTENT_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
_STOP = frozenset(
    "the and for with that this from are was were has have had not but its his her their they them "
    "who what when where which will would could should been into over after before about than also".split()
)

# Reads a short line: does it have a verb, what share of its words are proper nouns, and
# are its verbs in the present tense, none in the past. The pipeline passes one built on
# spaCy's tagger.
HeadlineReader = Callable[[str], tuple[bool, float, bool]]
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

    Raises:
        PageRejected: when no block of prose is found.
    """
    stamp = _CRAWL_STAMP.match(text)
    if stamp:
        text = text[stamp.end():]
    infos = read_lines(text, known_chrome)
    named = normalise(headline) if headline else None
    anchors = [i.index for i in infos if (slug or named) and _is_headline_shaped(i, allow_repeat=True, named=True)
               and (i.key == named or spells_slug(i.text, slug))]
    block = find_body_block(infos, anchors)
    if block is None:
        raise PageRejected(E_NO_ARTICLE)
    title_index = find_title(infos, block, read_headline=read_headline, anchors=anchors)
    block = extend_block(infos, block, title_index)
    labels = label_lines(infos, block, title_index, read_headline=read_headline)
    body = join_paragraphs([i for i in infos if labels[i.index] == "body"])
    if not body:
        raise PageRejected(E_NO_ARTICLE)
    published = find_published(infos, labels, block, stamp.group(1) if stamp else None)
    byline = next(
        (i.text for i in infos if labels[i.index] == "meta" and re.match(r"(?i)by\s", i.text)), None
    )
    footer = [i.text for i in infos[block.end + 1:] if i.copyright]
    return PlainTextResult(
        title=clean_title(infos[title_index].text) if title_index is not None else None,
        body=body,
        lines=[Line(text=i.text, label=labels[i.index]) for i in infos],
        published=published,
        byline=byline,
        footer_lines=footer,
    )


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


def _signed_headlines(infos: list[LineInfo]) -> list[int]:
    """Lines shaped like a headline with a date, a time or a byline right under them (chrome between aside)."""
    return [info.index for info in infos
            if not info.is_prose and info.words >= MIN_UNSUPPORTED_TITLE_WORDS and _is_headline_shaped(info)
            and _stamped(info, infos)]


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
    if len(between) > MAX_BOX_LINES or any(i.is_prose or i.copyright or i.is_meta for i in between):
        return False  # a dateline or a byline heads an article, not a box
    if other.words < MIN_BOX_RESUME_WORDS:
        return False
    return other.prose_lines >= MIN_BOX_RESUME_LINES and other.prose_lines >= DENSE_SHARE * (other.end - other.start + 1)


def is_list_item(info: LineInfo) -> bool:
    """An item of a list printed in an article: "Actor: Gary Oldman", "Emma Stone – best actress".

    Related-links lists are headlines: no list punctuation, no full stop.
    """
    if info.is_chrome or info.is_meta or info.is_caption or info.words > MAX_SHORT_WORDS * 2:
        return False
    if _is_bulleted_headline(info):
        return False
    text = info.text
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


_DOMAIN_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\s+(?=\S)", re.I)


# "You're reading: <headline>": a reader's-position label some sites print before the title.
_READING_PREFIX = re.compile(r"^(?:you(?:'|’)re|you are|now|currently)\s+(?:reading|watching|viewing)\s*:\s*", re.I)


def clean_title(text: str) -> str:
    """A headline without the site's domain a link list glued before it, or a "you're reading" label."""
    return _READING_PREFIX.sub("", _DOMAIN_PREFIX.sub("", text)).strip()


def find_title(
    infos: list[LineInfo], block: _Block, *, read_headline: HeadlineReader | None, anchors: list[int] = ()
) -> int | None:
    """Index of the headline, or None when no line is headline enough.

    Candidates stand above the main block, up to MAX_ANCHOR_DISTANCE lines, with
    at most MAX_TITLE_DISTANCE lines between that could be a headline or a
    paragraph instead (``_rivals``): a share bar, a byline box and a photo
    gallery can stand between a headline and its body. The block's own first
    line is a candidate when something names it the headline (the URL, a
    breadcrumb, a second copy). Signs: a breadcrumb ends with it, or
    it is printed twice; it is the page's first real line; the byline or the
    date stands under it; it stands right above the dateline or the body; it
    shares words with the lede; it has a verb (a photo caption standing where
    a headline would is a verbless string of names); the URL spells it.
    """
    best, best_score = None, 0.0
    first = max(0, block.start - MAX_ANCHOR_DISTANCE)
    rival = functools.cache(lambda index: _rivals(infos[index]))  # each line read once, for every candidate above it
    for info in infos[first: block.start + 1]:
        if not _is_headline_shaped(info, allow_repeat=True, named=info.index in anchors):
            continue
        head = infos[:info.index]
        key = info.key
        if any(o.key == key for o in infos[first:info.index]):
            continue  # the first copy of a repeated headline is the headline
        # Printed twice, unless as an item of a menu: pages print their menus twice (for phones and screens).
        twice = any(o.key == key for o in infos[info.index + 1: block.start + REPEAT_WINDOW_LINES]) and not (
            _in_menu_printed_twice(info, infos))
        crumb = bool(key) and any(len(o.key) > len(key) and o.key.endswith(key) and _is_trail_to(o, info)
                                  for o in infos[:block.start])
        strong = crumb or twice or info.index in anchors
        if info.words < MIN_UNSUPPORTED_TITLE_WORDS and not strong:
            continue  # "Get short URL", "5 Min Read", "Back to Gallery": labels, unless something names them the headline
        if not strong and _is_kicker(info, infos):
            continue
        if info.is_prose and not strong and (info.ends_sentence or info.index == block.start) and not _reads_as_headline(info):
            continue  # a line of prose; a headline all the same when printed twice, or the URL spells it
        if any(o.key and key.endswith(" " + o.key) and _is_headline_shaped(o, allow_repeat=True)
               for o in infos[first: block.start + 1]):
            continue  # a breadcrumb or a share label ending with the headline: "Share this: <headline>"
        if not strong and sum(map(rival, range(info.index + 1, block.start))) > MAX_TITLE_DISTANCE:
            continue  # too far above the body: other headlines or paragraphs stand between
        # The URL is the article's own name; a line printed twice may be a teaser a box repeats.
        score = (2.0 if strong else 0.0) + (URL_TITLE_BONUS if info.index in anchors else 0.0)
        following = infos[info.index + 1:]
        nxt = following[0] if following else None
        if nxt is not None and nxt.starts_lower and not (nxt.is_caption or nxt.is_chrome or nxt.is_meta):
            continue  # a prose line the page wrapped, not a headline
        lede_start = next((o.index for o in following if o.is_prose and not o.is_chrome), None)
        if lede_start is None:
            continue
        between = sum(map(rival, range(info.index + 1, lede_start)))
        if not between:
            score += 1.0
        score -= 0.25 * between
        if all(o.is_chrome for o in head) and not (info.repeated and not twice):
            # The first real line of a page; not when printed again below the article: the site's
            # slogan stands in its header and its footer ("Available for everyone, funded by readers").
            score += FIRST_LINE_BONUS
        under = next((o for o in following if not o.is_chrome), None)
        # The byline or the date right under it, and no headline right above it (a kicker's date between is fine).
        above = next((o for o in reversed(infos[first:info.index]) if not o.is_chrome), None)
        signed = under is not None and under.is_meta and not (above is not None and rival(above.index))
        if signed:
            score += META_BELOW_BONUS
        words = _content_words(info.text)
        lede_words = _content_words(" ".join(o.text for o in infos[lede_start: lede_start + 3]))
        if words and lede_words:
            score += 1.5 * len(words & lede_words) / len(words)
        if score <= max(best_score, 1.0) - 1e-9:
            continue  # reading the line could only lower its score: skip the tagger
        # The tagger is most of extraction's time; a line the URL spells needs no
        # telling from a caption.
        if read_headline is not None and info.index not in anchors:
            has_verb, proper_share, _ = read_headline(info.text)
            if not has_verb:
                if proper_share >= CAPTION_PROPER_SHARE and not (strong or (signed and under.is_stamp)):
                    # A verbless string of names: a photo caption, unless stamped as a headline is (the
                    # tagger reads a headline in Title Case as names: "Board Names Ana Ruiz Chief Officer").
                    continue
                score -= 0.75
        if score > best_score:
            best, best_score = info.index, score
    return best if best_score >= 1.0 else None


def _is_kicker(info: LineInfo, infos: list[LineInfo]) -> bool:
    """A section's or a topic's label over the headline ("Dancing With the Stars" over "Published
    22 hours ago" and "James Van Der Beek eliminated from …", itself signed "By Andy Sahadeo"): a
    few words, with a much longer headline-shaped line under it (stamps aside) that a stamp signs."""
    if info.words > MAX_KICKER_WORDS:
        return False
    under = next((o for o in infos[info.index + 1: info.index + 4] if not (o.is_chrome or o.is_meta)), None)
    return (under is not None and under.words >= info.words + MIN_KICKER_GAP_WORDS and not under.is_prose
            and _is_headline_shaped(under) and _stamped(under, infos))


def _stamped(info: LineInfo, infos: list[LineInfo]) -> bool:
    """A date, a time or a byline stands right under the line (chrome between aside)."""
    under = next((o for o in infos[info.index + 1: info.index + 4] if not o.is_chrome), None)
    return under is not None and under.is_stamp


def _is_trail_to(trail: LineInfo, line: LineInfo) -> bool:
    """Whether the words before ``line`` in ``trail`` (a line ending with it) lead to it as a
    breadcrumb or a label does: a separator ("Blog > Weight loss > ", "Share this: "), section
    names glued or capitalised ("HomeLatest News", "Home News Business News "), not a phrase
    that names it in passing ("Recent from Adam Clark Estes" names the author of other articles)."""
    lead = trail.key[: len(trail.key) - len(line.key)]
    if not lead.endswith(" ") or not lead[-2:-1].isalnum():
        return True  # glued, or a separator before the line
    words = trail.text.split()[: -len(line.text.split())]
    return all(not w[:1].isalpha() or w[:1].isupper() for w in words)


def _reads_as_headline(info: LineInfo) -> bool:
    """A line that passes for prose by its length or a closing mark, but is written in Title Case,
    as headlines are and paragraphs never ("Tim Cook On Apple Being 'Pulled Into The Enterprise'"),
    or is one short question ("Economy in stress and markets on a high; time to be careful?"): a
    paragraph's line goes on after its question, or runs longer.
    (A line without a sentence's end is no better sign: a caption cut short has none either.)"""
    if info.capital_share >= TITLE_CASE_SHARE:
        return True
    question = info.text.rstrip("”\"’'").endswith("?") and not _SENTENCE_INSIDE.search(info.text)
    return question and info.words <= MAX_QUESTION_TITLE_WORDS


def _rivals(info: LineInfo) -> bool:
    """A line between a headline and the body that could be the headline or the article's start
    instead (a dek, a teaser, a paragraph), not furniture (an author's name, "KEY POINTS", "5 Min Read")."""
    if info.is_chrome or info.is_meta or info.is_caption:
        return False
    return info.is_prose or (_is_headline_shaped(info) and info.words >= MIN_UNSUPPORTED_TITLE_WORDS)


def _is_headline_shaped(info: LineInfo, *, allow_repeat: bool = False, named: bool = False) -> bool:
    """``named``: the page's URL spells the line, so the furniture words in it are the news's
    ("Home Depot sales miss, shares plunge", "Clinton email probe reopened by FBI")."""
    if not MIN_TITLE_WORDS <= info.words <= MAX_TITLE_WORDS:
        return False
    # A headline printed twice (page title and article heading) is repeated, not
    # chrome; any other sign of chrome still rules the line out.
    if named and info.chrome_words:
        info = dataclasses.replace(info, chrome_words=False)
    chrome = info.is_chrome_once if allow_repeat else info.is_chrome
    if chrome or info.looks_meta or info.is_caption or info.glued:
        return False  # a byline and date printed twice ("Associated Press November 19, 2019") is no headline
    if "\t" in info.text.strip():
        return False  # a table's row: browsers print its cells apart by tabs ("Pos\tPlayer\tPlays")
    # Headlines end without a full stop or a colon (a question or exclamation mark is fine).
    return not info.text.rstrip("”\"’'").endswith((".", ":"))


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
              or _describes_a_photo(info, infos, block, read_headline)):
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
    after_title = title_index is not None and info.index > title_index
    if info.is_meta and not _in_menu(info, infos, title_index):
        return "meta"
    if info.is_caption:
        return "caption"
    # A verbless headline-shaped line right above the body, with no headline
    # found: the photo a page opens with (its caption).
    if (
        title_index is None and read_headline is not None and block.start - info.index == 1
        and _is_headline_shaped(info) and not read_headline(info.text)[0]
    ):
        return "caption"
    if after_title and _titles_a_caption(info, infos, read_headline):
        return "caption"
    if after_title and not info.is_chrome and (info.is_prose or _is_headline_shaped(info)):
        return "body"  # a standfirst between headline and body
    return "boilerplate"


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
    if read_headline is None or info.words > MAX_CAPTION_WORDS or not info.ends_sentence or info.dateline:
        return False
    below = infos[info.index + 1: min(info.index + 1 + DATELINE_REACH, block.end + 1)]
    if not any(o.dateline for o in below) or any(o.dateline for o in infos[block.start: info.index]):
        return False
    text = info.text.rstrip()
    if not _DAY_NAMED.search(text) or _NEXT_SENTENCE.search(text) or _QUOTATION.search(text):
        return False  # several sentences, or a quote: a paragraph
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


def find_published(
    infos: list[LineInfo], labels: dict[int, LineLabel], block: _Block, stamp: str | None
) -> FoundDate | None:
    """The publication date stated at the head of the article.

    In order of trust: a crawler's date stamp, a meta line above the body or
    among its first lines, then any other head line (a page title ending in
    "| 16.06.2021"), then a date line right under the body. Other dates below
    the body (related links, footers) and in chrome lines (copyright years)
    are other articles' or the site's.
    """
    if stamp:
        found = find_dates(stamp)
        if found:
            return found[0]
    day_first = infer_day_first([i.text for i in infos if labels[i.index] in ("meta", "body", "title")])
    # The body's first line, not the block's: a caption set between headline and body is in the block.
    start = next((i for i in range(block.start, block.end + 1) if labels[i] == "body"), block.start)
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
        if i.index not in in_meta and i.index < start and not i.is_chrome_once and not _in_menu(i, infos, title)
        and labels[i.index] != "caption"  # a photo's date is the day it was taken
    ]
    # Some pages print the date under the article instead: a line of nothing but
    # a date right below its last paragraph. A related link's date has its
    # headline above it; a list of dated items goes on dated below it.
    below = infos[block.end + 1: block.end + 3]
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


def _in_link_list(info: LineInfo, infos: list[LineInfo]) -> bool:
    """A line among chrome lines on both sides: part of a menu or a related-links list."""
    before = infos[info.index - 1] if info.index > 0 else None
    after = infos[info.index + 1] if info.index + 1 < len(infos) else None
    return bool(before and after and before.is_chrome and after.is_chrome)


def _in_menu(info: LineInfo, infos: list[LineInfo], title: int | None) -> bool:
    """In a link list, unless beside the headline: a headline printed twice reads as chrome."""
    return not (title is not None and abs(info.index - title) == 1) and _in_link_list(info, infos)


def _in_menu_printed_twice(info: LineInfo, infos: list[LineInfo]) -> bool:
    """A line printed twice among lines printed twice: an item of a menu the page prints for
    phones and for screens ("Search in title", "Search in title", "Search in posts", ...)."""
    if _in_link_list(info, infos):
        return True
    around = [o for o in infos[max(0, info.index - MENU_NEIGHBOURS): info.index + MENU_NEIGHBOURS + 1] if o.key != info.key]
    return sum(o.repeated for o in around) > len(around) / 2


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _CONTENT_WORD.findall(text) if w.lower() not in _STOP}
