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


@pytest.mark.parametrize("stamp,posted", [
    ("Posted: March 6, 2013 Updated: March 20, 2013", dt.date(2013, 3, 6)),
    ("Updated 01/26/2015 Created 01/25/2015", dt.date(2015, 1, 25)),
    ("Posted: Tuesday, Jan. 28, 2014 8:18 PM EST", dt.date(2014, 1, 28)),
    ("Updated: March 20, 2013", None),  # an update is not the first posting
    ("Posted | Updated: March 20, 2013", None),  # the date belongs to the update
])
def test_clean_reads_the_page_own_posting_date(stamp, posted):
    text = f"Man shot on the east side\n{stamp}\n\nA man was shot Sunday night on the east side of the city, police said.\n"
    article = clean_article(Article(id="x", source="x", text=text, published=dt.date(2017, 1, 29),
                                    fixed=frozenset({"published"})))
    assert article.posted == posted
    assert article.published == dt.date(2017, 1, 29)  # the given date is kept
    assert article.written == (posted or dt.date(2017, 1, 29))


def test_clean_posting_stamp_after_the_given_date_does_not_move_the_text():
    text = "Man shot\nPosted: March 6, 2013\n\nA man was shot Sunday night on the east side of the city, police said.\n"
    article = clean_article(Article(id="x", source="x", text=text, published=dt.date(2013, 3, 2)))
    assert article.posted == dt.date(2013, 3, 6) and article.written == dt.date(2013, 3, 2)
    prose = "Man shot\n\nThe video was posted March 6, 2013 on Facebook, and a man was shot Sunday night, police said.\n"
    assert clean_article(Article(id="y", source="y", text=prose, published=dt.date(2017, 1, 29))).posted is None


def test_clean_reads_a_video_caption_stamp_in_parentheses():
    text = ("Girl shot with BB gun\n\nA 9-year-old girl was airlifted after a man shot her in the chest, police said. "
            "(Published Saturday, May 2, 2015)\n\nThe child was struck around 3:30 p.m., state police said.\n")
    article = clean_article(Article(id="x", source="x", text=text, published=dt.date(2015, 5, 3),
                                    fixed=frozenset({"published"})))
    assert article.posted == dt.date(2015, 5, 2) and article.written == dt.date(2015, 5, 2)
    stamp = text.index("(Published")
    assert any(r.reason == "boilerplate" and r.start <= stamp and r.end >= text.index(")", stamp) + 1 for r in article.removed)
    assert "police said." in article.masked[:stamp]  # the sentence before the stamp stays
    # prose in parentheses that mentions publishing is no stamp
    prose = "Man shot\n\nA man was shot Sunday night (the report was published Monday, March 6, 2013 by police).\n"
    assert clean_article(Article(id="y", source="y", text=prose, published=dt.date(2017, 1, 29))).posted is None


def test_clean_reads_the_stamp_closing_a_long_caption():
    caption = "Family and friends gathered at the park where the boy was shot, and police asked for witnesses. " * 4
    text = f"Boy shot at park\n\n{caption}(Published Monday, March 23, 2015)\n\nPolice said the boy was shot Sunday night.\n"
    assert len(caption) > 300  # longer than any stamp line
    article = clean_article(Article(id="x", source="x", text=text, published=dt.date(2015, 3, 30),
                                    fixed=frozenset({"published"})))
    assert article.posted == dt.date(2015, 3, 23)
    assert "asked for witnesses." in article.masked


@pytest.mark.parametrize("line,posted", [
    ("INDIANAPOLIS, Ind. (Feb. 20, 2014) \u2014 Police are investigating a shooting on the east side.", dt.date(2014, 2, 20)),
    ("SAVANNAH, GA (December 2, 2015): Savannah-Chatham police are investigating a shooting.", dt.date(2015, 12, 2)),
    # a date in parentheses inside a sentence is no dateline
    ("Police said the man (born Feb. 20, 1994) \u2014 a father of two \u2014 was shot.", None),
    ("INDIANAPOLIS, Ind. (AP) \u2014 Police are investigating a shooting.", None),
])
def test_clean_reads_the_day_of_a_dateline(line, posted):
    text = f"Man shot\n\n{line}\n\nThe victim was taken to a hospital.\n"
    article = clean_article(Article(id="x", source="x", text=text, published=dt.date(2016, 1, 1), fixed=frozenset({"published"})))
    assert article.posted == posted
    if posted is not None:
        paren = text.index("(")
        assert any(r.start == paren and text[r.end - 1] == ")" for r in article.removed)
        assert "Police" in article.masked or "Savannah" in article.masked


def test_clean_posting_date_reaches_analysis_json():
    from newsweave.report.analysis_json import document_to_dict

    text = "Man shot\nPosted: March 6, 2013 Updated: March 20, 2013\n\nA man was shot Sunday night, police said.\n"
    article = clean_article(Article(id="x", source="x", text=text, published=dt.date(2013, 3, 20)))
    d = document_to_dict(article)
    assert d["published"] == "2013-03-20" and d["posted"] == "2013-03-06"
