"""Terminal rendering for the CLI: progress, reports, story tables and dossiers (Rich)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from .model import Dossier, Failure

if TYPE_CHECKING:
    from .pipeline import IngestReport
from .store import Store, StoryRow, display_db, is_url

# Fewer pages than this finish before a bar is worth drawing.
PROGRESS_MIN_PAGES = 5
# Outlets a story's row in `parallax stories` names (`--json` has them all), first to report first.
LIST_OUTLETS = 5
# Outlets `parallax show` cites a sentence, quote or figure by (`show --json` has them all).
CITED_OUTLETS = 4
# Names shown per type (people, places, ...) by `parallax show`; `export --stories` has them all.
WHO_PER_TYPE = 12
VERDICT_STYLE = {"agree": "green", "differ": "red", "different_scope": "yellow", "evolving": "cyan", "single": "dim"}


def open_store(path: str, *, must_exist: bool = False) -> Store:
    if must_exist and not is_url(path) and not Path(path).exists():
        raise typer.BadParameter(f"no database at {path!r}; run `parallax ingest PATH` first (or pass --db)")
    return Store(path)


@contextmanager
def progress_bar(console: Console) -> Iterator[Callable[[int], None]]:
    """A callback that advances a bar; the bar shows up only once work is not trivial."""
    progress = Progress(
        TextColumn("pages"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, transient=True,
    )
    done = 0
    task = None

    def advance(n: int) -> None:
        nonlocal done, task
        done += n
        if task is None and done >= PROGRESS_MIN_PAGES and console.is_terminal:
            progress.start()
            task = progress.add_task("pages", total=None)
        if task is not None:
            progress.update(task, completed=done)

    try:
        yield advance
    finally:
        progress.stop()


# Pages skipped (stored already, or rejected before) that an ingest report names one by one;
# the rest are counted. A second run over a crawl skips nearly every page: 100,000 lines
# saying so would bury the failures (and printing 2,200 of them took a third of a second).
SKIPPED_SHOWN = 10


def print_report(
    console: Console, report: "IngestReport", db: str, *, skipped_shown: int | None = SKIPPED_SHOWN, stamp: bool = False,
) -> None:
    """One summary line, then a line per page skipped (the first ``skipped_shown``; None: all) and per failure.

    ``stamp``: begin with the time of day, for ``--watch``'s runs.
    """
    console.print(
        (f"{time.strftime('%H:%M:%S')}  " if stamp else "") + f"pages read: [bold]{report.pages_read}[/]  articles stored: [bold]{report.articles_stored}[/]  "
        f"stories touched: [bold]{len(report.stories_touched)}[/] ({len(report.stories_created)} new)  "
        f"already stored: {len(report.duplicates)}  "
        + (f"rejected before: {len(report.rejected_before)}  " if report.rejected_before else "")
        + f"failed: [bold]{len(report.failures)}[/]  → {escape(display_db(db))}",
        soft_wrap=True,
    )
    skipped = [(source, f"already stored ({why})") for source, why in report.duplicates]
    skipped += [(source, f"rejected by an earlier run ({why})") for source, why in report.rejected_before]
    shown = skipped if skipped_shown is None else skipped[:skipped_shown]
    for source, why in shown:
        console.print(f"  [dim]skipped {escape(source)}: {escape(why)}[/]", soft_wrap=True)
    if len(shown) < len(skipped) and skipped_shown:
        console.print(f"  [dim]… and {len(skipped) - len(shown)} more skipped (-v lists every one)[/]", soft_wrap=True)
    for failure in in_reading_order(report.failures):
        # One line per failure, never wrapped: the report is read by people and by grep.
        console.print(f"  [red]failed[/] {escape(failure.source)}: {escape(failure.reason)}", soft_wrap=True)


# Where a source names a place in its file: "pages.jsonl:12", "crawl.warc.gz#record3".
_PLACE_IN_FILE = re.compile(r"^(.*?)(?::(\d+)|#record(\d+))$")


def in_reading_order(failures: list[Failure]) -> list[Failure]:
    """Failures by file (files in the order their first failure came) and by line or record within one.

    A page is reported when its stage fails: a line that is not JSON as it is
    read, a page without an article only when its batch has been extracted,
    so "pages.jsonl:9" came before "pages.jsonl:2".
    """
    files: dict[str, int] = {}
    keys = []
    for failure in failures:
        match = _PLACE_IN_FILE.match(failure.source)
        name, place = (match[1], int(match[2] or match[3])) if match else (failure.source, 0)
        keys.append((files.setdefault(name, len(files)), place))
    return [f for _, f in sorted(zip(keys, failures), key=lambda pair: pair[0])]


def _first_outlets(outlets: list[str], shown: int = LIST_OUTLETS, sep: str = ", ") -> str:
    """The first outlets, and how many more: a wire story's row or citation would list dozens."""
    more = len(outlets) - shown
    return sep.join(outlets[:shown]) + (f" and {more} more" if more > 0 else "")


