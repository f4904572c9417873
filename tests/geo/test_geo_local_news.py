"""Local US news: datelines, police forces, counties, outlets, surnames and streets, and namesakes
picked from the article's own context: other places, area codes, forces (no spaCy model)."""
from __future__ import annotations

import re

import pytest

from newsweave.geo import distance_km, find_places_in_text
from newsweave.geo.find import outlet_region, phone_regions
from newsweave.geo.normalize import name_key


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


# ---------------------------------------------------------------- namesakes


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


@pytest.mark.parametrize("text,county,lat,lon", [
    # a state named by a name that is also a country's still places a county
    ("A toddler in Dodge County shot herself in the leg, deputies said. The Georgia Bureau of "
     "Investigation was called.", "Dodge County", 32.17, -83.17),
    # the state named after the county, in another sentence
    ("Jackson County deputies say a 13-year-old died. He lived in rural north Georgia.", "Jackson County", 34.13, -83.57),
    ("One teen was killed in Lincoln County. Mississippi investigators are looking for a second man.",
     "Lincoln County", 31.53, -90.45),
])
def test_geo_local_news_county_takes_the_state_the_article_spells_out(gaz, text: str, county: str, lat: float,
                                                                      lon: float) -> None:
    assert near(gaz, places(gaz, text, [])[county], lat, lon, km=60)


def test_geo_local_news_county_states_skip_names_inside_longer_names(gaz) -> None:
    from newsweave.geo.find import county_states

    text = "Deputies from Washington County and Georgia Avenue. Ohio Co. officials. He moved to Iowa."
    assert county_states(text, gaz) == frozenset({("US", "Iowa")})
    assert ("US", "Washington") in county_states("He grew up in Washington state.", gaz)
    assert county_states("They met in Washington.", gaz) == frozenset()  # the capital
