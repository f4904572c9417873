"""Places that short local crime reports give only in passing: a part of town after a direction
word ("in south Jackson"), a town's fire service ("Tulsa Fire crews") and a headline town
before a lower-case institution word ("outside Wichita hospital"), and the outlet's home
that the site name after the headline gives, for a body that names no place (no spaCy model)."""
from __future__ import annotations

import re

from newsweave.geo import distance_km, find_places_in_text
from newsweave.geo.find import site_place, title_place
from newsweave.records import Article


def _spans(text: str, name: str, label: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), label) for m in re.finditer(re.escape(name), text)]


def _near(gaz, place_id, lat: float, lon: float, km: float = 40) -> bool:
    p = gaz.get(place_id) if place_id else None
    return p is not None and distance_km(p.lat, p.lon, lat, lon) <= km


def test_geo_direction_word_between_preposition_and_town(gaz) -> None:
    text = "A teenager was wounded Friday morning.\n\nThe shooting happened on Oak Lane in south Jackson, police said."
    # NER reads the town as a person: the preposition before the direction word still cues it
    out = find_places_in_text(text, _spans(text, "Jackson", "PERSON"), gaz, "t",
                              title="Teen wounded - Channel 9 News, Jackson, MS")
    assert [pm.span.text for pm in out] == ["Jackson"]
    assert _near(gaz, out[0].place, 32.30, -90.18)


def test_geo_direction_word_does_not_make_a_person_a_place(gaz) -> None:
    text = "The victim was identified as Marcus Jackson, police said. Jackson was hit twice."
    out = find_places_in_text(text, _spans(text, "Marcus Jackson", "PERSON"), gaz, "t")
    assert out == []


def test_geo_fire_service_names_its_town(gaz) -> None:
    text = "Officers and Tulsa Fire crews found a man with a gunshot wound in a parking lot."
    out = find_places_in_text(text, _spans(text, "Tulsa", "ORG"), gaz, "t")
    assert [pm.span.text for pm in out] == ["Tulsa"]
    assert out[0].role == "force"
    assert _near(gaz, out[0].place, 36.15, -95.99)


def test_geo_fire_alone_is_no_force(gaz) -> None:
    text = "Gunmen opened fire on the convoy near the border."
    assert all(pm.span.text != "Gunmen" for pm in find_places_in_text(text, [], gaz, "t"))


def test_geo_headline_town_before_lower_case_institution(gaz) -> None:
    a = Article(id="t", source="t", title="Two charged after shooting outside Wichita hospital",
                text="Two people were charged after a weekend shooting, police said.")
    pm = title_place(a, [], gaz)
    assert pm is not None and pm.span.text == "Wichita"
    assert _near(gaz, pm.place, 37.69, -97.34)


def test_geo_headline_named_institution_stays_a_building(gaz) -> None:
    a = Article(id="t", source="t", title="Two hurt in shooting at Riverside Mall",
                text="Two people were hurt in a shooting, police said.")
    assert title_place(a, [], gaz) is None


def test_geo_site_name_gives_the_outlet_home_when_the_body_names_no_place(gaz) -> None:
    a = Article(id="t", source="t", title="Three hurt in apartment shooting - Action News 4 - Memphis, Tennessee",
                text="Three people were hurt in a shooting overnight, police said.")
    pm = site_place(a, [], gaz)
    assert pm is not None and pm.span.field == "title"
    assert a.title[pm.span.start : pm.span.end] == pm.span.text == "Memphis"
    assert _near(gaz, pm.place, 35.15, -90.05)


def test_geo_site_name_is_no_place_when_the_body_names_one(gaz) -> None:
    text = "Three people were hurt in a shooting in Olive Branch, police said."
    a = Article(id="t", source="t", title="Three hurt in shooting - Action News 4 - Memphis, Tennessee", text=text)
    body = find_places_in_text(text, _spans(text, "Olive Branch", "GPE"), gaz, "t", title=a.title)
    assert body
    assert site_place(a, body, gaz) is None


def test_geo_site_name_with_an_unclear_town_gives_nothing(gaz) -> None:
    a = Article(id="t", source="t", title="Man hurt in shooting - Channel 7 News - Wheeling",
                text="A man was hurt in a shooting, police said.")
    assert site_place(a, [], gaz) is None


def test_geo_site_name_town_is_in_the_outlet_country(gaz) -> None:
    a = Article(id="t", source="t", title="Teen's death ruled accidental - FOX Carolina 21",
                text="A teenager's death was ruled accidental, the coroner said.", url="http://www.foxcarolina.com/story/1")
    pm = site_place(a, [], gaz)
    assert pm is None or gaz.get(pm.place).country == "US"


