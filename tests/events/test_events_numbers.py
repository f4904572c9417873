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
