"""Time expressions, resolved against the article's publication date.

News writes time relative to the day it is published: "on Monday" in a page of
Tuesday 19 June 2012 is 2012-06-18; "at the weekend" the Saturday before. A
past-tense sentence points back, a future-tense one forward. "15-month" and
"two hours" are durations, never dates. Written by hand because dateparser
resolves "Monday" to the next Monday from today's clock, not to the last one
before a given reference date, and does not tell durations from dates.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..extract.dates import MONTHS, find_dates
from ..model import TimeExpression

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBER_WORDS = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"several|few|couple of)"
)
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade)s?"
_MONTH_NAME = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
)
# Order matters: longer, more specific shapes first; a span is read once.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    # An anniversary piece dates its event by the publication day: "on this day in
    # 2011", "ten years ago today" (before "duration", which would take "ten years").
    ("this_day_in", re.compile(r"\bthis day in (?P<year>(?:19|20)\d\d)\b", re.I)),
    ("years_ago_today", re.compile(r"\b(?P<n>" + _NUMBER_WORDS + r") years ago today\b", re.I)),
    ("duration", re.compile(r"\b" + _NUMBER_WORDS + r"[- ]" + _UNIT + r"(?:[- ](?:long|old))?\b", re.I)),
    ("month_year", re.compile(r"\b(?P<month>" + _MONTH_NAME + r")\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("month_day", re.compile(r"\b(?P<month>" + _MONTH_NAME + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)", re.I)),
    ("day_month", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>" + _MONTH_NAME + r")\b(?!,?\s*(?:19|20)\d\d)", re.I)),
    ("in_month", re.compile(r"\b(?:in|since|until|by|early|late|mid-?)\s+(?P<month>" + _MONTH_NAME + r")\b(?!\s+\d)", re.I)),
    ("weekday", re.compile(r"\b(?P<mod>last|this|next|on|since|until|by|from|early|late)?\s*(?P<day>" + "|".join(WEEKDAYS) + r")(?:'s|’s)?\b", re.I)),
    ("relative_day", re.compile(r"\b(?P<word>yesterday|today|tonight|tomorrow|last night|this morning|this afternoon|this evening|overnight)\b", re.I)),
    ("weekend", re.compile(r"\b(?P<mod>at the|over the|this|last|next|on the)\s+weekend\b", re.I)),
    ("relative_period", re.compile(r"\b(?P<mod>last|this|next|past|previous|coming)\s+(?P<unit>week|month|year)\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|of|by|until|before|after)\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    # Chinese, Japanese and Korean news dates its events by the day of the month ("港湾局は19日、…",
    # "18日午後", "경찰은 19일"), or the month and day ("11月19日", "11월 19일"), the year left to the
    # reader; and says "yesterday" in a word. Not a count of days ("3日間", "10日以上", "3일간") nor a day
    # of another year ("2019年11月19日" is read whole above).
    ("cjk_month_day", re.compile(r"(?<![\d年년])(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]"
                                 r"(?!間|以上|以内|余り|ぶり|간|째|동안|이상|만)")),
    ("cjk_day", re.compile(r"(?<![\d月年월년.])(?P<day>\d{1,2})\s*[日일](?!間|以上|以内|余り|ぶり|目|간|째|동안|이상|만)")),
    ("cjk_relative_day", re.compile(r"(?P<word>昨日|今日|明日|昨天|今天|明天|昨夜|今朝|어제|오늘(?!날)|내일)")),  # (오늘날: "nowadays")
]
_UNSPACED_KINDS = frozenset({"cjk_month_day", "cjk_day", "cjk_relative_day"})
_UNSPACED_DATE_SIGN = re.compile("[日일昨今明어오내]")
FUTURE_WINDOW_CHARS = 100
# "last year on May 25", "on May 25 last year": the year is named beside the day, if not by number.
_LAST_YEAR_BEFORE = re.compile(r"\blast year,?\s+(?:(?:on|in)\s+)?$", re.I)
_LAST_YEAR_AFTER = re.compile(r"^,?\s+last year\b", re.I)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|is to|are to|is due|are due|due to|plans? to|planning|planned|next|upcoming|"
    r"scheduled|expected (?:to|until|by)|not until|set to|likely|ahead of)\b",
    re.I,
)
# "with Wednesday's debate approaching": a participle after the expression.
_FUTURE_AFTER = re.compile(r"^(?:'s|’s)?\s+\w+\s+(?:approaching|looming|ahead|to come)\b", re.I)


def resolve_times(sentences: list[str], published: str | None) -> list[TimeExpression]:
    """Every time expression in ``sentences``, dated where a date can be resolved."""
    anchor = date.fromisoformat(published) if published else None
    out: list[TimeExpression] = []
    for index, sentence in enumerate(sentences):
        out.extend(times_in_sentence(sentence, index, anchor))
    return out


def times_in_sentence(sentence: str, index: int, anchor: date | None) -> list[TimeExpression]:
    """The time expressions of one sentence (see module docstring)."""
    found: list[tuple[int, TimeExpression]] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return not any(s < m.end() and m.start() < e for s, e in taken)

    for explicit in find_dates(sentence):
        taken.append((explicit.start, explicit.end))
        found.append((explicit.start, TimeExpression(
            text=sentence[explicit.start:explicit.end], kind="date", date=explicit.date.isoformat(),
            sentence=index, granularity="day",
        )))
    unspaced_dates = not sentence.isascii() and _UNSPACED_DATE_SIGN.search(sentence) is not None
    for kind, pattern in _RULES:
        if kind in _UNSPACED_KINDS and not unspaced_dates:
            continue  # most sentences: these patterns each need one of a few characters
        for m in pattern.finditer(sentence):
            if not free(m):
                continue
            # Tense is read from the words just before the expression: a sentence can
            # report a past event and a future plan ("said on Monday it would ...").
            future = bool(
                _FUTURE.search(sentence[max(0, m.start() - FUTURE_WINDOW_CHARS): m.end()])
                or _FUTURE_AFTER.match(sentence[m.end(): m.end() + 40])
            )
            expression = _resolve(kind, m, _year_before(anchor) if _said_last_year(kind, m, sentence, anchor) else anchor,
                                  future, index)
            if expression is None:
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), expression))
    return [e for _, e in sorted(found, key=lambda p: p[0])]


def _resolve(kind: str, m: re.Match[str], anchor: date | None, future: bool, index: int) -> TimeExpression | None:
    text = m.group(0).strip()

    def dated(value: date | None, granularity: str) -> TimeExpression:
        return TimeExpression(
            text=text, kind="date" if value else "unresolved", date=value.isoformat() if value else None,
            sentence=index, granularity=granularity,  # type: ignore[arg-type]
        )

    if kind == "duration":
        return TimeExpression(text=text, kind="duration", date=None, sentence=index)
    if kind == "month_year":
        return dated(date(int(m.group("year")), _month(m.group("month")), 1), "month")
    if kind == "year":
        return dated(date(int(m.group("year")), 1, 1), "year")
    if anchor is None:
        return dated(None, "day")
    if kind == "this_day_in":
        return dated(_same_day_in(anchor, int(m.group("year"))), "day")
    if kind == "years_ago_today":
        years = _NUMBER_VALUES.get(m.group("n").lower()) or (int(m.group("n")) if m.group("n").isdigit() else None)
        return dated(_same_day_in(anchor, anchor.year - years) if years else None, "day")
    if kind in ("month_day", "day_month"):
        month, day = _month(m.group("month")), int(m.group("day"))
        return dated(_nearest_year(anchor, month, day, future), "day")
    if kind == "in_month":
        return dated(_nearest_year(anchor, _month(m.group("month")), 1, future), "month")
    if kind == "weekday":
        mod = (m.group("mod") or "").lower()
        return dated(resolve_weekday(anchor, WEEKDAYS.index(m.group("day").lower()), future or mod == "next", mod), "day")
    if kind == "relative_day":
        word = m.group("word").lower()
        offset = {"yesterday": -1, "tomorrow": 1, "last night": -1, "overnight": -1}.get(word, 0)
        return dated(anchor + timedelta(days=offset), "day")
    if kind == "cjk_month_day":
        month, day = int(m.group("month")), int(m.group("day"))
        return dated(_nearest_year(anchor, month, day, future) if 1 <= month <= 12 else None, "day")
    if kind == "cjk_day":
        return dated(_nearest_day_of_month(anchor, int(m.group("day"))), "day")
    if kind == "cjk_relative_day":
        offset = {"昨日": -1, "昨天": -1, "昨夜": -1, "어제": -1, "明日": 1, "明天": 1, "내일": 1}.get(m.group("word"), 0)
        return dated(anchor + timedelta(days=offset), "day")
    if kind == "weekend":
        mod = m.group("mod").lower()
        forward = mod == "next" or (mod == "this" and future) or (future and mod != "last")
        return dated(resolve_weekday(anchor, 5, forward, mod), "week")
    if kind == "relative_period":
        mod, unit = m.group("mod").lower(), m.group("unit").lower()
        sign = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(mod, 0)
        if unit == "week":
            return dated(anchor + timedelta(weeks=sign), "week")
        if unit == "month":
            month = (anchor.month - 1 + sign) % 12 + 1
            year = anchor.year + (anchor.month - 1 + sign) // 12
            return dated(date(year, month, 1), "month")
        return dated(date(anchor.year + sign, 1, 1), "year")
    return None


_NUMBER_VALUES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                  "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30}


def _said_last_year(kind: str, m: re.Match[str], sentence: str, anchor: date | None) -> bool:
    """A day or month without a year that the sentence says is last year's, right before or after it."""
    if anchor is None or kind not in ("month_day", "day_month", "in_month"):
        return False
    return bool(_LAST_YEAR_BEFORE.search(sentence[max(0, m.start() - 20): m.start()])
                or _LAST_YEAR_AFTER.match(sentence[m.end(): m.end() + 12]))


