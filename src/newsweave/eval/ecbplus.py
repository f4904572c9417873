"""``newsweave eval ecbplus``: cross-document event coreference on ECB+.

ECB+ (Cybulska & Vossen 2014) holds 43 topics of news articles; each topic has two
sub-topics about two similar but distinct events (the ``<n>ecb.xml`` and
``<n>ecbplus.xml`` files), with annotated event mentions and their coreference
chains.  This module reads it and scores newsweave on it, so that the quality of
event coreference is measured on data nobody here wrote.

Definitions (fixed; the README's figures use exactly these):

- Event mentions are the markables whose tag contains ``ACTION`` (``ACTION_*`` and
  ``NEG_ACTION_*``), as in the usual preprocessing (Barhom et al. 2019).  Their
  cluster is the ``CROSS_DOC_COREF`` chain they are a source of (keyed by the target
  instance id), else the ``INTRA_DOC_COREF`` chain, else they are a singleton.
- Only mentions in the validated sentences of ``ECBplus_coreference_sentences.csv``
  count, on both the gold and the predicted side.
- Documents are clustered *within one topic* (as usual); all test mentions are then
  scored at once (MUC, B-cubed, CEAF-e, CoNLL F1 as in ``coref_metrics``).
- Gold mode: the gold mentions are given; newsweave's generic coreference
  (``newsweave.fuse.coref``) clusters them, with the sentence, the entities, places
  and times the pipeline found in each document as argument features.  Document
  clustering: ``newsweave`` (newsweave's own clustering of the topic's documents),
  ``none`` (one group per topic) or ``gold`` (the ecb/ecbplus file names; an oracle,
  shown for reference only).
- End-to-end mode: newsweave's own event mentions -- the PLOVER mentions of
  ``events.extract`` and the general mentions of ``events.generic``
  (``Options(generic_events=True)``) that overlap none of them -- in the validated
  sentences, clustered like the gold mentions (``fuse.coref``, newsweave's own
  document groups).  A predicted mention is aligned to the gold mention whose tokens
  it overlaps most (each gold mention at most once, in text order).  Unmatched
  predicted mentions stay in the response as spurious mentions under their own ids
  (they lower precision in MUC, B-cubed and CEAF-e, as in Cattan et al. 2021); gold
  mentions nothing overlaps are absent from the response (they lower recall).
"""
from __future__ import annotations

import csv
import os
import re
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from newsweave.eval.coref_metrics import CorefScores, conll_scores
from newsweave.records import Article

# no space before these tokens when the text is rebuilt ...
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "N'T", "'ll", "'re", "'ve", "'d", "'m", "''", "..."}
)
# ... nor after these
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "#"})


@dataclass(slots=True)
class EcbToken:
    t_id: str
    sentence: int
    text: str
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class EcbMention:
    """One gold event mention: its tokens, character span and gold cluster."""

    m_id: str
    doc: str
    tag: str
    tokens: list[str]  # t_ids, in text order
    sentence: int
    start: int
    end: int
    text: str
    cluster: str

    @property
    def key(self) -> str:
        return f"{self.doc}:{self.m_id}"


@dataclass
class EcbDocument:
    """One ECB+ document with its rebuilt text and gold event mentions."""

    name: str  # e.g. "36_1ecb"
    topic: str
    path: str
    text: str
    tokens: dict[str, EcbToken]
    mentions: list[EcbMention]
    validated: frozenset[int]

    @property
    def subtopic(self) -> str:
        """The annotated sub-topic (from the file name): an oracle, for reference only."""
        return f"{self.topic}{'plus' if self.name.endswith('ecbplus') else 'ecb'}"

    def article(self) -> Article:
        return Article(id=self.name, source=self.path, text=self.text)

    def token_at(self, start: int, end: int) -> list[str]:
        """The t_ids of the tokens a character span overlaps."""
        return [t.t_id for t in self.tokens.values() if t.start < end and start < t.end]

    def sentence_spans(self) -> dict[int, tuple[int, int]]:
        """Sentence number -> (start, end) character span in the rebuilt text."""
        out: dict[int, tuple[int, int]] = {}
        for t in self.tokens.values():
            a, b = out.get(t.sentence, (t.start, t.end))
            out[t.sentence] = (min(a, t.start), max(b, t.end))
        return out

    def sentence_of(self, offset: int) -> Optional[int]:
        for t in self.tokens.values():
            if t.start <= offset < t.end or offset < t.start:
                return t.sentence
        return None


