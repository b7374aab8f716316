"""The seed pages' story: one story, joint quotes carried by both, figures compared."""

from tests.conftest import SEED_A, SEED_B

A, B = SEED_A.stem, SEED_B.stem


def _story(seed_store):
    [row] = seed_store.list_stories()
    return seed_store.dossier(row.id)


def test_seed_pages_are_one_story(seed_store):
    d = _story(seed_store)
    assert sorted(d.articles) == sorted([A, B])


def test_joint_quote_attributed_to_both_and_carried_by_both(seed_store):
    d = _story(seed_store)
    quote = next(q for q in d.quotes if q.text.startswith("In order to stop the bloodshed in Syria, we call for an immediate cessation of all violence"))
    assert {"Barack Obama", "Vladimir Putin"} <= set(quote.speakers)
    assert sorted(quote.articles) == sorted([A, B]) and len(quote.outlets) == 2


def test_mccain_quote(seed_store):
    d = _story(seed_store)
    quote = next(q for q in d.quotes if q.text.startswith("We are now seeing a rapid increase"))
    assert quote.speakers == ["John McCain"]


def test_toll_figures_agree_and_scopes_differ(seed_store):
    d = _story(seed_store)
    groups = {g.verdict: g for g in d.figures if g.what == "people killed"}
    agree = [g for g in d.figures if g.verdict == "agree" and any(v.value == 14400 for v in g.values)]
    assert agree and {v.article for v in agree[0].values} == {A, B}
    monday = next(g for g in d.figures if any(v.value == 29 for v in g.values))
    assert any(v.value == 70 for v in monday.values)
    assert monday.verdict == "different_scope"
    assert "differ" not in groups or all(v.value not in (29, 70) for v in groups["differ"].values)


def test_undated_page_gets_inferred_date_and_monday(seed_store):
    item, _, _ = seed_store.article(B)
    assert item.article.published_from == "inferred" and item.article.published == "2012-06-19"
    mondays = {t.date for t in item.annotations.times if t.text.lower() == "on monday"}
    assert mondays == {"2012-06-18"}


def test_unique_facts_per_outlet(seed_store):
    d = _story(seed_store)
    by_outlet = {u.outlet: " ".join(u.sentences) for u in d.unique}
    b_outlet = seed_store.article(B)[0].article.outlet
    b_text = by_outlet.get(b_outlet, "")
    assert "MV Alaed" in b_text and "Chemical Warfare Division" in b_text and "helicopter gunships" in b_text
    a_text = next(text for outlet, text in by_outlet.items() if outlet != b_outlet)
    assert all(name in a_text for name in ("Pillay", "Mood", "Tafas", "Mohassan"))


def test_summary_cites_outlets_and_headline_from_titles(seed_store):
    d = _story(seed_store)
    assert 3 <= len(d.summary) <= 7
    assert all(s.outlets for s in d.summary)
    assert any(len(s.outlets) == 2 for s in d.summary)
    assert d.headline == "Obama, Putin call for end to Syria bloodshed"
    assert d.event_date == "2012-06-18"
