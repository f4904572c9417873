"""The day an article gives as a whole (newsweave.time.find.article_day) and how an
article that dates the event nowhere else votes for it (fusion.best_date)."""
from __future__ import annotations

import datetime as dt

import pytest

from newsweave.fuse.fusion import best_date
from newsweave.records import DateRange, EventMention, Span, TimeMention
from newsweave.time.find import article_day, is_firm_date

D = dt.date
PUB = D(2017, 1, 19)  # a Thursday


def tm(text: str, at: int, day: dt.date | None, role: str | None = None, precision: str = "day") -> TimeMention:
    value = DateRange(day, day, precision) if day is not None else DateRange(None, None, "unknown")  # type: ignore[arg-type]
    return TimeMention(span=Span("a", at, at + len(text), text), value=value, role=role)


def test_time_firm_dates_carry_a_part_of_the_day_a_clock_or_a_month() -> None:
    assert is_firm_date("around 11:30 p.m. Wednesday")
    assert is_firm_date("Saturday night")
    assert is_firm_date("early Sunday")
    assert is_firm_date("March 3")
    assert is_firm_date("yesterday")
    assert not is_firm_date("Wednesday")
    assert not is_firm_date("today")
    assert not is_firm_date("this morning")


def test_time_article_day_prefers_a_firm_expression_to_a_bare_weekday() -> None:
    # "said Thursday" (not flagged) first, then "around 11:30 p.m. Wednesday": the firm one wins
    times = [tm("Thursday", 10, D(2017, 1, 19)), tm("around 11:30 p.m. Wednesday", 80, D(2017, 1, 18))]
    assert article_day(times, PUB) == D(2017, 1, 18)


def test_time_article_day_skips_procedures_later_days_and_vague_ranges() -> None:
    times = [tm("Wednesday", 5, D(2017, 1, 18), role="procedure"), tm("next week", 30, D(2017, 1, 23), precision="week"),
             tm("Friday", 50, D(2017, 1, 20)), tm("Monday night", 90, D(2017, 1, 16))]
    assert article_day(times, PUB) == D(2017, 1, 16)
    assert article_day([tm("6 p.m.", 5, None)], PUB) is None


def test_time_article_day_of_procedures_only_counts_firm_ones() -> None:
    times = [tm("Wednesday", 5, D(2017, 1, 18), role="procedure"),
             tm("Around 6:30 p.m. on Tuesday evening", 40, D(2017, 1, 17), role="procedure")]
    assert article_day(times, PUB) is None
    assert article_day(times, PUB, procedures=True) == D(2017, 1, 17)


def _mention(doc: str, at: int, day: dt.date | None, article: dt.date | None = None,
             text: str = "this morning") -> EventMention:
    m = EventMention(id=f"{doc}:{at}", doc=doc, type="ASSAULT", trigger=Span(doc, at, at + 4, "shot"),
                     sentence=Span(doc, at, at + 10, "x"))
    if day is not None:
        m.date = DateRange(day, day, "day")
        m.time = TimeMention(span=Span(doc, at - 5, at - 1, text), value=m.date)
    if article is not None:
        m.attributes["article_day"] = article
    return m


def test_time_event_date_an_undated_article_votes_with_its_day() -> None:
    # one outlet's "this morning's shooting" (Thursday) against another's article that
    # names 11:30 p.m. Wednesday outside the shooting's sentences: a tie, to the earlier
    ms = [_mention("a", 10, D(2017, 1, 19)), _mention("b", 10, None, D(2017, 1, 18))]
    assert best_date(ms) == DateRange(D(2017, 1, 18), D(2017, 1, 18), "day")


def test_time_event_date_an_undated_article_far_from_the_dating_ones_does_not_vote() -> None:
    # an article that names "Thursday afternoon" against a page of another year whose
    # own day (collected ten months later) would tie it and win as the earlier
    ms = [_mention("a", 10, D(2016, 1, 14), text="Thursday afternoon"), _mention("b", 10, None, D(2015, 3, 17))]
    assert best_date(ms).start == D(2016, 1, 14)


def test_time_event_date_article_days_never_date_an_event_alone() -> None:
    assert best_date([_mention("b", 10, None, D(2017, 1, 18))]) == DateRange(None, None, "unknown")


def test_time_event_date_article_day_ignored_where_the_article_dates_the_event() -> None:
    ms = [_mention("a", 10, D(2017, 1, 19), D(2017, 1, 10), text="Thursday morning"),
          _mention("a", 40, None, D(2017, 1, 10))]
    assert best_date(ms).start == D(2017, 1, 19)


def test_time_event_date_today_alone_yields_to_the_article_day() -> None:
    # "This is very unfortunate today," a neighbour said; the article's other mentions
    # carry the day it gives as a whole ("about 3 p.m. Wednesday")
    ms = [_mention("a", 10, D(2017, 1, 19), text="today"), _mention("a", 40, None, D(2017, 1, 18)),
          _mention("a", 80, None, D(2017, 1, 18))]
    assert best_date(ms).start == D(2017, 1, 18)
    # "a deadly shooting this morning" at "a house party last night": after midnight
    ms = [_mention("a", 10, D(2017, 1, 19), text="this morning"), _mention("a", 40, None, D(2017, 1, 18))]
    assert best_date(ms).start == D(2017, 1, 19)


_SAT, _SUN = D(2017, 1, 14), D(2017, 1, 15)
_WED, _THU = D(2016, 7, 27), D(2016, 7, 28)


