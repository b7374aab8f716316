"""Figures: does the annotator name what a number counts?

``benchmarks/data/figures_gold.tsv`` holds every number spaCy finds (CARDINAL,
MONEY, PERCENT, QUANTITY) in sentences drawn at random (fixed seeds): 30 from
the development corpus and 45 from the ScrapingHub benchmark's pages (real pages
of many kinds: news, recipes, shop pages, sports tables), then 40 more from the
ScrapingHub pages ("held_out"). Each number is labelled by
hand with what it counts, as the dossier should name it ("vote", "vote (%)",
"people killed", "money"), ``-`` when it is no figure a reader compares across
outlets (a score "2-0", an age, "one of the …", a list's numbering, a table
cell), or ``?`` when the label would be a guess (left out of the scores).

A figure found is right when its ``what`` names the gold's thing: the same word,
or for money any "money (…)". Precision is over the figures the annotator
reports among these numbers; recall over the numbers that count something.

The labels were written by the developer who changed the rules. The first two
sets were labelled before the change, and their failures were read to write
it: they are in-sample. The held-out set was drawn and labelled after the rules
were fixed, without reading the annotator's output on it first: its figure is
the one to expect on pages never seen.

Run: ``python benchmarks/figures.py``.
"""

from __future__ import annotations

import csv
from collections import Counter

from common import ROOT, load_dev, machine, scrapinghub_html, scrapinghub_truth, write_result

from parallax.annotate import Annotator
from parallax.errors import PageRejected
from parallax.extract import extract
from parallax.model import Page
from parallax.pipeline import analysis_options

GOLD = ROOT / "benchmarks" / "data" / "figures_gold.tsv"


def _pages(ids: set[str]) -> dict[str, Page]:
    """The labelled pages: development corpus rows by id, the other ids ScrapingHub pages."""
    pages = {row["id"]: Page(id=row["id"], source=row["id"], format="text", content=row["text"], url=row["url"])
             for row in load_dev() if row["id"] in ids}
    for item in ids - pages.keys():
        pages[item] = Page(id=item, source=item, format="html", content=scrapinghub_html(item))
    return pages


def _squash(text: str) -> str:
    return " ".join(text.split())


def _head(what: str) -> str:
    return "money" if what.startswith("money (") else what


def score(labels: list[dict], found: dict[str, list]) -> dict:
    """Precision and recall of ``what`` over the labelled numbers; ``found``: article id → its figures."""
    counts: Counter = Counter()
    wrong = []
    for label in labels:
        gold = label["counts"]
        if gold == "?":
            continue
        sentence, number = _squash(label["sentence"]), _squash(label["number"])
        match = next((f for f in found.get(label["article"], [])
                      if (sentence in _squash(f.sentence_text) or _squash(f.sentence_text) in sentence)
                      and (f.text in number or number in f.text or number.endswith(f.text.split()[-1]))), None)
        predicted = _head(match.what) if match else None
        counts["gold"] += gold != "-"
        counts["found"] += predicted is not None
        counts["right"] += predicted is not None and predicted == gold
        if predicted != (gold if gold != "-" else None):
            wrong.append({"number": label["number"], "gold": gold, "found": predicted, "sentence": label["sentence"][:160],
                          "held_out": label["set"] == "held_out"})
    precision = counts["right"] / counts["found"] if counts["found"] else 0.0
    recall = counts["right"] / counts["gold"] if counts["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"labelled": counts["gold"], "found": counts["found"], "right": counts["right"],
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "wrong": wrong}


def lengths_of_time(annotator: Annotator, options) -> list[dict]:
    """Every length of time read as a figure ("sentenced to 22½ years", "a 90-day ceasefire") on all
    the ScrapingHub pages, none of which its rules were read from: listed for a reader to judge."""
    articles = []
    for page_id in sorted(scrapinghub_truth()):
        try:
            articles.append(extract(Page(id=page_id, source=page_id, format="html", content=scrapinghub_html(page_id)), options))
        except PageRejected:
            continue
    return [{"what": f.what, "text": f.text, "months": round(f.value, 2), "sentence": _squash(f.sentence_text)[:200]}
            for item in annotator(articles) for f in item.annotations.figures
            if f.what.endswith(" length") or "prison sentence" in f.what]


