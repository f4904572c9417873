"""The generic event coreference the ECB+ evaluation measures (newsweave.fuse.coref)."""
import numpy as np

from newsweave.fuse.coref import (
    average_linkage,
    cluster_documents,
    cluster_mentions,
    compare,
    load_coref_data,
    mentions_from_spans,
    sentence_around,
    stem,
)
from newsweave.records import Article, DocAnalysis, EntityMention, Span


def _analysis(doc_id, text, people=()):
    art = Article(id=doc_id, source=doc_id, text=text)
    ents = []
    for name in people:
        i = text.index(name)
        ents.append(EntityMention(span=Span(doc_id, i, i + len(name), name), label="PERSON", type="PERSON", key=name.lower()))
    return DocAnalysis(article=art, entities=ents)


def _mention(da, word, nth=0):
    text = da.article.text
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    return mentions_from_spans(da, [(f"{da.article.id}:{i}", i, i + len(word))])[0]


def test_eval_ecb_coref_light_lemmas():
    irr = load_coref_data().irregular
    assert stem("earthquakes", irr) == stem("earthquake", irr)
    assert stem("quakes", irr) == stem("quake", irr) == stem("quaked", irr)
    assert stem("stabbing", irr) == stem("stabbed", irr) == stem("stab", irr)
    assert stem("nominated", irr) == stem("nomination", irr)
    assert stem("slain", irr) == stem("slay", irr)
    assert stem("arrests", irr) == stem("arrested", irr)


def test_eval_ecb_coref_pair_evidence_reads_as_reasons():
    a = _analysis("a", "Police said gunmen killed John Smith in Lima on Monday.", ["John Smith"])
    b = _analysis("b", "John Smith was slain in a street of Lima.", ["John Smith"])
    c = _analysis("c", "The company announced record profits.")
    ka, kb, kc = _mention(a, "killed"), _mention(b, "slain"), _mention(c, "announced")
    e = compare(ka, kb)
    assert any(r.startswith("synonyms (killed / slain") for r in e.reasons)
    assert "shared participant john smith" in e.reasons
    assert compare(ka, _mention(a, "killed")).reasons[0] == "same trigger word 'kill'"
    assert compare(ka, kc).score < 0 < e.score
    # a general reporting verb needs more than the word itself
    assert compare(_mention(a, "said"), _mention(c, "announced")).score < compare(ka, kb).score


def test_eval_ecb_coref_clusters_synonyms_and_keeps_groups_apart():
    a = _analysis("a", "An earthquake struck the coast. The quake destroyed homes.")
    b = _analysis("b", "A powerful temblor hit the coast, officials said.")
    c = _analysis("c", "Another earthquake shook the capital.")
    ms = [_mention(a, "earthquake"), _mention(a, "quake"), _mention(a, "destroyed"),
          _mention(b, "temblor"), _mention(b, "said"), _mention(c, "earthquake")]
    res = cluster_mentions(ms, {"a": "g1", "b": "g1", "c": "g2"})
    by = {m: i for i, cl in enumerate(res.clusters) for m in cl}
    quake_a, quake_a2, destroyed, temblor, said, quake_c = (m.id for m in ms)
    assert by[quake_a] == by[quake_a2] == by[temblor]
    assert by[destroyed] != by[quake_a] and by[said] != by[quake_a]
    assert by[quake_c] != by[quake_a]  # another document group: never joined
    assert any("temblor" in r or "quake" in r for r in res.reasons)
    # deterministic, whatever the input order
    again = cluster_mentions(list(reversed(ms)), {"a": "g1", "b": "g1", "c": "g2"})
    assert sorted(map(sorted, again.clusters)) == sorted(map(sorted, res.clusters))


def test_eval_ecb_coref_average_linkage_does_not_chain():
    # 0-1 and 1-2 are strong, 0-2 strongly against: single linkage would chain all three
    sim = np.array([[0, 3, -5], [3, 0, 3], [-5, 3, 0]], dtype=float)
    clusters, merges = average_linkage(sim, 1.0)
    assert len(clusters) == 2 and len(merges) == 1


def test_eval_ecb_coref_document_groups():
    das = [
        _analysis("d1", "Apple unveiled a new iPhone in Cupertino on Tuesday. The iPhone has a bigger screen."),
        _analysis("d2", "In Cupertino, Apple showed its new iPhone with a bigger screen on Tuesday."),
        _analysis("d3", "Floods in Bangladesh displaced thousands of villagers after monsoon rains."),
        _analysis("d4", "Monsoon rains flooded villages across Bangladesh, displacing thousands."),
    ]
    groups = cluster_documents(das)
    assert groups["d1"] == groups["d2"] != groups["d3"] == groups["d4"]


def test_eval_ecb_coref_sentence_around():
    text = "First one here. Second one, here! Third."
    s, e = sentence_around(text, text.index("Second"), text.index("Second") + 6)
    assert text[s:e] == "Second one, here!"
    s, e = sentence_around(text, 0, 5)
    assert text[s:e] == "First one here."
    s, e = sentence_around(text, len(text) - 3, len(text))
    assert text[s:e] == "Third."


def test_eval_ecb_coref_pipeline_event_mentions():
    from newsweave.fuse.coref import cluster_event_mentions
    from newsweave.records import EventMention

    def em(da, word, negated=False):
        text = da.article.text
        i = text.index(word)
        s, e = sentence_around(text, i, i + len(word))
        m = EventMention(id=f"{da.article.id}:{i}", doc=da.article.id, type="", trigger=Span(da.article.id, i, i + len(word), word),
                         sentence=Span(da.article.id, s, e, text[s:e]), negated=negated)
        da.events.append(m)
        return m

    a = _analysis("a", "Rebels seized the town of Kidal on Sunday. No one was arrested.")
    b = _analysis("b", "The rebels' capture of Kidal on Sunday alarmed the region.")
    ma, mb = em(a, "seized"), em(b, "capture")
    em(a, "arrested", negated=True)
    res = cluster_event_mentions([a, b], group_documents=False)
    assert sorted(map(sorted, res.clusters)) == [sorted([ma.id, mb.id])]
    assert "synonyms" in res.reasons[0]
