"""Outlet templates: chrome that reads like prose is learned from an outlet's other stories."""

from parallax.extract.templates import TemplateLearner, is_template, line_keys

# An outlet's "about us" blurb: prose, with no sign of chrome a single page shows.
BLURB = "The paper is owned by a cooperative of its readers and its staff, and it answers to them alone."
TOPICS = [
    ("Flood waters rose across the river valley overnight", "flood", "river", "rain"),
    ("The central bank raised interest rates by half a point", "bank", "rates", "inflation"),
    ("A new vaccine trial reported strong results in older adults", "vaccine", "trial", "doctors"),
    ("The striking dock workers reached a deal with port operators", "strike", "port", "union"),
    ("A wildfire forced thousands to leave hillside towns", "wildfire", "towns", "firefighters"),
]


def _page(headline, a, b, c):
    body = [f"{headline}, officials said on Monday, as the {a} dominated the day's news in the region and beyond."]
    body += [f"Sentence {i} about the {a}, the {b} and the {c}, with enough words to read as a paragraph of prose." for i in range(4)]
    return "\n".join([headline, *body, BLURB, "Sign in"])


def test_learner_needs_several_stories():
    learner = TemplateLearner()
    key = list(line_keys(BLURB))[0]
    for story in (1, 1, 1):  # one story's updates repeat lines: not a template
        learner.observe("example.com", story, [key])
    assert key not in learner.chrome_for("example.com")
    for story in (2, 3):
        learner.observe("example.com", story, [key])
    assert key in learner.chrome_for("example.com")
    assert not is_template(2, 2) and is_template(3, 10) and not is_template(3, 20)


def test_pipeline_learns_an_outlets_prose_chrome(make_db, tmp_path):
    pipeline = make_db()
    folder = tmp_path / "pages"
    folder.mkdir()
    import json

    lines = [
        json.dumps({"id": f"p{i}", "url": f"https://www.example-daily.com/news/{i}", "text": _page(*topic)})
        for i, topic in enumerate(TOPICS)
    ]
    (folder / "a.jsonl").write_text("\n".join(lines[:4]), encoding="utf-8")
    (folder / "b.jsonl").write_text(lines[4], encoding="utf-8")
    assert pipeline.ingest([str(folder / "a.jsonl")]).articles_stored == 4
    first = pipeline.store.article("p0")[0].article
    assert BLURB in first.body_text  # alone, the blurb reads as the article's last paragraph
    assert pipeline.ingest([str(folder / "b.jsonl")]).articles_stored == 1
    later = pipeline.store.article("p4")[0].article
    assert BLURB not in later.body_text and later.body
