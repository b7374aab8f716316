"""The cited summary: the story's core once, then what else the outlets share."""

from __future__ import annotations

from parallax.dossier import build_dossier
from parallax.dossier.align import SentenceVectors
from parallax.dossier.coverage import REDUNDANT_SIMILARITY, SUPPORT_SIMILARITY
from parallax.model import Article

CORE = [  # one result, worded three ways: the story's own names, little else
    "Barcelona beat Manchester United 2-0 in the Champions League final in Rome on Wednesday night.",
    "A header by Lionel Messi helped Barcelona beat Manchester United 2-0 in the Champions League final in Rome.",
    "Barcelona won the Champions League final in Rome, beating Manchester United 2-0 with a header by Messi.",
]
# The core's names again, with a number of its own: news.
GOALS = "Barcelona beat Manchester United in Rome to win the Champions League final, their 158th win of the season."
OTHER = [
    "Samuel Eto'o put the Spanish champions ahead in the tenth minute at the Olympic Stadium.",
    "Eto'o gave the Spanish champions the lead in the tenth minute at the Olympic Stadium.",
    "The Spanish champions took the lead through Eto'o in the tenth minute at the Olympic Stadium.",
]


def test_the_core_event_is_not_restated_but_a_new_number_is_news(annotator):
    articles = [
        Article(id=outlet, source="t", title="Barcelona win the final", outlet=outlet, published="2009-05-28",
                body=[core, other, GOALS])
        for outlet, core, other in zip(("One Daily", "Other Times", "Third Post"), CORE, OTHER)
    ]
    summary = [s.sentence for s in build_dossier(1, list(annotator(articles))).summary]
    assert sum(s in CORE for s in summary) == 1, summary
    assert GOALS in summary


def test_a_list_of_winners_carried_by_every_outlet_is_not_the_summary(annotator):
    winners = ["Supporting Actor: Sam Rockwell, “Three Billboards Outside Ebbing, Missouri.”",
               "Actress: Frances McDormand, “Three Billboards Outside Ebbing, Missouri.”"]
    lede = "New York: The Shape of Water won best picture at the 90th Academy Awards on Sunday night in Los Angeles."
    articles = [
        Article(id=outlet, source="t", title="Oscars", outlet=outlet, published="2018-03-05", body=[*winners, lede, other])
        for outlet, other in zip(("One Daily", "Other Times", "Third Post"), OTHER)
    ]
    summary = [s.sentence for s in build_dossier(1, list(annotator(articles))).summary]
    assert not set(winners) & set(summary), summary
    assert lede in summary  # a dateline's label is no list's


def test_a_story_in_cyrillic_has_a_summary_citing_its_outlets(annotator):
    shared = "Мэр города объявил в понедельник, что новый мост через реку откроют для движения к концу месяца."
    articles = [
        Article(id=n, source=n, title="Новый мост", body=[shared, f"Строительство моста стоило городу больше денег, чем планировали власти, пишет {n}."],
                outlet=n, published="2024-03-04", language="ru")
        for n in ("Газета", "Вестник")
    ]
    dossier = build_dossier(1, list(annotator(articles)))
    # Its words were read as none (ASCII letters only), and a story without words had no summary.
    assert dossier.summary and dossier.summary[0].sentence == shared and sorted(dossier.summary[0].outlets) == ["Вестник", "Газета"]


VERDICT = "A jury found former police officer Derek Chauvin guilty on all counts on Tuesday in the death of George Floyd in Minneapolis."
# The verdict again in other words: alike enough to be cited as Other Times' report of it.
VERDICT_RETOLD = "Former Minneapolis officer Derek Chauvin was convicted of murder on Tuesday for killing George Floyd, ending a closely watched trial."


