"""Which line of a scraped page is its headline, and what a headline looks like.

The line classifier (``plaintext.py``) finds the article's main block of prose
first; the headline is looked for above it (``find_title``): a line of a
headline's shape and length (``is_headline_shaped``) that something names the
headline (the URL spells it, a breadcrumb ends with it, the page prints it
twice), or that stands where pages put one: first on the page, with the byline
or the date under it, sharing words with the lede, with a verb.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable

from .lines import LineInfo, furniture_words, in_link_list

# --- thresholds -------------------------------------------------------------
# How many lines that could be a headline or a paragraph may stand between a headline and the body.
MAX_TITLE_DISTANCE = 8
# How far below the headline its URL spells the article's prose starts: a dek, a
# photo, its caption and credit, share buttons and a byline box can stand between.
MAX_ANCHOR_DISTANCE = 40
# ... and how far it may stand when only furniture, no prose, stands between (``_far_anchor``).
MAX_FAR_ANCHOR_DISTANCE = 200
MIN_TITLE_WORDS, MAX_TITLE_WORDS = 3, 30
# Three words make a headline only when the URL spells it, it is printed twice or a breadcrumb
# ends with it: three-word lines by the body are mostly labels ("5 Min Read", "Get short URL").
MIN_UNSUPPORTED_TITLE_WORDS = 4
# A kicker (a section's label over the headline) has at most this many words, and the
# headline under it this many more.
MAX_KICKER_WORDS = 5
MIN_KICKER_GAP_WORDS = 4
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
# A standfirst without a full stop (a dek) has at least this many words, and its headline fewer, but more
# than a kicker has (a section's label over a long headline).
MIN_DEK_WORDS = 15
MIN_DEK_HEADLINE_WORDS = MAX_KICKER_WORDS + 1
_QUOTE_OPENERS = "“\"‘'«"
DEK_REACH = 4  # lines looked at above it, furniture among them
# A site's name after a page title's bar has at most this many words ("| The Daily Planet"); a longer
# tail is the headline's ("Milan Design Week 2018 | Michael Anastassiades’ light installation for FLOS").
MAX_SITE_NAME_WORDS = 4
# A headline with a furniture word in its news has at least this many words (see ``_stamped_news``).
MIN_STAMPED_NEWS_WORDS = 5
# A stamp past one standfirst (and a section's label) under a line counts for less than one right under it.
STANDFIRST_STAMP_BONUS = 0.75
STANDFIRST_STAMP_REACH = 8  # lines looked at under the headline, chrome among them
MAX_SECTION_LABEL_WORDS = 2
# A headline ending with a full stop, as a sentence, has at most this many words (see ``_stamped_sentence``).
MAX_STAMPED_SENTENCE_WORDS = 20
# A question this long at most, alone on its line, may be a headline though it reads as a sentence.
MAX_QUESTION_TITLE_WORDS = 19
_SENTENCE_INSIDE = re.compile(r"[.!?]\s")
_CONTENT_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
_STOP = frozenset(
    "the and for with that this from are was were has have had not but its his her their they them "
    "who what when where which will would could should been into over after before about than also".split()
)

# Reads a short line: does it have a verb, what share of its words are proper nouns, and
# are its verbs in the present tense, none in the past. The pipeline passes one built on
# spaCy's tagger.
HeadlineReader = Callable[[str], tuple[bool, float, bool]]

# A site's domain a link list glued before the headline.
_DOMAIN_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\s+(?=\S)", re.I)
# "You're reading: <headline>": a reader's-position label some sites print before the title.
_READING_PREFIX = re.compile(r"^(?:you(?:'|’)re|you are|now|currently)\s+(?:reading|watching|viewing)\s*:\s*", re.I)


# A link's call to action ("CLICK FOR FULL STATE SWIM RESULTS"): never a headline, even where the
# URL spells the words after it (``named`` lets a headline's furniture words through otherwise).
_CALL_TO_ACTION = re.compile(r"^\W*(?:click|tap)(?:ing)?\s+(?:here|for|to)\b", re.I)


def clean_title(text: str) -> str:
    """A headline without the site's domain a link list glued before it, a "you're reading" label, or
    the site's name a page's title adds after a bar ("<headline> | The Daily Planet")."""
    text = _READING_PREFIX.sub("", _DOMAIN_PREFIX.sub("", text)).strip()
    head, bar, tail = text.rpartition(" | ")
    if bar and len(tail.split()) <= MAX_SITE_NAME_WORDS and len(head.split()) >= MIN_UNSUPPORTED_TITLE_WORDS:
        return head.strip()
    return text


def find_title(
    infos: list[LineInfo], body_start: int, *, read_headline: HeadlineReader | None, anchors: list[int] = ()
) -> int | None:
    """Index of the headline, or None when no line is headline enough.

    Candidates stand above the article's main block (from ``body_start``), up to MAX_ANCHOR_DISTANCE lines, with
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
    first = max(0, body_start - MAX_ANCHOR_DISTANCE)
    rival = functools.cache(lambda index: _rivals(infos[index]))  # each line read once, for every candidate above it
    # Headlines a byline or date stamps right under them: a line printed twice below one is a
    # teaser the article's related box prints twice, not the headline printed again.
    stamped_news = functools.cache(lambda index: _stamped_news(infos[index], infos))  # asked twice of each line
    stamped_heads = [o.index for o in infos[first: body_start]
                     if is_headline_shaped(o, named=stamped_news(o.index)) and is_stamped(o, infos)]
    # The page's title printed as a line, the headline and the site's name ("<headline> | The Daily
    # Planet"): it names the headline, as a second copy does, and is furniture itself.
    window = infos[first: body_start + 1]
    page_titles = {o.index: p.index for o in window for p in window
                   if p.key and o.key.startswith(p.key) and _SITE_NAME_TAIL.fullmatch(o.key[len(p.key):])}
    titled = set(page_titles.values())
    for info in window:
        if info.index in page_titles:
            continue
        shaped = is_headline_shaped(info, allow_repeat=True, named=info.index in anchors or stamped_news(info.index))
        stamped = not shaped and _stamped_sentence(info, infos)
        if not (shaped or stamped):
            continue
        head = infos[:info.index]
        key = info.key
        if any(o.key == key for o in infos[first:info.index]):
            continue  # the first copy of a repeated headline is the headline
        # Printed twice, unless as an item of a menu: pages print their menus twice (for phones and screens).
        twice = any(o.key == key for o in infos[info.index + 1: body_start + REPEAT_WINDOW_LINES]) and not (
            _in_menu_printed_twice(info, infos)) and not any(h < info.index for h in stamped_heads)
        crumb = bool(key) and any(len(o.key) > len(key) and o.key.endswith(key) and _is_trail_to(o, info)
                                  for o in infos[:body_start])
        strong = crumb or twice or info.index in anchors or info.index in titled
        if info.words < MIN_UNSUPPORTED_TITLE_WORDS and not strong:
            continue  # "Get short URL", "5 Min Read", "Back to Gallery": labels, unless something names them the headline
        if not strong and _is_kicker(info, infos):
            continue
        if not strong and _is_dek(info, infos):
            continue  # a standfirst without a full stop under its shorter headline
        if not strong and any(info.index < h and any(o.is_prose and not o.is_chrome for o in infos[info.index + 1: h])
                              for h in stamped_heads):
            # A box's heading over its own text ("Consular assistance in Russia" / "Are you in Russia
            # and need consular assistance? …"), above the headline the article's date stamps.
            continue
        if (info.is_prose and not strong and not stamped and (info.ends_sentence or info.index == body_start)
                and not _reads_as_headline(info)):
            continue  # a line of prose; a headline all the same when printed twice, or the URL spells it
        if any(o.key and key.endswith(" " + o.key) and is_headline_shaped(o, allow_repeat=True)
               for o in infos[first: body_start + 1]):
            continue  # a breadcrumb or a share label ending with the headline: "Share this: <headline>"
        if not strong and sum(map(rival, range(info.index + 1, body_start))) > MAX_TITLE_DISTANCE:
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
        # A standfirst under the headline stands between it and the body, as nothing else may.
        dek = next((o for o in following if not o.is_chrome), None)
        dek_index = dek.index if dek is not None and _is_dek(dek, infos) else -1
        between = sum(rival(k) for k in range(info.index + 1, lede_start) if k != dek_index)
        if not between:
            score += 1.0
        score -= 0.25 * between
        if all(o.is_chrome or o.index in page_titles or o.is_stamp for o in head) and not (info.repeated and not twice):
            # The first real line of a page (a date or byline printed over it aside); not when printed
            # again below the article: the site's slogan stands in its header and its footer
            # ("Available for everyone, funded by readers").
            score += FIRST_LINE_BONUS
        under = next((o for o in following if not o.is_chrome), None)
        # The byline or the date right under it, and no headline right above it (a kicker's date between is fine).
        above = next((o for o in reversed(infos[first:info.index]) if not o.is_chrome and o.index not in page_titles), None)
        headed = not (above is not None and rival(above.index))
        signed = under is not None and under.is_meta and headed
        if signed:
            score += META_BELOW_BONUS
        elif headed and _stamped_past_standfirst(following):
            score += STANDFIRST_STAMP_BONUS
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
    best = best if best_score >= 1.0 else None
    if best is None or best not in anchors:
        far = _far_anchor(infos, body_start, anchors)
        if far is not None:
            return far
    return best


