"""Counts of lists of victims, ages inside them, places that are not hospitals, and a
perpetrator killed apart from the victims (needs the model).

Read as the Gun Violence Archive codes an incident: killed is the highest death toll the
article states for its event, injured the most common wounded count (ties: the lower;
none: 0).
"""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from newsweave.events import extract_events, load_lexicon
from newsweave.records import Article

pytestmark = pytest.mark.model


def test_claims_list_of_relatives_counts_each(tolls):
    text = "Investigators say a man shot and killed his wife, son and daughter before killing himself at a home."
    assert tolls(text)[0] == 4


def test_claims_name_age_list_counts_people(tolls):
    text = "Officials said that Dennie Moore, 66 and Gina Moore, 64 were found dead inside a home on Oak Court."
    assert tolls(text)[0] == 2


def test_claims_suspect_killed_by_police_adds_to_toll(tolls):
    text = ("Three members of a family were shot and killed at their home on Monday. "
            "The suspect died after being shot by police.")
    assert tolls(text)[0] == 4


def test_claims_repeated_caption_states_its_figure_once(nlp):
    caption = "Photo 1 of 3: Police say three young men were wounded by gunfire on Wednesday night."
    text = (f"{caption}\n\n{caption.replace('1 of 3', '2 of 3')}\n\n{caption.replace('1 of 3', '3 of 3')}\n\n"
            "The shooting happened near a basketball court, police said.")
    art = Article(id="g", source="test", text=text, published=dt.date(2021, 5, 10))
    res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=None, actors=None)
    _, claims = extract_events(nlp(art.masked), art, [], [], [], res)
    assert [c.value for c in claims if c.attribute == "injured"] == [3]


def test_claims_fatally_shot_after_a_noun(tolls):
    text = "The family of a 14-year-old boy fatally shot outside a restaurant is devastated by their loss."
    assert tolls(text)[0] == 1


def test_claims_child_who_shot_himself_is_the_only_dead(tolls):
    text = ("A 3-year-old boy fatally shot himself in the head while playing with his father's gun, police said. "
            "He was taken to a medical center, where he was pronounced dead.")
    assert tolls(text)[0] == 1


def test_claims_threat_to_take_his_own_life_is_no_death(tolls):
    text = ("When she arrived, her father had a gun and was threatening to take his own life. "
            "Officers talked him into putting the gun down.")
    assert tolls(text)[0] == 0


@pytest.mark.parametrize("last, kept", [
    # no one dead either: a happening of its own ("a separate rocket attack")
    ("No casualties were reported.", [0, 2]),
    # only the wounded: some of the people, not the article's toll
    ("No injuries were reported.", [2]),
])
def test_claims_a_zero_beside_people_wounded(nlp, last, kept):
    text = ("Police said two people were wounded in the attack on Sunday. "
            f"A separate rocket attack hit the base on Monday. {last}")
    art = Article(id="g", source="test", text=text, published=dt.date(2021, 5, 10))
    res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=None, actors=None)
    _, claims = extract_events(nlp(art.masked), art, [], [], [], res)
    assert sorted(c.value for c in claims if c.attribute == "injured") == kept
