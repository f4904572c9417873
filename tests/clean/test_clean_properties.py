"""Property tests: cleaning is total, stays inside the text, and is idempotent."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.clean import clean_article
from newsweave.records import Article

LINES = st.sampled_from(
    [
        "Share:",
        "By Jane Roe",
        "Related coverage:",
        "More In World",
        "Posted: Monday, June 5, 2017 4:10 PM EDT",
        "Source: Example Times",
        "comments",
        "Load More",
        "Rebels Seize Northern Town in Overnight Raid",
        "Rebels seized the northern town overnight, residents said, after heavy fighting.",
        "The ministry said at least 12 people were killed in the attack on Sunday.",
        "Copyright 2020 Example. All rights reserved.",
        "___",
        "",
        "   ",
        "x",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(LINES, st.text(max_size=60)), max_size=25).map("\n".join),
    st.lists(LINES, max_size=25).map("\r\n".join),
)


def _check(text: str) -> None:
    art = clean_article(Article(id="p", source="p", text=text))
    prev = 0
    for r in art.removed:
        assert 0 <= r.start < r.end <= len(text)
        assert r.start >= prev
        prev = r.end
    assert art.text == text
    assert len(art.masked) == len(text)
    again = clean_article(Article(id="p", source="p", text=text, title=art.title, byline=art.byline, outlet=art.outlet))
    assert again.removed == art.removed


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_clean_property_offsets_nonoverlap_idempotent(text):
    _check(text)


def test_clean_property_long_pathological_lines():
    for text in ["a" * 50000, ("By " + "A " * 5000), ("Posted: " + "1 " * 5000), ("-" * 10000) + "\n" + ("Related:\n" * 500)]:
        _check(text)
