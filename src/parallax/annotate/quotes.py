"""Direct quotes and who said them.

Quote spans are found with the typography news uses (curly, straight and single
marks; a quote left open runs to the end of its paragraph). The speaker is the
subject of the speech verb that frames the quote, read from spaCy's dependency
parse: before or after the quote, several subjects for a joint statement, the
object of "according to". Pronouns and plural descriptors ("he", "the two
leaders") resolve to the people the article last named. Two forms name the
speaker without a verb: a name after a dash behind the quote ('“…” ― Lena
Fischer', vox pops and pull quotes) and a transcript's label ('PENCE: Well, …').

The spans are found in ``quote_spans`` (text alone); what a subject names, in
``speakers``; here, which cue attributes each quote.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..model import Mention, Quote
from ..scripts import word_count  # Chinese and Japanese words are not spaced
from .nlp import doc_text
from .quote_spans import QuoteSpan, find_quote_spans
from .speakers import (
    canonical_lookup, entity_within, fullest_person, in_any_quote, is_thing, resolve_subject, subject_of,
)

# --- thresholds -------------------------------------------------------------
# Shorter quoted strings are scare quotes and titles ("political process"), unless
# they are an utterance of their own (``_short_utterance``: '“I love you,” he said').
MIN_QUOTE_WORDS = 4
# Words of the attribution that interrupts a quote ('“My hope,” the former president said, “is …”').
MAX_FRAME_WORDS = 8
# A paragraph of no more words than this, all of them quoted and with no full stop, is a crosshead.
MAX_HEADING_WORDS = 12

SPEECH_VERBS = frozenset(
    "say tell add urge declare state warn insist claim note explain ask announce write tweet post "
    "respond reply argue acknowledge demand describe confirm deny suggest accuse recall continue "
    "conclude stress scoff predict promise vow pledge admit complain caution report quote call "
    "remark observe testify told begin advise reckon chant shout "
    # Verbs of judging aloud frame quotes too ('Trump boasted, “…”', 'Japan branded
    # North Korea an “outlaw nation …”'): their subject is the speaker.
    "boast concede counter retort assert contend maintain emphasize emphasise recount quip joke "
    "lament sing scold brand blast slam mock dismiss criticize criticise praise thank plead "
    "exclaim yell scream whisper mutter grumble wonder attack characterize characterise "
    "condemn denounce decry label hail".split()
)
# Writings an "according to" may name instead of a speaker ("according to reports").
DOCUMENT_NOUNS = frozenset({"report", "statement", "document", "record", "estimate", "poll", "survey", "study"})
# Words between a pair of double marks, curly or straight (for telling a quote from scare quotes).
_QUOTED = re.compile(r"[“\"]([^“”\"]*)[”\"]")
# A title or an initial before a name, whose full stop ends no sentence: "Sen.", "Dr.", "Gov.", "J.".
_ABBREVIATION = re.compile(r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr|Inc|Co|Corp)\.")
# 'WALLACE: But, Governor …': one to three words in capitals and a colon start a transcript's turn.
_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")
# '”― Name' after a quote: a dash (a hyphen only between spaces), then the name:
# capitalised words and initials ("Oscar P. Quintero", "Gonzàlez", "O'Neill").
_DASH_AFTER_QUOTE = re.compile(r"[^\S\n]*(?:[―—–]|-(?=\s))[^\S\n]*")  # spaces may be no-break ones
_DASH_NAME = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]*\.?)(?:[^\S\n]+(?:[A-ZÀ-ÖØ-Þ][\w'’-]*\.?|de|la|van|von|der|al|el|bin)){0,5}")


def extract_quotes(doc: Doc, paragraph_starts: list[int], mentions: list[Mention]) -> list[Quote]:
    """Every direct quote of ``doc`` with its speakers (canonical names where known)."""
    sentences = list(doc.sents)
    sentence_index = {s.start: n for n, s in enumerate(sentences)}
    body = doc_text(doc)
    spans = [(s, rest) for s, rest in _interrupted(doc, find_quote_spans(body, paragraph_starts), paragraph_starts)
             if (word_count(_quoted(body, s, rest)) >= MIN_QUOTE_WORDS or _short_utterance(body, s, paragraph_starts))
             and not _is_heading(body, s, paragraph_starts)]
    canon = canonical_lookup(mentions)
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_end = 0
    for span, rest in spans:
        first = doc.char_span(span.start, span.end, alignment_mode="expand")
        if first is None:
            continue
        sent = first[0].sent
        quoted = _quoted(body, span, rest)
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
        if not speakers and (_names_a_work(text) or word_count(text) < MIN_QUOTE_WORDS):
            # 'Best Picture: “The Shape of Water.”': a film's title, quoted, that nobody says;
            # and a few words nobody is found saying are the writer's scare quotes.
            continue
        quote = Quote(text=text, speakers=speakers, paragraph=span.paragraph, sentence=sentence_index.get(sent.start, 0), cue=cue)
        quotes.append(quote)
        previous, previous_end = quote, (rest or span).end
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
    return [fullest_person(canon.get(written, written), canon)], "dash"


def _transcript_label(quoted: str, canon: dict[str, str]) -> tuple[list[str], str | None]:
    """'PENCE: Well, look, …': a transcript's speaker label in capitals opens the quoted turn."""
    label = _TRANSCRIPT_LABEL.match(quoted.lstrip())
    if label is None:
        return [], None
    name = " ".join(w.capitalize() for w in label.group(1).split())
    full = fullest_person(name, canon)
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
                subject = subject_of(token)
                if subject is not None:
                    return resolve_subject(doc, subject, span, canon, sentences), token.lemma_
        return [], None  # only the sentence nearest the quote
    return [], None


