"""ECB+ end to end: predicted mentions (PLOVER and general), alignment, spurious mentions."""
import textwrap

import pytest

from newsweave.eval.ecbplus import predicted_spans, read_corpus, run_e2e
from newsweave.events.generic import GenericMention
from newsweave.records import Article, DocAnalysis, EventMention, Span

_DOC1 = textwrap.dedent("""\
    <Document doc_name="9_1ecb.xml" doc_id="D1">
    <token t_id="1" sentence="0" number="0">Quake</token>
    <token t_id="2" sentence="0" number="1">hits</token>
    <token t_id="3" sentence="0" number="2">town</token>
    <token t_id="4" sentence="1" number="0">The</token>
    <token t_id="5" sentence="1" number="1">earthquake</token>
    <token t_id="6" sentence="1" number="2">struck</token>
    <token t_id="7" sentence="1" number="3">at</token>
    <token t_id="8" sentence="1" number="4">dawn</token>
    <token t_id="9" sentence="2" number="0">Nobody</token>
    <token t_id="10" sentence="2" number="1">died</token>
    <Markables>
    <ACTION_OCCURRENCE m_id="1"><token_anchor t_id="1"/></ACTION_OCCURRENCE>
    <ACTION_OCCURRENCE m_id="2"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
    <ACTION_OCCURRENCE m_id="3"><token_anchor t_id="5"/></ACTION_OCCURRENCE>
    <ACTION_OCCURRENCE m_id="4"><token_anchor t_id="6"/></ACTION_OCCURRENCE>
    <ACTION_OCCURRENCE m_id="5"><token_anchor t_id="10"/></ACTION_OCCURRENCE>
    <ACTION_OCCURRENCE m_id="20" instance_id="ACT1"/>
    <ACTION_OCCURRENCE m_id="21" instance_id="ACT2"/>
    </Markables>
    <Relations>
    <CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1"/><source m_id="3"/><target m_id="20"/></CROSS_DOC_COREF>
    <CROSS_DOC_COREF r_id="2" note="ACT2"><source m_id="2"/><source m_id="4"/><target m_id="21"/></CROSS_DOC_COREF>
    </Relations>
    </Document>
    """)

_DOC2 = textwrap.dedent("""\
    <Document doc_name="9_2ecb.xml" doc_id="D2">
    <token t_id="1" sentence="0" number="0">Earthquake</token>
    <token t_id="2" sentence="0" number="1">rattles</token>
    <token t_id="3" sentence="0" number="2">town</token>
    <Markables>
    <ACTION_OCCURRENCE m_id="1"><token_anchor t_id="1"/></ACTION_OCCURRENCE>
    <ACTION_OCCURRENCE m_id="2"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
    <ACTION_OCCURRENCE m_id="9" instance_id="ACT1"/>
    </Markables>
    <Relations>
    <CROSS_DOC_COREF r_id="5" note="ACT1"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>
    </Relations>
    </Document>
    """)


@pytest.fixture()
def corpus(tmp_path):
    topic = tmp_path / "ECB+" / "9"
    topic.mkdir(parents=True)
    (topic / "9_1ecb.xml").write_text(_DOC1, encoding="utf-8")
    (topic / "9_2ecb.xml").write_text(_DOC2, encoding="utf-8")
    (tmp_path / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n9,1ecb,0\n9,1ecb,1\n9,2ecb,0\n", encoding="utf-8")
    return read_corpus(str(tmp_path))


def _generic(doc, *words_kinds):
    out = []
    for t_id, kind in words_kinds:
        tok = doc.tokens[t_id]
        out.append(GenericMention(tok.start, tok.end, tok.text, tok.text.lower(), kind))
    return out


def _analysis(doc, plover_token=None):
    art = Article(id=doc.name, source=doc.name, text=doc.text)
    events = []
    if plover_token:
        tok = doc.tokens[plover_token]
        sent = Span(doc.name, 0, len(doc.text), doc.text)
        events.append(EventMention(id=f"{doc.name}:{tok.start}", doc=doc.name, type="ASSAULT",
                                   trigger=Span(doc.name, tok.start, tok.end, tok.text), sentence=sent))
    return DocAnalysis(article=art, events=events)


def test_eval_ecbplus_e2e_predicted_spans_union_and_validated_sentences(corpus):
    d1 = corpus["9"][0]
    # the PLOVER mention on "struck" wins over a general mention of the same token;
    # "died" is in sentence 2, which is not validated
    spans = predicted_spans(d1, _analysis(d1, plover_token="6"),
                            _generic(d1, ("1", "noun"), ("6", "verb"), ("10", "verb"), ("8", "noun")))
    texts = [d1.text[s:e] for _, s, e, *_ in spans]
    assert texts == ["Quake", "struck", "dawn"]
    assert all(len(sp) == 5 for sp in spans)
    # kinds restrict the general mentions only
    spans = predicted_spans(d1, _analysis(d1, plover_token="6"), _generic(d1, ("1", "noun")), kinds=("verb",))
    assert [d1.text[s:e] for _, s, e, *_ in spans] == ["struck"]


def test_eval_ecbplus_e2e_spurious_mentions_stay_in_the_response(corpus):
    d1, d2 = corpus["9"]
    analyses = {d1.name: _analysis(d1), d2.name: _analysis(d2)}
    exact = {d1.name: _generic(d1, ("1", "noun"), ("2", "verb"), ("5", "noun"), ("6", "verb")),
             d2.name: _generic(d2, ("1", "noun"), ("2", "verb"))}
    r = run_e2e(corpus, analyses, exact)
    assert r.gold_mentions == 6  # "died" is outside the validated sentences
    assert r.extra["matched"] == 6 and r.extra["spurious"] == 0
    assert r.extra["mention_recall"] == 1.0 and r.extra["mention_precision"] == 1.0

    noisy = {k: list(v) for k, v in exact.items()}
    noisy[d1.name].append(_generic(d1, ("8", "noun"))[0])  # "dawn": no gold mention
    r2 = run_e2e(corpus, analyses, noisy)
    assert r2.extra["spurious"] == 1 and r2.response_mentions == 7
    assert r2.extra["mention_precision"] == pytest.approx(6 / 7)
    # the spurious mention costs precision (it is scored, not dropped) and no recall
    assert r2.scores.b3.p < r.scores.b3.p or r2.scores.ceafe.p < r.scores.ceafe.p
    assert r2.scores.b3.r == pytest.approx(r.scores.b3.r)


def test_eval_ecbplus_e2e_missing_mentions_cost_recall(corpus):
    d1, d2 = corpus["9"]
    analyses = {d1.name: _analysis(d1), d2.name: _analysis(d2)}
    r = run_e2e(corpus, analyses, {d1.name: _generic(d1, ("1", "noun")), d2.name: []})
    assert r.extra["matched"] == 1 and r.extra["mention_recall"] == pytest.approx(1 / 6)
    assert r.scores.b3.r < 0.5
