"""The outlet a report names as itself (hand-built mentions: no model needed)."""
from __future__ import annotations

from newsweave.entities import load_actors
from newsweave.entities.outlet import self_named_outlet
from newsweave.records import Article, EntityMention, Span


def _media(text: str, name: str, entity: str, nth: int = 0) -> EntityMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return EntityMention(Span("a", start, start + len(name), name), "ORG", "MEDIA", key=name.lower(), entity=entity)


def _outlet(text: str, mentions: list[EntityMention]):
    return self_named_outlet(Article(id="a", source="t", text=text), mentions, load_actors())


def test_entities_outlet_a_source_told_it():
    text = "Afghan militias were behind the attack, a military source has told IranWire."
    assert _outlet(text, [_media(text, "IranWire", "iranwire")]) == "IranWire"
    text = "A spokesman told The Associated Press that no one was hurt."
    assert _outlet(text, [_media(text, "Associated Press", "associated-press")]) == "Associated Press"


def test_entities_outlet_an_interview_yields_to_a_source_told():
    text = ("A source told IranWire that the brigade was behind it. "
            "In an interview with AP in Baghdad, the commander said they would respond.")
    mentions = [_media(text, "IranWire", "iranwire"), _media(text, "AP", "associated-press")]
    assert _outlet(text, mentions) == "IranWire"
    text = "In an interview with AP in Baghdad, the commander said they would respond."
    assert _outlet(text, [_media(text, "AP", "associated-press")]) == "Associated Press"


def test_entities_outlet_two_outlets_or_a_mere_mention_name_none():
    text = "One official told Reuters the raid hit a depot; another told Sky News Arabia it hit a base."
    mentions = [_media(text, "Reuters", "reuters"), _media(text, "Sky News Arabia", "sky-news-arabia")]
    assert _outlet(text, mentions) is None
    text = "Reuters reported that the raid hit a depot."
    assert _outlet(text, [_media(text, "Reuters", "reuters")]) is None
