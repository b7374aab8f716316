"""What one line of a scraped page gives away about its role.

Site chrome and article text differ in shape more than in words: article
paragraphs are long and end in sentence punctuation; menus, related links and
footers are runs of short unpunctuated lines, glued timestamps, repeated lines,
copyright notices and prompts. Each predicate here reads one such sign.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..scripts import word_count  # Chinese, Japanese and Thai print no spaces between words
from .dates import counts_back, find_dates
from .unwrap import ITEM_MARK, unwrap

# --- thresholds -------------------------------------------------------------
# A paragraph with terminal punctuation needs this many words to count as prose.
MIN_SENTENCE_WORDS = 8
# A line this long is prose even without terminal punctuation (a crawl cut it).
MIN_LONG_LINE_WORDS = 20
# Menus are mostly capitalised words; prose is mostly lower case.
MAX_PROSE_CAPITAL_SHARE = 0.6
# A "short" line that could be a crosshead, prompt or link.
MAX_SHORT_WORDS = 14
# A "Published …" stamp with its update beside it may run this long and still be meta.
MAX_STAMP_WORDS = 2 * MAX_SHORT_WORDS
# Furniture words ("Share", "Related") make a line chrome only on lines this short.
MAX_CHROME_WORDS = 6
# A line opening with a dateline ("GENEVA (AP) —") is the lede from this many words.
MIN_DATELINE_WORDS = 6
# Menus: at least this many words, nearly all capitalised, no sentence punctuation.
MIN_MENU_WORDS, MIN_MENU_CAPITAL_SHARE = 15, 0.75
MIN_PHRASE_FUNCTION_SHARE = 0.2
_FUNCTION_WORDS = frozenset(
    "a an the of for to in on at by with from and or but as is are was were be been it its not no "
    "that this these those how why what who will can has have had into over after".split()
)

# A teaser cut off mid-sentence: "Two people in China have been diagnosed with the plague,...".
_CUT_OFF = re.compile(r"[,;]\s*(?:\.\.\.|…)\s*$")
# (With the full stops of Chinese and Japanese, Hindi's danda, and Arabic's and Urdu's marks.)
_SENTENCE_END = re.compile(r"[.!?…。！？．।॥؟۔][\"'”’»)\]」』）]*\s*$|[\"”’»」』]\s*$")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|gmt|utc|[A-Z]{2,4}T)?\b", re.I)
_CLOCK_ZONE = re.compile(r"\b(?:GMT|UTC|[ECMP][SD]T|BST|CET|CEST)\b")
# Words run together where a crawler dropped the markup between two elements:
# "modelsGMT 08:44", "returnGMT", "in Russiawww.reuters.com", a promo's label and
# its link "LIVE:Our coverage as it happened".
_GLUED = re.compile(r"[a-z]{2}(?:[A-Z]{2,}\b|www\.)|[a-z][.?!][A-Z][a-z]+\s[A-Z]|^[A-Z]{2,}:[A-Z]")
_COPYRIGHT = re.compile(r"[©ⓒ]|\(c\)\s*\d{4}|\bcopyright\s*\(c\)|all rights? reserved", re.I)
# ... and the words of a notice that prose uses too ("a vaccine developed by Pfizer", "the
# copyright office"): a notice only on a line as short as a notice is.
_COPYRIGHT_WORDS = re.compile(r"\bcopyright\b|\bdeveloped by\b|\bpowered by\b", re.I)
MAX_NOTICE_WORDS = 15
_URLISH = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b", re.I)
_BARE_CREDIT_PATTERN = r"^\s*\([^()]{2,40}\)\s*$"
_CREDIT = re.compile(
    # "(Image: GETTY)", "[Photo by …]"; not a link's tag, "… amid China turmoil [VIDEO]".
    r"[(\[](?:[A-Z][\w.]*\s)?(?:photo|picture|image|video)s?\b(?!\s*[\])])|\b(?:photo|picture|image)s?\s*(?:by|credit)\b|"
    r"[.|•–—-]\s*(?:photo|picture|image)s?\s*:|"  # "... celebrates. Photo: Reuters", not "Best Picture: Coco"
    r"\b(?:getty images|afp via getty|shutterstock|file photo|ap photo|aptopix)\b|/\s*(?:AP|AFP|Reuters|REUTERS|EPA|Getty)\b|"
    r"^\s*(?:photo|image|picture|caption|credit)\s*:|"
    # The labels a page prints for screen readers: "Image caption Police at the scene", "Media caption ..."
    r"^\s*(?:image|media|photo|video)\s+(?:caption|copyright|source|credit)\b|" + _BARE_CREDIT_PATTERN,
    re.I,
)
# "Credit..." alone over the credit; a photographer and the agency: "Doug Mills/The New York Times".
# An agency's caption signed agency/photographer at its end: "... on Monday. REUTERS/Kevin Lamarque"
# (apart from ``_CREDIT``, and read only on lines with a slash: tried at every word, it cost a tenth
# of plain-text extraction's time).
_AGENCY_CREDIT = re.compile(
    r"\b(?:REUTERS|Reuters|EPA(?:-EFE)?|AFP|AP|UPI|Xinhua|dpa|ANP)\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}"
    r"(?:\s*/\s*File(?:\s+Photo)?)?\s*$"
)
# (Whole-line shapes, apart from ``_CREDIT``: matched at the start only, they cost nothing on long lines.)
_CREDIT_LINE = re.compile(r"\s*(?:[Cc]redits?\W*|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}\s*/\s*(?:[A-Z][\w.'’&-]*\s?){1,5})$")
# How captions point at the picture: "Chauvin, 45, is pictured at his sentencing",
# "Biden (L) meets Putin (R)". Article prose does not talk about its photos. (Past
# tense is left out: "the suspect was pictured on CCTV" is news; a lone "(R)" is a
# US party label.)
_PICTURED = re.compile(r"\b(?:is|are)\s+pictured\b|\bpictured\s+(?:left|right|above|below|here)\b")
_LEFT_RIGHT = re.compile(r"(?<=\s)\((?:L|left)\)\s.*\s\((?:R|right)\)(?:\s|$)")
# A credit alone on its line, "(Court TV)": the line above it is the caption it credits.
_BARE_CREDIT = re.compile(_BARE_CREDIT_PATTERN)
# A photo's file name where its text would be, as a text browser prints an image without one
# ("airpods-pro-2.jpg airpods-pro-2.jpg", "[vc.jpg]"): the photo, inside the article.
_IMAGE_FILES = re.compile(r"^(?:\[?[\w.%-]+\.(?:jpe?g|png|gif|webp|svg)\]?\s*)+$", re.I)
MAX_CAPTION_WORDS = 40
# Paragraphs printed twice in the same order, at least this many words of them, on a page with
# less prose than this printed once: the article printed twice (``read_lines``).
MIN_TWICE_PRINTED_WORDS = 80
MAX_ONCE_PRINTED_PROSE_WORDS = 80
# A paragraph printed again at most this many lines off, among paragraphs printed once: a pull quote.
MAX_PULL_QUOTE_DISTANCE = 15
# A labelled link to another article is a label and a headline: longer is a paragraph starting so.
MAX_LINK_LABEL_WORDS = 30
# Agency photo captions date the scene inside the sentence: "... arrive in Geneva,
# Wednesday, June 16, 2021, in Geneva, Switzerland." Article prose names the
# weekday or the date, rarely both together.
_SCENE_DATE = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
)
# A dateline opens an article's first paragraph: "HELSINKI (AP) —", "GENEVA —", "CAIRO:"; a
# headline's flag in capitals ("BREAKING: Senate adjourns …", "WATCH — …") names no place.
_DATELINE = re.compile(
    r"^(?!(?:BREAKING|JUST IN|UPDATE|UPDATED|DEVELOPING|EXCLUSIVE|WATCH|VIDEO|PHOTOS?|LIVE|LISTEN|OPINION|EDITORIAL"
    r"|ANALYSIS|REVIEW|EXPLAINER|FACT CHECK|BREAKING NEWS|NEWS ALERT|ALERT)\s*(?:—|–|--|-|:))"
    r"[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][A-Za-z. ]+)?\s*(?:\([A-Za-z. ]+\))?\s*(?:—|–|--|-|:)\s+\S"
)
_BYLINE = re.compile(r"^(?:by|written by|reporting by)\s+[A-Z]", re.I)
# Who filed the story, on a line of its own: "The Associated Press", "AP Soccer Writer".
_BYLINE_WORDS = re.compile(r"\b(?:press|reporter|writer|correspondent|staff|bureau|(?:news|wire) services?|editor|agency)\b", re.I)
# The news agencies whose name alone, or with a place, signs a story ("AFP", "CAIRO (Reuters)"); case kept.
_WIRE_AGENCY = re.compile(r"\b(?:AFP|AP|Reuters|PTI|IANS|ANI|DPA|dpa|EFE|Xinhua|UPI)\b")
_META_WORDS = re.compile(r"^(?:published|updated|posted|last updated|first published|modified)\b", re.I)
# A bar of buttons printed as one line ("Share on Facebook Share on Twitter Share via Email"): at least
# this many furniture words, half its words or more, no sentence; longer than a short line may be.
MIN_BAR_CHROME_WORDS = 3
MAX_BAR_WORDS = 24
# Words in a row that a paragraph never prints twice.
ECHO_WORDS = 8
ECHO_COPIES = 3
_BUTTON_WORDS = frozenset({"", "on", "via", "to", "this", "the", "article", "story", "page", "post", "by", "and", "or", "with", "us"})
# Words sites use for their own furniture; only read on short lines without
# sentence punctuation, where an article would not use them as prose.
_CHROME_WORDS = re.compile(
    r"\b(?:share|shares|sharing|comments?|repl(?:y|ies)|sign (?:in|up)|log ?in|subscribe|subscription|newsletter|advertisement|"
    r"advertising|sponsored|read (?:more|also|next)|continue reading|related|follow us|click(?:ing)? (?:here|for|to)|cookies?|privacy|"
    r"terms of (?:use|service)|skip to|menu|trending|most (?:read|popular|viewed)|recommended|filed (?:to|under|in)|"
    r"tags?|topics?|you may also like|more from|see also|listen|download|app|print|email|whatsapp|"
    r"facebook|twitter|linkedin|instagram|youtube|telegram|reddit|home|advert|back to gallery|"
    r"(?:image|photo|picture|slide) \d+ of|you are here|\d+\s*min(?:ute)?s?\s+read|reading time|now playing)\b"
    # A gallery's counter and buttons, each alone on its line: "1 of 12", "3/12", "Next", "Previous".
    r"|^\W*\d{1,3}\s*(?:of|/)\s*\d{1,3}\W*$|^\W*(?:next|previous|prev|close|expand|play)\W*$",
    re.I,
)
# A breadcrumb trail: three steps or more of a site's sections, parted by arrows ("BLOG > Nutrition >
# Meal Plans", "Home » News » Business"). One arrow may stand in a headline; "|" and "/" part a stamp's pieces.
_TRAIL = re.compile(r"^\s*[^>»›\n]{1,40}(?:\s[>»›]\s[^>»›\n]{1,40}){2,}\s*$")
# A link to another article behind its label: "Related: …", "Read more: …", "[Related: …]". Chrome
# at any length, whatever its punctuation: the headline after the label is another article's.
_LINK_LABEL = re.compile(
    r"^\W{0,2}(?:related(?: (?:article|story|stories|coverage|content|reading|links?|news))?|read (?:more|also|next)"
    r"|also read|see (?:also|more)|also|more|don['’]t miss|recommended(?: reading)?|more (?:on|from|about) [^:]{1,40}"
    r"|share(?: all sharing options for| this(?: article| story)?)?)\s*:(?:\s*\S|\s*$)",
    re.I,
)
# The site asking its readers for something: money, an ad blocker switched off, a
# subscription, a newsletter's sign-up, their consent to its cookies, a follow, its app; or
# telling them that its links earn it money. Furniture at any length; kept apart from an article's own prose
# by addressing the reader ("your support", "allowing ads").
_APPEAL = re.compile(
    r"\byour (?:support|donation|contribution)s? (?:helps?|allows?|makes?|keeps?|enables?)\b|"
    r"\b(?:support|fund) (?:our|independent|quality) journalism\b|\bdonate now\b|\bmake a donation\b|"
    r"\bad ?-?blockers?\b|\ballowing ads\b|\bdisable your ad\b|\bwhitelist (?:us|our site)\b|"
    r"\bbecome a (?:subscriber|supporter)\b|\bpaywalls?\b|"
    r"\b(?:we|site|website) uses? cookies\b|\buse of cookies\b|\baccept (?:all )?cookies\b|"
    r"\b(?:subscribe|sign up) (?:to|for) (?:our|[\w.]+['’]s) (?:[\w-]+ ){0,3}?newsletters?\b|"
    r"\b(?:delivered|sent) (?:straight |right |directly )?to your inbox\b|\bright in your inbox\b|"
    r"\byou can unsubscribe\b|\bsuccessfully subscribed\b|"
    r"\baffiliate (?:and/or referral )?links?\b|\b(?:receive|earn) a (?:small )?(?:commission|share of sales)\b|"
    r"\bfollow us (?:on|at)\b|\b(?:like|find) us on\b|\b(?:download|get|install) our (?:free )?(?:news )?apps?\b",
    re.I,
)
# ... and it speaks to the reader about itself. An article reporting on ad blockers or
# on a charity's appeal names them in the third person, or quotes them.
_ADDRESS = re.compile(r"\b(?:you|your|us|our|we)\b", re.I)
_QUOTE_MARKS = re.compile(r"[\"“”«»]")
# A share bar's call at the head of a line, whatever follows it: "Share this story", "Print This
# Article Share it With Friends by …" (a bar and its byline printed as one line); unless the line
# ends a sentence: then the article's own text follows the bar on the same line.
_SHARE_CALL = re.compile(r"^\W{0,2}(?:print|share|email|e-mail) this (?:article|story|page|post)\b", re.I)
# A sign-up box's button, alone on its line, and the most words its heading has.
_SIGN_UP_BUTTON = re.compile(r"^\W{0,2}(?:subscribe|sign up|sign me up|join now|register)(?: now| today| here)?\W{0,2}$", re.I)
MAX_BOX_HEADING_WORDS = 5
# ... and the label of its field, when the page prints it: "Email address", "Enter your email".
_EMAIL_FIELD = re.compile(r"^\W{0,2}(?:enter |your )?(?:your )?e-?mail(?: address)?\W{0,2}$", re.I)
# An appeal glued to the article's first paragraph is longer than this; that line stays.
MAX_APPEAL_WORDS = 60
# Two sentences glued without a space: "Your support makes all the difference.If the Oscars …",
# an appeal's last line run into the article's first.
_GLUED_SENTENCES = re.compile(r"[a-z]{2}[.!?][A-Z][a-z]")
_QUOTE_OPEN = "\"“‘'«"


# Scraped text keeps what the page's HTML wrote as &nbsp;, &thinsp; or &shy;: spaces that are
# not ASCII's (no-break, thin, narrow no-break, ideographic) and marks that print nothing (soft
# hyphen, zero-width space, word joiner, byte-order mark). spaCy reads "Angela\u202fMerkel" as one
# token and "Vladimir\u2009Putin" as two names, and "Bundes\xadregierung" is another word than
# "Bundesregierung", so they are made plain spaces and nothing. (The HTML path has this from
# trafilatura.) The zero-width joiners stay: Persian and Indic scripts and emoji need them.
# (Regular expressions, not ``str.translate``: a dict-driven translate looks up every character
# of the page, and most pages have none of these.)
_NON_ASCII_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def plain_spacing(text: str) -> str:
    """``text`` with its no-break and other non-ASCII spaces as plain spaces, its invisible marks gone."""
    if text.isascii():
        return text
    return _INVISIBLE.sub("", _NON_ASCII_SPACE.sub(" ", text))


def normalise(text: str) -> str:
    """NFKC, straight quotes, collapsed whitespace, lower case: for comparing lines."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'}))
    return " ".join(text.split()).lower()


