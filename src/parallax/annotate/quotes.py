"""Direct quotes and who said them.

Quote spans are found with the typography news uses (curly, straight and single
marks; a quote left open runs to the end of its paragraph). The speaker is the
subject of the speech verb that frames the quote, read from spaCy's dependency
parse: before or after the quote, several subjects for a joint statement, the
object of "according to". Pronouns and plural descriptors ("he", "the two
leaders") resolve to the people the article last named. Two forms name the
speaker without a verb: a name after a dash behind the quote ('“…” ― Lena
Fischer', vox pops and pull quotes) and a transcript's label ('PENCE: Well, …').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import Mention, Quote
from .nlp import doc_text

# --- thresholds -------------------------------------------------------------
# Shorter quoted strings are scare quotes and titles ("political process").
MIN_QUOTE_WORDS = 4
# A paragraph of no more words than this, all of them quoted and with no full stop, is a crosshead.
MAX_HEADING_WORDS = 12
# Words of a person's name kept from a longer span the tagger did not label a person.
MAX_NAME_WORDS = 3
# How many words after a speech verb that follows its quote the speaker's name may come.
INVERTED_SUBJECT_WINDOW = 10
# How long an appositive between a speaker's name and the verb may be ("Flynn, a top Trump surrogate, said").
MAX_APPOSITIVE_TOKENS = 12
# How many sentences back a pronoun may look for the person it stands for.
PRONOUN_LOOKBACK_SENTENCES = 4

SPEECH_VERBS = frozenset(
    "say tell add urge declare state warn insist claim note explain ask announce write tweet post "
    "respond reply argue acknowledge demand describe confirm deny suggest accuse recall continue "
    "conclude stress scoff predict promise vow pledge admit complain caution report quote call "
    "remark observe testify told begin advise reckon chant shout "
    # Verbs of judging aloud frame quotes too ('Trump boasted, “…”', 'Japan branded
    # North Korea an “outlaw nation …”'): their subject is the speaker.
    "boast concede counter retort assert contend maintain emphasize emphasise recount quip joke "
    "lament sing scold brand blast slam mock dismiss criticize criticise praise thank plead "
    "exclaim yell scream whisper mutter grumble wonder attack".split()
)
SINGULAR_PRONOUNS = {"he", "she", "him", "her"}
PLURAL_PRONOUNS = {"they", "we", "them"}
_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
# Words between a pair of double marks, curly or straight (for telling a quote from scare quotes).
_QUOTED = re.compile(r"[“\"]([^“”\"]*)[”\"]")
# 'WALLACE: But, Governor …': one to three words in capitals and a colon start a transcript's turn.
_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")
# '”― Name' after a quote: a dash (a hyphen only between spaces), then the name:
# capitalised words and initials ("Oscar P. Quintero", "Gonzàlez", "O'Neill").
_DASH_AFTER_QUOTE = re.compile(r"[^\S\n]*(?:[―—–]|-(?=\s))[^\S\n]*")  # spaces may be no-break ones
_DASH_NAME = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]*\.?)(?:[^\S\n]+(?:[A-ZÀ-ÖØ-Þ][\w'’-]*\.?|de|la|van|von|der|al|el|bin)){0,5}")


@dataclass(slots=True)
class QuoteSpan:
    start: int
    end: int  # exclusive, in characters of the document text
    paragraph: int
    closed: bool


def find_quote_spans(text: str, paragraph_starts: list[int]) -> list[QuoteSpan]:
    """Spans of quoted text (inside the marks) in a body whose paragraphs start at the given offsets."""
    spans: list[QuoteSpan] = []
    bounds = paragraph_starts + [len(text) + 2]
    # Straight single marks quote only in a text that quotes with no double marks (British
    # tabloids: 'But briefly, …,' Chauvin said). A text that has double ones keeps single
    # ones for quotes within quotes and for titles ('All Bets Are Off').
    singles = not any(mark in text for mark in '"“”«»„')
    for number, (start, nxt) in enumerate(zip(bounds, bounds[1:])):
        end = min(nxt - 2, len(text)) if nxt <= len(text) else len(text)
        spans.extend(_spans_in_paragraph(text, start, end, number, singles))
    return spans


def _spans_in_paragraph(text: str, start: int, end: int, number: int, singles: bool) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    i = start
    while i < end:
        ch = text[i]
        close = _OPEN_CLOSE.get(ch)
        if close is None and ch == '"':
            close = '"'
        if close is None and ch == "‘" and (i == start or not text[i - 1].isalnum()):
            close = "’"
        if close is None and ch == "”" and (i == start or text[i - 1].isspace()) and i + 1 < end and text[i + 1].isalnum():
            close = "”"  # a closing mark typed to open ('”Fear. I am …”'): it opens, it does not close
        if close is None and singles and ch == "'" and _opens_straight_single(text, i, start, end):
            j = _straight_single_close(text, i + 1, end)
            if j is not None:
                out.append(QuoteSpan(i + 1, j, number, closed=True))
                i = j + 1
                continue
        if close is None:
            i += 1
            continue
        j = _find_close(text, i + 1, end, close)
        if j is None and close in "”“":
            # Curly to open, straight to close ('“Immunity deals …," Chaffetz said'):
            # text pasted from two sources. Without this the quote would run on
            # over its own attribution to the end of the paragraph.
            j = _find_close(text, i + 1, end, '"')
        elif j is None and close == '"':
            # And the other way round ('"Oz has …,” said Gorski'), unless the curly close ends a
            # quotation opened inside this one ('"PENCE: … an episode of “Shark Tank.” But …').
            j = _find_close(text, i + 1, end, "”")
            if j is not None and "“" in text[i + 1: j]:
                j = None
        if j is None:
            if ch in "“\"«":
                out.append(QuoteSpan(i + 1, end, number, closed=False))
            break
        out.append(QuoteSpan(i + 1, j, number, closed=True))
        i = j + 1
    return out


def _opens_straight_single(text: str, i: int, start: int, end: int) -> bool:
    """A straight single mark before a word, at the paragraph's start or after a space:
    the quotation mark of British tabloids ('But briefly, I do want …,' Chauvin said),
    or an apostrophe ("the '90s", "rock 'n' roll"), which ``_straight_single_close`` tells apart."""
    return (i == start or text[i - 1].isspace() or text[i - 1] in "(:[") and i + 1 < end and text[i + 1].isalnum()


def _straight_single_close(text: str, i: int, end: int) -> int | None:
    """The mark closing a straight single quotation opened before ``i``, or None for an apostrophe.

    Closing: a mark after the quotation's own punctuation ("…,'" "…'."), or
    before a space, unless it is a plural's possessive ("the players' union").
    A mark that opens another word on the way ("the '90s … 'I loved it,'")
    means the first was an apostrophe; so does a paragraph's end with no
    close: a straight single mark never runs open, as a double one may.
    """
    while i < end:
        if text[i] == "'":
            before, after = text[i - 1], text[i + 1] if i + 1 < end else "\n"
            if after.isalnum():
                if before.isspace():
                    return None  # another opening: the first mark was an apostrophe
            elif before in ".,!?…" or (not after.isalpha() and not before.isspace()
                                       and not (before == "s" and after == " " and text[i + 2: i + 3].islower())):
                return i
        i += 1
    return None


def _find_close(text: str, i: int, end: int, close: str) -> int | None:
    while i < end:
        if text[i] == close:
            # A closing single mark followed by a letter is an apostrophe ("Syria’s").
            if close == "’" and i + 1 < end and text[i + 1].isalpha():
                i += 1
                continue
            return i
        i += 1
    return None


def extract_quotes(doc: Doc, paragraph_starts: list[int], mentions: list[Mention]) -> list[Quote]:
    """Every direct quote of ``doc`` with its speakers (canonical names where known)."""
    sentences = list(doc.sents)
    sentence_index = {s.start: n for n, s in enumerate(sentences)}
    spans = [s for s in find_quote_spans(doc_text(doc), paragraph_starts)
             if len(doc_text(doc)[s.start:s.end].split()) >= MIN_QUOTE_WORDS and not _is_heading(doc_text(doc), s, paragraph_starts)]
    canon = _canonical_lookup(mentions)
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_end = 0
    for span in spans:
        first = doc.char_span(span.start, span.end, alignment_mode="expand")
        if first is None:
            continue
        sent = first[0].sent
        quoted = doc_text(doc)[span.start:span.end]
        speakers, cue = _dash_attribution(doc, span, canon)
        if not speakers:
            speakers, cue = _transcript_label(quoted, canon)
        if not speakers:
            # 'He added, “…”' right after someone's quote: when no name before it says who
            # "he" is (the tagger missed it), the one quoted just before goes on.
            adjacent = previous is not None and previous.paragraph >= span.paragraph - 1
            speakers, cue = attribute(doc, span, sentences, canon, he=tuple(previous.speakers) if adjacent else ())
        text = quoted.strip().strip(",").strip()
        if not speakers:
            # 'Biden said they would try. "It is better to meet."': someone named
            # speaking in reported speech just before a quote of the same
            # paragraph (after the paragraph's previous quote, if any) says it.
            same = previous is not None and previous.paragraph == span.paragraph
            start = previous_end if same else paragraph_starts[span.paragraph]
            speakers, cue = _speaker_between(doc, start, span, sentences, canon)
        if not speakers and previous is not None and previous.speakers and (
            previous.paragraph == span.paragraph
            or (_stands_alone(doc_text(doc), span, paragraph_starts) and previous.paragraph == span.paragraph - 1)
        ):
            # '"...," Ferguson said. "The only thing ..."' and a quote continued in
            # the next paragraph: the speaker goes on until someone else is named.
            speakers, cue = previous.speakers, previous.cue
        if not speakers and _stands_alone(doc_text(doc), span, paragraph_starts) and span.paragraph > 0:
            speakers, cue = _lead_in_speaker(doc, paragraph_starts, span, sentences, canon)
            if not speakers:
                # 'Eto'o said that he dedicated the victory to the fans.' then the
                # quote as a paragraph of its own: the reported speech introduces it.
                speakers, cue = _speaker_between(doc, paragraph_starts[span.paragraph - 1], span, sentences, canon)
        if not speakers and _names_a_work(text):
            continue  # 'Best Picture: “The Shape of Water.”': a film's title, quoted, that nobody says
        quote = Quote(text=text, speakers=speakers, paragraph=span.paragraph, sentence=sentence_index.get(sent.start, 0), cue=cue)
        quotes.append(quote)
        previous, previous_end = quote, span.end
    return quotes


def _dash_attribution(doc: Doc, span: QuoteSpan, canon: dict[str, str]) -> tuple[list[str], str | None]:
    """'“…” ― Pamela Padilla': the name after a dash right behind the closing mark.

    Pull quotes, vox pops and epigraphs name their speaker so, with no verb to
    parse. Only a name that ends its paragraph (or is followed by an
    appositive: ", a nurse from Ohio") counts: "“…” — a claim Trump denied"
    is a sentence going on.
    """
    if not span.closed:
        return [], None
    text = doc_text(doc)
    dash = _DASH_AFTER_QUOTE.match(text, span.end + 1)
    if dash is None:
        return [], None
    line_end = text.find("\n", dash.end())
    line_end = len(text) if line_end == -1 else line_end
    name = _DASH_NAME.match(text, dash.end(), line_end)
    if name is None:
        return [], None
    rest = text[name.end():line_end].strip()
    if rest and not rest.startswith(",") and rest != ".":
        return [], None
    written = re.sub(r"(?<=\w\w)\.$", "", name.group(0).strip())  # a full stop, not an initial's
    return [_fullest_person(canon.get(written, written), canon)], "dash"


def _transcript_label(quoted: str, canon: dict[str, str]) -> tuple[list[str], str | None]:
    """'PENCE: Well, look, …': a transcript's speaker label in capitals opens the quoted turn."""
    label = _TRANSCRIPT_LABEL.match(quoted.lstrip())
    if label is None:
        return [], None
    name = " ".join(w.capitalize() for w in label.group(1).split())
    full = _fullest_person(name, canon)
    if full == name and name not in canon.values():
        return [], None  # "BREAKING:", "UPDATE:": a label, but no one the article names
    return [full], "transcript"


