"""The per-incident scoring of ``newsweave eval gva`` on a hand-built analysis."""
import datetime as dt

import pytest

from newsweave.eval.gva import score
from newsweave.records import Analysis, DateRange, Event, EventMention, Place, Span


def _mention(doc: str, start: int = 0) -> EventMention:
    trig = Span(doc, start, start + 4, "shot")
    return EventMention(id=f"{doc}:{start}", doc=doc, type="ASSAULT", trigger=trig, sentence=trig)


def _event(eid: str, docs: list[str], place: str, day: dt.date, killed: int) -> Event:
    return Event(id=eid, type="ASSAULT", mode="firearms", acled=None, date=DateRange(day, day, "day"),
                 place=place, documents=docs, mentions=[_mention(d) for d in docs],
                 fatalities={"low": killed, "high": killed, "best": killed})


def _place(pid: str, lat: float, lon: float) -> Place:
    return Place(id=pid, name=pid, lat=lat, lon=lon, country="US", kind="city")


def test_eval_gva_score_incidents_without_coordinates_are_not_scored_on_place():
    day = dt.date(2017, 3, 4)
    analysis = Analysis(documents=[], entities=[], places=[_place("p1", 40.0, -75.0), _place("p2", 30.0, -90.0)],
                        events=[_event("e1", ["a", "b"], "p1", day, 1), _event("e2", ["c"], "p2", day, 0)],
                        claims=[], disagreements=[])
    incidents = [
        {"incident_id": "1", "doc_ids": ["a", "b"], "date": "March 4, 2017", "num_killed": 1, "num_injured": 0,
         "lat_long": [40.1, -75.1]},
        {"incident_id": "2", "doc_ids": ["c"], "date": "March 4, 2017", "num_killed": 0, "num_injured": 0,
         "lat_long": None},
    ]
    gold = {"a": "1", "b": "1", "c": "2"}
    result = score(analysis, incidents, gold)
    assert result.bcubed_f1 == pytest.approx(1.0)
    assert result.killed == 1.0 and result.date == 1.0
    assert result.place == 1.0 and result.place_scored == 1
    assert result.place_strict == pytest.approx(0.5)
    assert "place" not in result.failures


def test_eval_gva_score_far_place_is_a_failure():
    day = dt.date(2017, 3, 4)
    analysis = Analysis(documents=[], entities=[], places=[_place("p1", 40.0, -75.0)],
                        events=[_event("e1", ["a"], "p1", day, 2)], claims=[], disagreements=[])
    incidents = [{"incident_id": "1", "doc_ids": ["a"], "date": "March 5, 2017", "num_killed": 1,
                  "num_injured": 0, "lat_long": [41.0, -75.0]}]  # 111 km north
    result = score(analysis, incidents, {"a": "1"})
    assert result.place == 0.0 and result.killed == 0.0 and result.date == 0.0
    assert [f[0] for f in result.failures["place"]] == ["1"]
