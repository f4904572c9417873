"""Find scraping debris in one article's text: which lines go, and why.

Pages arrive with their chrome: taglines above the headline, share bars, comment
widgets, registration prompts, "Posted: ... Updated: ..." stamps, copyright
footers, and lists of other stories ("Related coverage:", "More In Politics"
followed by headline/blurb pairs).  The rules here are about the *shape* of a
line and its place on the page; the vocabulary that names chrome is data
(``data/clean_rules.yaml``).

Being wrong costs differently in the two directions: leaving debris in costs a
little noise, removing a sentence that reports the news loses a fact.  So every
rule needs strong evidence (a vocabulary match, a header followed by link-like
lines, a position above the headline), and a prose sentence is only removed by
a rule that names it explicitly.

Everything is computed from the text alone, so cleaning is idempotent, and line
by line with compiled regular expressions, so it is cheap (about 0.1 ms for a
typical article).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from newsweave.clean.rules import Rules, load_rules
from newsweave.records import Removed

# --- line shape thresholds (calibrated on the gva-dev sample and the seeds, as a set)
PROSE_MIN_WORDS = 8  # a body sentence has at least this many words ...
PROSE_LONG_WORDS = 20  # ... and ends like a sentence, unless it is this long
HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 250
HEADLINE_SENTENCE_CASE_MAX_WORDS = 16
STRAY_MAX_WORDS = 10
STRAY_MAX_CHARS = 80
LINK_MAX_WORDS = 24
LINK_MAX_CHARS = 180
TRAILING_LINKS_MIN = 4  # a headerless list of links at the end needs at least this many
TITLE_CASE_MIN = 0.7  # share of capitalised content words in a headerless link line
DUPLICATE_MIN_CHARS = 20
BYLINE_MAX_CHARS = 90
SOURCE_MAX_CHARS = 90
CREDITS_MAX_CHARS = 300
STAMP_MAX_LINE = 300  # longer lines are prose, never a headline plus its stamp
STAMP_MAX_TAIL = 120  # but a stamp in parentheses may close one, within this many characters
CHROME_MAX_LINE = 400  # no vocabulary pattern matches a longer line
TRAILING_LINK_MIN_WORDS = 5  # lines of a headerless link list are real headlines
INLINE_LINK_MIN_WORDS = 6  # a link to another story set between two paragraphs is a full headline
INLINE_LINK_MAX_WORDS = 16

_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$|[\"”’)]$")
_WORD = re.compile(r"[^\W_][\w'’.&-]*")
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or over per the to up via vs with is are was be after over under".split()
)
_BYLINE = re.compile(
    r"(?:by|written by|story by|reported by):?\s+(?P<name>(?:the\s+)?[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|de|da|van|von|al|bin|and|&))"
    r"{0,7}(?:\s*,\s*(?:[A-Z][\w'’.-]*[ \t]?){1,6})?)\s*(?:[|,/–—.-]\s*[^\n]{0,40})?",
    re.IGNORECASE,
)
_BYLINE_NAME_HEAD = re.compile(r"(?:the\s+)?[A-Z]")
_SOURCE = re.compile(r"(?:[Ss]ource|SOURCE|[Vv]ia)\s*:\s*(?P<name>[^\n:]{2,80}?)\.?")
SOURCE_MAX_WORDS = 6
_CREDITS = re.compile(
    r".{0,280}\b(?:contributed|contributing) (?:to )?(?:to this|this|to the) (?:report|story|article)\.?"
    r"|(?:additional )?reporting by [^\n.]{2,120}\.?"
    r"|(?:compiled|edited|written) by [^\n.]{2,80}\.?",
    re.IGNORECASE,
)
# a dateline's place: "KATY, Texas", "INDIANAPOLIS, Ind."
_DATELINE_PLACE = r"[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w.]{1,14}(?:\s[A-Z][\w.]{1,14})?)?"
_DATELINE = re.compile(_DATELINE_PLACE + r"\s*[-–—:]?")
_DATE_TOKEN = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|\d{4}-\d{2}-\d{2}",
    re.IGNORECASE,
)
# "Jane Doe, 34 - ...": a list of people with ages is a roster (news data), not links
_CAPTION_CREDIT = re.compile(r"\((?:AP |Reuters |AFP )?(?:photo|image|source|credit|file|courtesy|video)\b[^()]{0,80}\)$", re.IGNORECASE)
# a lede whose full stop was lost: a report attributed in the past tense after a
# comma ("A 17-year-old was injured in a Friday shooting, police said"); headlines
# attribute in the present ("..., police say") or up front ("Police: ...")
_LEDE_ATTRIBUTION = re.compile(r",\s+(?:[\w.'’-]+\s+){1,4}(?:said|reported|told [\w.'’-]+(?:\s+[\w.'’-]+)?)$"
                               r"|,\s+according to\s+[^,]{3,60}$")
_ROSTER = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}, \d{1,3}\b")
_STAMP_LABEL_WORDS = frozenset({"posted", "updated", "published", "modified", "created", "last", "first"})
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|tv|us|news|co|uk|ca|au|info|gov)", re.IGNORECASE)
_STAMP_TOKEN = re.compile(r"[^\s,|/·•()\[\]-]+")
_TIME_TOKEN = re.compile(r"\d{1,4}(?:[:.]\d{2})*(?:st|nd|rd|th|am|pm|a\.m\.?|p\.m\.?)?\.?:?", re.IGNORECASE)


@dataclass(slots=True)
class Line:
    start: int  # offset of the first character of the line
    end: int  # offset just past the line's last non-newline character
    next: int  # offset of the next line (includes the line break)
    text: str  # stripped content
    lead: int  # offset of the first non-space character

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(slots=True)
class Finding:
    """What ``find_debris`` found: removals and metadata read off removed lines."""

    removed: list[Removed] = field(default_factory=list)
    title: Optional[str] = None
    byline: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[dt.date] = None


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = body.strip()
        lead = pos + (len(body) - len(body.lstrip())) if stripped else pos
        lines.append(Line(pos, pos + len(body), pos + len(raw), stripped, lead))
        pos += len(raw)
    return lines


# --------------------------------------------------------------------------- line shape


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def is_prose(line: str) -> bool:
    """A body sentence: enough words, and ends like a sentence (or is long)."""
    n = len(words(line))
    if n >= PROSE_LONG_WORDS:
        return True
    return n >= PROSE_MIN_WORDS and bool(_SENTENCE_END.search(line))


def title_case_ratio(line: str) -> float:
    content = [w for w in words(line) if w.lower() not in _SMALL_WORDS]
    if not content:
        return 0.0
    return sum(1 for w in content if w[0].isupper() or w[0].isdigit()) / len(content)


def is_link_like(line: str) -> bool:
    """A headline of another story: short, one line, does not end like a sentence."""
    if not line or len(line) > LINK_MAX_CHARS:
        return False
    n = len(words(line))
    if n < 2 or n > LINK_MAX_WORDS:
        return False
    if line[-1] in ".;,:" and not line.endswith("..."):
        return False
    first = line[0]
    return first.isupper() or first.isdigit() or first in "\"'“‘"


def _inline_link(line: str) -> bool:
    """A full headline of another story: link-like, six to sixteen words, not in capitals
    (a subhead), without a quotation or an exclamation (a reader's comment), a colon at
    its end (a list label) or a closing parenthesis (a photo caption's credit)."""
    n = len(words(line))
    return (INLINE_LINK_MIN_WORDS <= n <= INLINE_LINK_MAX_WORDS and is_link_like(line) and not line.endswith((":", ")"))
            and not any(q in line for q in "\"“”!?") and line[0].isupper() and line.upper() != line)


def is_headline(line: str) -> bool:
    """A headline: short, not ending like a sentence; long ones must be title-cased.

    A long sentence-case line without a full stop is more often a lede whose
    punctuation was lost than a headline, so it is kept; so is one that ends with
    its source in the past tense ("..., police said").
    """
    n = len(words(line))
    if n < 2 or n > HEADLINE_MAX_WORDS or len(line) > HEADLINE_MAX_CHARS:
        return False
    if line.endswith((".", ",", ";")) and not line.endswith("..."):
        return False
    if _CAPTION_CREDIT.search(line) or _LEDE_ATTRIBUTION.search(line):
        return False
    return n <= HEADLINE_SENTENCE_CASE_MAX_WORDS or title_case_ratio(line) >= TITLE_CASE_MIN


# a dateline with the day of writing in parentheses, opening a paragraph:
# "INDIANAPOLIS, Ind. (Feb. 20, 2014) — ", "SAVANNAH, GA (December 2, 2015): "
_DATELINE_DATE = re.compile(_DATELINE_PLACE + r"\s*(?P<paren>\((?P<date>[^()\n]{6,40})\))\s*[-–—:]")


def is_dateline(line: str) -> bool:
    return len(words(line)) <= 5 and line.upper() == line and bool(_DATELINE.fullmatch(line))


def stamp_match(line: str, rules: Rules, pos: int = 0) -> Optional[re.Match[str]]:
    """A publication stamp in ``line`` ("Posted: Tuesday, Jan. 28, 2014 8:18 PM EST").

    The stamp must run to the end of the line and hold only date/time words, so
    prose that mentions posting ("The video was posted Monday on Facebook") stays.
    In mid-line it needs its colon, or parentheses of its own: the stamp of a
    video's caption, "... Omari Fleming reports. (Published Wednesday, Jan. 21, 2015)".
    The search starts at ``pos``.
    """
    m = rules.stamp.search(line, pos)
    if not m:
        return None
    if m.start() > 0 and not m.group("colon") and not _bracketed(line, m):
        return None  # mid-line stamps need their colon
    rest = m.group("rest")
    if not any(ch.isdigit() for ch in rest):
        return None
    for token in _STAMP_TOKEN.findall(rest):
        if _TIME_TOKEN.fullmatch(token) or rules.stamp_word.fullmatch(token.rstrip(".:;")) or rules.stamp_word.fullmatch(token):
            continue
        if token.rstrip(":").lower() in _STAMP_LABEL_WORDS or _DOMAIN.fullmatch(token):
            continue
        return None
    return m


def _bracketed(line: str, m: re.Match[str]) -> bool:
    """The stamp ``m`` opens right after "(" and its parenthesis closes the line."""
    rest = m.group("rest").rstrip()
    return line[: m.start()].endswith("(") and rest.endswith(")") and ")" not in rest[:-1]


def _closing_stamp(line: str, rules: Rules) -> Optional[re.Match[str]]:
    """The stamp in parentheses that closes a line too long to be a stamp line: the
    caption of a video, "... in front of the skate park. (Published Monday, March 23, 2015)"."""
    at = line.rfind("(", max(0, len(line) - STAMP_MAX_TAIL))
    m = stamp_match(line, rules, at + 1) if at >= 0 else None
    return m if m is not None and _bracketed(line, m) else None


# the labels of a page's first publication, not of its later updates
_FIRST_POSTED = re.compile(r"\b(?:first\s+published|posted|published|created)\b(?:\s+on)?\s*:?", re.IGNORECASE)
_ANY_LABEL = re.compile(r"\b(?:posted|updated|published|modified|created)\b", re.IGNORECASE)


def posted_date(text: str, removed: Iterable[Removed], rules: Optional[Rules] = None) -> Optional[dt.date]:
    """The day a page says it was first posted: the date after the first
    "Posted", "Published" or "Created" label of the first stamp line cleaning
    removed ("Posted: March 6, 2013 Updated: March 20, 2013" gives March 6;
    "Updated 01/26/2015 Created 01/25/2015" gives January 25).  None when the page
    has no such stamp."""
    rules = rules or load_rules()
    for r in sorted(removed, key=lambda r: r.start):
        if r.reason != "boilerplate":
            continue
        for line in text[r.start:r.end].splitlines():
            line = line.strip()
            if line.startswith("(") and line.endswith(")") and (date := stamp_date(line)) is not None \
                    and _DATE_TOKEN.fullmatch(line[1:-1].strip()):
                return date  # the dateline's day
            if not line or len(line) > STAMP_MAX_LINE or stamp_match(line, rules) is None:
                continue
            for m in _FIRST_POSTED.finditer(line):
                rest = line[m.end():]
                nxt = _ANY_LABEL.search(rest)
                date = stamp_date(rest[: nxt.start()] if nxt else rest)
                if date is not None:
                    return date
    return None


def stamp_date(text: str) -> Optional[dt.date]:
    from newsweave.ingest.dates import parse_date

    m = _DATE_TOKEN.search(text)
    return parse_date(m.group(0)) if m else None


# --------------------------------------------------------------------------- the pass


def find_debris(text: str, rules: Optional[Rules] = None) -> Finding:
    """Every removable stretch of ``text`` with its reason, and the metadata they carry."""
    rules = rules or load_rules()
    lines = split_lines(text)
    n = len(lines)
    label: list[Optional[str]] = [None] * n
    partial: list[Removed] = []  # removals that cover part of a line
    head_text: list[str] = [ln.text for ln in lines]  # what is left of a line after partial removals
    out = Finding()

    # 1. line by line: vocabulary, stamps, source lines, credits
    for i, ln in enumerate(lines):
        t = ln.text
        if not t:
            continue
        m = stamp_match(t, rules) if len(t) <= STAMP_MAX_LINE else _closing_stamp(t, rules)
        if m:
            date = stamp_date(m.group("rest"))
            if out.published is None and date is not None:
                out.published = date
            if m.start() == 0:
                label[i] = "boilerplate"
            else:
                cut = ln.lead + m.start()
                # trim the separator left before the stamp
                kept = t[: m.start()].rstrip(" \t-–—|·•,(")
                partial.append(Removed(ln.lead + len(kept), ln.end, "boilerplate"))
                head_text[i] = kept
                del cut
            continue
        d = _DATELINE_DATE.match(t)
        if d and (date := stamp_date(d.group("date"))) is not None:
            # "INDIANAPOLIS, Ind. (Feb. 20, 2014) — Police are investigating": the day of writing
            if out.published is None:
                out.published = date
            partial.append(Removed(ln.lead + d.start("paren"), ln.lead + d.end("paren"), "boilerplate"))
        reason = rules.chrome(t) if len(t) <= CHROME_MAX_LINE else rules.long_chrome(t)
        if reason:
            label[i] = reason
            continue
        if len(t) <= SOURCE_MAX_CHARS:
            m = _SOURCE.fullmatch(t)
            if m and len(words(m.group("name"))) <= SOURCE_MAX_WORDS and title_case_ratio(m.group("name")) >= TITLE_CASE_MIN:
                label[i] = "source-line"
                if out.outlet is None:
                    out.outlet = m.group("name").strip()
                continue
        if len(t) <= CREDITS_MAX_CHARS and _CREDITS.fullmatch(t):
            label[i] = "credits"

    # 1b. a weather widget: each forecast line takes its label and, between two labels,
    # the short conditions line ("Today / Clearing skies late / Tonight / Cloudy ...")
    if rules.weather_label is not None:
        _weather_block(lines, label, rules.weather_label)

    # 2. adjacent duplicates (a teaser shown twice, image alt text plus link)
    dup_pair: list[bool] = [False] * n
    prev: Optional[int] = None
    for i, ln in enumerate(lines):
        if ln.blank:
            continue
        if prev is not None and label[i] is None and len(ln.text) >= DUPLICATE_MIN_CHARS and ln.text == lines[prev].text:
            dup_pair[i] = dup_pair[prev] = True
        prev = i

    # 3. where the body starts: the first prose line that is not chrome
    body = next(
        (i for i in range(n) if label[i] is None and not dup_pair[i] and is_prose(head_text[i])),
        None,
    )

    # 4. blocks of links to other stories, opened by a header
    i = 0
    while i < n:
        if label[i] is None and lines[i].text and len(lines[i].text) <= 60 and rules.related_header.fullmatch(lines[i].text):
            end, teaser = _link_block(lines, label, i + 1)
            if end is not None:
                reason = "teaser" if teaser else "related-links"
                for j in range(i, end + 1):
                    if label[j] is None and not lines[j].blank:
                        label[j] = reason
                i = end + 1
                continue
        i += 1

    # 5. a headerless list of story links at the very end, after the body
    if body is not None:
        run: list[int] = []
        for j in range(n - 1, body, -1):
            if lines[j].blank or label[j] is not None:
                continue
            t = lines[j].text
            if (
                is_link_like(t)
                and len(words(t)) >= TRAILING_LINK_MIN_WORDS
                and title_case_ratio(t) >= TITLE_CASE_MIN
                and not _ROSTER.match(t)
            ):
                run.append(j)
                continue
            break
        if len(run) >= TRAILING_LINKS_MIN:
            for j in run:
                label[j] = "related-links"

    # 5b. a link to another story set alone between two paragraphs of the body ("Man
    # arrested in fatal shooting during Bronx robbery"): a headline with prose on both
    # sides; a subhead ("What we know", "Millvale: 2 killed, 2 injured") is shorter
    if body is not None:
        for j in range(body + 1, n):
            t = lines[j].text
            if label[j] is not None or not t or not _inline_link(t):
                continue
            before = next((k for k in range(j - 1, body - 1, -1) if not lines[k].blank), None)
            after = next((k for k in range(j + 1, n) if not lines[k].blank), None)
            if before is None or after is None or not lines[j - 1].blank or not lines[j + 1].blank:
                continue
            if label[before] is None and label[after] is None and is_prose(head_text[before]) and is_prose(head_text[after]):
                label[j] = "teaser"

    # 6. duplicates: both copies above the body are teasers; in the body the repeat goes
    seen_dups: set[str] = set()
    for i in range(n):
        if not dup_pair[i] or label[i] is not None:
            continue
        if body is not None and i < body:
            label[i] = "teaser"
        elif lines[i].text in seen_dups:
            label[i] = "duplicate"
        seen_dups.add(lines[i].text)

    # 7. the top: byline, headline, stray lines above the headline
    if body is not None:
        top = [i for i in range(body) if not lines[i].blank and head_text[i] and label[i] is None]
        for i in top:
            m = _BYLINE.fullmatch(head_text[i])
            if m and len(head_text[i]) <= BYLINE_MAX_CHARS and _BYLINE_NAME_HEAD.match(m.group("name")):
                _mark(lines, label, head_text, partial, i, "byline")
                if out.byline is None:
                    out.byline = m.group("name").strip().rstrip(",")
        marked = {p.start for p in partial}
        top = [i for i in top if label[i] is None and lines[i].lead not in marked and not is_dateline(head_text[i])]
        headline = next((i for i in reversed(top) if is_headline(head_text[i])), None)
        if headline is not None:
            out.title = head_text[headline]
            _mark(lines, label, head_text, partial, headline, "headline")
            for i in top:
                if i < headline and len(head_text[i]) <= STRAY_MAX_CHARS and len(words(head_text[i])) <= STRAY_MAX_WORDS:
                    _mark(lines, label, head_text, partial, i, "stray-line")

    # 8. bylines also sit directly under the headline or at the very end
    for i in _edge_lines(lines, label):
        t = lines[i].text
        m = _BYLINE.fullmatch(t)
        if m and len(t) <= BYLINE_MAX_CHARS and _BYLINE_NAME_HEAD.match(m.group("name")) and not _SENTENCE_END.search(t):
            label[i] = "byline"
            if out.byline is None:
                out.byline = m.group("name").strip().rstrip(",")

    out.removed = _ranges(lines, label, partial, text)
    return out


WEATHER_SHORT_LINE = 60  # a widget's conditions line between two labels ("Clearing skies late")


def _weather_block(lines: list[Line], label: list[Optional[str]], label_re: re.Pattern[str]) -> None:
    """Label a weather widget's labels ("Tonight") and short conditions lines with the
    forecast lines (``weather``) they head."""
    def before(i: int) -> Optional[int]:
        return next((k for k in range(i - 1, -1, -1) if not lines[k].blank), None)

    for i in [k for k, r in enumerate(label) if r == "weather"]:
        j = before(i)
        while j is not None and label[j] in (None, "weather") and label_re.fullmatch(lines[j].text):
            label[j] = "weather"
            k = before(j)
            # a conditions line with a label above it ("Today / Clearing skies late")
            if (k is not None and label[k] is None and len(lines[k].text) <= WEATHER_SHORT_LINE
                    and not _SENTENCE_END.search(lines[k].text)):
                above = before(k)
                if above is not None and label[above] in (None, "weather") and label_re.fullmatch(lines[above].text):
                    label[k] = "weather"
                    j = above
                    continue
            j = k if k is not None and label[k] == "weather" else None


def _mark(lines: list[Line], label: list[Optional[str]], head_text: list[str], partial: list[Removed], i: int, reason: str) -> None:
    """Label line ``i``, or only what is left of it when a stamp was cut off its end."""
    if head_text[i] == lines[i].text:
        label[i] = reason
    else:
        ln = lines[i]
        partial.append(Removed(ln.lead, ln.lead + len(head_text[i]), reason))


def _edge_lines(lines: list[Line], label: list[Optional[str]]) -> list[int]:
    """The first and last non-blank unlabelled lines (candidates for a byline)."""
    live = [i for i, ln in enumerate(lines) if not ln.blank and label[i] is None]
    return sorted(set(live[:1] + live[-1:]))


def _link_block(lines: list[Line], label: list[Optional[str]], start: int) -> tuple[Optional[int], bool]:
    """Where a block of story links that starts at ``start`` ends, and whether it holds blurbs.

    Link-like lines continue the block; a paragraph continues it only directly
    after a link line (a headline + blurb pair); two paragraphs in a row end it.
    Chrome lines inside the block keep their own labels.
    """
    last: Optional[int] = None
    links = 0
    teaser = False
    prev_kind = "header"
    for j in range(start, len(lines)):
        ln = lines[j]
        if ln.blank:
            continue
        if label[j] is not None:
            continue
        t = ln.text
        if is_link_like(t):
            links += 1
            last, prev_kind = j, "link"
        elif prev_kind == "link" and links:
            teaser = True
            last, prev_kind = j, "blurb"
        else:
            break
    if not links or last is None:
        return None, False
    return last, teaser


def _ranges(lines: list[Line], label: list[Optional[str]], partial: list[Removed], text: str) -> list[Removed]:
    """Labelled lines and partial removals as sorted, non-overlapping ranges.

    A whole-line removal covers the line and its line break; neighbouring
    removals with the same reason separated only by blank lines are merged.
    """
    spans = [Removed(ln.lead, ln.next, label[i]) for i, ln in enumerate(lines) if label[i] is not None and not ln.blank]
    spans.extend(p for p in partial if p.end > p.start)
    spans.sort(key=lambda r: (r.start, r.end))
    merged: list[Removed] = []
    for r in spans:
        if merged:
            last = merged[-1]
            if r.start < last.end:  # overlap: keep the first, trim the second
                if r.end <= last.end:
                    continue
                r = Removed(last.end, r.end, r.reason)
            if r.reason == last.reason and not text[last.end : r.start].strip():
                last.end = r.end
                continue
        merged.append(Removed(r.start, r.end, r.reason))
    return merged
