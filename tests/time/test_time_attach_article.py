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


def test_time_the_day_of_a_death_a_funeral_is_held_for_is_no_day_of_the_attack(nlp):
    text = ("Four people were shot while attending a funeral service in Southwest Fresno. Two men and two "
            "women were wounded in the drive-by shooting at the lodge. People were gathered for the funeral "
            "of Brandon Miles, who died June 20, police said.")
    current = [m for m in assaults(nlp, text) if not m.background]
    assert current and all(m.attributes.get("article_day") is None for m in current)
    assert all(m.date.start is None for m in current)
    # without the attack at the funeral, the day the article gives stands
    text = ("Four people were shot in Southwest Fresno. Two men and two women were wounded in the drive-by "
            "shooting at the lodge. Police said one of them had been at the funeral of a cousin who died June 20.")
    current = [m for m in assaults(nlp, text) if not m.background]
    assert any(m.attributes.get("article_day") == dt.date(2021, 6, 20) for m in current)


def test_time_the_day_of_what_an_attack_answers_is_marked_recalled(nlp):
    text = ("Two men were wounded in a shooting on Elm Avenue. Police said the shooting was in retaliation "
            "for a shooting Saturday that left one person dead.")
    art = Article(id="t", source="test", text=text, published=PUB)
    doc = nlp(art.masked)
    times = find_times(doc, art)
    res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=None, actors=None)
    mentions, _ = extract_events(doc, art, [], [], times, res)
    assert [t.role for t in times if t.span.text == "Saturday"] == ["recalled"]
    current = [m for m in mentions if m.type == "ASSAULT" and not m.background]
    assert current and all(m.attributes.get("article_day") is None for m in current)
    # nor does the sentence's own "the shooting" take that day
    assert all(m.date.start != dt.date(2021, 6, 26) for m in current)
