"""The engine that runs per-article work must not change the analysis.

One worker, ``--workers 2`` (forked processes) and ``--engine dask`` (a LocalCluster
of two workers) run over the same sample: the seeds plus twenty gva-dev articles.
Their analysis.json files must be equal, apart from the time they were generated.
"""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pytest

pytestmark = pytest.mark.model

N_GVA = 20


def _sample(tmp: pathlib.Path, seeds_dir: pathlib.Path, shared_dir: pathlib.Path) -> list[str]:
    src = shared_dir / "datasets" / "gva-dev" / "docs.jsonl"
    if not src.exists():
        pytest.skip(f"gva-dev not found at {src}")
    out = tmp / "gva.jsonl"
    with open(src, encoding="utf-8") as fh, open(out, "w", encoding="utf-8") as w:
        n = 0
        for line in fh:
            d = json.loads(line)
            if not (d.get("content") or "").strip():
                continue
            w.write(json.dumps({"id": d["doc_id"], "text": d["content"], "published": d["dct"], "url": d["uri"],
                                "title": d["title"]}) + "\n")
            n += 1
            if n == N_GVA:
                break
    return [str(seeds_dir), str(out)]


def _analyze(inputs: list[str], tmp: pathlib.Path, name: str, *extra: str) -> dict:
    out = tmp / name
    cmd = [sys.executable, "-m", "newsweave", "analyze", *inputs, "--out", str(out),
           "--db", f"sqlite:///{tmp / (name + '.db')}", "-q", *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900, env={**os.environ})
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    data.pop("generated_at", None)
    return data


@pytest.fixture(scope="module")
def runs(tmp_path_factory, seeds_dir, shared_dir):
    tmp = tmp_path_factory.mktemp("engines")
    inputs = _sample(tmp, seeds_dir, shared_dir)
    return tmp, inputs, _analyze(inputs, tmp, "one")


def test_engine_two_workers_equal_one(runs):
    tmp, inputs, one = runs
    assert one["events"], "the sample should give events"
    two = _analyze(inputs, tmp, "two", "--workers", "2")
    assert two == one


def test_engine_dask_equal_one(runs):
    pytest.importorskip("distributed")
    tmp, inputs, one = runs
    dask = _analyze(inputs, tmp, "dask", "--engine", "dask", "--workers", "2")
    assert dask == one