def _speaker_between(
    doc: Doc, start: int, span: QuoteSpan, sentences: list[Span], canon: dict[str, str]
) -> tuple[list[str], str | None]:
    """The subject of a speech verb in the whole sentence nearest before the quote, after ``start``."""
    for sentence in reversed(sentences):
        if sentence.start_char < start or sentence.end_char > span.start - 1:
            continue
        if _has_quote(sentence.text):
            continue  # another quote's frame
        for token in sentence:
            if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS:
                subject = _subject_of(token)
                if subject is not None:
                    return _resolve_subject(doc, subject, span, canon, sentences), token.lemma_
        return [], None  # only the sentence nearest the quote
    return [], None


def _has_quote(text: str) -> bool:
    """Whether ``text`` quotes words enough to be a quote, or leaves a mark open (a quote running
    on). A phrase in scare quotes ('saying it was “humanly impossible” to convey') is reported
    speech, and its sentence may name the speaker of the quote after it."""
    if any(len(q.split()) >= MIN_QUOTE_WORDS for q in _QUOTED.findall(text)):
        return True
    return any(ch in _QUOTED.sub("", text) for ch in "“”\"")


def _lead_in_speaker(
    doc: Doc, starts: list[int], span: QuoteSpan, sentences: list[Span], canon: dict[str, str]
) -> tuple[list[str], str | None]:
    """'Eto'o said:' ending the paragraph before a quote-only paragraph names its speaker."""
    previous_start, previous_end = starts[span.paragraph - 1], starts[span.paragraph] - 2
    if not doc_text(doc)[previous_start:previous_end].rstrip().endswith(":"):
        return [], None
    lead = doc.char_span(previous_start, previous_end, alignment_mode="contract")
    if lead is None:
        return [], None
    for token in reversed(list(lead)):
        if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS:
            subject = _subject_of(token)
            if subject is not None:
                return _resolve_subject(doc, subject, span, canon, sentences), token.lemma_
    return [], None