def _figure_values(group) -> str:
    """A figure group's values, each value once with the outlets that give it ("about 90 (example.com and 33 more)")."""
    return "; ".join(
        f"{v.text}{' in ' + v.where if v.where else ''}{' on ' + v.when if v.when else ''} ({_first_outlets(names, CITED_OUTLETS)})"
        for v, names in group.outlets_by_value()
    )


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return "—"
    return first if first == last or not last else f"{first} → {last}"


def print_stories(console: Console, rows: list[StoryRow], *, total: int) -> None:
    if not rows:
        console.print("no stories match" if not total else f"{total} stories; none on this page")
        return
    table = Table(title=f"{total} stories", title_justify="left")
    table.add_column("story", justify="right")
    table.add_column("headline", max_width=60)
    table.add_column("articles", justify="right")
    table.add_column("outlets", max_width=40)
    table.add_column("dates")
    for row in rows:
        table.add_row(
            str(row.id), escape(row.headline or "—"), str(row.n_articles),
            escape(_first_outlets(row.outlets)), _span(row.first_published, row.last_published),
        )
    console.print(table)


def print_dossier(console: Console, d: Dossier, store: Store) -> None:
    from .dossier.entities import by_type  # the dossier package brings numpy and scipy: only for `show`

    console.print(Panel(
        f"[bold]{escape(d.headline or '(no headline)')}[/]\n"
        f"story {d.story} · {len(d.articles)} articles · event {d.event_date or '?'} · "
        f"published {_span(d.first_published, d.last_published)}\n"
        f"{len(d.outlets)} outlets: {escape(_first_outlets(d.outlets))}",
        title="Parallax story", title_align="left",
    ))
    if d.summary:
        console.print("[bold]Summary[/]")
        for s in d.summary:
            console.print(f"  • {escape(s.sentence)} [dim]{escape('[' + _first_outlets(s.outlets, CITED_OUTLETS, '; ') + ']')}[/]")
    who = by_type(d.entities, WHO_PER_TYPE)
    if who:
        console.print("[bold]Who and where[/] [dim](articles naming each, when more than one)[/]")
        for heading, shown, more in who:
            names = ", ".join(f"{e.name} ({len(e.articles)})" if len(e.articles) > 1 else e.name for e in shown)
            console.print(f"  {heading}: {escape(names)}" + (f" [dim]and {more} more[/]" if more else ""))
    if d.quotes:
        table = Table(title="Quotes", title_justify="left", show_lines=False)
        table.add_column("quote", max_width=70)
        table.add_column("speaker")
        table.add_column("outlets")
        for q in d.quotes:
            table.add_row(f"“{escape(q.text)}”", escape(q.speaker or "?"), escape(_first_outlets(q.outlets, CITED_OUTLETS)))
        console.print(table)
    if d.figures:
        table = Table(title="Figures", title_justify="left")
        table.add_column("what")
        table.add_column("verdict")
        table.add_column("values", max_width=80)
        for g in d.figures:
            values = _figure_values(g)
            style = VERDICT_STYLE.get(g.verdict, "")
            table.add_row(escape(g.what), f"[{style}]{g.verdict}[/]", escape(values))
        console.print(table)
    for u in d.unique:
        console.print(f"[bold]Only in {escape(u.outlet)}[/]")
        for s in u.sentences:
            console.print(f"  – {escape(s)}")
    if d.timeline:
        console.print("[bold]Timeline[/]")
        for t in d.timeline:
            console.print(f"  {t.date}  {escape(t.text)} [dim]{escape('[' + _first_outlets(t.outlets, CITED_OUTLETS) + ']')}[/]")
    console.print("[bold]Articles[/]")
    for item, group in store.story_articles(d.story):
        a = item.article
        date = f"{a.published} ({a.published_from})" if a.published else "undated"
        wire = f" · wire copy {group}" if group else ""
        console.print(f"  {escape(a.id)} · {escape(a.outlet or 'unknown outlet')} · {date}{wire} · {escape(a.title or '(no title)')}")
