"""How often the time rules date the reported incident right, measured on gva-dev.

Gun Violence Archive codes each incident's date; the articles that report it carry
their publication date (``dct``).  The naive measure here: the first day-precision
time expression in the first three sentences of an article should be the incident's
date.  It is a development measure for the resolution rules, not the pipeline's
event-dating score (that one belongs to ``newsweave.eval``).

    python -m newsweave.time.evaluate [DATASET_DIR] [--limit N] [--failures K]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import re
import sys
import time
from collections import Counter
from typing import Iterator, Optional

from newsweave.records import Article
from newsweave.time.find import find_times

FIRST_SENTENCES = 3
# Page furniture that dates the page, not the incident ("Posted: Friday, March 7,
# 2014 7:14 PM EST"); the cleaning stage removes such lines, the raw dataset keeps them.
_STAMP = re.compile(r"(?:posted|updated|published|created|modified|date)\s*(?:on|at)?\s*:?\s*$", re.IGNORECASE)


def _incident_dates(path: pathlib.Path) -> dict[str, dt.date]:
    out: dict[str, dt.date] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            try:
                out[str(rec["incident_id"])] = dt.datetime.strptime(rec["date"].strip(), "%B %d, %Y").date()
            except (KeyError, ValueError):
                continue
    return out


def _articles(path: pathlib.Path, limit: Optional[int]) -> Iterator[tuple[Article, str]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            rec = json.loads(line)
            text = rec.get("content") or ""
            if not text.strip():
                continue
            published = dt.date.fromisoformat(rec["dct"]) if rec.get("dct") else None
            yield Article(id=rec["doc_id"], source=str(path), text=text, published=published), str(rec["incident_id"])


def _parsed(nlp, texts: list[str], cache: Optional[pathlib.Path]) -> list:
    """The parses, read from / written to a DocBin cache when one is given."""
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts)):
            return docs
    docs = list(nlp.pipe(texts, batch_size=64))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return docs


def measure(dataset: pathlib.Path, limit: Optional[int] = None, failures: int = 0,
            cache: Optional[pathlib.Path] = None) -> dict[str, float]:
    from newsweave.nlp import load_nlp

    nlp = load_nlp()
    gold = _incident_dates(dataset / "incidents.jsonl")
    items = [(a, i) for a, i in _articles(dataset / "docs.jsonl", limit) if i in gold]
    docs = _parsed(nlp, [a.masked for a, _ in items], cache)
    counts: Counter[str] = Counter()
    spent = 0.0
    shown = 0
    for (article, incident), doc in zip(items, docs):
        t0 = time.process_time()
        mentions = find_times(doc, article)
        spent += time.process_time() - t0
        sents = list(doc.sents)
        limit_char = sents[min(FIRST_SENTENCES, len(sents)) - 1].end_char if sents else 0
        day = [m for m in mentions if m.value.precision == "day" and m.value.start is not None]
        early = [m for m in day if m.span.start < limit_char]
        want = gold[incident]
        counts["articles"] += 1
        if early:
            counts["predicted"] += 1
            if early[0].value.start == want:
                counts["first3_correct"] += 1
            elif shown < failures:
                shown += 1
                s = early[0].span
                ctx = article.text[max(0, s.start - 80) : s.end + 40].replace("\n", " ")
                print(f"[{article.published} gold {want}] {s.text!r} -> {early[0].value.start}: ...{ctx}...", file=sys.stderr)
        kept = [m for m in early if not _STAMP.search(article.text, max(0, m.span.start - 25), m.span.start)]
        if kept and kept[0].value.start == want:
            counts["first3_nostamp_correct"] += 1
        if any(m.value.start == want for m in early):
            counts["first3_any"] += 1
        if day and day[0].value.start == want:
            counts["first_anywhere_correct"] += 1
        if any(m.value.start == want for m in day):
            counts["anywhere_any"] += 1
        counts["mentions"] += len(mentions)
    n = max(1, counts["articles"])
    return {
        "articles": counts["articles"],
        "first_day_in_first3_sentences_correct": counts["first3_correct"] / n,
        "same_skipping_page_stamps": counts["first3_nostamp_correct"] / n,
        "coverage_first3": counts["predicted"] / n,
        "precision_first3": counts["first3_correct"] / max(1, counts["predicted"]),
        "any_day_in_first3_correct": counts["first3_any"] / n,
        "first_day_anywhere_correct": counts["first_anywhere_correct"] / n,
        "any_day_anywhere_correct": counts["anywhere_any"] / n,
        "mentions_per_article": counts["mentions"] / n,
        "find_times_ms_per_article": 1000 * spent / n,
    }


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset", nargs="?", default="../shared/datasets/gva-dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--failures", type=int, default=0, help="print this many wrong first guesses")
    ap.add_argument("--cache", type=pathlib.Path, default=None, help="DocBin file to keep the parses in between runs")
    args = ap.parse_args(argv)
    path = pathlib.Path(args.dataset)
    if not (path / "docs.jsonl").exists():
        print(f"{path}: no docs.jsonl there; pass the gva-dev folder.", file=sys.stderr)
        return 2
    for k, v in measure(path, args.limit, args.failures, args.cache).items():
        print(f"{k}\t{v:.4f}" if isinstance(v, float) else f"{k}\t{v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
