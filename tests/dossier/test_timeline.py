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