@dataclass(slots=True)
class LineInfo:
    """One non-empty line and the signs read from it."""

    index: int
    text: str
    words: int
    ends_sentence: bool
    capital_share: float
    function_share: float = 0.0  # share of the words that are function words ("the", "for", "are")
    repeated: bool = False
    has_time: bool = False
    has_date: bool = False  # looked for on short lines only, and on long stamps ("Published …", "By … | date | …")
    glued: bool = False
    copyright: bool = False
    credit: bool = False
    chrome_words: bool = False  # looked for on short lines only
    bar: bool = False  # a bar of buttons: "Share on Facebook Share on Twitter Share via Email"
    link_label: bool = False  # "Related: <another article's headline>", or the label alone ("More:")
    trail: bool = False  # a breadcrumb trail: "BLOG > Nutrition > Meal Plans"
    echoes: bool = False  # the same run of words twice over: a list of links, each printed with its picture's text
    opens_with_date: bool = False  # a short line led by a date: "21/06/2014 Tony Carter All, Books, Reviews"
    urlish: bool = False
    starts_lower: bool = False
    dateline: bool = False
    letters: bool = True
    template: bool = False  # the outlet prints this line around its articles
    embedded: bool = False  # part of a social-media post the article embeds (set by ``read_lines``)
    teaser: bool = False  # part of a box of other articles' teasers (set by ``boxes.mark_teaser_boxes``)
    photo_button: bool = False  # "Report" under a photo's credit (set by ``read_lines``)
    appeal: bool = False  # the site asks the reader for money, a subscription, its ads, a share
    appeal_box: bool = False  # speaks to the reader between two appeals (set by ``read_lines``)
    key: str = ""  # the text normalised, for comparing lines (set by ``read_lines``)

    @property
    def is_prose(self) -> bool:
        """Long, punctuated, mostly lower-case: how article paragraphs look."""
        if self.dateline and self.words >= MIN_DATELINE_WORDS:
            return True
        if self.capital_share > MAX_PROSE_CAPITAL_SHARE and not self.ends_sentence:
            return False
        if self.words >= MIN_LONG_LINE_WORDS:
            return True
        return self.words >= MIN_SENTENCE_WORDS and self.ends_sentence

    @property
    def is_chrome(self) -> bool:
        """Signs that only site furniture carries, whatever the line's length."""
        return self.repeated or self.is_chrome_once

    @property
    def is_chrome_once(self) -> bool:
        """Chrome signs other than repetition (a headline may be printed twice)."""
        if (self.copyright or self.template or (not self.letters and not self.has_date) or self.link_label or self.trail
                or self.bar or self.teaser or self.echoes):
            return True  # counters, separators (no words, nor a date); a link to another article; a breadcrumb trail; buttons
        if self.appeal_box or (self.appeal and self.words <= MAX_APPEAL_WORDS and not self.glued):
            return True  # a box between two appeals holds no article text, however long its lines
        if (self.words >= MIN_MENU_WORDS and self.capital_share >= MIN_MENU_CAPITAL_SHARE and not self.ends_sentence
                and self.function_share < MIN_PHRASE_FUNCTION_SHARE and not self.has_date):
            # A menu: a long run of capitalised link words. A headline in Title Case
            # capitalises as much, but it is a phrase: "For", "Are", "And", "The" hold it together.
            return True
        if self.glued and (self.has_time or self.urlish or not self.ends_sentence):
            return True
        if self.has_time and self.has_date and self.words <= MAX_SHORT_WORDS and not self.ends_sentence:
            return False  # a dateline like "June 16, 2021 7:25 PM": meta, decided elsewhere
        short = self.words <= MAX_CHROME_WORDS and not self.ends_sentence
        return short and (self.chrome_words or self.urlish)

    @property
    def is_meta(self) -> bool:
        """A short dated or bylined line: the article's own dateline, byline or time stamp."""
        return not self.is_chrome and self.looks_meta

    @property
    def looks_meta(self) -> bool:
        """Shaped like a dateline, byline or time stamp, printed once or more (``is_meta`` when once)."""
        if self.words > MAX_SHORT_WORDS:
            # A long line has a date only as a stamp ("PUBLISHED: November 19, 2019 at 8:59 pm |
            # UPDATED: November 19, 2019 at 10:16 pm"): see ``describe``.
            return self.has_date
        if _BYLINE.match(self.text) or _META_WORDS.match(self.text) or self.opens_with_date:
            return True  # a date first, then the author and the sections filed under, as a blog's theme prints it
        if self.words <= 5 and not self.ends_sentence and (_BYLINE_WORDS.search(self.text) or _WIRE_AGENCY.search(self.text)):
            return True
        bare = _TIME.sub("", self.text)
        # "7:25 p.m." or "Tuesday, June 19, 2012": nothing but a date or a time
        return (self.has_date or self.has_time) and len(re.findall(r"[A-Za-z]{4,}", bare)) <= 4

    @property
    def is_stamp(self) -> bool:
        """Meta that stamps an article, never a photo: a date, a time, "By …", "Posted …" (a photo's
        credit may name an agency as a byline does: "Al Goldis, Associated Press")."""
        return self.is_meta and bool(self.has_date or self.has_time or _BYLINE.match(self.text) or _META_WORDS.match(self.text))

    @property
    def is_caption(self) -> bool:
        return self.credit


