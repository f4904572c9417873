"""``newsweave eval gva``: incidents of the Gun Violence Archive (SemEval-2018 Task 5 corpus).

Definitions (fixed; the README's figures use exactly these):

- The articles are ``docs.jsonl`` of a split (``dct`` is the publication date); with
  ``--incidents N`` only the first N incidents in md5 order of ``incident_id`` and
  their articles.  An article listed under several incidents is counted once, under
  the first of them in that order.
- An article's *main event* is the ASSAULT event with the most mentions in that
  article (ties: the event whose first mention in the article comes first).
- Grouping: B-cubed precision, recall and F1 of the articles grouped by main event
  (an article without one is a singleton) against the grouping by incident.
- Per incident, its *predicted event* is the most common main event of its articles
  (ties: the one of the earliest article id).  Then:
  killed: ``fatalities.best == num_killed``;
  injured: the most common ``injured`` claim value of that event (ties: the lower;
  no claim: 0) ``== num_injured``;
  date: ``date.start`` == the incident date;
  place: the event's place lies within 40 km of ``lat_long``.  Incidents whose
  ``lat_long`` is missing (about one in ten) cannot be scored on place: ``place`` is
  the share of the incidents that have coordinates, and ``place_strict`` counts the
  others as wrong.
  An incident none of whose articles has a main event counts as wrong on all four.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Optional

from newsweave.config import Options
from newsweave.records import Analysis, Event


@dataclass
class GvaResult:
    articles: int
    incidents: int
    bcubed_p: float
    bcubed_r: float
    bcubed_f1: float
    killed: float
    injured: float
    date: float
    place: float
    seconds: float
    singleton_f1: float
    failures: dict[str, list] = field(default_factory=dict)
    place_strict: float = 0.0
    place_scored: int = 0

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d.pop("failures")
        return d


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin 1998) of two flat clusterings of the same items."""
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item, c in pred.items():
        by_pred[c].add(item)
    for item, c in gold.items():
        by_gold[c].add(item)
    items = list(gold)
    if not items:
        return 0.0, 0.0, 0.0
    p = r = 0.0
    for it in items:
        pc, gc = by_pred[pred[it]], by_gold[gold[it]]
        both = len(pc & gc)
        p += both / len(pc)
        r += both / len(gc)
    p, r = p / len(items), r / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _md5(s: str) -> str:
    return hashlib.md5(s.encode("utf-8")).hexdigest()


def load_split(split_dir: str, n_incidents: Optional[int] = None) -> tuple[list[dict], dict[str, str], list[dict]]:
    """(incidents in md5 order, doc id -> incident id, chosen docs as dicts)."""
    incidents = [json.loads(l) for l in open(os.path.join(split_dir, "incidents.jsonl"), encoding="utf-8") if l.strip()]
    incidents.sort(key=lambda i: _md5(str(i["incident_id"])))
    if n_incidents:
        incidents = incidents[:n_incidents]
    gold: dict[str, str] = {}
    for inc in incidents:
        for d in inc["doc_ids"]:
            gold.setdefault(d, str(inc["incident_id"]))
    docs: dict[str, dict] = {}
    for line in open(os.path.join(split_dir, "docs.jsonl"), encoding="utf-8"):
        if not line.strip():
            continue
        d = json.loads(line)
        if d["doc_id"] in gold and d["doc_id"] not in docs and (d.get("content") or "").strip():
            docs[d["doc_id"]] = d
    gold = {k: v for k, v in gold.items() if k in docs}
    incidents = [i for i in incidents if any(d in docs for d in i["doc_ids"])]
    return incidents, gold, [docs[k] for k in sorted(docs)]


def main_events(analysis: Analysis) -> dict[str, Event]:
    """Each article's main event: the ASSAULT event with the most mentions in it."""
    best: dict[str, tuple[int, int, Event]] = {}
    for ev in analysis.events:
        if ev.type != "ASSAULT":
            continue
        per_doc = Counter(m.doc for m in ev.mentions)
        first = {}
        for m in ev.mentions:
            first[m.doc] = min(first.get(m.doc, 1 << 60), m.trigger.start)
        for doc, n in per_doc.items():
            key = (n, -first[doc])
            if doc not in best or key > best[doc][:2]:
                best[doc] = (n, -first[doc], ev)
    return {doc: t[2] for doc, t in best.items()}


