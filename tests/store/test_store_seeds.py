"""End to end on the sample corpus: three runs over parts of it give what one run over all of it gives."""
from __future__ import annotations

import json
import pathlib

import pytest

from newsweave import runner
from newsweave.config import Options
from newsweave.store import Store

pytestmark = pytest.mark.model


@pytest.fixture
def analysis_json_only(monkeypatch):
    """Outputs: analysis.json only (the reports are tested with the report stage)."""
    import newsweave.report
    from newsweave.report.analysis_json import write_analysis_json

    monkeypatch.setattr(newsweave.report, "write_outputs", lambda analysis, out: {"analysis.json": write_analysis_json(analysis, out)})


def _canonical(result):
    """Events, claims and disagreements with event ids replaced by the event's mention ids.

    Event ids themselves may differ: an event stored by an earlier run keeps the id it
    got then, where a single run names it after its smallest mention overall.
    """
    key = {e.id: tuple(sorted(m.id for m in e.mentions)) for e in result.events}
    events = sorted(json.dumps({**e.as_dict(), "id": key[e.id]}, sort_keys=True) for e in result.events)
    claims = sorted(json.dumps({**c.as_dict(), "event": key.get(c.event, c.event)}, sort_keys=True) for c in result.claims)
    disagreements = sorted(
        json.dumps({**d.as_dict(), "event": key.get(d.event, d.event)}, sort_keys=True) for d in result.disagreements
    )
    return events, claims, disagreements


def _run(paths, db, out):
    code = runner.run_analyze([str(p) for p in paths], Options(db=db, out=str(out), quiet=True))
    assert code == 0
    return json.loads((out / "analysis.json").read_text())


def test_store_seeds_in_batches_equal_one_run(seeds_dir, tmp_path, analysis_json_only, nlp):
    seeds = sorted(pathlib.Path(seeds_dir).glob("*.txt"))
    assert len(seeds) >= 5
    once_db, parts_db = f"sqlite:///{tmp_path / 'once.db'}", f"sqlite:///{tmp_path / 'parts.db'}"
    _run(seeds, once_db, tmp_path / "once")
    outs = [_run(part, parts_db, tmp_path / f"part{i}") for i, part in
            enumerate(([seeds[0], seeds[3]], [seeds[1]], [seeds[2], seeds[4]]))]

    with Store(once_db) as once, Store(parts_db) as parts:
        a, b = once.load_results(), parts.load_results()
        events, claims, disagreements = _canonical(a)
        assert events and claims
        assert _canonical(b) == (events, claims, disagreements)
        assert once.load_analyses() == parts.load_analyses()

        # outputs of a later run cover the events its documents report, with their older documents
        second = outs[1]
        docs = {d["id"] for d in second["documents"]}
        assert seeds[1].stem in docs
        for ev in second["events"]:
            assert set(ev["documents"]) <= docs
        assert any(set(ev["documents"]) & {seeds[0].stem, seeds[3].stem} for ev in second["events"]), \
            "a later article should join events stored by the first run"

        # running again changes nothing
        before = (parts.counts(), parts.load_results(), parts.event_ids_by_mention())
        _run(seeds, parts_db, tmp_path / "again")
        assert (parts.counts(), parts.load_results(), parts.event_ids_by_mention()) == before
