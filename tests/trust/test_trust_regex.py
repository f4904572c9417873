"""No input makes a run take time far beyond its size: regular expressions free of
catastrophic backtracking, and per-article work that stays near-linear.

Each check runs in a subprocess under a generous timeout (never a timing assertion):
a pattern that backtracks catastrophically does not finish at all.
"""
from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

SCRIPT = pathlib.Path(__file__).resolve().parent / "trust_regex_run.py"


def _run(*args: str, timeout: float) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"{SCRIPT.name} {' '.join(args)} did not finish in {timeout:.0f}s: catastrophic backtracking "
                    f"or quadratic work; output so far: {exc.stdout!r} {exc.stderr!r}")


def test_trust_regex_patterns_and_functions_on_adversarial_strings():
    proc = _run(timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "patterns:" in proc.stdout and "function runs:" in proc.stdout, proc.stdout
    print(proc.stdout)


@pytest.mark.model
def test_trust_regex_whole_extraction_on_adversarial_articles():
    proc = _run("--model", timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "model articles:" in proc.stdout, proc.stdout
    print(proc.stdout)


@pytest.mark.model
def test_trust_extraction_linear_in_one_long_trigger_sentence():
    proc = _run("--trigger-sentence", "60000", timeout=90)
    assert proc.returncode == 0, proc.stderr[-3000:]