def _year_before(anchor: date) -> date:
    """The anchor a year back, for a day or month said to be last year's: read from there, the
    day falls in that year when it lies before its end."""
    return date(anchor.year - 1, 12, 31)


def _same_day_in(anchor: date, year: int) -> date | None:
    """The publication day's month and day in ``year`` (29 February falls back to the 28th)."""
    try:
        return anchor.replace(year=year)
    except ValueError:
        return anchor.replace(year=year, day=28)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:3]]


def resolve_weekday(anchor: date, weekday: int, forward: bool, mod: str = "") -> date:
    """The named weekday nearest ``anchor`` in the sentence's direction.

    "On Monday" in a past-tense report is the last Monday on or before the
    publication day; "next Monday" or a future-tense sentence, the next one.
    """
    delta = (anchor.weekday() - weekday) % 7
    if forward:
        ahead = (weekday - anchor.weekday()) % 7
        if ahead == 0 and mod == "next":
            ahead = 7
        return anchor + timedelta(days=ahead)
    if mod == "last" and delta == 0:
        delta = 7
    return anchor - timedelta(days=delta)


def _nearest_day_of_month(anchor: date, day: int) -> date | None:
    """The date nearest ``anchor`` that falls on that day of a month: this month's, last month's or next month's."""
    candidates = []
    for step in (-1, 0, 1):
        month, year = (anchor.month - 1 + step) % 12 + 1, anchor.year + (anchor.month - 1 + step) // 12
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue  # the 31st of a 30-day month
    return min(candidates, key=lambda d: abs((d - anchor).days), default=None)


