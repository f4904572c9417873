"""Golden cleaning cases (tests/clean/cases/*.json), ftfy style: input, removals, kept text."""
from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest

from newsweave.clean import clean_article
from newsweave.records import Article

CASES_DIR = pathlib.Path(__file__).resolve().parent / "cases"


def _cases():
    for path in sorted(CASES_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_clean_golden_case(case):
    article = clean_article(Article(id="case", source="case", text=case["text"]))
    got = [[r.reason, case["text"][r.start : r.end].strip()] for r in article.removed]
    assert got == case["removed"]
    assert article.clean_text == case["kept"]
    for key in ("title", "byline", "outlet"):
        if key in case:
            assert getattr(article, key) == case[key]
    if "published" in case:
        assert article.published == dt.date.fromisoformat(case["published"])


def test_clean_keeps_metadata_fixed_by_manifest():
    text = "Source: Some Outlet\n\nA strike halted rail traffic across the country on Monday, union leaders said."
    article = Article(id="x", source="x", text=text, outlet="Manifest Outlet", fixed=frozenset({"outlet"}))
    clean_article(article)
    assert article.outlet == "Manifest Outlet"
    article = Article(id="y", source="y", text=text, fixed=frozenset({"outlet"}))
    clean_article(article)
    assert article.outlet is None  # fixed as unknown by the manifest: not lifted


def test_clean_does_not_override_known_title():
    text = "A headline of the page\n\nTroops withdrew from the northern town on Sunday after weeks of fighting, officials said."
    article = clean_article(Article(id="x", source="x", text=text, title="Known title"))
    assert article.title == "Known title"
    assert [r.reason for r in article.removed] == ["headline"]


def test_clean_prefix_patterns_spare_a_long_line_long_prefix_ones_do_not():
    from newsweave.clean.rules import load_rules

    rules = load_rules()
    assert rules.chrome("Also read: Police arrest suspect in Elm Street shooting") == "teaser"
    # a long line that starts like a link label is prose that happens to
    long = "Also read: " + "the council heard from residents who asked for more street lights and patrols " * 4
    assert len(long) > rules.max_prefix_line and rules.chrome(long) is None
    caption = "Caption Police suspect arson in early Saturday morning fire " + "Two people died after a fire. " * 12
    assert len(caption) > rules.max_prefix_line and rules.chrome(caption) == "teaser"
