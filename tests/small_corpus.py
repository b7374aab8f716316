"""A small mixed corpus the pipeline tests build in a temp folder: two events, a wire copy, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from parallax.export import export_article
from parallax.model import to_dict
from parallax.store import Store
from tests.conftest import SEED_A, SEED_B


def contents(store: Store) -> tuple[list[dict], list[dict]]:
    """What a database holds, for comparing two runs: exported articles by id, and dossiers."""
    articles = sorted((export_article(*row) for row in store.iter_articles()), key=lambda a: a["id"])
    return articles, [to_dict(d) for d in store.iter_dossiers()]

FLOOD_A = """Floods force thousands from homes in northern Bavaria

Rescue teams evacuated more than 3,000 people from villages along the Main river on Tuesday after two days
of heavy rain burst its banks, the regional government said.

"The water rose faster than anyone expected," said Markus Weber, the mayor of Lichtenfels, where the old town was
under a metre of water by the afternoon.

Police said two people were missing and about 40 roads were closed. The weather service expects the rain to ease
on Wednesday, but warned that levels downstream would keep rising into the weekend.
"""

FLOOD_B = """Thousands evacuated as Main river floods Bavarian towns

More than 3,000 residents were moved to emergency shelters in northern Bavaria on Tuesday as the Main river
flooded after torrential rain, officials said.

Lichtenfels mayor Markus Weber said "the water rose faster than anyone expected" as the historic centre flooded.
Two people are missing, according to police, and some 40 roads have been shut.

Forecasters said the downpours would ease on Wednesday, though river levels further downstream could rise until
the weekend.
"""


def build(folder: Path) -> list[str]:
    """Seven inputs: the seeds, a wire copy, two outlets on one flood, a chrome-only page, a missing folder."""
    pages = folder / "pages"
    pages.mkdir()
    for seed in (SEED_A, SEED_B):
        shutil.copy(seed, pages / seed.name)
    wire = "Gulf Wire Daily | World | Middle East\nSign in\n" + SEED_A.read_text(encoding="utf-8")
    lines = [
        {"id": "wire-copy", "url": "https://gulfwire.example/world/syria-obama-putin", "text": wire},
        {"id": "flood-a", "url": "https://www.mainpost.example/2021/07/13/floods-bavaria", "text": FLOOD_A},
        {"id": "flood-b", "url": "https://www.bavarianews.example/2021/07/13/main-river-floods", "text": FLOOD_B},
        {"id": "chrome-only", "text": "Home\nNews\nSport\nSign in\nSubscribe\n© 2021 Some Outlet"},
    ]
    (pages / "more.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return [str(pages), str(folder / "missing-folder")]
