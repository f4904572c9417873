"""Datelines and remote places (``PlaceMention.role``), joint forces' names, page titles and
outlets as context, dates and one-word organisations over place cues, crossings of streets,
and how fusion weighs weak place evidence (no spaCy model)."""
from __future__ import annotations

import re

from newsweave.fuse.fusion import best_place
from newsweave.geo import distance_km, find_places_in_text
from newsweave.geo.find import outlet_region, title_states
from newsweave.records import EventMention, Place, PlaceMention, Span


def ents(text: str, *names: str, label: str = "GPE") -> list[tuple[int, int, str]]:
    out = []
    for name in names:
        out += [(m.start(), m.end(), label) for m in re.finditer(re.escape(name), text)]
    return out


def found(gaz, text: str, spans=(), url=None, title=None) -> list[PlaceMention]:
    pms = find_places_in_text(text, list(spans), gaz, "t", url=url, title=title)
    for pm in pms:
        assert text[pm.span.start : pm.span.end] == pm.span.text
    return pms


def roles(gaz, text: str, *names: str) -> dict[str, str | None]:
    """The role of each place found in ``text``, NER giving ``names`` as GPEs."""
    return {pm.span.text: pm.role for pm in found(gaz, text, ents(text, *names))}


def near(gaz, place_id: str, lat: float, lon: float, km: float = 40) -> bool:
    p = gaz.get(place_id)
    return p is not None and distance_km(p.lat, p.lon, lat, lon) <= km


def test_geo_roles_joint_force_names_its_city(gaz) -> None:
    text = "Savannah-Chatham Metropolitan Police are investigating a shooting on Carolan Street."
    pms = found(gaz, text)
    assert [pm.span.text for pm in pms] == ["Savannah"]
    assert near(gaz, pms[0].place, 32.08, -81.09)


def test_geo_roles_a_hyphenated_town_known_whole_stays_whole(gaz) -> None:
    text = "The Helena-West Helena Police Department said two men were arrested. Call 870-338-9831."
    pms = found(gaz, text, ents(text, "Helena-West Helena Police Department", label="ORG"))
    assert pms and pms[0].span.text == "Helena-West Helena"


def test_geo_roles_phone_region_places_a_small_town_named_by_its_force(gaz) -> None:
    # a town under 20,000 people named only by its police: the area code (870) fixes Arkansas
    text = "Helena-West Helena police said the boy was hurt. Anyone with information may call 870-338-9831."
    assert found(gaz, text)


def test_geo_roles_title_fixes_the_state(gaz) -> None:
    assert title_states("Friends react after teen killed - WTVM.com-Columbus, GA News Weather & Sports", gaz) == {"GA"}
    assert title_states("Man shot, IN critical condition", gaz) == set()
    assert title_states(None, gaz) == set()
    text = "A Columbus teenager was shot and killed Saturday, Columbus police said."
    pms = found(gaz, text, ents(text, "Columbus"), title="Teen killed - WTVM.com-Columbus, GA News")
    assert pms and all(near(gaz, pm.place, 32.46, -84.99) for pm in pms)


def test_geo_roles_outlet_names_a_state_with_double_letters(gaz) -> None:
    assert outlet_region("http://www.nbcconnecticut.com/news/local/x.html", gaz) == ("US", "Connecticut")


def test_geo_roles_a_date_running_on_from_a_cue_keeps_the_town(gaz) -> None:
    text = "A teenager is dead after a shooting in Chattanooga Sunday."
    pms = found(gaz, text, [(text.index("Chattanooga"), text.index("."), "DATE")])
    assert [pm.span.text for pm in pms] == ["Chattanooga"]


def test_geo_roles_one_word_org_after_in_may_be_a_town(gaz) -> None:
    text = "A boy was shot in the leg at the dog park in Enfield on Saturday, Connecticut police said."
    pms = found(gaz, text, ents(text, "Enfield", label="ORG"))
    assert any(pm.span.text == "Enfield" and near(gaz, pm.place, 41.98, -72.59) for pm in pms)


def test_geo_roles_second_street_of_a_crossing_is_no_place(gaz) -> None:
    text = "Four people were shot near the intersection of Poydras and Bolivar, police said."
    assert not found(gaz, text, ents(text, "Bolivar"))
    text = "The shooting happened outside the club on Baldwin near Greenwood early Sunday."
    assert not found(gaz, text)


def test_geo_roles_dateline_and_a_remote_namesake(gaz) -> None:
    text = ("MEMPHIS, Tenn -- Police are searching for men who shot five people in Raleigh.\n\n"
            "Memphis police said the victims were taken to a hospital.")
    got = roles(gaz, text, "Raleigh", "Memphis")
    assert got.get("MEMPHIS") == "dateline" and got.get("Tenn") == "dateline"
    assert got.get("Raleigh") in ("remote", None) and got.get("Memphis") == "force"
    if "Raleigh" in got:  # read as the North Carolina capital, it is far from the dateline
        assert got["Raleigh"] == "remote"


def test_geo_roles_country_abroad_in_a_local_story_is_remote(gaz) -> None:
    text = ("Savannah police said a 4-year-old was shot at a hotel in Savannah on Sunday. "
            "The suspect was last seen wearing a black Jordan shirt. Call 912-651-6675.")
    got = roles(gaz, text, "Savannah", "Jordan")
    assert got.get("Savannah") is None
    assert got.get("Jordan", "remote") == "remote"


def _place(pid: str, kind: str, lat: float, lon: float, country: str = "US") -> Place:
    return Place(id=pid, name=pid, lat=lat, lon=lon, country=country, kind=kind, admin1="x")


