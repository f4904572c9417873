"""A headline that names a death without counting it reports at least one dead
(needs the model)."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from newsweave.events import extract_events, load_lexicon
from newsweave.records import Article

pytestmark = pytest.mark.model


def _killed(nlp, title: str, body: str | None = None) -> list[tuple[int, str]]:
    text = title if body is None else body
    art = Article(id="h", source="test", text=text, title=title, published=dt.date(2021, 5, 10))
    res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=None, actors=None)
    _, claims = extract_events(nlp(art.masked), art, [], [], [], res)
    return [(c.value, c.qualifier) for c in claims if c.attribute == "killed"]


@pytest.mark.parametrize("title", [
    "Slain teen identified, police say shooting was gang related",
    "Man charged in fatal shooting outside Oak Street bar",
    "Arrest made in homicide after backyard party",
    "19-year-old shot, killed inside apartment",
    "Teen charged in fatal Christmas Eve shooting",
])
def test_claims_headline_death_without_count_is_one(nlp, title):
    assert (1, "at_least") in _killed(nlp, title)


@pytest.mark.parametrize("title", [
    "Man charged with attempted murder after shooting at gas station",
    "Driver arrested for assault with a deadly weapon after shooting",
    "Two men shot outside nightclub, police say",
    "Officer made a fatal mistake, shooting review finds",
])
def test_claims_headline_without_death_implies_none(nlp, title):
    assert all(v == 0 for v, _ in _killed(nlp, title))


def test_claims_headline_count_is_kept(nlp):
    got = _killed(nlp, "Three killed, two wounded in shooting at house party")
    assert (3, "exact") in got and (1, "at_least") not in got


def test_claims_body_sentence_is_not_read_as_headline(nlp):
    line = "Homicide detectives called to shooting on Elm Street"
    assert (1, "at_least") in _killed(nlp, line)
    assert (1, "at_least") not in _killed(nlp, "Police news", line + ". A man was wounded in the leg.")


@pytest.mark.parametrize("title", [
    "Death of former mayor mourned across the county",
    "Retired teacher died peacefully at home, family says",
])
def test_claims_headline_death_without_attack_implies_none(nlp, title):
    assert (1, "at_least") not in _killed(nlp, title)
