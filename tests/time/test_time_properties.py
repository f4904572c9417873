"""Hypothesis properties of the resolver: total, ordered, past-bound, honest without P."""
from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsweave.time import resolve, resolve_expression
from newsweave.time.resolve import FUTURE_TOLERANCE_DAYS

WEEKDAYS = list(calendar.day_name)
MONTHS = list(calendar.month_name)[1:]
dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))
maybe_dates = st.none() | dates

TIME_WORDS = ["Sunday", "night", "last", "next", "week", "month", "year", "ago", "days", "after", "June", "27",
              "2021", ",", "early", "late", "the", "weekend", "since", "-", "/", "6/27", "a.m.", "Christmas",
              "two", "earlier", "this", "to", "and", "mid", "'s", "1990s", "between", "from", "of", "hours"]
phrases = st.lists(st.sampled_from(TIME_WORDS), min_size=1, max_size=7).map(" ".join)

RELATIVE = ["yesterday", "last night", "overnight", "this morning", "today", "last month", "in February",
            "last year", "earlier this year", "earlier this month", "last week", "the past week", "the weekend",
            "days after", "days earlier", "two weeks ago", "three days ago", "on June 27", "27 June",
            "Monday, July 5", "since April", "the next day", "Christmas", "last summer"]


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60), published=maybe_dates, anchor=maybe_dates)
def test_time_resolve_never_raises_on_any_text(text: str, published, anchor) -> None:
    res = resolve_expression(text, published, anchor)
    if res is not None:
        assert (res.start is None) == (res.precision == "unknown") == (res.end is None)


@settings(max_examples=400, deadline=None)
@given(text=phrases, published=maybe_dates, anchor=maybe_dates, future=st.booleans())
@example(text="last 2021 year", published=dt.date(2000, 1, 1), anchor=None, future=False)  # past the calendar
def test_time_resolve_start_not_after_end(text: str, published, anchor, future: bool) -> None:
    res = resolve_expression(text, published, anchor, future=future)
    if res is not None and res.start is not None:
        assert res.end is not None and res.start <= res.end
        assert res.precision in ("day", "week", "month", "year")


@settings(max_examples=300, deadline=None)
@given(
    weekday=st.sampled_from(WEEKDAYS),
    prefix=st.sampled_from(["", "early ", "late ", "on ", "early hours of ", "last "]),
    suffix=st.sampled_from(["", " night", " morning", " evening", " afternoon", "'s"]),
    published=dates,
)
def test_time_weekday_is_within_the_week_before_publication(weekday, prefix, suffix, published) -> None:
    res = resolve_expression(f"{prefix}{weekday}{suffix}", published)
    assert res is not None and res.precision == "day" and res.start == res.end
    assert res.start.strftime("%A") == weekday
    lag = (published - res.start).days
    # the day after publication by its plain name is that day (a page dated a day early)
    assert (1 if prefix == "last " else -1) <= lag <= (7 if prefix == "last " else 5)


@settings(max_examples=200, deadline=None)
@given(text=st.sampled_from(RELATIVE + [f"{w} night" for w in WEEKDAYS]), future=st.booleans())
def test_time_relative_without_publication_is_unknown(text: str, future: bool) -> None:
    res = resolve(text, None, None, future)
    assert res is not None
    assert res.value.precision == "unknown" and res.value.start is None and res.value.end is None


@settings(max_examples=300, deadline=None)
@given(day=dates, published=maybe_dates, style=st.integers(0, 3))
def test_time_explicit_dates_are_fixed_by_the_text(day: dt.date, published, style: int) -> None:
    text = [
        f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
        f"{day.day} {MONTHS[day.month - 1]} {day.year}",
        day.isoformat(),
        f"{day.month}/{day.day}/{day.year}",
    ][style]
    res = resolve(text, published)
    assert res is not None and res.relative is False
    assert res.value.start == res.value.end == day and res.value.precision == "day"


@settings(max_examples=200, deadline=None)
@given(day=dates, published=dates)
def test_time_yearless_dates_are_recent_or_just_ahead(day: dt.date, published: dt.date) -> None:
    if day.month == 2 and day.day == 29:
        return
    res = resolve_expression(f"{MONTHS[day.month - 1]} {day.day}", published)
    assert res is not None and res.precision == "day"
    assert (res.start.month, res.start.day) == (day.month, day.day)
    assert -FUTURE_TOLERANCE_DAYS <= (published - res.start).days < 366
