"""Web latency with 50,000 stored articles: story list, story page, search; p95 under 20 clients.

Builds a database of synthetic articles (``synthetic.py``) with their dossiers,
starts ``parallax serve --workers 2`` on loopback and drives it with ``wrk``
(Debian's package; ``apt-get install wrk``), 20 connections, 2 threads, for a
fixed time per endpoint. The load generator shares the machine's two cores
with the server, so the figures are conservative. Run: ``python benchmarks/web.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from common import ROOT, machine, write_result
from synthetic import stream

from parallax.dossier import build_dossier
from parallax.link.features import features_of
from parallax.model import Assignment, Page
from parallax.store import Store

ARTICLES = int(os.environ.get("PARALLAX_WEB_ARTICLES", "50000"))
# Searches drawn at random per request: one-word and two-word, common and rare.
SEARCH_WORDS = ["flood", "flood+river", "summit+treaty", "Geneva", "verdict", "Nairobi+strike", "vaccine",
                "Tanaka", "ballot+turnout", "Lisbon", "rescue+villages", "Okafor+Rossi", "union+wages", "dam"]
CONNECTIONS, THREADS, SECONDS = 20, 1, 15
WORKERS = 2  # one server process per core
LUA = """
local ids = {}
for i = 1, %(stories)d do ids[i] = i end
local words = {%(words)s}
request = function()
  local path = "%(path)s"
  if string.find(path, "{id}") then path = string.gsub(path, "{id}", tostring(ids[math.random(#ids)])) end
  if string.find(path, "{q}") then path = string.gsub(path, "{q}", words[math.random(#words)]) end
  return wrk.format("GET", path)
end
done = function(summary, latency, requests)
  io.write(string.format("P50 %%.3f\\nP95 %%.3f\\nP99 %%.3f\\nREQ %%d\\nERR %%d\\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
"""


def build_db(path: Path) -> tuple[int, float]:
    items, gold = stream(ARTICLES)
    by_event = defaultdict(list)
    for item in items:
        by_event[gold[item.article.id]].append(item)
    store = Store(path)
    start = time.perf_counter()
    batch_pages, batch_items, batch_assign, batch_feats = [], [], [], {}
    for event, members in by_event.items():
        for item in members:
            batch_pages.append(Page(id=item.article.id, source="synthetic", format="text", content=item.article.body_text,
                                    url=item.article.url))
            batch_items.append(item)
            batch_assign.append(Assignment(article_id=item.article.id, story=event + 1, syndication_group=None, score=1.0))
            batch_feats[item.article.id] = features_of(item).to_json()
        if len(batch_items) >= 2000:
            store.save_batch(batch_pages, batch_items, batch_assign, batch_feats, {})
            batch_pages, batch_items, batch_assign, batch_feats = [], [], [], {}
    if batch_items:
        store.save_batch(batch_pages, batch_items, batch_assign, batch_feats, {})
    for event, members in by_event.items():
        store.save_dossier(build_dossier(event + 1, members))
    store.close()
    return len(by_event), time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def warm_up(base: str, endpoints: dict[str, str]) -> None:
    """Wait until every worker answers, then load each endpoint briefly: startup is not measured."""
    import urllib.request

    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(base + "/api/stories?limit=1", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.2)
    for path in endpoints.values():
        subprocess.run(["wrk", "-t1", f"-c{CONNECTIONS}", "-d2s", base + path.replace("{id}", "1")],
                       capture_output=True, check=True)


def run_wrk(base: str, path: str, stories: int, folder: Path) -> dict:
    script = folder / "bench.lua"
    script.write_text(LUA % {"stories": stories, "path": path, "words": ", ".join(f'"{w}"' for w in SEARCH_WORDS)})
    out = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "-s", str(script), base],
        capture_output=True, text=True, check=True,
    ).stdout
    values = dict(re.findall(r"^(P50|P95|P99|REQ|ERR) ([\d.]+)$", out, re.M))
    return {"p50_ms": float(values["P50"]), "p95_ms": float(values["P95"]), "p99_ms": float(values["P99"]),
            "requests": int(values["REQ"]), "errors": int(values["ERR"]),
            "requests_per_second": round(int(values["REQ"]) / SECONDS, 1)}


def main() -> dict:
    if shutil.which("wrk") is None:
        sys.exit("benchmarks/web.py needs wrk: apt-get install wrk")
    with tempfile.TemporaryDirectory(prefix="parallax-web-bench-") as tmp:
        folder = Path(tmp)
        db = folder / "web.db"
        stories, build_seconds = build_db(db)
        port = free_port()
        server = subprocess.Popen([str(ROOT / ".venv" / "bin" / "parallax"), "serve", "--db", str(db), "--port", str(port),
                                   "--workers", str(WORKERS)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(200):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            endpoints = {"story list": "/", "story page": "/stories/{id}", "search": "/?q={q}",
                         "api story": "/api/stories/{id}"}
            warm_up(base, endpoints)
            results = {name: run_wrk(base, path, stories, folder) for name, path in endpoints.items()}
        finally:
            server.terminate()
            server.wait(timeout=10)
    result = {"machine": machine(), "articles": ARTICLES, "stories": stories, "build_seconds": round(build_seconds, 1),
              "connections": CONNECTIONS, "workers": WORKERS, "seconds_per_endpoint": SECONDS, "endpoints": results}
    m = result["machine"]
    rows = "\n".join(
        f"| {name} | `{endpoints[name]}` | {r['p50_ms']:.1f} | **{r['p95_ms']:.1f}** | {r['p99_ms']:.1f} | {r['requests_per_second']} | {r['errors']} |"
        for name, r in results.items()
    )
    md = f"""# Web latency benchmark

Machine: {m['cpu']} · {m['cores']} cores · {m['memory']} · Python {m['python']} · {m['date']}

{ARTICLES:,} synthetic articles in {stories:,} stories (SQLite, FTS5), `parallax serve --workers {WORKERS}` on
loopback, `wrk` with {CONNECTIONS} connections and {THREADS} threads for {SECONDS} s per endpoint, on the same
two cores. Story pages pick a random story per request; searches a random query from
{len(SEARCH_WORDS)} (one or two words, common and rare).

| endpoint | path | p50 ms | p95 ms | p99 ms | requests/s | errors |
| --- | --- | --- | --- | --- | --- | --- |
{rows}
"""
    write_result("web", result, md)
    print(md)
    return result


if __name__ == "__main__":
    main()
