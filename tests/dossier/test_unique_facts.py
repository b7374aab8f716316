"""Facts one outlet alone reports: matched by words, the outlet's own names first."""

from __future__ import annotations

import pytest

from parallax.dossier import build_dossier
from parallax.dossier.coverage import MAX_UNIQUE_PER_OUTLET
from parallax.model import Article

SHARED = "A road bridge over the river collapsed on Wednesday morning, sending several cars into the water below."
A_BODY = [
    SHARED,
    "The bridge, built in 1962, carried about 40,000 vehicles a day across the valley.",
    "The mayor cancelled a planned trip abroad to visit the site with emergency crews.",
]
B_BODY = [
    SHARED,
    "Some 40,000 cars crossed the 1962 span daily, according to the regional transport office.",
    "Police closed the riverside roads and asked residents to keep away from the banks.",
]


@pytest.fixture(scope="module")
def items(annotator):
    articles = [
        Article(id="a", source="t", title="Bridge collapses", body=A_BODY, outlet="One Daily", published="2024-03-06"),
        Article(id="b", source="t", title="Bridge falls into river", body=B_BODY, outlet="Other Times", published="2024-03-06"),
    ]
    return list(annotator(articles))


def _unique(dossier, outlet):
    return " ".join(next((u.sentences for u in dossier.unique if u.outlet == outlet), []))


def test_by_words_a_restated_fact_looks_unique(items):
    dossier = build_dossier(1, items)
    assert "40,000 vehicles" in _unique(dossier, "One Daily")
    assert "mayor cancelled" in _unique(dossier, "One Daily")
    assert SHARED not in _unique(dossier, "One Daily")


def test_a_sentence_naming_what_no_other_outlet_names_is_kept_first(annotator):
    # More unmatched sentences than the list holds; the one naming someone only this
    # outlet names comes last in the text, and is listed all the same.
    filler = [f"Volunteers counted {word} sandbags stacked along the lower streets during that long afternoon."
              for word in ("dozens of", "hundreds of", "many", "several", "countless", "piles of", "rows of", "heaps of",
                           "extra", "new", "wet", "spare", "old", "torn", "heavy", "light", "large", "small", "green",
                           "grey", "brown", "plastic", "cloth", "borrowed", "donated")]
    assert len(filler) > MAX_UNIQUE_PER_OUTLET
    named = "Site engineer Marta Kowalczyk said the pillars had shown cracks for months before the fall."
    articles = [
        Article(id="a", source="t", title="Bridge collapses", body=[SHARED, *filler, named], outlet="One Daily",
                published="2024-03-06"),
        Article(id="b", source="t", title="Bridge falls", body=[SHARED, B_BODY[2]], outlet="Other Times",
                published="2024-03-06"),
    ]
    dossier = build_dossier(1, list(annotator(articles)))
    mine = next(u.sentences for u in dossier.unique if u.outlet == "One Daily")
    assert len(mine) == MAX_UNIQUE_PER_OUTLET and named in mine


@pytest.mark.parametrize("quotation", [
    ("“The committee met this morning and advised me that the outbreak is an emergency. "
     "I have accepted that advice,” the director told reporters in Geneva on Wednesday."),
    # British papers print quotations in single marks, which are apostrophes too ("There's").
    ("'There's going to be more information on the outbreak in the future that will be of interest. "
     "I hope it will give you some peace of mind,' the director told reporters in Geneva on Wednesday."),
])
def test_a_quotation_of_two_sentences_is_cited_whole(annotator, quotation):
    articles = [
        Article(id=outlet, source="t", title="Outbreak declared an emergency", outlet=outlet, published="2024-08-14",
                body=["The health agency declared the outbreak a global emergency on Wednesday.", quotation, extra])
        for outlet, extra in (("One Daily", "Cases have been reported in thirteen countries across the region so far."),
                              ("Other Times", "Vaccines will be sent to the worst-hit provinces from next week onwards."))
    ]
    dossier = build_dossier(1, list(annotator(articles)))
    # The two sentences are one unit: the summary cites them together, never one half alone.
    texts = [s.sentence for s in dossier.summary] + [t.text for t in dossier.timeline]
    assert quotation in texts
    assert not any(t.count("“") != t.count("”") for t in texts)
    assert not any(t != quotation and t in quotation for t in texts)


def test_a_figure_another_outlet_gives_is_not_unique_in_other_words(annotator):
    # The same toll in other words: by words alone the first sentence would be A's own.
    toll_a = "But there was little sign of a deal on the conflict, which monitors say has now cost more than 14,400 lives."
    toll_b = "More than 14,400 people have been killed since the uprising began, according to the monitors."
    own = "Activists in the town of Douma claimed that 29 people were killed by government forces on Monday."
    articles = [
        Article(id="a", source="t", title="Leaders meet", body=[SHARED, toll_a, own], outlet="One Daily", published="2024-03-06"),
        Article(id="b", source="t", title="Leaders talk", body=[SHARED, toll_b], outlet="Other Times", published="2024-03-06"),
    ]
    dossier = build_dossier(1, list(annotator(articles)))
    assert [g.verdict for g in dossier.figures if g.values[0].value == 14400] == ["agree"]
    assert "14,400" not in _unique(dossier, "One Daily") and "14,400" not in _unique(dossier, "Other Times")
    assert own in _unique(dossier, "One Daily")  # a figure of its own: its outlet's alone
