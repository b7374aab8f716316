"""Numeric figures: the number, what it counts, where and when it applies, and its qualifier.

"more than 70 people were killed on Monday" → 70, "people killed", qualifier
"more than", the sentence's place and date. What a number counts is read from
the parse (the noun it modifies, and the verb that noun goes with), and the
few ways news words a toll ("lives" lost, "dead", "deaths") are brought to one
name so that outlets' figures can be compared.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..model import Figure, TimeExpression
from .nlp import doc_text

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24,
    "hundreds": 200, "thousands": 2000,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
QUALIFIERS = (
    "more than", "at least", "fewer than", "less than", "up to", "as many as", "nearly", "almost",
    "about", "around", "roughly", "approximately", "some", "over", "under", "close to", "an estimated",
)
# How news words a count of people harmed; each group gets one name.
_OUTCOMES = {
    "killed": {"kill", "die", "dead", "death", "life", "fatality", "toll", "slay", "murder"},
    "injured": {"injure", "wound", "hurt", "injury"},
    "arrested": {"arrest", "detain", "detention"},
    "displaced": {"displace", "flee", "refugee", "evacuate"},
    "missing": {"missing"},
}
_PEOPLE_NOUNS = {"people", "person", "civilian", "child", "man", "woman", "soldier", "protester", "resident", "victim", "life"}
_MIN_YEAR, _MAX_YEAR = 1900, 2100


def parse_number(text: str) -> float | None:
    """The value of a number as news writes it: "14,400", "1.5 million", "seven", "dozens"."""
    words = text.lower().replace(",", "").split()
    value: float | None = None
    for word in words:
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            value = float(word) if value is None else value + float(word)
        elif word in SCALES and value is not None:
            value *= SCALES[word]
        elif word in SCALES:
            value = float(SCALES[word])
        elif word in NUMBER_WORDS:
            value = float(NUMBER_WORDS[word]) if value is None else value + NUMBER_WORDS[word]
    return value


def extract_figures(doc: Doc, sentences: list[Span], times: list[TimeExpression]) -> list[Figure]:
    """Figures in ``doc`` that count something (not years, dates, ages or times)."""
    sentence_of = {s.start: n for n, s in enumerate(sentences)}
    out: list[Figure] = []
    for ent in doc.ents:
        if ent.label_ not in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
            continue
        number = ent[-1]
        value = parse_number(ent.text)
        if value is None:
            continue
        if ent.label_ == "CARDINAL" and _MIN_YEAR <= value <= _MAX_YEAR and "," not in ent.text:
            continue  # a year standing alone
        what = _what_counted(ent, number)
        if what is None:
            continue
        sent = ent.sent
        index = sentence_of.get(sent.start, 0)
        qualifier = _qualifier(doc, ent)
        text = f"{qualifier} {_bare_number(ent.text)}" if qualifier else _bare_number(ent.text)
        out.append(Figure(
            value=value, text=text, what=what, qualifier=qualifier,
            where=_place(sent, ent), when=_when(times, index), sentence=index, sentence_text=sent.text.strip(),
        ))
    return out


def _bare_number(text: str) -> str:
    return re.sub(r"^(?:%s)\s+" % "|".join(QUALIFIERS), "", text.strip(), flags=re.I)


def _qualifier(doc: Doc, ent: Span) -> str | None:
    head = doc[max(0, ent.start - 3): ent.start].text.lower() + " " + ent.text.lower()
    for q in QUALIFIERS:
        if re.search(r"\b" + q + r"\s+\S*\d|\b" + q + r"\s+(?:%s)\b" % "|".join(NUMBER_WORDS), head):
            return q
    return None


def _what_counted(ent: Span, number: Token) -> str | None:
    """What a number counts, as "noun" or "noun verb" ("people killed"); None if nothing."""
    noun = number.head if number.dep_ in ("nummod", "quantmod", "compound") else None
    if noun is None and number.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
        noun = number  # "29 were killed": the number is the noun
    if noun is None or noun.pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    if noun.ent_type_ in ("DATE", "TIME"):
        return None
    lemma = noun.lemma_.lower() if noun is not number else "people"
    verb = _governing_verb(noun)
    outcome = _outcome(lemma, verb)
    if outcome:
        subject = "people" if lemma in _PEOPLE_NOUNS or lemma in _all_outcome_words() or noun is number else lemma
        return f"{subject} {outcome}"
    return lemma


def _governing_verb(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            return child
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    return None


def _outcome(lemma: str, verb: Token | None) -> str | None:
    candidates = [lemma] + ([verb.lemma_.lower()] if verb is not None else [])
    for name, words in _OUTCOMES.items():
        if any(c in words for c in candidates):
            return name
    # "cost 14,400 lives", "claimed 300 lives": lives lost are deaths.
    if lemma == "life" and verb is not None and verb.lemma_.lower() in {"cost", "claim", "lose", "take"}:
        return "killed"
    return None


def _all_outcome_words() -> set[str]:
    return set().union(*_OUTCOMES.values())


_PLACE_PREPOSITIONS = {"in", "at", "across", "near", "outside", "inside", "throughout", "around"}


def _place(sent: Span, ent: Span) -> str | None:
    """The place a figure applies to: the first place its sentence puts things "in" or "at".

    Places inside quoted words and places used as modifiers ("US President")
    are not where the counted thing happened.
    """
    text = doc_text(sent.doc)
    for place in sent.ents:
        if place.label_ not in ("GPE", "LOC", "FAC"):
            continue
        root = place.root
        if root.dep_ != "pobj" or root.head.lower_ not in _PLACE_PREPOSITIONS:
            continue
        if text.count("“", sent.start_char, place.start_char) > text.count("”", sent.start_char, place.start_char):
            continue
        return place.text.removeprefix("the ").strip()
    return None


def _when(times: list[TimeExpression], sentence: int) -> str | None:
    for t in times:
        if t.sentence == sentence and t.kind == "date" and t.granularity == "day":
            return t.date
    return None
