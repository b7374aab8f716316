"""Explicit calendar dates in page lines and URLs.

Written by hand rather than with ``dateparser.search``: that finds "dates" in
ordinary prose ("may", "March on") and costs milliseconds a line, while a page's
publication date is almost always in one of a few numeric or month-name shapes
that regular expressions read exactly and fast. Relative dates ("on Monday") are
the annotate stage's business, not this module's; a stamp that counts back from
when the page was served ("Published 22 hours ago") is read here (``served_ago``),
against the time the crawler fetched the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# A year ends at a word's end, or where the time a page printed beside it is glued on ("NOV 20 20194:29 AM").
_YEAR_END = r"(?:\b|(?=\d{1,2}:\d\d))"
# Month names of other languages news is written in, as their dates print them ("25. September
# 2018", "22 de outubro de 2010", "24 сентября 2018", "30 Maret 2015", "19 Kasım 2019", "19 नवंबर
# 2019", "19 نوفمبر 2019"): day, month, year; or in
# the English order a blog's template keeps ("Oktober 27, 2015"). English names are above.
MONTHS_ELSEWHERE = {
    1: "januar janvier enero janeiro gennaio januari января styczeń stycznia ocak जनवरी يناير",
    2: "februar février fevrier febrero fevereiro febbraio februari февраля lutego şubat फ़रवरी फरवरी فبراير",
    3: "märz maerz mars marzo março marco maart maret марта marca mart मार्च مارس",
    4: "avril abril aprile апреля kwietnia nisan अप्रैल أبريل ابريل",
    5: "mai mayo maio maggio mei мая maja maj mayıs मई مايو",
    6: "juni juin junio junho giugno июня czerwca haziran जून يونيو",
    7: "juli juillet julio julho luglio июля lipca temmuz जुलाई يوليو",
    8: "août aout agosto augustus agustus augusti августа sierpnia ağustos अगस्त أغسطس اغسطس",
    9: "septembre septiembre setiembre setembro settembre сентября września eylül सितंबर सितम्बर سبتمبر",
    10: "oktober octobre octubre outubro ottobre октября października ekim अक्टूबर अक्तूबर أكتوبر اكتوبر",
    11: "novembre noviembre novembro ноября listopada kasım नवंबर नवम्बर نوفمبر",
    12: "dezember décembre decembre diciembre dezembro dicembre desember декабря grudnia aralık दिसंबर दिसम्बर ديسمبر",
}
_MONTH_ELSEWHERE = {name: number for number, names in MONTHS_ELSEWHERE.items() for name in names.split()}
_MONTH_NAME_ELSEWHERE = r"(?P<mname>" + "|".join(sorted(_MONTH_ELSEWHERE, key=len, reverse=True)) + r")"
# Thai pages print the month's name, often abbreviated ("19 พ.ย. 2562"), and the year of the Buddhist
# era, 543 years ahead of the Common Era's.
THAI_MONTHS = {
    "มกราคม": 1, "ม.ค.": 1, "กุมภาพันธ์": 2, "ก.พ.": 2, "มีนาคม": 3, "มี.ค.": 3, "เมษายน": 4, "เม.ย.": 4,
    "พฤษภาคม": 5, "พ.ค.": 5, "มิถุนายน": 6, "มิ.ย.": 6, "กรกฎาคม": 7, "ก.ค.": 7, "สิงหาคม": 8, "ส.ค.": 8,
    "กันยายน": 9, "ก.ย.": 9, "ตุลาคม": 10, "ต.ค.": 10, "พฤศจิกายน": 11, "พ.ย.": 11, "ธันวาคม": 12, "ธ.ค.": 12,
}
BUDDHIST_ERA_OFFSET = 543
_THAI_MONTH = "(?P<tmonth>" + "|".join(re.escape(name) for name in sorted(THAI_MONTHS, key=len, reverse=True)) + ")"
# Years a news page can plausibly be dated to; keeps "1917" of a history piece out.
MIN_YEAR, MAX_YEAR = 1990, 2100

_PATTERNS = [
    # 2012-06-19, 2012/06/19
    ("iso", re.compile(r"\b" + _YEAR + r"[-/.](?P<a>\d{1,2})[-/.](?P<b>\d{1,2})(?!\d)")),
    # 2012年6月19日 (Chinese, Japanese), 2012년 6월 19일 (Korean): year, month, day, each with its sign
    ("iso", re.compile(_YEAR + r"\s*[年년]\s*(?P<a>\d{1,2})\s*[月월]\s*(?P<b>\d{1,2})\s*[日일]")),
    # 19/06/2012, 06/19/2012, 19.06.2012; glued to a name or a word ("Estes11/13/2019", "18.11.2019Get")
    ("numeric", re.compile(r"(?<!\d)(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-]" + _YEAR + r"(?!\d)")),
    # 11/19/19: US pages' bylines write the year in two digits, with slashes (a dot or a dash
    # between three short numbers is a version or a score)
    ("numeric", re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d\d)(?![\d/])")),
    # June 19, 2012 / Jun. 19 2012
    ("mdy", re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + _YEAR_END, re.I)),
    # 19 June 2012 / 19th of June, 2012
    ("dmy", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + _YEAR_END, re.I)),
    # 19-Jun-2012, 19-June-2012
    ("dmy", re.compile(r"(?<![\w.-])(?P<day>\d{1,2})-" + _MONTH + r"-" + _YEAR + r"\b", re.I)),
    # 25. September 2018, 22 de outubro de 2010, 24 сентября 2018
    ("dmy_elsewhere", re.compile(r"(?<!\d)(?P<day>\d{1,2})\.?\s+(?:de\s+)?" + _MONTH_NAME_ELSEWHERE
                                 + r"\.?,?\s+(?:de\s+)?" + _YEAR + r"\b", re.I)),
    # Oktober 27, 2015: any word, then looked up (an alternation of every name, tried at every
    # letter of every line, was a tenth of plain-text extraction's time)
    ("mdy_elsewhere", re.compile(r"(?<!\w)(?P<mname>[^\W\d_]{3,12})\s+(?P<day>\d{1,2}),\s+" + _YEAR + r"\b")),
    # 19 พ.ย. 2562, 19 พฤศจิกายน 2019 (Thai: the Buddhist era's year, or the Common Era's)
    ("thai", re.compile(r"(?<!\d)(?P<day>\d{1,2})\s*" + _THAI_MONTH + r"\s*(?P<year>(?:25|19|20)\d\d)(?!\d)")),
    # 2018 Thursday ,30 August  (year first, weekday, day month: seen in link lists)
    ("ydm", re.compile(_YEAR + r"\s+[A-Za-z]+\s*,\s*(?P<day>\d{1,2})\s+" + _MONTH, re.I)),
]

_YEARISH = re.compile(r"(?:19|20|25)\d\d|/\d\d")
# Digits other than ASCII ones that news dates are printed in: Arabic-Indic ("١٩ نوفمبر ٢٠١٩"), Persian,
# Devanagari, and the full-width digits of Chinese and Japanese text ("２０１９年１１月１９日").
_DIGITS = str.maketrans({chr(zero + n): str(n) for zero in (0x0660, 0x06F0, 0x0966, 0xFF10) for n in range(10)})

_URL_PATTERNS = [
    re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/|$|[-_])"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)/" + _MONTH[:-3].replace("(?P<month>", "(?P<mname>") + r"\.?/(?P<day>\d{1,2})/", re.I),
    re.compile(r"[/_-](?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?:[/_.-]|$)"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:[/_.-]|$)"),
]


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date read from text, with how sure the reading is about day and month order."""

    date: date
    start: int
    end: int
    ambiguous: bool = False  # a numeric date whose day and month could swap
    day_first: bool | None = None  # for numeric dates: which reading was used


