"""Unit tests of the pure resolver: every rule with a fixed publication date."""
from __future__ import annotations

import datetime as dt

import pytest

from newsweave.records import DateRange
from newsweave.time import parse_anchor_dates, resolve, resolve_expression

D = dt.date
P = D(2021, 6, 28)  # a Monday


def day(y: int, m: int, d: int) -> DateRange:
    return DateRange(D(y, m, d), D(y, m, d), "day")


def rng(a: dt.date, b: dt.date, precision: str) -> DateRange:
    return DateRange(a, b, precision)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text, expected",
    [
        # weekdays: the most recent such day on or before P, but the day after P by its
        # plain name is that day (the page is dated a day early), not six days back
        ("Sunday night", day(2021, 6, 27)),
        ("early hours of Sunday", day(2021, 6, 27)),
        ("the early hours of Sunday", day(2021, 6, 27)),
        ("late Saturday", day(2021, 6, 26)),
        ("Monday evening", day(2021, 6, 28)),
        ("Monday", day(2021, 6, 28)),
        ("Tuesday", day(2021, 6, 29)),
        ("last Tuesday", day(2021, 6, 22)),
        ("Wednesday's", day(2021, 6, 23)),
        ("Sunday around 1 a.m.", day(2021, 6, 27)),
        ("about 1 a.m. Sunday local time", day(2021, 6, 27)),
        ("last Monday", day(2021, 6, 21)),
        ("last Sunday", day(2021, 6, 27)),
        ("next Monday", day(2021, 7, 5)),
        ("coming Friday", day(2021, 7, 2)),
        # days relative to P
        ("last night", day(2021, 6, 27)),
        ("overnight", day(2021, 6, 28)),
        ("yesterday", day(2021, 6, 27)),
        ("this morning", day(2021, 6, 28)),
        ("today", day(2021, 6, 28)),
        ("tonight", day(2021, 6, 28)),
        ("tomorrow", day(2021, 6, 29)),
        ("the day before yesterday", day(2021, 6, 26)),
        # months and years
        ("last month", rng(D(2021, 5, 1), D(2021, 5, 31), "month")),
        ("this month", rng(D(2021, 6, 1), D(2021, 6, 30), "month")),
        ("earlier this month", rng(D(2021, 6, 1), P, "month")),
        ("in February", rng(D(2021, 2, 1), D(2021, 2, 28), "month")),
        ("in July", rng(D(2020, 7, 1), D(2020, 7, 31), "month")),
        ("last year", rng(D(2020, 1, 1), D(2020, 12, 31), "year")),
        ("this year", rng(D(2021, 1, 1), D(2021, 12, 31), "year")),
        ("earlier this year", rng(D(2021, 1, 1), P, "year")),
        ("in 2019", rng(D(2019, 1, 1), D(2019, 12, 31), "year")),
        ("February 2019", rng(D(2019, 2, 1), D(2019, 2, 28), "month")),
        ("since April", rng(D(2021, 4, 1), P, "month")),
        ("the 1990s", rng(D(1990, 1, 1), D(1999, 12, 31), "year")),
        # weeks
        ("last week", rng(D(2021, 6, 21), D(2021, 6, 27), "week")),
        ("the past week", rng(D(2021, 6, 21), D(2021, 6, 27), "week")),
        ("this week", rng(D(2021, 6, 28), D(2021, 7, 4), "week")),
        ("earlier this week", rng(D(2021, 6, 28), P, "week")),
        ("the weekend", rng(D(2021, 6, 26), D(2021, 6, 27), "week")),
        ("over the weekend", rng(D(2021, 6, 26), D(2021, 6, 27), "week")),
        # no holiday next to the last weekend: a holiday weekend recalled from before
        ("over the holiday weekend", rng(None, None, "unknown")),
        # a headline's "after weekend shooting", "blown out by weekend gunfire"
        ("weekend", rng(D(2021, 6, 26), D(2021, 6, 27), "week")),
        ("a weekend", rng(None, None, "unknown")),
        ("weekend nights", rng(None, None, "unknown")),
        ("days after", rng(D(2021, 6, 21), P, "week")),
        ("days earlier", rng(D(2021, 6, 21), P, "week")),
        ("two weeks ago", rng(D(2021, 6, 11), D(2021, 6, 17), "week")),
        ("three days ago", day(2021, 6, 25)),
        ("two months ago", rng(D(2021, 4, 1), D(2021, 4, 30), "month")),
        ("five years ago", rng(D(2016, 1, 1), D(2016, 12, 31), "year")),
        # calendar dates
        ("on June 27", day(2021, 6, 27)),
        ("June 27, 2021", day(2021, 6, 27)),
        ("June 27th, 2021", day(2021, 6, 27)),
        ("27 June", day(2021, 6, 27)),
        ("27 June 2021", day(2021, 6, 27)),
        ("the 27th of June", day(2021, 6, 27)),
        ("2021-06-27", day(2021, 6, 27)),
        ("6/27/2021", day(2021, 6, 27)),
        ("6/27/21", day(2021, 6, 27)),
        ("Sept. 11, 2001", day(2001, 9, 11)),
        ("Monday, July 5", day(2021, 7, 5)),  # a few days ahead: an announced date
        ("July 20", day(2021, 7, 20)),  # weeks ahead: an announced date (a hearing)
        ("Aug. 20", day(2020, 8, 20)),  # too far ahead: last year's
        ("Dec. 3", day(2020, 12, 3)),
        ("June 25-27", rng(D(2021, 6, 25), D(2021, 6, 27), "week")),
        # holidays
        ("Christmas", day(2020, 12, 25)),
        ("Christmas Day 2019", day(2019, 12, 25)),
        ("Independence Day", day(2021, 7, 4)),  # within the tolerance ahead
        ("Memorial Day", day(2021, 5, 31)),
        ("Thanksgiving", day(2020, 11, 26)),
        ("Easter", day(2021, 4, 4)),
        ("Memorial Day weekend", rng(D(2021, 5, 29), D(2021, 5, 31), "week")),
        ("Thanksgiving weekend", rng(D(2020, 11, 26), D(2020, 11, 29), "week")),
    ],
)
def test_resolve_expression_against_monday_publication(text: str, expected: DateRange) -> None:
    assert resolve_expression(text, P) == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # GVA-style: a Saturday-night shooting reported on Sunday
        ("Saturday night shooting", D(2014, 7, 13), day(2014, 7, 12)),
        ("Sunday", D(2014, 7, 13), day(2014, 7, 13)),
        ("early Sunday", D(2014, 1, 27), day(2014, 1, 26)),
        # year boundaries
        ("Dec. 30", D(2022, 1, 3), day(2021, 12, 30)),
        ("Jan. 2", D(2021, 12, 28), day(2022, 1, 2)),
        ("in December", D(2022, 1, 10), rng(D(2021, 12, 1), D(2021, 12, 31), "month")),
        ("last month", D(2022, 1, 10), rng(D(2021, 12, 1), D(2021, 12, 31), "month")),
        ("in February", D(2024, 2, 10), rng(D(2024, 2, 1), D(2024, 2, 29), "month")),
        # a month that begins a day after the page's stamp is that coming month, not last year's
        ("the first 30 minutes of June", D(2014, 5, 31), rng(D(2014, 6, 1), D(2014, 6, 30), "month")),
        ("in January", D(2021, 12, 31), rng(D(2022, 1, 1), D(2022, 1, 31), "month")),
        ("in June", D(2014, 5, 20), rng(D(2013, 6, 1), D(2013, 6, 30), "month")),
        ("last week", D(2021, 7, 2), rng(D(2021, 6, 21), D(2021, 6, 27), "week")),
        ("the weekend", D(2021, 6, 27), rng(D(2021, 6, 26), D(2021, 6, 27), "week")),
        ("last weekend", D(2021, 6, 27), rng(D(2021, 6, 19), D(2021, 6, 20), "week")),
        # Labor Day (Monday 6 September 2021) joins the last weekend; New Year's Eve and Day a weekend's Friday and Saturday
        ("over the holiday weekend", D(2021, 9, 7), rng(D(2021, 9, 4), D(2021, 9, 6), "week")),
        ("the holiday weekend", D(2022, 1, 3), rng(D(2021, 12, 31), D(2022, 1, 2), "week")),
        # a day of the month alone is the most recent such day: "shot on the 28th" in an
        # article of 8 July is 28 June
        ("the 28th", D(2014, 7, 8), day(2014, 6, 28)),
        ("the 7th", D(2014, 7, 8), day(2014, 7, 7)),
    ],
)
def test_resolve_expression_gva_style_dates(text: str, published: dt.date, expected: DateRange) -> None:
    assert resolve_expression(text, published) == expected


