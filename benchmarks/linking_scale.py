"""The link stage alone on a synthetic stream: articles per second and peak memory by size.

Articles come from ``synthetic.iter_stream`` (templates of people, places,
kinds of event and dates, with look-alike events on purpose) in publication
order, made as they are read, so that a million articles fit and peak memory
is the link stage's; the generator's own time is taken out. Past 10,000
articles the generator's places and names grow with the stream, so that an
event meets as many look-alikes at every size (with a fixed list of twenty
places, a larger stream put ever more same-kind events into each place and
week, and B³ fell with size for that reason alone). Each size runs in its own
process. The repair pass runs every 64 articles, as in the pipeline. B³
against the generator's events is reported beside the speed.
Run: ``python benchmarks/linking_scale.py [size ...]``.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SIZES = [10_000, 100_000, 1_000_000]
REPAIR_EVERY = 64
# Runs of the smallest size before the larger ones, and again after them.
SMALL_REPEATS = 3


def run_one(size: int) -> dict:
    import gc

    from common import peak_rss_mb
    from linking import bcubed
    from synthetic import iter_stream

    from parallax.link import Linker

    base = peak_rss_mb()
    collecting = _collector_timer()
    linker = Linker()
    stories: dict[str, int] = {}
    gold: dict[str, int] = {}
    touched: set[int] = set()
    making = 0.0  # the generator's own time, taken out of the link stage's
    start = time.perf_counter()
    tenths: list[float] = []  # link-stage seconds at each tenth of the stream
    items = iter_stream(size)
    for n in range(1, size + 1):
        # The collector is held off while the generator runs: its collections, set off by the
        # generator's allocations but walking mostly the linker's state, would leave the
        # measured time with the generator's. Held off, they run at the link stage's next
        # allocation and count there.
        made = time.perf_counter()
        gc.disable()
        try:
            item, gold_event = next(items)
        finally:
            gc.enable()
        gold[item.article.id] = gold_event
        making += time.perf_counter() - made
        a = linker(item)
        stories[a.article_id] = a.story
        touched.add(a.story)
        if n % REPAIR_EVERY == 0:
            stories.update(linker.repair(touched))
            touched = set()
            linker.take_states(), linker.take_regrouped(), linker.take_renamed_groups()  # what the pipeline stores after each batch
        if n % max(1, size // 10) == 0:
            tenths.append(time.perf_counter() - start - making)
    stories.update(linker.repair(touched))
    seconds = time.perf_counter() - start - making
    peak = peak_rss_mb()
    return {"articles": size, "seconds": round(seconds, 1), "articles_per_second": round(size / seconds, 1),
            "microseconds_per_article": round(1e6 * seconds / size, 1), "peak_rss_mb": round(peak, 0),
            "rss_growth_mb": round(peak - base, 0), "b3": bcubed(stories, gold),
            # Share of the link stage spent in the cyclic garbage collector (its full collections walk
            # every container it tracks, so their cost grows with what the process holds).
            "gc_share": round(collecting() / seconds, 3),
            # The same stream's first and last tenth: what its size costs, apart from its density.
            "articles_per_second_first_tenth": round(size / 10 / tenths[0], 1),
            "articles_per_second_last_tenth": round(size / 10 / (tenths[-1] - tenths[-2]), 1)}


def _collector_timer():
    """Starts timing the garbage collector's passes; returns a function giving the seconds so far."""
    import gc

    spent, started = [0.0], [0.0]

    def timed(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            spent[0] += time.perf_counter() - started[0]

    gc.callbacks.append(timed)
    return lambda: spent[0]


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{100 * share:.1f} %"


def _median_run(runs: list[dict]) -> dict:
    """The run of median speed (an actual run, so its memory and B³ go with it)."""
    return sorted(runs, key=lambda r: r["articles_per_second"])[len(runs) // 2]


def main(sizes: list[int]) -> dict:
    def measure(size: int) -> dict:
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        print(result, flush=True)
        return result

    # The smallest size runs SMALL_REPEATS times before the others and as many times
    # after the largest: this box's speed drifts by a third within an hour, a
    # 10k run samples a few seconds of it while the 1M run averages a quarter of
    # an hour, and the ratio below is only as good as its two ends.
    before = [measure(sizes[0]) for _ in range(SMALL_REPEATS)]
    larger = [measure(size) for size in sizes[1:]]
    after = [measure(sizes[0]) for _ in range(SMALL_REPEATS)] if larger else []
    return report(before, larger, after)


def report(before: list[dict], larger: list[dict], after: list[dict]) -> dict:
    """Write the results page from the runs: the smallest size's before and after the larger sizes."""
    from common import machine, write_result

    from parallax.link.syndication import KEEP_RECENT, MAX_INDEXED, WINDOW_DAYS

    results = [_median_run(before)] + larger
    small = before + after
    again = _median_run(after) if after else results[0]
    m = machine()
    rows = "\n".join(
        f"| {r['articles']:,} | {r['articles_per_second']} | {r['microseconds_per_article']} | {r['peak_rss_mb']:.0f} | {r['b3']['f1']} "
        f"| {r['articles_per_second_first_tenth']} | {r['articles_per_second_last_tenth']} | {_percent(r.get('gc_share'))} |"
        for r in results
    )
    first, last = results[0], results[-1]
    ratios = sorted(last["microseconds_per_article"] / r["microseconds_per_article"] for r in (first, again))
    speeds = sorted(r["articles_per_second"] for r in small)
    median_speed = statistics.median(speeds)
    median_ratio = last["microseconds_per_article"] / statistics.median(r["microseconds_per_article"] for r in small)
    md = f"""# Linking at scale (link stage alone, synthetic stream)

Machine: {m['cpu']} · {m['cores']} cores · {m['memory']} · Python {m['python']} · {m['date']}

One core, one process per size; repair every {REPAIR_EVERY} articles.

| articles | articles/s | µs per article | peak RSS MB | B³-F1 | articles/s, first tenth | last tenth | in the garbage collector |
| --- | --- | --- | --- | --- | --- | --- | --- |
{rows}

The {first['articles']:,} row is the median of {SMALL_REPEATS} runs made before the larger sizes; the same size ran
{SMALL_REPEATS} more times after the largest. All {len(small)} runs: {speeds[0]:,}–{speeds[-1]:,} articles/s, median
**{median_speed:,.1f}** (the runs after the largest: median {again['articles_per_second']:,}, B³ {again['b3']['f1']}).
Per-article cost at {last['articles']:,} is **{median_ratio:.2f}×** the median cost at {first['articles']:,}
({ratios[0]:.2f}–{ratios[1]:.2f}× against the medians before and after it).
The stream is made as it is read (the generator's time is not counted); past 10,000 articles its
places and names grow with it, so each event meets as many look-alikes at every size. Its days do
not grow: every size spans ten years, so a larger stream is also a denser one (at 1,000,000 about
270 articles a day, a real day's news being 100k-200k), and a denser day gives each article more
same-week stories under its words to weigh; words and names found in more than a tenth of all
articles (the template's "said", "people") are not used to look stories up, or every article
would read their ever longer lists, and a story that shares none of an article's names is not
scored (it would score 0: before 28 November 2026, 34 stories were scored per article at 1,000,000
against 11 at 10,000, many of them other people's, found under a first name). The last two columns separate
the two: the same stream's first and last tenth, of one density, differ only by what came before them
(counted before the change above: as many stories scored per article in both; the later stories'
dicts lie further apart in a larger heap, and the CPU's cache holds fewer of them).
The copy index keeps the articles of the last {WINDOW_DAYS} days and its last {KEEP_RECENT:,} arrivals whatever
their dates (at most {MAX_INDEXED:,}): it was most of the
memory and grew with the stream (its buckets hold about 3 KB an article, 7 KB before they were kept by hand).
The last column is the share of the link stage's time spent in Python's cyclic garbage collector. Its
collections are held off while the generator makes an article (since 28 November 2026; before, those the
generator's allocations set off, walking mostly the linker's state, were left out with the generator's
time, and so were most of them). A full collection walks every container the collector tracks, so its
cost grows with what the process holds: a story's sums and its members are kept in plain dicts and
each article's summary in a plain tuple, which the collector stops tracking (it walked the Counters,
NamedTuples and member lists they were before, and the generator's drawn events, at every full collection).
"""
    write_result("linking_scale", {"machine": m, "sizes": results, "smallest_again": again,
                                   "smallest_runs": [r["articles_per_second"] for r in small],
                                   "ratio_largest_to_smallest_median": round(median_ratio, 2)}, md)
    print(md)
    return {"sizes": results}


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(run_one(int(sys.argv[2]))))
    elif len(sys.argv) == 3 and sys.argv[1] == "--report-from":
        # The page again from a run's printed results (one per line, in run order), to
        # change how it is summed up without another hour of measuring.
        import ast

        runs = [ast.literal_eval(line) for line in Path(sys.argv[2]).read_text().splitlines() if line.startswith("{'articles'")]
        larger = [i for i, r in enumerate(runs) if r["articles"] != runs[0]["articles"]]
        report(runs[:larger[0]], runs[larger[0]:larger[-1] + 1], runs[larger[-1] + 1:])
    else:
        main([int(a) for a in sys.argv[1:]] or DEFAULT_SIZES)
