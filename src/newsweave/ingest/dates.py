"""Publication dates from the many shapes metadata comes in.

``YYYY-MM-DD`` and ISO datetimes are parsed directly; anything else goes through
``dateutil`` (a trafilatura dependency).  An unparseable date is unknown, not an
error: a wrong date is worse than none, so fuzzy parsing is not used.
"""
from __future__ import annotations

import datetime as dt
import re
import time
from typing import Any, Optional

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
# dates before this are almost certainly parse errors for news metadata
_MIN_YEAR = 1800


def parse_date(value: Any) -> Optional[dt.date]:
    """A ``datetime.date`` from a string, date, datetime or ``time.struct_time``; else None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
        except ValueError:
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    m = _ISO_DATE.match(text)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if not any(ch.isdigit() for ch in text):
        return None
    try:
        from dateutil import parser

        parsed = parser.parse(text, default=dt.datetime(1900, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year < _MIN_YEAR or parsed.year == 1900:
        return None
    return parsed.date()
