"""The trigger file's crime-report options are read into the lexicon (no model needed)."""
from __future__ import annotations

from newsweave.events.lexicon import build_lexicon, load_lexicon


def test_events_triggers_lexicon_reads_objects_modifies_and_not_objects():
    trig = {
        "irregular": {"shot": "shoot", "gunshots": "gunshot"},
        "triggers": {
            "fire": {"type": "ASSAULT", "pos": "any", "head": ["open"], "objects": ["Shots", "rounds"]},
            "gunshot": {"type": "ASSAULT", "pos": "noun", "rank": 1, "modifies": ["wound"]},
            "shoot": {"type": "ASSAULT", "pos": "verb", "not_objects": ["video"]},
        },
        "time_of_heads": ["Time", "night"],
    }
    lex = build_lexicon(trig, {}, {}, {}, {})
    assert lex.triggers["fire"].objects == ("shots", "rounds")
    assert lex.triggers["gunshot"].modifies == ("wound",)
    assert lex.triggers["shoot"].not_objects == ("video",)
    assert lex.time_of_heads == frozenset({"time", "night"})
    assert {"gunshot", "gunshots", "shot"} <= lex.trigger_forms


def test_events_triggers_lexicon_packaged_crime_words_are_triggers():
    lex = load_lexicon()
    for form in ("gunshot", "gunshots", "homicide", "slain", "gunned"):
        assert form in lex.trigger_forms, form
    assert lex.lemmas["slain"] == "slay"
    assert "video" in lex.triggers["shoot"].not_objects
