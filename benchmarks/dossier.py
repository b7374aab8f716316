"""Dossier quality and speed: quotes and speakers, time expressions, dossier build time.

- Quotes on the development corpus, scored by its README's rule (a gold quote is
  found when it and a predicted quote contain one another after normalisation;
  the speaker is right when the gold speaker's last word stands in ours).
- Speakers on PolNeAR dev and test, for gold attributions whose content stands
  in quotation marks (the direct quotes), judged on sources that name someone.
- Time expressions: ``benchmarks/data/timex.tsv``, real sentences from several
  outlets (PolNeAR's seven publishers and the AFP seed page) with their
  publication dates and hand-made gold resolutions (a day, ``W:`` a week given
  by its Monday, ``WE:`` a weekend given by its Saturday, ``YYYY-MM`` a month,
  ``YYYY`` a year).
- Speed: the dossier of one story of 50 articles; and of one story of 1,000 articles (time
  and traced peak memory), the throughput corpus's recombined pages taken as one story.

Run: ``python benchmarks/dossier.py``.
"""

from __future__ import annotations

import csv
import re
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

from common import ROOT, load_dev, machine, normalise, shared_dir, write_result

from parallax.annotate import Annotator, make_headline_reader
from parallax.annotate.timex import resolve_times
from parallax.dossier import build_dossier
from parallax.errors import PageRejected
from parallax.extract import ExtractOptions, extract
from parallax.model import Article, Page

QUOTE_MARKS = "\"“”«»"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}


# --- time expressions ---------------------------------------------------------


def timex_matches(gold: str, predicted: str | None) -> bool:
    if predicted is None:
        return False
    value = date.fromisoformat(predicted)
    if gold.startswith("W:"):
        monday = date.fromisoformat(gold[2:])
        return monday <= value <= monday + timedelta(days=6)
    if gold.startswith("WE:"):
        saturday = date.fromisoformat(gold[3:])
        return value in (saturday, saturday + timedelta(days=1))
    return predicted.startswith(gold)


def bench_timex() -> dict:
    rows = list(csv.DictReader((ROOT / "benchmarks" / "data" / "timex.tsv").open(encoding="utf-8"), delimiter="\t"))
    right, misses = 0, []
    for row in rows:
        sentence, expression = row["sentence"], row["expression"]
        start = sentence.find(expression)
        end = start + len(expression)
        predicted = None
        for t in resolve_times([sentence], row["published"]):
            t_start = sentence.find(t.text)
            if t_start < end and start < t_start + len(t.text):
                predicted = t.date
                break
        if timex_matches(row["gold"], predicted):
            right += 1
        else:
            misses.append({"expression": expression, "gold": row["gold"], "predicted": predicted, "published": row["published"]})
    return {"sentences": len(rows), "exact": round(right / len(rows), 3), "misses": misses,
            "sources": sorted({r["source"] for r in rows})}


# --- quotes on the development corpus -----------------------------------------------


def _contains_either(a: str, b: str) -> bool:
    a, b = normalise(a).strip(" ,.\"'"), normalise(b).strip(" ,.\"'")
    return bool(a and b) and (a in b or b in a)


def _word_string(text: str) -> str:
    return " ".join(re.findall(r"[\w'’]+", normalise(text).lower()))


def _same_words(a: str, b: str) -> bool:
    """One text's words run inside the other's, whatever the punctuation: PolNeAR writes a quote broken
    by its attribution as one content, its parts each in marks ('"My hope," "is that …"'), and we as
    the words said ("My hope is that …")."""
    a, b = _word_string(a), _word_string(b)
    return bool(a and b) and (a in b or b in a)


def dev_articles(annotator: Annotator, rows: list[dict]) -> list[Article | None]:
    """The dev pages through the extract stage; None where it rejects a page."""
    options = ExtractOptions(read_headline=make_headline_reader(annotator.nlp))
    articles: list[Article | None] = []
    for row in rows:
        try:
            articles.append(extract(Page(id=row["id"], source=row["id"], format="text", content=row["text"], url=row["url"]), options))
        except PageRejected:
            articles.append(None)
    return articles


