"""The ``parallax`` command: ingest pages (here or on Ray), list and show stories, export, serve."""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from . import __version__
from .cli_utils import SKIPPED_SHOWN, open_store, print_dossier, print_report, print_stories, progress_bar
from .errors import E_STORY_NOT_FOUND, ParallaxError
from .store import display_db, is_url, resolve_db_path
from .watch import DEFAULT_INTERVAL, FolderWatch, keep_watching

if TYPE_CHECKING:
    from .pipeline import IngestReport

app = typer.Typer(
    help="Parallax: many outlets, one story. Raw news pages in; clean articles, grouped into "
    "cross-checked stories, out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
out = Console()


class State:
    db: str = "parallax.db"
    verbose: int = 0


# --db is accepted before the command (for all of them) and on each command.
DbOption = Annotated[
    Optional[str],
    typer.Option("--db", help="SQLite database file, or a postgresql://user@host/name URL "
                 "(default: $PARALLAX_DB, else ./parallax.db)."),
]


def _db(db: str | None) -> str:
    return db or State.db


# As ``pipeline.AUTO``: importing it from there would load the stages for every command.
AUTO = "auto"


def _workers_option(value: str) -> str:
    if value != AUTO and not (value.isdigit() and int(value) >= 1):
        raise typer.BadParameter(f"a number of processes (1 or more) or {AUTO}, not {value!r}")
    return value


def _workers(value: str) -> int | str:
    return value if value == AUTO else int(value)


WorkersOption = Annotated[str, typer.Option(
    metavar="N|auto", callback=_workers_option,
    help="Processes that extract and annotate pages, each with its own language model: a number, or auto "
         "(one per core, up to 8, once a run has 64 new pages or more to analyse; fewer are analysed in this process).",
)]


def _skipped_shown() -> int | None:
    """How many skipped pages an ingest report names: all of them with -v."""
    return None if State.verbose else SKIPPED_SHOWN


def _version(value: bool) -> None:
    if value:
        typer.echo(f"parallax {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    db: DbOption = None,
    verbose: Annotated[int, typer.Option("-v", "--verbose", count=True, help="-v: info logging, and ingest reports name every page skipped; -vv: debug logging.")] = 0,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    level = {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    State.db = resolve_db_path(db)
    State.verbose = verbose


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs, or - for stdin. "
                                                     "Formats: .txt (scraped text), .md (a page saved as Markdown), .html/.htm, .jsonl, .warc(.gz), .rss.")],
    workers: WorkersOption = AUTO,
    keep_watching_: Annotated[bool, typer.Option("--watch", help="After the first run, keep looking at PATHS and ingest "
                                                  "files that appear or grow (a crawler's output folder), with the "
                                                  "model and workers kept loaded. Stop with Ctrl-C.")] = False,
    interval: Annotated[float, typer.Option(help="Seconds between two looks at PATHS, with --watch.", min=0.1)] = DEFAULT_INTERVAL,
    db: DbOption = None,
) -> None:
    """Read pages, extract their articles, group them into stories and store everything.

    A page already stored (same id, same url or same text) is skipped, and so is
    one in which this version of Parallax found no article before (reported as
    "rejected before", not as failed). The exit code is 1 when any page failed;
    the others are stored all the same.
    """
    from .pipeline import Pipeline

    if keep_watching_ and "-" in paths:
        raise typer.BadParameter("--watch watches files and folders; it cannot watch stdin (-)")
    store = open_store(_db(db))
    pipeline = Pipeline(store, workers=_workers(workers))
    if pipeline.workers == 1:
        with console.status("loading the language model…"):
            pipeline.annotator  # noqa: B018 - loaded here, under the spinner, rather than at the first page
    folder = FolderWatch(paths) if keep_watching_ else None
    if folder is not None:
        folder.take_all()  # before the first run: a file that lands during it is taken at the next look
    failed = False
    try:
        with progress_bar(console) as advance:
            report = pipeline.ingest(paths, progress=advance)
        print_report(console, report, _db(db), skipped_shown=_skipped_shown())
        failed = not report.ok
        if folder is not None:
            console.print(f"watching {escape(', '.join(paths))} every {interval:g} s (Ctrl-C to stop)")

            def reported(later: IngestReport) -> None:
                nonlocal failed
                failed = failed or not later.ok
                print_report(console, later, _db(db), skipped_shown=0, stamp=True)

            keep_watching(pipeline, folder, interval=interval, on_report=reported, stop=_stop_on_signal())
            console.print("stopped watching")
    finally:
        pipeline.close()
        store.close()
    if failed:
        raise typer.Exit(1)


