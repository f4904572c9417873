"""Resolve one time expression to a date range, against the publication date.

News reports date events relative to the day they were written ("Sunday night",
"yesterday", "last month"), so the same words mean different days in different
articles.  This module turns the text of one expression plus the publication date
P into a :class:`DateRange` with a precision, and says which rule decided it.  It is
pure and model-free (no spaCy), so every rule is unit-tested directly.

Conventions (each one a deliberate choice, documented here once):

* Past by default.  A weekday is the most recent such day on or before P ("Monday"
  in a Monday article is P), except the weekday of the day after P: "Monday" in a
  page dated Sunday is that Monday (news names a day six days back "last Monday";
  such a page is dated a day early: a late posting dated in UTC, an update the
  next morning).  Only "next"/"coming" in the expression, or ``future=True`` from
  the caller (a "will" verb), otherwise look forward.  "last Sunday" is the most
  recent Sunday strictly before P.
* Parts of a day never move the date: "Sunday night", "early hours of Sunday",
  "late Saturday" are that day.  Clock times alone ("6 p.m.") fix no date: unknown.
* Year-less dates ("June 27", "Monday, July 5") take the year that makes them the
  most recent on or before P, allowing up to ``FUTURE_TOLERANCE_DAYS`` after P
  (announced events), unless a weekday next to the date fits only one year near P
  ("Friday, March 10"): then that year.  "in February" is the most recent February
  on or before P.
* Weeks are ISO weeks (Monday to Sunday).  "last week" is the previous ISO week;
  "this week" the week of P; "earlier this week" its Monday to P; "the past week" /
  "the last week" the seven days before P (P-7 .. P-1).  "the weekend" is the most
  recent Saturday-Sunday that began on or before P.  Vague offsets ("days after",
  "days earlier", "a few days ago") are the week before P (P-7 .. P), precision week.
* "earlier this month/year" runs from the first day of the month/year to P.
* Without P only what the text itself fixes is resolved (dates with a year, a
  bare year, a month with a year); everything relative is precision "unknown".
  Today's date is never used.  If the caller passes an ``anchor`` (the last date
  the article named), year-less dates take the year nearest to it, and anaphoric
  phrases ("the next day", "two days later") count from it.  A weekday next to a
  year-less date does not fix the year on its own: with neither P nor an anchor,
  such a date stays unknown.
* Ages ("19-year-old"), durations ("for 10 years") and frequencies ("annual") are
  not dates: ``None``.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Optional

from newsweave.records import DateRange, Precision
from newsweave.time.lexicon import Lexicon, alternation, load_lexicon, normalise

YEARLESS_RULE = "year-less date, most recent on or before publication"  # the year read off P
HOLIDAY_RULE = "holiday '"  # how the rule of a date read off a holiday's name begins
FUTURE_TOLERANCE_DAYS = 45
"""A year-less date up to this many days after P still counts as this year's: an
article of 28 June naming "July 5" or "July 20" announces it (a hearing, a funeral,
a trial set weeks ahead); taking it for last year's made one report of May with a
hearing "June 13" date its shooting a year early.  Beyond it, the date is taken as
last year's."""

MONTH_AHEAD_DAYS = 2
"""A month name whose month begins up to this many days after P is that coming month:
a page stamped 31 May that tells of "the first 30 minutes of June" was stamped early
(the news came the night after), not a report of last June.  Further ahead, a month
named without "next" is the most recent past one."""

MIN_YEAR, MAX_YEAR = 1800, 2099
MAX_EXPRESSION = 120
"""Longer text is not one time expression (spaCy entities and the finder's matches
stay far below); refusing it also bounds the cost of the rules."""

UNKNOWN = DateRange(None, None, "unknown")


@dataclass(frozen=True, slots=True)
class Resolution:
    """A resolved expression: its range, whether P or an anchor was needed, and the
    rule that decided it (a short human-readable reason)."""

    value: DateRange
    relative: bool
    rule: str


# --------------------------------------------------------------------------- calendar helpers


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), month_end(year, month)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = month_end(year, month)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def iso_week(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def precision_for(start: dt.date, end: dt.date) -> Precision:
    """The coarsest unit a computed range needs: used for spans the rules build."""
    days = (end - start).days + 1
    if days <= 1:
        return "day"
    if days <= 8:
        return "week"
    if days <= 62:
        return "month"
    return "year"


def pick_year(month: int, day: int, ref: dt.date, future: bool, nearest: bool = False) -> Optional[dt.date]:
    """The year for a year-less month/day, relative to the reference date ``ref``."""
    cands = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := safe_date(y, month, day))]
    if not cands:  # 29 February in a non-leap neighbourhood
        return None
    if nearest:
        return min(cands, key=lambda d: abs((d - ref).days))
    if future:
        ahead = [d for d in cands if d >= ref]
        return ahead[0] if ahead else None
    limit = ref + dt.timedelta(days=FUTURE_TOLERANCE_DAYS)
    behind = [d for d in cands if d <= limit]
    return behind[-1] if behind else None


# --------------------------------------------------------------------------- patterns