def parse_topics(spec: Optional[str]) -> Optional[set[str]]:
    """``"36-45"`` or ``"1,3,5-7"`` -> the topic numbers as strings; None means all."""
    if not spec:
        return None
    out: set[str] = set()
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        m = re.fullmatch(r"(\d+)\s*-\s*(\d+)", part)
        if m:
            out |= {str(i) for i in range(int(m.group(1)), int(m.group(2)) + 1)}
        elif part.isdigit():
            out.add(str(int(part)))
        else:
            raise ValueError(f"topic list {spec!r} is not of the form 36-45 or 1,3,5-7")
    return out


def load_validated(path: str) -> dict[str, set[int]]:
    """``ECBplus_coreference_sentences.csv`` -> document name -> validated sentence numbers."""
    out: dict[str, set[int]] = defaultdict(set)
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            topic, name, sent = row["Topic"].strip(), row["File"].strip(), row["Sentence Number"].strip()
            out[f"{topic}_{name}"].add(int(sent))
    return out


def detokenize(tokens: list[EcbToken]) -> str:
    """Join tokens into text (one line per sentence) and set each token's offsets."""
    parts: list[str] = []
    pos = 0
    prev: Optional[EcbToken] = None
    for tok in tokens:
        if prev is not None:
            if tok.sentence != prev.sentence:
                sep = "\n"
            elif tok.text in _NO_SPACE_BEFORE or prev.text in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            pos += len(sep)
        tok.start, tok.end = pos, pos + len(tok.text)
        parts.append(tok.text)
        pos = tok.end
        prev = tok
    return "".join(parts)


