"""Find every time expression in a parsed article and resolve it.

spaCy's DATE and TIME entities miss or cut short many of the phrases news uses to
date events ("Sunday night", "early hours of Sunday", "late Saturday", "overnight",
"days after"), and split others ("Sunday" + "around 1 a.m.").  So the finder takes
the union of spaCy's entities and its own patterns (built from the time lexicon),
merges overlapping candidates, joins a date to an adjacent clock time (and a part of
the day to the day it belongs to: "the evening of Jan. 29"), and resolves
each expression with :func:`newsweave.time.resolve.resolve`.  One regex pass over
the text plus a handful of short resolutions per article keeps it cheap.

Every expression that is a date (even one that cannot be placed) becomes a
:class:`TimeMention`; ages, durations and frequencies are dropped, and so are page
stamps ("Posted: Friday, March 7, 2014"), which date the page, not what it reports.
An expression that dates a procedure rather than a happening ("arrested
Wednesday", "police said Tuesday") is marked ``role="procedure"``, so that later
stages do not take it for the date of the attack the sentence mentions.  Year-less and
anaphoric expressions are anchored on the last day-precision date named earlier in
the same article.  :func:`article_day` gives the day an article names as a whole,
for the mentions whose own sentence names none.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Iterable, Optional

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE

from newsweave.records import Article, DateRange, Span, TimeMention
from newsweave.time.lexicon import alternation, load_lexicon, normalise, weekdays_named
from newsweave.time.resolve import (
    HOLIDAY_RULE, YEARLESS_RULE, Resolution, holiday_offset_source, patterns, resolve, resolve_complement, safe_date,
)

SPACY_LABELS = ("DATE", "TIME")

# A date and a clock time separated only by one of these belong to one expression:
# "Sunday around 1 a.m.", "6 p.m. on Monday", "Monday, at about 10 p.m.".
_JOIN_GAP = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:at|on|around|about|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after)"
    r"|before|after|until|by|in\s+the|of|from)[ \t]+)*(?:at|on|around|about)?[ \t]*",
    re.IGNORECASE,
)
# A part of the day standing alone ("the evening", "the early morning hours of") and
# what may separate it from the day it belongs to ("... of Jan. 29", "... of Sunday").
_DAYPART_ONLY = re.compile(
    r"(?:the\s+)?(?:(?:early|late|wee|small)\s+)?(?:(?:morning|afternoon|evening|night|overnight)\s*)?(?:hours\s*)?(?:of)?",
    re.IGNORECASE,
)
_DAYPART_GAP = re.compile(r"[ \t]*(?:of[ \t]+)?", re.IGNORECASE)
# Words in front of an expression that change what it means and so belong to it.
_PREFIX = re.compile(r"(?:\b(?:ever\s+)?since|\bsince\s+at\s+least)\s+$", re.IGNORECASE)


def _title_alt(words: Iterable[str]) -> str:
    """Capitalised alternation for names (months, weekdays, holidays), matched
    case-sensitively so that "may", "march" or "sun" in running text stay words."""
    items = sorted({w for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w.title() if not w[0].isdigit() else w).replace(r"\ ", r"\s+") for w in items)


@functools.lru_cache(maxsize=1)
def finders() -> dict[str, re.Pattern]:
    """Compiled patterns for the expressions spaCy tends to miss or cut short, one
    per kind of trigger word (weekday, month, number, other time word): only the
    patterns a trigger can start are tried around it."""
    lex = load_lexicon()
    full_months = [m for m in lex.months if len(m) > 3 and m != "sept"]
    abbr_months = [m for m in lex.months if m not in full_months]
    MONTH = rf"(?-i:(?:{_title_alt(full_months)})\b|(?:{_title_alt(abbr_months)})(?:\.|\b))"
    WEEKDAY = rf"(?-i:(?:{_title_alt([w for w in lex.weekdays if len(w) > 4])})\b)"
    DAYPART = alternation(lex.day_parts)
    NUM = rf"(?:\d+|{alternation(list(lex.numbers) + list(lex.vague_numbers))})"
    YEAR = r"(?:1[89]\d\d|20\d\d)"
    holidays = list(lex.holidays_fixed) + list(lex.holidays_nth_weekday) + list(lex.easter_offsets)
    HOLIDAY = rf"(?-i:(?:{'|'.join(_holiday_forms(holidays))})\b)"
    # "the evening of", "the early morning hours of", "the night of": a part of the day
    # in front of the day it belongs to
    OF_DAYPART = (r"(?:the\s+)?(?:(?:early|wee|small|late)\s+)?(?:(?:morning|afternoon|evening|night)\s+hours|hours"
                  r"|morning|afternoon|evening|night)\s+of\s+")
    weekday = [
        # weekdays, with what news hangs around them
        rf"(?:{OF_DAYPART}|(?:early|late|mid-?)\s*|(?:last|next|this\s+past|this\s+coming|coming|past|previous)\s+)?"
        rf"{WEEKDAY}(?:\s+(?:{DAYPART}))?(?:,?\s+(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{YEAR}\b)?|\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}})\b))?",
    ]
    # a holiday, and a day or a while before or after it ("the day after Christmas",
    # "two days before Thanksgiving", "just after Christmas")
    holiday = rf"\b(?:{holiday_offset_source(NUM, named=False)}\s+)?{HOLIDAY}(?:\s+(?:{DAYPART}))?(?:,?\s+{YEAR}\b)?"
    clock = (r"\b(?:(?:at|around|about|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
             r"(?:\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|noon\b|midnight\b)(?:\s+(?:local\s+time|[ECMP][DS]?T\b|[AH][DS]T\b|UTC\b|GMT\b))?")
    month = [
        # month + day (+ year), day + month (+ year), month + year
        rf"(?:{OF_DAYPART})?{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:\s*(?:-|to|through)\s*\d{{1,2}}(?!\d))?(?:,?\s+{YEAR}\b)?",
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR}\b)?",
        rf"(?:(?:early|late|mid-?|(?:in|since|during|until|through|by|last|this|next|past)(?:\s+(?:early|late|mid-?))?)\s*){MONTH}(?:,?\s+{YEAR}\b)?",
        rf"{MONTH}\s+{YEAR}\b",
        holiday,
    ]
    number = [
        # numeric dates
        r"\b\d{4}-\d{2}-\d{2}\b",
        r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b",
        clock,
        rf"\b(?:in|since|during|until|by|through|of|early|late|mid-?)\s+{YEAR}\b(?![\d,.]\d)",
    ]
    word = [
        holiday,
        # days relative to publication or to the last date named
        rf"\b(?:{alternation(list(lex.deictic_days) + list(lex.anaphoric_days))})\b",
        # weekends, weeks, months, years
        r"\b(?:(?:over|during|on|at)\s+)?(?:this\s+past|this\s+coming|last|next|this|coming|past|previous|the\s+past|the)\s+weekend\b",
        r"\b(?:(?:earlier|later|early|late)\s+)?(?:this\s+past|this\s+coming|the\s+past|the\s+last|the\s+previous|this|last|next|past|previous)\s+(?:week|month|year)\b(?!-)",
        # counted and vague offsets
        rf"\b(?:{NUM}\s+)?(?:hour|day|week|month|year)s?\s+(?:ago|earlier|later|before|after|prior|previously)\b",
        rf"\b(?:in\s+)?(?:recent|the\s+past\s+few|the\s+last\s+few)\s+(?:day|week|month|year)s\b",
        # clock times ("noon", "midnight"), so that they can join the date next to them
        clock,
    ]
    # one leading word boundary for all alternatives: positions inside words are
    # rejected at once instead of being tried by every alternative
    return {kind: re.compile(r"\b(?=\w)(?:" + "|".join(f"(?:{a})" for a in alts) + ")", re.IGNORECASE)
            for kind, alts in (("weekday", weekday), ("month", month), ("number", number), ("word", word))}


def _holiday_forms(names: list[str]) -> list[str]:
    """Holiday names as they are written: title case, with the possessive the
    normalisation dropped ("Mother's Day", "New Year's Eve") allowed back."""
    forms = []
    for name in sorted(set(names), key=lambda w: (-len(w), w)):
        words = [re.escape(w.title() if w not in ("of", "the", "jr.") else w) for w in name.split()]
        if name.startswith("the "):
            words[0] = "[Tt]he"
        if len(words) > 1 and name.split()[-1] in ("day", "eve"):
            words[-2] = words[-2] + r"(?:'s|s'|’s|s’)?"
        forms.append(r"\s+".join(words))
    return forms


def _future_hint(doc, start: int, end: int) -> bool:
    """True when the verb the expression hangs on looks forward ("will meet Monday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    lex = load_lexicon()
    tok = span.root
    if tok.dep_ in ("poss", "compound", "nmod", "amod"):
        return False  # "Sunday's shooting": the date qualifies a noun
    head = tok
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") and head.i != tok.i:
            break
        if head.head.i == head.i:
            break
        head = head.head
    else:
        return False
    if head.pos_ not in ("VERB", "AUX"):
        # the tagger's noun for a verb of planning ("Friends plan a vigil Tuesday")
        return head.lower_ in lex.future_words
    for child in head.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in lex.future_auxiliaries:
            return True
    if head.lower_ in lex.future_words:
        return True
    return any(c.lower_ in lex.future_words and c.dep_ in ("amod", "acomp") for c in head.children)


_WORD = re.compile(r"[^\W\d_]+|\d+")
# The longest prefix ("the early hours of", "a couple of") and tail (", 2021", " local
# time") that a pattern hangs on a trigger word; longer tails hold triggers themselves.
_WINDOW_BEFORE, _WINDOW_AFTER = 32, 30
# A number is a trigger only where it can start a date or a clock time: "6/27/2021",
# "2021-06-27", "6 p.m.", "10:30", a year 1800-2099.
_NUMBER_TRIGGER = re.compile(r"\d{1,4}[/-]\d|\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|\d{1,2}:\d\d|(?:1[89]|20)\d\d(?!\d)", re.IGNORECASE)
_TRIGGER_STOP = frozenset({"the", "a", "an", "of", "this", "that", "last", "next", "same", "following", "previous",
                          "before", "after", "earlier", "later", "early", "late", "new", "st", "saint", "jr"})


@functools.lru_cache(maxsize=1)
def _triggers() -> dict[str, str]:
    """Trigger word -> kind: every pattern of :func:`finders` contains a trigger of
    its kind (numbers are recognised by ``_NUMBER_TRIGGER`` instead)."""
    lex = load_lexicon()
    words: dict[str, str] = {}
    phrases = list(lex.deictic_days) + list(lex.anaphoric_days) + list(lex.holidays_fixed) \
        + list(lex.holidays_nth_weekday) + list(lex.easter_offsets)
    for phrase in phrases:
        for w in re.findall(r"[a-z]+", phrase):
            if w not in _TRIGGER_STOP:
                words[w] = "word"
    for unit in ("hour", "day", "night", "week", "weekend", "month", "year"):
        words[unit] = words[unit + "s"] = "word"
    words.update({"noon": "word", "midnight": "word", "recent": "word"})
    words.update({w: "weekday" for w in lex.weekdays})
    words.update({w: "month" for w in lex.months})
    # the forms in which they are written, so that lookups need no lower-casing
    return {form: kind for w, kind in words.items() for form in (w, w.title(), w.upper())}


def _pattern_matches(text: str) -> list[tuple[int, int]]:
    """Matches of :func:`finders`, searched only in windows around trigger words:
    most of an article holds no time word, and skipping it is what keeps the
    finder far below the cost of the parse."""
    triggers = _triggers()
    windows: dict[str, list[list[int]]] = {"weekday": [], "month": [], "number": [], "word": []}
    # findall (strings only) is several times cheaper than finditer; the position of
    # each trigger is then found with str.find from the previous one: any earlier
    # whole-word occurrence would itself have been a trigger already passed.
    cursor = 0
    n = len(text)
    for w in _WORD.findall(text):
        if w[0].isdigit():
            kind = "number"
        else:
            kind = triggers.get(w)
            if kind is None:
                continue
        same = str.isdigit if kind == "number" else str.isalpha  # what continues a token
        i = text.find(w, cursor)
        while i >= 0 and ((i > 0 and same(text[i - 1])) or (i + len(w) < n and same(text[i + len(w)]))):
            i = text.find(w, i + 1)
        if i < 0:  # cannot happen for tokens of this text; stay safe
            continue
        cursor = i + len(w)
        if kind == "number" and not _NUMBER_TRIGGER.match(text, i):
            continue
        win = windows[kind]
        s, e = max(0, i - _WINDOW_BEFORE), cursor + _WINDOW_AFTER
        if win and s <= win[-1][1]:
            win[-1][1] = e
        else:
            win.append([s, e])
    out: list[tuple[int, int]] = []
    rxs = finders()
    for kind, win in windows.items():
        rx = rxs[kind]
        for s, e in win:
            while e < n and (text[e].isalnum() or text[e] in ".,'"):  # end windows between words
                e += 1
            out.extend(m.span() for m in rx.finditer(text, s, min(e, n)))
    return out


def _entity_spans(doc) -> list[tuple[int, int]]:
    """Character spans of spaCy's DATE/TIME entities, read from the token arrays
    (cheaper than building every entity Span through ``doc.ents``)."""
    if len(doc) == 0:
        return []
    strings = doc.vocab.strings
    wanted = {strings.add(label) for label in SPACY_LABELS}
    arr = doc.to_array([ENT_IOB, ENT_TYPE])
    idx = numpy.nonzero(numpy.isin(arr[:, 1], list(wanted)))[0]
    out: list[tuple[int, int]] = []
    start = prev = -1
    for i in idx.tolist():
        if start >= 0 and i == prev + 1 and arr[i, 0] == 1 and arr[i, 1] == arr[prev, 1]:
            prev = i
            continue
        if start >= 0:
            out.append((doc[start].idx, doc[prev].idx + len(doc[prev])))
        start = prev = i
    if start >= 0:
        out.append((doc[start].idx, doc[prev].idx + len(doc[prev])))
    return out


def _split_at_commas(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """spaCy sometimes runs two expressions into one entity ("April, Wednesday");
    its pieces are kept apart unless one of the finder's patterns spans the comma
    ("Monday, July 5", "June 27, 2021"), in which case the merge joins them again."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        cut = text.find(",", s, e)
        while cut >= 0:
            out.append((s, cut))
            s = cut + 1
            cut = text.find(",", s, e)
        out.append((s, e))
    return out


def _candidates(doc, text: str) -> list[tuple[int, int]]:
    spans = _split_at_commas(_entity_spans(doc), text) + _pattern_matches(text)
    spans.sort(key=lambda s: (s[0], -s[1]))
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out = []
    for s, e in merged:
        # trim spaces and stray punctuation at the edges (offsets stay original)
        while s < e and text[s] in " \t\n,;:(\"'":
            s += 1
        while e > s and text[e - 1] in " \t\n,;:)\"'":
            e -= 1
        if e - s > 2 and text[e - 2] in "'\u2019" and text[e - 1] in "sS":  # "Wednesday's"
            e -= 2
        if e > s:
            p = _PREFIX.search(text, max(0, s - 20), s)
            if p:
                s = p.start()
            out.append((s, e))
    return out


CLOCK_RULE = "clock time"  # the rule prefix resolve() gives a clock time alone


# between a day and a counted offset set beside it ("Thursday, three days after")
_APPOSITION_GAP = re.compile(r"\s*(?:,|\u2014|\u2013|--)\s*(?:(?:just|only|about|nearly|almost|some|exactly)\s+)?")


def _resolve_all(spacy_doc, article: Article) -> list[tuple[int, int, Resolution]]:
    """Candidates resolved in text order, anchored on the last day named, with a
    date and an adjacent clock time joined into one expression."""
    text = article.masked
    if len(spacy_doc) and spacy_doc[-1].idx + len(spacy_doc[-1]) > len(text):
        raise ValueError(f"document {article.id}: the parse is longer than the article's masked text; parse article.masked")
    P: Optional[dt.date] = article.written
    resolved: list[tuple[int, int, Resolution]] = []
    anchor: Optional[dt.date] = None
    years: dict[int, int] = {}  # month -> the year the article named it with ("December 2014")
    for s, e in _candidates(spacy_doc, text):
        if is_year_modifier(text, s, e) or is_street_name(text, s, e) or is_season_in_name(text, s, e):
            continue  # "the 2015 deal", "at 1917 Prospect Ave.", "Winter streets": never joined to a clock time
        res = resolve(text[s:e], P, anchor)
        if res is None or res.rule.startswith(HOLIDAY_RULE) and names_a_party(text, s, e):
            continue
        if resolved and anchor is not None and _APPOSITION_GAP.fullmatch(text, resolved[-1][1], s) \
                and resolved[-1][2].value.start == anchor:
            # "died Thursday, three days after he was shot": the offset dates what follows it
            beside = resolve_complement(text[s:e], P, anchor)
            if beside is not None:
                resolved.append((s, e, beside))
                continue
        if P is not None and res.relative:
            ahead = resolve(text[s:e], P, anchor, True)
            # the parse is consulted only when the tense would change the date
            if ahead is not None and ahead.value != res.value and _future_hint(spacy_doc, s, e):
                res = ahead
        if res.rule == YEARLESS_RULE and res.value.start is not None:
            # "in December 2014 ... on the night of Dec. 6" in a page of 2016: the day is of
            # the month the article named, the year before the one publication suggests
            # (a weekday named with it must fit; a month named further back is background)
            named = years.get(res.value.start.month)
            day = safe_date(named, res.value.start.month, res.value.start.day) if named == res.value.start.year - 1 else None
            wds = weekdays_named(text[s:e])
            if day is not None and (not wds or day.weekday() in wds):
                res = Resolution(DateRange(day, day, "day"), False, "year-less date, in the month the article named with its year")
        resolved.append((s, e, res))
        if not res.relative and res.value.start is not None and res.value.precision in ("day", "month") \
                and res.value.end is not None and res.value.start.month == res.value.end.month:
            years[res.value.start.month] = res.value.start.year
        if res.value.precision == "day" and res.value.start is not None:
            anchor = res.value.start

    # join a date and an adjacent clock time ("Sunday" + "around 1 a.m."): the date wins;
    # likewise a part of the day and the day it belongs to ("the evening" + "of Jan. 29")
    joined: list[tuple[int, int, Resolution]] = []
    for s, e, res in resolved:
        if joined:
            ps, pe, pres = joined[-1]
            if (pres.value.precision == "unknown" and res.value.start is not None and res.value.precision == "day"
                    and _DAYPART_ONLY.fullmatch(text, ps, pe) and _DAYPART_GAP.fullmatch(text, pe, s)
                    and (text[ps:pe].rstrip().lower().endswith(" of") or "of" in text[pe:s].lower())):
                joined[-1] = (ps, e, Resolution(res.value, res.relative, res.rule + ", with the part of the day before it"))
                continue
            clock_prev = pres.rule.startswith(CLOCK_RULE)
            clock_this = res.rule.startswith(CLOCK_RULE)
            if clock_prev != clock_this and "\n" not in text[pe:s] and _JOIN_GAP.fullmatch(text, pe, s):
                keep = res if clock_prev else pres
                joined[-1] = (ps, e, Resolution(keep.value, keep.relative, keep.rule + ", with a clock time"))
                continue
        joined.append((s, e, res))
    return joined


def drafted_day(spacy_doc, article: Article, times: list[TimeMention]) -> Optional[dt.date]:
    """The day before the day the text was written (``article.written``) when the text
    names that day by its weekday only as a day to come: "An autopsy is scheduled for
    Thursday", "Autopsies on the victims will be conducted on Friday" in a page dated
    that Thursday or Friday.  The page was written before the date it carries (on
    gva-dev such pages were dated the day after the incident 10 times in 15).  When it
    also tells of something past on that weekday ("shot about 1:20 a.m. Friday ... will
    be arraigned Friday"), it was written on that day, and None; None otherwise."""
    day = article.written
    if day is None:
        return None
    ahead = False
    for t in times:
        if not (t.relative and t.value.precision == "day" and t.value.start == day and t.span.field == "text"
                and day.weekday() in weekdays_named(t.span.text)):
            continue
        if _same_day_words().search(t.span.text) or not _future_hint(spacy_doc, t.span.start, t.span.end):
            return None
        ahead = True
    return day - dt.timedelta(days=1) if ahead else None


# Page furniture that dates the page, not anything it reports: "Posted: Friday,
# March 7, 2014 7:14 PM EST", "Updated on June 6", a dateline "(Nov. 18, 2015)—",
# "By Staff | June 20, 2016 at 5:09PM", a line holding only "3/7/2017"; the
# signature of an embedded post, "— WIBW News (@WIBWNews) April 24, 2016"; the date
# of a story in a list of links run into the text ("Related Articles January 9, 2017
# Man dead after shootout with guards ...").
_POST_SIGNATURE = re.compile(r"\(@\w{1,30}\)[\s,]*$")
_RELATED_LABEL = re.compile(r"\brelated\s+(?:articles?|stor(?:y|ies)|coverage|content|links|news|posts)\s*[:\-|]?\s*$", re.IGNORECASE)
_STAMP_LABEL = re.compile(r"\b(?:posted|updated|published|modified|created|last\s+updated)\b[\s:]*(?:on|at)?[\s:]*$", re.IGNORECASE)
_STAMP_OPEN = re.compile(r"(?:^|[(|\u2022\u00b7])[\s]*$")
_STAMP_CLOSE = re.compile(r"\s*(?:(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?)?\s*(?:\)|$|\|)", re.IGNORECASE)


def is_page_stamp(text: str, start: int, end: int, relative: bool) -> bool:
    """True when the expression at ``start:end`` is a page stamp: labelled as the
    page's posting or update time, or a date fixed by its own text (with a year)
    standing alone in parentheses, between "|" separators or on its own line, or
    the date that signs an embedded social-media post ("(@WIBWNews) April 24,
    2016"): the day it was posted, not the day of what it shows; or the date
    right after a "Related Articles" label, another story's."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - 40):start]
    if _STAMP_LABEL.search(before) or _POST_SIGNATURE.search(before) or _RELATED_LABEL.search(before):
        return True
    if relative:
        return False
    return bool(_STAMP_OPEN.search(before) and _STAMP_CLOSE.match(text[end:min(line_end, end + 40)]))


def find_times(spacy_doc, article: Article) -> list[TimeMention]:
    """Every time expression of ``article``, resolved against ``article.written``
    (its publication, or the page's own earlier posting stamp).

    ``spacy_doc`` is the parse of ``article.masked``; offsets are original offsets.
    Page stamps (see :func:`is_page_stamp`) are left out: they date the page.
    """
    text = article.masked
    return [TimeMention(span=Span(article.id, s, e, article.text[s:e]), value=res.value, relative=res.relative,
                        role=time_role(spacy_doc, s, e))
            for s, e, res in _resolve_all(spacy_doc, article)
            if not is_page_stamp(text, s, e, res.relative)
            and not is_birth_date(text, s)]


# "Date of Birth: 01/6/1992", "DOB: 3-4-88", "born on May 2, 1990": a person's birthday
_BIRTH_LABEL = re.compile(r"\b(?:date\s+of\s+birth|d\.?o\.?b\.?|birth\s?date|born(?:\s+on)?)\s*[:\-]?\s*$", re.IGNORECASE)


def is_birth_date(text: str, start: int) -> bool:
    """A date labelled as someone's birth ("Date of Birth: 01/6/1992"): it dates no
    happening of the article."""
    return bool(_BIRTH_LABEL.search(text[max(0, start - 20):start]))


_YEAR = re.compile(r"\d{4}")
_DET_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that)\s+$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"[ \t-]+[A-Za-z]")
_TIME_PREP_BEFORE = re.compile(r"\b(?:in|since|during|until)\s+$", re.IGNORECASE)
_LOWER_WORD_BEFORE = re.compile(r"\b([a-z]+)[ \t]+\Z")
# words before a year that date something with it ("in 2007", "by 2007", "and 2008")
_YEAR_LINKS = frozenset({"in", "since", "during", "until", "till", "by", "of", "from", "to", "through", "before",
                         "after", "around", "about", "circa", "early", "late", "mid", "and", "or", "than", "year",
                         "on", "at", "for", "between", "fall", "spring", "summer", "winter", "autumn"})


@functools.lru_cache(maxsize=1)
def _street_after() -> re.Pattern:
    """A street name after a number: up to three capitalised words (a direction
    first, perhaps) and a street suffix of the lexicon ("1802 Beacon St.",
    "1300 N. Martin Luther King Blvd")."""
    suffixes = load_lexicon().street_suffixes or ("street",)
    return re.compile(r"[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z0-9][\w'.-]*[ \t]+){1,3}"
                      rf"(?i:{alternation(suffixes)})\b")


@functools.lru_cache(maxsize=1)
def _suffix_after() -> re.Pattern:
    """A street suffix of the lexicon right after a word ("Winter streets", "Easter
    Avenue", "Noon Road")."""
    suffixes = load_lexicon().street_suffixes or ("street",)
    return re.compile(rf"[ \t]+(?i:{alternation(suffixes)})s?\b")


def is_street_name(text: str, start: int, end: int) -> bool:
    """A capitalised season, holiday, month or weekday that names a street ("shot at
    Brook and Winter streets", "the 3100 block of Easter Avenue"): no time at all."""
    return bool(_CAPITALISED_WORD.fullmatch(text, start, end)) and bool(_suffix_after().match(text, end, min(len(text), end + 20)))


_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+")
_NAME_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+\Z")
_NAME_WORD_AFTER = re.compile(r"[ \t]+[A-Z][a-z]+")
# words that may precede a season in a time expression written with capitals
_SEASON_MODIFIERS = frozenset({"last", "this", "next", "early", "late", "mid", "past", "coming", "in", "during",
                               "since", "until", "through", "by", "the", "that", "each", "every"})


def is_season_in_name(text: str, start: int, end: int) -> bool:
    """A capitalised season inside a name ("in Sinking Spring", "Spring Lake Park",
    "Winter Haven"): a capitalised word beside it that no time expression puts there."""
    if not _CAPITALISED_WORD.fullmatch(text, start, end) or text[start:end].lower() not in load_lexicon().seasons:
        return False
    before = _NAME_WORD_BEFORE.search(text, max(0, start - 30), start)
    if before and before.group(1).lower() not in _SEASON_MODIFIERS:
        return True
    return bool(_NAME_WORD_AFTER.match(text, end))
_PARTY_AFTER = re.compile(r"(?:['\u2019]s)?[ \t]+(?:part(?:y|ies)|bash)\b", re.IGNORECASE)
_EVE = re.compile(r"\beve\b", re.IGNORECASE)


def names_a_party(text: str, start: int, end: int) -> bool:
    """Whether the holiday at ``start:end`` names a kind of party ("a Christmas
    party", "a Halloween party"): such parties are held on the days around the
    holiday, so it dates nothing.  An eve is its own night ("a New Year's Eve
    party")."""
    return bool(_PARTY_AFTER.match(text, end, min(len(text), end + 12))) and not _EVE.search(text, start, end)


def is_year_modifier(text: str, start: int, end: int) -> bool:
    """A bare year that names a thing rather than dating a happening: "the 2015
    nuclear deal", "its 2019 report"; or a house number that looks like one ("1802
    Beacon St.").  It is not a time of any event in the sentence."""
    if not _YEAR.fullmatch(text[start:end]):
        return False
    if _street_after().match(text, end, min(len(text), end + 60)) and not _TIME_PREP_BEFORE.search(text, max(0, start - 8), start):
        return True
    if _DET_BEFORE.search(text[max(0, start - 12):start]) and _WORD_AFTER.match(text, end):
        return True
    # a model year between a verb and a name: "driving 2007 Gray Mitsubishi Eclipse"
    before = _LOWER_WORD_BEFORE.search(text, max(0, start - 20), start)
    return bool(before and before.group(1) not in _YEAR_LINKS and _NAME_WORD_AFTER.match(text, end))


def time_role(spacy_doc, start: int, end: int) -> Optional[str]:
    """"procedure" when the expression dates a verb's own act (an arrest, a charge, a
    statement: ``procedure_verbs`` of the lexicon), else None.  Such a date is not
    the date of the happening the sentence reports.  A clock time after a verb of
    saying (``clocked_report_verbs``) dates what is said."""
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    lex = load_lexicon()
    head = procedure_head(expression_root(span), lex.procedure_verbs)
    if head is None or (head.lower_ in lex.clocked_report_verbs and span.start > head.i
                        and patterns().clock.search(normalise(span.text))):
        # "Police said around 7 p.m. on Tuesday the man drove to the neighborhood and
        # opened fire": a statement is seldom timed to the minute (set before the verb,
        # "Around 6:30 p.m. Tuesday, officials say they were called", it dates the call)
        return None
    return "court" if head.lower_ in lex.court_verbs or due_in_court(head) else "procedure"


def due_in_court(verb) -> bool:
    """Whether a verb says someone is due in court ("are due in court on Wednesday",
    "is due back in court May 21"): its day is a hearing's."""
    for c in verb.children:
        if c.dep_ == "acomp" and c.lower_ == "due":
            return any(t.lower_ == "court" for t in verb.doc[c.i + 1 : c.i + 5])
    return False


def expression_root(span):
    """The token through which a time expression hangs in the parse: the first
    token whose head lies outside it, punctuation aside ("p.m." is sometimes parsed
    as the sentence's full stop)."""
    for tok in span:
        if tok.dep_ != "punct" and (tok.head.i == tok.i or not span.start <= tok.head.i < span.end):
            return tok
    return span.root


def into_custody(verb) -> bool:
    """ "taken into custody", "placed in custody": an arrest told with a general verb;
    "found guilty", "found not guilty": a verdict (``verdict_words`` of the lexicon);
    "turned himself in": a surrender (``surrender_verbs`` of the lexicon)."""
    lex = load_lexicon()
    if verb.lower_ in lex.surrender_verbs \
            and any(c.dep_ in ("prt", "prep") and c.lower_ in lex.surrender_particles for c in verb.children) \
            and any(c.dep_ == "dobj" and c.lower_ in lex.reflexives for c in verb.children):
        return True
    if verb.lower_ in lex.verdict_verbs and any(c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.lower_ in lex.verdict_words
                                                for c in verb.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("into", "in") and any(g.lower_ == "custody" for g in c.children)
               for c in verb.children)


def _opens_sentence(tok, verb) -> bool:
    """ "On Monday, police said the shooting was gang-related": a time expression
    that opens the sentence, set off by a comma, before the procedure verb and the
    clause it reports, dates the procedure ("Sunday night, a man was shot, police
    said" hangs on "shot" and never gets here)."""
    if not tok.doc.has_annotation("SENT_START"):
        return False
    sent = tok.sent
    lead = tok.left_edge
    if lead.i > sent.start + 1:  # an opening "On" at most before it
        return False
    after = tok.doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 < len(tok.doc) else None
    if after is None or after.text != ",":
        return False
    return not any(c.dep_ == "ccomp" and c.left_edge.i <= tok.i for c in verb.children)


def _ends_clause_of(subj, tok) -> bool:
    """ "The family of a girl shot during a road-rage incident Sunday said": an expression
    right after a subject that holds a clause of its own ("shot during ...") closes that
    clause, whatever verb the parser hung it on."""
    if tok.i != subj.right_edge.i + 1:
        return False
    return any(t.dep_ in ("acl", "relcl") and t.pos_ == "VERB" for t in subj.subtree)


def procedure_head(tok, forms: frozenset[str]):
    """The procedure verb the time expression at ``tok`` dates, or None.

    The expression dates the first verb above it, unless a noun comes first
    ("Thursday's homicide", "the shooting on Friday" date the noun; "a Monday morning
    news conference", "Tuesday's vigil" date a procedure, ``procedure_nouns``).  It dates a procedure verb only
    when it stands after that verb's subject ("police said Tuesday", "Police on
    Thursday identified"): before it, it belongs to the reported clause ("was shot
    Monday, police said"); right after a subject holding a clause of its own, it closes
    that clause ("the family of a girl shot ... Sunday said").
    """
    cur = tok
    first = tok
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            if head.lower_ not in forms and not into_custody(head) and not due_in_court(head):
                return None
            subj = [c for c in head.lefts if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and first.i < subj[0].left_edge.i and not _opens_sentence(first, head):
                return None
            if subj and _ends_clause_of(subj[0], first):
                return None
            return head
        if head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "the shooting on Friday", "Thursday's homicide": dates the noun, which is a
            # procedure when it is one of what follows a crime ("a Monday morning news
            # conference", "Tuesday's vigil")
            if head.lower_ in load_lexicon().procedure_nouns:
                return head
            if cur.dep_ != "npadvmod" or head.pos_ != "NOUN" or head.dep_ not in ("pobj", "dobj") or _names_happening(head):
                return None
            # "was sentenced to two weeks in jail Tuesday": a day the parser hangs on a
            # noun that names no happening (the sentence's length) dates the clause
        cur = head
    return None


def _names_happening(tok) -> bool:
    """Whether a noun names a happening (an event word or a casualty word of the
    events lexicon: "shooting", "death")."""
    from newsweave.events import load_lexicon as events_lexicon

    lex = events_lexicon()
    low = tok.lower_
    return low in lex.trigger_forms or low in lex.casualty_forms


def explain_times(spacy_doc, article: Article) -> list[tuple[str, str]]:
    """(expression, the rule that dated it) for each mention of ``find_times``."""
    text = article.masked
    return [(article.text[s:e], res.rule) for s, e, res in _resolve_all(spacy_doc, article)
            if not is_page_stamp(text, s, e, res.relative)]


# --------------------------------------------------------------------------- the article's day

# What makes an expression a firm date for the attack an article reports: a part of
# the day or a clock time ("Saturday night", "about 3 a.m. Sunday", "overnight"), a
# month and day, a year, the day before publication ("yesterday", "last night").
# A bare weekday often dates a statement or a step of the investigation instead
# ("police said Monday"), and "today" in a quotation dates the quotation: they
# count, but less.  Measured on gva-dev (first such day of an article against the
# coded incident date): a bare weekday was right 68% of the time, "today"/"tonight"
# 50%, an expression with a part of the day, a clock time or a month 84-88%.
@functools.lru_cache(maxsize=1)
def _firm_date_words() -> re.Pattern:
    lex = load_lexicon()
    parts = list(lex.day_parts) + ["yesterday", "last night", "early", "late"]
    return re.compile(rf"\d|\b(?:{alternation(parts)}|{alternation(lex.months)})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _same_day_words() -> re.Pattern:
    lex = load_lexicon()
    today = [w for w, off in lex.deictic_days.items() if off == 0]
    return re.compile(rf"\b(?:{alternation(today)})\b", re.IGNORECASE)


# A clock time from midnight to 4:59 a.m.: the first hours of the day named.
_SMALL_CLOCK = r"\b(?:12|0?[1-4])(?::\d\d)?\s*a\.?\s?m\b"
# Parts of the day that are not its first hours: "early Sunday evening" is evening.
_LATE_PART = re.compile(r"\b(?:afternoon|evening|night|nighttime|tonight|p\.?\s?m)\b", re.IGNORECASE)
# A clock time from 9 p.m. to 11:59 p.m.: the last hours of the day named.
_LATE_CLOCK = r"\b(?:9|1[01])(?::\d\d)?\s*p\.?\s?m\b"
# Parts of the day that are not its last hours: "late Saturday morning" is morning.
_EARLY_PART = re.compile(r"\b(?:morning|afternoon|noon|midday|a\.?\s?m)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=3)
def _hours_words(which: str) -> re.Pattern:
    """The clock times and lexicon words (``small_hours`` or ``late_night``) of one end
    of the day, or the words of the night across midnight (``night_spanning``)."""
    words = getattr(load_lexicon(), which)
    clock = {"small_hours": _SMALL_CLOCK, "late_night": _LATE_CLOCK}.get(which)
    alts = ([clock] if clock else []) + ([rf"\b(?:{alternation(words)})\b"] if words else [])
    return re.compile("|".join(alts), re.IGNORECASE)


def is_small_hours(text: str) -> bool:
    """True when a day expression puts the happening in the first hours of that day
    ("early Sunday", "shortly after midnight Sunday", "about 2 a.m. Sunday"), not in
    its afternoon or evening.  Between two adjacent days given for one happening
    ("late Saturday night" in one report, "early Sunday" in another), such an
    expression names the calendar day it happened."""
    return bool(_hours_words("small_hours").search(text)) and not _LATE_PART.search(text)


def is_late_night(text: str) -> bool:
    """True when a day expression puts the happening in the last hours of that day
    ("Saturday night", "late Saturday", "about 11 p.m. Saturday", "last night"),
    the other side of midnight from :func:`is_small_hours`."""
    return (bool(_hours_words("late_night").search(text)) and not _EARLY_PART.search(text)
            and not is_small_hours(text))


def after_midnight(text: str) -> bool:
    """True when a day expression dates a happening by the hours after midnight: its
    first hours ("early Sunday", "about 2 a.m. Sunday", :func:`is_small_hours`) or the
    night across midnight ("overnight", ``night_spanning`` of the lexicon).  The night
    before that day ("Saturday night") may be the same happening told from its evening."""
    return is_small_hours(text) or bool(_hours_words("night_spanning").search(text))


def names_night_clock(text: str) -> bool:
    """True when a day expression holds a clock time of its first or last hours
    ("at 11:40 p.m. Wednesday", "about 12:30 a.m. Thursday"): an hour, not a vague
    "late Wednesday night" or "early Thursday"."""
    return bool(re.search(f"{_SMALL_CLOCK}|{_LATE_CLOCK}", text, re.IGNORECASE))


def names_today(text: str) -> bool:
    """True when an expression dates by the day of writing ("today", "tonight",
    "this morning"): in a quotation or a report it is often not the attack's day."""
    return bool(_same_day_words().search(text))


_MORNING = re.compile(r"\bmorning\b", re.IGNORECASE)


def names_morning(text: str) -> bool:
    """True when an expression names a morning ("this morning", "Sunday morning"): seen
    from after midnight, the night before ("a party last night") is that same morning."""
    return bool(_MORNING.search(text))


def is_firm_date(text: str) -> bool:
    """True when a day-precision expression carries more than a bare weekday or a
    "today": a part of the day, a clock time, a month and day, a year, or the day
    before publication.  Such expressions date the happening an article reports
    more often than bare weekdays do (see above)."""
    return bool(_firm_date_words().search(text)) and not _same_day_words().search(text)


def article_day(times: list[TimeMention], published: Optional[dt.date], procedures: bool = False) -> Optional[dt.date]:
    """The day an article gives, as a whole, for what it reports: among its
    day-precision expressions that date no procedure and fall on or before
    publication, the day with the most weight (a firm expression 2, any other 1,
    the first one named 1 more), ties to the earliest.  None when it names no such
    day.  For mentions whose own sentence names no day.

    With ``procedures``, only the firm expressions (:func:`is_firm_date`) that date
    a procedure count instead: for an article that names no other day.  There the
    parse's "said" or "arrested" is often the act of the attack's own day ("Around
    6:30 p.m. Wednesday, officials say they were called"; on gva-dev such a day
    was the incident's 24 times in 35, a bare weekday 9 in 30)."""
    weight: dict[dt.date, int] = {}
    first = True
    for t in times:
        v = t.value
        if v.precision != "day" or v.start is None or (t.role is not None) != procedures:
            continue
        if published is not None and v.start > published:
            continue
        firm = is_firm_date(t.span.text)
        if procedures and (not firm or t.role in ("court", "recalled")):
            continue
        w = (2 if firm else 1) + (1 if first else 0)
        first = False
        weight[v.start] = weight.get(v.start, 0) + w
    if not weight:
        return None
    return min(weight, key=lambda d: (-weight[d], d))