def bench_dev_quotes(annotator: Annotator) -> dict:
    rows = load_dev()
    articles = [a or Article(id=r["id"], source=r["id"], title=None, body=[]) for r, a in zip(rows, dev_articles(annotator, rows))]
    found = gold_total = predicted_total = predicted_right = speaker_right = speaker_total = 0
    for row, item in zip(rows, annotator(articles)):
        predicted = item.annotations.quotes
        predicted_total += len(predicted)
        predicted_right += sum(1 for q in predicted if any(_contains_either(q.text, g["quote"]) for g in row["quotes"]))
        for g in row["quotes"]:
            gold_total += 1
            match = next((q for q in predicted if _contains_either(q.text, g["quote"])), None)
            if match is None:
                continue
            found += 1
            if g["speaker"]:
                speaker_total += 1
                last = g["speaker"].split()[-1].lower()
                speaker_right += last in " ".join(match.speakers).lower()
    return {
        "gold_quotes": gold_total, "recall": round(found / gold_total, 3),
        "precision": round(predicted_right / predicted_total, 3) if predicted_total else 0.0,
        "speaker_accuracy": round(speaker_right / speaker_total, 3) if speaker_total else 0.0,
        "speaker_judged": speaker_total,
    }


# --- PolNeAR speakers -------------------------------------------------------------------


def _first_annotation(split: Path, meta: dict[str, list[str]], stem: str) -> Path | None:
    for annotator_id in meta.get(stem, []):
        path = split / "attributions" / f"{stem}_{annotator_id}.ann"
        if path.exists():
            return path
    candidates = sorted((split / "attributions").glob(f"{stem}_*.ann"))
    return candidates[0] if candidates else None


def _read_ann(path: Path) -> list[tuple[str, str]]:
    """(content, source) of each attribution whose content stands in quotation marks."""
    spans, out = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, text = line.split("\t", 2)
            spans[tid] = (info.split()[0], text)
        elif line.startswith("E"):
            parts = dict(p.split(":", 1) for p in line.split("\t", 1)[1].split())
            content = spans.get(parts.get("Content", ""), ("", ""))[1]
            source = spans.get(parts.get("Source", ""), ("", ""))[1]
            if content and source and any(m in content for m in QUOTE_MARKS):
                out.append((content, source))
    return out


# Where a gold source's name ends: its appositive or qualifier begins ("Hans Schellnhuber,
# the director of ...", "Rep. Jim Clyburn (D-S.C.)", "Mr. Morgan of the Sierra Club").
_HEAD_END = re.compile(r",|\(| of | who | whose | from | at |\s[—–-]\s")


def _bare(word: str) -> str:
    """A word without the punctuation around it (apostrophes and hyphens stay)."""
    return re.sub(r"[^\w'’-]", "", word)


def source_head(source: str) -> list[str]:
    """The words of a gold source span up to its first appositive or qualifier: the name itself."""
    head = _HEAD_END.split(" " + source.strip() + " ", maxsplit=1)[0]
    return [w for w in map(_bare, head.split()) if w]


def names_someone(head: list[str]) -> bool:
    """A gold source that is a name ("Clinton", "the Security Council"), not "he", "the mayor" or "said".

    A nominal or a pronoun is judged by coreference we cannot check here: we
    resolve "the mayor" to "Bill de Blasio", which no word rule can score.
    """
    if not head:
        return False
    if len(head) == 1:
        return head[0][:1].isupper() and head[0].lower() not in PRONOUNS | {"you"}
    return any(w[:1].isupper() for w in head[1:])


def speaker_matches(source: str, speakers: list[str]) -> bool:
    """The last word of the source's name (its surname, or the noun of "the Security Council") is a word of our speaker."""
    head = source_head(source)
    ours = {re.sub(r"['’]s$", "", _bare(w).lower()) for s in speakers for w in s.split()}
    last = re.sub(r"['’]s$", "", head[-1].lower()) if head else ""
    if head and head[-1].isupper() and len(head[-1]) > 1:
        # "the IMF" for our "International Monetary Fund": the initials of our name.
        ours |= {"".join(w[0] for w in s.split() if w[0].isupper()).lower() for s in speakers}
    return bool(last) and last in ours


