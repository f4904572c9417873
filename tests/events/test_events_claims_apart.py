"""Casualty counts that tell the dead from the wounded, and breakdowns from additions
(needs the model): hand-written reports in the style of US local news, read as the Gun
Violence Archive codes an incident (killed, injured)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_claims_found_a_deceased_male(tolls):
    text = "Upon arrival, deputies located a deceased male with a gunshot wound to the head."
    assert tolls(text)[0] == 1


def test_claims_dead_end_is_no_death(tolls):
    assert tolls("Police said the shooting investigation had reached a dead end.")[0] == 0


def test_claims_shot_dead_before_turning_the_gun_on_himself(tolls):
    text = "A man shot his 1-year-old daughter dead before turning the gun on himself, the sheriff said."
    assert tolls(text)[0] == 2


def test_claims_his_children_are_at_least_two(tolls):
    text = "Investigators believe the father killed his children on Sunday and then killed himself."
    assert tolls(text)[0] == 3


def test_claims_killer_shot_dead_in_turn_joins_the_toll(tolls):
    text = "Police said the man killed his wife and granddaughter before his son shot him to death."
    assert tolls(text)[0] == 3


def test_claims_an_age_before_the_taggers_noun_shot_is_its_victim(tolls):
    # the tagger reads "shot" after an age as a noun ("a 16-year-old shot")
    assert tolls("Authorities found a 16-year-old shot to death in a car on Sunday.") == (1, 0)
    assert tolls("Officers found the 2-year-old shot in the head on Sunday.") == (0, 1)
    # the age is the shooter: his brother is the one shot, counted elsewhere or not at all
    assert tolls("The 2-year-old shot his brother with a handgun on Sunday.")[0] == 0