@pytest.mark.parametrize("text", ["Sunday", "Monday, July 5", "last night", "yesterday", "last month",
                                  "in February", "the weekend", "two weeks ago", "days after", "earlier this year",
                                  "Christmas", "the 27th"])
def test_resolve_expression_relative_without_publication_is_unknown(text: str) -> None:
    assert resolve_expression(text, None) == DateRange(None, None, "unknown")


def test_resolve_expression_a_telephone_number_is_no_year() -> None:
    assert resolve_expression("222-2027", D(2016, 4, 20)) is None
    assert resolve_expression("in 2027", D(2016, 4, 20)) == rng(D(2027, 1, 1), D(2027, 12, 31), "year")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("June 27, 2021", day(2021, 6, 27)),
        ("2021-06-27", day(2021, 6, 27)),
        ("in 2019", rng(D(2019, 1, 1), D(2019, 12, 31), "year")),
        ("March 2020", rng(D(2020, 3, 1), D(2020, 3, 31), "month")),
    ],
)
def test_resolve_expression_fixed_without_publication(text: str, expected: DateRange) -> None:
    res = resolve(text, None)
    assert res is not None and res.value == expected and res.relative is False


@pytest.mark.parametrize("text", ["19-year-old", "a 12-year-old boy", "aged 45", "three years", "for 10 years",
                                  "annual", "every week", "the company", "",
                                  # ages in words, with a space or in other units; a unit compound naming people
                                  "three-year old", "The seventeen year old", "four years old", "Six-month-old",
                                  "two-week-old", "under one year of age", "Two 11-year-veterans"])
