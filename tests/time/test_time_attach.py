"""Which time expression dates an event mention: not the day of an arrest or of a
statement about it (needs the model)."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from newsweave.events import extract_events, load_lexicon
from newsweave.records import Article
from newsweave.time import find_times

pytestmark = pytest.mark.model

PUB = dt.date(2021, 6, 30)  # a Wednesday


def assault_dates(nlp, text: str) -> list[tuple[str, dt.date | None]]:
    art = Article(id="t", source="test", text=text, published=PUB)
    doc = nlp(art.masked)
    times = find_times(doc, art)
    res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=None, actors=None)
    mentions, _ = extract_events(doc, art, [], [], times, res)
    return [(m.trigger.text, m.time.span.text if m.time else None) for m in mentions if m.type == "ASSAULT"]


def test_time_arrest_day_does_not_date_the_shooting(nlp):
    got = assault_dates(nlp, "A man was arrested Tuesday in connection with the fatal shooting of a teenager.")
    assert got and all(t != "Tuesday" for _, t in got)


def test_time_reporting_day_does_not_date_the_shooting(nlp):
    got = assault_dates(nlp, "Police said Tuesday that the victim had been shot in the chest.")
    assert got and all(t != "Tuesday" for _, t in got)


def test_time_event_day_before_the_reporting_clause_is_kept(nlp):
    got = assault_dates(nlp, "A teenager was shot in the leg Sunday night, police said.")
    assert ("shot", "Sunday night") in got


def test_time_event_day_on_the_trigger_is_kept(nlp):
    got = assault_dates(nlp, "Two men were killed in a shooting Saturday.")
    assert any(t == "Saturday" for _, t in got)


def test_time_charge_day_does_not_date_the_charged_crime(nlp):
    got = assault_dates(nlp, "Jon Doe, 22, was arrested by deputies of the Marion County Sheriff's Office "
                             "on Thursday and charged with murder.")
    assert got and all(t != "Thursday" for _, t in got)


def test_time_day_inside_the_charged_crime_is_kept(nlp):
    got = assault_dates(nlp, "He was charged Monday with murder in Sunday's shooting of a teenager.")
    assert ("shooting", "Sunday") in got


def test_time_distance_from_a_happening_does_not_date_it(nlp):
    got = assault_dates(nlp, "A mother pleads for help nearly two months after her son was shot and killed at a park.")
    assert got and all(t is None or not t.endswith("after") for _, t in got)


def test_time_attack_is_not_dated_after_its_report(nlp):
    # a "Halloween party" shooting reported the day before Halloween: the holiday names
    # the party, not the day of an attack the article already reports (and a holiday
    # naming a party is no time at all, see test_time_roles)
    art_day = dt.date(2016, 10, 30)
    art = Article(id="h", source="test", published=art_day,
                  text="Two women were killed in a shooting at a Halloween party in Newburgh on Halloween.")
    doc = nlp(art.masked)
    times = find_times(doc, art)
    assert [t.span.text for t in times] == ["Halloween"] and times[0].span.start == art.text.rindex("Halloween")
    res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=None, actors=None)
    mentions, _ = extract_events(doc, art, [], [], times, res)
    shootings = [m for m in mentions if m.type == "ASSAULT"]
    assert shootings and all(m.date.start is None or m.date.start <= art_day for m in shootings)