def read_document(path: str, topic: str, validated: set[int]) -> EcbDocument:
    """One ECB+ XML file -> its tokens, text and the gold event mentions in validated sentences."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{path} is not well-formed XML ({exc})") from exc
    name = os.path.basename(path)[: -len(".xml")]
    toks = []
    for el in root.iter("token"):
        text = (el.text or "").strip() or "_"
        toks.append(EcbToken(t_id=el.get("t_id", ""), sentence=int(el.get("sentence", "0")), text=text))
    text = detokenize(toks)
    tokens = {t.t_id: t for t in toks}
    order = {t.t_id: i for i, t in enumerate(toks)}

    markables = root.find("Markables")
    tags: dict[str, str] = {}
    anchors: dict[str, list[str]] = {}
    instance: dict[str, str] = {}
    for el in list(markables) if markables is not None else []:
        mid = el.get("m_id", "")
        tags[mid] = el.tag
        anchors[mid] = [a.get("t_id", "") for a in el.findall("token_anchor")]
        if el.get("instance_id"):
            instance[mid] = el.get("instance_id", "")
    chain: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in list(relations) if relations is not None else []:
        targets = [t.get("m_id", "") for t in rel.findall("target")]
        if not targets:
            continue
        if rel.tag == "CROSS_DOC_COREF":
            cid = rel.get("note") or instance.get(targets[0]) or f"{name}:{rel.get('r_id')}"
        elif rel.tag == "INTRA_DOC_COREF":
            cid = f"INTRA:{name}:{rel.get('r_id')}"
        else:
            continue
        for s in rel.findall("source"):
            chain.setdefault(s.get("m_id", ""), cid)

    mentions: list[EcbMention] = []
    for mid, tag in tags.items():
        if "ACTION" not in tag or not anchors.get(mid):
            continue
        tids = sorted((t for t in anchors[mid] if t in tokens), key=order.__getitem__)
        if not tids:
            continue
        sent = tokens[tids[0]].sentence
        if sent not in validated:
            continue
        start, end = tokens[tids[0]].start, tokens[tids[-1]].end
        mentions.append(EcbMention(
            m_id=mid, doc=name, tag=tag, tokens=tids, sentence=sent, start=start, end=end,
            text=text[start:end], cluster=chain.get(mid) or f"SINGLE:{name}:{mid}",
        ))
    mentions.sort(key=lambda m: (m.start, m.end, m.m_id))
    return EcbDocument(name=name, topic=topic, path=path, text=text, tokens=tokens, mentions=mentions,
                       validated=frozenset(validated))


def _natural(name: str) -> tuple:
    return tuple(int(x) if x.isdigit() else x for x in re.split(r"(\d+)", name))


def read_corpus(root: str, topics: Optional[set[str]] = None) -> dict[str, list[EcbDocument]]:
    """ECB+ folder (holding ``ECB+/`` and the sentence CSV) -> topic -> documents with validated sentences."""
    base = os.path.join(root, "ECB+") if os.path.isdir(os.path.join(root, "ECB+")) else root
    csv_path = os.path.join(root, "ECBplus_coreference_sentences.csv")
    if not os.path.exists(csv_path):
        csv_path = os.path.join(os.path.dirname(base.rstrip("/")), "ECBplus_coreference_sentences.csv")
    if not os.path.exists(csv_path):
        raise FileNotFoundError(f"ECBplus_coreference_sentences.csv not found next to {base}")
    validated = load_validated(csv_path)
    out: dict[str, list[EcbDocument]] = {}
    for topic in sorted((t for t in os.listdir(base) if t.isdigit()), key=int):
        if topics is not None and topic not in topics:
            continue
        docs = []
        for fn in sorted(os.listdir(os.path.join(base, topic)), key=_natural):
            if not fn.endswith(".xml"):
                continue
            name = fn[: -len(".xml")]
            if name not in validated:
                continue
            docs.append(read_document(os.path.join(base, topic, fn), topic, validated[name]))
        if docs:
            out[topic] = docs
    return out


# --------------------------------------------------------------------------- running


@dataclass
class EcbResult:
    """Scores of one mode, plus counts and time."""

    mode: str
    topics: int
    docs: int
    gold_mentions: int
    response_mentions: int
    scores: CorefScores
    seconds: float
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k != "scores"}
        d.update(self.scores.as_dict())
        return d


def analyse_documents(docs: list[EcbDocument], progress: Optional[Callable[[int], None]] = None,
                      generic_events: bool = False) -> tuple[dict[str, object], dict[str, list]]:
    """Run newsweave's per-article extraction on the documents (no publication date),
    with the general event mentions when asked.  Returns (document name -> analysis,
    document name -> general mentions)."""
    from newsweave.config import Options
    from newsweave.events.generic import extract_with_generic

    articles = [d.article() for d in docs]
    pairs = extract_with_generic(articles, Options(generic_events=generic_events), progress)
    return ({da.article.id: da for da, _ in pairs}, {da.article.id: g for da, g in pairs})


def gold_key(docs: Iterable[EcbDocument]) -> dict[str, str]:
    """Mention key -> gold cluster, for the validated sentences."""
    return {m.key: m.cluster for d in docs for m in d.mentions}


def run_gold(corpus: dict[str, list[EcbDocument]], analyses: dict[str, object], doc_clustering: str = "newsweave") -> EcbResult:
    """Gold mentions given: newsweave's generic coreference clusters them, topic by topic."""
    from newsweave.fuse.coref import cluster_documents, cluster_mentions, mentions_from_spans

    t0 = time.perf_counter()
    key: dict[str, str] = {}
    response: dict[str, str] = {}
    n_docs = 0
    groups_found = 0
    for topic, docs in corpus.items():
        key.update(gold_key(docs))
        n_docs += len(docs)
        ments = []
        for d in docs:
            sents = d.sentence_spans()
            spans = [(m.key, m.start, m.end, *sents[m.sentence]) for m in d.mentions]
            ments.extend(mentions_from_spans(analyses[d.name], spans))
        if doc_clustering == "gold":
            doc_group = {d.name: d.subtopic for d in docs}
        elif doc_clustering == "none":
            doc_group = {d.name: topic for d in docs}
        else:
            doc_group = cluster_documents([analyses[d.name] for d in docs])
        groups_found += len(set(doc_group.values()))
        result = cluster_mentions(ments, doc_group)
        for i, cl in enumerate(result.clusters):
            for mid in cl:
                response[mid] = f"{topic}:{i}"
    scores = conll_scores(key, response)
    return EcbResult(mode=f"gold mentions ({doc_clustering} document clusters)", topics=len(corpus), docs=n_docs,
                     gold_mentions=len(key), response_mentions=len(response), scores=scores,
                     seconds=time.perf_counter() - t0, extra={"document_groups": groups_found})


def align(doc: EcbDocument, start: int, end: int, taken: set[str]) -> Optional[EcbMention]:
    """The gold mention (not yet taken) whose tokens the span overlaps most."""
    toks = set(doc.token_at(start, end))
    best, best_n = None, 0
    for m in doc.mentions:
        if m.key in taken:
            continue
        n = len(toks & set(m.tokens))
        if n > best_n:
            best, best_n = m, n
    return best


# The kinds of general event mention the end-to-end mode predicts: all of them, as
# ECB+'s ACTION classes include reporting, state, perception, aspectual and
# causative actions (Cybulska & Vossen 2014, annotation guidelines).
E2E_KINDS = ("verb", "reporting", "light", "state", "aspectual", "causative", "noun", "nominal", "support", "adjective")


