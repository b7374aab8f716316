"""Numeric figures: the number, what it counts, where and when it applies, and its qualifier.

"more than 70 people were killed on Monday" → 70, "people killed", qualifier
"more than", the sentence's place and date. What a number counts is read from
the parse (the noun it modifies, and the verb that noun goes with), and the
few ways news words a toll ("lives" lost, "dead", "deaths") are brought to one
name so that outlets' figures can be compared. A share is named for what it is
a share of ("52 percent of the vote" → "vote (%)"), a sum of money for what it
buys or pays ("money (deal)"), a quantity by its unit; a number that names
nothing it counts ("won three", "with 13") is no figure: comparing it across
outlets would compare unlike things.
"""

from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Doc, Span, Token

from ..model import Figure, TimeExpression
from .nlp import doc_ents, doc_text, ents_in
from .timex import day_of

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
_CURRENCY = re.compile(r"[$£€¥₩]")
_MONEY_SCALES = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000, "tn": 10**12}
_VULGAR_FRACTION = re.compile(r"(\d*)([½¼¾⅓⅔])")
_AND_A_HALF = re.compile(r"\s+and\s+(?:a\s+)?half\b")
# Lengths of time are compared in months, so that "22½ years" and "270 months" are one figure.
MONTHS_IN = {"year": 12.0, "month": 1.0, "week": 7 / 30.4375, "day": 1 / 30.4375}
# How news words a prison term: "sentenced to", "jailed for", "years in prison", "a prison term of".
_PRISON_WORDS = {"sentence", "prison", "jail", "imprison", "imprisonment", "incarceration", "incarcerate"}
_ASKED_VERBS = {"seek", "ask", "request", "recommend", "demand", "urge", "want", "push"}
_LIMIT_VERBS = {"face", "carry"}
# Things news gives a length to, and compares across reports ("a 90-day ceasefire", "a two-year
# contract"). Other nouns a length qualifies are background ("a 30-year career", "a 10-year high").
_LASTING_THINGS = {
    "ceasefire", "truce", "contract", "deal", "agreement", "ban", "suspension", "lockdown", "curfew", "moratorium",
    "extension", "freeze", "closure", "shutdown", "strike", "blockade", "emergency", "delay", "pause", "lease",
}


def parse_number(text: str) -> float | None:
    """The value of a number as news writes it: "14,400", "1.5 million", "seven", "dozens", "$1.6m", "22½".

    A range or a pair ("between 51 and 52 percent", "10-15", "3-1") is read as its first number:
    adding the two, as number words add up ("twenty five"), would make a figure no outlet gave.
    """
    text = _VULGAR_FRACTION.sub(lambda m: f"{int(m.group(1) or 0) + unicodedata.numeric(m.group(2)):g}", text)
    text = text.lower().replace(",", "")
    half = _AND_A_HALF.search(text)
    if half:  # "22 and a half years", "two and a half"
        whole = parse_number(text[:half.start()])
        return whole + 0.5 if whole is not None else None
    money = bool(_CURRENCY.search(text))
    text = _CURRENCY.sub(" ", text).replace("%", " ")
    text = re.sub(r"(\d)-(?=[a-z])", r"\1 ", text)  # "30-mile"
    if money:
        text = re.sub(r"(\d)(bn|tn|m|k)\b", r"\1 \2", text)  # "$1.6m", "£3bn"
    value: float | None = None
    scaled = False
    words = [w.rstrip(".") for w in re.split(r"[\s\-–−]+", text)]
    for n, word in enumerate(words):
        scale = _scale(word, money)
        second = value is not None and (re.fullmatch(r"\d+(?:\.\d+)?", word) is not None or (
            word in NUMBER_WORDS and not scale and not (20 <= value < 100 and value % 10 == 0 and NUMBER_WORDS[word] < 10)))
        if second:
            # The second number of a range: its scale is the first's too ("$6.5-$10m", "two to three million").
            later = next((found for w in words[n + 1:] if (found := _scale(w, money))), None)
            return value * later if later and not scaled else value
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            value = float(word)
        elif scale:
            value = (value if value is not None else 1.0) * scale
            scaled = True
        elif word in NUMBER_WORDS:
            value = value + NUMBER_WORDS[word] if value is not None else float(NUMBER_WORDS[word])  # "twenty five"
    return value