# The signature under a post an article embeds: "— Jane Doe (@janedoe) November 18, 2019" (a tweet),
# "A post shared by Jane Doe (@janedoe) on Nov 18, 2019 at 8:19pm PST" (Instagram).
_POST_DATE = r"[A-Z][a-z]+\.? \d{1,2}, \d{4}"
_EMBED_SIGNATURE = re.compile(
    rf"^\s*(?:[—–-]\s*[^()]{{1,80}}\(@\w{{1,30}}\)\s+{_POST_DATE}"
    r"|A post shared by [^()]{1,80}\(@[\w.]{1,30}\) on .{4,40})\s*$"
)
# ... its author and its date apart, as a scraper writing each text node on a line leaves them (the
# date is a link of its own): "— Cooper Lund (@cooperlund)" / "November 18, 2019".
_POST_AUTHOR = re.compile(r"^\s*[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s*$")
_POST_DATE_ALONE = re.compile(rf"^{_POST_DATE}$")
# A post's own link, at the end of its text.
_POST_LINK = re.compile(r"https?://t\.co/|pic\.twitter\.com/|instagr\.am/")
# Lines of one embedded post's text, at most.
MAX_EMBED_LINES = 6
# A photo's text printed for every photo (``_mark_alt_texts``): at least this many copies, each with a
# paragraph this many short lines above and below it at most.
MIN_ALT_TEXT_COPIES = 3
ALT_TEXT_REACH = 3
# A photo's button ("Report", "Enlarge this image") is this many words at most.
MAX_PHOTO_BUTTON_WORDS = 3
MAX_PHOTO_BUTTONS = 3  # lines of them under one photo

