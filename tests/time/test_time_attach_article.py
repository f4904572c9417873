"""A mention whose sentence names no day: the day its article gives as a whole is
kept beside it, and an article whose only days date procedures lends the mention
that day when it is a firm one (needs the model)."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from newsweave.events import extract_events, load_lexicon
from newsweave.records import Article
from newsweave.time import find_times

pytestmark = pytest.mark.model

PUB = dt.date(2021, 6, 30)  # a Wednesday


def assaults(nlp, text: str):
    art = Article(id="t", source="test", text=text, published=PUB)
    doc = nlp(art.masked)
    times = find_times(doc, art)
    res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=None, actors=None)
    mentions, _ = extract_events(doc, art, [], [], times, res)
    return [m for m in mentions if m.type == "ASSAULT"]


def test_time_article_day_kept_beside_an_undated_mention(nlp):
    got = assaults(nlp, "A boy was shot in the leg. Police were called to the home at about 11:30 p.m. Monday, a spokesman said.")
    assert got and got[0].date.start is None
    assert got[0].attributes.get("article_day") == dt.date(2021, 6, 28)


def test_time_only_firm_procedure_day_dates_the_mention(nlp):
    got = assaults(nlp, "Around 6:30 p.m. on Tuesday evening, officials say they were called to a home where a boy had been shot.")
    assert got and got[0].date.start == dt.date(2021, 6, 29) and got[0].date.precision == "day"


def test_time_bare_procedure_weekday_dates_nothing(nlp):
    got = assaults(nlp, "A boy was shot in the leg. Police said Tuesday that the investigation continued.")
    assert got and got[0].date.start is None and "article_day" not in got[0].attributes


def test_time_earlier_this_month_is_not_narrowed_to_the_day_of_publication(nlp):
    # "June 30" is the story's own day; "earlier this month" leaves it out
    got = assaults(nlp, "In a June 30 story about a girl struck earlier this month by a bullet, reporters said she was hurt.")
    struck = [m for m in got if m.trigger.text == "struck"]
    assert struck and struck[0].date.precision == "month" and struck[0].date.start == dt.date(2021, 6, 1)
    got = assaults(nlp, "A girl was struck earlier this month by a bullet. She was hit on June 5 outside her home.")
    assert got[0].date == got[0].date.__class__(dt.date(2021, 6, 5), dt.date(2021, 6, 5), "day")


def test_time_the_day_of_a_court_step_dates_no_crime(nlp):
    # the day of an arrest may be the attack's own; a conviction's never is
    got = assaults(nlp, "On Jan. 14, 2015, Smith was convicted of assault and battery, a spokesman said.")
    assert got and got[0].date.start is None
