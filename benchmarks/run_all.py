"""Run every benchmark and write its results to benchmarks/results/."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import extraction  # noqa: E402
import html_extraction  # noqa: E402
import linking  # noqa: E402
import dossier  # noqa: E402

if __name__ == "__main__":
    extraction.main()
    html_extraction.main()
    linking.main()
    dossier.main()