# A line that ends like this ends its sentence (or a label: "Updated:"), and the next starts anew.
_ENDS_LINE = re.compile(r"[.!?:…\"”’)\]]\s*$")
_CONTINUES = ",;:.)]!?%’”"
# An opening bracket or quotation mark opens what the next node says, alone ("[" / "Engadget" / "]")
# or at a line's end ('been dubbed “' / "bird fancier's lung."): no line ends on one. A closing
# quotation mark goes on with the line above, even after the full stop inside it.
_OPENERS = "[(«“"
_CLOSES = "”»"
# Words no sentence ends on ("… from The Wrap and" / "Deadline"); "to", "in", "from" may ("the rights to").
_LINKING_WORDS = frozenset("and or of the a an".split())
# "By" alone, the name under it a link of its own.
_BY_ALONE = re.compile(r"(?i)(?:by|written by|words by|posted by|reporting by)\s*:?")
MAX_BY_CHARACTERS = 14
# A page written one text node a line shows it: lines that open with a comma or a full stop, which
# a browser never starts a line with (80 of ScrapingHub's 181 pages so written have this many or
# more; 2 as Chromium's text, none as a text browser's or the development corpus's). On such a page two
# more things are inline pieces: a comma or a semicolon alone (", and") stands between two inline
# elements, so the node under it goes on too ("Grid 2019" / "," / "Gylt"), as any node under a line ending
# with a comma does ("… films in the series," / "Star Trek Beyond"); a short label and its value are one
# line ("See it now:" / "Amazon"). On a browser's text a line under a label is a block of its own.
_PUNCTUATION_FIRST = re.compile(r"^[,.;:)\]](?:\s|$)")
MIN_NODE_SIGNS = 3
_BETWEEN_INLINE = re.compile(r"[,;](?:\s+(?:and|or))?")
MAX_LABEL_WORDS = 4
# A quotation closed after a comma goes on with its attribution.
_COMMA_IN_QUOTE = re.compile(r",[”’\"]\s*$")
# A drop cap: the paragraph's first letter set large in an element of its own, which a browser's
# text puts on a line of its own ("H" over "ong Kong is burning."), an opening quote before it.
_DROP_CAP = re.compile(r"[“\"‘']?[A-ZÀ-ÞА-Я]")
# A name from the site's code opening a line: an icon's, which icon fonts print as text
# ("chevron_left Browse All Posts", "insert_chart Data Solutions"), or a template's field
# printed where the template failed ("story.lead_photo.caption President Trump and …").
# Words joined by underscores are no words of the text: left out, they neither make the
# line go on with the one above nor make it start in lower case. Alone on its line such a
# name stays: a commenter's ("old_stevedore"), which tells a comment thread.
_CODE_NAME = re.compile(r"^[A-Za-z][\w.]*_[\w.]*\w\s+(?=\S)")
# A linked name split out of its sentence is this many words at most.
MAX_NAME_PIECE_WORDS = 4


