"""Starting a run over a stored database: replaying every article into the linker, or loading its snapshot.

A synthetic stream (``synthetic.iter_stream``) is linked as the pipeline links
it (repair every 64 articles), keeping what the store would keep: each
article's state (``Linker.take_states``), story and copy group. Then, side by
side in one process:

- replay: a fresh linker restored article by article (``Linker.restore``, what
  a run did before snapshots, and still does when there is none);
- snapshot: ``Linker.snapshot`` (what a run now saves at its end), its size,
  and ``Linker.from_snapshot``.

Both are then fed the next tenth of the stream, as a second run would be, and
compared with the linker that never stopped: the snapshot should give the very
same stories; the replay gives a close but not identical state (its postings
and caps are rebuilt in another order), and B³ against the uninterrupted run
says how close. No database is involved: the store's reading and writing are
the same rows either way (the blob is one row).
Run: ``python benchmarks/restore.py [size ...]``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from linking_scale import REPAIR_EVERY  # the pipeline's batch, as the scale benchmark links

HERE = Path(__file__).resolve().parent
DEFAULT_SIZES = [10_000, 100_000]


def _link(linker, items, stories: dict, groups: dict, states: dict | None) -> None:
    touched: set[int] = set()
    for n, item in enumerate(items, 1):
        a = linker(item)
        stories[a.article_id] = a.story
        groups[a.article_id] = a.syndication_group
        touched.add(a.story)
        if n % REPAIR_EVERY == 0 or n == len(items):
            stories.update(linker.repair(touched))
            touched = set()
            taken = linker.take_states()
            if states is not None:
                states.update(taken)
            groups.update(linker.take_regrouped())


def run_one(size: int) -> dict:
    sys.path.insert(0, str(HERE))
    from linking import bcubed
    from synthetic import iter_stream

    from parallax.link import Linker

    stream = iter_stream(size + size // 10)
    first = [next(stream)[0] for _ in range(size)]
    later = [item for item, _ in stream]
    linker = Linker()
    stories: dict[str, int] = {}
    groups: dict[str, str | None] = {}
    states: dict[str, dict] = {}
    _link(linker, first, stories, groups, states)

    start = time.perf_counter()
    replayed = Linker(next_story_id=linker.stories.next_id)
    for item in first:
        article_id = item.article.id
        replayed.restore(article_id, states[article_id], stories[article_id], groups[article_id])
    replay_s = time.perf_counter() - start
    del states

    start = time.perf_counter()
    data = linker.snapshot()
    dump_s = time.perf_counter() - start
    start = time.perf_counter()
    loaded = Linker.from_snapshot(data)
    load_s = time.perf_counter() - start

    def continued(which) -> dict[str, int]:
        out: dict[str, int] = {}
        _link(which, later, out, {}, None)
        return out

    uninterrupted = continued(linker)
    from_snapshot, from_replay = continued(loaded), continued(replayed)
    return {
        "articles": size, "next_articles": len(later),
        "replay_seconds": round(replay_s, 2), "replay_us_per_article": round(1e6 * replay_s / size, 1),
        "snapshot_mb": round(len(data) / 1e6, 1), "snapshot_save_seconds": round(dump_s, 2),
        "snapshot_load_seconds": round(load_s, 2), "load_speedup": round(replay_s / load_s, 1),
        "snapshot_same_stories": from_snapshot == uninterrupted,
        "replay_b3_against_uninterrupted": bcubed(from_replay, uninterrupted),
    }


def main(sizes: list[int] | None = None) -> dict:
    from common import machine, write_result

    results = []
    for size in sizes or DEFAULT_SIZES:
        result = run_one(size)
        print(result, flush=True)
        results.append(result)
    m = machine()
    rows = "\n".join(
        f"| {r['articles']:,} | {r['replay_seconds']} ({r['replay_us_per_article']} µs an article) | {r['snapshot_mb']} "
        f"| {r['snapshot_save_seconds']} | {r['snapshot_load_seconds']} | {r['load_speedup']}× "
        f"| {'yes' if r['snapshot_same_stories'] else 'NO'} | {r['replay_b3_against_uninterrupted']['f1']} |"
        for r in results
    )
    md = f"""# Starting a run: replaying the stored articles, or loading the linker's snapshot

Machine: {m['cpu']} · {m['cores']} cores · {m['memory']} · Python {m['python']} · {m['date']}

Synthetic stream, linked as the pipeline links it; then, in the same process, a fresh linker
restored article by article (replay) against the last run's snapshot saved and loaded. Each is
then fed the next tenth of the stream and compared with the linker that never stopped.

| stored articles | replay s | snapshot MB | save s | load s | load vs replay | next tenth: same stories from the snapshot | next tenth from the replay, B³ against the uninterrupted run |
| --- | --- | --- | --- | --- | --- | --- | --- |
{rows}

The replay here is the linker's part alone: in a run it also reads each article's stored state
from the database and parses it (about 0.6 ms an article in all on the throughput corpus).
A run saves the snapshot at its end (in the run's "snapshot" time) and the next run loads it
instead of replaying; any write to the articles drops it, so one that is there is the state the
stored articles were linked with. The replay stays as the fallback (no snapshot, one made under
other linker options, or one that is not a linker's).
"""
    write_result("restore", {"machine": m, "sizes": results}, md)
    print(md)
    return {"sizes": results}


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main([int(a) for a in sys.argv[1:]] or None)