def predicted_spans(doc: EcbDocument, analysis, generic: Iterable = (), kinds: Iterable[str] = E2E_KINDS) -> list[tuple]:
    """The predicted event mentions of one document in its validated sentences, as
    ``(id, start, end, sent_start, sent_end)``: newsweave's PLOVER mentions, plus the
    general mentions (``newsweave.events.generic``) that overlap none of them."""
    sents = doc.sentence_spans()
    kinds = frozenset(kinds)
    spans: list[tuple[int, int]] = [(m.trigger.start, m.trigger.end) for m in analysis.events]
    for g in generic:
        if g.kind in kinds and not any(s < g.end and g.start < e for s, e in spans):
            spans.append((g.start, g.end))
    out = []
    seen: set[tuple[int, int]] = set()
    for start, end in sorted(spans):
        sent = doc.sentence_of(start)
        if (start, end) in seen or sent not in doc.validated or sent not in sents:
            continue
        seen.add((start, end))
        out.append((f"{doc.name}:pred:{start}-{end}", start, end, *sents[sent]))
    return out


def run_e2e(corpus: dict[str, list[EcbDocument]], analyses: dict[str, object],
            generic: Optional[dict[str, list]] = None, kinds: Iterable[str] = E2E_KINDS) -> EcbResult:
    """newsweave's own event mentions (PLOVER mentions and general mentions) in the
    validated sentences, clustered by the generic coreference (``fuse.coref``) within
    newsweave's own document groups, then aligned to gold by token overlap.

    A predicted mention that overlaps no gold mention stays in the response under its
    own id (a spurious mention, which lowers precision); a gold mention no prediction
    overlaps is missing from the response (which lowers recall).  Mentions outside the
    validated sentences are dropped on both sides before clustering.
    """
    from newsweave.fuse.coref import cluster_documents, cluster_mentions, mentions_from_spans

    t0 = time.perf_counter()
    generic = generic or {}
    key: dict[str, str] = {}
    response: dict[str, str] = {}
    n_docs = matched = spurious = 0
    for topic, docs in corpus.items():
        key.update(gold_key(docs))
        n_docs += len(docs)
        ments = []
        pred_to_gold: dict[str, str] = {}
        for d in docs:
            spans = predicted_spans(d, analyses[d.name], generic.get(d.name, ()), kinds)
            taken: set[str] = set()
            for pid, start, end, *_ in spans:
                g = align(d, start, end, taken)
                if g is not None:
                    taken.add(g.key)
                    pred_to_gold[pid] = g.key
            ments.extend(mentions_from_spans(analyses[d.name], spans))
        doc_group = cluster_documents([analyses[d.name] for d in docs])
        result = cluster_mentions(ments, doc_group)
        for i, cl in enumerate(result.clusters):
            for pid in cl:
                if pid in pred_to_gold:
                    matched += 1
                else:
                    spurious += 1
                response[pred_to_gold.get(pid, pid)] = f"{topic}:{i}"
    scores = conll_scores(key, response)
    n_resp = len(response)
    extra = {
        "matched": matched,
        "spurious": spurious,
        "mention_recall": matched / len(key) if key else 0.0,
        "mention_precision": matched / n_resp if n_resp else 0.0,
    }
    return EcbResult(mode="end to end (newsweave mentions + generic coreference)", topics=len(corpus), docs=n_docs,
                     gold_mentions=len(key), response_mentions=n_resp, scores=scores,
                     seconds=time.perf_counter() - t0, extra=extra)


def run_ecbplus(root: str, topics: Optional[str] = "36-45", modes: Iterable[str] = ("gold", "e2e"),
                doc_clusterings: Iterable[str] = ("newsweave",),
                progress: Optional[Callable[[int], None]] = None) -> list[EcbResult]:
    """Read the topics, run the pipeline once on their documents, score each mode."""
    t0 = time.perf_counter()
    corpus = read_corpus(root, parse_topics(topics))
    if not corpus:
        raise ValueError(f"no ECB+ documents for topics {topics!r} under {root}")
    docs = [d for ds in corpus.values() for d in ds]
    analyses, generic = analyse_documents(docs, progress, generic_events="e2e" in modes)
    pipeline_seconds = time.perf_counter() - t0
    results: list[EcbResult] = []
    for mode in modes:
        if mode == "gold":
            for dc in doc_clusterings:
                r = run_gold(corpus, analyses, dc)
                r.extra["pipeline_seconds"] = pipeline_seconds
                results.append(r)
        elif mode == "e2e":
            r = run_e2e(corpus, analyses, generic)
            r.extra["pipeline_seconds"] = pipeline_seconds
            results.append(r)
        else:
            raise ValueError(f"unknown ECB+ mode {mode!r} (gold or e2e)")
    return results
