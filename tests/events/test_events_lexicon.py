"""The lexicon: data files load, inflections and cue matching work, without the model."""
from __future__ import annotations

from newsweave.events.attribution import match_cues
from newsweave.events.lexicon import build_lexicon, inflections, load_lexicon

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_lexicon_types_are_plover():
    lex = load_lexicon()
    assert {t.type for t in lex.triggers.values()} <= PLOVER
    assert {t.type for t in lex.triggers.values()} == PLOVER


def test_lexicon_lemmas_cover_inflections():
    lex = load_lexicon()
    assert lex.lemma("airstrikes") == "airstrike"
    assert lex.lemma("vowed") == "vow"
    assert lex.lemma("struck") == "strike"
    assert lex.lemma("stabbed") == "stab"
    assert lex.lemma("died") == "die"
    assert lex.lemma("killed") == "kill"
    assert "shelled" in lex.trigger_forms
    assert "wounded" in lex.casualty_forms


def test_lexicon_inflections_regular_rules():
    assert {"attacks", "attacked", "attacking"} <= inflections("attack")
    assert {"denies", "denied"} <= inflections("deny")
    assert {"stabbed", "stabbing"} <= inflections("stab")
    assert {"dying"} <= inflections("die")


def test_lexicon_build_from_small_data():
    lex = build_lexicon({"triggers": {"raid": {"type": "ASSAULT", "pos": "any"}}, "mode_words": {"air": "aerial"}},
                        {"speech_verbs": ["say"]}, {"units": {"one": 1}}, {"killed_verbs": ["kill"]}, {})
    assert lex.lemma("raids") == "raid"
    assert "raided" in lex.trigger_forms
    assert "killing" in lex.casualty_forms


def test_attribution_cue_matching():
    lex = load_lexicon()
    words = "four were killed , according to police".split()
    assert match_cues(words, lex.lemma, lex) == [(4, "according")]
    words = "the ministry said in a statement that militants told reporters".split()
    kinds = match_cues(words, lex.lemma, lex)
    assert (2, "speech") in kinds and (8, "speech") in kinds
    assert match_cues("citing local sources".split(), lex.lemma, lex) == [(0, "according")]
    assert match_cues("the strike hit a depot".split(), lex.lemma, lex) == []


def test_lexicon_zero_patterns():
    lex = load_lexicon()
    hits = {a for rx, attrs in lex.zero_patterns for a in attrs if rx.search("no one was injured in the attack")}
    assert hits == {"injured"}
    hits = {a for rx, attrs in lex.zero_patterns for a in attrs if rx.search("the rockets hit without causing casualties")}
    assert hits == {"killed", "injured"}
    assert not any(rx.search("no one else was injured") for rx, _ in lex.zero_patterns)


def test_lexicon_lists_hold_no_yaml_booleans():
    """YAML reads bare on/no/yes as booleans: every trigger option list must hold words."""
    lex = load_lexicon()
    for trig in lex.triggers.values():
        for words in (trig.head, trig.needs_object, trig.particle):
            assert all(isinstance(w, str) for w in words), trig
    assert "on" in lex.triggers["call"].particle


def test_lexicon_pattern_lists_compile_once():
    lex = load_lexicon()
    several = lex.pattern("casualties", "several_shootings_patterns")
    assert several.search("police are investigating two separate shootings")
    assert not several.search("police are investigating the shooting")
    assert lex.pattern("casualties", "several_shootings_patterns") is several  # cached
    seq = lex.pattern("casualties", "sequence_patterns")  # a list of two alternatives
    assert seq.search("he then turned the gun on himself") and seq.search("he shot his wife")
    missing = lex.pattern("casualties", "no_such_key")
    assert not missing.search("anything at all")


def test_lexicon_words_pattern_matches_whole_words_once_compiled():
    lex = load_lexicon()
    inc = lex.words_pattern("casualties", "includes_shooter")
    assert inc is lex.words_pattern("casualties", "includes_shooter")  # cached
    assert all(inc.search(w) for w in lex.set("casualties", "includes_shooter"))
    assert not lex.words_pattern("casualties", "no_such_key").search("anything at all")


def test_lexicon_built_keeps_what_it_derives():
    lex = load_lexicon()
    calls = []

    def build(lx):
        calls.append(lx)
        return frozenset(lx.casualty_forms)

    first = lex.built("test_forms", build)
    assert lex.built("test_forms", build) is first and calls == [lex]