def page_lines(text: str) -> list[str]:
    """The non-empty lines of a page; paragraphs a text browser hard-wrapped (``unwrap``) and pieces of
    a sentence that an inline element split, joined again, and links to other articles run into a
    line cut out (``without_inline_links``).

    A scraper that writes every text node on a line of its own (BeautifulSoup's
    ``get_text("\\n")``) breaks "Rescue teams pulled <a>three survivors</a> from
    the rubble." into three lines, and the pieces read as chrome. A line
    continues the one above it (no blank line between) when that one does not
    end its sentence and this one starts with punctuation that goes on with a
    sentence, or in lower case after a comma, or in lower case with two words or
    more after a line of three words or more that ends in a word. Lists of links
    in lower case ("facebook", "linkedin") and tag lines stay apart: they are one
    word, or follow one. A name in a link ("met <a>Putin</a> in") joins when the sentence
    breaks off mid-phrase before it and goes on after it; alone it may be a menu's item. A drop cap
    ("H" over "ong Kong is burning.") is joined to the rest of its word, a bracket alone to what it
    opens ("[" / "Engadget" / "]"), and an embedded post's author to its date, a link of its own.
    (Joining names took this form's F1 on ScrapingHub from 0.881 to 0.886 on the pages
    whose failures were read, 0.860 to 0.869 held out.)
    On ScrapingHub's pages written as text nodes this took body F1 from 0.808 to
    0.860; as Chromium's text, 0.901 to 0.904; the development corpus kept 0.972.
    """
    # Any line break: a page saved with carriage returns alone, or with Unicode's line separators,
    # is as many lines as one saved with newlines.
    unstripped = unwrap(plain_spacing(text).splitlines())
    raws: list[str] = [_CODE_NAME.sub("", line.strip(), count=1) for line in unstripped]
    # Written one text node a line: a browser never starts a line with a comma or a full stop.
    nodes = sum(1 for line in raws if _PUNCTUATION_FIRST.match(line)) >= MIN_NODE_SIGNS
    lines: list[str] = []
    after_blank = True
    goes_on = False  # the line before was a name joined to its sentence, which this line goes on with
    for at, line in enumerate(raws):
        if not line:
            after_blank = True
            continue
        following = raws[at + 1: at + 2]
        name = not after_blank and _is_name_in_sentence(lines[-1], line, following)
        glue = None if after_blank else _glue(lines[-1], line, following, unstripped[at], goes_on or name, nodes)
        if glue is None:
            lines.append(line)
        else:
            lines[-1] += glue + line
        goes_on = name or (nodes and bool(_BETWEEN_INLINE.fullmatch(line)))
        after_blank = False
    return [without_inline_links(line) for line in lines]


def _glue(before: str, line: str, following: list[str], raw: str, goes_on: bool, nodes: bool) -> str | None:
    """What joins ``line`` to the line ``before`` it, no blank line between ("" or " "), or None when
    ``line`` starts a line of its own. ``raw``: the line as the page has it; ``following``: the line
    after it, if any; ``goes_on``: the line before was a piece the sentence goes on after; ``nodes``:
    the page was written one text node a line."""
    if line[0].islower() and _DROP_CAP.fullmatch(before):
        # The rest of the word follows the drop cap, unless a space was kept between ("A" / " man").
        return " " if raw[:1].isspace() else ""
    if before[-1] in _OPENERS:
        return ""  # "[" / "Engadget"; 'been dubbed “' / "bird fancier's lung."
    if len(before) <= MAX_BY_CHARACTERS and _BY_ALONE.fullmatch(before) and line[0].isupper():
        return " "  # "By" / "Ana Swanson": a byline whose name is a link
    if line[-1].isdigit() and _POST_DATE_ALONE.match(line) and _POST_AUTHOR.match(before):
        return " "
    if nodes and _is_labels_value(before, line):
        return " "
    if nodes and len(before.split()) >= 3 and before.rsplit(None, 1)[-1] in _LINKING_WORDS and not (
            len(line.split()) <= MAX_CHROME_WORDS and _CHROME_WORDS.search(line)):
        return " "  # (not into a link's label: a teaser cut off "… have died due to the" / "Read more")
    if nodes and before[-1] == "," and len(before.split()) >= 3:
        # Written one node a line, a sentence goes on after its comma whatever follows, a link or a
        # title in capitals: "Unlike the films before it," / "Star Trek Beyond" / "was directed by …".
        return " "
    if goes_on or _continues(before, line, following):
        return "" if line[0] in _CONTINUES else " "
    return None


def _is_name_in_sentence(before: str, line: str, after: list[str]) -> bool:
    """A capitalised piece of a few words (a linked name) inside a sentence that breaks off
    mid-phrase before it and goes on after it: "had 11 hits on / Mason Rudolph / (well, 12 …"."""
    if _ENDS_LINE.search(before) or not before[-1].islower() or len(before.split()) < 3:
        return False
    if _DROP_CAP.fullmatch(line):
        return False  # a drop cap, the next paragraph's first letter: "Photograph: AFP via Getty" / "H" / "ong Kong is …"
    if not line.lstrip(_QUOTE_OPEN)[:1].isupper() and not (line[0] in "“«" and line[1:2].isalpha()):
        return False  # a name, or words quoted: "called on the" / "“interim”" / "government to …"
    if len(line.split()) > MAX_NAME_PIECE_WORDS or (_ENDS_LINE.search(line) and line[-1] not in "”»"):
        return False
    following = after[0] if after else ""
    return bool(following) and (following[0].islower() or following[0] in ",;)(")


