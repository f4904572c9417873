"""Generic, explainable event-mention coreference for mentions without a PLOVER type.

Fusion (``fusion.py``) compares *typed* events (attacks, protests, statements) on
date, place, participants and wording.  General news also reports arrests, mergers,
earthquakes, castings and product launches that carry no PLOVER type; this module
joins mentions of such happenings across documents, and is what the ECB+ evaluation
measures (``newsweave eval ecbplus``).

Each pair of mentions is compared on evidence a person can read -- "same trigger
word 'quake'", "synonyms (kill / slay)", "shared participant Warren Buffett", "same
time (Tuesday)", "same place (Lima)", "similar wording (0.31)" -- and the mentions
are joined by average-linkage agglomerative clustering with a threshold, so one
weak link cannot chain two events together.  Documents are first grouped by what
they are about (``cluster_documents``); mentions in different groups are never
joined.  Everything is deterministic.

The spaCy pipeline runs without a lemmatizer, so trigger words are reduced by light
suffix rules plus the irregular forms of ``data/coref_synonyms.yaml`` (and the
events lexicon's inflection table); the synonym and derivation groups live in the
same file.  The weights and thresholds are in ``data/coref_weights.yaml``,
calibrated on ECB+ topics 1-35 only.
"""
from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterable, Optional, Sequence

import numpy as np

from newsweave.data import safe_load as _yaml_load
from newsweave.records import DocAnalysis, EventMention

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_STOP = frozenset(
    """a an the and or but if of in on at to for from by with without into onto over under about after before
    as than then that this these those there here which who whom whose what when where while why how
    i you he she it we they me him her us them my your his its our their mine yours
    not no nor so too very can could will would shall should may might must do does did
    be is are was were been being have has had having said says also just only more most
    some any all each every other another such own same one two three four five six seven
    eight nine ten up down out off again further once mr mrs ms dr new news""".split()
)
_SENT_END = re.compile(r"[.!?]\s+(?=[A-Z\"'(])|\n")


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class CorefData:
    groups: dict[str, frozenset[str]]  # lemma -> group names
    general: frozenset[str]
    irregular: dict[str, str]
    weights: dict


def _read(name: str) -> dict:
    return _yaml_load(resources.files("newsweave.data").joinpath(name).read_text(encoding="utf-8")) or {}


@functools.lru_cache(maxsize=1)
def load_coref_data() -> CorefData:
    """The synonym groups, general verbs, irregular forms and weights, loaded once."""
    syn = _read("coref_synonyms.yaml")
    irregular = {str(k).lower(): str(v).lower() for k, v in (syn.get("irregular") or {}).items()}
    try:  # the events lexicon knows the inflections of every trigger it lists
        from newsweave.events.lexicon import load_lexicon

        for form, lemma in load_lexicon().lemmas.items():
            irregular.setdefault(form, lemma)
    except Exception:  # the lexicon is optional here; the suffix rules still work
        pass
    groups: dict[str, set[str]] = defaultdict(set)
    for name, words in (syn.get("groups") or {}).items():
        for w in words or []:
            groups[stem(str(w).lower().replace("_", " "), irregular)].add(str(name))
    general = frozenset(stem(str(w).lower(), irregular) for w in syn.get("general") or [])
    return CorefData(groups={k: frozenset(v) for k, v in groups.items()}, general=general,
                     irregular=irregular, weights=_read("coref_weights.yaml"))