def _has_quote(text: str) -> bool:
    """Whether ``text`` quotes words enough to be a quote, or leaves a mark open (a quote running
    on). A phrase in scare quotes ('saying it was “humanly impossible” to convey') is reported
    speech, and its sentence may name the speaker of the quote after it."""
    if any(word_count(q) >= MIN_QUOTE_WORDS for q in _QUOTED.findall(text)):
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
            subject = subject_of(token)
            if subject is not None:
                return resolve_subject(doc, subject, span, canon, sentences), token.lemma_
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
    return (span.closed and not any(c.isalnum() for c in around) and word_count(quoted) <= MAX_HEADING_WORDS
            and not quoted.rstrip("”’\"'»").endswith((".", "!", "?", "…")))


def _names_a_work(quoted: str) -> bool:
    """Quoted words in Title Case, a few of them: the title of a film, a book or a song
    ("Call Me by Your Name."), which articles quote as they quote speech. Words in capitals
    throughout are someone shouting, not a title."""
    words = [w.strip(".,;:!?()'’\"“”") for w in quoted.split()]
    long = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return (len(words) <= MAX_HEADING_WORDS and len(long) >= 2 and all(w[0].isupper() for w in long)
            and any(c.islower() for w in long for c in w))


def _interrupted(doc: Doc, spans: list[QuoteSpan], starts: list[int]) -> list[tuple[QuoteSpan, QuoteSpan | None]]:
    """Each quote as (its first part, its rest or None): '“My hope,” he said, “is that …”' is one
    quote broken by its attribution, not a two-word quote and another (``_goes_on_in``)."""
    out: list[tuple[QuoteSpan, QuoteSpan | None]] = []
    i = 0
    while i < len(spans):
        rest = spans[i + 1] if i + 1 < len(spans) and _goes_on_in(doc, spans[i], spans[i + 1], starts) else None
        out.append((spans[i], rest))
        i += 2 if rest is not None else 1
    return out


def _goes_on_in(doc: Doc, span: QuoteSpan, nxt: QuoteSpan, starts: list[int]) -> bool:
    """Whether the quote at ``nxt`` is the rest of the one at ``span``: the first opens an
    utterance and ends on a comma, a short frame with a speech verb stands between commas,
    and the rest goes on in lower case. '“I would,” Melanie said. “I would, Donald.”' is two
    quotes, and so is a list of quoted phrases ('“disgusting” and “a con”')."""
    text = doc_text(doc)
    if not (span.closed and nxt.paragraph == span.paragraph and _opens_utterance(text, span, starts)
            and text[span.start:span.end].rstrip().endswith(",") and text[nxt.start:nxt.end].lstrip()[:1].islower()):
        return False
    between = text[span.end + 1:nxt.start - 1]
    stops = _ABBREVIATION.sub("", between)  # "Sen. Jim Smith said," ends no sentence
    if not between.strip().endswith(",") or any(c in stops for c in ".!?;:\n") or len(between.split()) > MAX_FRAME_WORDS:
        return False
    frame = doc.char_span(span.end + 1, nxt.start - 1, alignment_mode="contract")
    return frame is not None and any(t.lemma_.lower() in SPEECH_VERBS for t in frame)


