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
