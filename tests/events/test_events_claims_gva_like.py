"""Killed and injured counts of short hand-written reports in the style of US local
gun-violence news (needs the model).

Each article is read as the Gun Violence Archive codes an incident: killed is the
highest death toll the article states for its event, injured the most common wounded
count (ties: the lower; none: 0).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.model


def test_claims_city_statistics_are_not_the_toll(tolls):
    text = ("A man was shot and killed on Birch Road on Sunday night, police said. "
            "Police records show 212 people were killed in the county in 2019.")
    assert tolls(text) == (1, 0)


def test_claims_round_up_of_separate_shootings_is_not_one_toll(tolls):
    text = ("A woman was wounded in the leg on Garden Street on Saturday. "
            "Four people were killed and 14 were wounded in separate shootings across the city.")
    assert tolls(text) == (0, 1)


def test_claims_a_total_of(tolls):
    assert tolls("A total of 12 people were injured in the attack at the fair, officials said.")[1] == 12


def test_claims_shooter_added_when_reported_apart(tolls):
    text = ("Two people were found dead inside a house on Lake Drive on Friday. "
            "Investigators said the woman's husband then turned the gun on himself.")
    assert tolls(text)[0] == 3


def test_claims_shot_others_then_himself(tolls):
    text = "Deputies said the man shot his wife and her sister, then turned the gun on himself."
    assert tolls(text)[0] == 3


def test_claims_count_of_shot_beats_single_victims(tolls):
    text = ("Five people were shot outside a nightclub early Sunday. "
            "A woman was wounded in the arm, police said.")
    assert tolls(text) == (0, 5)


def test_claims_critical_victim_who_died_is_not_injured(tolls):
    text = ("A teenager was shot in the chest on Saturday and taken to a hospital in critical condition. "
            "The teenager died of his injuries on Sunday, police said.")
    assert tolls(text) == (1, 0)


def test_claims_first_person_quote_is_no_death(tolls):
    text = ('"They killed me!" the girl cried, her father said. '
            "The girl was grazed by a bullet and is expected to recover.")
    assert tolls(text) == (0, 1)


def test_claims_ages_addresses_and_calibres_are_not_counts(tolls):
    text = ("A 12-year-old boy was shot with a 9mm handgun at 3 p.m. in the 4500 block of Cedar Street. "
            "The boy, 12, was listed in stable condition.")
    assert tolls(text) == (0, 1)


def test_claims_coordinated_deaths_add_up(tolls):
    text = "The sheriff said two children died at the scene, and their father died later at a hospital."
    assert tolls(text)[0] == 3
    text = "A man died at the scene and another died at the hospital."
    assert tolls(text)[0] == 2
    # the same man told twice is not two dead
    text = "A man died Thursday after being shot. He died at a hospital and police said he was 30."
    assert tolls(text)[0] == 1


def test_claims_no_one_else_hurt_after_a_wounded_victim(tolls):
    text = "A man was wounded in the shooting on Pine Street. No one else was hurt, police said."
    assert tolls(text) == (0, 1)


def test_claims_nobody_hurt_alone_is_zero(tolls):
    text = "Shots were fired at a house on Pine Street overnight. No one was hurt, police said."
    assert tolls(text) == (0, 0)


def test_claims_caption_number_is_not_a_count(tolls):
    text = "Photo: 21 News Video\n\nA man died Thursday morning after being shot inside a home."
    assert tolls(text)[0] == 1


def test_claims_passive_count_left_without_subject(tolls):
    text = "A spokesman confirmed two young girls, ages 4 and 5, were killed in the shooting."
    assert tolls(text)[0] == 2


def test_claims_one_dead_another_critical(tolls):
    text = "RIVER COUNTY, Texas - One woman is dead and another is in critical condition after a shooting, deputies said."
    assert tolls(text) == (1, 1)


def test_claims_shooting_counts_are_not_people(tolls):
    text = "Five shootings in four days left three people dead and more injured on the east side."
    assert tolls(text)[0] != 5


def _count_cases() -> list[dict]:
    """Short reports and the (killed, injured) a reader of them counts, with why: the
    ways local news writes its counts (``cases_claims_counts.json``)."""
    path = Path(__file__).with_name("cases_claims_counts.json")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _count_cases(), ids=lambda c: c["why"][:60])
def test_claims_words_of_counts(tolls, case):
    assert tolls(case["text"]) == (case["killed"], case["injured"]), case["why"]



@pytest.mark.parametrize("text,killed,injured", [
    # an attack at a vigil or funeral: the death the gathering commemorates came before
    ("A gunman opened fire minutes into a vigil on Monday evening, wounding five people. "
     "The vigil was for Doreen Carter's 24-year-old son, who was killed Sunday.", 0, 5),
    ("Four people were shot while attending a funeral service Friday on Elm Street. "
     "Mourners had gathered for the funeral of Brandon Miles, who died Nov. 27, police said.", 0, 4),
    ("Three people were wounded when someone fired shots into the crowd at a candlelight vigil. "
     "The vigil honored Javon Banks, who died after he was shot during a robbery.", 0, 3),
    # a vigil for the victim of the shooting the article reports: that death is its toll
    ("Cassandra Nathan attended a vigil for her son Ketron, who was killed early Sunday "
     "in a shooting outside a bar on Main Street.", 1, None),
    # the shooting an attack is told to answer is its own, earlier, event
    ("A man was shot and wounded on Oak Street on Saturday. Police said the shooting was "
     "in retaliation for a Labor Day shooting that left one person dead.", 0, 1),
    ("Two men were wounded in a shooting on Elm Avenue on Friday. Investigators are probing whether "
     "the shooting is possible retaliation to the slaying of a man Wednesday on Myrtle Street.", 0, 2),
    # a vow answers the attack the article reports: that attack's toll stands
    ("Gunmen attacked the checkpoint on Sunday, killing four fighters. "
     "The group vowed revenge for the attack that killed four fighters.", 4, None),
])
def test_claims_a_mourned_death_or_an_answered_attack_is_not_the_attacks_toll(tolls, text, killed, injured):
    got = tolls(text)
    assert got[0] == killed
    if injured is not None:
        assert got[1] == injured