@app.command()
def rebuild(
    story_ids: Annotated[Optional[list[int]], typer.Argument(metavar="STORY", help="Story ids; default: every story.", show_default=False)] = None,
    dossiers_only: Annotated[bool, typer.Option("--dossiers-only", help="Rebuild the dossiers from the stored articles "
                                                 "without analysing the pages again (fast).")] = False,
    workers: WorkersOption = AUTO,
    db: DbOption = None,
) -> None:
    """Analyse stored pages again with this version of Parallax and rebuild their stories' dossiers.

    Run it after upgrading Parallax: articles and dossiers stored by an older
    version then get its extraction, annotations and dossiers. Stories keep
    their ids and their articles (nothing is linked anew), so links to them
    stay valid. A page this version rejects keeps the article stored for it.
    """
    from .pipeline import Pipeline

    store = open_store(_db(db), must_exist=True)
    wanted = None
    if story_ids:
        wanted = sorted({store.resolve_story(s) for s in story_ids})
        missing = [s for s in wanted if not store.story_exists(s)]
        if missing:
            store.close()
            console.print(f"[red]error:[/] {E_STORY_NOT_FOUND.format(story=missing[0])}")
            raise typer.Exit(2)
    pipeline = Pipeline(store, workers=_workers(workers))
    try:
        if pipeline.workers == 1 and not dossiers_only:
            with console.status("loading the language model…"):
                pipeline.annotator  # noqa: B018 - loaded under the spinner, not at the first page
        with progress_bar(console) as advance:
            report = pipeline.rebuild(wanted, analyse_pages=not dossiers_only, progress=advance)
    finally:
        pipeline.close()
        store.close()
    if not dossiers_only:
        console.print(f"analysed {report.pages} stored pages again; {report.rewritten} articles rewritten")
    for failure in report.kept:
        console.print(f"  kept the stored article of {escape(failure.source)}: this version rejects the page "
                      f"({escape(failure.reason)})")
    console.print(f"rebuilt {report.dossiers} dossiers in {_db(db)}")


def _stop_on_signal() -> threading.Event:
    """An event Ctrl-C or SIGTERM sets: ``--watch`` then stops once the run under way is stored.

    A second signal stops at once, as Ctrl-C does elsewhere.
    """
    stop = threading.Event()

    def handle(signum, frame) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        console.print("stopping once the run under way is stored (Ctrl-C again to stop now)")

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, handle)
    return stop


@app.command()
def scale(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or globs: .jsonl and .warc(.gz) above all, "
                                                     "but every format `ingest` reads.")],
    address: Annotated[Optional[str], typer.Option(help="Ray cluster to join (\"auto\", \"ray://head:10001\"); "
                                                        "default: start Ray on this machine.")] = None,
    cpus: Annotated[Optional[int], typer.Option(help="CPUs of a Ray started here (default: all).", min=1)] = None,
    workers: Annotated[Optional[int], typer.Option(help="Analysing actors (default: one per CPU of the cluster).", min=1)] = None,
    parquet: Annotated[Optional[Path], typer.Option(help="Also write articles.parquet and stories.parquet to this folder.")] = None,
    db: DbOption = None,
) -> None:
    """Run the pipeline on Ray: read, extract and annotate on the cluster; link and store here.

    Gives the same stories as `parallax ingest` over the same pages. Needs the
    scale extra: pip install 'parallax-news\\[scale]' (Ray Data and pyarrow).
    See docs/scale.md for a cluster.
    """
    try:
        from .scale import ScaleOptions, run_job
    except ImportError as exc:  # ray missing
        raise typer.BadParameter(f"`parallax scale` needs Ray: pip install 'parallax-news[scale]' ({exc})") from exc

    options = ScaleOptions(address=address, num_cpus=cpus, workers=workers, parquet=parquet)
    open_store(_db(db)).close()  # a bad --db fails before Ray starts
    with progress_bar(console) as advance:
        report = run_job(paths, _db(db), options, progress=advance)
    print_report(console, report, _db(db), skipped_shown=_skipped_shown())
    if parquet is not None:
        console.print(f"Parquet: {parquet / 'articles.parquet'}, {parquet / 'stories.parquet'}")
    if not report.ok:
        raise typer.Exit(1)


