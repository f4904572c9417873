"""find_times over parsed text: offsets, merging, anchoring, and a few real parses."""
from __future__ import annotations

import datetime as dt

import pytest
import spacy

from newsweave.records import Article, Removed
from newsweave.time import find_times

P = dt.date(2021, 6, 28)  # a Monday


@pytest.fixture(scope="module")
def blank():
    """A tokenizer-only pipeline: the finder's own patterns are the point here."""
    return spacy.blank("en")


def found(nlp, text: str, published=P, removed=()) -> list[tuple[str, object, object, str, bool]]:
    article = Article(id="doc", source="test", text=text, published=published, removed=list(removed))
    mentions = find_times(nlp(article.masked), article)
    for m in mentions:
        assert article.text[m.span.start : m.span.end] == m.span.text
        assert m.span.doc == "doc"
    return [(m.span.text, m.value.start, m.value.end, m.value.precision, m.relative) for m in mentions]


def test_time_find_patterns_without_entities(blank) -> None:
    text = ("Rockets hit the base in the early hours of Sunday and again late Saturday, "
            "two weeks ago and last month, officials said on June 27, 2021.")
    got = found(blank, text)
    assert ("the early hours of Sunday", dt.date(2021, 6, 27), dt.date(2021, 6, 27), "day", True) in got
    assert ("late Saturday", dt.date(2021, 6, 26), dt.date(2021, 6, 26), "day", True) in got
    assert ("two weeks ago", dt.date(2021, 6, 11), dt.date(2021, 6, 17), "week", True) in got
    assert ("last month", dt.date(2021, 5, 1), dt.date(2021, 5, 31), "month", True) in got
    assert ("June 27, 2021", dt.date(2021, 6, 27), dt.date(2021, 6, 27), "day", False) in got


def test_time_find_joins_clock_time_to_date(blank) -> None:
    got = found(blank, "The shooting happened Sunday around 1 a.m. local time near the park.")
    assert [g[0] for g in got] == ["Sunday around 1 a.m. local time"]
    assert got[0][1] == dt.date(2021, 6, 27)


def test_time_find_clock_alone_is_unknown(blank) -> None:
    got = found(blank, "Police arrived at 6 p.m. and stayed.")
    assert got == [("at 6 p.m.", None, None, "unknown", True)]


def test_time_find_ignores_words_that_only_look_like_dates(blank) -> None:
    got = found(blank, "Marietta residents may march in Augusta; the Eastern sun sat low over Decatur.")
    assert got == []


def test_time_find_a_day_or_a_while_around_a_holiday(blank) -> None:
    # published 2017-01-19: the Christmas before
    pub = dt.date(2017, 1, 19)
    got = found(blank, "He was shot the day after Christmas.", published=pub)
    assert got == [("the day after Christmas", dt.date(2016, 12, 26), dt.date(2016, 12, 26), "day", True)]
    got = found(blank, "He was shot two days before Christmas.", published=pub)
    assert got == [("two days before Christmas", dt.date(2016, 12, 23), dt.date(2016, 12, 23), "day", True)]
    # "just after Christmas" is no day: a firm date elsewhere in the article wins
    got = found(blank, "A teen was murdered just after Christmas, in the December 27 shooting.", published=pub)
    assert ("just after Christmas", dt.date(2016, 12, 25), dt.date(2016, 12, 27), "week", True) in got
    got = found(blank, "He was shot days before Christmas.", published=pub)
    assert got == [("days before Christmas", dt.date(2016, 12, 18), dt.date(2016, 12, 24), "week", True)]


def test_time_find_anchors_the_next_day(blank) -> None:
    got = found(blank, "He was shot on June 20. The next day, police arrested a suspect.")
    assert ("The next day", dt.date(2021, 6, 21), dt.date(2021, 6, 21), "day", True) in got


def test_time_find_a_year_less_day_of_a_month_the_article_named_with_its_year(blank) -> None:
    pub = dt.date(2016, 6, 28)
    text = ("They were returning home in December 2014 when they saw the police. "
            "On the night of Dec. 6, their son was shot.")
    got = found(blank, text, published=pub)
    # the month the article named, not last December (2015) as publication alone suggests
    assert ("the night of Dec. 6", dt.date(2014, 12, 6), dt.date(2014, 12, 6), "day", False) in got
    # a weekday that doesn't fit the named year keeps the publication's reading
    got = found(blank, "In January 2015 he moved. On Saturday, Jan. 16, he was shot.", published=pub)
    assert ("Saturday, Jan. 16", dt.date(2016, 1, 16), dt.date(2016, 1, 16), "day", True) in got
    # a month named further back is background: "Feb. 21" stays this year's
    got = found(blank, "In February 2010 he moved. He was shot Feb. 21.", published=pub)
    assert ("Feb. 21", dt.date(2016, 2, 21), dt.date(2016, 2, 21), "day", True) in got


def test_time_find_without_publication_date(blank) -> None:
    got = found(blank, "The attack on Sunday night followed the raid of March 3, 2019.", published=None)
    assert ("Sunday night", None, None, "unknown", True) in got
    assert ("March 3, 2019", dt.date(2019, 3, 3), dt.date(2019, 3, 3), "day", False) in got


def test_time_find_skips_removed_text(blank) -> None:
    text = "Posted Monday, July 5. Gunmen attacked on Sunday."
    removed = [Removed(0, text.index("Gunmen"), "page furniture")]
    got = found(blank, text, removed=removed)
    assert [g[0] for g in got] == ["Sunday"]


