"""The quality gate: figures below their pinned floors fail (newsweave eval gate)."""
import json

import pytest
from click.testing import CliRunner

from newsweave.cli import main
from newsweave.eval.gate import ROOT_FLOORS, Check, compare, format_table, load_floors


def test_eval_gate_compare_and_table():
    floors = {"a.f1": {"floor": 0.5, "note": "x"}, "b.f1": 0.9, "c.missing": {"floor": 0.1}}
    checks = {c.figure: c for c in compare({"a.f1": 0.5, "b.f1": 0.8}, floors)}
    assert checks["a.f1"].ok
    assert not checks["b.f1"].ok
    assert not checks["c.missing"].ok and checks["c.missing"].value == 0.0
    table = format_table(list(checks.values()))
    assert "BELOW FLOOR" in table and "a.f1" in table


def test_eval_gate_floors_file_is_complete():
    data = load_floors(str(ROOT_FLOORS))
    assert data["samples"]["ecbplus"]["topics"] and data["samples"]["gva"]["incidents"]
    assert data["history"], "every change of a floor needs a history entry"
    for name, spec in data["floors"].items():
        assert 0.0 <= spec["floor"] <= 1.0, name
        assert spec["note"] and spec["set"], f"{name} needs a note and a date"
        assert spec["floor"] <= spec["measured"], f"{name}: floor above its own measurement"
    assert "ecbplus.gold.conll_f1" in data["floors"] and "gva.bcubed_f1" in data["floors"]


def test_eval_gate_exit_code_when_below_floor(tmp_path):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"samples": {}, "floors": {"x.f1": {"floor": 0.5, "note": "t", "set": "t"}}}))
    res = CliRunner().invoke(main, ["eval", "gate", "--floors", str(floors), "--datasets", str(tmp_path)])
    assert res.exit_code == 1
    assert "BELOW FLOOR" in res.output


@pytest.mark.model
def test_eval_gate_passes_on_the_pinned_sample(shared_dir):
    datasets = shared_dir / "datasets"
    if not (datasets / "ecbplus").exists() or not (datasets / "gva-dev").exists():
        pytest.skip("benchmark datasets not available")
    res = CliRunner().invoke(main, ["eval", "gate", "--datasets", str(datasets)])
    assert res.exit_code == 0, res.output
    assert "gate passed" in res.output
