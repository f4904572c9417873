"""Two reports that name one place which the geocoder put at different namesakes."""
from __future__ import annotations

import datetime as dt

from newsweave.fuse.evidence import Comparer
from newsweave.records import Place

NEWARK_NJ = Place(id="g:newark-nj", name="Newark", lat=40.74, lon=-74.17, country="US", admin1="NJ", kind="city")
NEWARK_OH = Place(id="g:newark-oh", name="Newark", lat=40.06, lon=-82.40, country="US", admin1="OH", kind="city")
YORK_CO = Place(id="g:york-co", name="York County", lat=43.48, lon=-70.73, country="US", admin1="ME", kind="admin2")
YORK_PA = Place(id="g:york-pa", name="York", lat=39.96, lon=-76.73, country="US", admin1="PA", kind="city")
TRENTON = Place(id="g:trenton", name="Trenton", lat=40.22, lon=-74.76, country="US", admin1="NJ", kind="city")


def comparer() -> Comparer:
    places = {p.id: p for p in (NEWARK_NJ, NEWARK_OH, YORK_CO, YORK_PA, TRENTON)}
    return Comparer(places, {})


def test_fuse_same_name_at_two_namesakes_is_no_conflict():
    conflict, score, why = comparer().compare_places(NEWARK_NJ.id, NEWARK_OH.id)
    assert conflict is None
    assert score > 0
    assert "namesakes" in why


def test_fuse_county_and_city_of_one_name_are_namesakes():
    conflict, score, why = comparer().compare_places(YORK_CO.id, YORK_PA.id)
    assert conflict is None and "York" in why


def test_fuse_different_names_far_apart_still_conflict():
    conflict, score, _ = comparer().compare_places(NEWARK_OH.id, TRENTON.id)
    assert conflict is not None and score == 0.0


def _at(doc: str, start: int, place: str):
    from newsweave.records import EventMention, Span

    return EventMention(id=f"{doc}:{start}", doc=doc, type="ASSAULT", trigger=Span(doc, start, start + 4, "shot"),
                        sentence=Span(doc, start, start + 4, "shot"), place=place)


MONTGOMERY_AL = Place(id="g:montgomery-al", name="Montgomery", lat=32.37, lon=-86.30, country="US", admin1="AL",
                      kind="city", population=200_000)
MONTGOMERY_GA = Place(id="g:montgomery-ga", name="Montgomery", lat=31.94, lon=-81.12, country="US", admin1="GA",
                      kind="city", population=4_500)
ALABAMA = Place(id="g:alabama", name="Alabama", lat=32.75, lon=-86.75, country="US", admin1="AL", kind="admin1")


def test_fuse_event_place_settles_namesakes_by_reports_then_backing_then_size():
    from newsweave.fuse.fusion import best_place

    places = {p.id: p for p in (MONTGOMERY_AL, MONTGOMERY_GA, ALABAMA, NEWARK_NJ, NEWARK_OH)}
    # one report reads it in Georgia more often; one report each: the bigger town
    ms = [_at("a", i, MONTGOMERY_AL.id) for i in range(2)] + [_at("b", 10 * i, MONTGOMERY_GA.id) for i in range(5)]
    assert best_place(ms, places) == MONTGOMERY_AL.id
    # two reports against one: theirs
    ms2 = [_at("a", 0, MONTGOMERY_GA.id), _at("c", 0, MONTGOMERY_GA.id), _at("b", 0, MONTGOMERY_AL.id)]
    assert best_place(ms2, places) == MONTGOMERY_GA.id
    # one each, but the event's other places lie in Ohio: Newark, Ohio, small as it is
    ohio = Place(id="g:licking", name="Licking County", lat=40.09, lon=-82.48, country="US", admin1="OH", kind="admin2")
    places[ohio.id] = ohio
    ms3 = [_at("a", 0, NEWARK_NJ.id), _at("b", 0, NEWARK_OH.id), _at("b", 5, ohio.id)]
    assert best_place(ms3, places) == NEWARK_OH.id
