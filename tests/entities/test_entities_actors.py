"""The actor dictionary: coverage, indexes, and that distinct actors stay distinct."""
from __future__ import annotations

import pytest

from newsweave.entities import load_actors, normalize_name
from newsweave.entities.actors import ENTITY_TYPES, build_dictionary, Actor


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def _id(actors, name: str):
    a = actors.lookup(normalize_name(name))
    return a.id if a else None


def test_actors_dictionary_is_broad(actors) -> None:
    listed = [a for a in actors.actors.values() if not a.generated]
    countries = [a for a in actors.actors.values() if a.type == "COUNTRY"]
    assert len(listed) >= 300
    assert len(countries) >= 200
    assert {a.type for a in actors.actors.values()} <= set(ENTITY_TYPES)
    for a in actors.actors.values():
        assert a.affiliation is None or a.affiliation in actors.actors, a.id


@pytest.mark.parametrize(
    "names, expected",
    [
        (["Iraqi Hezbollah Brigades", "Hezbollah Brigades in Iraq", "Kata'ib Hezbollah", "Kataib Hezbollah", "KH"], "kataib-hezbollah"),
        (["Sayyid al-Shuhada Brigades", "Kata’ib Sayyid al-Shuhada", "KSS"], "kataib-sayyid-al-shuhada"),
        (["Popular Mobilization Forces", "Popular Mobilization Units", "al-Hashd al-Shaabi", "PMF", "PMU", "the popular crowd"], "popular-mobilization-forces"),
        (["Pentagon", "US Department of Defense", "U.S. Defense Department"], "united-states-defense-ministry"),
        (["SANA", "Syrian Arab News Agency", "official Syrian news agency"], "sana"),
        (["IRGC", "Islamic Revolutionary Guard Corps", "Revolutionary Guards"], "islamic-revolutionary-guard-corps"),
        (["ISIS", "ISIL", "Daesh", "Islamic State"], "islamic-state"),
        (["Houthis", "Ansar Allah", "Ansarullah"], "houthis"),
        (["United States", "U.S.", "USA", "America"], "united-states"),
        (["Iraqi government", "government of Iraq"], "iraq-government"),
        (["Iraqi army", "Iraqi military"], "iraq-armed-forces"),
        (["Iranian Foreign Ministry", "Iran's foreign ministry"], "iran-foreign-ministry"),
    ],
)
def test_actors_aliases_resolve_to_one_actor(actors, names, expected) -> None:
    assert [_id(actors, n) for n in names] == [expected] * len(names)


def test_actors_transliteration_skeleton_finds_unlisted_spellings(actors) -> None:
    assert _id(actors, "Kataeb Sayyed al-Shuhadaa") == "kataib-sayyid-al-shuhada"
    assert _id(actors, "Kata'ib Hizbollah") == "kataib-hezbollah"


def test_actors_similar_names_stay_distinct(actors) -> None:
    ids = {_id(actors, n) for n in ["Kata'ib Hezbollah", "Kata'ib Sayyid al-Shuhada", "Hezbollah", "Harakat al-Nujaba"]}
    assert len(ids) == 4
    assert _id(actors, "Iraqi government") != _id(actors, "Iraqi army")
    assert _id(actors, "United States") != _id(actors, "US Central Command")
    assert _id(actors, "Hamas") != _id(actors, "Palestinian Islamic Jihad")


def test_actors_capitals_are_not_country_aliases(actors) -> None:
    assert actors.lookup("washington") is None
    assert actors.capitals["washington"] == "united-states-government"
    assert actors.capitals["baghdad"] == "iraq-government"


def test_actors_scan_index_needs_capitals_for_acronyms(actors) -> None:
    table = actors.scan_table
    assert ("is",) in table and table[("is",)].cases == (2,)  # ISIS's "IS" only in capitals
    assert table[("popular", "crowd")].cases == (0, 0)  # translations match in lower case
    assert table[("pentagon",)].cases == (1,)  # one-word names must be capitalised


def test_actors_shared_alias_is_dropped_not_guessed() -> None:
    d = build_dictionary(
        [
            {"id": "a", "name": "Alpha Front", "type": "ARMED_GROUP", "aliases": ["AF"]},
            {"id": "b", "name": "Beta Front", "type": "ARMED_GROUP", "aliases": ["AF"]},
        ],
        [Actor("c", "Gamma", "COUNTRY", ("Gamma", "AF"), generated=True)],
        {},
    )
    assert d.lookup("af") is None
    assert "af" in d.ambiguous
    assert d.lookup("alpha front").id == "a"


def test_actors_listed_entry_overrides_generated_one(actors) -> None:
    dod = actors.actors["united-states-defense-ministry"]
    assert dod.name == "US Department of Defense" and not dod.generated
    assert _id(actors, "American defense ministry") == "united-states-defense-ministry"


def test_actors_unknown_affiliation_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown affiliation"):
        build_dictionary([{"id": "x", "name": "X", "type": "ARMED_GROUP", "affiliation": "nope"}], [], {})