def bench_polnear(annotator: Annotator, split_name: str) -> dict:
    root = shared_dir() / "benchmarks" / "polnear"
    split = root / split_name
    meta: dict[str, list[str]] = {}
    for row in csv.DictReader((root / "metadata.tsv").open(encoding="utf-8"), delimiter="\t"):
        meta[row["filename"]] = row["annotators"].split("|")
    texts = sorted((split / "text").glob("*.txt"))
    articles, golds = [], []
    for path in texts:
        ann = _first_annotation(split, meta, path.stem)
        if ann is None:
            continue
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", path.read_text(encoding="utf-8")) if p.strip()]
        articles.append(Article(id=path.stem, source=path.name, title=None, body=paragraphs))
        golds.append(_read_ann(ann))
    found = total = named_judged = named_right = old_judged = old_right = 0
    for item, gold in zip(annotator(articles), golds):
        for content, source in gold:
            total += 1
            match = next((q for q in item.annotations.quotes if _same_words(q.text, content)), None)
            if match is None:
                continue
            found += 1
            if names_someone(source_head(source)):
                named_judged += 1
                named_right += speaker_matches(source, match.speakers)
            if source.lower() not in PRONOUNS:
                # The rule of earlier runs, kept to compare: the last word of the whole span,
                # which for "Michael Mulgrew, president of the United Federation of Teachers" is "Teachers".
                last = re.sub(r"[^\w]", "", source.split()[-1]).lower()
                old_judged += 1
                old_right += bool(last) and last in " ".join(match.speakers).lower()
    return {
        "articles": len(articles), "quoted_attributions": total, "quotes_found": round(found / total, 3),
        "speaker_accuracy_named": round(named_right / named_judged, 3) if named_judged else 0.0,
        "judged_named": named_judged,
        "speaker_accuracy_last_word_rule": round(old_right / old_judged, 3) if old_judged else 0.0,
        "judged_last_word_rule": old_judged,
    }


# --- speed --------------------------------------------------------------------------------


def bench_speed(annotator: Annotator) -> dict:
    articles = [a for a in dev_articles(annotator, load_dev()) if a is not None]
    items = list(annotator(articles[:50]))
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        build_dossier(1, items)
        runs.append(time.perf_counter() - start)
    return {"articles": len(items), "seconds_best_of_3": round(min(runs), 3), "seconds_runs": [round(r, 3) for r in runs]}


def dev_stories(annotator: Annotator) -> dict[str, list]:
    """The development corpus's events as stories: annotated articles by gold event."""
    from collections import defaultdict

    rows = load_dev()
    pairs = [(r, a) for r, a in zip(rows, dev_articles(annotator, rows)) if a is not None]
    by_event: dict[str, list] = defaultdict(list)
    for (row, _), item in zip(pairs, annotator([a for _, a in pairs])):
        by_event[row["story"]].append(item)
    return dict(sorted(by_event.items()))


def bench_who_where(stories: dict[str, list]) -> dict:
    """Names found, entities listed, and every name folded into another, for reading
    (there is no gold for who and where)."""
    from parallax.dossier.entities import entity_forms

    names = listed = 0
    folds = []
    for items in stories.values():
        for entity, forms in entity_forms(items):
            listed += 1
            names += len(forms)
            folds.extend(f"{form} → {entity.name}" for form in forms[1:])
    return {"stories": len(stories), "names": names, "listed": listed, "folds": folds}


def bench_unique(stories: dict[str, list]) -> dict:
    """Unique facts by words alone, and those the figure rule takes out (another outlet gives
    each of their figures), checked against the hand-labelled same-fact pairs where they are among them."""
    from parallax.dossier import outlet_of
    from parallax.dossier.coverage import StorySentences, unique_facts
    from parallax.dossier.figures import compare_figures, reported_elsewhere

    with (Path(__file__).resolve().parent / "data" / "same_fact_pairs.tsv").open(encoding="utf-8") as f:
        labelled = {row["sentence"]: row["same_fact"] == "1" for row in csv.DictReader(f, delimiter="\t")}
    by_words = 0
    taken_out = []
    for items in stories.values():
        items = sorted(items, key=lambda i: (i.article.published or "9999", i.article.id))
        outlets = [outlet_of(i) for i in items]
        sentences = StorySentences.of(items, outlets)
        matches = sentences.matches(sentences.vectors())
        shared = reported_elsewhere(compare_figures(items, outlets))
        for unique in unique_facts(sentences, matches):
            by_words += len(unique.sentences)
            taken_out.extend(s for s in unique.sentences if (unique.outlet, s) in shared)
    judged = [labelled[s] for s in taken_out if s in labelled]
    return {"by_words": by_words, "taken_out": taken_out, "labelled_taken_out": len(judged),
            "labelled_rightly": sum(judged), "labelled_same_fact": sum(labelled.values())}


