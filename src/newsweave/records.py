"""Typed records handed from one pipeline stage to the next.

Every record that points into an article carries the document id and character
offsets into the article's *original decoded text* (``Article.text``), never into
a cleaned copy: ``article.text[start:end] == span.text`` always holds.

The flow (see ``pipeline.py``)::

    ingest -> Article -> clean -> Article(+removed, outlet, byline, title)
           -> nlp -> spaCy Doc over ``Article.masked`` (same length as the original)
           -> extract -> EntityMention, PlaceMention, TimeMention, EventMention, Claim
           -> resolve -> Entity, Place
           -> fuse -> Event, Disagreement
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal, Optional

Precision = Literal["day", "week", "month", "year", "unknown"]

_NOT_NEWLINE = re.compile(r"[^\n]")
# A hyphen between spaces and words is a dash ("a man - armed with a rifle - opened
# fire", "BALTIMORE - Police said"); the tagger reads " - " as a word's hyphen and
# joins "rifle - opened" into one modifier, so the parser is given an en dash.
_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d]) -(?= [^\W\d])")


@dataclass(slots=True)
class Span:
    """A stretch of one document's original text."""

    doc: str
    start: int
    end: int
    text: str
    # which text of the document the offsets point into: "text" (the original decoded
    # text), "title" (the headline, read when the body reports no event:
    # ``article.title[start:end] == text``) or "url" (the web address, whose host names
    # the outlet's town: a page's place of last resort, ``article.url[start:end] == text``)
    field: str = "text"

    def as_dict(self) -> dict[str, Any]:
        d = {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text}
        if self.field != "text":
            d["field"] = self.field
        return d


@dataclass(slots=True)
class Removed:
    """A stretch of the original that cleaning dropped, and why."""

    start: int
    end: int
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "reason": self.reason}


@dataclass(slots=True)
class Article:
    """One article as read. ``text`` is the original decoded text and never changes."""

    id: str
    source: str
    text: str
    outlet: Optional[str] = None
    title: Optional[str] = None
    byline: Optional[str] = None
    published: Optional[dt.date] = None
    language: Optional[str] = None
    url: Optional[str] = None
    removed: list[Removed] = field(default_factory=list)
    # metadata fixed by the user (manifest) that cleaning must not override
    fixed: frozenset[str] = frozenset()
    content_hash: str = ""
    # the day the page itself says it was first posted ("Posted: March 2, 2013"),
    # read off its removed stamp lines by cleaning (``clean.posted_date``)
    posted: Optional[dt.date] = None
    # the day before the page's day when its text looks forward to that day ("An
    # autopsy is scheduled for Thursday" in a page dated Thursday): it was written
    # before it was dated (``time.find.drafted_day``, set by extraction)
    drafted: Optional[dt.date] = None

    @property
    def written(self) -> Optional[dt.date]:
        """The day the text was written, against which its "Sunday" and "last week"
        resolve: the publication date, or the page's own first-posting stamp when
        that is earlier (the date given with the page is then the day of a later
        update, or the day it was collected: "Posted: March 2, 2013 | Updated:
        March 16, 2013" in a file dated March 16), or the day before either when
        the text looks forward to it (``drafted``)."""
        days = [d for d in (self.published, self.posted, self.drafted) if d is not None]
        if self.published is not None and self.posted is not None and self.posted > self.published:
            days.remove(self.posted)
        return min(days) if days else None

    def field_text(self, field: str = "text") -> str:
        """The text a span's offsets point into (``Span.field``): the original text,
        the headline ("title") or the web address ("url")."""
        if field == "title":
            return self.title or ""
        if field == "url":
            return self.url or ""
        return self.text

    @property
    def masked(self) -> str:
        """The original text with removed stretches blanked out (same length).

        Newlines are kept so that paragraph and sentence boundaries survive; every
        other removed character becomes a space, and a spaced hyphen between words
        becomes an en dash.  NLP runs on this string, so every offset it yields is
        an offset into the original text.
        """
        if not self.removed:
            return _SPACED_HYPHEN.sub(" \u2013", self.text)
        parts, pos = [], 0
        for r in sorted(self.removed, key=lambda r: r.start):
            start = max(r.start, pos)
            if r.end <= start:
                continue
            parts.append(self.text[pos:start])
            parts.append(_NOT_NEWLINE.sub(" ", self.text[start : r.end]))
            pos = r.end
        parts.append(self.text[pos:])
        return _SPACED_HYPHEN.sub(" \u2013", "".join(parts))

    @property
    def clean_text(self) -> str:
        """The article body: the original with every removed stretch left out."""
        if not self.removed:
            return self.text.strip()
        parts, pos = [], 0
        for r in sorted(self.removed, key=lambda r: r.start):
            if r.start > pos:
                parts.append(self.text[pos : r.start])
            pos = max(pos, r.end)
        parts.append(self.text[pos:])
        return "".join(parts).strip()


@dataclass(slots=True)
class InputProblem:
    """A bad input: reported on stderr with its path and reason, then skipped."""

    path: str
    reason: str
    line: Optional[int] = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


# --------------------------------------------------------------------------- mentions


@dataclass(slots=True)
class EntityMention:
    """A named actor in one document.  ``key`` is the alias-normalised form used to
    join mentions across documents; ``entity`` is filled by resolution."""

    span: Span
    label: str  # spaCy label (PERSON, ORG, NORP, GPE, ...)
    type: str  # our entity type (PERSON, ARMED_GROUP, GOVERNMENT, ...)
    key: str = ""
    entity: Optional[str] = None
    # the dictionary actor a person's title ties them to ("Pentagon spokesman John
    # Kirby" -> the Pentagon's id); resolution turns the commonest into Entity.affiliation
    affiliation: Optional[str] = None


