"""Namesakes picked from the article's own context: other places, area codes, forces (no spaCy model)."""
from __future__ import annotations

import re

import pytest

from newsweave.geo import distance_km, find_places_in_text, load_gazetteer
from newsweave.geo.find import phone_regions


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def ents(text: str, *names: str, label: str = "GPE") -> list[tuple[int, int, str]]:
    out = []
    for name in names:
        out += [(m.start(), m.end(), label) for m in re.finditer(re.escape(name), text)]
    return out


def places(gaz, text: str, spans) -> dict[str, str]:
    return {pm.span.text: pm.place for pm in find_places_in_text(text, spans, gaz, "t")}


def near(gaz, place_id: str, lat: float, lon: float, km: float = 40) -> bool:
    p = gaz.get(place_id)
    return p is not None and distance_km(p.lat, p.lon, lat, lon) <= km


def test_geo_namesakes_phone_regions_read_local_area_codes(gaz) -> None:
    assert phone_regions("Call police at 717-846-1234 or (909) 395-2869.", gaz) == {
        ("US", "Pennsylvania"), ("US", "California")}
    assert phone_regions("Call 1-800-222-1222 or 911.", gaz) == set()  # toll-free: no region


def test_geo_namesakes_area_code_picks_the_state(gaz) -> None:
    text = "A woman was shot in Springfield on Sunday. Anyone with information should call 937-324-7716."
    assert near(gaz, places(gaz, text, ents(text, "Springfield"))["Springfield"], 39.92, -83.81)


def test_geo_namesakes_county_sits_with_the_other_places(gaz) -> None:
    text = "Deputies said the boy was shot in Bath County and flown to a hospital in Roanoke."
    found = places(gaz, text, ents(text, "Bath County", "Roanoke"))
    assert near(gaz, found["Bath County"], 38.06, -79.73, km=60)


def test_geo_namesakes_no_foreign_town_in_a_one_country_story(gaz) -> None:
    text = "Memphis police said the man was shot in Whitehaven late Sunday."
    found = places(gaz, text, ents(text, "Memphis", "Whitehaven"))
    assert near(gaz, found["Memphis"], 35.15, -90.05)
    assert "Whitehaven" not in found or gaz.get(found["Whitehaven"]).country == "US"


def test_geo_namesakes_home_reading_beats_a_capital_abroad(gaz) -> None:
    text = "A man was shot in Lima on Friday, and a suspect was arrested later in Findlay, Ohio."
    found = places(gaz, text, ents(text, "Lima", "Findlay"))
    assert near(gaz, found["Lima"], 40.74, -84.11)


def test_geo_namesakes_world_news_keeps_its_country(gaz) -> None:
    text = "A car bomb exploded in Hillah, south of Baghdad, Iraqi officials said."
    found = places(gaz, text, ents(text, "Hillah", "Baghdad"))
    assert gaz.get(found["Hillah"]).country == "IQ"


def test_geo_namesakes_police_force_names_a_town_not_a_province(gaz) -> None:
    text = "Ontario police said two people were hurt in the shooting."
    found = places(gaz, text, [])
    assert gaz.get(found["Ontario"]).kind == "city"


def test_geo_namesakes_block_of_names_a_street(gaz) -> None:
    text = "The shooting occurred in the 3700 block of Cambridge, police said."
    assert "Cambridge" not in places(gaz, text, ents(text, "Cambridge"))


def test_geo_namesakes_force_named_by_ner_and_pattern_is_a_town(gaz) -> None:
    text = "Ontario police said a man was shot in Ontario, according to an Ontario police news release."
    spans = [(0, 7, "ORG"), (38, 45, "GPE"), (63, 70, "GPE")]
    found = find_places_in_text(text, spans, gaz, "t")
    assert found and all(gaz.get(pm.place).kind == "city" and gaz.get(pm.place).country == "US" for pm in found)


def test_geo_namesakes_street_names_are_not_places(gaz) -> None:
    text = "Shots were fired at Second Street and Bissell Avenue in Richmond."
    assert "Second Street" not in places(gaz, text, ents(text, "Second Street", "Richmond"))


def test_geo_namesakes_compass_districts_are_not_places(gaz) -> None:
    text = "Officers from the Southwest District responded to the shooting."
    assert places(gaz, text, ents(text, "Southwest District")) == {}


def test_geo_namesakes_lone_town_without_context(gaz) -> None:
    text = "The Beebe Police Department said a child died after a shooting in Beebe Friday morning."
    found = places(gaz, text, [(0, 27, "ORG")])
    assert near(gaz, found["Beebe"], 35.07, -91.88)


def test_geo_namesakes_weekday_after_a_cue_is_not_part_of_the_name(gaz) -> None:
    from newsweave.geo.find import _matchers

    text = "a shooting in Beebe Friday morning and another in Sunday School"
    spans = [text[s:e] for s, e in _matchers(gaz).cues(text)]
    assert spans == ["Beebe"]


def test_geo_namesakes_institution_names_are_places_only_near_the_others(gaz) -> None:
    text = ("A man shot his family in Louisville on Sunday. A priest at Saint Michael's Catholic Church said "
            "they were members. They were taken to a Louisville hospital.")
    found = places(gaz, text, ents(text, "Louisville", "Saint Michael"))
    assert "Saint Michael" not in found
    assert near(gaz, found["Louisville"], 38.25, -85.76)