LARGE_STORY = 1000


def bench_large_story(annotator: Annotator) -> dict:
    """One dossier over many articles: a stress of size, not of realism.

    The pages are the throughput benchmark's (real paragraphs recombined, 13
    events) taken as one story. The peak is of the memory Python and numpy
    allocate during the build (tracemalloc, a second build).
    """
    from throughput import build_corpus

    options = ExtractOptions(read_headline=make_headline_reader(annotator.nlp), detect_language=False)
    articles = []
    for p in build_corpus(LARGE_STORY):
        try:
            articles.append(extract(Page(id=p["id"], source=p["id"], format="text", content=p["text"], url=p["url"]), options))
        except PageRejected:
            pass
    items = list(annotator(articles))
    start = time.perf_counter()
    build_dossier(1, items)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    build_dossier(1, items)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"articles": len(items), "sentences": sum(len(i.annotations.sentences) for i in items),
            "seconds": round(seconds, 2), "peak_traced_mb": round(peak / 1e6)}


def main() -> dict:
    annotator = Annotator()
    result = {
        "machine": machine(),
        "timex": bench_timex(),
        "dev_quotes": bench_dev_quotes(annotator),
        "polnear_dev": bench_polnear(annotator, "dev"),
        "polnear_test": bench_polnear(annotator, "test"),
        "speed": bench_speed(annotator),
        "large_story": bench_large_story(annotator),
    }
    stories = dev_stories(annotator)
    result["who_where"], result["unique"] = bench_who_where(stories), bench_unique(stories)
    m, t, q, s = result["machine"], result["timex"], result["dev_quotes"], result["speed"]
    pd, p, w, u = result["polnear_dev"], result["polnear_test"], result["who_where"], result["unique"]
    md = f"""# Dossier benchmark

Machine: {m['cpu']} · {m['cores']} cores · {m['memory']} · Python {m['python']} · {m['date']}

## Quotes (development corpus, {q['gold_quotes']} gold quotes)

| recall | precision | speaker accuracy ({q['speaker_judged']} found quotes with a gold speaker) |
| --- | --- | --- |
| {q['recall']} | {q['precision']} | {q['speaker_accuracy']} |

In-sample: the rules were written from this corpus's misses. The last (28 November 2026): straight single marks
quote in a text that has no double marks, as British tabloids print quotes; one page's five quotes had been missed.
Recall 0.96 → 0.993, precision 0.986 → 0.987; PolNeAR below unchanged on both splits (a first version that took
single marks in any text lost four dev speakers to titles and quotes within quotes, "'All Bets Are Off'").
The gold here holds quotes of four words or more, so a shorter one is counted wrong even when it is a quote:
since 29 November 2026 we keep a short quote said as a sentence of its own ("“I can’t breathe.”", which
this page's gold lacks; precision 0.987 → 0.98), see below.
Since 30 November 2026 "the group", "the union" and the like stand for the organisation the sentence right
before names as its subject (speaker 0.932 -> 0.938: "the group says on its website" is the Muslim
Brotherhood's; PolNeAR below unchanged by its judge, which leaves such nominal sources out).

## Speakers on PolNeAR (attributions whose content stands in quotation marks)

| split | attributions | found as quotes | speaker right, named sources | judged | last-word rule (earlier runs) |
| --- | --- | --- | --- | --- | --- |
| dev ({pd['articles']} articles) | {pd['quoted_attributions']} | {pd['quotes_found']} | {pd['speaker_accuracy_named']} | {pd['judged_named']} | {pd['speaker_accuracy_last_word_rule']} |
| **test** ({p['articles']} articles) | {p['quoted_attributions']} | {p['quotes_found']} | **{p['speaker_accuracy_named']}** | {p['judged_named']} | {p['speaker_accuracy_last_word_rule']} |

The speaker is right when the last word of the gold source's name is a word of ours. The name is the
source span up to its first appositive or qualifier ("Hans Joachim Schellnhuber, the director of …",
"Rep. Jim Clyburn (D-S.C.)", "Mr. Morgan of the Sierra Club"). Judged are sources that name someone:
not a pronoun, not a nominal such as "the mayor" (we resolve it to the mayor's name, which only
coreference could score), not the stray "said" the gold has a few times. Earlier runs took the last
word of the whole span, "Teachers" for "Michael Mulgrew, president of the United Federation of
Teachers," and counted our "Michael Mulgrew" wrong; that rule's figure is in the last column. The dev
split's errors were read to write the rules of this run (a name after a dash behind the quote, a
curly quote closed by a straight mark, or a straight one by a curly mark, a transcript's label in capitals, verbs such as "boasted"
and "branded", a name right before its verb however parsed); test was not read. Before those
rules, by this judge: dev 0.809, test 0.804.
A gold quote is found when its words run inside ours or ours inside it, punctuation aside: PolNeAR writes a
quote broken by its attribution as one content, each part in its marks ('"My hope," "is that …"'), and we
join the parts as they were said ("My hope is that …"). Before 29 November 2026 the match compared the
text with its marks, and we kept the parts apart; the earlier code scores dev 0.798 found and test 0.812 found,
test speakers 0.845, by this match. Two rules of that day, from reading the dev split's misses (test not read):
a quote broken by a short attribution with a speech verb ('“My hope,” he said, “is …”') is one quote, and a
quote of one to three words is kept when it is a sentence of its own, capitalised, ended by punctuation inside
its marks, opening its sentence or following its frame's comma or colon, and someone is found saying it ('“You
winning?” she asked'; not 'called it a “disgrace.”', nor a title, "“Star Wars,” the company said"). Most
of the attributions still not found are such phrases in scare quotes inside reported speech ('said the
country was under “constant attack”'), which the dossier does not list as quotes.
A third rule of that day, from one dev quote left without a speaker: "he said" after a sentence in which
the parser tagged the surname alone an organisation ("Trump has record low support …") finds the
person, when the article gives the full name and tags the surname alone a person elsewhere (test
speakers 0.85 → 0.853; dev unchanged by this judge, its quotes without a speaker 35 → 31).
Published for comparison (not the same measure): CofeNet source F1 83.2 (exact span, all attributions,
direct and indirect).

## Who and where (development corpus, its {w['stories']} events as stories)

The annotator gave {w['names']} distinct names (people, places, organisations, events); the dossiers list
{w['listed']} entities (407 before `dossier/entities.py`, which folded only a name ending another, of any type: "Africa"
into "west Africa", and compared every name with every other: 72 s for a story of 20,000 distinct names, 0.5 s now;
6.3 ms for the 50 articles below, 2.8 ms now, side by side in one run). There is no gold for this, so every
name folded into another is listed here to be read (a name is not folded into a span the parser ran over two
names or a phrase, "CBS All Access, Disney"; the parser's odd spans are still listed as names, "An International Health Regulations"):
{'; '.join(w['folds'])}.

Since 29 November a surname the parser calls an organisation or a place ("Cahill", "Trump", "Biden")
joins the person the story names in full, when no more articles name it alone than in full: 364 → 346
entities here, every new fold above a surname of that story's person. On ECB+'s stories as the linker
makes them (all three splits), 5,655 → 5,473 listed entities, read once: nearly all surnames ("Teixeira"
in 15 articles, "Palin" in 11, "Lohan" in 12); a few are the parser's odd spans folded into others
("Celeb", "Fire"). The bar keeps a word named alone more widely than the mislabelled person ending with
it: "Aceh" (13 articles) out of the parser's person "Banda Aceh" (10), "SeaMicro" (14) out of "Buys SeaMicro" (1),
unless the parser calls the word alone a person in a fifth of its articles or more ("Trump" in three ScrapingHub
articles, a person in one, beside "Donald Trump" in two; "SeaMicro" is a person in 1 of 15): 337 → 336 here
("Guardiola"), on ECB+ 5,413 → 5,411, on the ScrapingHub pages two stories' "Trump". Over the session's rules the
ScrapingHub pages' lists went 3,003 → 2,864 entities; of the surname folds there, "Samsung" into the parser's person
"Recent Samsung" and "Shield" into "Pokemon Sword OR Shield" are wrong, against some seventy right ones (Modi,
Macron, Nadal, Giuffre, Noem, Vindman, Klobuchar, Schiff, Starmer, …).
Then a dateline's capitals take the type of the same letters in the text's own case ("HELSINKI", an
organisation to the parser, is "Helsinki", a place): 346 → 344 here; on ECB+ 5,473 → 5,470. Then a
score the parser runs into a name is left off it ("Manchester United 2-0", "Muhammad Ali 22 - 3"), and a
name all in lower case is none ("n’t", "headphone jack", "8.30am"): 344 → 337 here; on ECB+ 5,470 → 5,413
(ECB+ also holds documents written all in lower case, whose names, "usgs", "navy", go with them).
On 29 November the extraction left out one page's menu, which a failed template's field had run into its
photo caption and so into its body ("Today's Paper Obits … Movie Style ON FILM"): 336 → 333 here, the three
names the menu gave gone. Then two opening photos' captions left their pages' bodies ("… shake hands during a
joint news conference at the Presidential Palace on Monday in Helsinki"): 333 → 331, "Presidential Palace" and
"UEFA Champions League" gone, named by the captions alone.

## Facts one outlet alone reports (development corpus, the same stories)

Matched by words, {u['by_words']} sentences are listed as one outlet's alone. Of those, {len(u['taken_out'])} give only figures another
outlet gives too (the same number for the same thing, place and day), and are not listed: {u['labelled_taken_out']} of them are among
the hand-labelled pairs of `same_fact.md` ({u['labelled_same_fact']} sentences the word rule lists wrongly), and {u['labelled_rightly']} of those
report another outlet's fact. All of them, to be read: {' / '.join(t[:110] for t in u['taken_out'])}.

## Time expressions ({t['sentences']} sentences; sources: {', '.join(t['sources'])})

Resolved exactly right: **{t['exact']}**. Misses: {len(t['misses'])}.

## Speed

Dossier of one story of {s['articles']} articles: {s['seconds_best_of_3']} s (best of 3, one core).
Of one story of {result['large_story']['articles']:,} articles ({result['large_story']['sentences']:,} sentences; the throughput corpus's
pages, 13 events, taken as one story): {result['large_story']['seconds']} s, peak {result['large_story']['peak_traced_mb']} MB allocated during the build.
Sentence pairs are computed a block of rows at a time and only the close ones kept. Before, one
product of all pairs grew the process by 1.8 GB for a story of 2,139 of these articles; in blocks it
grows by 135 MB, and the build takes 2.5 s of CPU against 6.3-6.9 s (both measured in one session,
before and after the change, outside this script). Since 29 November 2026 a sentence printed word for
word more than once is paired once: this corpus's pages recombine a few real pages' paragraphs, so most
of its sentences are copies (2.8 % of them distinct in the 4,400-page corpus's stories, 98 % in the
development corpus's), which wire copies make common in real stories too. The 999-article story then took
0.84 s and 51 MB; its dossier is the same. Since the second session of 29 November 2026 a story's figures are compared number by number
and each distinct sentence's names read once (dossiers identical on 215 stories): side by side in one
session, this 999-article story 0.39-0.41 s against 0.30-0.36 s, the 4,400-page corpus's 20 stories
1.17-1.45 s against 0.83-0.90 s. Later that session each new quote was compared only with the quotes sharing a pair of words
with it, not with every quote kept: the 50-article story 0.055 -> 0.018 s, the 999-article one 0.27 -> 0.17 s
(consecutive runs of this script, the dossiers the same).
"""
    write_result("dossier", result, md)
    print(md)
    return result


if __name__ == "__main__":
    main()
