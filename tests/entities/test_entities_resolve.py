"""Cross-document resolution over hand-built mentions (no model)."""
from __future__ import annotations

import random

import pytest

from newsweave.entities import load_actors, normalize_name, person_key, resolve_entities
from newsweave.records import Article, DocAnalysis, EntityMention, EventMention, Span


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def _analyses(docs: dict[str, list[tuple[str, str]]]) -> list[DocAnalysis]:
    """Documents made of the given (surface, type) mentions, one per line."""
    out = []
    for doc_id, items in docs.items():
        text = "\n".join(s for s, _ in items)
        art = Article(id=doc_id, source=doc_id, text=text)
        ms, pos = [], 0
        for surface, typ in items:
            key = person_key(surface) if typ == "PERSON" else normalize_name(surface)
            ms.append(EntityMention(span=Span(doc_id, pos, pos + len(surface), surface), label="X", type=typ, key=key))
            pos += len(surface) + 1
        out.append(DocAnalysis(article=art, entities=ms))
    return out


def _groups(entities) -> dict[str, set[str]]:
    return {e.id: set(e.aliases) for e in entities}


def test_resolve_surname_joins_full_name_in_same_document(actors) -> None:
    an = _analyses({"a": [("John Kirby", "PERSON"), ("Kirby", "PERSON")]})
    ents = resolve_entities(an, actors)
    assert _groups(ents) == {"person:john-kirby": {"John Kirby", "Kirby"}}
    assert all(m.entity == "person:john-kirby" for m in an[0].entities)


def test_resolve_surname_joins_full_name_across_documents(actors) -> None:
    an = _analyses({"a": [("Kadhimi", "PERSON")], "b": [("Mustafa al-Kadhimi", "PERSON")], "c": [("Mustafa Al-Kazemi", "PERSON")]})
    ents = resolve_entities(an, actors)
    assert _groups(ents) == {"person:mustafa-kadhimi": {"Kadhimi", "Mustafa al-Kadhimi", "Mustafa Al-Kazemi"}}


def test_resolve_ambiguous_surname_stays_apart(actors) -> None:
    an = _analyses({"a": [("Joe Biden", "PERSON"), ("Hunter Biden", "PERSON"), ("Biden", "PERSON")], "b": [("Biden", "PERSON")]})
    groups = _groups(resolve_entities(an, actors))
    assert groups["person:joe-biden"] == {"Joe Biden"}
    assert groups["person:hunter-biden"] == {"Hunter Biden"}
    assert groups["person:biden"] == {"Biden"}


def test_resolve_surname_prefers_its_own_document(actors) -> None:
    an = _analyses({"a": [("Joe Biden", "PERSON"), ("Biden", "PERSON")], "b": [("Hunter Biden", "PERSON"), ("Biden", "PERSON")]})
    ents = resolve_entities(an, actors)
    by_doc = {(m.span.doc, m.span.text): m.entity for a in an for m in a.entities}
    assert by_doc[("a", "Biden")] == "person:joe-biden"
    assert by_doc[("b", "Biden")] == "person:hunter-biden"
    assert len(ents) == 2


def test_resolve_transliterations_join_and_different_people_do_not(actors) -> None:
    an = _analyses({
        "a": [("Antony Blinken", "PERSON"), ("Qasem Soleimani", "PERSON"), ("John Kerry", "PERSON")],
        "b": [("Anthony Blinken", "PERSON"), ("Qassem Soleimani", "PERSON"), ("John Kirby", "PERSON")],
        "c": [("Antony Blinken", "PERSON"), ("Qasem Soleimani", "PERSON")],
    })
    groups = _groups(resolve_entities(an, actors))
    assert groups["person:antony-blinken"] == {"Antony Blinken", "Anthony Blinken"}
    assert groups["person:qasem-soleimani"] == {"Qasem Soleimani", "Qassem Soleimani"}
    assert groups["person:john-kerry"] == {"John Kerry"}
    assert groups["person:john-kirby"] == {"John Kirby"}