def test_resolve_expression_not_a_date(text: str) -> None:
    assert resolve_expression(text, P) is None


@pytest.mark.parametrize("text", ["6 p.m.", "about 1 a.m. local time", "recently", "now", "the time"])
def test_resolve_expression_temporal_but_unknown(text: str) -> None:
    assert resolve_expression(text, P) == DateRange(None, None, "unknown")


def test_resolve_future_only_when_told() -> None:
    assert resolve_expression("Friday", P) == day(2021, 6, 25)
    assert resolve_expression("Friday", P, future=True) == day(2021, 7, 2)
    assert resolve_expression("Monday", P, future=True) == day(2021, 6, 28)


def test_resolve_anchor_for_anaphora_and_year() -> None:
    anchor = D(2019, 3, 14)
    assert resolve_expression("the next day", P, anchor) == day(2019, 3, 15)
    assert resolve_expression("two days later", P, anchor) == day(2019, 3, 16)
    assert resolve_expression("the next day", P) == DateRange(None, None, "unknown")
    # without a publication date, a year-less date takes the anchor's year
    assert resolve_expression("March 20", None, anchor) == day(2019, 3, 20)


def test_resolve_relative_flag_and_rule() -> None:
    res = resolve("Sunday night", P)
    assert res is not None and res.relative is True and "weekday" in res.rule
    res = resolve("June 27, 2021", P)
    assert res is not None and res.relative is False


def test_resolve_returns_fresh_records() -> None:
    a = resolve_expression("yesterday", P)
    assert a is not None
    a.precision = "unknown"
    assert resolve_expression("yesterday", P) == day(2021, 6, 27)


def test_parse_anchor_dates_offsets() -> None:
    text = "Posted June 27, 2021. The attack on 2021-06-26 followed one on Sunday."
    found = parse_anchor_dates(text)
    assert [(text[s:e], d) for s, e, d in found] == [("June 27, 2021", D(2021, 6, 27)), ("2021-06-26", D(2021, 6, 26))]


def test_resolve_year_less_date_takes_the_year_its_weekday_fits() -> None:
    # Friday, March 17 is a Friday in 2017, a Thursday in 2016 (and 46 days after the
    # article: beyond the days a year-less date may lie ahead)
    got = resolve_expression("Friday, March 17", dt.date(2017, 1, 30))
    assert got == DateRange(dt.date(2017, 3, 17), dt.date(2017, 3, 17), "day")
    # the weekday agrees with the usual choice: nothing changes
    got = resolve_expression("Saturday, Dec. 31", dt.date(2017, 1, 2))
    assert got == DateRange(dt.date(2016, 12, 31), dt.date(2016, 12, 31), "day")
    # without a weekday the most recent such date wins
    got = resolve_expression("March 17", dt.date(2017, 1, 30))
    assert got == DateRange(dt.date(2016, 3, 17), dt.date(2016, 3, 17), "day")
