"""A folder of bad and hostile inputs beside good ones, through the real command line.

``newsweave analyze`` must name every bad file on stderr (one line each: path and
reason, never a traceback), analyse every good one, exit 0, leave the store
intact, and give the same output when the folder is analysed again.
"""
from __future__ import annotations

import csv
import html
import io
import json
import os
import pathlib
import sqlite3
import subprocess
import sys

import pytest

_KIT = pathlib.Path(__file__).resolve().parent / "trust_inputs.py"


def _load_kit():
    import importlib.util

    name = "newsweave_trust_inputs"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, _KIT)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


_kit = _load_kit()
EXPECTED_BAD, EXPECTED_GOOD = _kit.EXPECTED_BAD, _kit.EXPECTED_GOOD
build_bad_folder, integrity = _kit.build_bad_folder, _kit.integrity

pytestmark = pytest.mark.model

HOSTILE_MARKUP = ('<script>alert("x")</script>', "<img src=x onerror=alert(1)>", 'href="javascript:alert(2)"', "<iframe")


def _analyze(cwd: pathlib.Path, db: pathlib.Path, out: str, *extra: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "newsweave", "analyze", "in", "--manifest", "in/manifest.csv",
           "--db", f"sqlite:///{db}", "--out", out, *extra]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600)


def _skipped(stderr: str) -> dict[str, list[str]]:
    """``where`` (relative to the input folder) -> reasons, from the ``skipped`` lines."""
    out: dict[str, list[str]] = {}
    for line in stderr.splitlines():
        if line.startswith("newsweave: skipped "):
            where, _, reason = line.removeprefix("newsweave: skipped ").partition(": ")
            out.setdefault(where.removeprefix("in/"), []).append(reason)
    return out


def _documents(db: pathlib.Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, content_hash, text FROM documents ORDER BY id").fetchall()


def _without_generated_at(path: pathlib.Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("generated_at", None)
    return data


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Three runs: twice into one store, once into a fresh store."""
    root = tmp_path_factory.mktemp("trust-bad")
    build_bad_folder(root)
    first = _analyze(root, root / "a.db", "out1")
    docs_after_first = _documents(root / "a.db")
    second = _analyze(root, root / "a.db", "out2")
    fresh = _analyze(root, root / "b.db", "out3")
    return root, first, docs_after_first, second, fresh


def test_trust_bad_inputs_exit_zero_and_no_traceback(runs):
    root, *procs = runs
    procs = [p for p in procs if isinstance(p, subprocess.CompletedProcess)]
    for proc in procs:
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
        for line in proc.stderr.splitlines():
            assert line.startswith("newsweave: "), f"stray stderr line: {line!r}"


def test_trust_bad_inputs_every_bad_file_named_with_its_reason(runs):
    _, first, _, _, _ = runs
    skipped = _skipped(first.stderr)
    for where, words in EXPECTED_BAD.items():
        assert where in skipped, f"{where} not named on stderr; named: {sorted(skipped)}"
        assert any(words.lower() in reason.lower() for reason in skipped[where]), (where, skipped[where])
    # nothing good is named, and nothing is named that is not bad
    unexpected = {w for w in skipped if w not in EXPECTED_BAD and not w.startswith("bad/")}
    assert not unexpected, unexpected
    for where, reasons in skipped.items():
        assert all(reason.strip() and "\n" not in reason for reason in reasons), (where, reasons)


def test_trust_bad_inputs_every_good_file_analysed(runs):
    root, first, _, _, _ = runs
    docs = {d["id"]: d for d in json.loads((root / "out1" / "analysis.json").read_text())["documents"]}
    assert set(docs) == EXPECTED_GOOD
    assert docs["checkpoint"]["outlet"] == "Frontier Post"  # the manifest's good row still applies
    # mixed encodings: the UTF-8 part and the stray Latin-1 bytes are both read right
    mixed = docs["mixed_encoding"]["text"]
    assert "café district" in mixed and "délégué" in mixed


def test_trust_bad_inputs_store_intact_and_runs_identical(runs):
    root, first, docs_after_first, second, fresh = runs
    assert integrity(str(root / "a.db")) == [("ok",)]
    assert integrity(str(root / "b.db")) == [("ok",)]
    assert {d[0] for d in docs_after_first} == EXPECTED_GOOD
    assert _documents(root / "a.db") == docs_after_first  # the second run changed no stored article
    assert "7 of 7 articles already stored" in second.stderr
    out1 = _without_generated_at(root / "out1" / "analysis.json")
    assert _without_generated_at(root / "out2" / "analysis.json") == out1
    assert _without_generated_at(root / "out3" / "analysis.json") == out1
    # the CSV differs only in ACLED's upload timestamp column, the run's own time
    csv1, csv3 = (list(csv.DictReader(io.StringIO((root / o / "events.csv").read_text()))) for o in ("out1", "out3"))
    for row in csv1 + csv3:
        row.pop("timestamp", None)
    assert csv1 == csv3


def test_trust_bad_inputs_hostile_markup_never_live_in_the_brief(runs):
    root, *_ = runs
    brief = (root / "out1" / "brief.html").read_text(encoding="utf-8")
    for markup in HOSTILE_MARKUP:
        assert markup not in brief, markup
    # the text is still there, shown as text
    assert html.escape('<script>alert("x")</script>', quote=False) in brief or "&lt;script&gt;" in brief


def test_trust_bad_inputs_debug_shows_traceback_only_for_bugs(tmp_path):
    """Bad inputs are not bugs: even with --debug, they are one line each."""
    build_bad_folder(tmp_path)
    proc = _analyze(tmp_path, tmp_path / "d.db", "out", "--debug", "-q")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert set(_skipped(proc.stderr)) >= set(EXPECTED_BAD)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file; an unreadable file cannot be made")
def test_trust_unreadable_file_is_named(tmp_path):
    from newsweave.config import Options
    from newsweave.ingest import read_inputs
    from newsweave.records import InputProblem

    path = tmp_path / "locked.txt"
    path.write_text("Nobody may read this file.")
    path.chmod(0)
    items = list(read_inputs([str(tmp_path)], Options()))
    assert [str(i) for i in items if isinstance(i, InputProblem)] == [f"{path}: permission denied"]