def _far_anchor(infos: list[LineInfo], body_start: int, anchors: list[int]) -> int | None:
    """The line the URL spells, further above the body than a headline is looked for, when
    nothing but furniture stands between: no prose, only lists, menus and other stories' links
    (a car finder's list of brands and a box of related stories between headline and body)."""
    for index in reversed(anchors):
        if body_start - MAX_FAR_ANCHOR_DISTANCE <= index < body_start - MAX_ANCHOR_DISTANCE:
            if not any(o.is_prose and not o.is_chrome for o in infos[index + 1: body_start]):
                return index
    return None


def _stamped_sentence(info: LineInfo, infos: list[LineInfo]) -> bool:
    """A headline that ends as a sentence does ("South Dakota doubles down on ‘Meth. We’re on it.’
    They just might be."): headline-shaped but for its full stop, short, and stamped right under it
    by a date, a time or a byline, as headlines are and a paragraph or a standfirst seldom is."""
    if not (MIN_UNSUPPORTED_TITLE_WORDS <= info.words <= MAX_STAMPED_SENTENCE_WORDS) or not info.text.rstrip("”\"’'").endswith("."):
        return False
    return is_headline_shaped(info, full_stop=True) and is_stamped(info, infos)


def _stamped_news(info: LineInfo, infos: list[LineInfo]) -> bool:
    """A headline whose news has a word sites use for their furniture ("Home Depot sales miss, shares
    plunge", "Facebook fined over privacy breach"): most of its words are others', and a date or a
    byline stamps it, under it or past its standfirst, as a headline is and a menu's link is not."""
    if not info.chrome_words or info.words < MIN_STAMPED_NEWS_WORDS:
        return False
    return 2 * furniture_words(info.text) < info.words and (
        is_stamped(info, infos) or _stamped_past_standfirst(infos[info.index + 1:]))