# A link to another article run into a paragraph: a marker, then that article's headline, glued to
# the text before it ("…says Dr Tedros AdhanomAlso Read - Monkeypox Cases Rising…") or after a space.
# The marker's capitals and its separator tell it from prose ("she also read: the letter…"). It
# runs to the paragraph's end, or to where the next text is glued on ("…So FarThe WHO said").
_LINK_MARKER = re.compile("Also Read|ALSO READ|Read Also|READ ALSO|Read More|READ MORE|See Also|SEE ALSO")
_INLINE_LINK = re.compile(
    rf"(?:(?<=[a-z.!?”\"’')])|\s+)(?:{_LINK_MARKER.pattern})\s*[-–—:|]\s*.*?(?:(?<=[a-z])(?=[A-Z][a-z])|$)"
)


# A name's card run into a paragraph: after a linked name, some sites print a card that pops up over
# it, the name again and that person's latest headlines, closed by its link "MORE"; a page's text
# keeps the card ("… to kill Rep. Ilhan OmarIlhan OmarHillicon Valley: … her MORE (D-Minn.), the …").
# The name printed twice, glued, tells it from prose.
_NAME_CARD = re.compile(r"\b((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w'’-]*[a-z])\1(?=[A-Z\W]).{0,1500}? MORE\b")


def without_inline_links(line: str) -> str:
    """``line`` without the links to other articles a site runs into its text, and without the
    cards of the names it links (``_NAME_CARD``).

    Cut before the line's signs are read: glued to a paragraph, the link made it read as a
    glued menu ("HomeNewsSport"), and the whole paragraph went as chrome.
    """
    if " MORE" in line:
        line = _NAME_CARD.sub(r"\1", line)
    if not _LINK_MARKER.search(line):  # most lines: a search for the markers alone is fast
        return line
    return " ".join(_INLINE_LINK.sub(" ", line).split())


def _is_labels_value(before: str, line: str) -> bool:
    """A short label and its value, each a text node of its own: "See it now:" / "Amazon"."""
    return (before.endswith(":") and len(before.split()) <= MAX_LABEL_WORDS and len(line.split()) <= MAX_LABEL_WORDS
            and not _ENDS_LINE.search(line) and not ITEM_MARK.match(line))


def _continues(before: str, line: str, after: list[str]) -> bool:
    if line[0] in _CLOSES:
        return True  # a quotation's closing mark, after the full stop inside it: "lung." / "” But in cases …"
    if before[-1] in "”’\"" and line[0].islower() and _COMMA_IN_QUOTE.search(before):
        return True  # '“It’s a shame to see a comrade die in this way,”' / "the doctor said."
    if _ENDS_LINE.search(before):
        return False
    if line[0] in _CONTINUES:
        return True
    if not line[0].islower():
        return False
    if before.isupper():
        # A line in capitals throughout is a heading, not a sentence cut by a link: a headline
        # printed in capitals over its byline in lower case ("… PEAR JAM FOR THE HOLIDAYS" over
        # "written by Regan") stays apart from it.
        return False
    if before[-1] == ",":
        return True
    # One word in lower case may be a menu's ("facebook", "email"), unless it ends the sentence
    # ("… in the 50 yard" / "freestyle.": a paragraph's last word that a text browser wrapped) or the
    # sentence goes on under it, with its punctuation ("told Gizmodo via" / "email" / ".") or in lower
    # case ("has" / "committed" / "to that timeline."), as a menu's next item, one word, does not.
    following = after[0] if after else ""
    ends = line[-1] in ".!?" or (bool(following) and following[0] in _CONTINUES) or (
        following[:1].islower() and len(following.split()) >= 2)
    return before[-1].isalpha() and len(before.split()) >= 3 and (len(line.split()) >= 2 or ends)


def read_lines(text: str, known_chrome: frozenset[str] = frozenset()) -> list[LineInfo]:
    """Non-empty lines of ``text`` with their signs; repetition is read page-wide.

    ``known_chrome`` holds the normalised lines the page's outlet is known to
    print around every article (see ``templates``).
    """
    infos: list[LineInfo] = []
    for line in page_lines(text):
        infos.append(describe(line, len(infos)))
    for before, info in zip(infos, infos[1:]):
        if _BARE_CREDIT.match(info.text) and not before.credit and before.words <= MAX_CAPTION_WORDS:
            before.credit = True
    for info in infos:
        info.key = normalise(info.text)
    counts = Counter(i.key for i in infos)
    for info in infos:
        # One-word lines ("Share", "0") repeat for reasons of layout, not chrome alone.
        info.repeated = counts[info.key] > 1 and info.words >= 3
        info.template = info.key in known_chrome
    _unmark_article_printed_twice(infos)
    _unmark_pull_quotes(infos)
    _mark_alt_texts(infos)
    _mark_embedded_posts(infos)
    _mark_photo_buttons(infos)
    _mark_appeal_boxes(infos)
    _mark_button_pitches(infos)
    return infos


def _unmark_article_printed_twice(infos: list[LineInfo]) -> None:
    """Paragraphs printed twice in the same order, the second copy wholly below the first, are the
    article printed twice, not furniture: a scraper that saved a page with its print or AMP copy,
    or a reader view under the page. The first copy is the article; the second stays repeated.

    Only on a page with little prose printed once, and enough printed twice: furniture printed
    twice (a menu, a teaser box at the top and the foot, the site's blurb in its header and
    footer) stands around an article printed once, and a teaser box's items can read as paragraphs.
    """
    if sum(i.words for i in infos if i.is_prose and not i.repeated) >= MAX_ONCE_PRINTED_PROSE_WORDS:
        return
    first: dict[str, int] = {}
    second: dict[str, int] = {}
    for info in infos:
        if info.key in first:
            second.setdefault(info.key, info.index)
        else:
            first[info.key] = info.index
    copies = [info for info in infos if info.is_prose and info.repeated and first[info.key] == info.index]
    if sum(info.words for info in copies) < MIN_TWICE_PRINTED_WORDS:
        return
    seconds = [second[info.key] for info in copies]
    if seconds != sorted(seconds) or seconds[0] <= copies[-1].index:
        return  # not one copy under the other
    for info in copies:
        info.repeated = False