def _mention(n: int, place: str, role=None, via=None) -> EventMention:
    span = Span("d", n * 10, n * 10 + 4, "shot")
    m = EventMention(id=f"d:{n * 10}", doc="d", type="ASSAULT", trigger=span, sentence=span, place=place,
                     place_mention=PlaceMention(Span("d", n * 10 + 5, n * 10 + 6, "x"), place=place, role=role))
    if via:
        m.attributes["place_via"] = via
    return m


def test_geo_roles_fusion_weighs_remote_and_other_clause_places_less() -> None:
    places = {"savannah": _place("savannah", "city", 32.08, -81.09), "jordan": _place("jordan", "country", 31, 36, "JO"),
              "wadesboro": _place("wadesboro", "city", 34.97, -80.08), "charlotte": _place("charlotte", "city", 35.2, -80.8)}
    ms = [_mention(0, "jordan", role="remote"), _mention(1, "jordan", role="remote"), _mention(2, "savannah")]
    assert best_place(ms, places) == "savannah"
    ms = [_mention(0, "charlotte", via="other_clause"), _mention(1, "wadesboro")]
    assert best_place(ms, places) == "wadesboro"


def test_geo_roles_town_a_person_tag_covers_before_police(gaz) -> None:
    text = "Five people were wounded near a Tennessee university, and Clarksville police were searching."
    i = text.index("Clarksville")
    pms = found(gaz, text, [(i, i + len("Clarksville"), "PERSON")])
    assert any(pm.span.text == "Clarksville" and pm.role == "force" and near(gaz, pm.place, 36.53, -87.36) for pm in pms)
    text = "A man was shot in Tennessee on Monday, Sgt. Jackson police said."
    i = text.index("Jackson")
    assert [pm.span.text for pm in found(gaz, text, [(i, i + len("Jackson"), "PERSON")])] == ["Tennessee"]


def test_geo_roles_blanked_dateline_line_is_read(gaz) -> None:
    original = "KATY, Texas (AP) -\n\nInvestigators say a man shot his family in a home."
    masked = " " * len("KATY, Texas (AP) -") + original[len("KATY, Texas (AP) -"):]
    pms = find_places_in_text(original, [], gaz, "t", masked=masked)
    assert [pm.span.text for pm in pms][:1] == ["KATY"] and pms[0].role == "dateline"
    assert near(gaz, pms[0].place, 29.79, -95.82)


def test_geo_roles_outlet_city_inside_the_address_only_at_home(gaz) -> None:
    assert outlet_region("http://www.westfargopioneer.com/news/x", gaz) == ("US", "North Dakota")
    assert outlet_region("http://cumberlink.com/news/local/x", gaz) is None  # not Berlin
    assert outlet_region("http://www.montgomeryadvertiser.com/story/x", gaz) == ("US", "Alabama")  # not Sahiwal


def test_geo_roles_title_names_a_state_alone(gaz) -> None:
    assert title_states("North Dakota teen accidentally shot by brother", gaz) == {"ND"}
    assert title_states("Georgia man shot", gaz) == set()  # also a country
    assert title_states("Shooting in Washington leaves 2 dead", gaz) == set()  # a bare name is the capital


def test_geo_roles_force_of_a_town_named_less_often_is_no_home(gaz) -> None:
    text = ("A father and two daughters were shot dead in St. Paul on Friday. St. Paul police said the "
            "suspect fled. Ramsey police later found a car. St. Paul officers arrested him.")
    assert roles(gaz, text, "St. Paul", "Ramsey").get("Ramsey") is None


def test_geo_roles_world_news_keeps_its_other_countries(gaz) -> None:
    text = ("US airstrikes hit militia positions in al-Qaim in Anbar province, near the border with Syria, "
            "officials in Anbar said on Monday. Iran condemned the strikes, and Syria said its soldiers were hit.")
    pms = found(gaz, text, ents(text, "Syria", "Iran", "Anbar", "al-Qaim"))
    assert any(pm.span.text == "Syria" for pm in pms)
    assert all(pm.role != "remote" for pm in pms)


def test_geo_roles_a_big_city_named_as_a_neighbourhood_places_nothing(gaz) -> None:
    # Chicago's Austin neighbourhood is not the capital of Texas; a small place keeps its name
    text = ("Gunfire erupted near his West Side home in the Austin neighborhood, Chicago police said. "
            "Another man was shot in the Brighton Park neighborhood.")
    pms = found(gaz, text, ents(text, "Austin", "Chicago", "Brighton Park"))
    names = [pm.span.text for pm in pms]
    assert "Austin" not in names and "Chicago" in names and "Brighton Park" in names
    text = "Two men were shot in Austin on Sunday, Austin police said."
    assert [pm.span.text for pm in found(gaz, text, ents(text, "Austin"))][:1] == ["Austin"]
    text = "A St. Louis neighborhood is in fear after a girl, 15, was killed by masked gunmen."
    assert [pm.span.text for pm in found(gaz, text, ents(text, "St. Louis"))] == ["St. Louis"]
    text = "He was shot in the Chicago neighborhood of Austin, police said."
    assert "Chicago" in [pm.span.text for pm in found(gaz, text, ents(text, "Chicago", "Austin"))]


def test_geo_roles_a_bare_town_of_an_unnamed_state_is_remote_from_the_dateline(gaz) -> None:
    # Chicago's Austin, named more often than Chicago: Texas is never named, so it is remote
    text = ("CHICAGO — A shooting in Austin killed one teen and wounded five people on Friday afternoon, "
            "police said. The shooting happened near Austin Town Hall Park.")
    got = roles(gaz, text, "CHICAGO", "Austin")
    assert got.get("CHICAGO") == "dateline" and got.get("Austin") == "remote"
    text = "CHICAGO — A man from Austin, Texas, was shot in Austin on Friday."
    assert roles(gaz, text, "CHICAGO", "Austin", "Texas").get("Austin") != "remote"
