"""events.plover.json: PLOVER/POLECAT-style event records.

PLOVER (the successor of CAMEO) describes an event as a source actor doing an
event type, in a mode and context, to a target actor, at a place and time;
POLECAT records add story ids and sources.  This export uses those field names
(``event_type``, ``mode``, ``context``, ``actor``/``recipient``, ``location``,
``story_ids``) with newsweave's ids, so a record can be traced back to
``analysis.json`` and the sentences it came from.
"""
from __future__ import annotations

from typing import Any, Optional

from newsweave.records import Analysis, Event
from newsweave.report.common import Index, acled_codes, country

PLOVER_VERSION = "PLOVER 2021"


def _actor(index: Index, ids: list[str]) -> list[dict[str, Any]]:
    out = []
    for i in ids:
        e = index.entities.get(i)
        out.append({"id": i, "name": e.name if e else i, "type": e.type if e else None,
                    "affiliation": e.affiliation if e else None})
    return out


def _context(index: Index, ev: Event) -> list[str]:
    """PLOVER contexts that follow from what newsweave knows (military actors, political violence)."""
    ctx = set()
    for i in ev.actors + ev.targets:
        e = index.entities.get(i)
        if e is not None and e.type == "MILITARY":
            ctx.add("military")
    disorder = acled_codes()["disorder_type"].get((ev.acled or {}).get("event_type", ""), "")
    if disorder == "Political violence":
        ctx.add("political_violence")
    return sorted(ctx)


def event_record(index: Index, ev: Event) -> dict[str, Any]:
    place = index.place(ev.place)
    c = country(place.country) if place else None
    location: Optional[dict[str, Any]] = None
    if place is not None:
        location = {"id": place.id, "name": place.name, "lat": place.lat, "lon": place.lon,
                    "country": place.country, "country_name": c.name if c else None,
                    "admin1": place.admin1, "kind": place.kind, "geonames_id": place.geonames_id}
    docs = index.event_docs(ev)
    actors = _actor(index, ev.actors)
    recipients = _actor(index, ev.targets)
    return {
        "event_id": ev.id,
        "event_date": ev.date.start.isoformat() if ev.date.start else None,
        "event_date_end": ev.date.end.isoformat() if ev.date.end else None,
        "date_precision": ev.date.precision,
        "event_type": ev.type,
        "mode": ev.mode,
        "context": _context(index, ev),
        "actor": actors[0] if actors else None,
        "recipient": recipients[0] if recipients else None,
        "actors": actors,
        "recipients": recipients,
        "location": location,
        "story_ids": docs,
        "sources": [{"id": d, "outlet": index.outlet(d),
                     "url": index.docs[d].url if d in index.docs else None,
                     "published": index.docs[d].published.isoformat() if d in index.docs and index.docs[d].published else None}
                    for d in docs],
        # a sentence read from the headline says so ("field": "title"), as in analysis.json
        "mentions": [{**m.sentence.as_dict(), "doc": m.doc}
                     for m in sorted(ev.mentions, key=lambda m: (m.doc, m.sentence.field != "text", m.sentence.start))],
        "fatalities": ev.fatalities,
        "acled": ev.acled,
        "summary": ev.summary,
    }


def plover_records(analysis: Analysis) -> list[dict[str, Any]]:
    """Every event as a PLOVER-style record, in date order."""
    index = Index(analysis)
    events = sorted(analysis.events, key=lambda e: (e.date.start.isoformat() if e.date.start else "9999", e.id))
    return [event_record(index, ev) for ev in events]


def plover_export(analysis: Analysis) -> dict[str, Any]:
    return {"format": "newsweave-plover", "version": 1, "ontology": PLOVER_VERSION, "events": plover_records(analysis)}
