"""The headline as a source of an event's place and as context, the home of a story told by
a big city's own force, and names that NER splits or mislabels (no spaCy model)."""
from __future__ import annotations

import re

from newsweave.geo import distance_km, find_places_in_text
from newsweave.geo.find import collect_places, title_place
from newsweave.records import Article, DocAnalysis, EventMention, PlaceMention, Span


def ents(text: str, *names: str, label: str = "GPE") -> list[tuple[int, int, str]]:
    out = []
    for name in names:
        out += [(m.start(), m.end(), label) for m in re.finditer(re.escape(name), text)]
    return out


def found(gaz, text: str, spans, url: str | None = None, title: str | None = None) -> list[PlaceMention]:
    out = find_places_in_text(text, spans, gaz, "t", url=url, title=title)
    for pm in out:
        assert text[pm.span.start : pm.span.end] == pm.span.text
    return out


def near(gaz, place_id: str | None, lat: float, lon: float, km: float = 40) -> bool:
    p = gaz.get(place_id) if place_id else None
    return p is not None and distance_km(p.lat, p.lon, lat, lon) <= km


def article(title: str, text: str, url: str | None = None) -> Article:
    return Article(id="t", source="t", text=text, title=title, url=url)


def test_geo_headline_names_the_town_the_body_does_not(gaz) -> None:
    a = article("Allentown man accidentally shoots self in leg, police say",
                "A man accidentally shot himself in the leg while cleaning a handgun, police said.")
    pm = title_place(a, [], gaz)
    assert pm is not None and pm.span.field == "title"
    assert a.title[pm.span.start : pm.span.end] == pm.span.text == "Allentown"
    assert near(gaz, pm.place, 40.60, -75.49)


def test_geo_headline_common_words_are_not_places(gaz) -> None:
    # every capitalised word of this Title Case headline is written in lower case in the body
    a = article("Police Investigate Shooting Death Of Teen",
                "Police said a teen was found dead after a shooting; the death is under investigation.")
    assert title_place(a, [], gaz) is None


def test_geo_headline_skips_the_site_name(gaz) -> None:
    a = article("Man shot in his car - WXYZ News Detroit", "A man was shot while sitting in his car, police said.")
    pm = title_place(a, [], gaz)
    assert pm is None


def test_geo_headline_place_of_an_event_is_listed_among_places(gaz) -> None:
    a = article("Allentown man accidentally shoots self", "A man shot himself, police said.")
    pm = title_place(a, [], gaz)
    m = EventMention(id="t:1", doc="t", type="ASSAULT", trigger=Span("t", 11, 15, "shot"),
                     sentence=Span("t", 0, len(a.text), a.text), place=pm.place, place_mention=pm)
    places = collect_places([DocAnalysis(article=a, events=[m])], gaz)
    assert [p.id for p in places] == [pm.place]
    assert places[0].mentions[0].field == "title"


def test_geo_home_big_city_force_over_a_far_namesake(gaz) -> None:
    # "Austin" is a Chicago neighbourhood when Chicago's police tell the story
    text = "AUSTIN — Four boys were shot Tuesday on the West Side, Chicago Police said."
    out = found(gaz, text, ents(text, "Chicago Police", label="ORG"))
    roles = {pm.span.text: pm.role for pm in out}
    assert roles["AUSTIN"] == "remote"
    assert roles["Chicago"] == "force"


def test_geo_home_a_stated_dateline_stays_home(gaz) -> None:
    text = "AUSTIN, Texas — A man wanted in a shooting was arrested, Chicago Police said."
    out = found(gaz, text, ents(text, "Chicago Police", label="ORG"))
    roles = {pm.span.text: pm.role for pm in out}
    assert roles["AUSTIN"] == "dateline"


def test_geo_force_read_as_a_person_still_names_its_town(gaz) -> None:
    text = "Lubbock Police Chief Greg Stevens said the shooting happened Friday."
    out = found(gaz, text, ents(text, "Lubbock Police", label="PERSON"))
    assert any(pm.span.text == "Lubbock" and near(gaz, pm.place, 33.58, -101.86) for pm in out)


def test_geo_number_word_opens_a_town_name(gaz) -> None:
    text = "Deputies arrested two people after a double homicide in Three Rivers, California."
    spans = ents(text, "Three", label="CARDINAL") + ents(text, "California")
    out = found(gaz, text, spans)
    assert any(pm.span.text == "Three Rivers" and near(gaz, pm.place, 36.44, -118.90) for pm in out)


def test_geo_sheriffs_deputies_name_their_county(gaz) -> None:
    text = "Tulare County Sheriff's Deputies arrested two people on Sunday."
    out = found(gaz, text, ents(text, "Tulare County Sheriff's Deputies", label="FAC"))
    assert any(pm.span.text == "Tulare County" and near(gaz, pm.place, 36.22, -118.80, 60) for pm in out)


def test_geo_town_named_by_ner_and_its_force_alone(gaz) -> None:
    text = "An Opelousas teen hospitalized after a shooting has died. Opelousas Police said he was 15."
    out = found(gaz, text, ents(text, "Opelousas"))
    assert out and all(near(gaz, pm.place, 30.53, -92.08) for pm in out)


def test_geo_headline_parts_of_longer_names_are_not_places(gaz) -> None:
    body = "The victim was identified on Friday. Detectives are looking for the gunman."
    for title in ("Family mourns Queric Richardson after party", "Five hurt in Cascade Mall attack",
                  "Crowd gathers on Bourbon Street after gunfire", "Woman accidentally hurts friend with Christmas gift"):
        assert title_place(article(title, body), [], gaz) is None, title


def test_geo_headline_opening_word_needs_a_clear_town(gaz) -> None:
    body = "The suspect was arrested on Friday, officers said."
    # "Man" opens the headline: capitalised for its place there, not a town abroad
    assert title_place(article("Man arrested after shooting at party", body), [], gaz) is None


def test_geo_headline_reads_a_name_as_the_body_did(gaz) -> None:
    text = "Police in Wichita said two people were shot."
    body_places = found(gaz, text, ents(text, "Wichita"))
    a = article("Two shot in Wichita overnight", text)
    pm = title_place(a, body_places, gaz)
    assert pm is not None and pm.place == next(p.place for p in body_places if p.span.text == "Wichita")