def _is_heading(text: str, span: QuoteSpan, starts: list[int]) -> bool:
    """A crosshead that quotes a phrase ("— ‘Attacks worsen in UN absence’ —"): the quote is its
    paragraph's only words, a few of them, closed, with no sentence's end (a quote left open by a
    page cut short has none either). The words are quoted again where the article reports them;
    as a heading they have no speaker."""
    start = starts[span.paragraph]
    end = starts[span.paragraph + 1] if span.paragraph + 1 < len(starts) else len(text)
    around = text[start:span.start] + text[span.end:end]
    quoted = text[span.start:span.end].strip()
    return (span.closed and not any(c.isalnum() for c in around) and len(quoted.split()) <= MAX_HEADING_WORDS
            and not quoted.rstrip("”’\"'»").endswith((".", "!", "?", "…")))


def _names_a_work(quoted: str) -> bool:
    """Quoted words in Title Case, a few of them: the title of a film, a book or a song
    ("Call Me by Your Name."), which articles quote as they quote speech. Words in capitals
    throughout are someone shouting, not a title."""
    words = [w.strip(".,;:!?()'’\"“”") for w in quoted.split()]
    long = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return (len(words) <= MAX_HEADING_WORDS and len(long) >= 2 and all(w[0].isupper() for w in long)
            and any(c.islower() for w in long for c in w))


