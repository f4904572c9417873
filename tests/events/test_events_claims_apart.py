"""Casualty counts that tell the dead from the wounded, and breakdowns from additions
(needs the model): hand-written reports in the style of US local news, read as the Gun
Violence Archive codes an incident (killed, injured)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_claims_coordinated_dead_and_shot_are_different_people(tolls):
    text = "A father was killed and his 4-year-old son was shot by two masked men on Saturday afternoon."
    assert tolls(text) == (1, 1)


def test_claims_also_shot_is_someone_else(tolls):
    text = "A 15-year-old boy was killed in the shooting while his mother was also shot, police said."
    assert tolls(text) == (1, 1)


def test_claims_shot_and_killed_is_one_person(tolls):
    assert tolls("A man was shot and killed on Oak Street on Sunday night.") == (1, 0)


def test_claims_shooting_another_then_killing_the_same(tolls):
    text = "A teenager playing with a gun accidentally shot another teen in the chest, killing the youth."
    assert tolls(text) == (1, 0)


def test_claims_others_shot_are_not_reduced_by_the_dead(tolls):
    text = ("The gunman opened fire on Friday night, shooting and killing an 18-year-old. "
            "Three other men in the apartment, two aged 18 and one 19, were also shot but survived.")
    assert tolls(text) == (1, 3)


def test_claims_breakdown_of_a_count_is_not_added(tolls):
    text = "When officers arrived, 13 people, 11 males and two females, were found with gunshot wounds."
    assert tolls(text) == (0, 13)


def test_claims_fatal_wounds_are_a_death(tolls):
    text = "Deputies found a female victim who had suffered fatal gunshot wounds inside the home."
    assert tolls(text) == (1, 0)


def test_claims_non_fatal_wound_is_an_injury(tolls):
    assert tolls("The man suffered a non-fatal gunshot wound in the shooting on Sunday.") == (0, 1)


def test_claims_did_not_survive(tolls):
    text = "The teen was shot on Main Street and rushed to a hospital with severe injuries but did not survive."
    assert tolls(text) == (1, 0)


def test_claims_found_a_deceased_male(tolls):
    text = "Upon arrival, deputies located a deceased male with a gunshot wound to the head."
    assert tolls(text)[0] == 1


def test_claims_dead_end_is_no_death(tolls):
    assert tolls("Police said the shooting investigation had reached a dead end.")[0] == 0


def test_claims_wounded_suspect_is_the_shooter_who_died(tolls):
    text = ("A standoff ended with a man killing his 2-year-old son and then taking his own life. "
            "The child was flown to a hospital and the suspect was taken by ambulance to a medical center.")
    assert tolls(text) == (2, 0)


def test_claims_victim_of_a_murder_suicide_found_wounded_is_the_dead(tolls):
    text = ("A man shot and killed his 3-year-old daughter before turning the gun on himself Friday evening. "
            "When deputies entered his apartment, they found the girl with a gunshot wound to her head.")
    assert tolls(text) == (2, 0)


def test_claims_the_other_boy_shot_is_the_dead(tolls):
    text = ("Police say a 10-year-old shot and killed an 11-year-old inside a home Thursday. "
            "Both boys were playing with the handgun when one of them shot the other boy with it.")
    assert tolls(text) == (1, 0)


def test_claims_also_after_the_verb_is_not_another_victim(tolls):
    text = ("A 15-year-old was shot about 8:50 p.m. on Woodland Avenue, also in the central city. "
            "The youth was taken to a hospital where he was pronounced dead.")
    assert tolls(text) == (1, 0)


def test_claims_shot_dead_before_turning_the_gun_on_himself(tolls):
    text = "A man shot his 1-year-old daughter dead before turning the gun on himself, the sheriff said."
    assert tolls(text)[0] == 2


def test_claims_his_children_are_at_least_two(tolls):
    text = "Investigators believe the father killed his children on Sunday and then killed himself."
    assert tolls(text)[0] == 3


def test_claims_killer_shot_dead_in_turn_joins_the_toll(tolls):
    text = "Police said the man killed his wife and granddaughter before his son shot him to death."
    assert tolls(text)[0] == 3


def test_claims_they_died_counts_the_group_once(tolls):
    text = ("When officers arrived, they found two men who had been shot, and they were taken to a "
            "hospital where they died, police said. Officers found the two men with gunshot wounds "
            "at the scene.")
    assert tolls(text) == (2, 0)


def test_claims_other_wounded_group_stays(tolls):
    text = "Two people were killed on Sunday. Two other men were wounded, police said."
    assert tolls(text) == (2, 2)


def test_claims_a_generic_remark_about_children_is_no_toll(tolls):
    text = ("A 6-year-old boy was critically wounded on Thursday night. "
            '"People\'s children are dying for no reason," a neighbour said.')
    assert tolls(text) == (0, 1)


def test_claims_they_shot_stays_a_count_of_people_shot(tolls):
    text = ("A 24-year-old man died and three others were hurt in a shooting on Saturday. "
            "Officers found four people who had been shot and they were taken to nearby hospitals.")
    assert tolls(text) == (1, 3)


def test_claims_the_other_victims_are_the_dead(tolls):
    text = ("An incident at a hotel left four people dead in a murder and suicide. "
            '"McKay shot the other three victims and then committed suicide," police wrote.')
    assert tolls(text) == (4, 0)