def _scale(word: str, money: bool) -> int | None:
    return SCALES.get(word) or (_MONEY_SCALES.get(word) if money else None)


def extract_figures(doc: Doc, sentences: list[Span], times: list[TimeExpression]) -> list[Figure]:
    """Figures in ``doc`` that count something (not years, dates, ages or times)."""
    sentence_of = {s.start: n for n, s in enumerate(sentences)}
    out: list[Figure] = []
    for ent in doc_ents(doc):
        if ent.label_ == "DATE":
            figure = _length_of_time(ent, sentence_of, times)
            if figure is not None:
                out.append(figure)
            continue
        if ent.label_ not in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
            continue
        if ent.label_ == "MONEY":
            ent = _money_span(ent)
        number = ent[-1]
        value = parse_number(ent.text)
        if value is None:
            continue
        if ent.label_ == "CARDINAL" and _MIN_YEAR <= value <= _MAX_YEAR and "," not in ent.text:
            continue  # a year standing alone
        if _in_a_name(ent):
            continue  # "Three Billboards Outside Ebbing", "Ocean's Eleven": a title, not a count
        if value == 0 or _top_of_a_scale(doc, ent):
            # "0-62 mph in 5.7 seconds", "from zero to 60 mph": a scale or a benchmark, not an
            # amount; beside a car's top speed it would read as outlets giving different speeds.
            continue
        what = _what_counted(ent, number, value)
        if what is None:
            continue
        if _line_of(doc, ent).count("|") >= 2:
            continue  # a table row (scores, standings, prices), not a sentence that reports a figure
        out.append(_figure(ent, value, what, sentence_of, times, owner=_owner(ent.root)))
    return out


def _figure(
    ent: Span, value: float, what: str, sentence_of: dict[int, int], times: list[TimeExpression], *,
    owner: str | None = None,
) -> Figure:
    """The figure ``ent`` states: its number as written with its qualifier, and its sentence's place and day."""
    sent = ent.sent
    index = sentence_of.get(sent.start, 0)
    qualifier = _qualifier(ent.doc, ent)
    return Figure(
        value=value, text=f"{qualifier} {_bare_number(ent.text)}" if qualifier else _bare_number(ent.text),
        what=what, qualifier=qualifier, where=_place(sent, ent), when=day_of(times, index, sent.text.strip(), ent.text),
        sentence=index, sentence_text=sent.text.strip(), owner=owner,
    )


def _length_of_time(ent: Span, sentence_of: dict[int, int], times: list[TimeExpression]) -> Figure | None:
    """A length of time that is a figure outlets compare: a prison term ("sentenced to 22½ years",
    "a 270-month prison sentence"), or the length of a thing a number of days or years qualifies
    ("a 90-day ceasefire", "a two-year contract"). The value is in months.

    Other lengths ("served as mayor for 12 years", "the 26-year-old") are background, not figures.
    Owners are not read: the judge who sentences and the man sentenced are one term's two names.
    """
    words = [t for t in ent if t.text not in ("-", "–")]
    unit = words[-1] if words else None
    if unit is None or unit.lemma_.lower() not in MONTHS_IN or len(words) < 2:
        return None
    number = " ".join(t.text for t in words[:-1])
    if sum(t.like_num for t in words) > 1 and not _AND_A_HALF.search(number):
        return None  # "between 20 and 25 years": a range (the guidelines), not a term anyone gave
    value = parse_number(number)
    if value is None or value <= 0:
        return None
    measured = _length_of(unit)
    if measured is None:
        return None
    what, thing = measured
    if what == "prison sentence":
        what = _prison_term(what, thing, _qualifier(ent.doc, ent))
    return _figure(ent, value * MONTHS_IN[unit.lemma_.lower()], what, sentence_of, times)