def _mark_alt_texts(infos: list[LineInfo]) -> None:
    """A short line printed MIN_ALT_TEXT_COPIES times or more, every copy between two paragraphs:
    the text a page gives each of the article's photos (a text browser prints an image's alt text,
    often the same for every photo: "Mountain Hike Survival Kit with Arrowhead Water"). It is marked
    a caption, which sits inside an article and parts nothing; repeated as a menu is, it had parted
    every paragraph from the next."""
    copies: dict[str, list[LineInfo]] = {}
    for info in infos:
        if info.repeated and not info.is_prose and info.words <= MAX_CAPTION_WORDS:
            copies.setdefault(info.key, []).append(info)

    def beside_prose(info: LineInfo, step: int) -> bool:
        at = info.index + step
        for _ in range(ALT_TEXT_REACH):
            if not 0 <= at < len(infos):
                return False
            other = infos[at]
            if other.is_prose and not other.repeated:
                return True
            if other.words > MAX_CAPTION_WORDS:
                return False
            at += step
        return False

    for group in copies.values():
        if len(group) >= MIN_ALT_TEXT_COPIES and all(beside_prose(i, -1) and beside_prose(i, 1) for i in group):
            for info in group:
                info.credit = True


def _unmark_pull_quotes(infos: list[LineInfo]) -> None:
    """A paragraph printed again a few lines off, among the article's paragraphs, is a pull quote
    set into the article: the paragraph is the article's. (A box printed twice is several lines,
    each repeated; a pull quote stands alone between paragraphs printed once.)"""
    seen: dict[str, int] = {}
    counts = Counter(info.key for info in infos if info.repeated)
    for info in infos:
        if not (info.repeated and info.is_prose) or counts[info.key] != 2:
            continue  # a line printed more often is a form's ("Which cuisine do you like?" to each of those asked)
        if info.key not in seen:
            seen[info.key] = info.index
            continue
        first = infos[seen[info.key]]
        if not first.repeated or info.index - first.index > MAX_PULL_QUOTE_DISTANCE:
            continue
        around = [infos[i] for i in (first.index - 1, first.index + 1, info.index - 1, info.index + 1) if 0 <= i < len(infos)]
        if all(o.is_prose and not o.repeated for o in around if o.key != info.key):
            first.repeated = False


def _mark_button_pitches(infos: list[LineInfo]) -> None:
    """A sign-up button's pitch is an appeal: the line right above a lone "SUBSCRIBE" or "Sign up"
    ("Get breaking news alerts and special reports. The news and stories that matter, delivered
    weekday mornings."), or above the box's field ("Email address") when it stands between, and
    the box's heading above that ("Breaking News Emails")."""
    for button in infos[1:]:
        if not _SIGN_UP_BUTTON.match(button.text):
            continue
        pitch = infos[button.index - 1]
        if _EMAIL_FIELD.match(pitch.text) and pitch.index > 0:
            pitch.appeal = True
            pitch = infos[pitch.index - 1]  # the box's field, "Email address", stands between its pitch and its button
        if pitch.words > MAX_APPEAL_WORDS or _QUOTE_MARKS.search(pitch.text):
            continue
        if not (pitch.ends_sentence or _ADDRESS.search(pitch.text)):
            continue  # a pitch says something to the reader; a page's sticky bar sets its headline beside the button
        pitch.appeal = True
        heading = infos[pitch.index - 1] if pitch.index else None
        if heading is not None and heading.words <= MAX_BOX_HEADING_WORDS and not heading.ends_sentence and not heading.is_meta:
            heading.appeal = True


def _mark_appeal_boxes(infos: list[LineInfo]) -> None:
    """A line that speaks to the reader between two appeals is one more of their box ("From
    reproductive rights to Big Tech, The Independent is on the ground … we know how important
    it is …" between "Your support helps us" and "Your donation allows us")."""
    for before, info, after in zip(infos, infos[1:], infos[2:]):
        if (before.appeal and after.appeal and not info.appeal and _ADDRESS.search(info.text)
                and not _QUOTE_MARKS.search(info.text) and not _GLUED_SENTENCES.search(info.text)):
            info.appeal_box = True


def _mark_photo_buttons(infos: list[LineInfo]) -> None:
    """Mark a photo's buttons: the short lines under its credit, before the next photo's or printed
    under every photo ("Image copyright @AOC", "Report", "Image copyright @AOC", "Report"; one text node
    a line, the credit's link stands between: "Image Copyright @AOC", "@AOC", "Report")."""
    runs: list[list[LineInfo]] = []
    for before, info in zip(infos, infos[1:]):
        if before.is_caption and not info.is_caption:
            run = []
            for under in infos[info.index: info.index + MAX_PHOTO_BUTTONS]:
                if under.is_caption or under.is_prose or under.words > MAX_PHOTO_BUTTON_WORDS:
                    break
                run.append(under)
            if run:
                runs.append(run)
    printed = Counter(key for run in runs for key in {i.key for i in run})
    for run in runs:
        last = run[-1].index
        if any(printed[i.key] > 1 for i in run) or (last + 1 < len(infos) and infos[last + 1].is_caption):
            for info in run:
                info.photo_button = True


def _mark_embedded_posts(infos: list[LineInfo]) -> None:
    """Mark the lines of social-media posts an article embeds: each post's signature and its
    text above it, back to the article's own paragraph or the post before.

    A post's short lines ("meth.", "we're. on. it. https://t.co/…") and its signature read as
    chrome and would end the article in the middle; the article quotes them, as it quotes
    what people say.
    """
    for info in infos:
        if not _EMBED_SIGNATURE.match(info.text):
            continue
        info.embedded = True
        for above in reversed(infos[max(0, info.index - MAX_EMBED_LINES): info.index]):
            if above.embedded or (above.is_prose and not above.is_chrome and not _POST_LINK.search(above.text)):
                break  # the article's paragraph, or the post above
            above.embedded = True


def _is_long_stamp(line: str, ends_sentence: bool) -> bool:
    """A stamp longer than a short line: "PUBLISHED: … | UPDATED: …", or a byline with the date and
    topic beside it ("By Jason Cipriani | November 18, 2019 -- 19:14 GMT | Topic: Hardware"); not a
    sentence ("By Tuesday, 29 people had died …" opens a paragraph)."""
    return bool(_META_WORDS.match(line)) or (not ends_sentence and bool(_BYLINE.match(line)))