def _verdict_bodies(retold: str) -> dict[str, list[str]]:
    """Three outlets' reports of the verdict; Other Times opens with ``retold``."""
    return {
        "One Daily": [VERDICT, "The judge revoked his bail and ordered him held until sentencing in eight weeks.",
                      "Crowds gathered outside the courthouse cheered as the verdict was read aloud."],
        "Other Times": [retold, "Crowds outside the courthouse cheered when the verdict was read.",
                        "Prosecutors called 38 witnesses over three weeks of testimony."],
        "Third Post": ["Derek Chauvin was found guilty on all counts in the death of George Floyd, a jury in Minneapolis decided on Tuesday.",
                       "The judge revoked his bail and ordered him held until sentencing.", "Prosecutors called 38 witnesses during the trial."],
    }


def _verdict_summary(annotator, bodies: dict[str, list[str]]):
    articles = [Article(id=o, source="t", title="Chauvin guilty", outlet=o, published="2021-04-20", body=b) for o, b in bodies.items()]
    # The premise: the verdict and its retelling are alike as a citation needs, not as the older bar for a repeat did.
    pair = SentenceVectors([s for b in bodies.values() for s in b]).similarity(0, 3)
    assert SUPPORT_SIMILARITY <= pair < REDUNDANT_SIMILARITY
    return build_dossier(1, list(annotator(articles))).summary


def test_another_outlets_report_of_a_chosen_sentence_is_not_its_own_summary_sentence(annotator):
    summary = _verdict_summary(annotator, _verdict_bodies(VERDICT_RETOLD))
    assert summary[0].sentence == VERDICT and "Other Times" in summary[0].outlets
    assert VERDICT_RETOLD not in [s.sentence for s in summary]


def test_an_age_is_no_news_that_makes_a_retold_sentence_its_own(annotator):
    # The retold verdict of the test above, with an age: still the verdict, not a figure of its own.
    retold = "The 45-year-old former Minneapolis officer Derek Chauvin was convicted of murder on Tuesday for killing George Floyd, ending a closely watched trial."
    summary = [s.sentence for s in _verdict_summary(annotator, _verdict_bodies(retold))]
    assert summary[0] == VERDICT and retold not in summary, summary


def test_a_quote_already_in_the_summary_is_not_given_again_in_full(annotator):
    lede = "Putin told reporters after the talks in Los Cabos that the two leaders had found “many common points” on Syria."
    full = ("“From my point of view we have found many common points on this issue,” the Russian president said, "
            "adding that discussions between Moscow and Washington would continue.")
    shared = ["Obama and Putin called for an end to the violence in Syria after their first meeting in two years.",
              lede, "The head of the UN mission in Syria is to brief the Security Council on Tuesday.", full]
    # The premise: the two are not alike enough by their words for the summary's other rules to part them.
    assert SentenceVectors(shared).similarity(1, 3) < SUPPORT_SIMILARITY
    articles = [Article(id=o, source="t", title="Obama and Putin meet", outlet=o, published="2012-06-19", body=shared)
                for o in ("One Daily", "Other Times")]
    summary = [s.sentence for s in build_dossier(1, list(annotator(articles))).summary]
    assert lede in summary and full not in summary, summary
    assert len(summary) == 3


def test_headlines_stamps_signatures_table_rows_and_runs_of_headlines_carried_by_every_outlet_are_no_summary_sentences(annotator):
    not_sentences = ["3 July 2013 Last updated at 13:38 GMT",
                     "Earthquake Of Magnitude 6.1 Strikes Indonesia's Aceh Province Killing One",
                     "— Jane Doe of the Aceh Relief Network (@janedoe_aceh) July 2, 2013",
                     "Aceh\tquake of magnitude 6.1\t1 dead\tdozens injured in the district towns",
                     "Aceh quake: what we know so far | Rescuers dig through rubble | How to help the victims",
                     "Posted on July 2, 2013 at 10:50 AM, updated July 3, 2013 at 12:16 PM"]
    lede = "A magnitude 6.1 earthquake struck Indonesia's Aceh province on Tuesday, killing at least one person."
    articles = [Article(id=o, source="t", title="Aceh earthquake", outlet=o, published="2013-07-02", body=[*not_sentences, lede, other])
                for o, other in zip(("One Daily", "Other Times", "Third Post"), OTHER)]
    summary = [s.sentence for s in build_dossier(1, list(annotator(articles))).summary]
    assert summary[0] == lede and not set(not_sentences) & set(summary), summary
