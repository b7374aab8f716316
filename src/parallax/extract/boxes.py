"""Boxes a page sets around or into its article that read like it: teasers of other stories.

A teaser's standfirst reads as a paragraph, and a headline between two is too short a gap
for the line classifier to part them, so a box of teasers runs on as the article's end, or
becomes its start and headline. Such boxes are told by their shape: a short label ("More
stories", "Read more") over headlines, each over at most one short paragraph; headlines closed
by the box's link to their section ("More in …"); a video player's titles, each beside its length.
A box marked so is one piece of furniture, however many lines it holds (``plaintext._is_box_inside``).
"""

from __future__ import annotations

import re

from .headline import is_headline_shaped
from .lines import LineInfo

# A box of teasers: a label of at most this many words over at least this many headlines, each over one paragraph.
MAX_BOX_LABEL_WORDS = 4
MIN_TEASERS = 3
# ... a label that says what the box holds: other stories. (A crosshead over an article's list, "The
# winners" over "Best actress: Emma Stone" and a sentence, has the same shape.)
_TEASER_LABEL = re.compile(
    r"^\W*(?:(?:more|top|latest|other|related|recent|popular|trending|recommended|featured)(?: \w+)? "
    r"(?:stories|news|articles|headlines|reads|posts)|most (?:read|popular|viewed|shared)|trending(?: now)?|"
    r"editor['’]?s['’]? (?:picks|choice)|(?:read|watch) next|up next|you (?:may|might) also like|don['’]t miss|"
    r"in (?:other|case you missed)[\w ]{0,12}|more (?:from|in) [\w .'’-]{1,30}|recommended(?: for you)?)\W*$",
    re.I,
)
# ... a teaser's paragraph is a sentence or two; a section's is longer.
MAX_TEASER_WORDS = 40
# A box of related links: a label that says so, over at least this many headlines alone. (Not a box
# of the latest or top stories: such a label may stand over the page's own headline, as its section.)
_RELATED_LABEL = re.compile(
    r"^\W*(?:read more|related(?: stories| articles| coverage| content| links| news)?|see also|also read|"
    r"more on (?:this|the) (?:story|topic|subject)|recommended(?: for you| reading)?|you (?:may|might) also like|"
    r"don['’]t miss|more stories|"
    # An advertising network's box of paid links (Taboola, Outbrain), set under or into articles everywhere.
    r"(?:sponsored|promoted|paid|partner) (?:stories|content|links|posts)|(?:from|around) the web|recommended by \w+)\W*$",
    re.I,
)
MIN_RELATED_LINKS = 2
# A video's length alone on its line, and how far apart two in one player's list stand at most.
_LENGTH = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?\s*$")
MAX_RAIL_GAP = 4
MIN_RAIL_TITLES = 2
# A box of links closed by its own link to the rest of its section ("More in Trump Impeachment
# Inquiry"), under at least MIN_TEASERS headlines alone.
_SECTION_LINK = re.compile(r"^\W*more (?:in|from|on) (?!this\b|the (?:story|topic)\b)(\w[\w .&'’-]{1,40}?)\W*$", re.I)
MAX_SECTION_LINK_WORDS = 7


def mark_teaser_boxes(infos: list[LineInfo]) -> None:
    """Mark a box of other articles' teasers as furniture: a label that says so ("More stories", "Top
    Stories", "Most read"), then at least MIN_TEASERS headlines, each over a single paragraph (and perhaps its date);
    or a label of related links ("Read more", "Related") over headlines alone; or headlines alone
    over the box's link to their section (``_mark_section_box``); or a video player's list (``_mark_video_rails``).

    A teaser's paragraph reads as prose, and a headline between two is too short a gap
    to part them, so the box had run on as the article's end (or its start). An article's
    own sections have longer paragraphs, or more than one under a crosshead.
    """
    for label in infos:
        if label.words > MAX_BOX_LABEL_WORDS or label.ends_sentence or label.is_prose or label.is_meta:
            continue
        teasers: list[tuple[int, int]] = []
        at = label.index + 1
        while at + 1 < len(infos) and is_headline_shaped(infos[at]):
            paragraph = infos[at + 1]
            if not paragraph.is_prose or paragraph.is_chrome or paragraph.words > MAX_TEASER_WORDS:
                break
            end = at + 1
            while end + 1 < len(infos) and infos[end + 1].is_meta:
                end += 1
            if end + 1 < len(infos) and infos[end + 1].is_prose and not infos[end + 1].is_chrome:
                break  # two paragraphs under it: a section of an article
            teasers.append((at, end))
            at = end + 1
        if len(teasers) >= MIN_TEASERS and _TEASER_LABEL.match(label.text):
            label.teaser = True
            for first, last in teasers:
                for info in infos[first: last + 1]:
                    info.teaser = True
            continue
        # A box of links to related articles: its label, then their headlines alone ("Read more" /
        # "Egypt braces for …" / "Greek leaders start …"), set into the article or under it.
        if _RELATED_LABEL.match(label.text):
            end = label.index + 1
            while end < len(infos) and not infos[end].is_prose and is_headline_shaped(infos[end]):
                end += 1
            if end - label.index - 1 >= MIN_RELATED_LINKS:
                for info in infos[label.index: end]:
                    info.teaser = True
    for link in infos:
        if link.words <= MAX_SECTION_LINK_WORDS and (section := _SECTION_LINK.match(link.text)):
            _mark_section_box(infos, link, section.group(1))
    _mark_video_rails(infos)


def _mark_video_rails(infos: list[LineInfo]) -> None:
    """A video player's list: two titles or more, each beside its length ("Leaders meet for talks" /
    "2:31"), the lengths at most MAX_RAIL_GAP lines apart. (A length alone is furniture already,
    having no letters; its title reads as a headline, and a player set into an article cut it in
    two.) One title beside a length or two is a video page's own headline over its player's clock."""
    lengths = [i.index for i in infos if i.words == 1 and _LENGTH.match(i.text)]
    clusters: list[list[int]] = []
    for at in lengths:
        if clusters and at - clusters[-1][-1] <= MAX_RAIL_GAP:
            clusters[-1].append(at)
        else:
            clusters.append([at])
    for cluster in clusters:
        titles = {title.index for at in cluster for title in infos[max(0, at - 1): at] + infos[at + 1: at + 2]
                  if not title.is_prose and is_headline_shaped(title)}
        if len(titles) >= MIN_RAIL_TITLES:
            for index in titles:
                infos[index].teaser = True


def _mark_section_box(infos: list[LineInfo], link: LineInfo, section: str) -> None:
    """Headlines alone over the box's link to its section ("More in Trump Impeachment Inquiry"),
    and the box's label above them when it names that section ("Trump Impeachment Inquiry More")."""
    start = link.index
    while start > 0 and not infos[start - 1].is_prose and is_headline_shaped(infos[start - 1]):
        start -= 1
    if link.index - start < MIN_TEASERS:
        return
    label = infos[start - 1] if start > 0 else None
    if label is not None and label.words <= MAX_BOX_LABEL_WORDS + 1 and section.lower() in label.text.lower():
        start -= 1
    for info in infos[start: link.index + 1]:
        info.teaser = True
