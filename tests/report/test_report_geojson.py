"""events.geojson is valid GeoJSON (RFC 7946): a FeatureCollection of Point features."""
from __future__ import annotations

import json
import math

import jsonschema

from newsweave.report.exports import render_export
from newsweave.report.geojson import events_geojson

# the parts of RFC 7946 this export uses
GEOJSON_SCHEMA = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "id": {"type": ["string", "number"]},
                    "geometry": {
                        "type": "object",
                        "required": ["type", "coordinates"],
                        "properties": {
                            "type": {"const": "Point"},
                            "coordinates": {"type": "array", "minItems": 2, "maxItems": 3,
                                            "items": {"type": "number"}},
                        },
                    },
                    "properties": {"type": ["object", "null"]},
                },
            },
        },
    },
}


def check_geojson(data: dict) -> None:
    """Schema plus the rules a schema cannot say: lon/lat order and ranges, finite numbers."""
    jsonschema.validate(data, GEOJSON_SCHEMA)
    for f in data["features"]:
        lon, lat = f["geometry"]["coordinates"][:2]
        assert math.isfinite(lon) and math.isfinite(lat)
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_report_geojson_valid(analysis):
    data = json.loads(render_export(analysis, "geojson"))
    check_geojson(data)
    ids = [f["properties"]["id"] for f in data["features"]]
    assert "ev-threat" not in ids  # no place, no feature
    assert len(ids) == 4


def test_report_geojson_properties(analysis):
    data = events_geojson(analysis)
    strike = next(f for f in data["features"] if f["id"] == "ev-airstrike")
    assert strike["geometry"]["coordinates"] == [42.7854, 0.4883]  # [lon, lat]
    p = strike["properties"]
    assert p["type"] == "ASSAULT" and p["mode"] == "aerial" and p["acled_sub_event_type"] == "Air/drone strike"
    assert p["date"] == "2023-03-14" and p["date_precision"] == "day" and p["fatalities"] == 5
    assert p["documents"] == ["gar-004", "hol-001", "sonna-002", "voa-003"]
    assert p["place"] == "Jilib" and p["summary"].startswith("United States Africa Command")


def test_report_geojson_checker_rejects_swapped_coordinates():
    bad = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [10.0, 200.0]}, "properties": {}}]}
    try:
        check_geojson(bad)
    except AssertionError:
        return
    raise AssertionError("a latitude of 200 must be rejected")
