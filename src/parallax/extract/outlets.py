"""Which outlet published a page: from its URL, else from the page's own words.

Without a URL, a page names its site in two ways: its furniture refers to the
site by name ("Follow The Verge online:", "About SFGATE", "The Verge homepage"),
and its footer names the owner ("© 2019 Vox Media, LLC"). The site's own name
comes first: the owner is often a publisher of many sites.

Never from a file name: a file called ``reuters_1.txt`` says nothing reliable
about who published what is inside it.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

# Host prefixes that name a server, not the outlet.
_HOST_PREFIXES = ("www.", "www1.", "www2.", "m.", "amp.", "mobile.", "edition.")

# A site names its owner in the footer: "© 2021 Acme News", "Copyright 2019 Acme",
# "All rights reserved to Acme", "Maintained and developed by Acme", "Powered by".
_OWNER_PATTERNS = [
    re.compile(r"(?:maintained\s+and\s+)?developed\s+by\s+(?P<name>[^.,;©|]+)", re.I),
    re.compile(r"all\s+rights\s+reserved\s+(?:to|by)\s+(?P<name>[^.,;©|]+)", re.I),
    re.compile(r"(?:copyright|©|\(c\))\s*(?:©\s*|copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?,?\s+(?P<name>[^\W\d_][^.,;©|。।]+)", re.I),
]
# Legal-form and filler words that trail an owner's name.
_TRAILING_WORDS = {
    "sal", "ltd", "llc", "inc", "plc", "limited", "corp", "corporation", "group", "media",
    "co", "company", "gmbh", "sa", "all", "rights", "reserved", "the", "pvt", "pty", "&",
    # "All rights reserved" in Chinese, Japanese, Hindi, Arabic, Thai.
    "版权所有", "版權所有", "保留所有权利", "無断転載禁止", "無断転載を禁じます", "सर्वाधिकार", "सुरक्षित", "جميع", "الحقوق",
    "محفوظة", "สงวนลิขสิทธิ์",
}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Where an owner's name ends in a footer line: "Al Bawaba (www.albawaba.com)", "Inexhibit - ISSN: …",
# "Acme / acme.net GmbH", "The Republic unless otherwise noted", "Acme | Privacy Policy".
_NAME_END = re.compile(r"\s*(?:\(|\s[-–—|/]\s|\bunless\b|\|)")
# A notice states a year or the sign; "Copyright Policy" is a link to a page about it.
_NOTICE = re.compile(r"©|\(c\)|\b(?:19|20)\d\d\b", re.I)
_RESERVED = re.compile(r"rights\s+reserved", re.I)
# "Designed and developed by …" credits the web agency that built the site.
_DESIGNED = re.compile(r"\bdesign(?:ed)?\s*(?:and|&)\s*$", re.I)

# How a site's furniture names the site itself. Written by hand: no library reads a
# site's name from its text (trafilatura and htmldate read it from the markup's meta).
# A name: a few capitalised words, or a handle; "of", "by", "and" may join them ("Dawgs By Nature").
_SITE = r"(?P<name>(?:[A-Z@][\w'’&.\-]*)(?:\s+(?:[A-Z][\w'’&.\-]*|of|by|and|&|the))*?)"
# ... ending the line, or a phrase of the line ("Follow The Verge online:", "Subscribe to AppleInsider on YouTube").
_SITE_END = r"(?=\s*$|\s*[:|,.!?\-–—(]|\s+(?:on|online|in|for|to|and|with|via|newsletters?|app|homepage)\b)"
_SELF_BEFORE = re.compile(
    r"(?i:\b(?P<frame>follow|subscribe\s+to|support|contact|about|advertise\s+(?:with|on)|back\s+to|popular\s+on"
    r"|more\s+from|(?:more\s+)?stories\s+from|sign\s+up\s+for|download\s+the|get\s+the|welcome\s+to"
    r"|trending\s+now\s+on|listen\s+to|originally\s+published\s+(?:on|by|in)|continue\s+to|latest\s+from"
    r"|(?:reporter|writer|editor|correspondent|contributor|columnist|producer)\s+(?:at|for|with)"
    r"|newsletters?\s+from|(?:view|read)\s+\w+\s+on|exclusive\s+to|only\s+on)\s+)" + _SITE + _SITE_END
)
_SELF_AFTER = re.compile(
    r"^\s*" + _SITE + r"\s+(?P<frame>(?i:home\s?page|main\s+menu|newsletters?|staff|store|shop(?:ping)?|apps?|podcasts?"
    r"|careers|events|conferences?|membership|magazine|jobs"
    r"|is\s+supported\s+by|is\s+part\s+of|is\s+a\s+registered|-\s+back\s+to\s+home|around\s+the\s+globe"
    r"|customer\s+support|editorial\s+(?:team|staff)))\b"
)
# The words those frames open with: a line with none of them is not read with the patterns
# (most lines of a page's furniture; the patterns cost several times this test).
_SELF_BEFORE_WORDS = frozenset(
    "follow subscribe support contact about advertise back popular more stories sign download get welcome trending"
    " listen originally continue latest reporter writer editor correspondent contributor columnist producer"
    " newsletter newsletters view read exclusive only".split()
)
_SELF_AFTER_WORDS = frozenset(
    "homepage home main newsletter newsletters staff store shop shopping app apps podcast podcasts is - around customer"
    " editorial careers events conference conferences membership magazine jobs".split()
)
# A site prints its own address as its name ("TheHill.com", "Source: Moneycontrol.com", "© 2000-
# MacRumors.com, LLC"): a host name standing as a word, not a link's path or an email address.
_DOMAIN = re.compile(
    r"(?<![\w@./:-])(?P<name>[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9])\.(?i:com|net|org|co\.uk|com\.au|co|news|tv|ru|in|de|fr|it|es|ie|ca)"
    r"(?![\w@/-]|\.\w)"
)
# A site's products named after it, which a frame before the name may end with.
_PRODUCTS = frozenset({"magazine", "app"})
# Frames that also name a site's shows ("Pick Six Podcast", "Pick Six Newsletter"): these two alone
# do not make a name the site's. (A store and an app are the site's own: "CBS News Store", "CBS News App".)
_SHOW_FRAMES = frozenset({"newsletter", "newsletters", "podcast", "podcasts"})
# What such frames also name that is no site: "About Us", "Back to Top", "Follow Facebook".
_NOT_SITES = frozenset({
    "us", "our", "top", "home", "app", "theapp", "newsletter", "newsletters", "free", "more", "all", "menu", "search",
    "news", "today", "now", "here", "this", "it", "me", "you", "the", "page", "site", "website", "advertising",
    "privacy", "terms", "cookies", "careers", "jobs", "theauthor", "author", "authors", "theeditors", "editors",
    "theteam", "team", "facebook", "twitter", "instagram", "youtube", "linkedin", "pinterest", "whatsapp",
    "google", "apple", "tiktok", "reddit", "email", "rss",
})
# A line longer than this is prose, whatever it mentions ...
MAX_SELF_REFERENCE_WORDS = 40
# ... and one longer than this is read only for a notice opening with the site's name ("Live
# Science is part of Future US Inc, an international media group …"), not for a menu's or a
# bio's phrase inside it ("About SFGATE", "Never miss an update Follow AppleInsider").
MAX_SELF_PHRASE_WORDS = 12


def outlet_from_url(url: str | None) -> str | None:
    """The outlet's domain, without server prefixes (``https://www.bbc.co.uk/x`` → ``bbc.co.uk``)."""
    if not url:
        return None
    try:
        host = urlsplit(url if "://" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
            break
    return host


def owner_from_line(line: str) -> str | None:
    """The owner a copyright or "developed by" line names, tidied, or None."""
    for pattern in _OWNER_PATTERNS:
        m = pattern.search(line)
        if not m:
            continue
        if pattern is _OWNER_PATTERNS[-1] and not _NOTICE.search(line):
            continue
        if pattern is _OWNER_PATTERNS[0] and _DESIGNED.search(line[:m.start()]):
            continue  # "Designed and developed by PenciDesign": the web agency, not the owner
        name = _clean_owner(m.group("name"))
        if name:
            return name
    return None


def _clean_owner(raw: str) -> str | None:
    raw = _NAME_END.split(raw, maxsplit=1)[0]
    words = _YEAR.sub(" ", raw).split()
    while words and words[-1].lower().strip(".") in _TRAILING_WORDS:
        words.pop()
    while words and words[0].lower() in {"the", "by", "to", "copyright", "©"}:
        words.pop(0)  # "© Copyright Gannett 2018"
    # An owner's name is a few capitalised words; anything longer is a sentence.
    # A name opens with a capital, or with a letter of a script that has none ("港口日报", "बंदरगाह समाचार").
    if not words or len(words) > 6 or not (words[0][:1].isupper() or (words[0][:1].isalpha() and not words[0][:1].islower())):
        return None
    return " ".join(words)


def outlet_from_page(chrome: list[str], footer: list[str]) -> str | None:
    """The site's name its furniture gives (``chrome``: the lines that are not the article),
    else the owner its footer names."""
    return site_from_lines(chrome) or outlet_from_lines(footer)


def site_from_lines(lines: list[str]) -> str | None:
    """The name a site's furniture calls the site by, in at least two ways.

    One way alone is not enough, however often: "Contact Editor Jane", "About
    Life" (a menu item, printed twice) name something else. The site names itself
    in its menus, its follow buttons, its staff's bios and its own notices, so in
    several ways ("About SFGATE", "Contact SFGATE", "SFGate Newsletters"), not only
    in its shows' names ("Pick Six Podcast", "Pick Six Newsletter"). A handle
    ("Follow @janedoe") counts only beside the name written out: writers have
    handles too. So does the site's address printed as a word ("TheHill.com"
    beside "The Hill Apps"): alone it may be any site a page cites or links.
    """
    frames: dict[str, set[str]] = {}
    spellings: dict[str, Counter] = {}
    for line in lines:
        words = line.lower().split()
        if len(words) > MAX_SELF_REFERENCE_WORDS:
            continue
        matches = []
        if len(words) <= MAX_SELF_PHRASE_WORDS and not _SELF_BEFORE_WORDS.isdisjoint(words):
            matches.extend(_SELF_BEFORE.finditer(line))
        if not _SELF_AFTER_WORDS.isdisjoint(words) and (after := _SELF_AFTER.match(line)) is not None:
            matches.append(after)
        if "." in line:
            for domain in _DOMAIN.finditer(line):
                key = domain.group("name").lower().replace("-", "")
                if key not in _NOT_SITES:
                    frames.setdefault(key, set()).add("address")
        for match in matches:
            handle = match.group("name").startswith("@")
            parts = match.group("name").strip(" .-'’@").split()
            while parts and parts[-1].lower() in {"of", "by", "and", "&", "the"}:
                parts.pop()
            if len(parts) > 1 and parts[-1].lower() in _PRODUCTS:
                parts.pop()  # "Subscribe to CRN Magazine", "Download the Acme News App": the site's own
            name = " ".join(parts)
            key = re.sub(r"[^a-z0-9]", "", name.lower())
            if not key or len(parts) > 5 or key in _NOT_SITES or re.search(r"['’]s\s", name):
                continue  # "NASCAR’s Denny Hamlin" is a phrase ("Barron's" may be a name)
            frames.setdefault(key, set()).add(re.sub(r"\s+", " ", match.group("frame").lower()))
            if not handle:
                spellings.setdefault(key, Counter())[name] += 1
    named = [(len(frames[key]), sum(spellings[key].values()), key) for key in spellings
             if len(frames[key]) >= 2 and frames[key] - _SHOW_FRAMES]
    if not named:
        return None
    key = max(named)[2]
    # Its most frequent spelling; of equals, the one not in capitals ("SFGate" is a menu's "SFGATE").
    return max(spellings[key], key=lambda n: (spellings[key][n], not n.isupper(), -len(n)))


def outlet_from_lines(lines: list[str]) -> str | None:
    """The owner most often named by the page's copyright/"developed by" lines."""
    names: Counter = Counter()
    notices: Counter = Counter()  # names a full notice gives ("© 2019 Acme Ltd. All rights reserved.")
    for line in lines:
        name = owner_from_line(line)
        if name:
            names[name] += 1
            notices[name] += bool(_RESERVED.search(line) or _YEAR.search(line))
    if not names:
        return None
    # Footers often name the same owner in two spellings ("Acme Daily Media Group",
    # "Acme Dailies Group"); the most frequent spelling wins, then the one a full notice
    # gives (a photo's "© Reuters" is a credit), then the shortest.
    return min(names, key=lambda n: (-names[n], -notices[n], len(n)))