@dataclass(slots=True)
class PlaceMention:
    span: Span
    place: Optional[str] = None  # place id once geocoded
    # "dateline": the article's opening dateline ("MEMPHIS, Tenn. --"); "force": the town or
    # county a local force or office is named after ("Beebe police"); "remote": a place far
    # from the article's home (a country abroad in a local story, a namesake in another
    # state than the dateline's), rarely where the story happened; None otherwise
    role: Optional[str] = None


@dataclass(slots=True)
class DateRange:
    start: Optional[dt.date]
    end: Optional[dt.date]
    precision: Precision = "unknown"

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
        }


@dataclass(slots=True)
class TimeMention:
    span: Span
    value: DateRange
    relative: bool = True  # resolved against the publication date, not fixed by the text
    # "procedure": the expression dates an act that follows a happening (an arrest, a
    # court step, a statement: "arrested Wednesday", "police said Tuesday"), not the
    # happening itself; "court" for a step of a court case ("convicted on Jan. 14"),
    # which follows it by weeks or years; "recalled" for the day of an earlier happening
    # a report's attack is tied to (the death a vigil is held for, what a retaliation
    # answers: ``events.mentions.mark_recalled_times``); None otherwise
    role: Optional[str] = None


@dataclass(slots=True)
class EventMention:
    """One report of an event in one sentence of one document."""

    id: str  # "{doc}:{trigger start}"
    doc: str
    type: str  # PLOVER type
    trigger: Span
    sentence: Span
    mode: Optional[str] = None
    acled: Optional[dict[str, str]] = None
    actors: list[EntityMention] = field(default_factory=list)
    targets: list[EntityMention] = field(default_factory=list)
    target_text: Optional[str] = None  # a non-entity target ("a storage facility")
    place: Optional[str] = None  # place id
    place_mention: Optional[PlaceMention] = None
    time: Optional[TimeMention] = None
    date: DateRange = field(default_factory=lambda: DateRange(None, None, "unknown"))
    negated: bool = False
    hypothetical: bool = False
    background: bool = False  # an earlier event the article recalls
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Claim:
    """One thing one document says about one event, with who it says it from."""

    id: str
    mention: str  # EventMention id (replaced by the Event id after fusion)
    attribute: str
    value: Any
    doc: str
    start: int
    end: int
    quote: str
    qualifier: Optional[str] = None  # exact, at_least, at_most, about
    subject: Optional[str] = None
    attributed_to: Optional[str] = None  # entity id or name; None = the outlet's own voice
    event: Optional[str] = None  # Event id after fusion
    # the entity mention the attribution points at, resolved to an entity id after resolution
    attributed_mention: Optional[EntityMention] = None
    # for perpetrator/target claims: the entity mention the value names
    value_mention: Optional[EntityMention] = None
    # the text start/end/quote point into: "text" or "title" (as ``Span.field``)
    field: str = "text"

    def as_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id,
            "event": self.event or self.mention,
            "attribute": self.attribute,
            "value": self.value,
            "qualifier": self.qualifier,
            "subject": self.subject,
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "attributed_to": self.attributed_to,
        }
        if self.field != "text":
            d["field"] = self.field
        return d


@dataclass(slots=True)
class DocAnalysis:
    """Everything extracted from one article: the unit of per-article work, which
    workers and Dask tasks hand back.  Picklable, no spaCy objects."""

    article: Article
    entities: list[EntityMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


# --------------------------------------------------------------------------- resolved


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    affiliation: Optional[str] = None
    mentions: list[Span] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": sorted(set(self.aliases)),
            "affiliation": self.affiliation,
            "mentions": [m.as_dict() for m in self.mentions],
        }


@dataclass(slots=True)
class Place:
    id: str
    name: str
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]
    kind: Optional[str] = None
    geonames_id: Optional[int] = None
    admin1: Optional[str] = None
    population: int = 0
    source: Optional[str] = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "aliases": sorted(set(self.aliases)),
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "kind": self.kind,
            "admin1": self.admin1,
            "geonames_id": self.geonames_id,
            "mentions": [m.as_dict() for m in self.mentions],
        }


@dataclass(slots=True)
class Event:
    id: str
    type: str
    mode: Optional[str]
    acled: Optional[dict[str, str]]
    date: DateRange
    date_text: list[str] = field(default_factory=list)
    place: Optional[str] = None
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    fatalities: Optional[dict[str, Optional[int]]] = None
    summary: str = ""
    merge_reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        date = self.date.as_dict()
        date["text"] = sorted(set(self.date_text))
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "acled": self.acled,
            "date": date,
            "place": self.place,
            "actors": self.actors,
            "targets": self.targets,
            "documents": self.documents,
            "mentions": [m.trigger.as_dict() for m in self.mentions],
            "fatalities": self.fatalities,
            "summary": self.summary,
            "merge_reasons": self.merge_reasons,
        }


@dataclass(slots=True)
class Disagreement:
    event: str
    attribute: str
    claims: list[str]
    summary: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"event": self.event, "attribute": self.attribute, "claims": self.claims, "summary": self.summary}


@dataclass(slots=True)
class Analysis:
    """The whole result of a run: what ``analysis.json`` and the reports are made from."""

    documents: list[Article]
    entities: list[Entity]
    places: list[Place]
    events: list[Event]
    claims: list[Claim]
    disagreements: list[Disagreement]
    problems: list[InputProblem] = field(default_factory=list)
