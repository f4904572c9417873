"""Steps of ``newsweave.pipeline`` that join the stages, on hand-built records."""
from __future__ import annotations

from newsweave.pipeline import _not_places
from newsweave.records import EntityMention, PlaceMention, Span


def _person(start: int, text: str, type_: str = "PERSON") -> EntityMention:
    return EntityMention(span=Span("d", start, start + len(text), text), label="PERSON", type=type_, key=text.lower())


def test_a_person_name_the_geocoder_placed_is_a_place_not_a_person() -> None:
    # "... taken by Trotwood squad ...": the tagger read "Trotwood" as a person
    trotwood = _person(20, "Trotwood")
    victim = _person(60, "Marcus Hill")
    group = _person(20, "Trotwood", type_="ARMED_GROUP")  # an actor the dictionary knows stays
    places = [PlaceMention(span=Span("d", 20, 28, "Trotwood"), place="geonames:4513583")]
    assert _not_places([trotwood, victim, group], places) == [victim, group]
    # a place mention the geocoder could not place says nothing against the name
    unplaced = [PlaceMention(span=Span("d", 20, 28, "Trotwood"), place=None)]
    assert _not_places([trotwood, victim], unplaced) == [trotwood, victim]
    # a headline's span is another text: offsets are compared only within one field
    title = [PlaceMention(span=Span("d", 20, 28, "Trotwood", field="title"), place="geonames:4513583")]
    assert _not_places([trotwood], title) == [trotwood]