def _make(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, *, day_first: bool | None = None) -> list[FoundDate]:
    """Every explicit calendar date in ``text``, in order.

    Args:
        text: a line or a few lines.
        day_first: how to read a numeric date whose parts could be day or month;
            ``None`` means "month first unless the numbers rule it out".
    """
    found: list[FoundDate] = []
    if not text.isascii():
        text = text.translate(_DIGITS)  # one character for one: the offsets found stand for the text given
    if not _YEARISH.search(text):
        return found  # every pattern needs a year, in four digits or after a slash: most lines have none
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            parsed = _parse_match(kind, m, day_first)
            if parsed is None:
                continue
            value, ambiguous, used_day_first = parsed
            found.append(FoundDate(value, m.start(), m.end(), ambiguous, used_day_first))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


# A day and a month without a year ("Posted Nov 18, 8:19 PM", "18 Nov"): how pages stamp this year's articles.
_MONTH_DAY = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)(?![/.:]\d)"
    r"|\b(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.replace("?P<month>", "?P<month2>") + r"(?!\w|,?\s*(?:19|20)\d\d)",
    re.I,
)
_YEAR_ONLY = re.compile(r"\b" + _YEAR + r"\b")


def find_month_days(text: str, year: int) -> list[FoundDate]:
    """Every day printed without its year in ``text`` ("Nov 18", "18 Nov"), dated in ``year``."""
    found = []
    for m in _MONTH_DAY.finditer(text):
        month = MONTHS[(m.group("month") or m.group("month2")).lower()[:3]]
        day = int(m.group("day") or m.group("day2"))
        value = _make(year, month, day)
        if value:
            found.append(FoundDate(value, m.start(), m.end()))
    return found


