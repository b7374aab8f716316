"""A PostgreSQL server for the store's tests: the one named by $PARALLAX_TEST_POSTGRES,
else a throwaway cluster started from Debian's `postgresql` binaries for this session.
Tests that need it are skipped, with the reason, only when PostgreSQL is not installed."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import time
import tempfile
import uuid
from pathlib import Path

import pytest

ENV_URL = "PARALLAX_TEST_POSTGRES"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the `postgres` user then."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@pytest.fixture(scope="session")
def postgres_server():
    """A server URL (without a database name) that lets us create databases."""
    if os.environ.get(ENV_URL):
        yield os.environ[ENV_URL]
        return
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.skip("PostgreSQL is not installed (Debian package `postgresql`), so the PostgreSQL store is not tested")
    bindir = os.path.dirname(found[-1])
    # Not under pytest's temp folder: that is private to our user, and the
    # server may have to run as `postgres`.
    folder = Path(tempfile.mkdtemp(prefix="parallax-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
    subprocess.run(_as_server_user([f"{bindir}/initdb", "-D", str(data), "-U", "parallax", "-A", "trust",
                                    "--no-sync", "-E", "UTF8"]),
                   check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(_as_server_user([
        f"{bindir}/postgres", "-D", str(data), "-p", str(port), "-k", str(folder),
        "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off",
    ]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"postgresql://parallax@127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("the test PostgreSQL server did not start")
            time.sleep(0.1)
    yield url
    server.terminate()
    server.wait(timeout=30)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture()
def postgres_url(postgres_server):
    """A new, empty database on the test server, dropped after the test."""
    import psycopg

    name = f"parallax_{uuid.uuid4().hex[:12]}"
    admin = postgres_server.rstrip("/") + "/postgres"
    for attempt in range(50):  # the server may still be finishing its start-up
        try:
            conn = psycopg.connect(admin, autocommit=True)
            break
        except psycopg.OperationalError:
            if attempt == 49:
                raise
            time.sleep(0.2)
    with conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{postgres_server.rstrip('/')}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
