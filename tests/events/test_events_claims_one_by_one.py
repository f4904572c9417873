"""Victims listed with ages or described one by one, and the dead not counted again as
wounded (needs the model).

Read as the Gun Violence Archive codes an incident: killed is the highest death toll the
article states for its event, injured the most common wounded count (ties: the lower;
none: 0).
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_claims_names_with_ages_count_each_person(tolls):
    text = ("Betty Mungo, 55, Alexis Mungo, 29 and pregnant, and Armand Mungo, eight years old, "
            "were fatally shot in a mobile home on Pine Highway.")
    assert tolls(text)[0] == 3


def test_claims_list_broken_by_the_parser_counts_both(tolls):
    text = "Officers found Tanya Coles, 11, and her brother Devon, 15, shot to death inside the house on Oak Lane."
    assert tolls(text)[0] == 2


def test_claims_title_and_name_are_one_person(tolls):
    text = ("Marcus Jay, 32, and Officer Matt Gerard, 41, and a County Sheriff's Deputy, Brad Garner, 45, "
            "were killed during the attack.")
    assert tolls(text)[0] == 3


@pytest.mark.parametrize("text,killed", [
    ("Kenneth Mills, a 22-year-old man, was shot and killed in Bellflower. Mills, the manager of the shop, "
     "was pronounced dead at a hospital. German Booker, a 25-year-old customer at the shop, was also killed.", 2),
    # an ordinal already counts the one more, an animal is no victim, another shooting is another toll
    ("Two men were killed Sunday at the park. A third person was also killed in the melee.", 3),
    ("Four people were shot dead in the home. The family dog was also killed.", 4),
    ("A man was shot and killed on Main Street. Another child was also shot and killed in another "
     "drive-by shooting that same night.", 1),
])
def test_claims_one_more_dead_told_after_the_toll_joins_it(tolls, text, killed):
    assert tolls(text)[0] == killed


def _headline_tolls(nlp, title: str) -> list[tuple[str, int]]:
    import datetime as dt
    from types import SimpleNamespace

    from newsweave.events import extract_events, load_lexicon
    from newsweave.records import Article

    art = Article(id="h", source="test", text=title, title=title, published=dt.date(2021, 5, 10))
    res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=None, actors=None)
    _, claims = extract_events(nlp(art.masked), art, [], [], [], res)
    return [(c.attribute, c.value) for c in claims if c.attribute in ("killed", "injured")]


def test_claims_headline_without_article_counts_one(nlp):
    assert ("killed", 1) in _headline_tolls(nlp, "Shooting leaves young woman dead on Elm street")
    assert ("killed", 1) in _headline_tolls(nlp, "Springfield teen killed by apparent accidental gunshot")
