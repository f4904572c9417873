"""Killed/injured counts per article against the Gun Violence Archive's coding.

Runs cleaning (when available), spaCy and ``newsweave.events.extract_events`` over the
gva-dev articles and compares, per article, the counts of its main event with the
incident's ``num_killed`` / ``num_injured``.  Simplification for this script: all
non-background, non-negated, non-hypothetical ASSAULT mentions of an article are one
event; killed = the largest exact/at_least killed claim among them (0 if none),
injured = the most common injured claim value (ties: the larger; 0 if none).

    .venv/bin/python bench/claims_gva.py [--limit N] [--show-failures K] [--data DIR]
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import pathlib
import sys
import time
from types import SimpleNamespace

DEFAULT_DATA = pathlib.Path(__file__).resolve().parents[2] / "shared" / "datasets" / "gva-dev"


def _optional(module: str, name: str):
    try:
        mod = __import__(module, fromlist=[name])
        return getattr(mod, name)
    except (ImportError, AttributeError):
        return None


class _Others:
    """Calls the other stages' functions when they exist; one that fails is reported
    once and then skipped, so the measurement of events still runs."""

    def __init__(self) -> None:
        self.broken: set[str] = set()

    def run(self, name: str, fn, *args):
        if fn is None or name in self.broken:
            return [] if name not in ("gazetteer", "actors") else None
        try:
            return fn(*args)
        except Exception as exc:
            self.broken.add(name)
            print(f"{name}: disabled after error: {exc!r}", file=sys.stderr)
            return [] if name not in ("gazetteer", "actors") else None


def article_counts(mentions, claims) -> tuple[int, int]:
    live = {m.id for m in mentions if m.type == "ASSAULT" and not m.background and not m.negated and not m.hypothetical}
    killed = [c.value for c in claims if c.mention in live and c.attribute == "killed" and c.qualifier in ("exact", "at_least", None)]
    injured = [c.value for c in claims if c.mention in live and c.attribute == "injured"]
    k = max(killed) if killed else 0
    if injured:
        counts = collections.Counter(injured)
        top = max(counts.values())
        i = max(v for v, n in counts.items() if n == top)
    else:
        i = 0
    return k, i


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--show-failures", type=int, default=0, help="print K failing articles")
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--alone", action="store_true", help="no cleaning, entities, places or times: events only")
    args = ap.parse_args(argv)

    from newsweave.events import extract_events, load_lexicon
    from newsweave.nlp import load_nlp
    from newsweave.records import Article

    clean_article = _optional("newsweave.clean", "clean_article")
    find_entities = _optional("newsweave.entities", "extract_entity_mentions")
    load_actors = _optional("newsweave.entities", "load_actors")
    find_places = _optional("newsweave.geo", "find_places")
    load_gazetteer = _optional("newsweave.geo", "load_gazetteer")
    find_times = _optional("newsweave.time", "find_times")

    docs = [json.loads(line) for line in (args.data / "docs.jsonl").open(encoding="utf-8")]
    docs = [d for d in docs if (d.get("content") or "").strip()]
    if args.offset:
        docs = docs[args.offset :]
    if args.limit:
        docs = docs[: args.limit]
    truth: dict[str, tuple[int, int]] = {}
    for line in (args.data / "incidents.jsonl").open(encoding="utf-8"):
        inc = json.loads(line)
        for d in inc.get("doc_ids") or []:
            truth[d] = (int(inc["num_killed"]), int(inc["num_injured"]))

    if args.alone:
        clean_article = find_entities = find_places = find_times = load_actors = load_gazetteer = None
    nlp = load_nlp()
    others = _Others()
    res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=others.run("gazetteer", load_gazetteer),
                          actors=others.run("actors", load_actors))
    articles = []
    for d in docs:
        pub = dt.date.fromisoformat(d["dct"]) if d.get("dct") else None
        a = Article(id=d["doc_id"], source=d.get("uri") or d["doc_id"], text=d["content"], published=pub, title=d.get("title"))
        if clean_article is not None:
            try:
                a = clean_article(a)
            except Exception as exc:  # a broken cleaner must not stop the measurement
                print(f"clean_article failed on {a.id}: {exc}", file=sys.stderr)
        articles.append(a)

    t_nlp = t_ev = 0.0
    ok_k = ok_i = n = 0
    fails = []
    t0 = time.perf_counter()
    docs_iter = nlp.pipe((a.masked for a in articles), batch_size=64)
    for a in articles:
        t1 = time.perf_counter()
        sdoc = next(docs_iter)
        t2 = time.perf_counter()
        t_nlp += t2 - t1
        ents = others.run("entities", find_entities, sdoc, a, res.actors) if res.actors is not None else []
        places = others.run("places", find_places, sdoc, a, res.gazetteer) if res.gazetteer is not None else []
        times = others.run("times", find_times, sdoc, a)
        t3 = time.perf_counter()
        mentions, claims = extract_events(sdoc, a, ents, places, times, res)
        t_ev += time.perf_counter() - t3
        if a.id not in truth:
            continue
        k, i = article_counts(mentions, claims)
        tk, ti = truth[a.id]
        n += 1
        ok_k += k == tk
        ok_i += i == ti
        if (k != tk or i != ti) and len(fails) < args.show_failures:
            fails.append((a, (k, i), (tk, ti), mentions, claims))
    total = time.perf_counter() - t0
    for a, got, want, mentions, claims in fails:
        print("=" * 100)
        print(f"{a.id} got killed/injured {got} want {want} title={a.title!r}")
        live = {m.id for m in mentions if m.type == "ASSAULT" and not m.background and not m.negated and not m.hypothetical}
        for c in claims:
            if c.attribute in ("killed", "injured"):
                flag = "" if c.mention in live else " [not main]"
                print(f"  {c.attribute}={c.value} {c.qualifier} subj={c.subject!r}{flag} :: {c.quote[:200]!r}")
        print("  TEXT:", a.clean_text[:1500].replace("\n", " "))
    print(f"articles {n}  killed accuracy {ok_k / max(n, 1):.3f}  injured accuracy {ok_i / max(n, 1):.3f}")
    print(f"time: spaCy {t_nlp:.1f}s, events {t_ev:.2f}s ({1000 * t_ev / max(len(articles), 1):.2f} ms/article), total {total:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