def test_resolve_dictionary_names_join_and_distinct_actors_stay_apart(actors) -> None:
    an = _analyses({
        "a": [("Iraqi Hezbollah Brigades", "ARMED_GROUP"), ("Sayyid al-Shuhada Brigades", "ARMED_GROUP"), ("Pentagon", "GOVERNMENT")],
        "b": [("Kata'ib Hezbollah", "ARMED_GROUP"), ("Hezbollah", "ARMED_GROUP"), ("US Department of Defense", "GOVERNMENT"), ("US Central Command", "MILITARY"), ("United States", "COUNTRY")],
    })
    ents = resolve_entities(an, actors)
    groups = _groups(ents)
    assert groups["kataib-hezbollah"] == {"Iraqi Hezbollah Brigades", "Kata'ib Hezbollah"}
    assert groups["kataib-sayyid-al-shuhada"] == {"Sayyid al-Shuhada Brigades"}
    assert groups["hezbollah"] == {"Hezbollah"}
    assert groups["united-states-defense-ministry"] == {"Pentagon", "US Department of Defense"}
    assert groups["us-central-command"] == {"US Central Command"}
    assert groups["united-states"] == {"United States"}
    kh = next(e for e in ents if e.id == "kataib-hezbollah")
    assert kh.affiliation == "popular-mobilization-forces" and kh.type == "ARMED_GROUP"


def test_resolve_unknown_organisations_join_on_key(actors) -> None:
    an = _analyses({"a": [("Rocky Mount Police Department", "GOVERNMENT")], "b": [("the Rocky Mount Police Department", "GOVERNMENT")]})
    ents = resolve_entities(an, actors)
    assert [(e.id, len(e.mentions)) for e in ents] == [("org:rocky-mount-police-department", 2)]


def test_resolve_is_order_independent(actors) -> None:
    docs = {
        "a": [("Kirby", "PERSON"), ("Biden", "PERSON"), ("Pentagon", "GOVERNMENT")],
        "b": [("John Kirby", "PERSON"), ("Joe Biden", "PERSON"), ("Anthony Blinken", "PERSON")],
        "c": [("Antony Blinken", "PERSON"), ("Kirby", "PERSON"), ("Acme Brigades", "ARMED_GROUP")],
    }
    want = [e.as_dict() for e in resolve_entities(_analyses(docs), actors)]
    rng = random.Random(7)
    for _ in range(5):
        keys = list(docs)
        rng.shuffle(keys)
        shuffled = {k: rng.sample(docs[k], len(docs[k])) for k in keys}
        got = [e.as_dict() for e in resolve_entities(_analyses(shuffled), actors)]
        # offsets differ with the line order; ids, names and aliases must not
        assert [(e["id"], e["name"], e["aliases"]) for e in got] == [(e["id"], e["name"], e["aliases"]) for e in want]


def test_resolve_sets_entity_on_event_argument_mentions(actors) -> None:
    an = _analyses({"a": [("Kata'ib Hezbollah", "ARMED_GROUP"), ("John Kirby", "PERSON")]})
    actor, person = an[0].entities
    ev = EventMention(id="a:0", doc="a", type="ASSAULT", trigger=actor.span, sentence=actor.span, actors=[actor])
    an[0].events.append(ev)
    extra = EntityMention(span=person.span, label="PERSON", type="PERSON", key="john kirby")
    ev.targets.append(extra)  # a mention only the event holds
    resolve_entities(an, actors)
    assert ev.actors[0].entity == "kataib-hezbollah"
    assert extra.entity == "person:john-kirby"


def test_resolve_person_affiliation_from_titles(actors) -> None:
    an = _analyses({"a": [("John Kirby", "PERSON")], "b": [("John Kirby", "PERSON")]})
    an[0].entities[0].affiliation = "united-states-defense-ministry"
    ents = resolve_entities(an, actors)
    assert ents[0].affiliation == "united-states-defense-ministry"