def main() -> dict:
    labels = list(csv.DictReader(GOLD.open(encoding="utf-8"), delimiter="\t"))
    annotator = Annotator()
    options = analysis_options(annotator, lambda outlet: frozenset())
    ids = {label["article"] for label in labels}
    pages = _pages(ids)
    articles = []
    for article_id in sorted(ids):
        try:
            articles.append(extract(pages[article_id], options))
        except PageRejected:
            continue
    found = {item.article.id: item.annotations.figures for item in annotator(articles)}
    by_set = {name: score([x for x in labels if x["set"] == name], found) for name in ("dev", "sh", "held_out")}
    total = score(labels, found)
    # The held-out misses are counted, never printed: reading them would make the next rule
    # written from them an in-sample one, as happened once (see the percentages note below).
    for held in (by_set["held_out"], total):
        held["wrong"] = [w for w in held["wrong"] if not w["held_out"]]
    lengths = lengths_of_time(annotator, options)
    result = {"machine": machine(), "all": total, **by_set, "lengths_of_time": lengths}
    m = result["machine"]
    rows = "\n".join(
        f"| {name} | {r['labelled']} | {r['found']} | {r['precision']} | {r['recall']} | {r['f1']} |"
        for name, r in (("development corpus (30 sentences; rules read from them)", by_set["dev"]),
                        ("ScrapingHub pages (45 sentences; rules read from them)", by_set["sh"]),
                        ("**ScrapingHub pages, held out** (40 sentences, labelled after the rules)", by_set["held_out"]),
                        ("all", total))
    )
    length_rows = "\n".join(f"- {x['what']}: {x['text']} — {x['sentence']}" for x in lengths)
    misses = "\n".join(f"- {w['number']!r}: gold {w['gold']}, found {w['found']} — {w['sentence']}" for w in total["wrong"])
    md = f"""# Figures: what a number counts

Machine: {m['cpu']} · {m['cores']} cores · {m['memory']} · Python {m['python']} · {m['date']}

Hand-labelled numbers from 115 random sentences (`benchmarks/data/figures_gold.tsv`; see the script's
docstring for the labels and the matching rule). Labelled: numbers that count something.

| sentences | labelled | figures found | P | R | F1 |
| --- | --- | --- | --- | --- | --- |
{rows}

Before the rules of this run (a number standing alone, as in "won three" or "with 13", was read
as counting people; a percentage, a sum of money or a quantity took the word "percent", "million"
or its unit as the thing counted, and, standing as a subject or object, also became "people"),
the same labels scored, in the order of the table: P 0.429 · R 0.522 · F1 0.471; 0.545 · 0.667 · 0.600;
**0.41 · 0.552 · 0.471** held out; 0.46 · 0.582 · 0.514 in all (measured in the same session, before
the change). One rule came in after the held-out labels were read once: "a three-time champion" counts
no times (it was written from a development sentence; one held-out sentence has the same form).
Without it the held-out row read P 0.857 · R 0.828.

Verdicts, read by hand once (27 November 2026; development corpus, so in-sample): the figure rows of
the twelve gold events' dossiers that two or more outlets carry. Before these rules, 9 of 23 rows were
right (a true number, a fitting name, a fair verdict); after them, 13 of 15. Gone: seven "people" rows
made of vote shares, ages and numbers standing alone ("won three"), the film title "Three Billboards"
counted as billboards, and a "differ" between 47 and 75 countries that two outlets each print side by
side (the group now splits: 75 countries agreed by three outlets, 47 by two). Still wrong then: "goal"
(Messi's 38 of the club's 153 goals, and another outlet's nine, called a discrepancy) and "vote"
(Morsi's 13.2 million, Shafiq's 12.3 million and a one-million margin, one group). Later that day a
count came to name whose it is ("Morsi won …", "Barcelona's 153 goals"; outlets' spellings such as
Morsi and Mursi are one name), and a discrepancy between different owners' counts splits by owner:
"goal · Barcelona" (153, two outlets agree) and "vote · Mursi" (13,230,131 and 13.2 million agree), the
rest single. Written from these two rows, so in-sample; on the ScrapingHub events no row changed.

Percentages (28 November 2026): a percentage names the noun it modifies ("a 51.8 percent turnout", not
"a 52 percent rise", a change), the count it stands beside ("13.2 million votes or 51.7 percent") or
the subject of its verb ("sales plunged 10 percent"). Before: development P 0.833 · R 0.652, held out
P 0.889 · R 0.828, all F1 0.832. Written from the misses this file listed, the held-out row's among
them ("sales plunged 10 percent"), so its one gain is not a held-out result.

Lengths of time (a prison term, "a 90-day ceasefire", compared in months so that "22½ years" and
"270 months" agree) on all {len(scrapinghub_truth())} ScrapingHub pages, whose sentences the rules were not written from
(the rules came from the development corpus's sentencing story). Read by hand when they came in
(27 November 2026): 8 found, 8 right. This run's:

{length_rows}

Where the annotator and the labels part, on the sentences the rules were read from (the held-out
sentences' misses are not listed, so that no later rule is written from them):

{misses}
"""
    write_result("figures", result, md)
    print(md)
    return result


if __name__ == "__main__":
    main()
