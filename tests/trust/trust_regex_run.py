"""Run every regular expression of cleaning, time, events and ingest over adversarial
long strings, and the functions that use them over adversarial long texts.

Run as a script (by ``test_trust_regex.py``, under a generous timeout): a pattern
with catastrophic backtracking never finishes, and the timeout says so.  Prints
the counts of patterns and runs.  ``--model`` also runs the whole per-article
extraction (spaCy included) over adversarial articles.
"""
from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
import sys
import time

PACKAGES = ("clean", "time", "events", "ingest")
LONG = 100_000  # anchored matching is linear in a sound pattern: the full length
SHORT = 2_000  # unanchored search tries every start: quadratic is normal, exponential is not
UNITS = ["a", " ", "1", "a ", "A ", "Aa", ".", "-", "\n", "\t\n", "1 ", "1/", "1-", "1,", "1:", ", ", "A.", "a'",
         "'s ", "on ", "to ", "the ", "By ", "Jan ", "June 1, ", "Posted: ", "at least ", "killed ", "é", "\u00a0",
         "<p>", "&amp;", "http://a", "((", "\"", "a.com ", "Related: ", "— "]


def adversarial(n: int) -> dict[str, str]:
    return {u: (u * (n // len(u) + 1))[:n] for u in UNITS}


def _collect(obj, name: str, out: dict[str, tuple[str, re.Pattern]], depth: int = 0) -> None:
    if depth > 4:
        return
    if isinstance(obj, re.Pattern):
        out.setdefault(obj.pattern, (name, obj))
    elif isinstance(obj, dict):
        for key, value in obj.items():
            _collect(value, f"{name}[{key!r}]", out, depth + 1)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for i, value in enumerate(obj):
            _collect(value, f"{name}[{i}]", out, depth + 1)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            _collect(getattr(obj, f.name), f"{name}.{f.name}", out, depth + 1)


def patterns() -> dict[str, tuple[str, re.Pattern]]:
    """Every compiled pattern at module level, and inside the loaded rules and lexicons."""
    out: dict[str, tuple[str, re.Pattern]] = {}
    for pkg_name in PACKAGES:
        pkg = importlib.import_module(f"newsweave.{pkg_name}")
        mods = [pkg] + [importlib.import_module(f"newsweave.{pkg_name}.{m.name}") for m in pkgutil.iter_modules(pkg.__path__)]
        for mod in mods:
            for key, value in vars(mod).items():
                _collect(value, f"{mod.__name__}.{key}", out)
    from newsweave.clean.rules import load_rules
    from newsweave.events.lexicon import load_lexicon
    from newsweave.time.find import finders

    _collect(load_rules(), "clean rules", out)
    _collect(finders(), "time finders", out)
    _collect(load_lexicon(), "events lexicon", out)
    return out


def run_patterns() -> int:
    pats = patterns()
    longs, shorts = adversarial(LONG), adversarial(SHORT)
    runs = 0
    for name, rx in pats.values():
        for unit in UNITS:
            t0 = time.perf_counter()
            rx.match(longs[unit])
            rx.fullmatch(longs[unit])
            for _ in rx.finditer(shorts[unit]):
                pass
            runs += 3
            took = time.perf_counter() - t0
            if took > 5:
                print(f"slow: {name} on {unit!r}*: {took:.1f}s", file=sys.stderr)
    print(f"patterns: {len(pats)}; runs: {runs}")
    return len(pats)


def run_functions() -> int:
    """The model-free functions that apply the patterns to whole texts or expressions."""
    import datetime as dt

    from newsweave.clean import clean_article
    from newsweave.ingest.dates import parse_date
    from newsweave.ingest.decode import decode_bytes
    from newsweave.records import Article
    from newsweave.time import resolve_expression
    from newsweave.time.find import _pattern_matches

    runs = 0
    for unit, text in adversarial(LONG).items():
        art = clean_article(Article(id="x", source="x", text=text))
        assert all(0 <= r.start < r.end <= len(text) for r in art.removed)
        _pattern_matches(text)
        resolve_expression(text, dt.date(2024, 1, 1))
        resolve_expression(text[:2000], dt.date(2024, 1, 1))
        parse_date(text)
        decode_bytes(text.encode("utf-8"))
        runs += 6
    print(f"function runs: {runs}")
    return runs


def run_model() -> int:
    """The whole per-article extraction over adversarial articles (smaller: the model dominates)."""
    from newsweave import pipeline
    from newsweave.clean import clean_article
    from newsweave.config import Options
    from newsweave.records import Article

    texts = adversarial(10_000)
    # not "killed ": one long sentence of event triggers is quadratic in events (see test_trust_regex.py)
    chosen = ["a ", "1 ", "A ", "Jan ", "June 1, ", "at least ", "'s ", ", ", "\n", "the ", "By ", "<p>", "Related: "]
    arts = [clean_article(Article(id=f"adv{i}", source="adv", text=texts[u], content_hash=f"h{i}")) for i, u in enumerate(chosen)]
    out = pipeline.extract_local(arts, Options())
    assert len(out) == len(arts)
    print(f"model articles: {len(arts)}")
    return len(arts)


def run_trigger_sentence(n: int) -> None:
    """One unpunctuated sentence of ``n`` characters of repeated event triggers."""
    from newsweave import pipeline
    from newsweave.clean import clean_article
    from newsweave.config import Options
    from newsweave.records import Article

    text = ("killed " * (n // 7 + 1))[:n]
    art = clean_article(Article(id="trig", source="adv", text=text, content_hash="trig"))
    pipeline.extract_local([art], Options())
    print(f"trigger sentence: {n} characters")


if __name__ == "__main__":
    if "--trigger-sentence" in sys.argv:
        run_trigger_sentence(int(sys.argv[-1]))
        sys.exit(0)
    t0 = time.perf_counter()
    n = run_patterns()
    assert n >= 40, f"only {n} patterns found: the collection is broken"
    run_functions()
    if "--model" in sys.argv:
        run_model()
    print(f"seconds: {time.perf_counter() - t0:.1f}")
