"""Figures compared across outlets: agree, differ, different scope, evolving or single.

Figures are grouped by what they count and the day they apply to. Within a
group: the same number (within rounding) from several outlets agrees; different
numbers for different places are different scopes (70 killed across a country,
29 in one town), never a conflict, and so are numbers one outlet prints side by
side (it counts two things); numbers that rise with publication time are a toll
evolving; only the rest is a real discrepancy. Before that, counts of different
owners ("Morsi won 13.2 million votes", "Shafiq 12.3 million") split into a row
each, and one sum of money that outlets name by different words ("a $2.6bn deal",
"paid $2.6bn") is brought into one row; sums in different currencies are never compared.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from decimal import Decimal

from ..model import AnnotatedArticle, FigureGroup, FigureValue, Verdict
from .names import spelt_alike

# Two numbers are one figure when they are equal, or when one is the other rounded ("14,000"
# for 14,400): it is rounder (its last significant digit stands higher), the other rounds to
# it, and they are this close. "517" and "524" are two figures; so are "100" and "149".
ROUNDED_SHARE = 0.05
# Counts of things below this are not figures a reader compares ("two leaders"),
# unless they count people harmed.
MIN_PLAIN_COUNT = 3
_OUTCOME_WORDS = ("killed", "injured", "arrested", "displaced", "missing")
# A sum's currency, by its sign or its name. Hand-written: price parsers (price-parser) give
# the currency as printed, not which one it is, and these are the names the figures carry.
_CURRENCY_SIGNS = "$£€¥₩₹"
_CURRENCY_NAMES = {"dollar": "$", "usd": "$", "euro": "€", "eur": "€", "pound": "£", "sterling": "£", "gbp": "£",
                   "yen": "¥", "yuan": "元", "renminbi": "元", "rmb": "元", "rupee": "₹", "inr": "₹"}
_CURRENCY_NAME = re.compile(r"\b(" + "|".join(_CURRENCY_NAMES) + r")s?\b", re.IGNORECASE)
# What the annotator names a length of time by ("prison sentence", "ceasefire length").
_LENGTHS = ("prison sentence", "prison sentence sought", " length")
_VAGUE_WORDS = {"dozens", "scores", "hundreds", "thousands", "millions", "tens", "few", "several", "many"}


def compare_figures(items: list[AnnotatedArticle], outlets: list[str]) -> list[FigureGroup]:
    """Figure groups of a story with a verdict each, the most widely reported first."""
    groups: dict[tuple[str, str | None], list[FigureValue]] = {}
    for item, outlet in zip(items, outlets):
        for f in item.annotations.figures:
            # A toll of two counts, and so does a length of time (in months: "a 90-day ceasefire" is 2.96).
            small_counts = any(w in f.what for w in _OUTCOME_WORDS) or f.what.endswith(_LENGTHS)
            if (not small_counts and f.value < MIN_PLAIN_COUNT) or _vague(f.text):
                continue
            groups.setdefault((f.what, f.when), []).append(FigureValue(
                value=f.value, text=f.text, outlet=outlet, article=item.article.id,
                where=f.where, when=f.when, sentence=f.sentence_text, published=item.article.published, owner=f.owner,
            ))
    _merge_undated_into_agreeing(groups)
    _merge_equal_sums(groups)
    result = [group for (what, _), values in groups.items() for same_currency in _by_currency(what, values)
              for group in _judged(what, same_currency)]
    return sorted(result, key=lambda g: (-len({v.outlet for v in g.values}), g.what))


def reported_elsewhere(groups: list[FigureGroup]) -> set[tuple[str, str]]:
    """(outlet, sentence) of the sentences each of whose figures another outlet gives too.

    The same number for the same thing, place and day from another outlet is
    the same fact however it is worded ("has now cost more than 14,400 lives",
    "more than 14,400 people have been killed"): such a sentence is not what
    its outlet alone reports. A sentence with one figure of its own is.
    """
    shared: dict[tuple[str, str], bool] = {}
    for group in groups:
        for value in group.values:
            key = (value.outlet, value.sentence)
            elsewhere = any(
                other.outlet != value.outlet and _same(other.value, value.value) and _same_place(other.where, value.where)
                for other in group.values
            )
            shared[key] = shared.get(key, True) and elsewhere
    return {key for key, all_shared in shared.items() if all_shared}


def _same_place(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.lower() == b.lower()


def _judged(what: str, values: list[FigureValue], *, by_owner: bool = True) -> list[FigureGroup]:
    """The group with its verdict; or, when its numbers count different things one outlet
    prints side by side, one group per number, so that the outlets agreeing on each show.

    Numbers for different places that no outlet prints together stay one group: the
    table shows them as one toll's scopes (70 across the country, 29 in Douma). Sums of
    money named by one word but ten times apart or more are different sums too ("paid
    $2.6bn" for a company, "paid $3m" in fees): a misreported sum is not off by that much.
    """
    judged = verdict(values)
    if judged in ("differ", "different_scope") and by_owner:
        owners = _by_owner(values)
        if len(owners) > 1:
            # "Morsi won 13.2 million votes", "Shafiq 12.3 million": two counts, each its own row.
            return [group for owner, own in owners.items()
                    for group in _judged(f"{what} · {owner.title()}" if owner else what, own, by_owner=False)]
    numbers = _by_number(values)
    far = what.startswith("money (") and all(
        _far_apart(a[0].value, b[0].value) for i, a in enumerate(numbers) for b in numbers[i + 1:])
    if judged == "differ" and far:
        judged = "different_scope"
    if judged != "different_scope" or not (far or _several_things(values)):
        return [FigureGroup(what=what, verdict=judged, values=values)]
    return [FigureGroup(what=what, verdict=verdict(n), values=n) for n in numbers]


def _by_owner(values: list[FigureValue]) -> dict[str | None, list[FigureValue]]:
    """The values by whose count they are; a value that names no owner goes with the owner
    whose count it equals, else stays unowned (None). One owner or none: no split."""
    owners: dict[str | None, list[FigureValue]] = {}
    for v in values:
        if v.owner:
            # Outlets spell a name their own way ("Morsi", "Mursi"; "Shafiq", "Shafik").
            same = next((o for o in owners if spelt_alike(o, v.owner)), v.owner)
            owners.setdefault(same, []).append(v)
    if len(owners) < 2:
        return {}
    numbers = {o: {w.value for w in own} for o, own in owners.items()}  # each owner's few numbers, not its every value
    for v in values:
        if not v.owner:
            home = next((o for o, own in numbers.items() if any(_same(v.value, n) for n in own)), None)
            owners.setdefault(home, []).append(v)
    return owners


def _by_currency(what: str, values: list[FigureValue]) -> list[list[FigureValue]]:
    """Sums of money by currency: "$44,000" and "71,350 euros" are never a discrepancy (one price
    in two markets, or two prices), whatever the numbers. A sum whose currency is not printed goes
    with the currency of the sum it equals, else with the most common one."""
    if not what.startswith("money ("):
        return [values]
    currencies = [_currency(v.text) for v in values]
    parts: dict[str, list[FigureValue]] = {}
    for v, currency in zip(values, currencies):
        if currency is not None:
            parts.setdefault(currency, []).append(v)
    if len(parts) < 2:
        return [values]
    ranked = sorted(parts.values(), key=len, reverse=True)
    for v, currency in zip(values, currencies):
        if currency is None:
            next((p for p in ranked if any(_same(v.value, w.value) for w in p)), ranked[0]).append(v)
    return ranked


def _currency(text: str) -> str | None:
    sign = next((c for c in text if c in _CURRENCY_SIGNS), None)
    if sign is not None:
        return sign
    name = _CURRENCY_NAME.search(text)
    return _CURRENCY_NAMES[name.group(1).lower()] if name else None


def _by_number(values: list[FigureValue]) -> list[list[FigureValue]]:
    """The values, grouped by number (the same within rounding), in order of first appearance.

    A number goes where it went the first time: the groups before that one did not take
    it then and still do not (a group is named by its first value), so the search is made
    once a number, not once a value; a large story prints one number hundreds of times.
    """
    numbers: list[list[FigureValue]] = []
    home: dict[float, list[FigureValue]] = {}
    for v in values:
        same = home.get(v.value)
        if same is None:
            same = next((n for n in numbers if _same(n[0].value, v.value)), None)
            if same is None:
                same = []
                numbers.append(same)
            home[v.value] = same
        same.append(v)
    return numbers


def _vague(text: str) -> bool:
    """ "dozens", "hundreds", "a few thousand": a size, not a number another outlet's can agree or differ with."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & _VAGUE_WORDS) and not re.search(r"\d", text)


def _merge_undated_into_agreeing(groups: dict[tuple[str, str | None], list[FigureValue]]) -> None:
    """An undated value equal to a dated one of the same kind is the same figure.

    Compared number by number, not value by value: a large story prints the same
    few numbers hundreds of times, and comparing every undated value with every
    dated one was a tenth of its dossier's time.
    """
    dated: dict[str, list[tuple[str, str | None]]] = {}
    for key in groups:
        if key[1] is not None:
            dated.setdefault(key[0], []).append(key)
    for what, _ in [k for k in groups if k[1] is None]:
        for key in dated.get(what, ()):
            undated = groups.get((what, None), [])
            numbers = {d.value for d in groups[key]}
            agreeing = {x for x in {v.value for v in undated} if any(_same(x, n) for n in numbers)}
            if agreeing:
                groups[key].extend(v for v in undated if v.value in agreeing)
                groups[(what, None)] = [v for v in undated if v.value not in agreeing]
        if not groups.get((what, None)):
            groups.pop((what, None), None)


def _merge_equal_sums(groups: dict[tuple[str, str | None], list[FigureValue]]) -> None:
    """One sum of money that outlets name by different words ("a $2.6bn deal", "paid $2.6bn",
    "valued at $2.6bn") becomes one figure, which the outlets then agree on.

    A sum is named by the word it goes with, and that word differs from outlet to outlet. Only
    equal sums move, and only out of a group where no other sum is near it (within ten times):
    a near one may be the same sum reported otherwise, a discrepancy the group must keep.
    """
    movable: list[tuple[tuple[str, str | None], FigureValue]] = []
    for key, values in groups.items():
        if key[0].startswith("money ("):
            numbers = {w.value for w in values}
            alone = {x for x in numbers if all(_same(x, y) or _far_apart(x, y) for y in numbers)}
            movable += [(key, v) for v in values if v.value in alone]
    sums: list[list[tuple[tuple[str, str | None], FigureValue]]] = []
    for key, value in movable:
        home = next((s for s in sums if _same(s[0][1].value, value.value) and _days_agree(s, key[1])), None)
        if home is None:
            sums.append([(key, value)])
        else:
            home.append((key, value))
    for same_sum in sums:
        names = Counter(key[0] for key, _ in same_sum)
        if len(names) < 2 or len({v.outlet for _, v in same_sum}) < 2:
            continue
        for key, value in same_sum:
            groups[key].remove(value)
        day = next((key[1] for key, _ in same_sum if key[1] is not None), None)
        groups.setdefault((names.most_common(1)[0][0], day), []).extend(v for _, v in same_sum)
    for key in [k for k, values in groups.items() if not values]:
        del groups[key]


def _far_apart(a: float, b: float) -> bool:
    return max(abs(a), abs(b)) > 10 * max(min(abs(a), abs(b)), 1e-9)


def _days_agree(same_sum: list, day: str | None) -> bool:
    return day is None or all(key[1] in (None, day) for key, _ in same_sum)


def _same(a: float, b: float) -> bool:
    """The same figure, one of them perhaps rounded (see ``ROUNDED_SHARE``)."""
    gap = abs(a - b)
    if gap <= 1e-9 * max(abs(a), abs(b), 1.0):
        return True
    return gap <= max(_precision(a), _precision(b)) / 2 and gap <= ROUNDED_SHARE * max(abs(a), abs(b))


@functools.lru_cache(maxsize=4096)  # a story's figures compare the same few numbers many times
def _precision(x: float) -> float:
    """The place value of a number's last significant digit: 1,000 for 14,000, 1 for 524, 0.1 for 52.1."""
    if x == 0:
        return 0.0
    return 10.0 ** Decimal(f"{abs(x):.6g}").normalize().as_tuple().exponent


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
    if _several_things(values):
        return "different_scope"
    return "differ"


def _several_things(values: list[FigureValue]) -> bool:
    """The group's word names several things (see the two rules below), not one figure told two ways."""
    by_outlet = _numbers_by_outlet(values)
    return _printed_side_by_side(values, by_outlet) or _each_outlet_gives_several(by_outlet)


def _numbers_by_outlet(values: list[FigureValue]) -> dict[str, list[float]]:
    by_outlet: dict[str, list[float]] = {}
    for v in values:
        by_outlet.setdefault(v.outlet, []).append(v.value)
    return by_outlet


def _each_outlet_gives_several(by_outlet: dict[str, list[float]]) -> bool:
    """Every outlet gives two numbers or more under the word: in this story it names several things
    ("nine companies" chosen before, "five" added, "14" in all), and which of one outlet's numbers
    answers which of another's is for the reader to see, not a discrepancy to report."""
    return all(any(not _same(xs[0], x) for x in xs[1:]) for xs in by_outlet.values())


def _printed_side_by_side(values: list[FigureValue], by_outlet: dict[str, list[float]]) -> bool:
    """Every two different numbers of the group are printed by one outlet together.

    An outlet that gives both "47 countries" (in June) and "75 countries" (now),
    or "38 of the 153 goals", shows they count different things; another outlet
    giving only one of them does not contradict it. Only two numbers that no
    outlet prints together can be a discrepancy.
    """
    distinct = [number[0].value for number in _by_number(values)]
    # Which of the distinct numbers each outlet prints, as bits: a pair is printed together
    # when one outlet's bits hold both. (Pair by pair over every outlet's values, a story
    # of hundreds of distinct numbers took seconds here.)
    numbers = {x for xs in by_outlet.values() for x in xs}
    matching = {x: sum(1 << i for i, a in enumerate(distinct) if _same(a, x)) for x in numbers}
    printed = []
    for xs in by_outlet.values():
        bits = 0
        for x in set(xs):
            bits |= matching[x]
        printed.append(bits)
    everything = (1 << len(distinct)) - 1
    for i in range(len(distinct)):
        together = 0
        for bits in printed:
            if bits >> i & 1:
                together |= bits
        if together | ((1 << (i + 1)) - 1) != everything:
            return False  # a number after this one that no outlet prints beside it
    return True
