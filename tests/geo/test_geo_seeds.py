"""Geocoding with the spaCy model: the sample articles and seed-like sentences.

Expected coordinates are world knowledge, independent of the gazetteer: a name
counts as right when it is placed within 50 km of them.
"""
from __future__ import annotations

import pytest

from newsweave.geo import distance_km, find_places
from newsweave.records import Article

pytestmark = pytest.mark.model

# name (as the articles spell it, lower-cased) -> (lat, lon)
EXPECTED = {
    "deir ez-zor": (35.33, 40.14),
    "deir ezzor": (35.33, 40.14),
    "deir al-zour": (35.33, 40.14),
    "al-omar oil field": (35.0, 40.5),
    "al-omar field": (35.0, 40.5),
    "hasaka": (36.50, 40.75),
    "baghdad": (33.31, 44.37),
    "irbil province": (36.19, 44.01),
    "diyala": (33.77, 44.90),
    "rome": (41.90, 12.50),
    "al-qaim": (34.37, 41.09),
    "hawija sakr": (35.34, 40.17),
    "iraq-syria border": (34.40, 41.00),
    "iraqi-syrian border": (34.40, 41.00),
    "baghdad airport": (33.26, 44.23),
    "syria": (35.0, 38.5),
    "iraq": (33.0, 43.5),
}


@pytest.fixture(scope="module")
def seed_places(nlp, gaz, seeds_dir):
    found: dict[str, list[str]] = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = Article(id=path.stem, source=str(path), text=text)
        for pm in find_places(nlp(text), article, gaz):
            assert text[pm.span.start : pm.span.end] == pm.span.text
            found.setdefault(pm.span.text.lower(), []).append(pm.place)
    return found


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_geo_seeds_names_near_the_right_place(seed_places, gaz, name: str) -> None:
    assert name in seed_places, f"{name!r} was not geocoded"
    lat, lon = EXPECTED[name]
    km = 400 if name in ("syria", "iraq") else 50
    for place_id in seed_places[name]:
        place = gaz.get(place_id)
        assert distance_km(place.lat, place.lon, lat, lon) <= km, (name, place)


def test_geo_seeds_nothing_far_from_the_region(seed_places, gaz) -> None:
    """Toponyms the articles use for the Middle East stay there (no namesakes abroad)."""
    for name, ids in seed_places.items():
        for place_id in ids:
            place = gaz.get(place_id)
            if place.country in ("IQ", "SY"):
                assert 29 < place.lat < 38 and 35 < place.lon < 49, (name, place)


def test_geo_seeds_sentences(nlp, gaz) -> None:
    text = (
        "BAGHDAD (AP) — A drone struck near Erbil airport on Tuesday, a day after rockets hit "
        "the Ain al-Asad air base in western Anbar province. Militias near the Syrian border town "
        "of Albu Kamal were targeted by U.S. jets, and Kurdish officials in Sulaymaniyah condemned it."
    )
    article = Article(id="t", source="t", text=text)
    got = {pm.span.text: gaz.get(pm.place) for pm in find_places(nlp(text), article, gaz)}
    expected = {
        "BAGHDAD": (33.31, 44.37),
        "Erbil airport": (36.24, 43.96),
        "Ain al-Asad air base": (33.79, 42.44),
        "Albu Kamal": (34.45, 40.92),
        "Sulaymaniyah": (35.56, 45.43),
    }
    for name, (lat, lon) in expected.items():
        assert name in got, f"{name!r} not geocoded in {sorted(got)}"
        assert distance_km(got[name].lat, got[name].lon, lat, lon) <= 50, (name, got[name])
    assert got["U.S."].kind == "country" and got["U.S."].country == "US"
