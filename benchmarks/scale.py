"""The Ray job against the single-machine pipeline, on the same pages, in one run.

Corpus: the throughput benchmark's recombined real pages, written as several
JSON Lines files (the Ray job reads files in parallel, as it would WARC files).
Both runs use 2 CPUs of this machine and write a fresh SQLite file:

- single machine: ``Pipeline(workers=2)`` (``parallax ingest --workers 2``);
- Ray: ``parallax scale --cpus 2`` (Ray started here, two analysing actors),
  wall time including Ray's start-up, and the driver's time per stage.

The driver links and stores alone, so it bounds how far a cluster can go:
pages per second of the driver process's CPU time (its Ray threads included)
is that ceiling. Dossiers are built by Ray tasks (``scale/dossiers.py``); the
driver reads their stories and saves them.

Run: ``python benchmarks/scale.py [pages] [files]`` (default 1200 pages in 8 files).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import machine, write_result
from throughput import build_corpus

from parallax.pipeline import Pipeline
from parallax.store import Store


def main(n_pages: int = 1200, n_files: int = 8) -> dict:
    from parallax.scale import ScaleOptions, run_job

    pages = build_corpus(n_pages)
    with tempfile.TemporaryDirectory(prefix="parallax-scale-") as tmp:
        folder = Path(tmp)
        inputs = folder / "pages"
        inputs.mkdir()
        for k in range(n_files):
            part = pages[k::n_files]
            (inputs / f"part-{k:02d}.jsonl").write_text("\n".join(json.dumps(p) for p in part) + "\n", encoding="utf-8")

        pipeline = Pipeline(Store(folder / "local.db"), workers=2)
        start = time.perf_counter()
        local = pipeline.ingest([str(inputs)])
        local_seconds = time.perf_counter() - start
        pipeline.close()
        pipeline.store.close()

        driver: Counter = Counter()
        start, cpu = time.perf_counter(), time.process_time()
        report = run_job([str(inputs)], str(folder / "ray.db"), ScaleOptions(num_cpus=2), timings=driver)
        ray_seconds = time.perf_counter() - start
        driver_cpu = time.process_time() - cpu

    result = {
        "machine": machine(), "pages": n_pages, "files": n_files, "cpus": 2,
        "single_machine": {"seconds": round(local_seconds, 1), "pages_per_second": round(n_pages / local_seconds, 1),
                           "articles_stored": local.articles_stored},
        "ray": {"seconds": round(ray_seconds, 1), "pages_per_second": round(n_pages / ray_seconds, 1),
                "articles_stored": report.articles_stored,
                "driver_stage_seconds": {k: round(v, 2) for k, v in driver.items()},
                "driver_cpu_seconds": round(driver_cpu, 1),
                "driver_ceiling_pages_per_second": round(n_pages / driver_cpu, 1)},
        "ratio_ray_to_single": round(local_seconds / ray_seconds, 3),
        "ray_pages_per_second_per_core": round(n_pages / ray_seconds / 2, 1),
    }
    m, sm, ry = result["machine"], result["single_machine"], result["ray"]
    stages = "\n".join(f"| {k} | {v} |" for k, v in sorted(ry["driver_stage_seconds"].items(), key=lambda kv: -kv[1]))
    md = f"""# Scale benchmark (Ray job vs single machine)

Machine: {m['cpu']} · {m['cores']} cores · {m['memory']} · Python {m['python']} · {m['date']}

{n_pages} recombined real pages (see throughput.md) in {n_files} JSON Lines files; 2 CPUs for both
runs, one after the other in the same process; SQLite output.

| run | pages/s | seconds | articles stored |
| --- | --- | --- | --- |
| single machine (`ingest --workers 2`) | {sm['pages_per_second']} | {sm['seconds']} | {sm['articles_stored']} |
| Ray (`scale --cpus 2`, start-up included) | {ry['pages_per_second']} | {ry['seconds']} | {ry['articles_stored']} |

Ray / single machine: **{result['ratio_ray_to_single']}×** the speed. Per core on Ray:
**{result['ray_pages_per_second_per_core']} pages/s**.

The driver's time per stage (wall seconds; "dossier" is the end of the job, the dossiers built by
Ray tasks while the driver reads their stories and saves them):

| stage | seconds |
| --- | --- |
{stages}

The driver process used {ry['driver_cpu_seconds']} s of CPU over the whole job (Ray's threads in it included).
Ceiling for a cluster whose workers keep up: {ry['driver_ceiling_pages_per_second']} pages/s of driver CPU time.
"""
    write_result("scale", result, md)
    print(md)
    return result


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