@dataclass(frozen=True)
class Patterns:
    age: re.Pattern
    frequency: re.Pattern
    iso: re.Pattern
    numeric: re.Pattern
    numeric_short: re.Pattern
    month_day_range: re.Pattern
    mdy: re.Pattern
    dmy: re.Pattern
    month_year: re.Pattern
    year_range: re.Pattern
    split_range: re.Pattern
    since: re.Pattern
    holiday: re.Pattern
    holiday_year: re.Pattern
    holiday_offset: re.Pattern
    weekday: re.Pattern
    deictic: re.Pattern
    anaphoric: re.Pattern
    period: re.Pattern
    weekend: re.Pattern
    counted: re.Pattern
    vague_offset: re.Pattern
    span_back: re.Pattern
    recent: re.Pattern
    season: re.Pattern
    month: re.Pattern
    ordinal_day: re.Pattern
    decade: re.Pattern
    year: re.Pattern
    narrow: re.Pattern
    clock: re.Pattern
    duration: re.Pattern
    word: re.Pattern


def holiday_offset_source(num: str, named: bool = True) -> str:
    """The words that set a day or a while before or after a holiday ("the day after",
    "two days before", "just after"), as a regex source ending at "after"/"before";
    ``num`` is the source for a count.  The time finder takes it without group names."""
    n, vague, direction = ("(?P<n>", "(?P<vague>", "(?P<dir>") if named else ("(?:",) * 3
    return (rf"(?:{n}{num}|the|a)\s+(?:day|night)s?|{vague}just|shortly|soon|right|hours|days|weeks))"
            rf"\s+{direction}after|before)")


@functools.lru_cache(maxsize=1)
def patterns() -> Patterns:
    lex = load_lexicon()
    MON = rf"(?P<mon>{alternation(lex.months)})\.?"
    WD = rf"(?P<wd>{alternation(lex.weekdays)})\.?"
    NUM = rf"(?:\d+|{alternation(list(lex.numbers) + list(lex.vague_numbers))})"
    ORD = r"(?:st|nd|rd|th)?"
    YEAR = r"(?P<y>1[89]\d\d|20\d\d)"
    holidays = list(lex.holidays_fixed) + list(lex.holidays_nth_weekday) + list(lex.easter_offsets)
    return Patterns(
        # "19-year-old", "three-year old", "two-week-old", "three years old", "aged 19",
        # "19 years of age"; a unit compound naming a person ("two 11-year-veterans")
        age=re.compile(rf"\b{NUM}\s*(?:-|\s)\s*(?:years?|months?|weeks?|days?)\s*(?:-|\s)\s*olds?\b"
                       r"|\b(?:year|month|week|day)s?-olds?\b|\bage[sd]?\s+\d+"
                       rf"|\b{NUM}\s+years?\s+of\s+age\b|\b\d+-(?:year|month|week|day)s?-[a-z]{{3,}}"),
        frequency=re.compile(r"^(?:(?:bi-?|semi-?)?annual(?:ly)?|yearly|monthly|weekly|daily|nightly|hourly"
                             r"|every\s+(?:\w+\s+)?(?:day|week|month|year|night|morning|evening)s?"
                             r"|each\s+(?:day|week|month|year)|(?:once|twice)\s+a\s+\w+|a\s+(?:day|week|month|year))$"),
        iso=re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
        numeric=re.compile(r"\b(?P<m>\d{1,2})[/.](?P<d>\d{1,2})[/.](?P<y>\d{4}|\d{2})\b"),
        numeric_short=re.compile(r"^(?:on\s+)?(?P<m>\d{1,2})/(?P<d>\d{1,2})$"),
        month_day_range=re.compile(rf"\b{MON}\s*(?P<d1>\d{{1,2}}){ORD}\s*(?:-|to|through|thru|and|until)\s*(?P<d2>\d{{1,2}}){ORD}\b(?:\s*,?\s*{YEAR})?"),
        mdy=re.compile(rf"\b{MON}\s*(?P<d>\d{{1,2}}){ORD}(?!\d)(?:\s*,?\s*{YEAR})?\b"),
        dmy=re.compile(rf"\b(?P<d>\d{{1,2}}){ORD}\s*(?:of\s+)?{MON}(?:\s*,?\s*{YEAR})?\b"),
        month_year=re.compile(rf"\b{MON}\s*,?\s*(?:of\s+)?{YEAR}\b"),
        year_range=re.compile(r"\b(?P<y1>1[89]\d\d|20\d\d)\s*(?:-|/|to|through|until)\s*(?P<y2>1[89]\d\d|20\d\d|\d\d)\b"),
        split_range=re.compile(r"^(?:from|between)?\s*(?P<a>.+?)\s+(?:to|through|thru|until|till|and)\s+(?P<b>.+)$"),
        since=re.compile(r"^(?:ever\s+)?since\s+(?P<rest>.+)$"),
        holiday=re.compile(rf"\b(?P<h>{alternation(holidays)})\b"),
        holiday_year=re.compile(rf"\b{YEAR}\b"),
        holiday_offset=re.compile(rf"\b{holiday_offset_source(NUM)}\s*$"),
        weekday=re.compile(rf"(?:\b(?P<mod>this\s+past|this\s+coming|last|next|this|coming|past|previous)\s+)?\b{WD}(?=\W|$)"),
        deictic=re.compile(rf"\b(?P<p>{alternation(lex.deictic_days)})\b"),
        anaphoric=re.compile(rf"\b(?P<p>{alternation(lex.anaphoric_days)})\b"),
        period=re.compile(r"\b(?:(?P<pre>earlier|later|early|late|mid|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)\s+)?"
                          r"(?P<mod>this\s+past|this\s+coming|the\s+past|the\s+last|the\s+previous|the\s+coming|the\s+next"
                          r"|this|last|next|past|previous|coming)\s+(?P<unit>week|month|year|decade)\b"),
        # "the weekend", "over the holiday weekend", and "weekend" on its own as in a
        # headline's "after weekend shooting" (not "a weekend", "every weekend")
        weekend=re.compile(r"(?:\b(?P<mod>this\s+past|this\s+coming|last|next|this|coming|past|previous|the\s+past|the)\s+|^\s*)(?:(?P<holiday>holiday|long)\s+)?weekend\b(?!\s+nights\b)"),
        counted=re.compile(rf"\b(?P<n>{NUM})\s+(?P<unit>day|week|month|year|hour|night|decade)s?\s+(?P<dir>ago|earlier|later|before|after|prior|previously|from\s+now|back)\b"),
        vague_offset=re.compile(r"\b(?:mere\s+|just\s+|only\s+)?(?P<unit>hour|day|week|month|year)s\s+(?P<dir>ago|earlier|later|before|after|prior|previously)\b"),
        span_back=re.compile(rf"\b(?:the\s+|over\s+the\s+|in\s+the\s+|during\s+the\s+|within\s+the\s+)?(?P<mod>past|last|previous|next|coming|first)\s+(?P<n>{NUM})\s+(?P<unit>day|week|month|year|hour|night)s?\b"),
        recent=re.compile(r"\b(?:in\s+)?(?:recent|the\s+last\s+few|the\s+past\s+few)\s+(?P<unit>day|week|month|year)s\b"),
        season=re.compile(rf"\b(?:(?P<mod>this\s+past|last|next|this|coming|past|previous|early|late|mid)\s+)?(?P<s>{alternation(lex.seasons)})\b(?:\s+(?:of\s+)?{YEAR})?"),
        month=re.compile(rf"\b(?:(?P<mod>this\s+past|last|next|this|coming|past|previous)\s+)?{MON}(?=\W|$)"),
        ordinal_day=re.compile(r"^(?:on\s+)?the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)$"),
        decade=re.compile(r"\b(?:the\s+)?(?:(?P<dec>1[89]\d0|20\d0)|'(?P<short>\d0))s\b"),
        # (not the last four digits of a telephone number, "222-2027")
        year=re.compile(rf"(?<![\d,.$])(?<!\d-)(?<!\d\.)\b{YEAR}\b(?![\d,.]\d)"),
        narrow=re.compile(r"\b(?P<n>early|earlier|late|later|mid|middle\s+of|the\s+end\s+of|end\s+of|the\s+start\s+of|start\s+of"
                          r"|the\s+beginning\s+of|beginning\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)(?:\s+|-)"),
        clock=re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?|o'clock\b)|\b\d{1,2}:\d{2}\b|\bnoon\b|\bmidnight\b|\bmidday\b"),
        duration=re.compile(rf"^(?:for\s+|about\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|at\s+least\s+|up\s+to\s+|some\s+|roughly\s+|around\s+|the\s+|another\s+|an\s+additional\s+|\d+\s+(?:or|to|-)\s+)*"
                            rf"(?:{NUM}|\d+(?:\.\d+)?|half\s+a|a\s+half)[\s-]+(?:and\s+a\s+half\s+)?(?:full\s+)?(?P<unit>second|minute|hour|day|night|week|month|year|decade|century|centuries)s?(?:\s+and\s+a\s+half)?(?:\s+long)?$"),
        word=re.compile(r"[a-z]+"),
    )


