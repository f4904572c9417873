"""Records survive the trip to JSON and back exactly (Hypothesis), shared objects included."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.records import (
    Article,
    Claim,
    DateRange,
    Disagreement,
    DocAnalysis,
    Entity,
    EntityMention,
    Event,
    EventMention,
    Place,
    PlaceMention,
    Removed,
    Span,
    TimeMention,
)
from newsweave.store import serialize

text = st.text(max_size=30)
opt_text = st.none() | text
ints = st.integers(min_value=-(2**53), max_value=2**53)
floats = st.floats(allow_nan=False)
dates = st.dates(min_value=dt.date(1, 1, 1))
opt_dates = st.none() | dates
scalars = st.none() | st.booleans() | ints | floats | text | dates | st.datetimes()
any_value = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3)
    | st.tuples(inner, inner)
    | st.dictionaries(text, inner, max_size=3)
    | st.dictionaries(st.integers(0, 9), inner, max_size=2)
    | st.frozensets(st.integers(0, 9), max_size=3),
    max_leaves=8,
)

spans = st.builds(Span, doc=text, start=st.integers(0, 10**6), end=st.integers(0, 10**6), text=text)
removed = st.builds(Removed, start=st.integers(0, 999), end=st.integers(0, 999), reason=text)
articles = st.builds(
    Article, id=text, source=text, text=st.text(max_size=200), outlet=opt_text, title=opt_text, byline=opt_text,
    published=opt_dates, language=opt_text, url=opt_text, removed=st.lists(removed, max_size=3),
    fixed=st.frozensets(st.sampled_from(["title", "outlet", "published", "url"])), content_hash=text,
)
entity_mentions = st.builds(EntityMention, span=spans, label=text, type=text, key=text, entity=opt_text)
place_mentions = st.builds(PlaceMention, span=spans, place=opt_text)
ranges = st.builds(DateRange, start=opt_dates, end=opt_dates,
                   precision=st.sampled_from(["day", "week", "month", "year", "unknown"]))
time_mentions = st.builds(TimeMention, span=spans, value=ranges, relative=st.booleans())
str_dicts = st.none() | st.dictionaries(text, text, max_size=2)


@st.composite
def doc_analyses(draw) -> DocAnalysis:
    ents = draw(st.lists(entity_mentions, max_size=4))
    places = draw(st.lists(place_mentions, max_size=3))
    times = draw(st.lists(time_mentions, max_size=3))
    # event arguments are either the analysis' own mentions (shared objects) or fresh ones
    ent_arg = st.sampled_from(ents) | entity_mentions if ents else entity_mentions
    place_arg = st.none() | (st.sampled_from(places) if places else place_mentions)
    time_arg = st.none() | (st.sampled_from(times) if times else time_mentions)
    events = draw(st.lists(st.builds(
        EventMention, id=text, doc=text, type=text, trigger=spans, sentence=spans, mode=opt_text, acled=str_dicts,
        actors=st.lists(ent_arg, max_size=2), targets=st.lists(ent_arg, max_size=2), target_text=opt_text,
        place=opt_text, place_mention=place_arg, time=time_arg, date=ranges, negated=st.booleans(),
        hypothetical=st.booleans(), background=st.booleans(), attributes=st.dictionaries(text, any_value, max_size=3),
    ), max_size=3))
    claims = draw(st.lists(st.builds(
        Claim, id=text, mention=text, attribute=text, value=any_value, doc=text, start=ints, end=ints, quote=text,
        qualifier=st.sampled_from([None, "exact", "at_least", "at_most", "about"]), subject=opt_text,
        attributed_to=opt_text, event=opt_text, attributed_mention=st.none() | ent_arg, value_mention=st.none() | ent_arg,
    ), max_size=3))
    return DocAnalysis(article=draw(articles), entities=ents, places=places, times=times, events=events, claims=claims)


@settings(max_examples=150, deadline=None)
@given(doc_analyses())
def test_serialize_docanalysis_round_trip(da):
    text_form = serialize.to_json(da)
    json.loads(text_form)  # valid JSON
    back = serialize.from_json(DocAnalysis, text_form)
    assert back == da
    assert serialize.to_json(back) == text_form
    # shared objects stay shared: an event's actor that IS one of the entity mentions comes back as that object
    for before, after in zip(da.events, back.events):
        for b, a in zip(before.actors + before.targets, after.actors + after.targets):
            if any(b is e for e in da.entities):
                assert any(a is e for e in back.entities)
        if before.place_mention is not None and any(before.place_mention is p for p in da.places):
            assert any(after.place_mention is p for p in back.places)
    # and types inside free-form values survive (tuple stays tuple, date stays date)
    for before, after in zip(da.claims, back.claims):
        assert type(after.value) is type(before.value)


@settings(max_examples=80, deadline=None)
@given(
    st.builds(Entity, id=text, name=text, type=text, aliases=st.lists(text, max_size=3), affiliation=opt_text,
              mentions=st.lists(spans, max_size=3)),
    st.builds(Place, id=text, name=text, lat=st.none() | floats, lon=st.none() | floats, country=opt_text,
              kind=opt_text, geonames_id=st.none() | ints, admin1=opt_text, population=ints, source=opt_text,
              aliases=st.lists(text, max_size=2), mentions=st.lists(spans, max_size=2)),
    st.builds(Event, id=text, type=text, mode=opt_text, acled=str_dicts, date=ranges, date_text=st.lists(text, max_size=2),
              place=opt_text, actors=st.lists(text, max_size=2), targets=st.lists(text, max_size=2),
              documents=st.lists(text, max_size=2), mentions=st.just([]),
              fatalities=st.none() | st.dictionaries(st.sampled_from(["low", "high", "best"]), st.none() | ints),
              summary=text, merge_reasons=st.lists(text, max_size=2)),
    st.builds(Disagreement, event=text, attribute=text, claims=st.lists(text, max_size=3), summary=text),
)
def test_serialize_resolved_records_round_trip(entity, place, event, disagreement):
    for record in (entity, place, event, disagreement):
        assert serialize.from_json(type(record), serialize.to_json(record)) == record


def test_serialize_missing_field_takes_its_default(store_factory):
    """A payload written before a field was added to a record reads back with the field's default."""
    da = store_factory.make_analysis(1)
    data = serialize.to_data(da)
    del data["article"]["content_hash"]
    del data["events"][0]["attributes"]
    back = serialize.from_data(DocAnalysis, data)
    assert back.article.content_hash == ""
    assert back.events[0].attributes == {}
    assert back.events[0].actors[0] is back.entities[0]


def test_serialize_rejects_values_it_cannot_restore():
    claim = Claim(id="c", mention="m", attribute="weapon", value=object(), doc="d", start=0, end=1, quote="x")
    with pytest.raises(TypeError, match="cannot store a value of type object"):
        serialize.to_json(claim)


def test_serialize_keeps_text_that_is_not_valid_utf8():
    span = Span("d", 0, 2, "a\ud800")
    back = serialize.from_json(Span, serialize.to_json(span))
    assert back == span
    serialize.to_json(span).encode("utf-8")  # storable as UTF-8
