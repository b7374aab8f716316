"""The annotator: spaCy's parse of each article, read by our annotators into ``Annotations``."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ..model import AnnotatedArticle, Annotations, Article
from ..scripts import character_pairs, has_unspaced
from .entities import mentions_from_doc, settle_labels
from .figures import extract_figures
from .nlp import BATCH_SIZE, MAX_TEXT_CHARS, load_model, model_name
from .quotes import extract_quotes
from .timex import event_date, resolve_times

LOGGER = logging.getLogger(__name__)

TERM_POS = {"NOUN", "PROPN", "VERB", "ADJ"}


class Annotator:
    """Holds the spaCy pipeline; call it on a batch of articles."""

    def __init__(self, nlp: Language | None = None, *, batch_size: int = BATCH_SIZE, n_process: int = 1) -> None:
        self.nlp = nlp or load_model()
        self.batch_size = batch_size
        # spaCy's own multiprocessing: the parse is the one cost that grows with cores.
        self.n_process = n_process
        self.model = model_name(self.nlp)

    def __call__(self, articles: Iterable[Article]) -> Iterator[AnnotatedArticle]:
        articles = list(articles)
        texts = (a.body_text[:MAX_TEXT_CHARS] for a in articles)
        docs = self.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process if len(articles) > 1 else 1)
        for article, doc in zip(articles, docs):
            yield AnnotatedArticle(article=article, annotations=self.annotate_doc(article, doc))

    def annotate_doc(self, article: Article, doc: Doc) -> Annotations:
        """Annotations of one parsed article body.

        The model is English: on an article in another language its entities,
        its speakers and what its figures count are noise ("Например" a place,
        "Из" a person), so they are left out; sentences, dates, quotations and
        words are kept.
        """
        english = article.in_english
        sentences = list(doc.sents)
        sentence_of = {t.i: n for n, s in enumerate(sentences) for t in s}
        mentions = mentions_from_doc(doc, sentence_of) if english else []
        if english:
            # For the speakers only: the names (and so the linker's keys) keep the parser's labels.
            # Settled, "Trump" alone took "Donald Trump" as its name and no longer matched another
            # article's "Trump" (development corpus B³ 1.0 -> 0.988, ECB+ test's shuffles 0.849-0.899).
            settle_labels(doc)
        doc.user_data["parallax_canon"] = {m.text: m.canonical for m in mentions}
        sentence_texts = [s.text.strip() for s in sentences]
        times = resolve_times(sentence_texts, article.published)
        starts = _paragraph_starts(article.body)
        quotes = extract_quotes(doc, starts, mentions)
        if not english:
            quotes = [replace(q, speakers=[], cue=None) for q in quotes]
        figures = extract_figures(doc, sentences, times) if english else []
        return Annotations(
            sentences=sentence_texts,
            entities=mentions,
            times=times,
            quotes=quotes,
            figures=figures,
            terms=content_terms(doc),
            event_date=event_date(times, article.published),
            model=self.model,
        )


def content_terms(doc: Doc) -> dict[str, int]:
    """Lemmas of content words and their counts: what the link stage compares.

    Chinese and Japanese print no spaces, so to the English model a clause is one token,
    which another outlet's wording of the same news never repeats: their terms are the
    pairs of characters of a run instead (``scripts.character_pairs``).
    """
    counts: Counter[str] = Counter()
    for token in doc:
        if not token.is_ascii and has_unspaced(token.text):
            counts.update(character_pairs(token.text))
        elif token.pos_ in TERM_POS and not token.is_stop and token.is_alpha and len(token) > 2:
            counts[token.lemma_.lower()] += 1
    return dict(counts)


def _paragraph_starts(paragraphs: list[str]) -> list[int]:
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2
    return starts
