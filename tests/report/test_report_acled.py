"""events.csv has ACLED's columns in ACLED's order, filled where known and empty where not."""
from __future__ import annotations

import csv
import io

import pytest

from newsweave.records import Entity
from newsweave.report.acled import ACLED_COLUMNS, acled_rows, events_csv, inter_code, interaction
from newsweave.report.exports import render_export

EXPECTED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_report_acled_columns_exact(analysis):
    text = events_csv(analysis, timestamp=1700000000)
    header = next(csv.reader(io.StringIO(text)))
    assert header == EXPECTED_COLUMNS == list(ACLED_COLUMNS)


def test_report_acled_row_values(analysis):
    rows = {r["event_id_cnty"]: r for r in _rows(events_csv(analysis, timestamp=1700000000))}
    assert len(rows) == 3  # only events with an ACLED type: the threat and the condemnation are left out
    strike = next(r for r in rows.values() if r["sub_event_type"] == "Air/drone strike")
    assert strike["event_date"] == "2023-03-14" and strike["year"] == "2023" and strike["time_precision"] == "1"
    assert strike["disorder_type"] == "Political violence"
    assert strike["actor1"] == "United States Africa Command" and strike["inter1"] == "1"
    assert strike["actor2"] == "Harakat al-Shabaab al-Mujahideen" and strike["inter2"] == "2"
    assert strike["interaction"] == "12"
    assert strike["iso"] == "706" and strike["country"] == "Somalia" and strike["region"] == "Eastern Africa"
    assert strike["admin1"] == "Middle Juba" and strike["location"] == "Jilib"
    assert float(strike["latitude"]) == pytest.approx(0.4883) and strike["geo_precision"] == "1"
    assert strike["source"] == "Garowe Online; Hiiraan Online; Somali National News Agency; Voice of America"
    assert strike["fatalities"] == "5" and strike["timestamp"] == "1700000000"
    assert strike["event_id_cnty"].startswith("SOM")
    assert strike["admin2"] == strike["tags"] == strike["source_scale"] == ""
    background = next(r for r in rows.values() if r["event_type"] == "Battles")
    assert background["time_precision"] == "3" and background["geo_precision"] == "2" and background["iso"] == "404"


def test_report_acled_all_events_and_unknowns_empty(analysis):
    rows = acled_rows(analysis, include_all=True, timestamp=1)
    assert len(rows) == 5
    threat = next(r for r in rows if r["event_id_cnty"].endswith("ev-threat"))
    assert threat["event_type"] == "" and threat["country"] == "" and threat["latitude"] == "" and threat["fatalities"] == ""
    assert threat["time_precision"] == "2"


def test_report_acled_inter_codes_from_data():
    ents = {"gov": Entity("gov", "Government of Iraq", "GOVERNMENT")}
    assert inter_code(Entity("a", "Popular Front", "ARMED_GROUP"), ents) == 2
    assert inter_code(Entity("b", "Hashd Brigade", "ARMED_GROUP", affiliation="gov"), ents) == 3
    assert inter_code(Entity("c", "Protesters (Chile)", "OTHER"), ents) == 6
    assert inter_code(Entity("d", "Civilians (Mali)", "OTHER"), ents) == 7
    assert inter_code(Entity("e", "Police Forces of Kenya", "ORGANIZATION"), ents) == 1
    assert inter_code(Entity("f", "Reuters", "MEDIA"), ents) is None
    assert interaction(1, 2) == "12" and interaction(7, 2) == "27" and interaction(2, None) == "20" and interaction(None, None) == ""


def test_report_acled_formula_cells_defused(analysis):
    analysis.events[0].summary = "=HYPERLINK(\"http://x\")"
    rows = _rows(events_csv(analysis, timestamp=1))
    assert any(r["notes"].startswith("'=HYPERLINK") for r in rows)
    assert all(not r["notes"].startswith("=") for r in rows)
    assert any(r["latitude"].startswith("-") for r in rows)  # numbers keep their sign


def test_report_acled_loads_in_pandas(analysis):
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(io.StringIO(render_export(analysis, "csv")))
    assert list(df.columns) == EXPECTED_COLUMNS
    assert len(df) == 3
    assert set(df["iso"]) == {706, 404}
    assert df["fatalities"].sum() == 8