def _iso_day(value: str | None) -> str | None:
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not a day written YYYY-MM-DD") from None
    return value


@app.command()
def stories(
    query: Annotated[Optional[str], typer.Option("--search", "-s", help="Only stories whose articles contain these words.")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Only stories this outlet covers (named as the list shows it).")] = None,
    entity: Annotated[Optional[str], typer.Option(help="Only stories that name this person, place or organisation "
                                                       "(a person also by the last words of the name: \"Putin\").")] = None,
    since: Annotated[Optional[str], typer.Option(help="Only stories reported on or after this day (YYYY-MM-DD).",
                                                 callback=_iso_day)] = None,
    until: Annotated[Optional[str], typer.Option(help="Only stories reported on or before this day (YYYY-MM-DD).",
                                                 callback=_iso_day)] = None,
    limit: Annotated[int, typer.Option(help="How many stories to list.", min=1)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
    db: DbOption = None,
) -> None:
    """List stories, newest first: id, headline, articles, outlets, date span."""
    from .store import StoryFilter

    store = open_store(_db(db), must_exist=True)
    filters = StoryFilter(query=query, outlet=outlet, entity=entity, date_from=since, date_to=until)
    rows = store.list_stories(filters=filters, limit=limit)
    if as_json:
        for row in rows:
            typer.echo(json.dumps(asdict(row), ensure_ascii=False))
    else:
        print_stories(out, rows, total=store.count_stories(filters))


@app.command()
def show(
    story: Annotated[Optional[int], typer.Argument(help="Story id (see `parallax stories`); default: the newest story.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="The dossier as JSON instead of a rendering.")] = False,
    db: DbOption = None,
) -> None:
    """Show a story's dossier: summary, outlets, quotes, figures, unique facts, timeline."""
    from .export import export_dossier

    store = open_store(_db(db), must_exist=True)
    if story is None:
        rows = store.list_stories(limit=1)
        if not rows:
            raise typer.BadParameter("the database holds no story yet; run `parallax ingest` first")
        story = rows[0].id
    dossier = store.dossier(story)
    if dossier is None:
        console.print(f"[red]error:[/] {E_STORY_NOT_FOUND.format(story=story)}")
        raise typer.Exit(2)
    if as_json:
        typer.echo(json.dumps(export_dossier(dossier), ensure_ascii=False, indent=2))
    else:
        print_dossier(out, dossier, store)


@app.command()
def export(
    stories_: Annotated[bool, typer.Option("--stories", help="One dossier a line instead of one article a line.")] = False,
    output: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file instead of stdout.")] = None,
    db: DbOption = None,
) -> None:
    """Write JSON Lines: one article a line (the DESIGN contract), or one dossier a line."""
    from .export import export_article, export_dossier

    store = open_store(_db(db), must_exist=True)
    if stories_:
        records = (export_dossier(d) for d in store.iter_dossiers())
    else:
        records = (export_article(item, story, group) for item, story, group in store.iter_articles())
    stream = output.open("w", encoding="utf-8") if output else sys.stdout
    count = 0
    try:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if output:
            stream.close()
    if output:
        console.print(f"wrote {count} {'stories' if stories_ else 'articles'} to {output}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Server processes (one per core is a good start).", min=1)] = 1,
    db: DbOption = None,
) -> None:
    """Serve the web UI and the JSON API (OpenAPI at /docs).

    Listening on 127.0.0.1 (the default), writes (ingest) are open to this
    machine; elsewhere they need PARALLAX_API_KEY.
    """
    import uvicorn

    from .web import create_app

    open_store(_db(db), must_exist=True).close()
    console.print(f"Parallax on http://{host}:{port}  (database {display_db(_db(db))}; API docs at /docs)")
    if workers > 1:
        # Worker processes build the app themselves, from the environment.
        os.environ["PARALLAX_DB"], os.environ["PARALLAX_HOST"] = _db(db) if is_url(_db(db)) else str(Path(_db(db)).resolve()), host
        uvicorn.run("parallax.web.app:app_from_env", factory=True, host=host, port=port, workers=workers, log_level="warning")
    else:
        uvicorn.run(create_app(_db(db), host=host), host=host, port=port, log_level="warning")


def run() -> None:
    try:
        app()
    except ParallaxError as exc:
        console.print(f"[red]error:[/] {exc}")
        sys.exit(2)


if __name__ == "__main__":
    run()
