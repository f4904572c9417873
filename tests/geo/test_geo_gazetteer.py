"""The gazetteer index: ids, records, lookups, distances."""
from __future__ import annotations

import pickle

import pytest

from newsweave.geo import distance_km
from newsweave.geo.normalize import name_key


def test_geo_gazetteer_distance_haversine() -> None:
    assert distance_km(0, 0, 0, 0) == 0
    # one degree of latitude is about 111.2 km
    assert distance_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.2)
    # London - Paris, about 344 km
    assert distance_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(344, abs=5)


def test_geo_gazetteer_get_geonames_city(gaz) -> None:
    place = gaz.get("geonames:98182")
    assert place is not None
    assert place.name == "Baghdad" and place.kind == "city" and place.country == "IQ"
    assert place.geonames_id == 98182 and place.admin1
    assert distance_km(place.lat, place.lon, 33.31, 44.37) < 10
    assert gaz.country_of("geonames:98182") == "IQ"


def test_geo_gazetteer_get_unknown_is_none(gaz) -> None:
    assert gaz.get("geonames:0") is None
    assert gaz.country_of("nw:no-such-place") is None


def test_geo_gazetteer_supplement_ids_are_slugs(gaz) -> None:
    place = gaz.get("nw:al-omar-oil-field")
    assert place is not None and place.kind == "facility" and place.country == "SY"


def test_geo_gazetteer_every_kind_is_known(gaz) -> None:
    kinds = {row[0] for row in gaz._con.execute("SELECT DISTINCT kind FROM places")}
    assert kinds <= {"city", "admin1", "admin2", "country", "facility", "region", "border"}
    missing = gaz._con.execute("SELECT count(*) FROM places WHERE lat IS NULL OR lon IS NULL OR country IS NULL").fetchone()[0]
    assert missing == 0


def test_geo_gazetteer_country_aliases(gaz) -> None:
    for alias in ("U.S.", "America", "Britain", "UK"):
        kinds = {(c.kind, c.country) for c in gaz.by_name(alias)}
        assert ("country", "US" if alias in ("U.S.", "America") else "GB") in kinds


def test_geo_gazetteer_us_states_and_admin1(gaz) -> None:
    states = gaz.us_states()
    assert states["KY"].name == "Kentucky" and states["KY"].kind == "admin1"
    assert any(c.kind == "admin1" and c.country == "IQ" for c in gaz.by_name("Anbar"))


def test_geo_gazetteer_fuzzy_spelling(gaz) -> None:
    found = gaz.fuzzy(name_key("Deir Ezor"))
    assert any(distance_km(c.lat, c.lon, 35.33, 40.14) < 50 for c in found)
    assert gaz.fuzzy(name_key("Xqzw")) == ()


def test_geo_gazetteer_pickles_as_path(gaz) -> None:
    again = pickle.loads(pickle.dumps(gaz))
    assert again.path == gaz.path
    assert again.get("geonames:98182").name == "Baghdad"


def test_geo_gazetteer_supplement_rows_are_well_formed() -> None:
    """Every supplement row has a known kind, a country, and coordinates in (or beside) it."""
    import json

    import reverse_geocode

    from newsweave.geo.build import KINDS, input_paths, read_csv

    countries = json.loads(input_paths()["countries"].read_text(encoding="utf-8"))
    rows = read_csv("places_supplement.csv")
    assert len(rows) >= 150
    assert len({r["name"] for r in rows}) == len(rows)
    nearest = reverse_geocode.search([(float(r["lat"]), float(r["lon"])) for r in rows])
    for row, near_ in zip(rows, nearest):
        assert row["kind"] in KINDS and row["source"], row
        assert row["country"] in countries, row
        ok = {row["country"], *countries[row["country"]]["neighbours"].split(",")}
        # sea areas (straits) may lie nearest to a town across the water
        assert near_["country_code"] in ok or row["kind"] == "region", (row["name"], near_)