# --------------------------------------------------------------------------- the resolver


def _rel(start: dt.date, end: dt.date, precision: Precision, rule: str) -> Resolution:
    return Resolution(DateRange(start, end, precision), True, rule)


def _fixed(start: dt.date, end: dt.date, precision: Precision, rule: str) -> Resolution:
    return Resolution(DateRange(start, end, precision), False, rule)


def _unknown(rule: str) -> Resolution:
    return Resolution(DateRange(None, None, "unknown"), True, rule)


def _number(token: str, lex: Lexicon) -> tuple[int, bool]:
    """The value of a count word and whether it was vague ("a few", "several")."""
    t = " ".join(token.split())
    if t.isdigit():
        return int(t), False
    if t in lex.numbers:
        return lex.numbers[t], False
    return 3, True


def _narrow(res: Resolution, text: str, head_start: int, pats: Patterns) -> Resolution:
    """Apply "early/mid/late/end of" in front of a month or year range: thirds of the
    range, keeping the unit's precision ("late 2019" is still year precision)."""
    v = res.value
    if v.start is None or v.end is None or v.precision not in ("month", "year"):
        return res
    before = text[:head_start]
    m = None
    for m in pats.narrow.finditer(before):
        pass
    if m is None or before[m.end():].strip(" -") not in ("", "this", "last", "next", "in", "of"):
        return res
    word = m.group("n")
    total = (v.end - v.start).days + 1
    third = total // 3
    if word.startswith("early") or "start" in word or "beginning" in word or word.startswith("earlier"):
        if word.startswith("earlier"):
            return res  # "earlier this month" is handled by the period rule
        new = (v.start, v.start + dt.timedelta(days=third - 1))
    elif word.startswith("mid") or word.startswith("middle"):
        new = (v.start + dt.timedelta(days=third), v.start + dt.timedelta(days=2 * third - 1))
    elif "first half" in word:
        new = (v.start, v.start + dt.timedelta(days=total // 2 - 1))
    elif "second half" in word:
        new = (v.start + dt.timedelta(days=total // 2), v.end)
    elif word.startswith("late") or "end" in word:
        if word.startswith("later"):
            return res
        new = (v.start + dt.timedelta(days=2 * third), v.end)
    else:
        return res
    return Resolution(DateRange(new[0], new[1], v.precision), res.relative, f"{res.rule}, narrowed by '{word}'")


def resolve(text: str, published: Optional[dt.date], anchor: Optional[dt.date] = None,
            future: bool = False) -> Optional[Resolution]:
    """Resolve ``text`` (one time expression) against the publication date.

    Returns None when the text is not a date expression (ages, durations,
    frequencies, no temporal word at all); an unknown Resolution when it is one but
    cannot be placed.  ``future`` says that the surrounding verb looks forward.
    """
    t = normalise(text)
    if not t or len(t) > MAX_EXPRESSION:
        return None
    res = _resolve_norm(t, published, anchor, future)
    if res is None:
        return None
    v = res.value  # a fresh record: the cached one must never be shared with callers
    return Resolution(DateRange(v.start, v.end, v.precision), res.relative, res.rule)


@functools.lru_cache(maxsize=8192)
def _resolve_norm(t: str, P: Optional[dt.date], anchor: Optional[dt.date], future: bool,
                  nested: bool = False) -> Optional[Resolution]:
    """The rules in order of how much the text fixes; ``nested`` for the parts of a
    range or a "since" phrase, which are not split again."""
    lex = load_lexicon()
    pats = patterns()

    if pats.age.search(t) or pats.frequency.match(t):
        return None

    # ---- dates that the text fixes completely
    if m := pats.iso.search(t):
        if d := safe_date(int(m["y"]), int(m["m"]), int(m["d"])):
            return _fixed(d, d, "day", "ISO date")
    if m := pats.numeric.search(t):
        y = int(m["y"])
        if y < 100:
            y += 2000 if y < 70 else 1900
        mo, da = int(m["m"]), int(m["d"])
        if mo > 12 >= da:  # day/month/year order
            mo, da = da, mo
        if d := safe_date(y, mo, da):
            return _fixed(d, d, "day", "numeric date (month/day/year)")

    # ---- ranges: "June 25-27", "1990-95", "from Monday to Wednesday", "since April"
    if not nested and (m := pats.since.match(t)):
        inner = _resolve_norm(m["rest"], P, anchor, False, True)
        if inner is None:
            return None
        v = inner.value
        if v.start is None:
            return _unknown("since + unresolved start")
        if P is not None and P >= v.start:
            return _rel(v.start, P, v.precision, f"since ({inner.rule}) until publication")
        return Resolution(v, inner.relative, f"since ({inner.rule}); no publication date to end it")
    if m := pats.month_day_range.search(t):
        mon = lex.months[normalise(m["mon"])]
        d1, d2 = int(m["d1"]), int(m["d2"])
        if d1 < d2:
            if m["y"]:
                a, b = safe_date(int(m["y"]), mon, d1), safe_date(int(m["y"]), mon, d2)
                if a and b:
                    return _fixed(a, b, precision_for(a, b), "day range within a month")
            else:
                ref = P or anchor
                if ref is not None:
                    b = pick_year(mon, d2, ref, future, nearest=P is None)
                    a = safe_date(b.year, mon, d1) if b else None
                    if a and b:
                        return _rel(a, b, precision_for(a, b), "year-less day range within a month")
                return _unknown("year-less day range without a publication date")
    if m := pats.year_range.search(t):
        y1 = int(m["y1"])
        y2s = m["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y1 < y2 <= MAX_YEAR and not pats.month.search(t):
            return _fixed(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year", "range of years")
    if not nested and (m := pats.split_range.match(t)) and not pats.counted.search(t):
        a = _resolve_norm(m["a"], P, anchor, future, True)
        b = _resolve_norm(m["b"], P, anchor, future, True)
        if a and b and a.value.start and b.value.end and a.value.start <= b.value.end:
            s, e = a.value.start, b.value.end
            prec = a.value.precision if a.value.precision == b.value.precision and a.value.precision != "day" else precision_for(s, e)
            return Resolution(DateRange(s, e, prec), a.relative or b.relative, f"range from ({a.rule}) to ({b.rule})")

    # ---- calendar dates: month and day, with or without a year
    m = pats.mdy.search(t)
    if m is None or not m["y"]:
        m = pats.dmy.search(t) or m
    if m is not None:
        mon = lex.months[normalise(m["mon"])]
        day = int(m["d"])
        if 1 <= day <= 31:
            if m["y"]:
                if d := safe_date(int(m["y"]), mon, day):
                    return _fixed(d, d, "day", "calendar date with year")
            else:
                ref = P or anchor
                if ref is not None:
                    d = pick_year(mon, day, ref, future, nearest=P is None)
                    if d:
                        why = YEARLESS_RULE if P else "year-less date, year of the nearest named date"
                        w = pats.weekday.search(t)
                        if w is not None and d.weekday() != lex.weekdays[normalise(w["wd"])]:
                            # "Saturday, Dec. 31": the weekday names the year near the reference date
                            fits = [c for y in (ref.year - 1, ref.year, ref.year + 1)
                                    if (c := safe_date(y, mon, day)) and c.weekday() == lex.weekdays[normalise(w["wd"])]
                                    and abs((c - ref).days) <= 200]
                            if len(fits) == 1:
                                d, why = fits[0], "year-less date, the year in which its weekday fits"
                        return _rel(d, d, "day", why)
                return _unknown("year-less date without a publication date")
    if m := pats.month_year.search(t):
        mon = lex.months[normalise(m["mon"])]
        y = int(m["y"])
        if MIN_YEAR <= y <= MAX_YEAR:
            s, e = month_range(y, mon)
            return _narrow(_fixed(s, e, "month", "month with year"), t, m.start(), pats)

    # ---- holidays
    if m := pats.holiday.search(t):
        name = " ".join(m["h"].split())
        ym = pats.holiday_year.search(t)

        def on(year: int) -> dt.date:
            return holiday_on(name, year, lex)

        if ym:
            d = on(int(ym["y"]))
            return _fixed(d, d, "day", f"{HOLIDAY_RULE}{name}' with year")
        ref = P or anchor
        if ref is None:
            return _unknown(f"{HOLIDAY_RULE}{name}' without a publication date")
        cands = [on(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
        if P is None:
            d = min(cands, key=lambda c: abs((c - ref).days))
        elif future or re.search(r"\b(?:next|coming)\b", t):
            d = next(c for c in cands if c >= ref)
        else:
            limit = ref + dt.timedelta(days=FUTURE_TOLERANCE_DAYS)
            d = [c for c in cands if c <= limit][-1]
            if re.search(r"\blast\b", t) and d >= ref:
                d = cands[cands.index(d) - 1]
        if (off := pats.holiday_offset.search(t[:m.start()])) is not None:
            return _holiday_offset(d, name, off, lex)
        if re.search(r"\bweekend\b", t[m.end():]):
            # a holiday weekend: the Saturday-Sunday joined to it (a Monday holiday ends it)
            s, e = (d - dt.timedelta(days=2), d) if d.weekday() == 0 else (d, d + dt.timedelta(days=6 - d.weekday()))
            return _rel(s, e, "week", f"'{name} weekend': the holiday and its weekend")
        return _rel(d, d, "day", f"{HOLIDAY_RULE}{name}', nearest occurrence")

    # ---- weekdays ("Sunday night", "early hours of Sunday", "last Monday")
    if m := pats.weekday.search(t):
        wd = lex.weekdays[normalise(m["wd"])]
        if P is None:
            return _unknown("weekday without a publication date")
        mod = " ".join((m["mod"] or "").split())
        back = (P.weekday() - wd) % 7
        ahead = (wd - P.weekday()) % 7
        if mod in ("next", "coming", "this coming"):
            d = P + dt.timedelta(days=ahead or 7)
            rule = f"'{mod} {m['wd']}': the next such day after publication"
        elif mod in ("last", "past", "previous", "this past"):
            d = P - dt.timedelta(days=back or 7)
            rule = f"'{mod} {m['wd']}': the most recent such day before publication"
        elif future:
            d = P + dt.timedelta(days=ahead)
            rule = "weekday with a future verb: the next such day on or after publication"
        elif back == 6:
            # "Monday" in a page dated Sunday: news names the week's past days by their
            # plain names, and the day before a weekday six days back is "last Monday";
            # the page's date is a day early (a late posting dated in UTC, an update)
            d = P + dt.timedelta(days=1)
            rule = "weekday of the day after publication: that day (the page is dated a day early)"
        else:
            d = P - dt.timedelta(days=back)
            rule = "weekday: the most recent such day on or before publication"
        return _rel(d, d, "day", rule)

    # ---- days relative to publication ("yesterday", "last night", "overnight")
    if m := pats.deictic.search(t):
        off = lex.deictic_days[" ".join(m["p"].split())]
        if P is None:
            return _unknown("day relative to publication, without a publication date")
        d = P + dt.timedelta(days=off)
        return _rel(d, d, "day", f"'{m['p']}': {off:+d} day(s) from publication")

    # ---- days relative to the last date named ("the next day")
    if m := pats.anaphoric.search(t):
        off = lex.anaphoric_days[" ".join(m["p"].split())]
        if anchor is None:
            return _unknown("day relative to an earlier date, and no earlier date named")
        d = anchor + dt.timedelta(days=off)
        return _rel(d, d, "day", f"'{m['p']}': {off:+d} day(s) from the last date named")

    # ---- weekends
    if m := pats.weekend.search(t):
        if P is None:
            return _unknown("weekend without a publication date")
        mod = " ".join((m["mod"] or "the").split())
        sat = P - dt.timedelta(days=(P.weekday() - 5) % 7)  # the most recent Saturday on or before P
        if mod in ("next", "coming", "this coming") or (future and mod in ("this", "the")):
            sat = P + dt.timedelta(days=(5 - P.weekday()) % 7)  # the first Saturday on or after P
            if mod == "next" and sat <= P + dt.timedelta(days=1):
                sat += dt.timedelta(days=7)
        elif mod in ("last", "previous") and P.weekday() >= 5:
            sat -= dt.timedelta(days=7)
        if m["holiday"]:
            # "the holiday weekend" is that weekend only when a holiday joins it (Friday
            # to Monday); weeks later it recalls an earlier one ("over the holiday weekend"
            # in a page of late September: Labor Day's)
            fri, mon = sat - dt.timedelta(days=1), sat + dt.timedelta(days=2)
            days = [h for y in {fri.year, mon.year} for h in _holidays(y, lex) if fri <= h <= mon]
            if not days:
                return _unknown("'holiday weekend' with no holiday next to that weekend")
            return _rel(min(days + [sat]), max(days + [sat + dt.timedelta(days=1)]), "week",
                        f"'{mod} holiday weekend': the weekend and the holiday next to it")
        return _rel(sat, sat + dt.timedelta(days=1), "week", f"'{mod} weekend': Saturday to Sunday")

    # ---- this/last/next week, month, year; earlier this month
    if m := pats.period.search(t):
        if P is None:
            return _unknown("period relative to publication, without a publication date")
        return _period(m, P, t, pats)

    # ---- counted offsets ("two weeks ago", "three days later")
    if m := pats.counted.search(t):
        return _counted(m, P, anchor, lex)
    if m := pats.vague_offset.search(t):
        if P is None:
            return _unknown("vague offset without a publication date")
        unit, direction = m["unit"], m["dir"]
        if unit in ("hour", "day"):
            return _rel(P - dt.timedelta(days=7), P, "week", f"'{unit}s {direction}': the week up to publication")
        if unit == "week":
            return _rel(P - dt.timedelta(days=42), P - dt.timedelta(days=7), "month", f"'weeks {direction}': one to six weeks before publication")
        if unit == "month":
            return _rel(P - dt.timedelta(days=365), P - dt.timedelta(days=28), "year", f"'months {direction}': within the year before publication")
        return _unknown(f"'{unit}s {direction}' is too vague to place")
    if m := pats.span_back.search(t):
        if P is None:
            return _unknown("span relative to publication, without a publication date")
        n, _ = _number(m["n"], lex)
        unit, mod = m["unit"], m["mod"]
        days = {"hour": max(1, n // 24), "day": n, "night": n, "week": 7 * n, "month": 30 * n, "year": 365 * n}[unit]
        if mod == "first":
            return _unknown("'first N units' of an unnamed period")
        try:
            if mod in ("next", "coming"):
                s, e = P, P + dt.timedelta(days=days)
            else:
                s, e = P - dt.timedelta(days=days), P
        except OverflowError:  # "the last 2021 years": a number read as a count
            return _unknown(f"'{mod} {m['n']} {unit}s' reaches past the calendar")
        return _rel(s, e, precision_for(s, e), f"'{mod} {m['n']} {unit}s' around publication")
    if m := pats.recent.search(t):
        if P is None:
            return _unknown("recent period without a publication date")
        days = {"day": 7, "week": 42, "month": 182, "year": 5 * 365}[m["unit"]]
        s = P - dt.timedelta(days=days)
        return _rel(s, P, precision_for(s, P), f"'recent {m['unit']}s' before publication")

    # ---- seasons, months, decades, years
    if m := pats.season.search(t):
        return _season(m, P, lex, future)
    if m := pats.month.search(t):
        mon = lex.months[normalise(m["mon"])]
        ref = P or anchor
        if ref is None:
            return _unknown("month without a year or publication date")
        mod = " ".join((m["mod"] or "").split())
        if mod in ("next", "coming") or future:
            y = ref.year if mon > ref.month or (mon == ref.month and not mod) else ref.year + 1
        elif mod in ("last", "past", "previous", "this past"):
            y = ref.year if mon < ref.month else ref.year - 1
        elif P is None:
            y = min((ref.year - 1, ref.year, ref.year + 1), key=lambda yy: abs(yy * 12 + mon - ref.year * 12 - ref.month))
        else:
            y = ref.year if mon <= ref.month else ref.year - 1
            ny, nm = add_months(ref.year, ref.month, 1)
            if mon == nm and (dt.date(ny, nm, 1) - ref).days <= MONTH_AHEAD_DAYS:
                y = ny  # "the first 30 minutes of June" on a page stamped 31 May
        s, e = month_range(y, mon)
        return _narrow(_rel(s, e, "month", "month name: the most recent such month" if not mod else f"'{mod}' month"), t, m.start(), pats)
    if m := pats.decade.search(t):
        start = int(m["dec"]) if m["dec"] else None
        if start is None:
            short = int(m["short"])
            if P is None:
                return _unknown("two-digit decade without a publication date")
            start = (P.year // 100) * 100 + short
            if start > P.year:
                start -= 100
        return _narrow(_fixed(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "year", "decade"), t, m.start(), pats)
    if m := pats.year.search(t):
        y = int(m["y"])
        return _narrow(_fixed(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "year"), t, m.start(), pats)
    if m := pats.ordinal_day.match(t):
        day = int(m["d"])
        if P is None or not 1 <= day <= 31:
            return _unknown("day of the month without a publication date")
        for back in range(0, 3):
            yy, mm = add_months(P.year, P.month, -back)
            d = safe_date(yy, mm, day)
            # ahead of publication only when told as to come ("is due in court on the
            # 28th"); else the most recent such day ("was shot on the 28th")
            ahead = (FUTURE_TOLERANCE_DAYS if future else 1) if back == 0 else 0
            if d and d <= P + dt.timedelta(days=ahead):
                return _rel(d, d, "day", "day of the month: the most recent such day")
        return _unknown("day of the month that fits no recent month")
    if m := pats.numeric_short.match(t):
        mo, da = int(m["m"]), int(m["d"])
        if 1 <= mo <= 12 and 1 <= da <= 31 and P is not None:
            d = pick_year(mo, da, P, future)
            if d:
                return _rel(d, d, "day", "year-less numeric date (month/day)")

    # ---- temporal but unplaceable: clock times, durations, "recently", "now"
    if pats.duration.match(t):
        return None
    if pats.clock.search(t):
        return _unknown("clock time alone fixes no date")
    if any(w in lex.vague_time_words for w in pats.word.findall(t)):
        return _unknown("temporal phrase that names no date")
    return None


def _period(m: re.Match, P: dt.date, t: str, pats: Patterns) -> Resolution:
    unit = m["unit"]
    mod = " ".join(m["mod"].split())
    pre = " ".join((m["pre"] or "").split())
    if mod in ("the past", "the last", "past") and unit != "decade":
        days = {"week": 7, "month": 30, "year": 365}[unit]
        s, e = P - dt.timedelta(days=days), P - dt.timedelta(days=1) if unit == "week" else P
        return _rel(s, e, unit, f"'{mod} {unit}': the {days} days before publication")  # type: ignore[arg-type]
    shift = {"this": 0, "last": -1, "previous": -1, "the previous": -1, "next": 1, "coming": 1, "the coming": 1,
             "the next": 1, "this past": -1, "this coming": 1, "past": -1, "the past": -1, "the last": -1}[mod]
    if unit == "week":
        s, e = iso_week(P + dt.timedelta(days=7 * shift))
        prec: Precision = "week"
    elif unit == "month":
        y, mo = add_months(P.year, P.month, shift)
        s, e = month_range(y, mo)
        prec = "month"
    elif unit == "year":
        s, e = dt.date(P.year + shift, 1, 1), dt.date(P.year + shift, 12, 31)
        prec = "year"
    else:
        if mod in ("past", "the past", "the last", "last"):
            s, e = dt.date(P.year - 10, P.month, 1), P
        else:
            d0 = (P.year // 10) * 10 + 10 * shift
            s, e = dt.date(d0, 1, 1), dt.date(d0 + 9, 12, 31)
        return _rel(s, e, "year", f"'{mod} decade'")
    rule = f"'{mod} {unit}'"
    if pre == "earlier" and shift == 0:
        return _rel(s, P, prec, f"'earlier this {unit}': from its start to publication")
    if pre == "later" and shift == 0:
        return _rel(P, e, prec, f"'later this {unit}': from publication to its end")
    if pre in ("early", "the start of", "the beginning of") and unit != "week":
        third = ((e - s).days + 1) // 3
        return _rel(s, s + dt.timedelta(days=third - 1), prec, f"'{pre} {mod} {unit}': its first third")
    if pre in ("late", "the end of") and unit != "week":
        third = ((e - s).days + 1) // 3
        return _rel(s + dt.timedelta(days=2 * third), e, prec, f"'{pre} {mod} {unit}': its last third")
    if pre == "mid" and unit != "week":
        third = ((e - s).days + 1) // 3
        return _rel(s + dt.timedelta(days=third), s + dt.timedelta(days=2 * third - 1), prec, f"'mid {mod} {unit}'")
    return _rel(s, e, prec, rule)


def _counted(m: re.Match, P: Optional[dt.date], anchor: Optional[dt.date], lex: Lexicon, flip: bool = False) -> Resolution:
    """A counted offset ("two days ago", "three weeks later"); unknown when the count
    runs outside the calendar the resolver covers ("2021 years ago").  ``flip``
    counts the other way (see :func:`resolve_complement`)."""
    try:
        res = _counted_unchecked(m, P, anchor, lex, flip)
    except (ValueError, OverflowError):
        return _unknown(f"'{m.group(0)}': outside the calendar")
    v = res.value
    if v.start is not None and not (MIN_YEAR <= v.start.year and (v.end or v.start).year <= MAX_YEAR):
        return _unknown(f"'{m.group(0)}': outside the calendar")
    return res


def _counted_unchecked(m: re.Match, P: Optional[dt.date], anchor: Optional[dt.date], lex: Lexicon,
                       flip: bool = False) -> Resolution:
    n, vague = _number(m["n"], lex)
    unit = m["unit"]
    direction = " ".join(m["dir"].split())
    sign = (1 if direction in ("later", "after", "from now") else -1) * (-1 if flip else 1)
    from_pub = direction in ("ago", "from now", "back")
    ref = P if from_pub else anchor
    if ref is None:
        if not from_pub and P is not None and unit in ("day", "night", "hour"):
            s = P - dt.timedelta(days=7)
            return _rel(s, P, "week", f"'{m.group(0)}' with no earlier date named: the week up to publication")
        return _unknown(f"'{m.group(0)}' without a reference date")
    if vague:
        if unit in ("day", "night", "hour"):
            s, e = (ref - dt.timedelta(days=7), ref) if sign < 0 else (ref, ref + dt.timedelta(days=7))
            return _rel(s, e, "week", f"'{m.group(0)}': within a week")
        n = 3
    where = "publication" if from_pub else "the last date named"
    if unit == "hour":
        d = ref + dt.timedelta(days=sign * (n // 24))
        return _rel(d, d, "day", f"{n} hours from {where}")
    if unit in ("day", "night"):
        d = ref + dt.timedelta(days=sign * n)
        return _rel(d, d, "day", f"{n} day(s) from {where}")
    if unit == "week":
        c = ref + dt.timedelta(days=sign * 7 * n)
        return _rel(c - dt.timedelta(days=3), c + dt.timedelta(days=3), "week", f"{n} week(s) from {where}")
    if unit == "month":
        y, mo = add_months(ref.year, ref.month, sign * n)
        s, e = month_range(y, mo)
        return _rel(s, e, "month", f"{n} month(s) from {where}")
    if unit == "year":
        y = ref.year + sign * n
        return _rel(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", f"{n} year(s) from {where}")
    y = ref.year + sign * 10 * n
    return _rel(dt.date(y - 5, 1, 1), dt.date(y + 5, 12, 31), "year", f"{n} decade(s) from {where}")


def _season(m: re.Match, P: Optional[dt.date], lex: Lexicon, future: bool) -> Resolution:
    first, length = lex.seasons[m["s"]]
    mod = " ".join((m["mod"] or "").split())

    def span(year: int) -> tuple[dt.date, dt.date]:
        # the season "of year" Y: winter Y runs from December Y-1 (meteorological)
        sy, sm = (year - 1, first) if first == 12 else (year, first)
        ey, em = add_months(sy, sm, length - 1)
        return dt.date(sy, sm, 1), month_end(ey, em)

    if m["y"]:
        s, e = span(int(m["y"]))
        return _fixed(s, e, "month", "season with year")
    if P is None:
        return _unknown("season without a year or publication date")
    cands = [span(y) for y in (P.year - 1, P.year, P.year + 1, P.year + 2)]
    if mod in ("next", "coming") or future:
        s, e = next(c for c in cands if c[0] > P)
    elif mod in ("last", "past", "previous", "this past"):
        s, e = [c for c in cands if c[1] < P][-1]
    else:
        s, e = [c for c in cands if c[0] <= P][-1]
    return _rel(s, e, "month", f"'{(mod + ' ' + m['s']).strip()}': the season around publication")


def holiday_on(name: str, year: int, lex: Lexicon) -> dt.date:
    """The day of the lexicon's holiday ``name`` in ``year``: a fixed day, the n-th
    weekday of a month, or a day tied to Easter."""
    if name in lex.holidays_fixed:
        mo, da = lex.holidays_fixed[name]
        return dt.date(year, mo, da)
    if name in lex.holidays_nth_weekday:
        mo, wd, n = lex.holidays_nth_weekday[name]
        return nth_weekday(year, mo, wd, n)
    return easter(year) + dt.timedelta(days=lex.easter_offsets[name])


def _holiday_offset(day: dt.date, name: str, m: re.Match, lex: Lexicon) -> Resolution:
    """A day or a while before or after a holiday: "the day after Christmas" is 26
    December; "two days before Thanksgiving" two days before it; "just after" or
    "hours after" it the holiday or the two days after, "days after" the week after,
    "weeks after" the six weeks after (and the same before)."""
    sign = 1 if m["dir"] == "after" else -1
    if m["n"]:
        n = 1 if m["n"] in ("the", "a") else _number(m["n"], lex)[0]
        d = day + dt.timedelta(days=sign * n)
        return _rel(d, d, "day", f"'{m.group(0).strip()} {name}': {n} day(s) {m['dir']} the holiday")
    near, far, precision = {"days": (1, 7, "week"), "weeks": (7, 42, "month")}.get(m["vague"], (0, 2, "week"))
    a, b = day + dt.timedelta(days=sign * near), day + dt.timedelta(days=sign * far)
    return _rel(min(a, b), max(a, b), precision, f"'{m.group(0).strip()} {name}': a while {m['dir']} the holiday")


def _holidays(year: int, lex: Lexicon) -> list[dt.date]:
    """The lexicon's holidays in ``year``."""
    names = [*lex.holidays_fixed, *lex.holidays_nth_weekday, *lex.easter_offsets]
    return [holiday_on(name, year, lex) for name in names]


def resolve_complement(text: str, published: Optional[dt.date], day: dt.date) -> Optional[Resolution]:
    """An offset set beside the day it dates, as in "died Thursday, three days after
    he was shot", "arrested Thursday, the day after the shooting" or "It's June 16,
    four days after the Pulse nightclub massacre": ``day`` (Thursday) is the main
    clause's, and what follows "after" happened that many days before it; what
    follows "before" that many days after it.  None when ``text`` is no such
    "after"/"before" offset ("three days later" has nothing following it)."""
    pats, lex = patterns(), load_lexicon()
    t = normalise(text)
    if (m := pats.counted.search(t)) is not None:
        direction = " ".join(m["dir"].split())
        if direction not in ("after", "before"):
            return None
        phrase = m.group(0)
        res = _counted(m, published, day, lex, flip=True)
    elif (m := pats.anaphoric.search(t)) is not None and m["p"].split()[-1] in ("after", "before"):
        phrase = " ".join(m["p"].split())
        d = day - dt.timedelta(days=lex.anaphoric_days[phrase])
        res = _rel(d, d, "day", "")
        direction = phrase.split()[-1]
    else:
        return None
    if res.value.start is None:
        return res
    return Resolution(res.value, True, f"'{phrase}' beside the day it dates: what follows '{direction}' happened that long "
                      f"{'before' if direction == 'after' else 'after'} it")


def resolve_expression(text: str, published: Optional[dt.date], anchor: Optional[dt.date] = None,
                       *, future: bool = False) -> Optional[DateRange]:
    """The date range ``text`` refers to, given the publication date; None when the
    text is not a date expression.  See the module docstring for the conventions."""
    res = resolve(text, published, anchor, future)
    return res.value if res is not None else None


def parse_anchor_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Dates the text fixes by itself (with a year): ``(start, end, date)`` offsets
    into ``text``.  Useful to date an undated article or anchor "the next day"."""
    lex = load_lexicon()
    pats = patterns()
    low = text.lower()
    out: list[tuple[int, int, dt.date]] = []
    for rx in (pats.iso, pats.numeric):
        for m in rx.finditer(low):
            r = _resolve_norm(normalise(m.group(0)), None, None, False, True)
            if r and r.value.start and r.value.precision == "day":
                out.append((m.start(), m.end(), r.value.start))
    for rx in (pats.mdy, pats.dmy):
        for m in rx.finditer(low):
            if m["y"]:
                d = safe_date(int(m["y"]), lex.months[normalise(m["mon"])], int(m["d"]))
                if d:
                    out.append((m.start(), m.end(), d))
    out.sort()
    dedup: list[tuple[int, int, dt.date]] = []
    for item in out:
        if dedup and item[0] < dedup[-1][1]:
            continue
        dedup.append(item)
    return dedup
