"""Who and where: the story's people, places and organisations, each once.

Each article names its entities in its own way, and the annotator makes them
canonical only within the article ("Obama" of "Barack Obama"). Across outlets
one entity still comes in several forms: "U.S", "US" and "United States";
"Peter A. Cahill" and "Peter Cahill"; "Mohammed Mursi" and "Mohammed Morsi";
"Assad" and "Bashar al-Assad"; "Democratic Republic of the Congo" and "DRC";
and the parser labels one name a person in one article and an organisation in
another. A story's list of who and where takes each entity once, under its
fullest, most reported name.

Written here rather than taken from an entity-linking library: those resolve
names against a knowledge base (Wikidata), which is a download and a lookup
Parallax does not make; these rules need only the names the story gives.
"""

from __future__ import annotations

import functools
import re

from ..model import AnnotatedArticle, StoryEntity
from .names import spelt_alike

ENTITY_TYPES = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organisation", "EVENT": "event"}
# Words a name's initials skip: "DRC" is the Democratic Republic of (the) Congo.
_MINOR_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "y", "&"})
# Arabic surnames carry the article or not ("al-Assad", "Assad"; "el-Sisi", "Sisi").
_PARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az)[-‐‑’']", re.IGNORECASE)
_MIDDLE_INITIAL = re.compile(r"^[A-Z]\.?$")
_DOTTED_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){1,4}[A-Z]?\.?$")
# The annotator takes "'s" and "’s" off a name; a backtick typed for the apostrophe it leaves.
_BACKTICK_POSSESSIVE = re.compile(r"`s?$")
# A score or a record the parser runs into a name: "Manchester United 2-0", "Muhammad Ali 22 - 3".
_TRAILING_SCORE = re.compile(r"\s+\d{1,3}\s?[-–]\s?\d{1,3}$")
# A surname named alone more widely than in full is still the person's when the parser calls it
# a person in this share of the articles naming it (see ``entity_forms``).
MIN_PERSON_SHARE = 0.2
# A name in capitals this long is a dateline's or a headline's, not initials ("US", "WHO").
MIN_CAPITALS_LETTERS = 4
_RUN_ON_SPAN = re.compile(r",|\s(?:and|or|&)(?:\s|$)|['’]s\s|^[a-z]|^An?\s")


def story_entities(items: list[AnnotatedArticle]) -> list[StoryEntity]:
    """People, places and organisations of the story, each once, most widely reported first."""
    return [entity for entity, _ in entity_forms(items)]


def entity_forms(items: list[AnnotatedArticle]) -> list[tuple[StoryEntity, list[str]]]:
    """Each entity of the story with every name it was found under, its listed name first."""
    labels: dict[str, dict[str, set[str]]] = {}  # plain name → type → articles
    for item in items:
        for mention in item.annotations.entities:
            kind = ENTITY_TYPES.get(mention.label)
            name = _name_of(mention.canonical) if kind else None
            if name:
                labels.setdefault(name, {}).setdefault(kind, set()).add(item.article.id)
    # One name, two types: the parser's label differs by sentence ("Emma Stone" an
    # organisation once); the type most articles give it is taken for all, but for two kinds of name.
    kinds_of = {name: max(kinds, key=lambda k: (len(kinds[k]), k)) for name, kinds in labels.items()}
    named_in_full = _named_in_full(labels, kinds_of)
    written = {name.lower(): name for name in labels if not name.isupper()}
    seen: dict[tuple[str, str], set[str]] = {}
    for name, kinds in labels.items():
        kind = kinds_of[name]
        articles = set().union(*kinds.values())
        if name.isupper() and len(name) >= MIN_CAPITALS_LETTERS and name.lower() in written:
            # A dateline's capitals, which the parser reads as it likes ("HELSINKI" an
            # organisation), name what the same letters in the text's own case name ("Helsinki").
            kind = kinds_of[written[name.lower()]]
        elif kind != "person" and name in named_in_full and (
            len(articles) <= len(named_in_full[name]) or len(kinds.get("person", ())) >= MIN_PERSON_SHARE * len(articles)
        ):
            # A surname alone, which the parser often reads as an organisation or a place
            # ("Cahill", "Teixeira", "Palin"), is the person the story names in full, in as many
            # articles or more: news names a person in full, then by the surname. A word named
            # alone more widely is a name of its own that a mislabelled span ends with ("Aceh"
            # in 13 articles, the parser's person "Banda Aceh" in 10; "SeaMicro", "Buys SeaMicro"),
            # unless the parser calls it a person alone often enough too ("Trump" in three articles,
            # one of them a person's, beside "Donald Trump" in two; "SeaMicro" a person in 1 of 15).
            # (The annotator's ``settle_labels`` does the like within one article, from its parse,
            # for the speakers only; this is the story's list, from the stored mentions.)
            kind = "person"
        seen[(name, kind)] = articles
    entities = []
    for kind, members in _grouped(seen):
        articles = set().union(*(seen[(m, kind)] for m in members))
        # Its fullest name, not in a dateline's capitals ("Rome" over "ROME"), then the most
        # reported ("United States" over "US"; "Peter Cahill" in five articles over
        # "Peter A. Cahill" in one), then the longest written.
        name = min(members, key=lambda m: (-len(_words(m, kind)), m.isupper(), -len(seen[(m, kind)]), -len(m), m))
        forms = [name] + sorted(m for m in members if m != name)
        entities.append((StoryEntity(name=name, type=kind, articles=sorted(articles)), forms))
    return sorted(entities, key=lambda e: (-len(e[0].articles), e[0].name))


