"""Toponym resolution on hand-made entity spans (no spaCy model)."""
from __future__ import annotations

import re

import pytest

from newsweave.geo import collect_places, distance_km, find_places_in_text
from newsweave.records import Article, DocAnalysis


def ents(text: str, *names: str, label: str = "GPE") -> list[tuple[int, int, str]]:
    """Entity spans for every occurrence of each name."""
    out = []
    for name in names:
        out += [(m.start(), m.end(), label) for m in re.finditer(re.escape(name), text)]
    return out


def places(gaz, text: str, spans) -> dict[str, str]:
    found = find_places_in_text(text, spans, gaz, "t")
    for pm in found:
        assert text[pm.span.start : pm.span.end] == pm.span.text
    return {pm.span.text: pm.place for pm in found}


def near(gaz, place_id: str, lat: float, lon: float, km: float = 50) -> bool:
    p = gaz.get(place_id)
    return p is not None and distance_km(p.lat, p.lon, lat, lon) <= km


def test_geo_resolve_georgia_is_the_state_beside_us_cities(gaz) -> None:
    text = "Police in Atlanta and Savannah said the suspect fled Georgia."
    found = places(gaz, text, ents(text, "Atlanta", "Savannah", "Georgia"))
    assert gaz.get(found["Georgia"]).kind == "admin1"
    assert gaz.get(found["Georgia"]).country == "US"


def test_geo_resolve_georgia_alone_is_the_country(gaz) -> None:
    text = "Russia and Georgia fought a short war over South Ossetia."
    found = places(gaz, text, ents(text, "Russia", "Georgia"))
    assert gaz.get(found["Georgia"]).kind == "country"
    assert found.get("South Ossetia", "nw:south-ossetia") == "nw:south-ossetia"


def test_geo_resolve_large_city_wins_without_context(gaz) -> None:
    text = "Officials met in Rome after strikes in Iraq, the United States said."
    found = places(gaz, text, ents(text, "Rome", "Iraq", "the United States"))
    assert near(gaz, found["Rome"], 41.9, 12.5)
    assert "the United States" not in found and gaz.get(found["United States"]).country == "US"


def test_geo_resolve_city_state_pattern_fixes_the_state(gaz) -> None:
    text = "PORTLAND, Maine (AP) - A man was shot. Police in Portland said."
    found = find_places_in_text(text, ents(text, "Portland"), gaz, "t")
    portland = [pm for pm in found if pm.span.text.lower() == "portland"]
    assert len(portland) == 2
    for pm in portland:
        assert near(gaz, pm.place, 43.66, -70.26)
    assert any(gaz.get(pm.place).kind == "admin1" and pm.span.text == "Maine" for pm in found)


def test_geo_resolve_ap_abbreviation(gaz) -> None:
    text = "The shooting happened in Springfield, Ill., on Sunday."
    found = places(gaz, text, [])
    assert near(gaz, found["Springfield"], 39.80, -89.64)
    assert gaz.get(found["Ill."]).name == "Illinois"


def test_geo_resolve_state_named_elsewhere(gaz) -> None:
    text = "A Kentucky man was arrested in Lexington on Friday."
    found = places(gaz, text, ents(text, "Kentucky", "Lexington"))
    assert near(gaz, found["Lexington"], 38.04, -84.50)


def test_geo_resolve_supplement_facility_without_ner(gaz) -> None:
    text = "Rockets hit the al-Omar oil field, and later the Al-Omar field again."
    found = places(gaz, text, [])
    assert found["al-Omar oil field"] == "nw:al-omar-oil-field"
    assert found["Al-Omar field"] == "nw:al-omar-oil-field"


def test_geo_resolve_supplement_beats_partial_ner(gaz) -> None:
    text = "US forces at the Ain al-Asad air base were attacked."
    found = places(gaz, text, [(text.index("the Ain"), text.index(" air"), "FAC")])
    assert found == {"Ain al-Asad air base": "nw:ain-al-asad-air-base"}


@pytest.mark.parametrize(
    "phrase",
    ["the Iraqi-Syrian border", "the Iraq-Syria border region", "the border between Iraq and Syria", "the Syrian-Iraqi border area"],
)
def test_geo_resolve_border_phrases(gaz, phrase: str) -> None:
    text = f"Airstrikes hit militias on {phrase} overnight."
    found = find_places_in_text(text, [], gaz, "t")
    assert [pm.place for pm in found] == ["nw:iraq-syria-border"]
    assert not found[0].span.text.startswith("the ")


