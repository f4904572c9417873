"""The two-pass run of the model: the parser only where it is asked for, POS everywhere."""
from __future__ import annotations

import pytest
from spacy.attrs import POS

from newsweave.nlp import PosMapper, TwoPass

pytestmark = pytest.mark.model

TEXT = (
    "The weather was mild in the morning. Gunmen opened fire on a bus near the market, killing two people. "
    "The council will meet on Monday to discuss the budget. Officials said the road was closed."
)


def _first_trigger(doc) -> list[int]:
    return [t.i for t in doc if t.lower_ == "fire"]


def test_nlp_two_pass_parses_only_selected_sentences(nlp):
    doc = next(TwoPass(nlp, _first_trigger).pipe([TEXT]))
    sents = list(doc.sents)
    assert len(sents) == 4
    parsed = [s for s in sents if any(t.dep_ for t in s)]
    assert [s.text.split()[0] for s in parsed] == ["Gunmen"]
    fire = next(t for t in doc if t.lower_ == "fire")
    assert fire.head.lower_ == "opened"
    assert any(t.dep_ == "nsubj" and t.lower_ == "gunmen" for t in parsed[0])
    # unparsed sentences: no head, no label, but their sentence boundaries and POS
    weather = doc[1]
    assert weather.head is weather and weather.dep_ == ""
    assert all(t.pos_ for t in doc if not t.is_space)
    assert doc.text == TEXT


def test_nlp_two_pass_keeps_entities_and_offsets(nlp):
    text = "Police in Houston said John Smith, 34, was shot on Saturday."
    full = nlp(text)
    doc = next(TwoPass(nlp, lambda d: list(range(len(d)))).pipe([text]))
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in full.ents]
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in full]
    # a sentence parsed alone over the first pass's features gives the whole-text parse here
    assert [(t.dep_, t.head.i) for t in doc] == [(t.dep_, t.head.i) for t in full]


def test_nlp_two_pass_without_selection_has_no_parse(nlp):
    docs = list(TwoPass(nlp, lambda d: []).pipe([TEXT, ""]))
    assert not docs[0].has_annotation("DEP")
    assert len(list(docs[0].sents)) == 4
    assert len(docs[1]) == 0


def test_nlp_pos_mapper_matches_attribute_ruler(nlp, seeds_dir):
    text = sorted(seeds_dir.glob("*.txt"))[0].read_text(encoding="utf-8")
    full = nlp(text)
    want = full.to_array(POS)
    mapper = PosMapper(nlp.get_pipe("attribute_ruler"), nlp.vocab.strings)
    full.from_array([POS], (want * 0).reshape(-1, 1))  # clear, then map again
    mapper.apply([full])
    got = full.to_array(POS)
    agree = (got == want).mean()
    assert agree > 0.995, agree


def test_nlp_parse_paragraph_breaks_start_sentences():
    import spacy

    from newsweave.nlp.parse import paragraph_breaks

    nlp = spacy.blank("en")
    doc = nlp.make_doc("Attack details\n\nThree people were hurt. More\n\n\n \nlater \n\n")
    paragraph_breaks(doc)
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Attack", "Three", "later"]
    assert paragraph_breaks(nlp.make_doc("")) is None
