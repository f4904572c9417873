"""Which place an event takes: its own clause's, and in fusion the place named most or one inside it."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from newsweave.fuse.fusion import best_place
from newsweave.records import Article, EventMention, Place, PlaceMention, Span


def _place(pid: str, kind: str, lat: float, lon: float, admin1: str = "Florida") -> Place:
    return Place(id=pid, name=pid, lat=lat, lon=lon, country="US", kind=kind, admin1=admin1)


PLACES = {
    "orange-county": _place("orange-county", "admin2", 28.51, -81.32),
    "pine-hills": _place("pine-hills", "city", 28.56, -81.45),
    "tampa": _place("tampa", "city", 27.95, -82.46),
    "florida": _place("florida", "admin1", 28.75, -82.5),
}


def _mention(n: int, place: str) -> EventMention:
    span = Span("d", n * 10, n * 10 + 4, "shot")
    return EventMention(id=f"d:{n * 10}", doc="d", type="ASSAULT", trigger=span, sentence=span, place=place,
                        place_mention=PlaceMention(Span("d", n * 10 + 5, n * 10 + 6, "x"), place=place))


def test_geo_event_place_town_inside_the_county_named_most() -> None:
    ms = [_mention(0, "orange-county"), _mention(1, "orange-county"), _mention(2, "pine-hills")]
    assert best_place(ms, PLACES) == "pine-hills"


def test_geo_event_place_county_named_most_beats_a_town_elsewhere() -> None:
    ms = [_mention(0, "orange-county"), _mention(1, "orange-county"), _mention(2, "tampa")]
    assert best_place(ms, PLACES) == "orange-county"


def test_geo_event_place_town_in_the_state() -> None:
    ms = [_mention(0, "florida"), _mention(1, "florida"), _mention(2, "tampa")]
    assert best_place(ms, PLACES) == "tampa"


def test_geo_event_place_ties_go_to_the_place_given_first() -> None:
    ms = [_mention(0, "tampa"), _mention(1, "pine-hills")]
    assert best_place(ms, PLACES) == "tampa"
    assert best_place(list(reversed(ms)), PLACES) == "tampa"


@pytest.mark.model
def test_geo_event_place_prefers_the_events_own_clause(nlp) -> None:
    from newsweave.events import extract_events, load_lexicon

    text = ("A man was shot at a club in Wadesboro on Sunday. His family told a television station in Charlotte "
            "that the men came back with guns and began shooting.")
    art = Article(id="t", source="test", text=text, published=dt.date(2016, 3, 15))
    pms = [PlaceMention(Span("t", text.index(n), text.index(n) + len(n), n), place=f"geo:{n.lower()}")
           for n in ("Charlotte", "Wadesboro")]
    res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=None, actors=None)
    mentions, _ = extract_events(nlp(art.masked), art, [], pms, [], res)
    got = [m.place for m in mentions if m.type == "ASSAULT"]
    assert len(got) >= 2 and set(got) == {"geo:wadesboro"}


@pytest.mark.model
def test_geo_event_place_home_town_before_the_hospitals_city(nlp) -> None:
    from newsweave.events import extract_events, load_lexicon

    text = ("A man shot a 7-year-old child on Monday night. A helicopter took the child to a hospital in "
            "Little Rock.\n\nOfficers found the child in the driveway of a home. Beebe police arrested the man.")
    art = Article(id="t", source="test", text=text, published=dt.date(2017, 2, 28))
    pms = [PlaceMention(Span("t", text.index("Little Rock"), text.index("Little Rock") + 11, "Little Rock"),
                        place="geo:little-rock"),
           PlaceMention(Span("t", text.index("Beebe"), text.index("Beebe") + 5, "Beebe"), place="geo:beebe",
                        role="force")]
    res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=None, actors=None)
    mentions, _ = extract_events(nlp(art.masked), art, [], pms, [], res)
    got = [m.place for m in mentions if m.type == "ASSAULT"]
    assert got and "geo:little-rock" not in got and "geo:beebe" in got


@pytest.mark.model
def test_geo_event_place_remote_place_is_passed_over(nlp) -> None:
    from newsweave.events import extract_events, load_lexicon

    text = ("SAVANNAH, Ga. -- A 4-year-old was shot in the hand at a hotel on Sunday.\n\n"
            "The suspect was last seen wearing a black Jordan shirt. Police said the shooting was an accident.")
    art = Article(id="t", source="test", text=text, published=dt.date(2017, 3, 12))
    pms = [PlaceMention(Span("t", 0, 8, "SAVANNAH"), place="geo:savannah", role="dateline"),
           PlaceMention(Span("t", text.index("Jordan"), text.index("Jordan") + 6, "Jordan"), place="geo:jordan",
                        role="remote")]
    res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=None, actors=None)
    mentions, _ = extract_events(nlp(art.masked), art, [], pms, [], res)
    got = [m.place for m in mentions if m.type == "ASSAULT"]
    assert got and set(got) == {"geo:savannah"}


@pytest.mark.model
def test_geo_event_place_headline_town_stands_in_for_a_bare_state(nlp) -> None:
    from newsweave.events import extract_events, load_lexicon
    from newsweave.geo import distance_km, find_places_in_text, load_gazetteer

    gaz = load_gazetteer()
    text = "A man was charged Monday in the fatal shooting of his brother in Missouri, prosecutors said."
    title = "Lee's Summit man charged in brother's death"
    art = Article(id="t", source="test", text=text, title=title, published=dt.date(2016, 12, 6))
    doc = nlp(art.masked)
    pms = find_places_in_text(text, [(e.start_char, e.end_char, e.label_) for e in doc.ents], gaz, "t", title=title)
    assert [pm.span.text for pm in pms] == ["Missouri"]
    res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=gaz, actors=None)
    mentions, _ = extract_events(doc, art, [], pms, [], res)
    attack = next(m for m in mentions if m.type == "ASSAULT")
    assert attack.place_mention.span.field == "title" and attack.place_mention.span.text == "Lee's Summit"
    p = gaz.get(attack.place)
    assert distance_km(p.lat, p.lon, 38.91, -94.38) < 20
    # a headline town in another state does not stand in for the body's state
    art2 = Article(id="t", source="test", text=text, title="Overland Park man charged in brother's death",
                   published=dt.date(2016, 12, 6))
    mentions2, _ = extract_events(nlp(art2.masked), art2, [], pms, [], res)
    assert next(m for m in mentions2 if m.type == "ASSAULT").place_mention.span.text == "Missouri"
