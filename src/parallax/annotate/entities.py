"""Named entities and the canonical name each mention stands for within its article.

"Obama", "Barack Obama" and "US President Barack Obama" are one person: spaCy
finds the mentions; a mention whose words end (or are) another, longer
mention's last words is that entity. Titles and possessives are trimmed, a
name spaCy cut a word early is made whole ("Group of" before "20"), a
company's canonical name goes without its legal form ("Intel Corp." as "Intel"),
a name after the kind of a place and "of" is a place ("the port of Tartus"),
and a capitalised word the text writes in lower case elsewhere is no name. For the
speakers, a surname the parser tagged an organisation or a place is the person whose
full name it ends (``settle_labels``).
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from ..model import Mention
from .nlp import doc_text, forget_ents

KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
# Honorifics and offices that stand before a name without being part of it.
_TITLES = re.compile(
    r"^(?:(?:us|u\.s\.|former|then|vice|deputy|acting|prime|foreign|defen[cs]e|interior|russian|american|"
    r"president|presidents|minister|secretary|senator|sen\.|rep\.|representative|governor|gov\.|mayor|"
    r"king|queen|prince|princess|pope|general|gen\.|major|colonel|col\.|judge|justice|dr\.?|mr\.?|mrs\.?|"
    r"ms\.?|sir|lord|lady|chancellor|premier|spokesman|spokeswoman|chief|envoy|ambassador|leader)\s+)+",
    re.I,
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# "the port of Tartus", "the southern province of Daraa": a name after the kind of a place and
# "of" is a place, which the parser often reads as an organisation or a person.
_PLACE_KINDS = frozenset({
    "city", "town", "village", "port", "province", "region", "district", "county", "island", "suburb",
    "neighbourhood", "neighborhood", "municipality", "governorate", "prefecture",
})


def clean_name(text: str, label: str) -> str:
    """A mention without leading titles, possessives or stray punctuation."""
    name = " ".join(text.split()).strip(" ,.;:\"“”‘’'()―—–-")  # '― Pamela Padilla' after a quote
    name = _POSSESSIVE.sub("", name)
    if name.count("(") > name.count(")"):  # "World Health Organization (WHO" once its ")" was stripped
        name = name[: name.rindex("(")].rstrip()
    if label == "PERSON":
        stripped = _TITLES.sub("", name)
        name = stripped or name
    if label in ("ORG", "GPE", "LOC", "FAC", "EVENT") and name.lower().startswith("the "):
        name = name[4:]
    return name


def mentions_from_doc(doc: Doc, sentence_of: dict[int, int]) -> list[Mention]:
    """Every kept entity mention with its canonical name within this document."""
    raw: list[tuple[Span, str, str]] = []
    ents = doc.ents  # spaCy builds the tuple of Spans anew on every access
    common = _common_nouns(doc, ents)
    for ent in ents:
        if ent.label_ not in KEPT_LABELS or (len(ent) == 1 and ent.text in common):
            continue
        span = whole_name(ent)
        label = _label_of(doc, ent)
        name = clean_name(span.text, label)
        if len(name) < 2 or not any(c.isalpha() for c in name):
            continue
        raw.append((span, label, name))
    canon = canonical_names([(name, label) for _, label, name in raw])
    return [
        Mention(text=span.text, label=label, canonical=without_legal_form(canon[(name, label)], label),
                sentence=sentence_of[span.start])
        for span, label, name in raw
    ]


def _label_of(doc: Doc, ent: Span) -> str:
    """The parser's label, but a place's for a name the kind of a place and "of" stand before."""
    if (ent.label_ in ("ORG", "PERSON") and ent.start >= 2 and doc[ent.start - 1].lower_ == "of"
            and doc[ent.start - 2].lower_ in _PLACE_KINDS):
        return "GPE"
    return ent.label_


def _common_nouns(doc: Doc, ents: tuple[Span, ...]) -> set[str]:
    """Capitalised words the text itself writes in lower case more often than capitalised
    inside a sentence: the parser's names that are no names ("Monkeypox" opening a sentence,
    "monkeypox" everywhere else; "Meth", "Prison"). A name is capitalised wherever it stands."""
    text = doc_text(doc)
    words = {ent.text for ent in ents
             if len(ent) == 1 and ent.text[:1].isupper() and not ent.text.isupper()  # "WHO" is no "who"
             and ent.text.lower() in text}  # most names are never written in lower case: no count needed
    if not words:
        return set()
    # Counted over the tokens' ids in one array: a Python loop over every token cost twice
    # what the rest of this module does.
    orths, strings = doc.to_array(ORTH), doc.vocab.strings
    opening = Counter(sentence[0].text for sentence in doc.sents)
    return {w for w in words
            if np.count_nonzero(orths == strings[w.lower()]) > np.count_nonzero(orths == strings[w]) - opening[w]}


def settle_labels(doc: Doc) -> None:
    """A surname alone is the person whose full name it ends, in ``doc`` itself: the parser labels
    a name by its sentence ("Trump" a person in one, an organisation in the next; "Biden" a
    place), and "he said" after such a sentence would find no one to stand for. Only an
    organisation's or a place's label gives way, and only where the article gives the full name
    ("Donald Trump") and the parser tags the surname alone a person at least once too."""
    ents = doc.ents  # spaCy builds the tuple of Spans anew on every access
    people = [ent for ent in ents if ent.label_ == "PERSON"]
    full = {ent[-1].text for ent in people if len(ent) >= 2}
    # "United" ends "Manchester United", tagged a person once, but is never a person alone.
    surnames = full & {ent.text for ent in people if len(ent) == 1}
    if not surnames:
        return
    settled = [Span(doc, ent.start, ent.end, label="PERSON")
               if len(ent) == 1 and ent.label_ in ("ORG", "GPE") and ent.text in surnames else ent for ent in ents]
    if any(new is not old for new, old in zip(settled, ents)):
        doc.ents = settled
        forget_ents(doc)


# Outlets name one company with its legal form or without ("Electronic Data Systems Corp.",
# "Electronic Data Systems"): its canonical name is without, so that the linker's keys and a
# dossier's list of who take the two as one. (Taken off the canonical name, not off each
# mention before the names are matched: "TSMC" is the initials of "Taiwan Semiconductor
# Manufacturing Co", not of "Taiwan Semiconductor Manufacturing".)
_LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:inc|incorporated|corp|corporation|co|ltd|limited|llc|plc|ag|sa|nv|gmbh)\.?)+$", re.IGNORECASE)


def without_legal_form(name: str, label: str) -> str:
    """An organisation's name without a legal form at its end ("Intel Corp." as "Intel")."""
    return (_LEGAL_FORM.sub("", name) or name) if label == "ORG" else name


