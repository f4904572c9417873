"""``newsweave analyze`` killed with SIGKILL at random moments, 20 times, on one store.

Each run gets new articles on top of the stored ones, so kills land in every
phase (start-up, model load, reading, extraction batches, fusion, writing
outputs).  After every kill the store must pass ``PRAGMA integrity_check``,
still hold every article it held before (same content), and have gained only
whole batches; a last run without a kill must then complete the job.
"""
from __future__ import annotations

import os
import pathlib
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.model

KILLS = 20
MAX_ATTEMPTS = 30  # a run that ends before its kill moment does not count; bounded retries
NEW_PER_RUN = 150  # over two batches of 64, so a kill can fall between two commits
BATCH = 64  # newsweave.runner.BATCH_ARTICLES, the store's unit of commit
SEED = int(os.environ.get("NEWSWEAVE_TRUST_SEED", "20260"))


def _write_articles(folder: pathlib.Path, start: int, n: int, rng: random.Random) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    verbs = ["attacked", "shelled", "raided", "ambushed"]
    targets = ["a police post", "an army convoy", "a village", "a market"]
    for i in range(start, start + n):
        (folder / f"r{i:05d}.txt").write_text(
            f"Report number {i}\n\nGunmen {rng.choice(verbs)} {rng.choice(targets)} near the town of Site{i} on Monday, "
            f"killing {rng.randint(1, 40)} people, officials said. The attackers fled after the assault.\n"
        )


def _run(cwd: pathlib.Path, db: pathlib.Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "newsweave", "analyze", "in", "--db", f"sqlite:///{db}", "--out", "out", "-q"],
        cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )


def _stored(db: pathlib.Path) -> dict[str, str]:
    if not db.exists():
        return {}
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "documents" not in tables:
            return {}
        return dict(conn.execute("SELECT id, content_hash FROM documents"))


def _count(db: pathlib.Path) -> int:
    try:
        with sqlite3.connect(db, timeout=0.1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # no store or table yet, or busy: nothing seen
        return -1


def _wait_for_commit(proc: subprocess.Popen, db: pathlib.Path, n_before: int, timeout: float) -> bool:
    """Wait until the run has committed a batch (the store holds more documents); False if it ended first."""
    end = time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        if _count(db) > n_before:
            return True
        time.sleep(0.05)
    return False


def test_trust_sigkill_never_costs_a_committed_article(tmp_path):
    rng = random.Random(SEED)
    db = tmp_path / "store.db"
    folder = tmp_path / "in"
    n_written = 0

    # one run to the end: its duration bounds the random moments of the kills
    _write_articles(folder, n_written, NEW_PER_RUN, rng)
    n_written += NEW_PER_RUN
    t0 = time.monotonic()
    proc = _run(tmp_path, db)
    _, err = proc.communicate(timeout=600)
    full = time.monotonic() - t0  # kill moments are drawn from (0, full)
    assert proc.returncode == 0, err
    assert len(_stored(db)) == n_written

    log = []
    kills = attempts = 0
    while kills < KILLS:
        attempts += 1
        assert attempts <= MAX_ATTEMPTS, f"only {kills} of {attempts - 1} runs could be killed before they ended: {log}"
        _write_articles(folder, n_written, NEW_PER_RUN, rng)
        n_written += NEW_PER_RUN
        before = _stored(db)
        proc = _run(tmp_path, db)
        t0 = time.monotonic()
        # start-up and the model load take most of a run: every other kill waits for the
        # run's first commit, then falls a little later (batches, fusion, outputs)
        after_commit = attempts % 2 == 0 and _wait_for_commit(proc, db, len(before), timeout=600)
        delay = rng.uniform(0.0, 0.3 * full) if after_commit else rng.uniform(0.05, full)
        try:
            proc.wait(timeout=delay)
            finished = True
            if not after_commit:
                full = min(full, time.monotonic() - t0)  # runs got faster: kill earlier from now on
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=60)
            finished = False
            kills += 1
        err = proc.stderr.read()
        if finished:
            assert proc.returncode == 0, err
        else:
            assert proc.returncode == -signal.SIGKILL, err
        after = _stored(db)  # asserts integrity_check == ok
        lost = {i: h for i, h in before.items() if after.get(i) != h}
        assert not lost, f"a kill after {delay:.2f}s lost or changed stored articles: {sorted(lost)[:5]}"
        gained = len(after) - len(before)
        pending = n_written - len(before)
        # each batch is one transaction: a kill keeps whole batches only
        assert gained == pending or gained % BATCH == 0, (delay, gained, pending)
        moment = f"{'commit+' if after_commit else ''}{delay:.2f}s"
        log.append((moment, "finished" if finished else "killed", gained))
    print(f"sigkill: {kills} kills in {attempts} runs; (moment, outcome, articles gained): {log}")

    # a last run completes what the killed ones left
    proc = _run(tmp_path, db)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert len(_stored(db)) == n_written
    from newsweave.store import Store

    with Store(f"sqlite:///{db}") as store:
        assert store.document_count() == n_written
        assert len(store.load_analyses()) == n_written
