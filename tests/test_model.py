"""Records as JSON: what the database and the Ray job's rows hold."""

from __future__ import annotations

import json

from parallax.model import (
    AnnotatedArticle, Annotations, Article, Figure, FigureGroup, FigureValue, Line, Mention, Page, Quote, TimeExpression, decode, encode, to_dict,
)


def _item() -> AnnotatedArticle:
    article = Article(id="a", source="a.txt", title="Zürich talks", body=["One.", "Two — “quoted”."],
                      lines=[Line(text="Zürich talks", label="title")], published="2024-05-01", published_from="page")
    annotations = Annotations(
        sentences=["One."], entities=[Mention(text="Zürich", label="GPE", canonical="Zürich", sentence=0)],
        times=[TimeExpression(text="on Monday", kind="date", date="2024-04-29", sentence=0, granularity="day")],
        quotes=[Quote(text="a quote of four words", speakers=["Ann Lee"], paragraph=1, sentence=0, cue="said")],
        figures=[Figure(value=3.0, text="3", what="people killed", qualifier=None, where=None, when=None,
                        sentence=0, sentence_text="Three people were killed.")],
        terms={"talk": 2},
    )
    return AnnotatedArticle(article=article, annotations=annotations)


def test_a_record_comes_back_as_it_went_with_its_nested_records():
    item = _item()
    text = encode(item)
    assert decode(AnnotatedArticle, text) == item
    assert json.loads(text) == to_dict(item)  # plain JSON, readable by anything


def test_older_and_newer_records_still_decode():
    data = to_dict(_item())
    del data["article"]["lines"]  # written before the field existed: its default
    data["annotations"]["figures"][0].pop("owner")
    data["annotations"]["mood"] = "tense"  # written by a newer Parallax: ignored
    item = decode(AnnotatedArticle, json.dumps(data))
    assert item.article.lines == [] and item.annotations.figures[0].owner is None
    assert item.annotations.terms == {"talk": 2}


def test_a_decoded_page_is_cleaned_as_a_made_one():
    page = decode(Page, json.dumps({"id": "p", "source": "s", "format": "text", "content": "a\u0000b"}))
    assert page.content == "ab"


def test_an_outlet_giving_one_figure_twice_is_shown_it_once():
    def value(outlet: str, sentence: str, where: str | None = None) -> FigureValue:
        return FigureValue(value=70.0, text="more than 70", outlet=outlet, article=outlet, where=where, when="2012-06-18",
                           sentence=sentence)
    group = FigureGroup(what="people killed", verdict="agree", values=[
        value("AFP", "More than 70 people were killed on Monday."), value("AFP", "The toll passed 70, the Observatory said."),
        value("AFP", "More than 70 died in Homs.", where="Homs"), value("BBC", "More than 70 people were killed."),
    ])
    assert [(v.outlet, v.where) for v in group.distinct_values()] == [("AFP", None), ("AFP", "Homs"), ("BBC", None)]
    assert len(group.values) == 4  # the evidence stays whole
