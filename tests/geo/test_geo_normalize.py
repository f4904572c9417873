"""Name keys: spelling variants meet, different names stay apart."""
from __future__ import annotations

import pytest

from newsweave.geo.normalize import admin_stripped, name_key, skeleton


@pytest.mark.parametrize(
    "a,b",
    [("al-Qa'im", "Qaim"), ("Al Ḩasakah", "Hasaka"), ("Qa’im", "Qaim"), ("Fallujah", "Falluja"), ("Raqqah", "Raqqa")],
)
def test_geo_normalize_variants_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    "a,b", [("Deir ez-Zor", "Deir Ezzor"), ("Deir ez-Zor", "Deir al-Zour"), ("Deir ez-Zor", "Dayr az Zawr"), ("Irbil", "Erbil")]
)
def test_geo_normalize_variants_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(name_key(a)) == skeleton(name_key(b))


def test_geo_normalize_article_kept_when_alone() -> None:
    assert name_key("As") == "as"
    assert name_key("the Hague") == "hague"


def test_geo_normalize_different_names_differ() -> None:
    assert name_key("Mosul") != name_key("Basra")
    assert skeleton(name_key("Mosul")) != skeleton(name_key("Basra"))


def test_geo_normalize_admin_words_stripped() -> None:
    assert admin_stripped("Irbil province") == (name_key("Irbil"), True)
    assert admin_stripped("Diyala Governorate") == (name_key("Diyala"), True)
    assert admin_stripped("Baghdad") == (name_key("Baghdad"), False)


@pytest.mark.parametrize("text,streets", [
    ("The shooting happened outside Better Days Bar, located at 4030 Dixie Hwy.", {"dixie"}),
    ("It happened around 8:30 p.m. in the 7100 block of West Cavett Drive.", {"cavett"}),
    ("Police found them in the 2200 block of Falling Oaks Road and at 1700 S. Yale Ave.", {"falling oaks", "yale"}),
    # a street named without a number is no address; a name that merely ends in a street word neither
    ("Residents of Ford Street said The Wall Street Journal called.", set()),
    ("A 15-year-old was shot on Sunday.", set()),
])
def test_geo_streets_named(text, streets):
    from newsweave.geo.normalize import streets_named

    assert streets_named(text) == frozenset(streets)
