"""Bounded fuzzing of ingestion, cleaning, time finding and number parsing with Hypothesis.

Every run tries a fixed number of cases (``max_examples``), so CI time stays
bounded; the counts of cases tried are printed at the end (run with ``-s``).
The properties: reading any bytes under any known extension yields only
``Article`` or ``InputProblem`` (never an exception), articles respect the size
limit and are never empty; cleaning keeps every removal inside the original text
and is idempotent, also with every line break Python knows; time patterns stay
inside the text; number parsing is total.
"""
from __future__ import annotations

import collections
import datetime as dt
import os
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.config import Options
from newsweave.ingest import read_inputs
from newsweave.ingest.formats import html_fragment_to_text
from newsweave.records import Article, InputProblem

TRIED: collections.Counter[str] = collections.Counter()
OPTIONS = Options(max_chars=5_000)
EXTENSIONS = [".txt", ".html", ".htm", ".json", ".jsonl", ".xml", ".rss", ".atom", ".ndjson"]
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module", autouse=True)
def _report_counts():
    yield
    print("\nfuzz cases tried: " + ", ".join(f"{k} {v}" for k, v in sorted(TRIED.items())))


def _read(data: bytes, ext: str) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "input" + ext)
        with open(path, "wb") as fh:
            fh.write(data)
        items = list(read_inputs([path], OPTIONS))
    for item in items:
        assert isinstance(item, (Article, InputProblem)), item
        if isinstance(item, Article):
            assert item.text.strip() and len(item.text) <= OPTIONS.max_chars
            assert item.id and item.source.startswith(path)
        else:
            assert item.reason.strip() and "\n" not in item.reason and "Traceback" not in item.reason
    return items


# --------------------------------------------------------------------------- bytes


@FUZZ
@given(data=st.binary(max_size=3000), ext=st.sampled_from(EXTENSIONS))
def test_trust_fuzz_ingest_random_bytes(data: bytes, ext: str):
    TRIED["ingest random bytes"] += 1
    _read(data, ext)


TEXTISH = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=800)
ENCODINGS = ["utf-8", "utf-16", "latin-1", "cp1252", "cp1251", "shift_jis", "utf-8-sig"]