def _named_in_full(labels: dict[str, dict[str, set[str]]], kinds_of: dict[str, str]) -> dict[str, set[str]]:
    """Each last word of the story's people named in two words or more, with the articles that
    name them so ("Cahill": those naming "Peter Cahill" or "Peter A. Cahill")."""
    found: dict[str, set[str]] = {}
    for name, kind in kinds_of.items():
        if kind == "person" and " " in name:
            found.setdefault(name.split()[-1], set()).update(*labels[name].values())
    return found


def _grouped(seen: dict[tuple[str, str], set[str]]) -> list[tuple[str, list[str]]]:
    """The names of each entity: longest names first, each shorter name joining the first group it belongs to.

    Greedy on purpose: "Floyd" could be George or Terrence Floyd, and joins
    the one more articles name (the parser's "Guardiola dubbed Messi" is
    longer than "Lionel Messi", not more reported); grouping by any pair
    alike would chain the two brothers into one person through it. A group
    is found by the keys of its first, longest name (``_keys``), not by
    trying every group: a story of a thousand articles names thousands.
    """
    order = sorted(seen, key=lambda k: (-len(_words(*k)), -len(seen[k]), k[0]))
    groups: list[tuple[str, list[str]]] = []
    reach: list[set[str]] = []  # each group's articles so far
    index: dict[tuple, list[int]] = {}
    for name, kind in order:
        found = sorted({g for key in _keys(name, kind, own=False) for g in index.get(key, ())})
        fitting = [g for g in found if _same_entity(groups[g][1][0], name, kind)]
        if not fitting and kind == "person" and len(_words(name, kind)) == 1:
            # A given name alone ("Tedros" of "Tedros Adhanom Ghebreyesus"), as the annotator
            # reads it within an article: only when exactly one fuller name starts so.
            starting = [g for g in index.get((kind, "first", _words(name, kind)[0]), ()) if len(_words(groups[g][1][0], kind)) > 1]
            fitting = starting if len(starting) == 1 else []
        if fitting:
            target = max(fitting, key=lambda g: (len(reach[g]), -g))
            groups[target][1].append(name)
            reach[target] |= seen[(name, kind)]
            continue
        groups.append((kind, [name]))
        reach.append(set(seen[(name, kind)]))
        for key in _keys(name, kind, own=True):
            index.setdefault(key, []).append(len(groups) - 1)
    return groups


