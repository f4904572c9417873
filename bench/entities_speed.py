"""Cost of entity extraction and resolution next to spaCy's own parse.

Parses the sample corpus (or the first N gva-dev articles) once, then times
``extract_entity_mentions`` per article and ``resolve_entities`` over all of them,
and prints both next to spaCy's time per article (best of R rounds, so that a busy
machine disturbs the ratio less).

    .venv/bin/python bench/entities_speed.py [--gva N] [--rounds R]
"""
from __future__ import annotations

import argparse
import json
import pathlib
import time

from newsweave.entities import extract_entity_mentions, load_actors, resolve_entities
from newsweave.nlp import load_nlp
from newsweave.records import Article, DocAnalysis

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
GVA = ROOT.parent / "shared" / "datasets" / "gva-dev" / "docs.jsonl"


def read_articles(gva: int) -> list[Article]:
    if not gva:
        return [Article(id=p.stem, source=str(p), text=p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    out: list[Article] = []
    with GVA.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("content"):
                out.append(Article(id=str(d["doc_id"]), source=str(d.get("uri", "")), text=d["content"]))
            if len(out) >= gva:
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gva", type=int, default=0, help="use the first N gva-dev articles instead of the seeds")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    t = time.perf_counter()
    actors = load_actors()
    load_s = time.perf_counter() - t
    nlp = load_nlp()
    articles = read_articles(args.gva)
    n = len(articles)
    best = {"spacy": float("inf"), "extract": float("inf"), "resolve": float("inf")}
    for _ in range(args.rounds):
        t = time.perf_counter()
        docs = list(nlp.pipe((a.masked for a in articles), batch_size=32))
        best["spacy"] = min(best["spacy"], (time.perf_counter() - t) / n)
        t = time.perf_counter()
        analyses = [DocAnalysis(article=a, entities=extract_entity_mentions(d, a, actors)) for a, d in zip(articles, docs)]
        best["extract"] = min(best["extract"], (time.perf_counter() - t) / n)
        t = time.perf_counter()
        entities = resolve_entities(analyses, actors)
        best["resolve"] = min(best["resolve"], (time.perf_counter() - t) / n)
    print(f"{n} articles, {len(entities)} entities; actor dictionary loaded in {load_s * 1000:.0f} ms")
    print(f"spaCy    {best['spacy'] * 1000:8.2f} ms/article")
    print(f"extract  {best['extract'] * 1000:8.2f} ms/article ({best['extract'] / best['spacy']:.1%} of spaCy)")
    print(f"resolve  {best['resolve'] * 1000:8.2f} ms/article ({best['resolve'] / best['spacy']:.1%} of spaCy)")


if __name__ == "__main__":
    main()
