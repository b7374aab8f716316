"""``ingest --watch``: files are taken once they stop changing, and ingested by a pipeline kept open."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time

from typer.testing import CliRunner

from parallax.cli import app
from parallax.watch import FolderWatch, keep_watching

from .conftest import SEED_A, SEED_B


def _touch(path, text: str, mtime_ns: int) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_a_file_is_taken_once_it_holds_still_for_a_poll(tmp_path):
    folder = FolderWatch([str(tmp_path)])
    folder.take_all()
    page = tmp_path / "a.txt"
    _touch(page, "first half", 1_000)
    assert folder.poll() == []  # new: wait one poll, it may still be written
    _touch(page, "first half and the rest", 2_000)
    assert folder.poll() == []  # it changed since: wait again
    assert folder.poll() == [page]
    assert folder.poll() == []  # taken, unchanged
    _touch(page, "first half and the rest, and a page appended", 3_000)
    assert folder.poll() == []
    assert folder.poll() == [page]  # grown: read again (its stored pages are skipped as such)


def test_files_there_at_the_start_belong_to_the_first_run(tmp_path):
    (tmp_path / "old.txt").write_text("already here", encoding="utf-8")
    (tmp_path / "notes.pdf").write_text("not a page", encoding="utf-8")
    folder = FolderWatch([str(tmp_path)])
    folder.take_all()
    assert folder.poll() == [] and folder.poll() == []


def test_keep_watching_ingests_what_lands_in_the_folder(tmp_path, make_db):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEED_A, inbox / SEED_A.name)
    pipeline = make_db()
    folder = FolderWatch([str(inbox)])
    folder.take_all()
    assert pipeline.ingest([str(inbox)]).articles_stored == 1
    reports, stop = [], threading.Event()
    thread = threading.Thread(target=keep_watching, args=(pipeline, folder),
                              kwargs={"interval": 0.05, "on_report": reports.append, "stop": stop})
    thread.start()
    try:
        shutil.copy(SEED_B, inbox / SEED_B.name)
        deadline = time.monotonic() + 60
        while not reports and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not thread.is_alive()
    assert [(r.articles_stored, len(r.stories_touched)) for r in reports] == [(1, 1)]
    assert pipeline.store.count_stories() == 1  # the second outlet's page joined the first's story


def test_watch_refuses_stdin(tmp_path):
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "x.db"), "ingest", "--watch", "-"])
    assert result.exit_code == 2 and "cannot watch stdin" in result.output


def test_the_command_ingests_what_lands_and_stops_on_sigterm(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEED_A, inbox / SEED_A.name)
    db = tmp_path / "w.db"
    command = [sys.executable, "-c", "from parallax.cli import run; run()",
               "--db", str(db), "ingest", "--watch", "--interval", "0.2", str(inbox)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "COLUMNS": "200"})
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()

    def wait_for(text: str) -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if text in lines.get(timeout=1):
                    return
            except queue.Empty:
                continue
        process.kill()
        raise AssertionError(f"no line with {text!r}")

    try:
        wait_for("watching")
        shutil.copy(SEED_B, inbox / SEED_B.name)
        wait_for("articles stored: 1")  # the second page, in a stamped line of its own
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
    wait_for("stopped watching")
    result = CliRunner().invoke(app, ["--db", str(db), "stories", "--json"])
    assert [json.loads(line)["n_articles"] for line in result.output.splitlines()] == [2]