def latest_year(texts: list[str]) -> int | None:
    """The latest plausible year in ``texts`` (a footer's "© 2005–2019 …" is served in 2019)."""
    years = [int(y) for t in texts for y in _YEAR_ONLY.findall(t) if MIN_YEAR <= int(y) <= MAX_YEAR]
    return max(years) if years else None


def _parse_match(kind: str, m: re.Match[str], day_first: bool | None):
    year = int(m.group("year"))
    if year < 100:
        year += 2000  # "11/19/19"; a page dated in the 1990s writes the year in full
    if kind == "iso":
        value = _make(year, int(m.group("a")), int(m.group("b")))
        return (value, False, None) if value else None
    if kind == "numeric":
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 and b <= 12:
            value = _make(year, b, a)
            return (value, False, True) if value else None
        if b > 12 and a <= 12:
            value = _make(year, a, b)
            return (value, False, False) if value else None
        if a == b:
            value = _make(year, a, b)
            return (value, False, None) if value else None
        use_day_first = bool(day_first)
        value = _make(year, b, a) if use_day_first else _make(year, a, b)
        return (value, True, use_day_first) if value else None
    if kind == "thai":
        if year > 2400:
            year -= BUDDHIST_ERA_OFFSET
        value = _make(year, THAI_MONTHS[m.group("tmonth")], int(m.group("day")))
        return (value, False, None) if value else None
    if kind in ("dmy_elsewhere", "mdy_elsewhere"):
        if m.group("mname") != "mars" and m.group("mname").lower() == "mars":
            return None  # French writes its months in lower case; "Mars" is the planet
        month = _MONTH_ELSEWHERE.get(m.group("mname").lower())
        if month is None:
            return None
    else:
        month = MONTHS[m.group("month").lower()[:3]]
    value = _make(year, month, int(m.group("day")))
    return (value, False, None) if value else None


def date_from_url(url: str | None) -> date | None:
    """The date a URL path carries (``/2012/06/19/``, ``/2018/jul/17/``, ``-20180717-``)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    for pattern in _URL_PATTERNS:
        m = pattern.search(path)
        if not m:
            continue
        year, day = int(m.group("year")), int(m.group("day"))
        if "mname" in pattern.groupindex and m.group("mname"):
            month = MONTHS[m.group("mname").lower()[:3]]
        else:
            month = int(m.group("month"))
        value = _make(year, month, day)
        if value:
            return value
    return None


def infer_day_first(texts: list[str]) -> bool | None:
    """Whether a page writes numeric dates day first, from its unambiguous ones."""
    votes = [d.day_first for t in texts for d in find_dates(t) if not d.ambiguous and d.day_first is not None]
    if not votes:
        return None
    return sum(votes) * 2 >= len(votes)


# A stamp counting back from when the page was served: "Published 22 hours ago", "3 days ago",
# "an hour ago". Months and years are left out: "2 months ago" names no day.
_AGO = re.compile(
    r"\b(?P<n>\d{1,3}|an?|one)\s+(?P<unit>min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?)\s+ago\b", re.I
)
_AGO_UNITS = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


def counts_back(text: str) -> bool:
    """Whether ``text`` holds a stamp that counts back from when the page was served ("2 hours ago")."""
    return _AGO.search(text) is not None


def served_ago(text: str, served: datetime) -> FoundDate | None:
    """The day a stamp like "Published 22 hours ago" in ``text`` names, counted back from ``served``
    (when the page was fetched, in the crawl's time zone, UTC for a WARC record)."""
    m = _AGO.search(text)
    if m is None:
        return None
    n = m.group("n").lower()
    count = 1 if n in ("a", "an", "one") else int(n)
    value = (served - count * _AGO_UNITS[m.group("unit")[0].lower()]).date()
    return FoundDate(value, m.start(), m.end()) if MIN_YEAR <= value.year <= MAX_YEAR else None


def served_time(fetched_at: str | None) -> datetime | None:
    """A page's ``fetched_at`` (ISO 8601, as WARC-Date writes it) as a datetime; None when absent or unreadable."""
    if not fetched_at:
        return None
    try:
        return datetime.fromisoformat(fetched_at.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