def _keys(name: str, kind: str, *, own: bool) -> list[tuple]:
    """Where a group's first name is filed (``own``), and where a name looks for its group:
    the same for spellings and trailing or leading words; a short capitalised name looks
    under initials, which a group files under its first name's."""
    words = _words(name, kind)
    keys: list[tuple] = [(kind, "last", words[-1])]
    if len(words) > 1:  # spellings of one word are not compared: its last word finds it as itself
        keys.append((kind, len(words), "".join(w[0] for w in words)))
    if kind == "person":
        keys.append((kind, "first", words[0]))
    if own:
        keys.append((kind, "initials", _initials(words)))
    elif len(words) == 1 and name.isupper():
        keys.append((kind, "initials", name))
    return keys


def _same_entity(longer: str, name: str, kind: str) -> bool:
    """Whether ``name`` is another form of ``longer`` (which has at least as many words)."""
    long_words, words = _words(longer, kind), _words(name, kind)
    if long_words == words:
        return True
    if len(long_words) == len(words):
        # Transliterations: "Mursi"/"Morsi", "Shafiq"/"Shafik". Two words at least: one
        # surname alone is too short to tell a spelling from another name.
        return len(words) >= 2 and spelt_alike(" ".join(long_words), " ".join(words))
    if kind != "place" and long_words[-len(words):] == words:
        # "Floyd" of "George Floyd", "Justice Department" of "US Justice Department"; not of a
        # span the parser ran over two names or a phrase ("CBS All Access, Disney", "Apple’s
        # MacBook", "a White House"), which would then name the entity.
        return not _RUN_ON_SPAN.search(longer)
    if kind == "person" and len(words) >= 2 and long_words[: len(words)] == words:
        # "Tedros Adhanom" of "Tedros Adhanom Ghebreyesus", not "Manchester United" of the
        # parser's "Manchester United 2-0".
        return all(w.isalpha() for w in long_words[len(words):])
    if len(words) == 1 and name.isupper():
        return _initials(long_words) == name  # "US" of "United States", "DRC" of "Democratic Republic of Congo"
    # Not a place's trailing words: "Sudan" is not South Sudan, nor "Africa" West Africa.
    return False


@functools.lru_cache(maxsize=1 << 16)
def _words(name: str, kind: str) -> tuple[str, ...]:
    """A name's words as compared: lower case, the minor words of a place or organisation and a
    person's middle initials and surname particles left out. (Cached: sorting, filing and
    comparing each ask for them.)"""
    words = name.split()
    if kind == "person":
        if len(words) > 2:
            words = [words[0]] + [w for w in words[1:-1] if not _MIDDLE_INITIAL.match(w)] + [words[-1]]
        words = [_PARTICLE.sub("", w) or w for w in words]
    else:
        words = [w for w in words if w.lower() not in _MINOR_WORDS] or words
    return tuple(w.lower() for w in words)


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


@functools.lru_cache(maxsize=1 << 16)  # a story's articles name the same few entities again and again
def _name_of(canonical: str) -> str | None:
    """A mention's name as the story lists it (``_plain``), or None when it is no name.

    A stored record's name may be anything; a name all in lower case is the parser's
    reading of a common phrase ("headphone jack", "n’t", "8.30am"), not a name.
    """
    name = _plain(canonical)
    return name if any(c.isalnum() for c in name) and not name.islower() else None


def _plain(name: str) -> str:
    """"U.S." and "U.S" as "US"; "@WHO", a handle, as "WHO"; a possessive the annotator left
    ("Mubarak`s") or a score the parser ran in ("Manchester United 2-0") off."""
    name = _TRAILING_SCORE.sub("", _BACKTICK_POSSESSIVE.sub("", name.strip().lstrip("@"))) or name
    if _DOTTED_ABBREVIATION.match(name):
        return name.replace(".", "")
    return name


# How a dossier's reader sees the types, in the order shown.
TYPE_HEADINGS = (("person", "People"), ("place", "Places"), ("organisation", "Organisations"), ("event", "Events"))


def by_type(entities: list[StoryEntity], limit: int) -> list[tuple[str, list[StoryEntity], int]]:
    """(heading, the most reported ``limit`` entities of that type, how many more) for each type the story names."""
    shown = []
    for kind, heading in TYPE_HEADINGS:
        of_kind = [e for e in entities if e.type == kind]  # most reported first already
        if of_kind:
            shown.append((heading, of_kind[:limit], max(0, len(of_kind) - limit)))
    return shown
