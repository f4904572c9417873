"""An event's date from its mentions' dates (newsweave.fuse.fusion.best_date): per
article the most precise date most of its own expressions give, ties to the
earliest; across articles the date most articles give."""
from __future__ import annotations

import datetime as dt

from newsweave.fuse.fusion import best_date
from newsweave.records import DateRange, EventMention, Span, TimeMention

D = dt.date


def mention(doc: str, at: int, day: dt.date | None, expr_at: int | None = None, precision: str = "day",
            end: dt.date | None = None) -> EventMention:
    m = EventMention(id=f"{doc}:{at}", doc=doc, type="ASSAULT", trigger=Span(doc, at, at + 4, "shot"),
                     sentence=Span(doc, at, at + 10, "x"))
    if day is not None:
        m.date = DateRange(day, end or day, precision)  # type: ignore[arg-type]
        if expr_at is not None:
            m.time = TimeMention(span=Span(doc, expr_at, expr_at + 6, "Sunday"), value=m.date)
    return m


def test_time_event_date_the_day_an_article_names_most() -> None:
    # "late Friday night" once, "Saturday" in three expressions: Saturday
    ms = [mention("a", 10, D(2016, 7, 22), 5), mention("a", 50, D(2016, 7, 23), 45),
          mention("a", 90, D(2016, 7, 23), 85), mention("a", 130, D(2016, 7, 23), 125)]
    assert best_date(ms) == DateRange(D(2016, 7, 23), D(2016, 7, 23), "day")


def test_time_event_date_one_expression_counts_once() -> None:
    # one expression dating three mentions does not outweigh two expressions
    ms = [mention("a", 10, D(2016, 7, 23), 5), mention("a", 20, D(2016, 7, 23), 5), mention("a", 30, D(2016, 7, 23), 5),
          mention("a", 60, D(2016, 7, 22), 55), mention("a", 90, D(2016, 7, 22), 85)]
    assert best_date(ms).start == D(2016, 7, 22)


def test_time_event_date_ties_go_to_the_earliest() -> None:
    ms = [mention("a", 10, D(2016, 7, 24), 5), mention("a", 50, D(2016, 7, 23), 45)]
    assert best_date(ms).start == D(2016, 7, 23)


def test_time_event_date_day_beats_coarser_and_articles_vote() -> None:
    ms = [mention("a", 10, D(2016, 7, 18), 5, "week", D(2016, 7, 24)), mention("a", 50, D(2016, 7, 20), 45),
          mention("b", 10, D(2016, 7, 20), 5), mention("c", 10, D(2016, 7, 19), 5)]
    assert best_date(ms) == DateRange(D(2016, 7, 20), D(2016, 7, 20), "day")


def test_time_event_date_unknown_without_dates() -> None:
    assert best_date([mention("a", 10, None)]) == DateRange(None, None, "unknown")
