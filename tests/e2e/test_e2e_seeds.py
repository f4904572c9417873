"""End to end on the sample corpus: the contract, offsets, and a golden digest.

The golden digest (tests/golden/seeds_digest.json) records what a reader checks:
entities with their aliases, places with coordinates, and events by type, documents
and date.  Regenerate it with NEWSWEAVE_UPDATE_GOLDEN=1 after an intended change and
read the diff.
"""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "seeds_digest.json"
SCHEMA = ROOT.parent / "shared" / "spec" / "analysis.schema.json"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def run(tmp_path_factory, seeds_dir):
    out = tmp_path_factory.mktemp("seeds")
    cmd = [sys.executable, "-m", "newsweave", "analyze", str(seeds_dir), "--out", str(out / "o"),
           "--db", f"sqlite:///{out}/store.db", "-q"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    analysis = json.loads((out / "o" / "analysis.json").read_text(encoding="utf-8"))
    return out, analysis


def test_e2e_outputs_exist_and_validate(run):
    out, analysis = run
    for name in ("analysis.json", "brief.md", "brief.html", "events.csv", "events.geojson"):
        assert (out / "o" / name).exists(), name
    if SCHEMA.exists():
        jsonschema = pytest.importorskip("jsonschema")
        errors = list(jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text())).iter_errors(analysis))
        assert not errors, errors[0].message


def test_e2e_every_span_gives_back_its_text(run, seeds_dir):
    _, analysis = run
    raw = {p.stem: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    spans = [m for g in ("entities", "places", "events") for x in analysis[g] for m in x["mentions"]]
    spans += [{"doc": c["doc"], "start": c["start"], "end": c["end"], "text": c["quote"]} for c in analysis["claims"]]
    assert spans
    bad = [s for s in spans if raw[s["doc"]][s["start"]:s["end"]] != s["text"]]
    assert not bad, bad[:3]
    for d in analysis["documents"]:
        for r in d["removed"]:
            assert 0 <= r["start"] < r["end"] <= len(raw[d["id"]])


def _entity(analysis, alias):
    hits = [e for e in analysis["entities"] if alias in e["aliases"] or e["name"] == alias]
    return hits


@pytest.mark.parametrize("variants", [
    ("Kataib Sayyid al-Shuhada", "Kata’ib Sayyid al-Shuhada"),
    ("Kataib Hezbollah", "Kata’ib Hezbollah", "Iraqi Hezbollah Brigades"),
    ("Mustafa al-Kadhimi", "Mustafa Al-Kazemi", "Kadhimi"),
    ("Antony Blinken", "Anthony Blinken"),
])
def test_e2e_actors_named_differently_are_one_entity(run, variants):
    _, analysis = run
    ids = {e["id"] for v in variants for e in _entity(analysis, v)}
    assert len(ids) == 1, (variants, ids)


def _top_airstrike(analysis):
    strikes = [e for e in analysis["events"] if e["type"] == "ASSAULT" and e["mode"] in ("aerial", "drone")]
    return max(strikes, key=lambda e: (len(e["documents"]), e["id"]))


def test_e2e_airstrike_is_one_event_reported_by_several_outlets(run):
    _, analysis = run
    top = _top_airstrike(analysis)
    assert len(top["documents"]) >= 3
    assert top["merge_reasons"]
    assert any(c["event"] == top["id"] and c["attribute"] == "killed" for c in analysis["claims"])


def test_e2e_airstrike_carries_every_outlets_toll_and_their_disagreement(run):
    _, analysis = run
    top = _top_airstrike(analysis)
    # every outlet of the sample reports the weekend strikes, and each gives a toll
    assert len(top["documents"]) == 5
    killed = [c for c in analysis["claims"] if c["event"] == top["id"] and c["attribute"] == "killed"]
    assert {c["doc"] for c in killed} == set(top["documents"])
    assert len({c["value"] for c in killed}) >= 3
    # most tolls carry their source (a militia, the monitor, officials, a correspondent)
    assert sum(1 for c in killed if c["attributed_to"]) >= 4
    assert any(d["event"] == top["id"] and d["attribute"] == "killed" for d in analysis["disagreements"])


def digest(analysis) -> dict:
    places = {p["id"]: p for p in analysis["places"]}
    return {
        "entities": sorted([e["name"], e["type"], sorted(e["aliases"])] for e in analysis["entities"] if len({m["doc"] for m in e["mentions"]}) > 1),
        "places": sorted([p["name"], p["country"], p["kind"], round(p["lat"] or 0, 1), round(p["lon"] or 0, 1)] for p in analysis["places"]),
        "events": sorted([e["type"], e["mode"] or "", e["documents"], e["date"]["start"] or "", (places.get(e["place"]) or {}).get("name") or ""]
                         for e in analysis["events"] if len(e["documents"]) > 1 or e["type"] == "ASSAULT"),
    }


def test_e2e_golden_digest(run):
    _, analysis = run
    got = digest(analysis)
    if os.environ.get("NEWSWEAVE_UPDATE_GOLDEN") or not GOLDEN.exists():
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        if not os.environ.get("NEWSWEAVE_UPDATE_GOLDEN"):
            pytest.fail("golden digest was missing; written now, review and commit it")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))
