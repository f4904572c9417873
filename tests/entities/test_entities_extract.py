"""Mention extraction over hand-built Docs (a blank pipeline with entities set by
hand), so that the rules are tested without the statistical model."""
from __future__ import annotations

import pytest
import spacy

from newsweave.entities import extract_entity_mentions, load_actors
from newsweave.records import Article


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def _doc(blank, text: str, ents: list[tuple]):
    """A Doc over ``text`` with the given (surface, label[, after]) entities: the first
    occurrence of ``surface`` at or after character ``after``."""
    doc = blank(text)
    spans = []
    for surface, label, *after in ents:
        start = text.index(surface, after[0] if after else 0)
        span = doc.char_span(start, start + len(surface), label=label, alignment_mode="expand")
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return doc


def _run(blank, actors, text, ents):
    art = Article(id="d1", source="d1.txt", text=text)
    out = extract_entity_mentions(_doc(blank, text, ents), art, actors)
    for m in out:
        assert text[m.span.start: m.span.end] == m.span.text
    return out


def test_extract_trims_the_quotes_titles_and_possessive(blank, actors) -> None:
    text = 'And the "Sayyid Al-Shuhada Brigades" said Prime Minister Mustafa al-Kadhimi\'s office agreed.'
    ms = _run(blank, actors, text, [('the "Sayyid Al-Shuhada Brigades', "ORG"), ("Prime Minister Mustafa al-Kadhimi's", "PERSON")])
    got = {(m.span.text, m.type, m.entity) for m in ms}
    assert ("Sayyid Al-Shuhada Brigades", "ARMED_GROUP", "kataib-sayyid-al-shuhada") in got
    assert ("Mustafa al-Kadhimi", "PERSON", None) in got
    person = next(m for m in ms if m.type == "PERSON")
    assert person.key == "mustafa kadhimi"


def test_extract_dictionary_scan_extends_short_ner_spans(blank, actors) -> None:
    text = "The threat came after the Iran-backed Hezbollah Brigades in Iraq warned again."
    ms = _run(blank, actors, text, [("Hezbollah Brigades", "PERSON")])
    assert [(m.span.text, m.entity) for m in ms] == [("Hezbollah Brigades in Iraq", "kataib-hezbollah")]


def test_extract_finds_lower_case_translations_ner_misses(blank, actors) -> None:
    text = "Factions of the popular crowd vowed revenge, the official Syrian news agency reported."
    ms = _run(blank, actors, text, [])
    assert {m.entity for m in ms} == {"popular-mobilization-forces", "sana"}
    assert all(m.label == "DICT" for m in ms)


def test_extract_acronyms_match_only_in_capitals(blank, actors) -> None:
    text = "It is what IS fighters say; let us see who the WHO sends."
    ms = _run(blank, actors, text, [])
    assert [(m.span.text, m.entity) for m in ms] == [("IS", "islamic-state"), ("WHO", "who")]


def test_extract_matches_do_not_cross_punctuation(blank, actors) -> None:
    text = "In Iran, foreign ministry staff were quiet."
    ms = _run(blank, actors, text, [])
    assert all(m.entity != "iran-foreign-ministry" for m in ms)


def test_extract_title_fragments_are_not_organisations(blank, actors) -> None:
    text = "Secretary of State Antony Blinken met House Speaker Nancy Pelosi near the al-Omar oil field."
    ms = _run(blank, actors, text, [("State", "ORG"), ("Antony Blinken", "PERSON"), ("House", "ORG"), ("Nancy Pelosi", "PERSON"), ("the al-Omar", "ORG")])
    assert [m.span.text for m in ms] == ["Antony Blinken", "Nancy Pelosi"]


def test_extract_person_after_actor_title_gets_affiliation(blank, actors) -> None:
    text = "Pentagon spokesman John Kirby said the strikes were defensive."
    ms = _run(blank, actors, text, [("Pentagon", "ORG"), ("John Kirby", "PERSON")])
    assert [(m.span.text, m.type, m.entity, m.affiliation) for m in ms] == [
        ("Pentagon", "GOVERNMENT", "united-states-defense-ministry", None),
        ("John Kirby", "PERSON", None, "united-states-defense-ministry"),
    ]


def test_extract_gpe_country_is_country_and_city_is_place(blank, actors) -> None:
    text = "Iraq said the strike near Rome and Baghdad was illegal."
    ms = _run(blank, actors, text, [("Iraq", "GPE"), ("Rome", "GPE"), ("Baghdad", "GPE")])
    # no parse in a blank pipeline: a capital is not known to act, so it stays a place
    assert [(m.span.text, m.type, m.entity) for m in ms] == [("Iraq", "COUNTRY", "iraq")]


def test_extract_misread_surname_becomes_person(blank, actors) -> None:
    text = "Jen Psaki spoke first. Later Psaki added that Kadhimi agreed."
    ms = _run(blank, actors, text, [("Jen Psaki", "PERSON"), ("Psaki", "ORG", 20), ("Kadhimi", "GPE")])
    got = [(m.span.text, m.span.start, m.type) for m in ms]
    assert got == [("Jen Psaki", 0, "PERSON"), ("Psaki", 29, "PERSON")]
    # "Kadhimi" has no full name here: an unknown GPE, left to the place stage


def test_extract_norp_only_when_it_names_an_actor(blank, actors) -> None:
    text = "Iraqi officials said Houthis fired missiles."
    ms = _run(blank, actors, text, [("Iraqi", "NORP"), ("Houthis", "NORP")])
    assert [(m.span.text, m.entity) for m in ms] == [("Iraqi officials", "iraq-government"), ("Houthis", "houthis")]


from hypothesis import given, settings, strategies as st  # noqa: E402

_BLANK: dict = {}
_PIECES = ["Kata’ib", "Hezbollah", "Brigades", "in", "Iraq", "the", "popular", "crowd", "U.S.", "forces", "IS", "al-", "Shuhada",
           "Sayyid", ",", ".", "\n", "'s", "“", "”", "Pentagon", "spokesman", "AP", "Iraqi", "army", " "]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_extract_spans_are_trimmed_disjoint_slices(pieces) -> None:
    if "nlp" not in _BLANK:
        _BLANK["nlp"] = spacy.blank("en")
    blank_nlp = _BLANK["nlp"]
    text = " ".join(pieces)
    art = Article(id="h", source="h", text=text)
    ms = extract_entity_mentions(blank_nlp(text), art, load_actors())
    last_end = 0
    for m in ms:
        assert 0 <= m.span.start < m.span.end <= len(text)
        assert text[m.span.start: m.span.end] == m.span.text == m.span.text.strip()
        assert m.span.start >= last_end
        last_end = m.span.end
        assert m.entity is not None and m.label == "DICT"
