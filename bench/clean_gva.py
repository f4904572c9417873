"""Measure cleaning on gva-dev: share of characters removed, mostly-debris pages, speed.

    .venv/bin/python bench/clean_gva.py [--sample 30] [--reasons]
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import random
import time

from newsweave.clean import clean_article, explain
from newsweave.config import Options
from newsweave.ingest import read_inputs
from newsweave.records import Article

DOCS = pathlib.Path(__file__).resolve().parents[2] / "shared" / "datasets" / "gva-dev" / "docs.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", default=str(DOCS))
    ap.add_argument("--sample", type=int, default=0, help="print this many random cleaned articles")
    ap.add_argument("--reasons", action="store_true", help="print removed lines grouped by reason")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    articles = [a for a in read_inputs([args.docs], Options()) if isinstance(a, Article)]
    t0 = time.perf_counter()
    for a in articles:
        clean_article(a)
    elapsed = time.perf_counter() - t0
    total = sum(len(a.text) for a in articles)
    removed = sum(r.end - r.start for a in articles for r in a.removed)
    heavy = [a for a in articles if sum(r.end - r.start for r in a.removed) > 0.8 * len(a.text)]
    by_reason = collections.Counter(r.reason for a in articles for r in a.removed)
    print(json.dumps({
        "articles": len(articles),
        "chars": total,
        "removed_share": round(removed / total, 4),
        "articles_over_80pct_removed": len(heavy),
        "ms_per_article": round(1000 * elapsed / len(articles), 4),
        "removals_by_reason": dict(by_reason.most_common()),
    }, indent=1))
    if args.reasons:
        for a in articles:
            for line in explain(a):
                print(a.id[:8], line[:200])
    if args.sample:
        rng = random.Random(args.seed)
        for a in rng.sample(articles, args.sample):
            print("=" * 30, a.id, "| title:", a.title, "| byline:", a.byline, "| published:", a.published)
            for line in explain(a):
                print("  -", line[:160])
            print("  KEPT:", a.clean_text[:300].replace("\n", " / "))
    for a in heavy:
        print("HEAVY", a.id, len(a.text), a.clean_text[:120].replace("\n", " / "))


if __name__ == "__main__":
    main()
