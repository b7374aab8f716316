"""Who a speech verb's subject names: the parse read for a quote's speakers.

The subject of the verb that frames a quote (before or after it, inverted,
behind an appositive, shared by a coordination), and the names it stands for:
a person's fullest name in the article, the person last named for "he" or
"she", the people last named for "the two leaders", the organisation for
"the ministry".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..model import Mention
from .nlp import doc_ents, doc_text, ent_at, ents_in
from .quote_spans import QuoteSpan

# --- thresholds -------------------------------------------------------------
# Words of a person's name kept from a longer span the tagger did not label a person.
MAX_NAME_WORDS = 3
# How many words after a speech verb that follows its quote the speaker's name may come.
INVERTED_SUBJECT_WINDOW = 10
# How long an appositive between a speaker's name and the verb may be ("Flynn, a top Trump surrogate, said").
MAX_APPOSITIVE_TOKENS = 12
# Nouns that stand for a body named before ("the group says"), as "it" does.
_BODY_NOUNS = frozenset({"group", "organisation", "organization", "company", "firm", "movement", "party", "agency",
                         "militia", "union", "charity", "network", "club", "carrier", "airline", "bank", "broadcaster"})
# How many sentences back a pronoun may look for the person it stands for.
PRONOUN_LOOKBACK_SENTENCES = 4
SINGULAR_PRONOUNS = {"he", "she", "him", "her"}
PLURAL_PRONOUNS = {"they", "we", "them"}
# Verbs that name what they describe ("a poem called …", "a film titled …").
NAMING_VERBS = frozenset({"call", "name", "dub", "title", "entitle", "nickname", "christen"})


def subject_of(verb: Token, skip=lambda t: False) -> Token | None:
    """The subject of a speech verb; ``skip`` rules out tokens (those inside the quote itself)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not skip(child):
            return child
    # 'footage of Hillary Clinton asking, “…”': a participle describing a noun has that noun as its speaker;
    # not one that names it ('a poem called “Winter Solstice”', 'a group dubbed “…”'): the quote is its name.
    if (verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN") and verb.head.pos_ in ("PROPN", "NOUN") and not skip(verb.head)
            and not (verb.tag_ == "VBN" and verb.lemma_.lower() in NAMING_VERBS)):
        return verb.head
    # A person's name right before the verb is its speaker, however the parser hung the
    # two ('footage of X asking, “…”', '“…,” Tulsa police Chief Chuck Jordan said Monday').
    if verb.i > 0 and verb.nbor(-1).ent_type_ == "PERSON" and not skip(verb.nbor(-1)):
        return verb.nbor(-1)
    # '“…,” Flynn, a top Trump surrogate, said': a name and its appositive set off by commas right
    # before the verb, which the parser may hang inside the quote.
    appositive = _named_before_appositive(verb, skip)
    if appositive is not None:
        return appositive
    # "... and added" shares the subject of the first verb of the coordination.
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        shared = subject_of(verb.head, skip)
        if shared is not None:
            return shared
    # '"...," declared the United boss Ferguson': after the quote the subject
    # follows its verb, and the parser may read it as an object or worse. The
    # name ending the noun phrase right after the verb is the speaker ...
    if verb.i > 0 and verb.nbor(-1).is_punct and not skip(verb.nbor(-1)):
        for token in verb.sent[verb.i - verb.sent.start + 1:][:INVERTED_SUBJECT_WINDOW]:
            if token.is_punct or token.pos_ in ("SCONJ", "ADP"):
                break
            nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if token.pos_ == "PROPN" and (nxt is None or nxt.pos_ not in ("PROPN", "NOUN")):
                return token
    # ... else the noun the parser hung on the verb ("said the official in Washington").
    for child in verb.rights:
        if (child.dep_ in ("dobj", "attr", "npadvmod", "oprd", "nsubj") and child.pos_ in ("PROPN", "NOUN")
                and child.ent_type_ not in ("DATE", "TIME") and not skip(child)):  # "said Monday" names no one
            return child
    # 'he appeared at a hearing … for saying that it was a “magic cure”': a gerund without a
    # subject of its own speaks for the subject of the clause it hangs in.
    if verb.tag_ == "VBG":
        for ancestor in verb.ancestors:
            if ancestor.pos_ in ("VERB", "AUX"):
                subject = next((c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass") and not skip(c)), None)
                if subject is not None:
                    return subject
    return None


def _named_before_appositive(verb: Token, skip) -> Token | None:
    """The name in '<Name>, <appositive>, <verb>': the appositive a phrase without a verb."""
    doc = verb.doc
    if verb.i < 4 or doc[verb.i - 1].text != ",":
        return None
    for j in range(verb.i - 2, max(verb.i - 2 - MAX_APPOSITIVE_TOKENS, 1), -1):
        token = doc[j]
        if token.pos_ in ("VERB", "AUX") or token.text in ("“", "”", '"', ".", ";"):
            return None
        if token.text == ",":
            name = doc[j - 1]
            return name if name.ent_type_ == "PERSON" and not skip(name) else None
    return None


def resolve_subject(
    doc: Doc, head: Token, span: QuoteSpan, canon: dict[str, str], sentences: list[Span], he: tuple[str, ...] = (),
) -> list[str]:
    heads = [head] + [c for c in head.conjuncts if c.i > head.i]
    names: list[str] = []
    for token in heads:
        names.extend(_names_for(doc, token, span, canon, sentences, he))
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen


def _names_for(doc: Doc, token: Token, span: QuoteSpan, canon: dict[str, str], sentences: list[Span],
               he: tuple[str, ...]) -> list[str]:
    lower = token.lower_
    if lower in ("who", "which", "that") and token.head.dep_ == "relcl":
        token = token.head.head  # "Chauvin's mother, who said": the noun the clause describes
        lower = token.lower_
    if lower == "i":
        return []  # the writer speaking: a column, not a quote to attribute
    if lower == "statement" and any(c.lower_ == "the" for c in token.children):
        issuer = _issuer_of_statement(token, sentences)
        if issuer is not None and issuer.lower_ != "statement":
            return _names_for(doc, issuer, span, canon, sentences, he)
    if lower == "it":
        org = _organisation_subject(token, sentences) or _last_organisation(doc, span)
        return [org] if org else []
    if _is_body_descriptor(token):
        # "the group says on its website" after "The Muslim Brotherhood has declared …".
        org = _organisation_named_subject(token, sentences)
        return [org] if org else [_descriptor(token)]
    if lower in SINGULAR_PRONOUNS or _is_nationality_descriptor(token):
        # "he said", and "the Scot added" / "the Brazilian said": a person named before.
        # The subject of the last sentences first; else the one quoted just before, who goes on
        # ('“…,” Harper said. … Universal’s music division sent demos. “…,” he said'), before
        # whoever was named last in passing.
        # (Not the descriptor itself: the parser may tag "the Scot" a person, and the subject of its sentence.)
        person = _last_people(doc, span, sentences, want=1, subjects_only=True, not_at=token.i)
        if not person and he and lower in SINGULAR_PRONOUNS:
            return list(he[-1:])
        person = person or _last_people(doc, span, sentences, want=1, not_at=token.i)
        return person[-1:] if person else (list(he[-1:]) if lower in SINGULAR_PRONOUNS else [_descriptor(token)])
    plural_descriptor = token.tag_ in ("NNS", "NNPS") and token.ent_type_ == "" and _is_people_noun(token)
    if lower in PLURAL_PRONOUNS or plural_descriptor:
        people = _last_people(doc, span, sentences, want=2, group=True)
        if len(people) >= 2:
            return people
        return people or [_descriptor(token)]
    entity = entity_within(token)
    untitled = entity is None and token.pos_ in ("NOUN", "PROPN") or entity is not None and entity.label_ != "PERSON"
    titled = _titled_person(doc, token, span) if untitled else None
    if titled is not None:
        return [titled]
    if entity is not None:
        return [fullest_person(canon.get(entity.text, entity.text), canon)]
    if token.pos_ == "PROPN":
        return [fullest_person(_descriptor(token), canon)]
    return [_descriptor(token)]


def _issuer_of_statement(token: Token, sentences: list[Span]) -> Token | None:
    """Who issued "the statement": the subject that said something "in a statement", or issued or
    released one, in the sentences before (the US military said in a statement … "…," the statement said)."""
    before = [s for s in sentences if s.start <= token.i][-PRONOUN_LOOKBACK_SENTENCES - 1:]
    for sentence in reversed(before):
        for word in reversed([t for t in sentence if t.i < token.i and t.lower_ == "statement"]):
            head = word.head
            if word.dep_ == "pobj" and head.lower_ == "in":
                verb = head.head
            elif word.dep_ == "dobj":
                verb = head
            else:
                continue
            if verb.pos_ in ("VERB", "AUX"):
                subject = subject_of(verb)
                if subject is not None:
                    return subject
    return None


def _titled_person(doc: Doc, token: Token, span: QuoteSpan) -> str | None:
    """'the WHO Director-General said' after 'WHO Director-General Tedros Adhanom': the person given that title.

    A role noun as subject refers back to the person last named with the same
    title before their name ("President Barack Obama" ... "the president said").
    """
    if token.ent_type_ == "PERSON" or token.lower_ in ("statement", "report", "group", "company"):
        return None
    found = None
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON" or ent.start == 0 or ent.end_char > span.start or in_any_quote(doc, ent):
            continue
        if doc[ent.start - 1].lower_ == token.lower_:
            found = ent
    return _canon(doc, found) if found is not None else None


def _is_nationality_descriptor(token: Token) -> bool:
    """'the Scot', 'the Spaniard': one person referred to by nationality, who was named before.

    A name takes no article, so a one-word "person" or nationality after "the"
    is a description (the tagger reads "Scot" as either).
    """
    if token.ent_type_ not in ("NORP", "PERSON") or token.tag_ not in ("NN", "NNP"):
        return False
    entity = ent_at(token)
    return entity is not None and len(entity) == 1 and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def fullest_person(name: str, canon: dict[str, str]) -> str:
    """A short name the tagger did not label a person ("Pillay told") still means the named person.

    Usually the trailing words of the full name; for one word that ends no
    name, the first word of exactly one (names written given-name first in
    second mention, "Tedros" of "Tedros Adhanom Ghebreyesus").
    """
    words = name.split()
    # Longest first; among names as long, the first the article names ("Scott" of "Tim Scott"
    # and "Bobby Scott"): a set's order would change with each process's string hashing.
    fuller = sorted(dict.fromkeys(canon.values()), key=lambda n: -len(n.split()))
    people = getattr(canon, "people", None)
    for full in fuller:
        other = full.split()
        if len(other) > len(words) and other[-len(words):] == words:
            if people is not None and full not in people and len(other) > MAX_NAME_WORDS:
                # One span the tagger made of an organisation and its head's name ("the World
                # Health Organization Tedros Adhanom Ghebreyesus", labelled ORG): the name ends it.
                return " ".join(other[-MAX_NAME_WORDS:])
            return full
    if len(words) == 1:
        starting = [f for f in fuller if len(f.split()) > 1 and f.split()[0] == name]
        if len(starting) == 1:
            return starting[0]
        # "Beheiry" for "Maher el-Beheiry", "Assad" for "Bashar al-Assad": the particle is dropped.
        particle = [f for f in fuller if f.split()[-1].lower().endswith("-" + name.lower())]
        if len(particle) == 1:
            return particle[0]
    return name


def _organisation_subject(pronoun: Token, sentences: list[Span]) -> str | None:
    """What "it" stands for when a sentence just before it (or its own) has a named, non-person subject.

    As with "he", the subject is the likeliest antecedent: "Acme apologised
    for the error, which it said ..." — even when the tagger did not label the
    name an organisation.
    """
    doc = pronoun.doc
    before = [s for s in sentences if s.start <= pronoun.i][-PRONOUN_LOOKBACK_SENTENCES - 1:]
    for sentence in reversed(before):
        for token in reversed([t for t in sentence if t.i < pronoun.i]):
            # A capitalised subject, whatever its tag (the tagger may call an unknown company anything).
            named = token.text[:1].isupper() and token.pos_ not in ("PRON", "DET") and token.i != sentence.start or token.pos_ == "PROPN"
            if token.dep_ not in ("nsubj", "nsubjpass") or not named or token.ent_type_ in ("PERSON", "GPE", "NORP"):
                continue
            entity = ent_at(token)
            if entity is not None:
                return _canon(doc, entity)
            return "".join(t.text_with_ws for t in doc[token.left_edge.i: token.i + 1] if t.text[:1].isupper()).strip() or token.text
    return None


def _organisation_named_subject(token: Token, sentences: list[Span]) -> str | None:
    """The organisation the sentence right before ``token``'s own has for its subject: what "the group"
    stands for. Not its own sentence (in 'Morsi "is the first …," the group says' Morsi is the quote's
    subject), and no further back: two sentences on, "the agency" may be another body than the last one
    named a subject ("A Government Accountability Office report found …" / "Officials at Homeland Security
    Investigations … said …" / "In a 2013 memo, the agency suggested …")."""
    doc = token.doc
    own = next((s for s in sentences if s.start <= token.i < s.end), None)
    if own is None:
        return None
    for sentence in [s for s in sentences if s.end <= own.start][-1:]:
        for ent in reversed(ents_in(sentence)):
            if ent.label_ == "ORG" and _is_subject(ent) and not in_any_quote(doc, ent):
                return _canon(doc, ent)
    return None


def _is_body_descriptor(token: Token) -> bool:
    """'the group', 'the company': a body named before, referred to by what it is. Only "the" and the
    noun: "the rebel group" or "the company's chief" are other subjects."""
    return (token.lower_ in _BODY_NOUNS and token.ent_type_ == "" and token.tag_ == "NN"
            and [c.lower_ for c in token.children] == ["the"])


def _last_organisation(doc: Doc, span: QuoteSpan) -> str | None:
    """The organisation named last before a quote: what "it said" stands for."""
    orgs = [e for e in doc_ents(doc) if e.label_ == "ORG" and e.end_char <= span.start and not in_any_quote(doc, e)]
    return _canon(doc, orgs[-1]) if orgs else None


def is_thing(token: Token) -> bool:
    """A common noun that names no one: not a person's or a body's name, not a pronoun, not "officials"."""
    return token.pos_ == "NOUN" and entity_within(token) is None and not _is_people_noun(token)


def _is_people_noun(token: Token) -> bool:
    # Plural nouns that stand for the people of a previous sentence ("the leaders",
    # "the two presidents", "officials"); not places or things.
    return token.lemma_.lower() in {
        "leader", "president", "minister", "official", "head", "side", "country", "government",
        "power", "nation", "man", "woman", "pair", "duo", "statesman",
    }


def entity_within(token: Token) -> Span | None:
    """The PERSON/ORG entity the subject names: itself or its closest appositive/compound."""
    if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        own = ent_at(token)
        if own is not None:
            return own
    best = None
    for ent in doc_ents(token.doc):
        if ent.label_ in ("PERSON", "ORG") and token.left_edge.i <= ent.start and ent.end - 1 <= token.right_edge.i:
            if ent.root.dep_ == "poss":
                continue  # "Chauvin's lawyer" is not Chauvin; "Putin's adviser, Yuri Ushakov" is Ushakov
            if not _speaks_as(token, ent):
                continue  # "an aide to Shafiq", "one Weibo commenter", "a lawyer for the Floyd family"
            if best is None or (ent.label_ == "PERSON" and best.label_ != "PERSON"):
                best = ent
    return best
# Subjects whose words are their organisation's ("a Google spokesman", "a spokeswoman
# for the ministry", "a White House official", "a Kremlin statement").
_VOICE_ROLES = {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople",
                "official", "representative", "statement", "announcement"}


def _speaks_as(token: Token, ent: Span) -> bool:
    """Whether the subject ``token`` speaks as ``ent``, a name inside its phrase: the same
    person set beside it ("his lawyer, Eric Nelson"), or the body a spokesman speaks for."""
    node = ent.root
    while node.i != token.i and node.head.i != node.i:  # up the tree (spaCy makes a new Token at each access)
        if node.dep_ == "appos" and node.head.i == token.i:
            return True
        node = node.head
    return token.lemma_.lower() in _VOICE_ROLES


def _descriptor(token: Token) -> str:
    """The subject as written ("Chauvin's lawyer"), without relative clauses or what
    follows a comma after it ("one user on Weibo, which is …"), at most 8 words."""
    dropped = {t.i for c in token.subtree if c.dep_ in ("relcl", "acl", "appos") and c.i != token.i for t in c.subtree}
    words: list[Token] = []
    for t in token.subtree:
        if t.is_punct and t.i > token.i and t.text in {",", ";", "(", "—", "–"}:
            break
        if t.i not in dropped and (not t.is_punct or t.text in {"-", "’", "'"}):  # "52-count", "Chauvin’s"
            words.append(t)
    words = words[:8]
    # Written as in the text: a space wherever the text has something between two kept words.
    text = "".join(t.text + (" " if n + 1 < len(words) and words[n + 1].idx > t.idx + len(t.text) else "")
                   for n, t in enumerate(words))
    text = " ".join(text.split())  # no-break and other odd spaces as one space
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I) or token.text


def _last_people(doc: Doc, span: QuoteSpan, sentences: list[Span], *, want: int, group: bool = False,
                 subjects_only: bool = False, not_at: int = -1) -> list[str]:
    """People named before the quote, nearest last; with ``group``, the last sentence naming several;
    with ``subjects_only`` (and ``want`` 1), only a sentence's subject, or no one. A name spanning
    token ``not_at`` (the descriptor being resolved) is left out."""
    before = [s for s in sentences if s.start_char < span.start][-PRONOUN_LOOKBACK_SENTENCES - 1:]

    def person(e: Span) -> bool:
        return e.label_ == "PERSON" and e.start_char < span.start and not (e.start <= not_at < e.end) and not in_any_quote(doc, e)

    people_by_sentence: list[list[str]] = []
    for sentence in before:
        names = [e for e in ents_in(sentence) if person(e)]
        people_by_sentence.append([_canon(doc, e) for e in names])
    if group:
        for sentence in reversed(before):
            joint = _coordinated_people(doc, sentence)
            if len(joint) >= 2:
                return joint
        for sentence, names in zip(reversed(before), reversed(people_by_sentence)):
            unique = list(dict.fromkeys(names))
            if len(unique) >= 2:
                # Its subjects, if two or more: "both he and Putin agreed ... to work with Annan" names
                # the leaders' partner after them, who is not one of "the leaders".
                subjects = list(dict.fromkeys(
                    _canon(doc, e) for e in ents_in(sentence) if e.label_ == "PERSON" and e.start_char < span.start
                    and _is_subject(e) and not in_any_quote(doc, e)))
                return subjects if len(subjects) >= 2 else unique
    if want == 1:
        # "he" is most often the person the last sentences were about: their
        # subject, rather than whoever was named last in passing.
        for sentence in reversed(before):
            subjects = [e for e in ents_in(sentence) if person(e) and _is_subject(e)]
            if subjects:
                return [_canon(doc, subjects[-1])]
        if subjects_only:
            return []
    flat = [n for names in people_by_sentence for n in names]
    return flat[-want:] if flat else []


def _is_subject(ent: Span) -> bool:
    """Whether a name is (part of) a clause's subject: "Tedros", "Tedros and the WHO", "WHO chief Tedros"."""
    token = ent.root
    while token.dep_ in ("conj", "appos", "compound") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _coordinated_people(doc: Doc, sentence: Span) -> list[str]:
    """People joined by "and" in one sentence ("Obama and Putin issued ..."): a joint subject."""
    people = [e for e in ents_in(sentence) if e.label_ == "PERSON" and not in_any_quote(doc, e)]
    for ent in people:
        partners = [
            other for other in people
            if other is not ent and (other.root in ent.root.conjuncts)
        ]
        if partners:
            return list(dict.fromkeys(_canon(doc, e) for e in [ent, *partners]))
    return []


def in_any_quote(doc: Doc, ent: Span) -> bool:
    opening = doc_text(doc).rfind("“", 0, ent.start_char)
    closing = doc_text(doc).rfind("”", 0, ent.start_char)
    return opening > closing and doc_text(doc).find("”", ent.start_char) != -1 and opening != -1


def _canon(doc: Doc, ent: Span) -> str:
    return doc.user_data.get("parallax_canon", {}).get(ent.text, ent.text)


class _Names(dict):
    """Mention text → canonical name, knowing which canonical names are people's."""

    def __init__(self, mentions: list[Mention]) -> None:
        super().__init__((m.text, m.canonical) for m in mentions)
        self.people = {m.canonical for m in mentions if m.label == "PERSON"}


def canonical_lookup(mentions: list[Mention]) -> dict[str, str]:
    return _Names(mentions)
