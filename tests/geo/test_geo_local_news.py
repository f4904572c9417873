"""Local US news: datelines, police forces, counties, outlets, surnames and streets (no spaCy model)."""
from __future__ import annotations

import re

import pytest

from newsweave.geo import distance_km, find_places_in_text, load_gazetteer
from newsweave.geo.find import outlet_region
from newsweave.geo.normalize import name_key


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def ents(text: str, *names: str, label: str = "GPE") -> list[tuple[int, int, str]]:
    out = []
    for name in names:
        out += [(m.start(), m.end(), label) for m in re.finditer(re.escape(name), text)]
    return out


def places(gaz, text: str, spans, url: str | None = None) -> dict[str, str]:
    found = find_places_in_text(text, spans, gaz, "t", url=url)
    for pm in found:
        assert text[pm.span.start : pm.span.end] == pm.span.text
    return {pm.span.text: pm.place for pm in found}


def near(gaz, place_id: str, lat: float, lon: float, km: float = 40) -> bool:
    p = gaz.get(place_id)
    return p is not None and distance_km(p.lat, p.lon, lat, lon) <= km


def test_geo_local_news_abbreviations_share_a_key() -> None:
    assert name_key("St. Louis") == name_key("Saint Louis")
    assert name_key("Mt. Pleasant") == name_key("Mount Pleasant")
    assert name_key("Port St. Lucie") == name_key("Port Saint Lucie")
    assert name_key("St") == "st"  # a bare abbreviation is left alone


def test_geo_local_news_dateline_state_without_point(gaz) -> None:
    text = "MEMPHIS, Tenn -- Police are searching for the men who shot five people."
    found = places(gaz, text, [(15, 19, "PERSON")])
    assert near(gaz, found["MEMPHIS"], 35.15, -90.05)


@pytest.mark.parametrize("text,name,lat,lon", [
    ("McALLEN — A man was shot on Sunday.", "McALLEN", 26.20, -98.23),
    ("Lubbock — A man was shot on Sunday.", "Lubbock", 33.58, -101.86),
])
def test_geo_local_news_mixed_and_title_case_datelines(gaz, text: str, name: str, lat: float, lon: float) -> None:
    assert near(gaz, places(gaz, text, [])[name], lat, lon)


def test_geo_local_news_police_force_names_its_town(gaz) -> None:
    found = places(gaz, "Lubbock police are investigating after a 16-year-old was shot.", [])
    assert near(gaz, found["Lubbock"], 33.58, -101.86)


def test_geo_local_news_sentence_words_before_police_are_not_places(gaz) -> None:
    text = "The man fled. But police said he was found. Raw: Police officers were called."
    assert places(gaz, text, []) == {}


def test_geo_local_news_county_fixes_the_state_of_a_town_named_before_it(gaz) -> None:
    text = "A Mt. Pleasant teen was charged on Monday, Westmoreland County prosecutors said."
    found = places(gaz, text, ents(text, "Mt. Pleasant", "Westmoreland County"))
    assert gaz.get(found["Westmoreland County"]).admin1 == "Pennsylvania"
    town = gaz.get(found["Mt. Pleasant"])
    assert town.admin1 == "Pennsylvania" and town.kind == "city"


def test_geo_local_news_surname_is_not_a_place(gaz) -> None:
    text = "Deputies said Robert Cardona shot his wife. Cardona fled in a truck."
    spans = ents(text, "Robert Cardona", label="PERSON") + [(text.rindex("Cardona"), text.rindex("Cardona") + 7, "GPE")]
    assert places(gaz, text, spans) == {}


def test_geo_local_news_place_cue_beats_a_namesake_person(gaz) -> None:
    text = "Atkinson recently moved to Santa Cruz from Texas, wrote Nicole Santa Cruz."
    person = text.index("Nicole")
    spans = [(text.index("Santa Cruz"), text.index("Santa Cruz") + 10, "GPE"), (person, person + 17, "PERSON")]
    found = places(gaz, text, spans)
    assert list(found) == ["Santa Cruz", "Texas"] or "Santa Cruz" in found


def test_geo_local_news_street_is_not_a_town(gaz) -> None:
    text = "The woman was shot while walking on San Fernando Street in Laredo, Texas."
    found = places(gaz, text, ents(text, "San Fernando", "Laredo", "Texas"))
    assert "San Fernando" not in found
    assert near(gaz, found["Laredo"], 27.53, -99.49)


def test_geo_local_news_dc_abbreviation(gaz) -> None:
    text = "D.C. police are investigating a shooting."
    assert near(gaz, places(gaz, text, ents(text, "D.C."))["D.C."], 38.90, -77.03)


@pytest.mark.parametrize("url,region", [
    ("http://web.archive.org/web/2016/http://www.fox5atlanta.com/news/1", ("US", "Georgia")),
    ("https://www.mysanantonio.com/news/local/a.php", ("US", "Texas")),
    ("http://limaohio.com/news/206779/teen", ("US", "Ohio")),
    ("http://www.wral.com/story/1", None),
    (None, None),
])
def test_geo_local_news_outlet_region_from_the_web_address(gaz, url, region) -> None:
    assert outlet_region(url, gaz) == region


def test_geo_local_news_outlet_region_picks_the_namesake(gaz) -> None:
    text = "LIMA — A 17-year-old boy is lucky to be alive after he was shot."
    found = places(gaz, text, [], url="http://limaohio.com/news/1/teen")
    assert gaz.get(found["LIMA"]).admin1 == "Ohio"
    found = places(gaz, text, [])
    assert gaz.get(found["LIMA"]).country == "PE"


def test_geo_local_news_town_after_a_place_preposition(gaz) -> None:
    text = "The man was killed in a shooting in Idaho Falls on Sunday, police said."
    found = places(gaz, text, [])
    assert near(gaz, found["Idaho Falls"], 43.49, -112.03)


def test_geo_local_news_cue_skips_other_entities(gaz) -> None:
    text = "He was shot in June and spoke in Spanish."
    spans = ents(text, "June", label="DATE") + ents(text, "Spanish", label="NORP")
    assert places(gaz, text, spans) == {}
