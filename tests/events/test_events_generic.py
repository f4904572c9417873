"""General event mentions (newsweave.events.generic): kinds, exclusions, offsets."""
import pytest
import spacy
from spacy.tokens import Doc

from newsweave.events.generic import KINDS, find_event_mentions, load_generic_lexicon, singular
from newsweave.records import Article

_VOCAB = spacy.blank("en").vocab


def _doc(rows, text_spaces=None):
    """A hand-built Doc from (word, pos, dep, head index) rows (no model needed)."""
    words = [r[0] for r in rows]
    spaces = text_spaces or [True] * (len(rows) - 1) + [False]
    return Doc(_VOCAB, words=words, spaces=spaces, pos=[r[1] for r in rows], deps=[r[2] for r in rows],
               heads=[r[3] for r in rows])


def _found(doc, **kw):
    return {(m.text, m.kind) for m in find_event_mentions(doc, **kw)}


def test_events_generic_verbs_and_event_nouns():
    # "Police arrested the suspect after the earthquake"
    doc = _doc([("Police", "NOUN", "nsubj", 1), ("arrested", "VERB", "ROOT", 1), ("the", "DET", "det", 3),
                ("suspect", "NOUN", "dobj", 1), ("after", "ADP", "prep", 1), ("the", "DET", "det", 6),
                ("earthquake", "NOUN", "pobj", 4)])
    assert _found(doc) == {("arrested", "verb"), ("earthquake", "noun")}


def test_events_generic_auxiliaries_and_copulas_are_not_events():
    # "He has been fired and is unhappy"
    doc = _doc([("He", "PRON", "nsubjpass", 3), ("has", "AUX", "aux", 3), ("been", "AUX", "auxpass", 3),
                ("fired", "VERB", "ROOT", 3), ("and", "CCONJ", "cc", 3), ("is", "AUX", "conj", 3),
                ("unhappy", "ADJ", "acomp", 5)])
    assert _found(doc) == {("fired", "verb")}
    # a main-verb "have" names no happening either
    doc = _doc([("They", "PRON", "nsubj", 1), ("have", "VERB", "ROOT", 1), ("doubts", "NOUN", "dobj", 1)])
    assert _found(doc) == set()


def test_events_generic_kinds_label_reporting_and_state_verbs():
    # "Officials said the storm seems to have killed ten"
    doc = _doc([("Officials", "NOUN", "nsubj", 1), ("said", "VERB", "ROOT", 1), ("the", "DET", "det", 3),
                ("storm", "NOUN", "nsubj", 4), ("seems", "VERB", "ccomp", 1), ("to", "PART", "aux", 7),
                ("have", "AUX", "aux", 7), ("killed", "VERB", "xcomp", 4), ("ten", "NUM", "dobj", 7)])
    assert _found(doc) == {("said", "reporting"), ("storm", "noun"), ("seems", "state"), ("killed", "verb")}
    assert _found(doc, kinds=["verb", "noun"]) == {("storm", "noun"), ("killed", "verb")}
    with pytest.raises(ValueError):
        find_event_mentions(doc, kinds=["verbs"])


def test_events_generic_nominalisations_and_their_exceptions():
    # "The cancellation of the department followed"
    doc = _doc([("The", "DET", "det", 1), ("cancellation", "NOUN", "nsubj", 5), ("of", "ADP", "prep", 1),
                ("the", "DET", "det", 4), ("department", "NOUN", "pobj", 2), ("followed", "VERB", "ROOT", 5)])
    assert _found(doc) == {("cancellation", "nominal"), ("followed", "verb")}
    # morning is an -ing noun that names a time, not an act
    doc = _doc([("The", "DET", "det", 1), ("morning", "NOUN", "ROOT", 1)])
    assert _found(doc) == set()


def test_events_generic_support_verb_objects():
    # "Troops conducted a sweep": the object of a support verb names the event
    doc = _doc([("Troops", "NOUN", "nsubj", 1), ("conducted", "VERB", "ROOT", 1), ("a", "DET", "det", 3),
                ("sweep", "NOUN", "dobj", 1)])
    assert ("sweep", "support") in _found(doc)
    # the same noun after an ordinary verb is no event
    doc = _doc([("Troops", "NOUN", "nsubj", 1), ("bought", "VERB", "ROOT", 1), ("a", "DET", "det", 3),
                ("sweep", "NOUN", "dobj", 1)])
    assert _found(doc) == {("bought", "verb")}


def test_events_generic_names_and_modifiers_are_not_mentions():
    # "Fire Department officials, including a related group, arrived"
    doc = _doc([("Fire", "PROPN", "compound", 1), ("Department", "PROPN", "compound", 2),
                ("officials", "NOUN", "nsubj", 8), (",", "PUNCT", "punct", 2), ("including", "VERB", "prep", 2),
                ("a", "DET", "det", 7), ("related", "VERB", "amod", 7), ("group", "NOUN", "pobj", 4),
                ("arrived", "VERB", "ROOT", 8)],
               [True, True, False, True, True, True, True, False, False])
    assert _found(doc) == {("arrived", "verb")}


def test_events_generic_offsets_are_original_offsets():
    text = "MENU Home\nRebels seized the town."
    art = Article(id="a", source="a", text=text)
    doc = Doc(_VOCAB, words=["Rebels", "seized", "the", "town", "."], spaces=[True, True, True, False, False],
              pos=["NOUN", "VERB", "DET", "NOUN", "PUNCT"], deps=["nsubj", "ROOT", "det", "dobj", "punct"],
              heads=[1, 1, 3, 1, 1])
    # a Doc over the masked text would start at the same offsets; emulate by shifting
    doc = Doc(_VOCAB, words=["MENU", "Home", "\n", *[t.text for t in doc]],
              spaces=[True, False, False, True, True, True, False, False],
              pos=["PROPN", "PROPN", "SPACE", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
              deps=["compound", "ROOT", "dep", "nsubj", "ROOT", "det", "dobj", "punct"],
              heads=[1, 1, 1, 4, 4, 6, 4, 4])
    ms = find_event_mentions(doc, art)
    assert [(m.text, m.kind) for m in ms] == [("seized", "verb")]
    m = ms[0]
    assert text[m.start:m.end] == m.text and m.as_tuple()[:3] == (m.start, m.end, "seized")


def test_events_generic_lexicon_is_broad_and_consistent():
    lex = load_generic_lexicon()
    assert len(lex.event_nouns) > 300
    assert set(lex.verb_kinds.values()) <= set(KINDS)
    assert not (lex.never_verbs & set(lex.verb_kinds))
    assert singular("inquiries") == "inquiry" and singular("crashes") == "crash" and singular("talks") == "talk"
    assert singular("process") == "process"


@pytest.mark.model
def test_events_generic_on_a_parsed_sentence(nlp):
    doc = nlp("A powerful earthquake struck the island on Tuesday, and rescuers were searching for survivors.")
    found = {m.text: m.kind for m in find_event_mentions(doc)}
    assert found.get("earthquake") == "noun" and found.get("struck") == "verb"
    assert found.get("searching") == "verb"
    assert "were" not in found and "island" not in found and "Tuesday" not in found
