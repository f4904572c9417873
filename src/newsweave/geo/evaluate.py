"""Measure the geocoder on gva-dev: is each article's main US city near its incident?

For every article, the most-mentioned resolved US city or town (the first one on a
tie) is compared with the incident's ``lat_long`` coded by Gun Violence Archive.

    python -m newsweave.geo.evaluate ../shared/datasets/gva-dev [--limit N] [--km 40]

Prints the share of articles whose main city lies within ``--km`` of the incident
(over all articles, and over articles where a US city was found) and the average
time of ``find_places`` per article (spaCy's parse excluded).
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from newsweave.geo.find import find_places, find_places_in_text
from newsweave.geo.gazetteer import distance_km, load_gazetteer
from newsweave.records import Article


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--km", type=float, default=40.0)
    ap.add_argument("--show-misses", type=int, default=0)
    args = ap.parse_args(argv)

    from newsweave.nlp import load_nlp

    t = time.perf_counter()
    gaz = load_gazetteer()
    find_places_in_text("", [], gaz)  # compiles the text patterns: start-up cost, like loading the model
    setup = time.perf_counter() - t
    nlp = load_nlp()
    where: dict[str, tuple[float, float]] = {}
    city_of: dict[str, str] = {}
    with open(args.folder / "incidents.jsonl", encoding="utf-8") as fh:
        for line in fh:
            inc = json.loads(line)
            if not inc.get("lat_long"):
                continue
            for d in inc["doc_ids"]:
                where[d] = tuple(inc["lat_long"])
                city_of[d] = f"{inc['city_or_county']}, {inc['state']}"
    docs = []
    with open(args.folder / "docs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["doc_id"] in where and d["content"].strip():
                docs.append(d)
    if args.limit:
        docs = docs[: args.limit]
    texts = [d["content"] for d in docs]
    seconds, hits, found, misses = 0.0, 0, 0, []
    for d, parsed in zip(docs, nlp.pipe(texts, batch_size=32)):
        article = Article(id=d["doc_id"], source="gva", text=d["content"])
        t = time.perf_counter()
        mentions = find_places(parsed, article, gaz)
        seconds += time.perf_counter() - t
        counts: Counter = Counter()
        first: dict[str, int] = {}
        for m in mentions:
            c = gaz.candidate(m.place)
            if c and c.kind == "city" and c.country == "US":
                counts[m.place] += 1
                first.setdefault(m.place, m.span.start)
        if not counts:
            misses.append((d["doc_id"], city_of[d["doc_id"]], None))
            continue
        found += 1
        best = max(counts, key=lambda p: (counts[p], -first[p]))
        c = gaz.candidate(best)
        lat, lon = where[d["doc_id"]]
        if distance_km(c.lat, c.lon, lat, lon) <= args.km:
            hits += 1
        else:
            misses.append((d["doc_id"], city_of[d["doc_id"]], f"{c.name}, {c.admin1}"))
    n = len(docs)
    print(f"articles: {n}; with a US city: {found}")
    print(f"main city within {args.km:g} km: {hits / n:.3f} of all articles, {hits / max(found, 1):.3f} of those with a city")
    print(f"find_places: {seconds / max(n, 1) * 1000:.3f} ms per article on average (start-up {setup:.2f} s)")
    for miss in misses[: args.show_misses]:
        print("  miss:", *miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
