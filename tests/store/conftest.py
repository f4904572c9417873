"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server.

The server comes from ``NEWSWEAVE_TEST_PG_URL`` (``.ci/postgres.sh`` starts one
and prints it).  Without it, the fixture starts a throwaway server with that
script when PostgreSQL's binaries are installed (``NEWSWEAVE_TEST_PG_AUTOSTART=0``
turns this off); PostgreSQL tests are skipped, with the reason, only when no
server can be had.
"""
from __future__ import annotations

import importlib.util
import os
import pathlib
import subprocess
import sys
import uuid

import pytest

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCRIPT = ROOT / ".ci" / "postgres.sh"

_spec = importlib.util.spec_from_file_location("store_factory", HERE / "store_factory.py")
factory = importlib.util.module_from_spec(_spec)
sys.modules["store_factory"] = factory
_spec.loader.exec_module(factory)


@pytest.fixture(scope="session")
def store_factory():
    """The helper module that builds DocAnalysis records by hand (``make_analysis``, ``fake_fuse``)."""
    return factory


@pytest.fixture(scope="session")
def pg_server_url():
    """URL of a PostgreSQL server for the tests, or a skip reason (a str starting with 'skip:')."""
    url = os.environ.get("NEWSWEAVE_TEST_PG_URL")
    if url:
        yield url
        return
    if os.environ.get("NEWSWEAVE_TEST_PG_AUTOSTART", "1") == "0":
        yield "skip: NEWSWEAVE_TEST_PG_URL is not set and autostart is off"
        return
    if not list(pathlib.Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        yield "skip: NEWSWEAVE_TEST_PG_URL is not set and no PostgreSQL server is installed (run .ci/postgres.sh)"
        return
    proc = subprocess.run(["bash", str(SCRIPT)], cwd=ROOT, capture_output=True, text=True, timeout=180,
                          env={**os.environ, "PYTHON": sys.executable})
    exports = dict(
        line.removeprefix("export ").split("=", 1) for line in proc.stdout.splitlines() if line.startswith("export ")
    )
    if proc.returncode != 0 or "NEWSWEAVE_TEST_PG_URL" not in exports:
        yield f"skip: could not start PostgreSQL: {proc.stderr.strip().splitlines()[-1:] or proc.returncode}"
        return
    try:
        yield exports["NEWSWEAVE_TEST_PG_URL"]
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", exports.get("NEWSWEAVE_TEST_PG_DATA", "")], cwd=ROOT,
                       capture_output=True, timeout=120)


def _fresh_pg_database(server_url: str):
    try:
        import psycopg
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'psycopg[binary]==3.3.9')")
    from sqlalchemy.engine import make_url

    base = make_url(server_url)
    name = "nw_" + uuid.uuid4().hex[:12]
    conninfo = dict(host=base.host, port=base.port, user=base.username, password=base.password, dbname=base.database)
    with psycopg.connect(**conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = base.set(database=name).render_as_string(hide_password=False)
    return url, conninfo, name


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """A URL of an empty store, on each backend (the PostgreSQL ones are marked ``postgres``)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    pg_server_url = request.getfixturevalue("pg_server_url")
    if pg_server_url.startswith("skip:"):
        pytest.skip(pg_server_url[5:].strip())
    import psycopg

    url, conninfo, name = _fresh_pg_database(pg_server_url)
    yield url
    with psycopg.connect(**conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
