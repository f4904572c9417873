"""events.plover.json: PLOVER/POLECAT-style records traceable to their sentences."""
from __future__ import annotations

import json

from newsweave.report.exports import render_export


def test_report_plover_records(analysis):
    data = json.loads(render_export(analysis, "plover"))
    assert data["format"] == "newsweave-plover"
    recs = {r["event_id"]: r for r in data["events"]}
    assert set(recs) == {e.id for e in analysis.events}
    strike = recs["ev-airstrike"]
    assert strike["event_type"] == "ASSAULT" and strike["mode"] == "aerial"
    assert strike["actor"]["name"] == "United States Africa Command"
    assert strike["recipient"]["id"] == "al-shabaab"
    assert strike["location"]["country"] == "SO" and strike["location"]["lat"] == 0.4883
    assert strike["story_ids"] == ["gar-004", "hol-001", "sonna-002", "voa-003"]
    assert set(strike["context"]) == {"military", "political_violence"}
    docs = {d.id: d.text for d in analysis.documents}
    for m in strike["mentions"]:
        assert docs[m["doc"]][m["start"]:m["end"]] == m["text"]
    assert recs["ev-threat"]["location"] is None and recs["ev-threat"]["context"] == []
