"""Reading ECB+: tokens, text offsets, event mentions, chains, validated sentences."""
import textwrap

import pytest

from newsweave.eval.ecbplus import align, parse_topics, read_corpus, read_document

_DOC1 = textwrap.dedent("""\
    <Document doc_name="9_1ecb.xml" doc_id="D1">
    <token t_id="1" sentence="0" number="0">Quake</token>
    <token t_id="2" sentence="0" number="1">hits</token>
    <token t_id="3" sentence="0" number="2">town</token>
    <token t_id="4" sentence="1" number="0">A</token>
    <token t_id="5" sentence="1" number="1">strong</token>
    <token t_id="6" sentence="1" number="2">earthquake</token>
    <token t_id="7" sentence="1" number="3">struck</token>
    <token t_id="8" sentence="1" number="4">(</token>
    <token t_id="9" sentence="1" number="5">again</token>
    <token t_id="10" sentence="1" number="6">)</token>
    <token t_id="11" sentence="1" number="7">,</token>
    <token t_id="12" sentence="1" number="8">officials</token>
    <token t_id="13" sentence="1" number="9">did</token>
    <token t_id="14" sentence="1" number="10">n't</token>
    <token t_id="15" sentence="1" number="11">say</token>
    <token t_id="16" sentence="1" number="12">.</token>
    <token t_id="17" sentence="2" number="0">Nobody</token>
    <token t_id="18" sentence="2" number="1">died</token>
    <Markables>
    <ACTION_OCCURRENCE m_id="1"><token_anchor t_id="1"/></ACTION_OCCURRENCE>
    <ACTION_OCCURRENCE m_id="2"><token_anchor t_id="6"/></ACTION_OCCURRENCE>
    <ACTION_OCCURRENCE m_id="3"><token_anchor t_id="7"/></ACTION_OCCURRENCE>
    <NEG_ACTION_REPORTING m_id="4"><token_anchor t_id="13"/><token_anchor t_id="15"/></NEG_ACTION_REPORTING>
    <ACTION_OCCURRENCE m_id="5"><token_anchor t_id="18"/></ACTION_OCCURRENCE>
    <HUMAN_PART_PER m_id="6"><token_anchor t_id="12"/></HUMAN_PART_PER>
    <ACTION_OCCURRENCE m_id="20" TAG_DESCRIPTOR="quake" instance_id="ACT1"/>
    </Markables>
    <Relations>
    <CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1"/><source m_id="2"/><target m_id="20"/></CROSS_DOC_COREF>
    <INTRA_DOC_COREF r_id="2"><source m_id="3"/><target m_id="6"/></INTRA_DOC_COREF>
    </Relations>
    </Document>
    """)

_DOC2 = textwrap.dedent("""\
    <Document doc_name="9_2ecbplus.xml" doc_id="D2">
    <token t_id="1" sentence="0" number="0">Temblor</token>
    <token t_id="2" sentence="0" number="1">rattles</token>
    <token t_id="3" sentence="0" number="2">coast</token>
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
def corpus_dir(tmp_path):
    topic = tmp_path / "ECB+" / "9"
    topic.mkdir(parents=True)
    (topic / "9_1ecb.xml").write_text(_DOC1, encoding="utf-8")
    (topic / "9_2ecbplus.xml").write_text(_DOC2, encoding="utf-8")
    (tmp_path / "ECB+" / "10").mkdir()
    (tmp_path / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n9,1ecb,0\n9,1ecb,1\n9,2ecbplus,0\n", encoding="utf-8")
    return tmp_path


def test_eval_ecb_reader_text_and_offsets(corpus_dir):
    doc = read_document(str(corpus_dir / "ECB+" / "9" / "9_1ecb.xml"), "9", {0, 1})
    assert doc.text.splitlines()[1] == "A strong earthquake struck (again), officials didn't say."
    for tok in doc.tokens.values():
        assert doc.text[tok.start:tok.end] == tok.text
    assert doc.article().id == "9_1ecb" and doc.article().published is None
    assert doc.sentence_of(doc.tokens["7"].start) == 1


def test_eval_ecb_reader_mentions_chains_and_validated_sentences(corpus_dir):
    corpus = read_corpus(str(corpus_dir))
    assert list(corpus) == ["9"]  # topic 10 has no documents
    d1, d2 = corpus["9"]
    by_id = {m.m_id: m for m in d1.mentions}
    # sentence 2 ("Nobody died") is not validated; the participant is not an event
    assert set(by_id) == {"1", "2", "3", "4"}
    assert by_id["1"].cluster == by_id["2"].cluster == "ACT1" == d2.mentions[0].cluster
    assert by_id["3"].cluster.startswith("INTRA:")
    assert by_id["4"].tag == "NEG_ACTION_REPORTING" and by_id["4"].text == "didn't say"
    assert by_id["4"].cluster.startswith("SINGLE:")
    assert d2.mentions[1].cluster.startswith("SINGLE:")
    for m in d1.mentions:
        assert d1.text[m.start:m.end] == m.text
    assert (d1.subtopic, d2.subtopic) == ("9ecb", "9plus")


def test_eval_ecb_reader_align_by_token_overlap(corpus_dir):
    d1 = read_corpus(str(corpus_dir))["9"][0]
    quake = next(m for m in d1.mentions if m.m_id == "2")
    # a predicted span over "strong earthquake" overlaps mention 2 only
    start = d1.tokens["5"].start
    assert align(d1, start, quake.end, set()) is quake
    assert align(d1, start, quake.end, {quake.key}) is None
    assert align(d1, d1.tokens["12"].start, d1.tokens["12"].end, set()) is None


def test_eval_ecb_reader_topic_lists():
    assert parse_topics("36-38,40") == {"36", "37", "38", "40"}
    assert parse_topics(None) is None
    with pytest.raises(ValueError):
        parse_topics("36..45")


def test_eval_ecb_reader_test_split_statistics(shared_dir):
    # the usual test split (Barhom et al. 2019, table 1): 206 documents, 1,780 event mentions, 805 clusters
    root = shared_dir / "datasets" / "ecbplus"
    if not root.exists():
        pytest.skip("ECB+ not available")
    corpus = read_corpus(str(root), parse_topics("36-45"))
    mentions = [m for docs in corpus.values() for d in docs for m in d.mentions]
    assert sum(len(v) for v in corpus.values()) == 206
    assert len(mentions) == 1780
    assert len({m.cluster for m in mentions}) == 805