@pytest.mark.parametrize(
    "name,lat,lon",
    [("Deir ez-Zor", 35.33, 40.14), ("Deir Ezzor", 35.33, 40.14), ("Deir al-Zour", 35.33, 40.14), ("Dayr az Zawr", 35.33, 40.14),
     ("Irbil", 36.19, 44.01), ("Erbil", 36.19, 44.01), ("al-Qa'im", 34.37, 41.09), ("Hasaka", 36.50, 40.75)],
)
def test_geo_resolve_spelling_variants(gaz, name: str, lat: float, lon: float) -> None:
    text = f"Fighting was reported in {name}, sources in Syria and Iraq said."
    found = places(gaz, text, ents(text, name, "Syria", "Iraq"))
    assert near(gaz, found[name], lat, lon)


def test_geo_resolve_province_of_a_city(gaz) -> None:
    text = "Drones hit a hangar in Irbil province in Iraq."
    found = places(gaz, text, ents(text, "Irbil province", "Iraq"))
    assert gaz.get(found["Irbil province"]).kind == "admin1"
    assert near(gaz, found["Irbil province"], 36.19, 44.01, km=60)


def test_geo_resolve_capital_not_its_governorate(gaz) -> None:
    text = "Protesters gathered in Baghdad."
    found = places(gaz, text, ents(text, "Baghdad"))
    assert gaz.get(found["Baghdad"]).kind == "city"


def test_geo_resolve_unknown_and_weak_names_left_out(gaz) -> None:
    text = "Zqxwv and Biden spoke; the Middle East was calm."
    found = places(gaz, text, ents(text, "Zqxwv", "Biden", "the Middle East", label="GPE"))
    assert found == {}


def test_geo_resolve_orgs_are_not_places_unless_a_place_word_follows(gaz) -> None:
    text = "Hasaka said US bases in the Hasaka countryside were supplied."
    first = text.index("Hasaka")
    second = text.index("Hasaka", first + 1)
    found = find_places_in_text(text, [(first, first + 6, "ORG"), (second, second + 6, "ORG")], gaz, "t")
    assert [pm.span.start for pm in found] == [second]


def test_geo_resolve_dateline(gaz) -> None:
    text = "SAN DIEGO (CNS) - One person was killed in a shooting."
    found = places(gaz, text, [])
    assert near(gaz, found["SAN DIEGO"], 32.72, -117.16)


def test_geo_collect_places_merges_mentions_and_aliases(gaz) -> None:
    t1 = "Clashes in Deir ez-Zor."
    t2 = "Shelling near Deir Ezzor and in Deir ez-Zor, Syria."
    analyses = []
    for doc_id, text in (("a", t1), ("b", t2)):
        art = Article(id=doc_id, source=doc_id, text=text)
        pms = find_places_in_text(text, ents(text, "Deir ez-Zor", "Deir Ezzor", "Syria"), gaz, doc_id)
        analyses.append(DocAnalysis(article=art, places=pms))
    places_ = collect_places(analyses, gaz)
    assert len(places_) == 2
    place = next(p for p in places_ if p.kind == "city")
    assert sorted(place.aliases) == ["Deir Ezzor", "Deir ez-Zor"]
    assert [(m.doc, m.text) for m in place.mentions] == [("a", "Deir ez-Zor"), ("b", "Deir Ezzor"), ("b", "Deir ez-Zor")]
    assert place.lat is not None and place.country == "SY"


def test_geo_resolve_removed_debris_yields_no_places(gaz) -> None:
    from newsweave.records import Removed

    text = "Related: Strikes near Ain al-Asad air base\nRockets hit the al-Omar oil field."
    cut = text.index("\n")
    art = Article(id="d", source="d", text=text, removed=[Removed(0, cut, "related-links")])
    found = find_places_in_text(art.text, [], gaz, art.id, masked=art.masked)
    assert [(pm.span.text, pm.place) for pm in found] == [("al-Omar oil field", "nw:al-omar-oil-field")]
    assert all(pm.span.doc == "d" for pm in found)


@pytest.mark.parametrize("name, kind_name", [("Washington", "Washington"), ("New York", "New York")])
def test_geo_resolve_a_name_with_state_after_it_is_the_state(gaz, name, kind_name) -> None:
    # a bare "Washington" is the capital, "Washington state" the state
    text = f"A mall shooting in {name} state left five dead."
    found = find_places_in_text(text, ents(text, name), gaz, "t")
    assert [pm.span.text for pm in found] == [f"{name} state"]
    place = gaz.get(found[0].place)
    assert (place.kind, place.name, place.country) == ("admin1", kind_name, "US")
    bare = "Officials in Washington said the talks would resume."
    assert gaz.get(places(gaz, bare, ents(bare, "Washington"))["Washington"]).kind != "admin1"