def describe(line: str, index: int) -> LineInfo:
    """The signs of one line."""
    words = line.split()
    n_words = word_count(line, words)
    alpha = [w for w in words if w[:1].isalpha()]
    capitals = sum(1 for w in alpha if w[0].isupper())
    first = line.lstrip(_QUOTE_OPEN + "—–-… ")[:1]
    ends_sentence = bool(_SENTENCE_END.search(line))
    if ends_sentence and line.endswith(("...", "…")) and _CUT_OFF.search(line):
        ends_sentence = False
    # Signs read only on short lines (see LineInfo's properties) are looked for
    # only there: most of a page's text is in its long lines.
    short = n_words <= MAX_SHORT_WORDS
    dates = find_dates(line) if short or (n_words <= MAX_STAMP_WORDS and _is_long_stamp(line, ends_sentence)) else []
    return LineInfo(
        index=index,
        text=line,
        words=n_words,
        ends_sentence=ends_sentence,
        capital_share=capitals / len(alpha) if alpha else 1.0,
        function_share=sum(1 for w in words if w.lower() in _FUNCTION_WORDS) / len(words) if words else 0.0,
        # A clock time, or on a short line a stamp counting back ("Updated 2 hours ago").
        has_time=bool(_TIME.search(line) and (_CLOCK_ZONE.search(line) or re.search(r"[ap]\.?m\.?\b", line, re.I) or n_words <= 8))
        or (short and counts_back(line)),
        has_date=bool(dates),
        opens_with_date=short and not ends_sentence and bool(dates) and not line[:dates[0].start].strip(),
        glued=bool(_GLUED.search(line)),
        copyright=bool(_COPYRIGHT.search(line) or (n_words <= MAX_NOTICE_WORDS and _COPYRIGHT_WORDS.search(line))),
        credit=bool(_CREDIT.search(line) or _CREDIT_LINE.match(line) or _PICTURED.search(line) or _LEFT_RIGHT.search(line)
                     or ("/" in line and _AGENCY_CREDIT.search(line)) or bool(short and _IMAGE_FILES.match(line))
                     or (n_words >= MIN_SENTENCE_WORDS and _SCENE_DATE.search(line))),
        chrome_words=n_words <= MAX_CHROME_WORDS and not ends_sentence and bool(_CHROME_WORDS.search(line)),
        # (Up to MAX_CHROME_WORDS, ``chrome_words`` says it already.)
        bar=MAX_CHROME_WORDS < n_words <= MAX_BAR_WORDS and not ends_sentence and _is_bar(line, n_words),
        link_label=n_words <= MAX_LINK_LABEL_WORDS and bool(_LINK_LABEL.match(line)),
        trail=n_words <= MAX_SHORT_WORDS and bool(_TRAIL.match(line)),
        echoes=n_words >= 2 * ECHO_WORDS and not ends_sentence and _echoes(words),
        appeal=bool((_ADDRESS.search(line) and _APPEAL.search(line) or (_SHARE_CALL.match(line) and not ends_sentence))
                    and not _QUOTE_MARKS.search(line) and not _GLUED_SENTENCES.search(line)),
        urlish=bool(_URLISH.search(line)),
        starts_lower=first.islower(),
        dateline=bool(_DATELINE.match(line)),
        letters=any(c.isalpha() for c in line),
    )


def furniture_words(line: str) -> int:
    """How many of the line's words are words sites use for their furniture (``_CHROME_WORDS``)."""
    return sum(len(m.group().split()) for m in _CHROME_WORDS.finditer(line))


def _echoes(words: list[str]) -> bool:
    """Whether a run of ECHO_WORDS words comes ECHO_COPIES times in ``words``, or twice back to back
    (a run of links, each printed with its picture's text: "1 Chinese hunter catches bubonic plague
    after eating wild rabbit 120-year-old photo sparks … 2 Chinese hunter catches bubonic plague …";
    "Apple’s best Black Friday deals 2019: iPhones, watches and more Apple’s best Black Friday deals
    2019: iPhones, watches and more"). Asked only of lines that end no sentence, as such runs do and
    paragraphs do not (most lines of a page, read faster so). A paragraph may quote a
    phrase again further on, but does not print itself so."""
    if len(words) - len(set(words)) < ECHO_WORDS:
        return False  # a run's second copy is ECHO_WORDS words printed before: most lines have fewer
    runs = list(zip(*(words[at:] for at in range(ECHO_WORDS))))
    if len(set(runs)) == len(runs):
        return False  # no run twice, told without a loop in Python
    first: dict[tuple[str, ...], int] = {}
    seen: Counter[tuple[str, ...]] = Counter()
    for at, run in enumerate(runs):
        seen[run] += 1
        if seen[run] >= ECHO_COPIES:
            return True
        if run in first:
            gap = at - first[run]
            if words[first[run]: at] == words[at: at + gap]:
                return True
        else:
            first[run] = at
    return False


def _is_bar(line: str, words: int) -> bool:
    """Furniture words, and between them only the little words buttons use ("on", "via", "this
    article"): "Facebook, Twitter, YouTube and Instagram share data with police" is a headline."""
    if len(_CHROME_WORDS.findall(line)) < MIN_BAR_CHROME_WORDS or 2 * furniture_words(line) < words:
        return False
    rest = _CHROME_WORDS.sub(" ", line).lower().split()
    return all(w.strip(":|•·,-–—/()") in _BUTTON_WORDS for w in rest)


# --- a line among its neighbours -------------------------------------------


def in_link_list(info: LineInfo, infos: list[LineInfo]) -> bool:
    """A line among chrome lines on both sides: part of a menu or a related-links list."""
    before = infos[info.index - 1] if info.index > 0 else None
    after = infos[info.index + 1] if info.index + 1 < len(infos) else None
    return bool(before and after and before.is_chrome and after.is_chrome)


def in_menu(info: LineInfo, infos: list[LineInfo], title: int | None) -> bool:
    """In a link list, unless beside the headline: a headline printed twice reads as chrome."""
    return not (title is not None and abs(info.index - title) == 1) and in_link_list(info, infos)