def _parse_date(s: str) -> Optional[dt.date]:
    for fmt in ("%B %d, %Y", "%Y-%m-%d", "%b %d, %Y"):
        try:
            return dt.datetime.strptime(s.strip(), fmt).date()
        except ValueError:
            continue
    return None


def score(analysis: Analysis, incidents: list[dict], gold: dict[str, str], seconds: float = 0.0) -> GvaResult:
    from newsweave.geo import distance_km

    mains = main_events(analysis)
    pred = {d: (mains[d].id if d in mains else f"single:{d}") for d in gold}
    p, r, f = bcubed(pred, gold)
    _, _, f_single = bcubed({d: d for d in gold}, gold)
    places = {pl.id: pl for pl in analysis.places}
    injured_by_event: dict[str, Counter] = defaultdict(Counter)
    for c in analysis.claims:
        if c.attribute == "injured" and isinstance(c.value, (int, float)) and c.event:
            injured_by_event[c.event][int(c.value)] += 1
    ok = Counter()
    scored_place = 0
    failures: dict[str, list] = defaultdict(list)
    for inc in incidents:
        docs = sorted(d for d in inc["doc_ids"] if d in gold)
        evs = [mains[d] for d in docs if d in mains]
        has_coords = bool(inc.get("lat_long"))
        scored_place += has_coords
        if not evs:
            for k in ("killed", "injured", "date", "place") if has_coords else ("killed", "injured", "date"):
                failures[k].append((inc["incident_id"], "no main event", docs))
            continue
        counts = Counter(e.id for e in evs)
        top = max(counts.values())
        ev = next(e for e in evs if counts[e.id] == top)
        killed = (ev.fatalities or {}).get("best") or 0
        if killed == inc["num_killed"]:
            ok["killed"] += 1
        else:
            failures["killed"].append((inc["incident_id"], killed, inc["num_killed"], docs))
        inj = injured_by_event.get(ev.id)
        injured = min(v for v, n in inj.items() if n == max(inj.values())) if inj else 0
        if injured == inc["num_injured"]:
            ok["injured"] += 1
        else:
            failures["injured"].append((inc["incident_id"], injured, inc["num_injured"], docs))
        gdate = _parse_date(inc["date"])
        if ev.date.start is not None and ev.date.start == gdate:
            ok["date"] += 1
        else:
            failures["date"].append((inc["incident_id"], ev.date.as_dict(), inc["date"], docs))
        pl = places.get(ev.place) if ev.place else None
        lat_long = inc.get("lat_long")
        if not has_coords:
            pass
        elif pl and pl.lat is not None and distance_km(pl.lat, pl.lon, lat_long[0], lat_long[1]) <= 40.0:
            ok["place"] += 1
        else:
            failures["place"].append((inc["incident_id"], pl.name if pl else None, inc.get("city_or_county"), inc.get("state"), docs))
    n = len(incidents) or 1
    return GvaResult(
        articles=len(gold), incidents=len(incidents), bcubed_p=p, bcubed_r=r, bcubed_f1=f,
        killed=ok["killed"] / n, injured=ok["injured"] / n, date=ok["date"] / n,
        place=ok["place"] / (scored_place or 1), place_strict=ok["place"] / n, place_scored=scored_place,
        seconds=seconds, singleton_f1=f_single, failures=dict(failures),
    )


def run_gva(split_dir: str, n_incidents: Optional[int] = None, options: Optional[Options] = None,
            progress: Optional[Callable[[int], None]] = None) -> tuple[GvaResult, Analysis]:
    from newsweave import pipeline
    from newsweave.ingest import read_inputs
    from newsweave.records import Article, InputProblem

    options = options or Options()
    incidents, gold, docs = load_split(split_dir, n_incidents)
    wanted = {d["doc_id"] for d in docs}
    t0 = time.perf_counter()
    articles: list[Article] = []
    seen = set()
    for item in pipeline.read_articles([os.path.join(split_dir, "docs.jsonl")], options):
        if isinstance(item, InputProblem) or item.id not in wanted or item.id in seen:
            continue
        seen.add(item.id)
        articles.append(item)
    analyses = pipeline.extract_articles(articles, options, progress)
    analysis = pipeline.resolve_and_fuse(analyses, options)
    seconds = time.perf_counter() - t0
    return score(analysis, incidents, gold, seconds), analysis