def _stands_alone(text: str, span: QuoteSpan, starts: list[int]) -> bool:
    """True when the quote is its paragraph's whole text (a continued quotation)."""
    start = starts[span.paragraph]
    return text[start:span.start - 1].strip() == ""


def attribute(
    doc: Doc, span: QuoteSpan, sentences: list[Span], canon: dict[str, str], he: tuple[str, ...] = (),
) -> tuple[list[str], str | None]:
    """Speakers of the quote at ``span`` and the cue that names them.

    ``he`` is who "he" or "she" is when no person is named before the quote.
    """
    inside = lambda t: span.start <= t.idx < span.end  # noqa: E731
    first = doc.char_span(span.start, span.end, alignment_mode="expand")
    if first is None:
        return [], None
    covered = {s.start for s in sentences if s.start_char < span.end and span.start < s.end_char}
    # The frame is the rest of the quote's sentences, within its own paragraph:
    # the parser may run a sentence across a paragraph break.
    para_start = doc_text(doc).rfind("\n\n", 0, span.start) + 2 if "\n\n" in doc_text(doc)[:span.start] else 0
    para_end = doc_text(doc).find("\n\n", span.end)
    para_end = len(doc_text(doc)) if para_end == -1 else para_end
    in_paragraph = lambda t: para_start <= t.idx < para_end  # noqa: E731
    frame = [t for s in sentences if s.start in covered for t in s if not inside(t) and in_paragraph(t)]
    # "..." he said. — the frame may be the next sentence when the parser split it off.
    last = max((s for s in sentences if s.start in covered), key=lambda s: s.start)
    following = [s for s in sentences if s.start == last.end]
    if following and len(following[0]) <= 12:
        frame += [t for t in following[0] if in_paragraph(t)]
    elif following and following[0][0].is_lower:
        # '"...!" the crowd chanted as ...': no sentence starts in lower case, so
        # the parser cut the quote's own sentence; its first words are the frame.
        frame += [t for t in following[0][:12] if in_paragraph(t)]
    verbs = [t for t in frame if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_VERBS]
    if not verbs:
        statement = [t for t in frame if t.lower_ in ("statement", "statements") and t.head.lemma_ == "in"]
        verbs = [t.head.head for t in statement if t.head.head.pos_ == "VERB"]
    # The sentence's main speech verb attributes a partial quote inside a
    # reported clause ("Obama said he and Putin had pledged to ..."), so it goes first.
    # 'Beatty said: "...", Dunaway added: "..."': a speech verb right before the
    # colon that opens the quote is the quote's own, whatever the sentence's main verb.
    lead = _colon_lead_verb(doc, span, verbs)
    order = sorted(verbs, key=lambda v: (v is not lead, v.dep_ != "ROOT", abs(v.idx - span.start)))
    # A subject in quotation marks is a title the parser misread ('said on Fox News's “Fox and Friends”').
    skip = lambda t: inside(t) or (not t.is_punct and _in_any_quote(doc, doc[t.i: t.i + 1]))  # noqa: E731
    found = [(verb, subject) for verb in order if (subject := _subject_of(verb, skip=skip)) is not None]
    if found:
        verb, subject = found[0]
        if _is_thing(subject):
            # 'Putin scoffed at the notion that the security services try to …, saying: “…”': a thing
            # says nothing when a name's speech verb governs the quote too ('when Clinton blasted him'
            # after a quote does not govern it).
            verb, subject = next(((v, s) for v, s in found[1:] if v.is_ancestor(first.root)
                                  and (s.pos_ == "PROPN" or _entity_within(s) is not None)), (verb, subject))
        return _resolve_subject(doc, subject, span, canon, sentences, he), verb.lemma_
    # "according to X" names the source only when no one in the frame says the words:
    # in 'According to AFP, one user posted: "..."' AFP reports and the user speaks.
    for token in frame:
        if token.lemma_.lower() == "accord" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return _resolve_subject(doc, objects[0], span, canon, sentences, he), "according to"
    return [], None