def _nearest_year(anchor: date, month: int, day: int, future: bool) -> date | None:
    """The month/day in the year that puts it on the sentence's side of ``anchor``."""
    candidates = []
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            return None
    for candidate in candidates:
        if future and candidate >= anchor - timedelta(days=1) and candidate - anchor < timedelta(days=330):
            return candidate
        if not future and candidate <= anchor + timedelta(days=1) and anchor - candidate < timedelta(days=330):
            return candidate
    # No tense marker fits ("support her in November"): the nearest such date.
    return min(candidates, key=lambda c: abs((c - anchor).days))


def event_date(times: list[TimeExpression], published: str | None, *, lede_sentences: int = 3) -> str | None:
    """The day the article's main event happened: the first day-dated expression of the lede.

    Falls back to the publication date when the lede dates nothing.
    """
    for t in times:
        if t.sentence < lede_sentences and t.kind == "date" and t.granularity == "day" and t.date:
            if published is None or t.date <= published:
                return t.date
    return published


_RELATIVE_WORD = re.compile(r"\b(?:who|whose|whom|which)\b", re.I)


# What closes a relative clause set off by commas, dashes or brackets.
_CLAUSE_END = re.compile(r"[,;:()\[\]—–]|\s-\s")


def in_relative_clause(sentence_text: str, time_text: str) -> bool:
    """Whether the time expression stands in a relative clause that has not closed before it: "George
    Floyd, a Black man whose fatal arrest last year on May 25 was captured on video" (the arrest's
    day, not the verdict's the sentence reports); not "Chauvin, who did not testify, spoke on Friday"."""
    at = sentence_text.find(time_text)
    if at < 0:
        return False
    before = sentence_text[:at]
    relatives = list(_RELATIVE_WORD.finditer(before))
    return bool(relatives) and not _CLAUSE_END.search(before, relatives[-1].end())


def day_of(times: list[TimeExpression], sentence: int, sentence_text: str, figure_text: str) -> str | None:
    """The first day a figure's sentence names, unless it stands in a relative clause after the
    figure ("three counts in the death of a man whose fatal arrest last year on May 25 was
    captured on video" dates the arrest; "said on Monday that 29 died" still dates the 29).
    Read from the text alone: the parser hangs such clauses anywhere, and ``redate`` has no parse."""
    at = sentence_text.find(figure_text)
    for t in times:
        if t.sentence != sentence or t.kind != "date" or t.granularity != "day":
            continue
        where = sentence_text.find(t.text, at + len(figure_text)) if at >= 0 else -1
        if where >= 0 and _RELATIVE_WORD.search(sentence_text[at + len(figure_text): where]):
            continue
        return t.date
    return None