@pytest.mark.parametrize("first,second,expected", [
    # either side of midnight: the small hours win
    (("a", _SAT, "late Saturday night"), ("b", _SUN, "early Sunday"), _SUN),
    (("a", _SAT, "last night"), ("b", _SUN, "about 1:30 a.m. Sunday"), _SUN),
    # within one article, too
    (("a", _SAT, "about 10 p.m. Saturday"), ("a", _SUN, "about 12:30 a.m. Sunday"), _SUN),
    # a clock time before midnight keeps its day against vaguer first hours ("Early
    # Thursday morning, police responded")
    (("a", _WED, "at 11:40 p.m. Wednesday"), ("b", _THU, "Early Thursday morning"), _WED),
    # an hour after midnight as exact overturns it
    (("a", _WED, "at 11:40 p.m. Wednesday"), ("b", _THU, "about 12:30 a.m. Thursday"), _THU),
])
def test_time_event_date_either_side_of_midnight(first, second, expected) -> None:
    ms = [_mention(first[0], 10, first[1], text=first[2]),
          _mention(second[0], 40 if second[0] == first[0] else 10, second[1], text=second[2])]
    assert best_date(ms).start == expected


def test_time_event_date_small_hours_win_only_against_a_night_before() -> None:
    sat, sun = D(2017, 1, 14), D(2017, 1, 15)
    # "Saturday afternoon" is no night straddling midnight: ties to the earliest
    ms = [_mention("a", 10, sat, text="Saturday afternoon"), _mention("b", 10, sun, text="early Sunday")]
    assert best_date(ms).start == sat
    # a report that also names the earlier day otherwise ("March 7") keeps it
    ms = [_mention("a", 10, sat, text="around 11 p.m. Saturday"), _mention("a", 40, sat, text="Jan. 14"),
          _mention("b", 10, sun, text="early Sunday")]
    assert best_date(ms).start == sat
    # a majority is never overturned
    ms = [_mention("a", 10, sat, text="Saturday night"), _mention("c", 10, sat, text="Saturday night"),
          _mention("b", 10, sun, text="early Sunday")]
    assert best_date(ms).start == sat


def test_time_small_hours_and_late_night_expressions() -> None:
    from newsweave.time.find import is_late_night, is_small_hours

    for text in ("early Sunday", "early Sunday morning", "about 2 a.m. Sunday", "shortly after midnight Sunday",
                 "the wee hours of Sunday", "12:30 a.m. Monday"):
        assert is_small_hours(text), text
        assert not is_late_night(text), text
    for text in ("late Saturday night", "Saturday night", "at 11 p.m. Saturday", "last night", "just before midnight Friday"):
        assert is_late_night(text), text
        assert not is_small_hours(text), text
    for text in ("Sunday", "early Sunday evening", "around 10 a.m. Sunday", "Saturday afternoon"):
        assert not is_small_hours(text), text
    for text in ("Saturday afternoon", "about 9 a.m. Sunday", "late Saturday morning", "late Saturday afternoon"):
        assert not is_late_night(text), text


def test_time_house_numbers_are_not_years() -> None:
    from newsweave.time.find import is_year_modifier

    text = "Police were dispatched to 1802 Beacon St. after a boy was shot. In 2015 Smith Street was quiet."
    at = text.index("1802")
    assert is_year_modifier(text, at, at + 4)
    at = text.index("2015")
    assert not is_year_modifier(text, at, at + 4)
    text = "Officers went to 2015 N. Martin Luther King Blvd on Sunday."
    at = text.index("2015")
    assert is_year_modifier(text, at, at + 4)
    # a model year between a verb and a name; a year after a linking word dates something
    for text, year, modifier in (("The suspect was driving 2007 Gray Mitsubishi Eclipse.", "2007", True),
                                 ("He moved to Ohio after 2007 when Smith died.", "2007", False),
                                 ("He was convicted in 2007 Smith said.", "2007", False)):
        at = text.index(year)
        assert is_year_modifier(text, at, at + 4) is modifier, text


def test_time_event_date_a_tie_in_one_article_goes_to_the_day_it_gives_as_a_whole() -> None:
    sun, mon = D(2017, 1, 15), D(2017, 1, 16)
    # "last night" once, "Monday evening" once, and the article's other sentences on Monday
    ms = [_mention("a", 10, sun, text="last night"), _mention("a", 40, mon, text="Monday evening"),
          _mention("a", 80, None, mon)]
    assert best_date(ms).start == mon
    # without such a day, the earliest
    ms = [_mention("a", 10, sun, text="last night"), _mention("a", 40, mon, text="Monday evening")]
    assert best_date(ms).start == sun


def test_time_event_date_an_article_that_splits_its_days_counts_less() -> None:
    # one outlet gives Tuesday night twice; another gives "around 11:30 p.m. Tuesday" and
    # an alert "around 12:17 a.m. Wednesday", which its first hours make its own pick:
    # the split vote counts less than the whole one
    tue, wed = D(2016, 12, 13), D(2016, 12, 14)
    ms = [_mention("a", 10, tue, text="Tuesday night"), _mention("a", 60, tue, text="shortly before 11:30 p.m. Tuesday"),
          _mention("b", 10, tue, text="around 11:30 p.m. Tuesday"), _mention("b", 60, wed, text="around 12:17 a.m. Wednesday")]
    assert best_date(ms[2:]).start == wed
    assert best_date(ms).start == tue