# spaCy at times stops a name a word early: "Group of" before "20 summit", "Democratic Republic
# of the" before "Congo", "FIFA Club World Cup and" before another cup's name.
# Words that finish a name cut after its "of": "Group of 20", "Economic Club of New York".
_NAME_ENDS = {"NUM", "PROPN"}
MAX_NAME_END_TOKENS = 3
# Words a name does not end on, in lower case or signs: "and", "&", "for", "the".
_OPEN_ENDS = {"ADP", "CCONJ", "DET"}


def whole_name(ent: Span) -> Span:
    """The mention grown over the number or proper nouns that finish it when it ends on "of" or
    "of the"; without the lower-case "and", "&" or "for" it ends on otherwise (another name
    follows those: "the Carolina Hurricanes for Victor Rask" is two)."""
    doc, end = ent.doc, ent.end
    last = doc[end - 1]
    if last.pos_ not in _OPEN_ENDS or last.text[:1].isupper():
        return ent
    if last.lower_ == "of" or (last.lower_ == "the" and end - 2 >= ent.start and doc[end - 2].lower_ == "of"):
        grown = end
        while grown < len(doc) and grown - end < MAX_NAME_END_TOKENS and doc[grown].pos_ in _NAME_ENDS:
            grown += 1
        if grown > end:
            return doc[ent.start: grown]
    while end > ent.start + 1 and doc[end - 1].pos_ in _OPEN_ENDS and not doc[end - 1].text[:1].isupper():
        end -= 1
    return doc[ent.start: end]


def canonical_names(names: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Map each (name, label) to the fullest name of the same entity in the list.

    A person's shorter name is the trailing words of a longer one ("Obama" of
    "Barack Obama"); an organisation's may also be its initials ("FSA" of "Free
    Syrian Army"). When two fuller names fit ("Floyd": "George Floyd",
    "Terrence Floyd"), the one the article names first wins: it introduces its
    main subject first, and the answer must not depend on hash order.
    """
    by_label: dict[str, dict[str, None]] = {}
    for name, label in names:
        by_label.setdefault(label, {})[name] = None  # an ordered set: first mention first
    result: dict[tuple[str, str], str] = {}
    for label, group in by_label.items():
        ordered = sorted(group, key=lambda n: -len(n.split()))  # stable: ties stay in mention order
        for name in group:
            result[(name, label)] = _fullest(name, ordered, label)
    return result


def _fullest(name: str, ordered: list[str], label: str) -> str:
    words = name.split()
    for longer in ordered:
        other = longer.split()
        if len(other) <= len(words):
            break
        if label == "PERSON" and other[-len(words):] == words:
            return longer
        if label == "ORG" and len(words) == 1 and name.isupper() and len(name) == len(other):
            if "".join(w[0] for w in other).upper() == name:
                return longer
    if label == "PERSON" and len(words) == 1:
        # Some names are written given-name first on second mention ("Tedros" of
        # "Tedros Adhanom Ghebreyesus"): only when exactly one fuller name starts so.
        starting = [n for n in ordered if len(n.split()) > 1 and n.split()[0] == name]
        if len(starting) == 1:
            return starting[0]
    return name
