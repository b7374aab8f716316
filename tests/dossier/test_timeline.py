"""The timeline: dated events in order, each once, citing the outlets that report it."""

from __future__ import annotations

from parallax.dossier import build_dossier
from parallax.model import Article

OTHER = "A road bridge over the river collapsed on Wednesday morning, sending several cars into the water below."


def test_a_sentence_republished_a_day_later_is_one_timeline_entry_on_the_earlier_day(annotator):
    said = "The emergency committee met today and declared the outbreak a global emergency after a long debate."
    articles = [
        Article(id=f"p{n}", source="t", title="Emergency declared", body=[said, OTHER], outlet=outlet, published=day)
        for n, (outlet, day) in enumerate([("One Daily", "2024-08-14"), ("Other Times", "2024-08-15"), ("Third Post", "2024-08-15")])
    ]
    dossier = build_dossier(1, list(annotator(articles)))
    entries = [(t.date, t.outlets) for t in dossier.timeline if t.text == said]
    assert entries == [("2024-08-14", ["One Daily", "Other Times", "Third Post"])]


def test_a_like_worded_event_of_the_next_day_stays_its_own_entry(annotator):
    monday = "Rescuers said the death toll from the floods in the northern province rose to 10 people on Monday."
    tuesday = "Rescuers said the death toll from the floods in the northern province rose to 14 people on Tuesday."
    articles = [
        Article(id="a", source="t", title="Floods", body=[monday, OTHER], outlet="One Daily", published="2024-08-13"),
        Article(id="b", source="t", title="Floods", body=[tuesday, OTHER], outlet="Other Times", published="2024-08-14"),
    ]
    dossier = build_dossier(1, list(annotator(articles)))
    assert [(t.date, t.text) for t in dossier.timeline if "death toll" in t.text] == [("2024-08-12", monday), ("2024-08-13", tuesday)]


def test_a_background_date_in_a_relative_clause_does_not_date_its_sentence_a_recent_one_does(annotator):
    verdict = ("A jury found the former officer guilty on all counts in the death of a man whose arrest last year "
               "on May 25 was captured on video and set off protests.")
    said = "The union, which on Tuesday called a strike at the port, said talks with the owners had broken down."
    arrest = "The man was arrested on May 25 last year after a shop assistant called the police."
    article = Article(id="a", source="t", title="Verdict", body=[verdict, said, arrest, OTHER], outlet="One Daily",
                      published="2021-04-21")
    dossier = build_dossier(1, list(annotator([article])))
    dated = {t.text: t.date for t in dossier.timeline}
    assert verdict not in dated  # the arrest's day, not the verdict's
    assert dated[said] == "2021-04-20" and dated[arrest] == "2020-05-25"


def test_a_time_in_a_relative_clause_is_told_from_one_after_the_clause_closes():
    from parallax.annotate import in_relative_clause

    assert in_relative_clause("George Floyd, whose arrest on May 25 was filmed, died.", "May 25")
    assert not in_relative_clause("Chauvin, who did not testify, spoke on Friday.", "Friday")
    assert not in_relative_clause("On Friday the court, which sat late, ruled.", "On Friday")
