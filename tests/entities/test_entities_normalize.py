"""Alias keys, transliteration skeletons, titles and the same-person rule (no model)."""
from __future__ import annotations

import pytest

from newsweave.entities.normalize import (
    head_type,
    normalize_name,
    person_key,
    same_person,
    skeleton,
    slug,
    strip_titles,
)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Kata'ib Hezbollah", "Kataib Hezbollah"),
        ("Kata’ib Hezbollah", "KATAIB HEZBOLLAH"),
        ("the Kata'ib Hezbollah's", "Kataib Hezbollah"),
        ("Mustafa Al-Kadhimi", "mustafa al kadhimi"),
        ("Abu Mahdi al-Muhandis", "Abu Mahdi Muhandis"),
        ("Izz ad-Din al-Qassam Brigades", "Izz al-Din al-Qassam Brigades"),
        ("Stéphane Dujarric", "Stephane Dujarric"),
        ("U.S.", "US"),
    ],
)
def test_normalize_name_folds_spelling_variants(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


def test_normalize_name_keeps_different_names_apart() -> None:
    assert normalize_name("Kata'ib Hezbollah") != normalize_name("Hezbollah")
    assert normalize_name("Kata'ib Sayyid al-Shuhada") != normalize_name("Kata'ib Hezbollah")


@pytest.mark.parametrize(
    "a, b",
    [
        ("Kadhimi", "Kazemi"),
        ("Qasem", "Qassem"),
        ("Qassim", "Qasem"),
        ("Antony", "Anthony"),
        ("Soleimani", "Suleimani"),
        ("Muhandis", "Mohandes"),
        ("Mohammad", "Muhammad"),
        ("Hamzah", "Hamza"),
        ("Ebrahim", "Ibrahim"),
    ],
)
def test_skeleton_folds_transliteration_variants(a: str, b: str) -> None:
    assert skeleton(normalize_name(a)) == skeleton(normalize_name(b))


@pytest.mark.parametrize("a, b", [("Kirby", "Kerry"), ("Biden", "Bolton"), ("Hamas", "Hamad"), ("Nasrallah", "Nasser")])
def test_skeleton_keeps_different_names_apart(a: str, b: str) -> None:
    assert skeleton(normalize_name(a)) != skeleton(normalize_name(b))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("President Joe Biden", "joe biden"),
        ("Col. Wayne Marotto", "wayne marotto"),
        ("Secretary of State Antony Blinken", "antony blinken"),
        ("Prime Minister Mustafa al-Kadhimi", "mustafa kadhimi"),
        ("Gen. Qassem Soleimani", "qassem soleimani"),
        ("Sheikh Qais al-Khazali", "qais khazali"),
        ("Dr. Jane Smith Jr.", "jane smith jr"),
        ("Lt. Gen. Michael Kurilla", "michael kurilla"),
    ],
)
def test_person_key_strips_titles(text: str, expected: str) -> None:
    assert person_key(text) == expected


def test_strip_titles_leaves_a_title_only_key_empty() -> None:
    assert strip_titles("prime minister") == ""
    assert person_key("he") == ""


@pytest.mark.parametrize(
    "a, b",
    [
        ("Mustafa al-Kadhimi", "Mustafa Al-Kazemi"),
        ("Antony Blinken", "Anthony Blinken"),
        ("Qasem Soleimani", "Gen. Qassem Soleimani"),
        ("Kadhimi", "Prime Minister Mustafa al-Kadhimi"),
        ("Kirby", "John Kirby"),
        ("Saeed Khatibzadeh", "Saeed Khatib-Zadeh"),
        ("J. Kirby", "John Kirby"),
        ("James Glass Jr.", "James Glass"),
    ],
)
def test_same_person_joins_variants(a: str, b: str) -> None:
    assert same_person(a, b)
    assert same_person(b, a)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Joe Biden", "Hunter Biden"),
        ("John Kirby", "John Kerry"),
        ("Jen Psaki", "Joe Biden"),
        ("Ali Khamenei", "Mojtaba Khamenei"),
        ("", "Joe Biden"),
        ("James Glass Jr.", "James Glass Sr."),
        ("Jack", "Trish Joyce"),
        ("Brady", "Braxton Bourda"),
    ],
)
def test_same_person_keeps_different_people_apart(a: str, b: str) -> None:
    assert not same_person(a, b)


def test_head_type_types_unknown_organisations() -> None:
    assert head_type(normalize_name("Abbas Brigades")) == "ARMED_GROUP"
    assert head_type(normalize_name("Rocky Mount Police Department")) == "GOVERNMENT"
    assert head_type(normalize_name("Cheddar News")) == "MEDIA"
    assert head_type(normalize_name("Acme")) == "ORGANIZATION"


def test_slug_is_readable_and_stable() -> None:
    assert slug("Antony Blinken") == "antony-blinken"
    assert slug("Kata’ib Hezbollah") == "kataib-hezbollah"


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_normalize_name_is_idempotent_and_ascii(text: str) -> None:
    key = normalize_name(text)
    assert normalize_name(key) == key
    assert key.isascii() and key == key.strip()
    assert skeleton(key) == skeleton(normalize_name(key))