def _colon_lead_verb(doc: Doc, span: QuoteSpan, verbs: list[Token]) -> Token | None:
    """The speech verb of 'X added: "..."', when the quote opens right after its colon."""
    text = doc_text(doc)
    before = text[:max(span.start - 1, 0)].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    candidates = [v for v in verbs if v.idx < colon and colon - (v.idx + len(v.text)) <= 2]
    return candidates[-1] if candidates else None


def _subject_of(verb: Token, skip=lambda t: False) -> Token | None:
    """The subject of a speech verb; ``skip`` rules out tokens (those inside the quote itself)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not skip(child):
            return child
    # 'footage of Hillary Clinton asking, “…”': a participle describing a noun has that noun as its speaker.
    if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN") and verb.head.pos_ in ("PROPN", "NOUN") and not skip(verb.head):
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
        shared = _subject_of(verb.head, skip)
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


def _resolve_subject(
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
    if lower == "it":
        org = _organisation_subject(token, sentences) or _last_organisation(doc, span)
        return [org] if org else []
    if lower in SINGULAR_PRONOUNS or _is_nationality_descriptor(token):
        # "he said", and "the Scot added" / "the Brazilian said": a person named before.
        person = _last_people(doc, span, sentences, want=1)
        return person[-1:] if person else (list(he[-1:]) if lower in SINGULAR_PRONOUNS else [_descriptor(token)])
    plural_descriptor = token.tag_ in ("NNS", "NNPS") and token.ent_type_ == "" and _is_people_noun(token)
    if lower in PLURAL_PRONOUNS or plural_descriptor:
        people = _last_people(doc, span, sentences, want=2, group=True)
        if len(people) >= 2:
            return people
        return people or [_descriptor(token)]
    entity = _entity_within(token)
    untitled = entity is None and token.pos_ in ("NOUN", "PROPN") or entity is not None and entity.label_ != "PERSON"
    titled = _titled_person(doc, token, span) if untitled else None
    if titled is not None:
        return [titled]
    if entity is not None:
        return [_fullest_person(canon.get(entity.text, entity.text), canon)]
    if token.pos_ == "PROPN":
        return [_fullest_person(_descriptor(token), canon)]
    return [_descriptor(token)]


def _titled_person(doc: Doc, token: Token, span: QuoteSpan) -> str | None:
    """'the WHO Director-General said' after 'WHO Director-General Tedros Adhanom': the person given that title.

    A role noun as subject refers back to the person last named with the same
    title before their name ("President Barack Obama" ... "the president said").
    """
    if token.ent_type_ == "PERSON" or token.lower_ in ("statement", "report", "group", "company"):
        return None
    found = None
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start == 0 or ent.end_char > span.start or _in_any_quote(doc, ent):
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
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return entity is not None and len(entity) == 1 and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _fullest_person(name: str, canon: dict[str, str]) -> str:
    """A short name the tagger did not label a person ("Pillay told") still means the named person.

    Usually the trailing words of the full name; for one word that ends no
    name, the first word of exactly one (names written given-name first in
    second mention, "Tedros" of "Tedros Adhanom Ghebreyesus").
    """
    words = name.split()
    fuller = sorted(set(canon.values()), key=lambda n: -len(n.split()))
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
            entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
            if entity is not None:
                return _canon(doc, entity)
            return "".join(t.text_with_ws for t in doc[token.left_edge.i: token.i + 1] if t.text[:1].isupper()).strip() or token.text
    return None


def _last_organisation(doc: Doc, span: QuoteSpan) -> str | None:
    """The organisation named last before a quote: what "it said" stands for."""
    orgs = [e for e in doc.ents if e.label_ == "ORG" and e.end_char <= span.start and not _in_any_quote(doc, e)]
    return _canon(doc, orgs[-1]) if orgs else None


def _is_thing(token: Token) -> bool:
    """A common noun that names no one: not a person's or a body's name, not a pronoun, not "officials"."""
    return token.pos_ == "NOUN" and _entity_within(token) is None and not _is_people_noun(token)


def _is_people_noun(token: Token) -> bool:
    # Plural nouns that stand for the people of a previous sentence ("the leaders",
    # "the two presidents", "officials"); not places or things.
    return token.lemma_.lower() in {
        "leader", "president", "minister", "official", "head", "side", "country", "government",
        "power", "nation", "man", "woman", "pair", "duo", "statesman",
    }


def _entity_within(token: Token) -> Span | None:
    """The PERSON/ORG entity the subject names: itself or its closest appositive/compound."""
    if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
    best = None
    for ent in token.doc.ents:
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


def _last_people(doc: Doc, span: QuoteSpan, sentences: list[Span], *, want: int, group: bool = False) -> list[str]:
    """People named before the quote, nearest last; with ``group``, the last sentence naming several."""
    before = [s for s in sentences if s.start_char < span.start][-PRONOUN_LOOKBACK_SENTENCES - 1:]
    canon = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            canon.setdefault(ent.text, ent.text)
    people_by_sentence: list[list[str]] = []
    for sentence in before:
        names = [e for e in sentence.ents if e.label_ == "PERSON" and e.start_char < span.start and not _in_any_quote(doc, e)]
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
                    _canon(doc, e) for e in sentence.ents if e.label_ == "PERSON" and e.start_char < span.start
                    and _is_subject(e) and not _in_any_quote(doc, e)))
                return subjects if len(subjects) >= 2 else unique
    if want == 1:
        # "he" is most often the person the last sentences were about: their
        # subject, rather than whoever was named last in passing.
        for sentence in reversed(before):
            subjects = [e for e in sentence.ents if e.label_ == "PERSON" and e.start_char < span.start
                        and _is_subject(e) and not _in_any_quote(doc, e)]
            if subjects:
                return [_canon(doc, subjects[-1])]
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
    people = [e for e in sentence.ents if e.label_ == "PERSON" and not _in_any_quote(doc, e)]
    for ent in people:
        partners = [
            other for other in people
            if other is not ent and (other.root in ent.root.conjuncts)
        ]
        if partners:
            return list(dict.fromkeys(_canon(doc, e) for e in [ent, *partners]))
    return []


def _in_any_quote(doc: Doc, ent: Span) -> bool:
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


def _canonical_lookup(mentions: list[Mention]) -> dict[str, str]:
    return _Names(mentions)
