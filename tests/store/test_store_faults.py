"""Faults: a writer killed with SIGKILL mid-way, and two writers at once."""
from __future__ import annotations

import os
import pathlib
import signal
import sqlite3
import subprocess
import sys
import threading

import pytest
import sqlalchemy as sa

from newsweave.store import Store, StoreBusy

WRITER = pathlib.Path(__file__).resolve().parent / "store_writer.py"
BATCHES, SIZE = 12, 20


def _writer(url: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WRITER), url, str(BATCHES), str(SIZE)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_store_survives_sigkill_mid_run(store_url):
    proc = _writer(store_url)
    committed = 0
    try:
        for line in proc.stdout:
            if line.startswith("committed"):
                committed += 1
                if committed == 3:  # the 4th batch is being built or written right now
                    break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read()
    assert committed == 3

    if store_url.startswith("sqlite"):
        path = store_url.removeprefix("sqlite:///")
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with Store(store_url) as store:
        count = store.document_count()
        # no committed batch is lost, and no batch is half there
        assert count >= committed * SIZE and count % SIZE == 0
        assert len(store.load_analyses()) == count

    # the next run completes, storing only what is missing
    proc = _writer(store_url)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    added = sum(int(line.split()[2]) for line in out.splitlines() if line.startswith("committed"))
    with Store(store_url) as store:
        assert store.document_count() == BATCHES * SIZE == count + added


def _hold_write_lock(store: Store, holding: threading.Event, release: threading.Event) -> None:
    with store._write() as conn:
        conn.execute(sa.text("select 1"))
        holding.set()
        release.wait(30)


def test_store_second_writer_fails_cleanly_after_timeout(store_url, store_factory):
    first = Store(store_url)
    holding, release = threading.Event(), threading.Event()
    t = threading.Thread(target=_hold_write_lock, args=(first, holding, release))
    t.start()
    try:
        assert holding.wait(30)
        second = Store(store_url, timeout=0.3, migrate=False)
        with pytest.raises(StoreBusy, match="is busy: another newsweave run"):
            second.add_analyses([store_factory.make_analysis(1)])
        # reading goes on while the other run writes (what `serve` does)
        assert second.document_count() == 0
        second.close()
    finally:
        release.set()
        t.join()
        first.close()
    with Store(store_url) as store:
        assert store.add_analyses([store_factory.make_analysis(1)]) == 1


def test_store_second_writer_waits_for_the_first(store_url, store_factory):
    first = Store(store_url)
    holding, release = threading.Event(), threading.Event()
    t = threading.Thread(target=_hold_write_lock, args=(first, holding, release))
    t.start()
    try:
        assert holding.wait(30)
        second = Store(store_url, timeout=60, migrate=False)
        timer = threading.Timer(0.5, release.set)
        timer.start()
        assert second.add_analyses([store_factory.make_analysis(2)]) == 1  # waited, then wrote
        assert release.is_set()
        second.close()
    finally:
        release.set()
        t.join()
        first.close()


def test_store_uses_wal_on_sqlite(tmp_path):
    path = tmp_path / "wal.db"
    Store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