def _stamped_past_standfirst(following: list[LineInfo]) -> bool:
    """A stamp under the line, past a section's label ("Editorial") and one standfirst: "The Guardian
    view on Hong Kong: a city on the brink" / "Editorial" / "The authorities' repression has …" / "Mon 18
    Nov 2019 18.54 GMT"."""
    label = prose = False
    for o in following[:STANDFIRST_STAMP_REACH]:
        if o.is_chrome:
            continue
        if o.is_stamp:
            return prose
        if o.is_prose and not prose:
            prose = True
        elif o.words <= MAX_SECTION_LABEL_WORDS and not o.is_prose and not label and not prose:
            label = True
        else:
            return False
    return False


def _is_dek(info: LineInfo, infos: list[LineInfo]) -> bool:
    """A standfirst (dek) without a full stop, under its headline: MIN_DEK_WORDS or more, and the line
    above it (furniture aside) a shorter headline-shaped line, longer than a kicker ("Putin says meeting
    with Biden constructive, no hostility" over "The leaders met for the first time in years, and the
    talks went on longer than planned")."""
    if info.words < MIN_DEK_WORDS or info.ends_sentence or info.text.lstrip()[:1] in _QUOTE_OPENERS or not is_headline_shaped(info):
        return False  # (a quotation cut off by the page's wrapping is no standfirst)
    above = _line_above(infos, info.index)
    if above is not None and not above.is_prose and above.words < MIN_UNSUPPORTED_TITLE_WORDS:
        above = _line_above(infos, above.index)  # a label between ("The Guardian view on …" / "Editorial" / the standfirst)
    if not (above is not None and not above.is_prose and MIN_DEK_HEADLINE_WORDS <= above.words < info.words
            and is_headline_shaped(above, allow_repeat=True)):
        return False
    # ... and that line a headline alone, not the last of a box's list of them ("Trending" / three
    # headlines / the page's own, longer headline); its copy right above it is the same headline.
    higher = _line_above(infos, above.index, other_than=above.key)
    return higher is None or higher.is_prose or not is_headline_shaped(higher) or higher.words < MIN_UNSUPPORTED_TITLE_WORDS


def _line_above(infos: list[LineInfo], index: int, other_than: str | None = None) -> LineInfo | None:
    """The nearest line within DEK_REACH above ``index`` that is not furniture (a headline printed twice
    is "repeated", as furniture is, and is looked at all the same), nor a copy of ``other_than``."""
    return next((o for o in reversed(infos[max(0, index - DEK_REACH): index])
                 if not o.is_chrome_once and o.key != other_than), None)


