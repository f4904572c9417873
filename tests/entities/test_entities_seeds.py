"""On the sample corpus, every actor the outlets name differently is one entity."""
from __future__ import annotations

import pytest

from newsweave.entities import extract_entity_mentions, load_actors, resolve_entities
from newsweave.records import Article, DocAnalysis

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed_entities(nlp, shared_dir):
    actors = load_actors()
    paths = sorted((shared_dir / "seeds").glob("*.txt"))
    assert paths, "no seed articles found"
    articles = [Article(id=p.stem, source=str(p), text=p.read_text(encoding="utf-8")) for p in paths]
    analyses = []
    for art, doc in zip(articles, nlp.pipe(a.masked for a in articles)):
        mentions = extract_entity_mentions(doc, art, actors)
        for m in mentions:
            assert art.text[m.span.start: m.span.end] == m.span.text
        analyses.append(DocAnalysis(article=art, entities=mentions))
    entities = resolve_entities(analyses, actors)
    for a in analyses:
        assert all(m.entity for m in a.entities)
    return {e.id: e for e in entities}


@pytest.mark.parametrize(
    "entity_id, surfaces",
    [
        ("kataib-sayyid-al-shuhada", {"Sayyid Al-Shuhada Brigades", "Kataib Sayyid al-Shuhada", "Kata’ib Sayyid al-Shuhada", "Sayyid al-Shuhada Brigades"}),
        ("kataib-hezbollah", {"Iraqi Hezbollah Brigades", "Kataib Hezbollah", "Kata’ib Hezbollah", "Hezbollah Brigades in Iraq"}),
        ("united-states-defense-ministry", {"Pentagon", "US Department of Defense"}),
        ("popular-mobilization-forces", {"Popular Mobilization", "Popular Mobilization Forces", "popular crowd"}),
        ("sana", {"SANA", "official Syrian News Agency"}),
        ("syrian-observatory-for-human-rights", {"Syrian Observatory for Human Rights"}),
    ],
)
def test_seeds_dictionary_actors_are_one_entity(seed_entities, entity_id, surfaces) -> None:
    assert surfaces <= set(seed_entities[entity_id].aliases)


@pytest.mark.parametrize(
    "surfaces",
    [
        {"Mustafa al-Kadhimi", "Mustafa Al-Kazemi", "Kadhimi"},
        {"Antony Blinken", "Anthony Blinken"},
        {"Qasem Soleimani", "Qassem Soleimani"},
        {"John Kirby", "Kirby"},
        {"Joe Biden", "Biden"},
        {"Saeed Khatibzadeh"},
    ],
)
def test_seeds_people_are_one_entity(seed_entities, surfaces) -> None:
    holders = [e for e in seed_entities.values() if surfaces & set(e.aliases)]
    assert len(holders) == 1, [e.id for e in holders]
    assert holders[0].type == "PERSON" and surfaces <= set(holders[0].aliases)


def test_seeds_distinct_actors_stay_apart(seed_entities) -> None:
    kh, kss = seed_entities["kataib-hezbollah"], seed_entities["kataib-sayyid-al-shuhada"]
    assert not set(kh.aliases) & set(kss.aliases)
    kirby = next(e for e in seed_entities.values() if "John Kirby" in e.aliases)
    assert "Pentagon" not in kirby.aliases and kirby.id.startswith("person:")
    assert kirby.affiliation == "united-states-defense-ministry"
    assert "us-central-command" in seed_entities and "united-states" in seed_entities
    assert seed_entities["iraq-government"].id != seed_entities["iraq-armed-forces"].id
    assert "Iraqi army" in seed_entities["iraq-armed-forces"].aliases
