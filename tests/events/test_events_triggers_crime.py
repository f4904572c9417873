"""How local crime reports name a shooting: gunshot wounds, shots fired, headline
participles, homicide rulings; and a follow-up's dated "the shooting" (needs the model)."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from newsweave.events import extract_events, load_lexicon
from newsweave.records import Article, DateRange, Span, TimeMention

pytestmark = pytest.mark.model


def assaults(nlp, text, times=(), published=dt.date(2016, 6, 11)):
    art = Article(id="t", source="test", text=text, published=published)
    res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=None, actors=None)
    mentions, _ = extract_events(nlp(art.masked), art, [], [], list(times), res)
    return [m for m in mentions if m.type == "ASSAULT" and not m.negated and not m.hypothetical]


def day(text, sub, value):
    start = text.index(sub)
    return TimeMention(Span("t", start, start + len(sub), sub), DateRange(value, value, "day"))


@pytest.mark.parametrize("text, trigger", [
    ("They discovered a juvenile male suffering from a gunshot wound.", "gunshot"),
    ("Deputies surrounded the park on Sunday when gunshots were fired during a fight.", "fired"),
    ("Police said a gun was fired inside the store.", "fired"),
    ("Police: 4 shot after fight broke out at large gathering", "shot"),
    ("The manner of death was ruled a homicide.", "homicide"),
    ("He was gunned down outside his home.", "gunned"),
    ("The man was slain in his driveway.", "slain"),
    ("Evidence indicates that it was a murder-suicide.", "murder"),
    ("The man was charged in the shooting death of his neighbor.", "shooting"),  # a shooting death
    # a trigger's governing verb in any form ("open fire", "opened fire", "returned fire")
    ("A man opened fire inside the store.", "fire"),
    ("Officers returned fire.", "fire"),
    # the words themselves when the parse misreads them ("opened" as a modifier of "fire")
    ("A black van drove down the alley and someone inside opened fire, police said.", "fire"),
    # a shooting that names the happening it modifies
    ("The shooting incident occurred at about 5:15 p.m. Sunday.", "shooting"),
    ("The shooting spree began at a gas station.", "shooting"),
    # an age standing for a person: the tagger reads "a 16-year-old shot" as a kind of shot
    ("Police said the 2-year-old shot himself in the stomach.", "shot"),
    ("Authorities found a 16-year-old shot to death in the park.", "shot"),
    # a noun has no subject: the tagger's noun "shot" with one is the verb
    ("He was standing outside when someone in a vehicle shot at him, police said.", "shot"),
    ("Jaylen Fryberg, 15, shot and fatally wounded four friends in October.", "shot"),
    # the noun "shot" heard or ringing out; a shooting call
    ("Shots rang out at the party.", "Shots"),
    ("Neighbors said they ran to the home after they heard the shot.", "shot"),
    ("Richmond police responded to the shooting call on Lee Street.", "shooting"),
])
def test_events_triggers_crime_report_wording_makes_an_assault(nlp, text, trigger):
    found = assaults(nlp, text)
    assert [m.trigger.text for m in found] == [trigger]
    assert found[0].mode == "firearms" or trigger in ("homicide", "slain", "shot", "murder")


@pytest.mark.parametrize("text", [
    "He was fired from his job in May.",
    "Homicide detectives were called to the house.",
    "Police want to prevent another homicide.",
    "Police found 5 pounds of marijuana in the car.",
    "Many people were shooting video on their phones.",
    "The shooting victims were taken to the hospital.",
    "A shooting range opened near the school.",
    "He ordered a 12-year-old scotch.",
    "He got a flu shot on Monday.",
    "He took a shot and missed.",
    "The photographer took a shot of the crowd.",
])
def test_events_triggers_crime_words_in_other_senses_make_none(nlp, text):
    assert assaults(nlp, text) == []


def test_events_triggers_follow_up_dates_its_own_shooting(nlp):
    text = ("Police arrested a man in connection with the shooting of a teenager. "
            "The shooting was reported at about 7:15 p.m. on May 2.")
    times = [day(text, "May 2", dt.date(2016, 5, 2))]
    found = assaults(nlp, text, times)
    assert len(found) == 2
    assert not any(m.background for m in found)
    assert found[1].date.start == dt.date(2016, 5, 2)


def test_events_triggers_recalled_shooting_stays_background(nlp):
    text = "A man was shot on Friday. Police are also investigating the May 2 shooting near the park."
    times = [day(text, "Friday", dt.date(2016, 6, 10)), day(text, "May 2", dt.date(2016, 5, 2))]
    found = assaults(nlp, text, times)
    assert [m.background for m in found] == [False, True]


def test_events_triggers_shooting_dated_before_the_reported_one_is_background(nlp):
    text = ("Four people were shot late Thursday in the north of the city. "
            "They were at a vigil for a man killed in a shooting last week. Four people were hit.")
    times = [day(text, "Thursday", dt.date(2016, 6, 9))]
    start = text.index("last week")
    times.append(TimeMention(Span("t", start, start + 9, "last week"),
                             DateRange(dt.date(2016, 5, 30), dt.date(2016, 6, 5), "week")))
    found = assaults(nlp, text, times)
    by_word = {m.trigger.text: m.background for m in found}
    assert by_word["shot"] is False and by_word["hit"] is False
    assert by_word["shooting"] is True


def test_events_triggers_filming_is_no_shooting_and_time_of_is_no_recall(nlp):
    text = ("A man was killed Saturday when shots were fired near the park. "
            "Many people there were shooting video on their phones at the time of the shooting.")
    found = assaults(nlp, text, [day(text, "Saturday", dt.date(2016, 6, 11))])
    assert [m.trigger.text for m in found] == ["fired", "shooting"]
    assert not any(m.background for m in found)


def test_events_triggers_follow_up_verb_dates_its_own_shooting(nlp):
    text = ("The attorney for a boy charged with killing his friend wants the case moved. "
            "The victim was fatally shot on the evening of March 20.")
    times = [day(text, "March 20", dt.date(2016, 3, 20))]
    found = assaults(nlp, text, times, published=dt.date(2016, 4, 20))
    assert [m.background for m in found] == [False, False]
    assert found[-1].date.start == dt.date(2016, 3, 20)


def test_events_triggers_series_count_is_not_dated_by_its_year(nlp):
    text = "A man was shot and killed on Thursday. It was the city's fifth homicide this year."
    start = text.index("this year")
    times = [day(text, "Thursday", dt.date(2016, 6, 9)),
             TimeMention(Span("t", start, start + 9, "this year"),
                         DateRange(dt.date(2016, 1, 1), dt.date(2016, 12, 31), "year"))]
    found = assaults(nlp, text, times)
    homicide = next(m for m in found if m.trigger.text == "homicide")
    assert homicide.date.start is None and homicide.time is None
    assert found[0].date.start == dt.date(2016, 6, 9)


@pytest.mark.parametrize("first,second,background", [
    # one night told from both sides of midnight: the same shooting
    ("overnight", "Sunday night", False),
    ("early Monday", "late Sunday", False),
    # the afternoon before is another shooting
    ("overnight", "Sunday afternoon", True),
    ("Monday evening", "Sunday night", True),
])
def test_events_triggers_the_night_before_after_midnight_is_the_same_night(nlp, first, second, background):
    text = (f"A girl is recovering after she was accidentally shot in the foot {first} in Shreveport. "
            f"Police said a man was shot in the leg {second} near the park.")
    published = dt.date(2017, 1, 16)  # a Monday
    times = [day(text, first, published), day(text, second, published - dt.timedelta(days=1))]
    found = assaults(nlp, text, times, published=published)
    assert [m.background for m in found] == [False, background]


def test_events_triggers_the_attack_before_a_death_is_that_death_s_attack(nlp):
    # the first day given is the death's: the shooting the night before is its attack
    text = ("A teenager who was shot in a drive-by during his birthday party died Sunday, the sheriff said. "
            "He was shot in the head at about 10:30 p.m. Saturday at a home on Kingsland Avenue.")
    published = dt.date(2016, 10, 24)
    times = [day(text, "Sunday", dt.date(2016, 10, 23)), day(text, "about 10:30 p.m. Saturday", dt.date(2016, 10, 22))]
    found = assaults(nlp, text, times, published=published)
    assert found and not any(m.background for m in found)
    # a shooting dated before another shooting is still another one
    text = ("A teenager was shot in a drive-by Sunday, the sheriff said. "
            "A man was shot at about 10:30 p.m. Saturday at a home on Kingsland Avenue.")
    times = [day(text, "Sunday", dt.date(2016, 10, 23)), day(text, "about 10:30 p.m. Saturday", dt.date(2016, 10, 22))]
    found = assaults(nlp, text, times, published=published)
    assert [m.background for m in found] == [False, True]


def test_events_triggers_the_wounded_on_a_named_day_date_the_shooting(nlp):
    # "wounded" after the shooting is reported makes no mention of its own unless it
    # names the day, which is then the attack's; "died" never dates it
    sat = dt.date(2016, 6, 11)
    text = ("Deputies are looking for two suspects after a shooting at a Christmas party. "
            "Seven people were wounded at a private party in Rockingham County Saturday.")
    found = assaults(nlp, text, times=[day(text, "Saturday", sat)])
    assert [m.trigger.text for m in found] == ["shooting", "wounded"]
    assert found[1].date.start == sat
    assert [m.trigger.text for m in assaults(nlp, text.replace(" Saturday", ""))] == ["shooting"]
    text = "A man was shot on Main Street. He died Sunday at the hospital."
    assert [m.trigger.text for m in assaults(nlp, text, times=[day(text, "Sunday", dt.date(2016, 6, 12))])] == ["shot"]


@pytest.mark.parametrize("text, trigger", [
    # a relation denied is no happening denied
    ("Authorities said the two shooting deaths on Wednesday night were not connected.", "shooting"),
])
def test_events_triggers_a_denied_relation_leaves_the_shooting(nlp, text, trigger):
    assert [m.trigger.text for m in assaults(nlp, text)] == [trigger]
