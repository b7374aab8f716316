"""The link stage alone on a synthetic stream: articles per second and peak memory by size.

Articles come from ``synthetic.py`` (templates of people, places, kinds of
event and dates, with look-alike events on purpose) in publication order; each
size runs in its own process so that peak memory is that size's. The repair
pass runs every 64 articles, as in the pipeline. B³ against the generator's
events is reported beside the speed. Speed is the point here: the larger the
stream, the more events of one place and week it holds, all worded from one
sentence template, and the linker chains some of them (B³ falls with size).
Run: ``python benchmarks/linking_scale.py [size ...]``.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SIZES = [10_000, 100_000]
REPAIR_EVERY = 64


def run_one(size: int) -> dict:
    sys.path.insert(0, str(HERE))
    from linking import bcubed
    from synthetic import stream

    from parallax.link import Linker

    items, gold = stream(size)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    linker = Linker()
    stories: dict[str, int] = {}
    touched: set[int] = set()
    start = time.perf_counter()
    for n, item in enumerate(items, start=1):
        a = linker(item)
        stories[a.article_id] = a.story
        touched.add(a.story)
        if n % REPAIR_EVERY == 0:
            stories.update(linker.repair(touched))
            touched = set()
            linker.take_states(), linker.take_regrouped()  # what the pipeline stores after each batch
    stories.update(linker.repair(touched))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"articles": size, "seconds": round(seconds, 1), "articles_per_second": round(size / seconds, 1),
            "microseconds_per_article": round(1e6 * seconds / size, 1), "peak_rss_mb": round(peak / 1024, 0),
            "rss_growth_mb": round((peak - base) / 1024, 0), "b3": bcubed(stories, {k: gold[k] for k in stories})}


def main(sizes: list[int]) -> dict:
    from common import machine, write_result

    results = []
    for size in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(results[-1], flush=True)
    m = machine()
    rows = "\n".join(
        f"| {r['articles']:,} | {r['articles_per_second']} | {r['microseconds_per_article']} | {r['peak_rss_mb']:.0f} | {r['b3']['f1']} |"
        for r in results
    )
    first, last = results[0], results[-1]
    md = f"""# Linking at scale (link stage alone, synthetic stream)

Machine: {m['cpu']} · {m['cores']} cores · {m['memory']} · Python {m['python']} · {m['date']}

One core, one process per size; repair every {REPAIR_EVERY} articles.

| articles | articles/s | µs per article | peak RSS MB | B³-F1 |
| --- | --- | --- | --- | --- |
{rows}

Per-article cost at {last['articles']:,} is {last['microseconds_per_article'] / first['microseconds_per_article']:.2f}× the cost at {first['articles']:,}.
B³ falls with size: the generator puts more events in each place and week as the stream grows,
all worded from one sentence template, and the linker chains some of them.
"""
    write_result("linking_scale", {"machine": m, "sizes": results}, md)
    print(md)
    return {"sizes": results}


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(run_one(int(sys.argv[2]))))
    else:
        sys.path.insert(0, str(HERE))
        main([int(a) for a in sys.argv[1:]] or DEFAULT_SIZES)