@FUZZ
@given(text=TEXTISH, encoding=st.sampled_from(ENCODINGS), ext=st.sampled_from(EXTENSIONS), junk=st.binary(max_size=8))
def test_trust_fuzz_ingest_text_in_any_encoding(text: str, encoding: str, ext: str, junk: bytes):
    TRIED["ingest encoded text"] += 1
    data = text.encode(encoding, errors="replace")
    _read(data[: len(data) // 2] + junk + data[len(data) // 2 :], ext)


# --------------------------------------------------------------------------- html

TAGS = ["p", "div", "span", "article", "main", "script", "style", "nav", "footer", "h1", "a", "img", "table", "tr", "td",
        "ul", "li", "br", "iframe", "svg", "math", "template", "noscript", "title", "meta", "body", "html", "head"]
ATTRS = st.dictionaries(st.sampled_from(["class", "id", "href", "src", "onerror", "style", "content", "property", "lang"]),
                        st.text(max_size=20), max_size=3)
WORDS = st.lists(st.sampled_from(["Gunmen", "attacked", "a", "village", "on", "Monday,", "killing", "five", "people.",
                                  "&amp;", "&#0;", "&nbsp;", "<", ">", "\"", "'", "]]>", "<!--", "-->", "\u2028", "\x00"]),
                 max_size=30).map(" ".join)


def _render(node) -> str:
    if isinstance(node, str):
        return node
    tag, attrs, children = node
    attr = "".join(f' {k}="{v}"' for k, v in attrs.items())
    return f"<{tag}{attr}>" + "".join(_render(c) for c in children) + (f"</{tag}>" if tag != "br" else "")


HTML_TREES = st.recursive(WORDS, lambda kids: st.tuples(st.sampled_from(TAGS), ATTRS, st.lists(kids, max_size=4)),
                          max_leaves=40)
HTML = st.one_of(
    HTML_TREES.map(_render),
    st.tuples(HTML_TREES.map(_render), st.integers(0, 400)).map(lambda t: t[0][: t[1]]),  # truncated markup
    st.integers(1, 3000).map(lambda d: "<div>" * d + "text " * 10 + "</div>" * (d // 2)),  # deep, unbalanced
)


@FUZZ
@given(html=HTML, ext=st.sampled_from([".html", ".xml", ".rss"]))
def test_trust_fuzz_ingest_random_html(html: str, ext: str):
    TRIED["ingest random html"] += 1
    _read(html.encode("utf-8", errors="replace"), ext)
    out = html_fragment_to_text(html)
    assert "<script" not in out.lower() or "<script" in html.lower()


# --------------------------------------------------------------------------- json


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
                           lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
                               st.sampled_from(["id", "doc_id", "text", "content", "body", "title", "date", "dct",
                                                "published", "url", "source", "author", "lang", "x"]), kids, max_size=6),
                           max_leaves=20)


@FUZZ
@given(values=st.lists(JSON_VALUES, max_size=6), cut=st.integers(0, 2000), ext=st.sampled_from([".json", ".jsonl"]))
def test_trust_fuzz_ingest_random_json(values, cut: int, ext: str):
    import json

    TRIED["ingest random json"] += 1
    if ext == ".jsonl":
        raw = "\n".join(json.dumps(v) for v in values)
    else:
        raw = json.dumps(values)
    _read(raw[: cut if cut < len(raw) else len(raw)].encode(), ext)


# --------------------------------------------------------------------------- cleaning

BREAKS = ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
LINE = st.one_of(st.sampled_from(["Share this:", "By Jane Roe and John Doe", "Related: Ten more stories", "Posted: June 5, 2017",
                                  "Advertisement", "Gunmen killed five people in the market on Monday, police said.",
                                  "Copyright 2020 Example Media", "", " ", "Comments (3)"]), st.text(max_size=50))
CLEAN_TEXTS = st.tuples(st.lists(LINE, max_size=20), st.lists(st.sampled_from(BREAKS), min_size=1, max_size=20)).map(
    lambda t: "".join(line + t[1][i % len(t[1])] for i, line in enumerate(t[0])))


@settings(max_examples=300, deadline=None)
@given(text=CLEAN_TEXTS)
def test_trust_fuzz_clean_offsets_inside_and_idempotent_with_any_line_break(text: str):
    from newsweave.clean import clean_article

    TRIED["clean any line break"] += 1
    art = clean_article(Article(id="c", source="c", text=text))
    prev = 0
    for r in art.removed:
        assert 0 <= r.start < r.end <= len(text) and r.start >= prev and r.reason
        prev = r.end
    assert art.text == text and len(art.masked) == len(text)
    again = clean_article(Article(id="c", source="c", text=text, title=art.title, byline=art.byline, outlet=art.outlet))
    assert again.removed == art.removed
    # cleaning what is left changes nothing that was kept
    assert all(not art.masked[r.start:r.end].strip() for r in art.removed)


# --------------------------------------------------------------------------- time and numbers


TIME_TEXT = st.lists(st.one_of(st.sampled_from(["on", "Monday", "June", "5,", "2021", "last", "week", "ago", "3", "days",
                                                "1/2/2020", "12:30", "p.m.", "since", "early", "the", "weekend", "to",
                                                "-", "'s", "Christmas", "1990s", "noon", "\n"]), st.text(max_size=8)),
                     max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=TIME_TEXT)
def test_trust_fuzz_time_pattern_spans_inside_text(text: str):
    from newsweave.time.find import _pattern_matches

    TRIED["time patterns"] += 1
    for start, end in _pattern_matches(text):
        assert 0 <= start < end <= len(text)


@settings(max_examples=300, deadline=None)
@given(text=TIME_TEXT, published=st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_trust_fuzz_time_resolve_long_phrases(text: str, published):
    from newsweave.time import resolve_expression

    TRIED["time resolve"] += 1
    res = resolve_expression(text, published)
    if res is not None and res.start is not None:
        assert res.end is not None and res.start <= res.end


NUMBER_WORDS = st.lists(st.one_of(st.sampled_from(["at", "least", "more", "than", "up", "to", "about", "nearly", "a", "dozen",
                                                   "hundred", "thousand", "twenty-one", "1,200", "-5", "0", "00", "1e9",
                                                   "dozens", "several", "both", "one", "zero", "none", "million",
                                                   "99999999999999999999", "½", "٣", "²"]), st.text(max_size=10)),
                        max_size=8)


@settings(max_examples=500, deadline=None)
@given(words=NUMBER_WORDS)
def test_trust_fuzz_number_parsing_is_total(words):
    from newsweave.events.lexicon import load_lexicon
    from newsweave.events.numbers import parse_count, word_value

    TRIED["number parsing"] += 1
    nums = load_lexicon().numbers
    out = parse_count(words, nums)
    if out is not None:
        value, qualifier = out
        assert isinstance(value, int) and value >= 0 and isinstance(qualifier, str)
    for w in words:
        wv = word_value(w, nums)
        assert wv is None or (isinstance(wv[0], int) and wv[0] >= 0)