def _length_of(unit: Token) -> tuple[str, Token] | None:
    """What a length of time measures, "prison sentence" or "<noun> length" ("ceasefire length"),
    and the word that says so ("sentence", "sentenced", "jailed")."""
    if unit.dep_ == "appos":
        unit = unit.head  # "22.5 years, 270 months, in prison"
    head = unit.head
    if unit.dep_ in ("compound", "amod") and head.pos_ == "NOUN":  # "a 30-year sentence", "a 90-day ceasefire"
        lemma = head.lemma_.lower()
        if lemma in _PRISON_WORDS or any(c.lemma_.lower() in _PRISON_WORDS for c in head.children if c.dep_ == "compound"):
            return "prison sentence", head
        return (f"{lemma} length", head) if lemma in _LASTING_THINGS else None
    in_prison = any(
        c.dep_ == "prep" and c.lower_ in ("in", "behind") and any(o.lemma_.lower() in _PRISON_WORDS | {"bar"} for o in c.children)
        for c in unit.children)
    governor = head
    if unit.dep_ == "pobj" and head.dep_ == "prep":
        governor = head.head  # "sentenced to 22 years", "jailed for six months", "a term of five years"
    elif unit.dep_ == "attr" and head.pos_ == "AUX":  # "the maximum sentence being 40 years"
        governor = next((c for c in head.children if c.dep_ == "nsubj"), head)
    elif unit.dep_ not in ("dobj", "npadvmod"):
        return None
    lemma = governor.lemma_.lower()
    if in_prison or lemma in _PRISON_WORDS or (lemma == "term" and _prison_compound(governor)):
        return "prison sentence", governor
    return None


def _prison_compound(noun: Token) -> bool:
    return any(c.lemma_.lower() in _PRISON_WORDS for c in noun.children if c.dep_ in ("compound", "amod"))


def _prison_term(what: str, thing: Token, qualifier: str | None) -> str:
    """A term asked for, or the most a charge carries, is not the term given: each its own figure."""
    if qualifier in ("up to", "as many as"):
        return f"maximum {what}"
    for token in (thing, *thing.ancestors):
        lemma = token.lemma_.lower()
        if lemma in _ASKED_VERBS:
            return f"{what} sought"
        if lemma in _LIMIT_VERBS or any(c.lower_ in ("maximum", "max") for c in token.children):
            return f"maximum {what}"
        if token.pos_ == "VERB" and lemma not in _PRISON_WORDS:
            break
    return what


def _top_of_a_scale(doc: Doc, ent: Span) -> bool:
    """The number ends a range from zero ("zero to 60 mph", "0 to 100 km/h")."""
    before = [t.lower_ for t in doc[max(ent.start - 2, 0): ent.start]]
    return len(before) == 2 and before[0] in ("0", "zero") and before[1] in ("to", "-", "–")


