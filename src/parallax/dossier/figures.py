"""Figures compared across outlets: agree, differ, different scope, evolving or single.

Figures are grouped by what they count and the day they apply to. Within a
group: the same number (within rounding) from several outlets agrees; different
numbers for different places are different scopes (70 killed across a country,
29 in one town), never a conflict, and so are numbers one outlet prints side by
side (it counts two things); numbers that rise with publication time are a toll
evolving; only the rest is a real discrepancy.
"""

from __future__ import annotations

import re

from ..model import AnnotatedArticle, FigureGroup, FigureValue, Verdict

# Relative difference under which two numbers are the same figure rounded.
SAME_VALUE_TOLERANCE = 0.02
# Counts of things below this are not figures a reader compares ("two leaders"),
# unless they count people harmed.
MIN_PLAIN_COUNT = 3
_OUTCOME_WORDS = ("killed", "injured", "arrested", "displaced", "missing")
_VAGUE_WORDS = {"dozens", "scores", "hundreds", "thousands", "millions", "tens", "few", "several", "many"}


def compare_figures(items: list[AnnotatedArticle], outlets: list[str]) -> list[FigureGroup]:
    """Figure groups of a story with a verdict each, the most widely reported first."""
    groups: dict[tuple[str, str | None], list[FigureValue]] = {}
    for item, outlet in zip(items, outlets):
        for f in item.annotations.figures:
            harm = any(w in f.what for w in _OUTCOME_WORDS)
            if (not harm and f.value < MIN_PLAIN_COUNT) or _vague(f.text):
                continue
            groups.setdefault((f.what, f.when), []).append(FigureValue(
                value=f.value, text=f.text, outlet=outlet, article=item.article.id,
                where=f.where, when=f.when, sentence=f.sentence_text, published=item.article.published,
            ))
    _merge_undated_into_agreeing(groups)
    result = [group for (what, _), values in groups.items() for group in _judged(what, values)]
    return sorted(result, key=lambda g: (-len({v.outlet for v in g.values}), g.what))


def _judged(what: str, values: list[FigureValue]) -> list[FigureGroup]:
    """The group with its verdict; or, when its numbers count different things one outlet
    prints side by side, one group per number, so that the outlets agreeing on each show.

    Numbers for different places that no outlet prints together stay one group: the
    table shows them as one toll's scopes (70 across the country, 29 in Douma).
    """
    judged = verdict(values)
    if judged != "different_scope" or not _printed_side_by_side(values):
        return [FigureGroup(what=what, verdict=judged, values=values)]
    return [FigureGroup(what=what, verdict=verdict(n), values=n) for n in _by_number(values)]


def _by_number(values: list[FigureValue]) -> list[list[FigureValue]]:
    """The values, grouped by number (the same within rounding), in order of first appearance."""
    numbers: list[list[FigureValue]] = []
    for v in values:
        same = next((n for n in numbers if _same(n[0].value, v.value)), None)
        if same is None:
            numbers.append([v])
        else:
            same.append(v)
    return numbers


def _vague(text: str) -> bool:
    """ "dozens", "hundreds", "a few thousand": a size, not a number another outlet's can agree or differ with."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & _VAGUE_WORDS) and not re.search(r"\d", text)


def _merge_undated_into_agreeing(groups: dict[tuple[str, str | None], list[FigureValue]]) -> None:
    """An undated value equal to a dated one of the same kind is the same figure."""
    for what, _ in [k for k in groups if k[1] is None]:
        for key in [k for k in groups if k[0] == what and k[1] is not None]:
            undated = groups.get((what, None), [])
            moved = [v for v in undated if any(_same(v.value, d.value) for d in groups[key])]
            if moved:
                groups[key].extend(moved)
                groups[(what, None)] = [v for v in undated if v not in moved]
        if not groups.get((what, None)):
            groups.pop((what, None), None)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_VALUE_TOLERANCE * max(abs(a), abs(b), 1.0)


def verdict(values: list[FigureValue]) -> Verdict:
    """How the values of one group relate (see module docstring)."""
    outlets = {v.outlet for v in values}
    if len(outlets) < 2:
        return "single"
    if all(_same(values[0].value, v.value) for v in values):
        return "agree"
    # Numbers for different places count different things ("70 across the country",
    # "seven in one town"), whichever outlets print them.
    places = {(v.where or "").lower() for v in values}
    if len(places) > 1:
        return "different_scope"
    dated = sorted((v for v in values if v.published), key=lambda v: v.published or "")
    if len(dated) == len(values) and len({v.published for v in dated}) > 1:
        rising = all(a.value <= b.value for a, b in zip(dated, dated[1:]))
        if rising:
            return "evolving"
    if _printed_side_by_side(values):
        return "different_scope"
    return "differ"


def _printed_side_by_side(values: list[FigureValue]) -> bool:
    """Every two different numbers of the group are printed by one outlet together.

    An outlet that gives both "47 countries" (in June) and "75 countries" (now),
    or "38 of the 153 goals", shows they count different things; another outlet
    giving only one of them does not contradict it. Only two numbers that no
    outlet prints together can be a discrepancy.
    """
    by_outlet: dict[str, list[float]] = {}
    for v in values:
        by_outlet.setdefault(v.outlet, []).append(v.value)
    distinct = [number[0].value for number in _by_number(values)]
    return all(
        any(any(_same(a, x) for x in xs) and any(_same(b, x) for x in xs) for xs in by_outlet.values())
        for i, a in enumerate(distinct) for b in distinct[i + 1:]
    )