def _quoted(text: str, span: QuoteSpan, rest: QuoteSpan | None) -> str:
    """The words of a quote, its interrupted parts joined as they were said."""
    if rest is None:
        return text[span.start:span.end]
    return text[span.start:span.end].rstrip().rstrip(",") + " " + text[rest.start:rest.end].lstrip()


def _short_utterance(text: str, span: QuoteSpan, starts: list[int]) -> bool:
    """A quote of a few words that is a sentence of its own, not a phrase in scare quotes:
    capitalised, ended by punctuation inside its marks, and opening its sentence or
    following a comma or colon ('“What curfew?” one protester asked', 'He said: “Never.”').
    A phrase quoted inside a sentence ('called it a “disgrace.”', 'his “sex tape”') is
    reported speech; so are a few words in Title Case, a work's title ('“Star Wars,” the company
    said'). Kept only when someone is found saying it (``extract_quotes``)."""
    quoted = text[span.start:span.end].strip()
    return (span.closed and quoted[:1].isupper() and quoted.endswith((",", ".", "?", "!"))
            and _opens_utterance(text, span, starts) and not _names_a_work(quoted))


def _opens_utterance(text: str, span: QuoteSpan, starts: list[int]) -> bool:
    """The quote opens its sentence, or follows the comma or colon of its frame ('He said: “…”'),
    rather than standing inside a sentence of the writer's ('he played “Takin’ It to the Streets,”')."""
    before = text[starts[span.paragraph]:max(span.start - 1, 0)].rstrip()
    return not before or before.endswith((".", "?", "!", ",", ":", "”", '"'))


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
    skip = lambda t: inside(t) or (not t.is_punct and in_any_quote(doc, doc[t.i: t.i + 1]))  # noqa: E731
    found = [(verb, subject) for verb in order if (subject := subject_of(verb, skip=skip)) is not None]
    if found:
        verb, subject = found[0]
        if is_thing(subject):
            # 'Putin scoffed at the notion that the security services try to …, saying: “…”': a thing
            # says nothing when a name's speech verb governs the quote too ('when Clinton blasted him'
            # after a quote does not govern it).
            verb, subject = next(((v, s) for v, s in found[1:] if v.is_ancestor(first.root)
                                  and (s.pos_ == "PROPN" or entity_within(s) is not None)), (verb, subject))
        return resolve_subject(doc, subject, span, canon, sentences, he), verb.lemma_
    # "according to X" names the source only when no one in the frame says the words:
    # in 'According to AFP, one user posted: "..."' AFP reports and the user speaks.
    for token in frame:
        if token.lemma_.lower() == "accord" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects and objects[0].lemma_.lower() in DOCUMENT_NOUNS and entity_within(objects[0]) is None:
                # "according to a report by Reuters": its author; "according to reports": no one.
                author = _author_of(objects[0])
                return (resolve_subject(doc, author, span, canon, sentences, he), "according to") if author else ([], None)
            if objects:
                return resolve_subject(doc, objects[0], span, canon, sentences, he), "according to"
    return [], None


def _author_of(document: Token) -> Token | None:
    """The name a writing's phrase gives as its author ("a report by Reuters", "a statement from
    the Kremlin"); None for "reports", "media reports"."""
    return next((t for t in document.subtree if t.i > document.i and t.dep_ == "pobj" and t.head.lower_ in ("by", "from", "of")
                 and entity_within(t) is not None), None)


def _colon_lead_verb(doc: Doc, span: QuoteSpan, verbs: list[Token]) -> Token | None:
    """The speech verb of 'X added: "..."', when the quote opens right after its colon."""
    text = doc_text(doc)
    before = text[:max(span.start - 1, 0)].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    candidates = [v for v in verbs if v.idx < colon and colon - (v.idx + len(v.text)) <= 2]
    return candidates[-1] if candidates else None
