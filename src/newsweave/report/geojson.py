"""events.geojson: events with a place, as GeoJSON Points (RFC 7946) for GIS tools.

Properties are kept flat (strings, numbers, lists of strings) because most GIS
software shows nested objects poorly: the date range becomes ``date``,
``date_end`` and ``date_precision``; ACLED's types become ``acled_event_type``
and ``acled_sub_event_type``; fatalities become ``fatalities`` (best),
``fatalities_low`` and ``fatalities_high``.
"""
from __future__ import annotations

from typing import Any

from newsweave.records import Analysis
from newsweave.report.common import Index, date_label


def events_geojson(analysis: Analysis) -> dict[str, Any]:
    """A FeatureCollection with one Point feature per event whose place has coordinates."""
    index = Index(analysis)
    features = []
    for ev in sorted(analysis.events, key=lambda e: (e.date.start.isoformat() if e.date.start else "9999", e.id)):
        place = index.place(ev.place)
        if place is None or place.lat is None or place.lon is None:
            continue
        fat = ev.fatalities or {}
        acled = ev.acled or {}
        features.append({
            "type": "Feature",
            "id": ev.id,
            "geometry": {"type": "Point", "coordinates": [round(float(place.lon), 6), round(float(place.lat), 6)]},
            "properties": {
                "id": ev.id,
                "type": ev.type,
                "mode": ev.mode,
                "acled_event_type": acled.get("event_type"),
                "acled_sub_event_type": acled.get("sub_event_type"),
                "date": ev.date.start.isoformat() if ev.date.start else None,
                "date_end": ev.date.end.isoformat() if ev.date.end else None,
                "date_precision": ev.date.precision,
                "date_label": date_label(ev.date),
                "fatalities": fat.get("best"),
                "fatalities_low": fat.get("low"),
                "fatalities_high": fat.get("high"),
                "documents": index.event_docs(ev),
                "outlets": sorted({index.outlet(d) for d in index.event_docs(ev)}, key=lambda s: (s.casefold(), s)),
                "actors": [index.entity_name(a) for a in ev.actors],
                "targets": [index.entity_name(t) for t in ev.targets],
                "summary": ev.summary,
                "place": place.name,
                "place_id": place.id,
                "country": place.country,
                "admin1": place.admin1,
            },
        })
    return {"type": "FeatureCollection", "features": features}