def _money_span(ent: Span) -> Span:
    """The sum with its currency sign and scale: spaCy splits "$1.6m" into "$", "1.6", "m" and
    may label "1.6" alone, which read alone is a million times too small."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if start > 0 and _CURRENCY.fullmatch(doc[start - 1].text):
        start -= 1
    if end < len(doc) and doc[end].lower_.rstrip(".") in _MONEY_SCALES and doc[end].idx == doc[end - 1].idx + len(doc[end - 1]):
        end += 1
    return Span(doc, start, end, label=ent.label_) if (start, end) != (ent.start, ent.end) else ent


def _bare_number(text: str) -> str:
    return re.sub(r"^(?:%s)\s+" % "|".join(QUALIFIERS), "", text.strip(), flags=re.I)


def _qualifier(doc: Doc, ent: Span) -> str | None:
    head = doc[max(0, ent.start - 3): ent.start].text.lower() + " " + ent.text.lower()
    for q in QUALIFIERS:
        if re.search(r"\b" + q + r"\s+\S*\d|\b" + q + r"\s+(?:%s)\b" % "|".join(NUMBER_WORDS), head):
            return q
    return None


def _in_a_name(ent: Span) -> bool:
    """A number word in capitals that is part of a name ("lost to Three Billboards", "Ocean's Eleven").

    Inside a sentence a capital says so by itself when a capitalised word stands
    beside it. Opening a sentence or a quotation it says nothing ("Two Americans
    were arrested"), unless two capitalised words follow: a title.
    """
    first, doc = ent[0], ent.doc
    if not (first.is_title and first.is_alpha):
        return False
    if _quoted_title(first):
        return True
    if sum(t.is_lower and len(t) > 3 for t in ent.sent) < 2:
        return False  # a line in Title Case ("Storm Kills Three People") capitalises its counts too
    capitalised_after = 0
    for token in doc[ent.end: ent.end + 2]:
        if not token.is_title:
            break
        capitalised_after += 1
    before = doc[first.i - 1] if first.i > 0 else None
    if first.is_sent_start or before is None or before.text in {"“", "\"", "‘", ":", "—", "-"}:
        return capitalised_after >= 2
    return capitalised_after >= 1 or before.is_title


_OPENING_QUOTES = {"“": "”", "‘": "’", "\"": "\"", "'": "'"}


def _quoted_title(first: Token) -> bool:
    """The number word opens a short quotation whose every word is capitalised: a title
    ("her ‘Three Billboards’ role", “Three Billboards Outside Ebbing, Missouri.”), where a
    quoted sentence ("“Two Americans were arrested,” police said") has lower-case words."""
    doc = first.doc
    if first.i == 0 or doc[first.i - 1].text not in _OPENING_QUOTES:
        return False
    closing = _OPENING_QUOTES[doc[first.i - 1].text]
    words = []
    for token in doc[first.i: first.i + 8]:
        if token.text == closing:
            return len(words) >= 2 and all(w.is_title or not w.is_alpha for w in words)
        words.append(token)
    return False


def _line_of(doc: Doc, ent: Span) -> str:
    text = doc_text(doc)
    end = text.find("\n", ent.end_char)
    return text[text.rfind("\n", 0, ent.start_char) + 1: end if end >= 0 else len(text)]


def _what_counted(ent: Span, number: Token, value: float) -> str | None:
    """What a number counts, as "noun" or "noun verb" ("people killed"); None if nothing."""
    if ent.label_ == "PERCENT":
        return _share_of(ent.root)
    if ent.label_ == "MONEY":
        return _money_for(ent.root)
    if ent.label_ == "QUANTITY":
        return None if number.like_num else number.lemma_.lower()  # the unit: "300 kW", "107 degrees"
    noun = number.head if number.dep_ in ("nummod", "quantmod", "compound") else None
    if noun is None and number.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
        # The number stands in for what it counts: "38 of the 153 goals" counts goals;
        # "29 were killed" counts people, as only a toll's verb shows.
        noun = _of_object(number) or number
    if noun is None or noun.pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    if noun.ent_type_ in ("DATE", "TIME"):
        return None
    if noun is not number and value >= 2 and _singular(noun) and not _hyphen_joined(number, noun):
        # What is counted stands in the plural. A singular noun after a number is named or
        # labelled by it ("juror number 91", "Messi 70", "a 2-0 victory", "the 40 Under 40
        # list"); a unit joined by a hyphen ("a 30-mile stretch") is still a quantity.
        return None
    if noun.lower_ == "time" and _hyphen_joined(number, noun):
        return None  # "a three-time champion": how often, not how many
    lemma = noun.lemma_.lower() if noun is not number else "people"
    verb = _governing_verb(noun)
    outcome = _outcome(lemma, verb)
    if outcome:
        subject = "people" if lemma in _PEOPLE_NOUNS or lemma in _all_outcome_words() or noun is number else lemma
        return f"{subject} {outcome}"
    if noun is number:
        return None  # "won three", "led with 13": nothing says what is counted
    return lemma


# Nouns that count people or animals in the singular form ("300 staff", "200 crew").
_COLLECTIVE_NOUNS = {"staff", "crew", "personnel", "livestock", "cattle", "police", "militia", "infantry", "youth", "head"}


def _singular(noun: Token) -> bool:
    return noun.tag_ in ("NN", "NNP") and noun.lower_ not in _COLLECTIVE_NOUNS


def _hyphen_joined(number: Token, noun: Token) -> bool:
    doc = number.doc
    return noun.i == number.i + 2 and doc[number.i + 1].text == "-"


def _of_object(token: Token) -> Token | None:
    """The noun after "of": "52 percent of the vote" → vote, "38 of the goals" → goals."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    return None


# Words of change, nouns and verbs: "a 52 percent rise" is no share of a rise; "sales plunged 10
# percent" is a share of sales, where whoever "won 48 percent" is not what it is a share of.
_CHANGES = {"rise", "increase", "drop", "fall", "decline", "cut", "jump", "gain", "growth", "grow", "hike", "reduction",
            "surge", "slump", "loss", "decrease", "boost", "discount", "markdown", "plunge", "climb", "dip", "slip",
            "soar", "sink", "tumble", "slide", "shrink", "rebound", "edge"}


def _share_of(root: Token) -> str | None:
    """What a percentage is a share of: "52 percent of the vote", "turnout was 51.8 percent", "a 51.8
    percent turnout", "13.2 million votes or 51.7 percent", "sales plunged 10 percent"."""
    whole = _of_object(root)
    head = root.head
    change = head.lemma_.lower() in _CHANGES
    if whole is None and root.dep_ in ("compound", "amod", "nmod") and head.pos_ == "NOUN" and not change:
        whole = head
    if whole is None and root.dep_ == "conj" and head.pos_ == "NOUN" and head.lemma_.lower() not in ("percent", "%"):
        whole = head
    changed = root.dep_ in ("npadvmod", "dobj") and change
    if whole is None and (root.dep_ == "attr" or changed) and head.pos_ in ("VERB", "AUX"):
        whole = next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
    return f"{whole.lemma_.lower()} (%)" if whole is not None else None


def _money_for(root: Token) -> str | None:
    """What a sum of money pays for: the noun it modifies ("a $334 million deal") or the verb it goes with."""
    head = root.head
    if root.dep_ == "pobj" and head.head.i != head.i:
        head = head.head  # "bought it for $334 million"
    if head.lower_ == "worth" and head.pos_ == "ADJ":  # "the deal is worth £3bn": what is worth it
        head = next((c for c in head.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), head)
    if head.i == root.i or head.pos_ not in ("NOUN", "VERB"):
        return None
    return f"money ({head.lemma_.lower()})"


_OWNER_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
_RELATIVE = {"who", "which", "that"}


def _owner(root: Token) -> str | None:
    """Whose count a number is, by name: the owner of what it counts ("Barcelona's 153
    goals"), or the subject of its verb ("Morsi won 13.2 million votes"; "Messi, who had 38
    goals"). The name's head word (a surname, a club's last word), lower case, so that
    outlets' "Mohamed Morsi" and "Morsi" are one owner.
    """
    counted = root.head if root.dep_ in ("nummod", "quantmod", "compound") else root
    for token in (counted, root):
        for child in token.children:
            if child.dep_ == "poss" and _names_someone(child):
                return child.lower_
    verb = counted.head if counted.dep_ in ("dobj", "attr", "nsubjpass") else None
    if counted.dep_ == "pobj" and counted.head.dep_ == "prep":
        verb = counted.head.head  # "won with 13.2 million votes"
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
        subject = verb.head  # "Messi, who had 38 goals"
    if subject is not None and _names_someone(subject):
        return subject.lower_
    return None


def _names_someone(token: Token) -> bool:
    # A proper noun the model may leave untyped ("Morsi won ..."), but not a date or a number.
    return token.pos_ == "PROPN" and (not token.ent_type_ or token.ent_type_ in _OWNER_ENTITIES)


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
    for place in ents_in(sent):
        if place.label_ not in ("GPE", "LOC", "FAC"):
            continue
        root = place.root
        if root.dep_ != "pobj" or root.head.lower_ not in _PLACE_PREPOSITIONS:
            continue
        if text.count("“", sent.start_char, place.start_char) > text.count("”", sent.start_char, place.start_char):
            continue
        return place.text.removeprefix("the ").strip()
    return None
