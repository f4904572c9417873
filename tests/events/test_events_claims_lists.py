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


def test_claims_ages_after_a_count_are_not_added(tolls):
    text = ("Two people were shot near a park on Sunday night. "
            "Two men, 19 and 20, were taken to a hospital, police said.")
    assert tolls(text) == (0, 2)


def test_claims_name_age_list_counts_people(tolls):
    text = "Officials said that Dennie Moore, 66 and Gina Moore, 64 were found dead inside a home on Oak Court."
    assert tolls(text)[0] == 2


def test_claims_second_clause_keeps_its_own_count(tolls):
    text = "Police are investigating after one man was killed and three injured in a shooting at an apartment."
    assert tolls(text) == (1, 3)


def test_claims_body_to_the_examiner_is_not_injured(tolls):
    text = ("A man was shot and killed on Elm Street on Friday. "
            "His body was transported to the medical examiner's office.")
    assert tolls(text) == (1, 0)


def test_claims_detention_center_is_not_a_hospital(tolls):
    text = ("A 19-year-old man was shot and killed on Elm Street on Friday. "
            "The teen suspect was taken to a juvenile detention center.")
    assert tolls(text) == (1, 0)


def test_claims_suspect_killed_by_police_adds_to_toll(tolls):
    text = ("Three members of a family were shot and killed at their home on Monday. "
            "The suspect died after being shot by police.")
    assert tolls(text)[0] == 4


def test_claims_coordinated_wounded_add_up(tolls):
    text = "A 29-year-old man was shot in the leg, and a 33-year-old man was shot in the arm."
    assert tolls(text) == (0, 2)


def test_claims_number_of_shots_is_not_people(tolls):
    text = "The gunman fired about 10 times at the car, killing two men, police said."
    assert tolls(text) == (2, 0)


def test_claims_victim_who_died_is_not_also_injured(tolls):
    text = ("A 14-year-old boy was shot outside a restaurant on Monday night. "
            "Police said his grandson was flown to a hospital in critical condition. "
            "The boy died at the hospital.")
    assert tolls(text) == (1, 0)


def test_claims_a_woman_wounded_besides_a_dead_man_counts(tolls):
    text = ("A man was shot and killed on Elm Street on Friday. "
            "A woman was taken to a hospital with a gunshot wound to the leg.")
    assert tolls(text) == (1, 1)


def test_claims_repeated_caption_states_its_figure_once(nlp):
    caption = "Photo 1 of 3: Police say three young men were wounded by gunfire on Wednesday night."
    text = (f"{caption}\n\n{caption.replace('1 of 3', '2 of 3')}\n\n{caption.replace('1 of 3', '3 of 3')}\n\n"
            "The shooting happened near a basketball court, police said.")
    art = Article(id="g", source="test", text=text, published=dt.date(2021, 5, 10))
    res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=None, actors=None)
    _, claims = extract_events(nlp(art.masked), art, [], [], [], res)
    assert [c.value for c in claims if c.attribute == "injured"] == [3]


def test_claims_boy_who_shot_himself_in_the_hand_is_injured(tolls):
    text = "Police said a 12-year-old boy accidentally shot himself in the hand on Friday night."
    assert tolls(text) == (0, 1)


def test_claims_shooting_himself_and_a_woman_counts_both(tolls):
    text = "Police say the man accidentally discharged a gun early Sunday, shooting himself and a woman."
    assert tolls(text) == (0, 2)


def test_claims_striking_people_with_gunfire(tolls):
    text = "Detectives say the man fired a gun from the parking lot into the bar, striking five people."
    assert tolls(text) == (0, 5)


def test_claims_struck_by_a_car_is_no_shooting(tolls):
    assert tolls("The boy was struck by a car on Main Street on Tuesday.") == (0, 0)


def test_claims_found_with_a_gunshot_wound(tolls):
    text = "Officers returned to find the girl with a gunshot wound to her leg, police said."
    assert tolls(text) == (0, 1)


def test_claims_found_with_a_fatal_wound_is_not_injured(tolls):
    text = "The man was found with a fatal gunshot wound, deputies said. He died at the scene."
    assert tolls(text) == (1, 0)


def test_claims_fatally_shot_after_a_noun(tolls):
    text = "The family of a 14-year-old boy fatally shot outside a restaurant is devastated by their loss."
    assert tolls(text)[0] == 1


def test_claims_the_dead_are_not_also_injured(tolls):
    text = "The woman died of a gunshot wound to the chest, but also suffered burns in the fire, police said."
    assert tolls(text) == (1, 0)


def test_claims_another_victim_shot_keeps_the_wounded(tolls):
    text = ("A 15-year-old was shot outside a restaurant. He later died at a hospital. "
            "Another 15-year-old in the car was also shot. At last check, the teen was in critical condition.")
    assert tolls(text) == (1, 1)


def test_claims_no_one_else_hurt_is_not_a_zero_toll(tolls):
    text = "A man was shot in the leg outside a bar on Friday night. No one else was hurt, police said."
    assert tolls(text) == (0, 1)


def test_claims_child_who_shot_himself_is_the_only_dead(tolls):
    text = ("A 3-year-old boy fatally shot himself in the head while playing with his father's gun, police said. "
            "He was taken to a medical center, where he was pronounced dead.")
    assert tolls(text)[0] == 1


def test_claims_threat_to_take_his_own_life_is_no_death(tolls):
    text = ("When she arrived, her father had a gun and was threatening to take his own life. "
            "Officers talked him into putting the gun down.")
    assert tolls(text)[0] == 0
