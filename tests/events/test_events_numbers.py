"""Number parsing for casualty counts, without the model."""
from __future__ import annotations

import pytest

from newsweave.events.lexicon import load_lexicon
from newsweave.events.numbers import parse_count, word_value


@pytest.fixture(scope="module")
def nums():
    return load_lexicon().numbers


@pytest.mark.parametrize(
    "words, expected",
    [
        (["four"], (4, "exact")),
        (["21"], (21, "exact")),
        (["1,200"], (1200, "exact")),
        (["twenty-one"], (21, "exact")),
        (["at", "least", "seven"], (7, "at_least")),
        (["more", "than", "20"], (20, "at_least")),
        (["up", "to", "five"], (5, "at_most")),
        (["about", "30"], (30, "about")),
        (["nearly", "two", "hundred"], (200, "about")),
        (["dozens"], (24, "at_least")),
        (["several"], (3, "at_least")),
        (["a"], (1, "exact")),
        (["two"], (2, "exact")),
        (["both"], (2, "exact")),
        (["a", "dozen"], (12, "exact")),
        (["a", "hundred"], (100, "exact")),
    ],
)
def test_numbers_parse_count(nums, words, expected):
    assert parse_count(words, nums) == expected


def test_numbers_parse_count_rejects_non_numbers(nums):
    assert parse_count(["people"], nums) is None
    assert parse_count([], nums) is None


def test_numbers_word_value(nums):
    assert word_value("Seven", nums) == (7, "exact")
    assert word_value("hundreds", nums) == (200, "at_least")
    assert word_value("militiamen", nums) is None


def _claim(i: int, attr: str, value: int, quote: str, subject=None, start: int = 0):
    from newsweave.records import Claim

    return Claim(id=f"c{i}", mention="m1", attribute=attr, value=value, doc="d", start=start, end=start + len(quote),
                 quote=quote, subject=subject)


def test_numbers_reconcile_drops_parts_of_the_wounded_count():
    from newsweave.events.claims import reconcile_counts

    claims = [
        _claim(1, "injured", 4, "Four people were shot and wounded.", "people"),
        _claim(2, "injured", 1, "One man was wounded in the ankle.", "man", 40),
        _claim(3, "injured", 0, "No one else was hurt.", None, 80),
    ]
    kept = reconcile_counts(claims, set(), "", load_lexicon())
    assert [c.value for c in kept] == [4]


def test_numbers_reconcile_adds_shooter_reported_apart():
    from newsweave.events.claims import reconcile_counts

    claims = [
        _claim(1, "killed", 2, "Two people were found dead in the house.", "people"),
        _claim(2, "killed", 1, "Police said he then turned the gun on himself.", "shooter", 50),
    ]
    kept = reconcile_counts(claims, set(), "", load_lexicon())
    assert max(c.value for c in kept if c.attribute == "killed") == 3


def test_numbers_reconcile_keeps_background_counts_apart():
    from newsweave.events.claims import reconcile_counts

    claims = [
        _claim(1, "injured", 9, "Nine were hurt in a shooting last year.", "people"),
        _claim(2, "injured", 1, "A woman was wounded on Sunday.", "woman", 60),
    ]
    claims[0].mention = "old"
    kept = reconcile_counts(claims, {"old"}, "", load_lexicon())
    assert len(kept) == 2


def test_numbers_reconcile_zero_about_officers_is_not_the_toll():
    from newsweave.events.claims import reconcile_counts

    claims = [
        _claim(1, "injured", 2, "Two people were wounded in the shooting.", "people"),
        _claim(2, "injured", 0, "No officers were hurt.", None, 50),
    ]
    kept = reconcile_counts(claims, set(), "", load_lexicon())
    assert [c.value for c in kept] == [2]


def test_numbers_reconcile_one_of_the_victims_died_leaves_the_rest_wounded():
    from newsweave.events.claims import reconcile_counts

    claims = [
        _claim(1, "injured", 4, "All four victims were taken to a hospital.", "victims"),
        _claim(2, "killed", 1, "One of the victims later died.", "victims", 50),
    ]
    kept = reconcile_counts(claims, set(), "", load_lexicon())
    assert [c.value for c in kept if c.attribute == "injured"] == [3]


def test_numbers_reconcile_more_victims_are_not_among_the_wounded():
    from newsweave.events.claims import reconcile_counts

    claims = [
        _claim(1, "injured", 4, "The shooting left four students injured.", "students"),
        _claim(2, "killed", 1, "Three more students were shot, one of them fatally.", "students", 50),
    ]
    kept = reconcile_counts(claims, set(), "", load_lexicon())
    assert [c.value for c in kept if c.attribute == "injured"] == [4]


def test_numbers_reconcile_victims_told_apart_add_up():
    from newsweave.events.claims import reconcile_counts

    text = "A 29-year-old man was shot in the leg. A 19-year-old woman was shot in the arm."
    claims = [
        _claim(1, "injured", 1, text[:38], "man", 0),
        _claim(2, "injured", 1, text[39:], "woman", 39),
    ]
    kept = reconcile_counts(claims, set(), text, load_lexicon())
    top = [c for c in kept if c.attribute == "injured"]
    assert [c.value for c in top] == [2]
    assert text[top[0].start:top[0].end] == top[0].quote


def test_numbers_reconcile_same_sex_without_age_is_one_victim():
    from newsweave.events.claims import reconcile_counts

    text = "A man was shot in the leg on Friday. Police said a man was taken to a hospital."
    claims = [
        _claim(1, "injured", 1, text[:36], "man", 0),
        _claim(2, "injured", 1, text[37:], "man", 37),
    ]
    kept = reconcile_counts(claims, set(), text, load_lexicon())
    assert sorted(c.value for c in kept if c.attribute == "injured") == [1, 1]