def stem(word: str, irregular: Optional[dict[str, str]] = None) -> str:
    """A light lemma key: irregular forms looked up, then regular suffixes stripped.

    Both sides of a comparison get the same treatment, so the key need not be a
    dictionary word: "quakes", "quaked" and "quake" all give "quak".

    >>> stem("earthquakes"), stem("arrested"), stem("stabbing"), stem("announcement")
    ('earthquak', 'arrest', 'stab', 'announc')
    """
    w = word.lower().strip()
    if " " in w:  # a phrase ("take over"): each word reduced
        return " ".join(stem(p, irregular) for p in w.split())
    if irregular and w in irregular:
        w = irregular[w]
    if len(w) <= 3:
        return w
    for suf, rep in (("ments", ""), ("ment", ""), ("ations", "ate"), ("ation", "ate"), ("ions", ""), ("ion", ""),
                     ("ies", "y"), ("ied", "y"), ("ying", "y"), ("ings", ""), ("ing", ""), ("ed", ""),
                     ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            if suf == "s" and w.endswith(("ss", "us", "is")):
                break
            w = w[: len(w) - len(suf)] + rep
            if suf in ("ing", "ed", "ings") and len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # stabbing -> stabb -> stab
            break
    if irregular and w in irregular and irregular[w] != w:
        w = stem(irregular[w])
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def content_lemmas(text: str, data: CorefData) -> list[str]:
    """The lemma keys of the content words of a text, in order."""
    return [stem(w, data.irregular) for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 1]


# --------------------------------------------------------------------------- mentions


@dataclass(frozen=True)
class CorefMention:
    """One event mention with the features coreference compares."""

    id: str
    doc: str
    start: int
    text: str  # trigger text
    lemmas: frozenset[str]  # lemma keys of the trigger's content words
    concepts: frozenset[str]  # synonym groups of those lemmas
    general: bool  # the trigger is only a general verb ("said", "took")
    participants: frozenset[str]  # normalised entity keys in the sentence
    places: frozenset[str]
    times: frozenset[str]
    words: frozenset[str]  # the sentence's other content lemmas


def _trigger_lemmas(text: str, data: CorefData) -> list[str]:
    words = [w for w in _WORD.findall(text)]
    lem = [stem(w, data.irregular) for w in words if w.lower() not in _STOP]
    if not lem:
        lem = [stem(w, data.irregular) for w in words] or [text.lower()]
    specific = [l for l in lem if l not in data.general]
    return specific or lem


def make_mention(mid: str, doc: str, start: int, end: int, text: str, sentence: tuple[int, int],
                 analysis: Optional[DocAnalysis], data: Optional[CorefData] = None) -> CorefMention:
    """Features of the mention ``text[start:end]`` of a document, from its sentence and
    the entities, places and times the pipeline found in that sentence."""
    data = data or load_coref_data()
    lem = _trigger_lemmas(text, data)
    phrase = stem(" ".join(w.lower() for w in _WORD.findall(text)), data.irregular)
    concepts = set()
    for l in lem + [phrase]:
        concepts |= data.groups.get(l, frozenset())
    s0, s1 = sentence
    participants: set[str] = set()
    places: set[str] = set()
    times: set[str] = set()
    sent_text = ""
    if analysis is not None:
        sent_text = analysis.article.text[s0:s1]
        for em in analysis.entities:
            if s0 <= em.span.start < s1 and em.type not in ("COUNTRY", "LOCATION", "GPE"):
                participants.add(em.key or em.span.text.lower())
        for pm in analysis.places:
            if s0 <= pm.span.start < s1:
                places.add(pm.place or pm.span.text.lower())
        for tm in analysis.times:
            if s0 <= tm.span.start < s1:
                v = tm.value
                if v.start is not None and v.precision in ("day", "week"):
                    times.add(v.start.isoformat())
                else:
                    times.add(" ".join(tm.span.text.lower().split()))
    trig = set(lem)
    words = frozenset(l for l in content_lemmas(sent_text, data) if l not in trig) if sent_text else frozenset()
    return CorefMention(
        id=mid, doc=doc, start=start, text=text, lemmas=frozenset(lem), concepts=frozenset(concepts),
        general=all(l in data.general for l in lem), participants=frozenset(participants),
        places=frozenset(places), times=frozenset(times), words=words,
    )


def sentence_bounds(text: str) -> list[int]:
    """Offsets where a sentence starts, by punctuation and line breaks (0 first)."""
    return [0] + [m.end() for m in _SENT_END.finditer(text)]


def sentence_around(text: str, start: int, end: int, bounds: Optional[list[int]] = None) -> tuple[int, int]:
    """The sentence holding ``text[start:end]`` (``bounds`` from ``sentence_bounds``)."""
    bounds = bounds if bounds is not None else sentence_bounds(text)
    i = bisect.bisect_right(bounds, start) - 1
    j = bisect.bisect_left(bounds, end)
    s = bounds[max(i, 0)]
    e = bounds[j] if j < len(bounds) else len(text)
    return s, len(text[:e].rstrip())


def mentions_from_spans(analysis: DocAnalysis, spans: Iterable[Sequence], data: Optional[CorefData] = None) -> list[CorefMention]:
    """Mentions for ``(id, start, end)`` or ``(id, start, end, sent_start, sent_end)``
    character spans of one analysed document."""
    data = data or load_coref_data()
    text = analysis.article.text
    bounds: Optional[list[int]] = None
    out = []
    for sp in spans:
        mid, start, end = sp[0], sp[1], sp[2]
        if len(sp) >= 5:
            sent = (sp[3], sp[4])
        else:
            bounds = bounds if bounds is not None else sentence_bounds(text)
            sent = sentence_around(text, start, end, bounds)
        out.append(make_mention(mid, analysis.article.id, start, end, text[start:end], sent, analysis, data))
    return out


def from_event_mention(m: EventMention, analysis: Optional[DocAnalysis] = None, data: Optional[CorefData] = None) -> CorefMention:
    """A pipeline EventMention as a coreference mention (its sentence gives the features)."""
    return make_mention(m.id, m.doc, m.trigger.start, m.trigger.end, m.trigger.text,
                        (m.sentence.start, m.sentence.end), analysis, data)


# --------------------------------------------------------------------------- pairs


@dataclass
class Evidence:
    score: float
    reasons: list[str]


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def compare(a: CorefMention, b: CorefMention, data: Optional[CorefData] = None) -> Evidence:
    """Evidence that two mentions name the same happening, with readable reasons."""
    data = data or load_coref_data()
    w = data.weights
    reasons: list[str] = []
    same = a.lemmas & b.lemmas
    syn = a.concepts & b.concepts
    general = a.general or b.general
    if same:
        score = w["same_lemma_general"] if general else w["same_lemma"]
        reasons.append(f"same trigger word '{min(same)}'")
    elif syn:
        score = w["synonym_general"] if general else w["synonym"]
        reasons.append(f"synonyms ({a.text.lower()} / {b.text.lower()}, {min(syn).replace('_', ' ')})")
    else:
        score = w["different_trigger"]
    shared = sorted(a.participants & b.participants)
    if shared:
        score += w["shared_participant"] * min(2, len(shared))
        reasons.append("shared participant " + ", ".join(shared[:2]))
    if a.times and b.times:
        if a.times & b.times:
            score += w["same_time"]
            reasons.append("same time (" + ", ".join(sorted(a.times & b.times)[:2]) + ")")
        elif any(re.fullmatch(r"\d{4}-\d\d-\d\d", t) for t in a.times) and any(re.fullmatch(r"\d{4}-\d\d-\d\d", t) for t in b.times):
            score += w["different_date"]
    if a.places & b.places:
        score += w["same_place"]
        reasons.append("same place (" + ", ".join(sorted(a.places & b.places)[:2]) + ")")
    jac = _jaccard(a.words, b.words)
    if jac:
        score += w["wording"] * jac
        if jac >= 0.2:
            reasons.append(f"similar wording ({jac:.2f})")
    if a.doc == b.doc:
        score += w["same_document"]
    return Evidence(score, reasons)


# --------------------------------------------------------------------------- clustering


@dataclass
class Clustering:
    clusters: list[list[str]]  # mention ids
    reasons: list[str] = field(default_factory=list)


def average_linkage(sim: np.ndarray, threshold: float) -> tuple[list[list[int]], list[tuple[int, int, float]]]:
    """Agglomerative clustering with average linkage: join the two clusters with the
    highest mean pairwise score while it is at least ``threshold``.  Ties go to the
    lowest indices, so the result is deterministic.  Returns (clusters, merges)."""
    n = sim.shape[0]
    members: list[list[int]] = [[i] for i in range(n)]
    alive = np.ones(n, dtype=bool)
    total = sim.astype(float).copy()  # sum of pair scores between clusters
    np.fill_diagonal(total, -np.inf)
    size = np.ones(n)
    merges: list[tuple[int, int, float]] = []
    while True:
        avg = total / np.outer(size, size)
        avg[~alive, :] = -np.inf
        avg[:, ~alive] = -np.inf
        if n < 2:
            break
        k = int(np.argmax(avg))
        i, j = divmod(k, n)
        best = avg[i, j]
        if not np.isfinite(best) or best < threshold:
            break
        i, j = min(i, j), max(i, j)
        merges.append((members[i][0], members[j][0], float(best)))
        members[i].extend(members[j])
        members[j] = []
        total[i, :] += total[j, :]
        total[:, i] += total[:, j]
        total[i, i] = -np.inf
        size[i] += size[j]
        alive[j] = False
    return [sorted(m) for m, a in zip(members, alive) if a], merges


def cluster_mentions(mentions: Sequence[CorefMention], doc_group: Optional[dict[str, str]] = None,
                     threshold: Optional[float] = None, data: Optional[CorefData] = None) -> Clustering:
    """Cluster mentions into events.  Mentions whose documents are in different groups
    of ``doc_group`` (document -> group) are never joined."""
    data = data or load_coref_data()
    thr = data.weights["merge_threshold"] if threshold is None else threshold
    by_group: dict[str, list[CorefMention]] = defaultdict(list)
    for m in sorted(mentions, key=lambda m: (m.doc, m.start, m.id)):
        by_group[(doc_group or {}).get(m.doc, "")].append(m)
    out = Clustering(clusters=[])
    for g in sorted(by_group):
        ms = by_group[g]
        n = len(ms)
        sim = np.zeros((n, n))
        ev: dict[tuple[int, int], Evidence] = {}
        for i in range(n):
            for j in range(i + 1, n):
                e = compare(ms[i], ms[j], data)
                sim[i, j] = sim[j, i] = e.score
                ev[(i, j)] = e
        clusters, merges = average_linkage(sim, thr)
        for i, j, s in merges:
            e = ev[(min(i, j), max(i, j))]
            a, b = ms[i], ms[j]
            why = "; ".join(e.reasons) or "clusters close on average"
            out.reasons.append(f"'{b.text}' ({b.doc}) joins '{a.text}' ({a.doc}): {why} (mean score {s:.2f})")
        out.clusters.extend([ms[k].id for k in cl] for cl in clusters)
    return out


# --------------------------------------------------------------------------- documents


def _doc_features(da: DocAnalysis, data: CorefData) -> Counter:
    feats: Counter = Counter(content_lemmas(da.article.text, data))
    w = data.weights
    for em in da.entities:
        feats["E:" + (em.key or em.span.text.lower())] += w["doc_entity_weight"]
    for pm in da.places:
        feats["P:" + (pm.place or pm.span.text.lower())] += w["doc_place_weight"]
    for tm in da.times:
        feats["T:" + " ".join(tm.span.text.lower().split())] += w["doc_time_weight"]
    return feats


def cluster_documents(analyses: Sequence[DocAnalysis], threshold: Optional[float] = None,
                      data: Optional[CorefData] = None) -> dict[str, str]:
    """Group documents that report the same happenings: TF-IDF cosine over their
    content words, entities, places and times, average linkage with a threshold.
    Returns document id -> group id (the group's first document)."""
    data = data or load_coref_data()
    thr = data.weights["doc_threshold"] if threshold is None else threshold
    das = sorted(analyses, key=lambda d: d.article.id)
    if not das:
        return {}
    feats = [_doc_features(d, data) for d in das]
    df: Counter = Counter()
    for f in feats:
        df.update(f.keys())
    n = len(das)
    vocab = {t: i for i, t in enumerate(sorted(df))}
    mat = np.zeros((n, len(vocab)))
    for r, f in enumerate(feats):
        for t, c in f.items():
            mat[r, vocab[t]] = (1 + math.log(c)) * math.log((1 + n) / (1 + df[t])) if c > 0 else 0.0
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    mat /= norms
    sim = mat @ mat.T
    clusters, _ = average_linkage(sim, thr)
    out = {}
    for cl in clusters:
        gid = das[cl[0]].article.id
        for k in cl:
            out[das[k].article.id] = gid
    return out


def cluster_event_mentions(analyses: Sequence[DocAnalysis], group_documents: bool = True) -> Clustering:
    """Generic coreference of the pipeline's event mentions (negated and hypothetical
    ones left out), for events that fusion's typed comparison does not cover."""
    data = load_coref_data()
    mentions = [from_event_mention(m, da, data) for da in analyses for m in da.events if not m.negated and not m.hypothetical]
    groups = cluster_documents(analyses, data=data) if group_documents else None
    return cluster_mentions(mentions, groups, data=data)