def _is_kicker(info: LineInfo, infos: list[LineInfo]) -> bool:
    """A section's or a topic's label over the headline ("Dancing With the Stars" over "Published
    22 hours ago" and "James Van Der Beek eliminated from …", itself signed "By Andy Sahadeo"): a
    few words, with a much longer headline-shaped line under it (stamps aside) that a stamp signs."""
    if info.words > MAX_KICKER_WORDS:
        return False
    under = next((o for o in infos[info.index + 1: info.index + 4] if not (o.is_chrome or o.is_meta)), None)
    return (under is not None and under.words >= info.words + MIN_KICKER_GAP_WORDS and not under.is_prose
            and is_headline_shaped(under) and is_stamped(under, infos))


def is_stamped(info: LineInfo, infos: list[LineInfo]) -> bool:
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
    return info.is_prose or (is_headline_shaped(info) and info.words >= MIN_UNSUPPORTED_TITLE_WORDS)


# What a page's title adds to the headline: the site's name after a bar or a dash.
_SITE_NAME_TAIL = re.compile(r"\s+[|–—-]\s+\S.{0,60}|\s*[|]\s*\S.{0,60}")
# Cells of a table row as a text browser lays them out: "Ticker       Security         Last".
_CELL_GAP = re.compile(r"\S {3,}\S")


def is_headline_shaped(info: LineInfo, *, allow_repeat: bool = False, named: bool = False, full_stop: bool = False) -> bool:
    """``named``: the page's URL spells the line, so the furniture words in it are the news's
    ("Home Depot sales miss, shares plunge", "Clinton email probe reopened by FBI").
    ``full_stop``: a final full stop is let through (see ``_stamped_sentence``)."""
    if not MIN_TITLE_WORDS <= info.words <= MAX_TITLE_WORDS:
        return False
    # A headline printed twice (page title and article heading) is repeated, not
    # chrome; any other sign of chrome still rules the line out.
    if named and info.chrome_words:
        info = dataclasses.replace(info, chrome_words=False)
    chrome = info.is_chrome_once if allow_repeat else info.is_chrome
    if chrome or info.looks_meta or info.is_caption or info.glued:
        return False  # a byline and date printed twice ("Associated Press November 19, 2019") is no headline
    if _CALL_TO_ACTION.match(info.text):
        return False
    if "\t" in info.text.strip() or _CELL_GAP.search(info.text):
        return False  # a table's row: browsers print its cells apart by tabs ("Pos\tPlayer\tPlays"), text browsers by spaces
    # Headlines end without a full stop or a colon (a question or exclamation mark is fine).
    return not info.text.rstrip("”\"’'").endswith(":" if full_stop else (".", ":"))


def _in_menu_printed_twice(info: LineInfo, infos: list[LineInfo]) -> bool:
    """A line printed twice among lines printed twice, or beside the same line both times: an item of
    a menu the page prints for phones and for screens ("Search in title", "Search in title", "Search in
    posts", ...). A headline printed twice (the page's title, the article's heading) has other neighbours."""
    if in_link_list(info, infos):
        return True
    copies = [o.index for o in infos if o.key == info.key and o.index != info.index]
    if any(_same_neighbour(infos, info.index, copy) for copy in copies):
        return True  # printed in the same order both times: "Our team" / "Work with us", twice
    if _doubled_beside_doubled(info, infos):
        return True
    around = [o for o in infos[max(0, info.index - MENU_NEIGHBOURS): info.index + MENU_NEIGHBOURS + 1] if o.key != info.key]
    return sum(o.repeated for o in around) > len(around) / 2


def _doubled_beside_doubled(info: LineInfo, infos: list[LineInfo]) -> bool:
    """Printed twice back to back, and so is the line next to the pair: the first or last item of a
    form's options or a menu, each printed as its label and its value ("Exact matches only" twice,
    "Search in title" twice). A headline printed twice back to back has its standfirst or byline beside it."""
    start, end = info.index, info.index
    while start > 0 and infos[start - 1].key == info.key:
        start -= 1
    while end + 1 < len(infos) and infos[end + 1].key == info.key:
        end += 1
    if start == end:
        return False
    below = end + 2 < len(infos) and infos[end + 1].key and infos[end + 2].key == infos[end + 1].key
    above = start >= 2 and infos[start - 1].key and infos[start - 2].key == infos[start - 1].key
    return bool(below or above)


def _same_neighbour(infos: list[LineInfo], one: int, other: int) -> bool:
    """The line above (or below) two copies of a line is the same line: a run of lines printed twice."""
    for step in (-1, 1):
        a, b = one + step, other + step
        if 0 <= a < len(infos) and 0 <= b < len(infos) and infos[a].key and infos[a].key == infos[b].key and a != other:
            return True
    return False


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _CONTENT_WORD.findall(text) if w.lower() not in _STOP}