def test_geo_address_names_the_town_of_a_page_without_places(gaz) -> None:
    from newsweave.geo.find import address_place

    url = "http://web.archive.org/web/2016/http://billingsgazette.com/news/local/crime/vendor-gun-fires"
    a = Article(id="t", source="t", title="Vendor's gun fires at gun show, hits man in hand",
                text="A gun went off at a gun show on Saturday, hitting a man in the hand.", url=url)
    pm = address_place(a, [], gaz)
    assert pm is not None and pm.span.field == "url"
    assert a.url[pm.span.start : pm.span.end] == pm.span.text == "billings"
    assert a.field_text(pm.span.field)[pm.span.start : pm.span.end] == pm.span.text
    assert a.field_text("title").startswith("Vendor's") and a.field_text() == a.text
    assert _near(gaz, pm.place, 45.78, -108.50)


def test_geo_address_gives_no_town_when_the_body_names_a_place_or_the_name_is_unclear(gaz) -> None:
    from newsweave.geo.find import address_place

    text = "Three people were hurt in a shooting in Olive Branch, police said."
    a = Article(id="t", source="t", title="Three hurt", text=text, url="http://www.charlotteobserver.com/news/x")
    body = find_places_in_text(text, _spans(text, "Olive Branch", "GPE"), gaz, "t")
    assert body and address_place(a, body, gaz) is None
    assert address_place(a, [], gaz) is not None  # without the body's place: Charlotte
    # "helenair.com": Helena, Montana does not clearly outnumber the Helenas elsewhere
    assert address_place(Article(id="t", source="t", text="Nothing.", url="http://helenair.com/x"), [], gaz) is None
    assert address_place(Article(id="t", source="t", text="Nothing.", url=None), [], gaz) is None


def test_geo_outlet_region_reads_names_with_double_letters(gaz) -> None:
    from newsweave.geo.find import outlet_region

    assert outlet_region("http://billingsgazette.com/news/x", gaz) == ("US", "Montana")
    assert outlet_region("http://www.charlotteobserver.com/news/x", gaz) == ("US", "North Carolina")
    assert outlet_region("http://www.tullahomanews.com/x", gaz) is None  # "tulla" is no Tula


def test_geo_outlet_region_of_a_generic_address_is_not_a_town_abroad_nor_inside_a_longer_name(gaz) -> None:
    from newsweave.geo.find import outlet_region

    for url in ("http://www.naplesnews.com/x", "http://www.readingeagle.com/x", "http://www.glasgowcourier.com/x",
                "http://www.trentonian.com/x", "http://www.bradenton.com/x"):
        assert outlet_region(url, gaz) is None, url
    assert outlet_region("http://www.westfargopioneer.com/x", gaz) == ("US", "North Dakota")
    assert outlet_region("http://jacksonville.com/x", gaz) == ("US", "Florida")


def test_geo_home_country_of_the_address_over_a_namesake_abroad(gaz) -> None:
    # an article that places nothing abroad, on an American outlet's page: York, Pennsylvania
    text = "A 3-year-old accidentally shot his mother with a gun in York, police say."
    out = find_places_in_text(text, _spans(text, "York", "GPE"), gaz, "t", url="http://www.ydr.com/story/news/x")
    assert out and _near(gaz, out[0].place, 39.96, -76.73)
    # the same words with no address, or beside places in England, stay with York, England
    out = find_places_in_text(text, _spans(text, "York", "GPE"), gaz, "t")
    assert out and _near(gaz, out[0].place, 53.96, -1.08)
    text2 = "Police in Leeds and York say a man shot his mother."
    spans = _spans(text2, "Leeds", "GPE") + _spans(text2, "York", "GPE")
    out = {pm.span.text: pm.place for pm in find_places_in_text(text2, spans, gaz, "t", url="http://www.ydr.com/x")}
    assert _near(gaz, out["York"], 53.96, -1.08)


def test_geo_address_mention_is_listed_but_gives_no_alias(gaz) -> None:
    from newsweave.geo.find import address_place, collect_places
    from newsweave.records import DocAnalysis, EventMention, Span

    a = Article(id="t", source="t", text="A gun went off at a gun show.", url="http://billingsgazette.com/news/x")
    pm = address_place(a, [], gaz)
    m = EventMention(id="t:2", doc="t", type="ASSAULT", trigger=Span("t", 6, 14, "went off"),
                     sentence=Span("t", 0, 29, a.text), place=pm.place, place_mention=pm)
    (place,) = collect_places([DocAnalysis(article=a, events=[m])], gaz)
    assert place.mentions == [pm.span] and place.mentions[0].field == "url"
    assert "billings" not in place.aliases
