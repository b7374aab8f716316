"""Run every benchmark and write its results to benchmarks/results/."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import extraction  # noqa: E402
import html_extraction  # noqa: E402
import plaintext_unseen  # noqa: E402
import layouts  # noqa: E402
import linking  # noqa: E402
import linking_scale  # noqa: E402
import restore  # noqa: E402
import dossier  # noqa: E402
import figures  # noqa: E402
import same_fact  # noqa: E402
import dense_events  # noqa: E402
import shutil  # noqa: E402
import scale  # noqa: E402
import stress  # noqa: E402
import throughput  # noqa: E402
import web  # noqa: E402

if __name__ == "__main__":
    extraction.main()
    html_extraction.main()
    plaintext_unseen.main()
    layouts.main()
    linking.main()
    restore.main()
    dossier.main()
    figures.main()
    same_fact.main()
    dense_events.main()
    throughput.main(2)
    stress.main()
    scale.main()
    linking_scale.main(linking_scale.DEFAULT_SIZES)  # last: about 40 minutes, most of it the 1M stream
    if shutil.which("wrk"):
        web.main()
    else:
        print("skipping benchmarks/web.py: it needs wrk (apt-get install wrk)")
