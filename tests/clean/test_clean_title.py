"""Where a page title's headline ends: the one splitter cleaning and geocoding share."""
from __future__ import annotations

import pytest

from newsweave.clean.title import headline_end


@pytest.mark.parametrize("title,head,tail", [
    ("Man shot in Aynor - WMBF News | Myrtle Beach", "Man shot in Aynor", "WMBF News | Myrtle Beach"),
    ("Five shot at a bar :: WRAL.com", "Five shot at a bar", "WRAL.com"),
    ("Teen shot | Local News | Springfield, MO", "Teen shot", "Local News | Springfield, MO"),
    ("Town hall fire |ETX News", "Town hall fire", "ETX News"),
    ("Man killed in crash \u2014 KMOV.com", "Man killed in crash", "KMOV.com"),
])
def test_clean_title_headline_end_splits_at_the_first_separator(title: str, head: str, tail: str) -> None:
    start, end = headline_end(title)
    assert title[:start] == head and title[end:] == tail


@pytest.mark.parametrize("title", ["Man shot in Aynor", "- WMBF News", "Well-known man shot", "AC/DC|Live", ""])
def test_clean_title_headline_end_none_without_a_separator_after_text(title: str) -> None:
    assert headline_end(title) is None


def test_clean_title_capitalised_share_tells_title_case_from_sentence_case() -> None:
    from newsweave.clean.title import capitalised_share

    assert capitalised_share("2 Girls, 2 Men Shot At Birthday Party In Compton") == 1.0
    assert capitalised_share("Man shot while hunting near Lake Placid") == pytest.approx(2 / 6)
    # words the caller skips (prepositions some styles keep lower case) do not count
    assert capitalised_share("Teen Shot from Moving Car", frozenset({"from"})) == 1.0
    assert capitalised_share("A man is hit") == 0.0  # no longer word at all
