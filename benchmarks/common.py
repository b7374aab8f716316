"""Shared helpers of the benchmarks: where the data is, the machine, writing results."""

from __future__ import annotations

import gzip
import json
import os
import platform
import re
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def shared_dir() -> Path:
    """``../shared`` beside the checkout, or ``$PARALLAX_SHARED``."""
    return Path(os.environ.get("PARALLAX_SHARED", ROOT.parent / "shared"))


def scrapinghub_dir() -> Path:
    """The ScrapingHub article-extraction benchmark: its ground truth and its gzipped pages."""
    return shared_dir() / "benchmarks" / "scrapinghub_article_extraction"


def scrapinghub_truth() -> dict[str, dict]:
    """Each page's ground truth (url, articleBody, …) by page id."""
    return json.loads((scrapinghub_dir() / "ground-truth.json").read_text(encoding="utf-8"))


def scrapinghub_html(page_id: str) -> str:
    return gzip.decompress((scrapinghub_dir() / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", errors="replace")


def load_dev() -> list[dict]:
    path = shared_dir() / "corpus" / "dev.jsonl"
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def machine() -> dict:
    mem = ""
    try:
        mem = next(l for l in open("/proc/meminfo") if l.startswith("MemTotal")).split(":")[1].strip()
    except (OSError, StopIteration):
        pass
    cpu = ""
    try:
        cpu = next(l for l in open("/proc/cpuinfo") if l.startswith("model name")).split(":")[1].strip()
    except (OSError, StopIteration):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "python": platform.python_version(),
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def normalise(text: str) -> str:
    """The corpus README's normalisation: NFKC, straight quotes, collapsed whitespace, lower case."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return " ".join(text.split()).lower()


CRAWL_STAMP = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+")


def gold_lines(page: dict) -> list[tuple[str, str]]:
    lines = [l for l in page["text"].split("\n") if l.strip()]
    out = []
    for i, (line, label) in enumerate(zip(lines, page["line_labels"])):
        if i == 0:
            line = CRAWL_STAMP.sub("", line)
        out.append((line, label))
    return out


def write_result(name: str, data: dict, markdown: str) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    (RESULTS / f"{name}.md").write_text(markdown, encoding="utf-8")


def reset_peak_rss() -> None:
    """Start this process's peak-memory count again from what it holds now (Linux).

    ``getrusage``'s ``ru_maxrss`` cannot be reset and is wrong twice here: it
    keeps the peak of every benchmark run before in the same process, and a
    child started from a large parent reports the parent's size (Linux folds
    the old address space's peak into it at exec).
    """
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def peak_rss_mb(pid: int | str = "self") -> float:
    """A process's peak resident memory since it started or since ``reset_peak_rss``, in MB
    (this process's by default)."""
    found = _proc_status_mb(pid, "VmHWM:")
    if found is not None or pid != "self":
        return found or 0.0
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    """This process's resident memory now, in MB (0 where /proc is missing)."""
    return _proc_status_mb("self", "VmRSS:") or 0.0


def _proc_status_mb(pid: int | str, field: str) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None
