"""``newsweave eval gate``: the quality gate CI runs.

Like trafilatura's evaluation gate: a fixed small sample of each public benchmark is
run through the whole system and every figure is compared with a pinned floor in
``bench/eval_floors.json``.  A figure below its floor fails the gate (non-zero exit,
and the ``tests/eval/test_eval_gate.py`` test fails), so a change that makes
newsweave measurably worse cannot slip in unnoticed.

Floors are raised as the system improves and lowered only with a reason recorded
in the file's ``history``; each floor carries the date and the reason it was set.
The sample is fixed by the floors file itself (``samples``), so floors and sample
always travel together.
"""
from __future__ import annotations

import json
import os
import pathlib
from dataclasses import dataclass
from typing import Optional

_ROOT = pathlib.Path(__file__).resolve().parents[3]
ROOT_FLOORS = _ROOT / "bench" / "eval_floors.json"


@dataclass
class Check:
    figure: str
    value: float
    floor: float
    note: str = ""

    @property
    def ok(self) -> bool:
        # a tiny tolerance for float noise only; floors are set below the measured value
        return self.value + 1e-9 >= self.floor

    def as_dict(self) -> dict:
        return {"figure": self.figure, "value": round(self.value, 4), "floor": self.floor, "ok": self.ok, "note": self.note}


def default_paths(floors: Optional[str] = None, datasets: Optional[str] = None) -> tuple[str, str]:
    """The floors file and the datasets folder: arguments, else ``$NEWSWEAVE_DATASETS``,
    else ``bench/eval_floors.json`` and ``../shared/datasets`` next to the checkout."""
    floors = floors or str(ROOT_FLOORS)
    datasets = datasets or os.environ.get("NEWSWEAVE_DATASETS") or str(_ROOT.parent / "shared" / "datasets")
    return floors, datasets


def load_floors(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if "floors" not in data or "samples" not in data:
        raise ValueError(f"{path} has no 'floors' or 'samples' section")
    return data


def measure(samples: dict, datasets: str) -> dict[str, float]:
    """Run the sample evaluations and return every figure by its dotted name."""
    figures: dict[str, float] = {}
    ecb = samples.get("ecbplus")
    if ecb:
        from newsweave.eval.ecbplus import run_ecbplus

        modes = ("gold", "e2e") if ecb.get("mode", "both") == "both" else (ecb["mode"],)
        results = run_ecbplus(os.path.join(datasets, "ecbplus"), ecb.get("topics", "36-37"), modes,
                              (ecb.get("doc_clusters", "newsweave"),))
        for r in results:
            name = "gold" if r.mode.startswith("gold") else "e2e"
            for k, v in r.scores.as_dict().items():
                figures[f"ecbplus.{name}.{k}"] = v
            if name == "e2e":
                figures["ecbplus.e2e.mention_recall"] = r.extra["mention_recall"]
                figures["ecbplus.e2e.mention_precision"] = r.extra["mention_precision"]
    gva = samples.get("gva")
    if gva:
        from newsweave.eval.gva import run_gva

        result, _ = run_gva(os.path.join(datasets, "gva-dev"), gva.get("incidents", 60))
        for k in ("bcubed_p", "bcubed_r", "bcubed_f1", "killed", "injured", "date", "place"):
            figures[f"gva.{k}"] = float(getattr(result, k))
    return figures


def compare(figures: dict[str, float], floors: dict) -> list[Check]:
    """One check per floor; a floor whose figure was not measured fails (value 0)."""
    checks = []
    for name, spec in sorted(floors.items()):
        floor = spec["floor"] if isinstance(spec, dict) else float(spec)
        note = spec.get("note", "") if isinstance(spec, dict) else ""
        checks.append(Check(figure=name, value=figures.get(name, 0.0), floor=float(floor), note=note))
    return checks


def run_gate(floors_path: str, datasets: str) -> list[Check]:
    data = load_floors(floors_path)
    if not os.path.isdir(datasets):
        raise FileNotFoundError(f"datasets folder {datasets} not found (set NEWSWEAVE_DATASETS or pass --datasets)")
    return compare(measure(data["samples"], datasets), data["floors"])


def format_table(checks: list[Check]) -> str:
    width = max([len(c.figure) for c in checks] + [6])
    lines = [f"{'figure':<{width}}  {'value':>7}  {'floor':>7}  status"]
    for c in checks:
        lines.append(f"{c.figure:<{width}}  {c.value:7.3f}  {c.floor:7.3f}  {'ok' if c.ok else 'BELOW FLOOR'}")
    return "\n".join(lines)