@pytest.mark.model
def test_time_find_with_the_model(nlp) -> None:
    text = ("A 19-year-old man was killed in a shooting late Saturday night, police said Monday. "
            "Four teens were shot at about 6 p.m. Monday evening. A vigil will be held Friday. "
            "The suspect was arrested in February and sentenced to 10 years in 2019. "
            "Since April, Wednesday's attack and last week's raid have been investigated.")
    article = Article(id="d1", source="test", text=text, published=P)
    mentions = find_times(nlp(article.masked), article)
    by_text = {m.span.text: m for m in mentions}
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.span.text
    assert "19-year-old" not in by_text and "10 years" not in by_text  # an age, a duration
    assert by_text["late Saturday night"].value.start == dt.date(2021, 6, 26)
    assert by_text["Monday"].value.start == P
    evening = next(m for t, m in by_text.items() if "Monday evening" in t)
    assert evening.value.start == P and "6 p.m." in evening.span.text
    assert by_text["Friday"].value.start == dt.date(2021, 7, 2)  # "will be held": the coming Friday
    year = next(m for t, m in by_text.items() if t.endswith("2019"))
    assert (year.value.start, year.value.precision, year.relative) == (dt.date(2019, 1, 1), "year", False)
    feb = next(m for t, m in by_text.items() if "February" in t)
    assert (feb.value.start, feb.value.precision) == (dt.date(2021, 2, 1), "month")
    since = next(m for t, m in by_text.items() if t.lower().startswith("since april"))
    assert (since.value.start, since.value.end) == (dt.date(2021, 4, 1), P)
    assert any(t.startswith("Wednesday") and m.value.start == dt.date(2021, 6, 23) for t, m in by_text.items())


def test_time_find_joins_part_of_day_to_its_date(blank) -> None:
    got = found(blank, "A woman was wounded during a shooting the evening of June 26 on Clarke Boulevard.")
    assert ("the evening of June 26", dt.date(2021, 6, 26), dt.date(2021, 6, 26), "day", True) in got
    got = found(blank, "It happened in the early morning hours of Sunday, police said.")
    assert [g[0] for g in got] == ["the early morning hours of Sunday"]
    assert got[0][1] == dt.date(2021, 6, 27)


def test_time_find_keeps_part_of_day_apart_across_sentences(blank) -> None:
    got = found(blank, "It happened in the evening. On Sunday, police said more.")
    assert ("Sunday", dt.date(2021, 6, 27), dt.date(2021, 6, 27), "day", True) in got
    assert not any(g[0].startswith("the evening") and g[1] is not None for g in got)


@pytest.mark.model
def test_time_find_a_planned_act_is_the_coming_day(nlp) -> None:
    # "friends plan a vigil Tuesday": the Tuesday to come, not the one before publication
    text = ("Friends of the family plan a candlelight vigil Tuesday at 7:30 p.m. in front of the home. "
            "Neighbors said they heard nothing unusual Sunday.")
    article = Article(id="d2", source="test", text=text, published=P)
    by_text = {m.span.text: m for m in find_times(nlp(article.masked), article)}
    vigil = next(m for t, m in by_text.items() if t.startswith("Tuesday"))
    assert vigil.value.start > P and vigil.value.start.weekday() == 1
    assert by_text["Sunday"].value.start < P


@pytest.mark.parametrize("text,drafted", [
    # a weekday to come that is the page's own day: written the day before
    ("A man was found shot dead in his home, police said. An autopsy is scheduled for Monday.", dt.date(2021, 6, 27)),
    ("Two men were killed in a shooting at a bar. Autopsies on the victims will be conducted on Monday.",
     dt.date(2021, 6, 27)),
    # the same weekday also tells of a past act: written on the page's day
    ("A man was shot about 1:20 a.m. Monday. He is scheduled to be arraigned Monday afternoon.", None),
    # another weekday to come, or the day of writing itself, says nothing
    ("A man was shot Sunday night. An autopsy is scheduled for Tuesday.", None),
    ("A man was shot today. A vigil will be held tonight.", None),
])
def test_time_find_a_page_written_before_its_date(nlp, text, drafted) -> None:
    from newsweave.time.find import drafted_day

    article = Article(id="d3", source="test", text=text, published=P)
    doc = nlp(article.masked)
    assert drafted_day(doc, article, find_times(doc, article)) == drafted


def test_time_find_resolves_against_the_day_a_page_was_written(nlp) -> None:
    from newsweave import pipeline

    text = "A man was shot and killed early today in the 100 block of Main Street. An autopsy is scheduled for Monday."
    article = Article(id="d4", source="test", text=text, published=P)
    da = pipeline.extract_article(article, nlp(article.masked), pipeline.load_resources())
    assert da.article.drafted == dt.date(2021, 6, 27) and da.article.written == dt.date(2021, 6, 27)
    by_text = {m.span.text: m.value.start for m in da.times}
    assert by_text["early today"] == dt.date(2021, 6, 27) and by_text["Monday"] == P


@pytest.mark.parametrize("zone", ["PT", "ET", "CDT", "PST", "GMT"])
def test_time_find_clock_time_with_a_time_zone_joins_its_day(blank, zone) -> None:
    got = found(blank, f"The shooting began just before 7 p.m. {zone} on Friday when a man opened fire.")
    assert got[0][0] == f"just before 7 p.m. {zone} on Friday"
    assert got[0][1] == dt.date(2021, 6, 25)


@pytest.mark.parametrize("text, expected", [
    ("Five people were killed in a murder-suicide in Sinking Spring, officials said.", []),
    ("The shooting happened near the Winter Haven mall.", []),
    ("The trial is set for Spring 2022.", ["Spring 2022"]),
    ("He was shot last Summer.", ["last Summer"]),
    ("In Spring, the council met.", ["Spring"]),
])
def test_time_find_a_season_inside_a_name_is_no_time(nlp, text, expected) -> None:
    assert [g[0] for g in found(nlp, text)] == expected
