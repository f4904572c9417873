"""events.csv: newsweave's events in ACLED's columns, so ACLED tooling can read them.

Columns and their order are ACLED's export format.  Values follow ACLED's
conventions where newsweave knows them (time_precision 1/2/3, geo_precision
1/2/3, inter codes 1-8 and the two-digit interaction, ISO numeric country code,
ACLED region names) and stay empty where it does not: an empty cell means
"unknown", never zero.  The mappings from newsweave's own vocabulary (entity
types, place kinds, date precisions) are data: ``data/acled_actor_codes.yaml``
and ``data/acled_regions.csv``.
"""
from __future__ import annotations

import csv
import io
import re
import time
from typing import IO, Any, Iterable, Optional

from newsweave.records import Analysis, Entity, Event
from newsweave.report.common import Index, acled_codes, country

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

_name_rules: Optional[list[tuple[re.Pattern[str], int]]] = None


def _rules() -> list[tuple[re.Pattern[str], int]]:
    global _name_rules
    if _name_rules is None:
        rules = []
        for rule in acled_codes().get("name_words", []):
            words = "|".join(re.escape(w) for w in rule["words"])
            rules.append((re.compile(rf"\b(?:{words})\b", re.IGNORECASE), int(rule["code"])))
        _name_rules = rules
    return _name_rules


def inter_code(entity: Optional[Entity], entities: dict[str, Entity]) -> Optional[int]:
    """ACLED's actor type code (1-8) for an entity, or None when none applies."""
    if entity is None:
        return None
    for pattern, code in _rules():
        if pattern.search(entity.name):
            return code
    table = acled_codes()
    code = table["by_type"].get(entity.type)
    if entity.type == "ARMED_GROUP" and entity.affiliation:
        parent = entities.get(entity.affiliation)
        if parent is not None and parent.type in table["state_types"]:
            return int(table["state_sponsored_armed_group"])
    return int(code) if code is not None else None


def interaction(inter1: Optional[int], inter2: Optional[int]) -> str:
    """ACLED's two-digit interaction: the two codes, smaller first; a lone actor pairs with 0."""
    if inter1 is None and inter2 is None:
        return ""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if len(codes) == 1:
        return f"{codes[0]}0"
    return f"{codes[0]}{codes[1]}"


def _fmt_float(x: Optional[float]) -> str:
    return "" if x is None else f"{x:.4f}"


def has_acled_type(ev: Event) -> bool:
    return bool(ev.acled and ev.acled.get("event_type"))


def event_row(index: Index, ev: Event, timestamp: int) -> dict[str, str]:
    """One event as one ACLED row (every column present, unknowns empty)."""
    codes = acled_codes()
    ents = index.entities
    acled = ev.acled or {}
    place = index.place(ev.place)
    c = country(place.country) if place else None
    actors = [ents.get(a) for a in ev.actors]
    targets = [ents.get(t) for t in ev.targets]
    inter1 = inter_code(actors[0], ents) if actors else None
    inter2 = inter_code(targets[0], ents) if targets else None
    # ACLED: civilians were the main or only target (not merely among the dead), so only the targets count
    civilian = any(inter_code(t, ents) == 7 for t in targets if t is not None)
    docs = index.event_docs(ev)
    outlets = sorted({index.outlet(d) for d in docs}, key=lambda s: (s.casefold(), s))
    best = (ev.fatalities or {}).get("best")
    row = {col: "" for col in ACLED_COLUMNS}
    row.update({
        "event_id_cnty": f"{c.iso3 if c else ''}{ev.id}",
        "event_date": ev.date.start.isoformat() if ev.date.start else "",
        "year": str(ev.date.start.year) if ev.date.start else "",
        "time_precision": str(codes["time_precision"].get(ev.date.precision, "")) if ev.date.start else "",
        "disorder_type": codes["disorder_type"].get(acled.get("event_type", ""), ""),
        "event_type": acled.get("event_type", ""),
        "sub_event_type": acled.get("sub_event_type", ""),
        "actor1": actors[0].name if actors and actors[0] else (ev.actors[0] if ev.actors else ""),
        "assoc_actor_1": "; ".join(index.entity_name(a) for a in ev.actors[1:]),
        "inter1": "" if inter1 is None else str(inter1),
        "actor2": targets[0].name if targets and targets[0] else (ev.targets[0] if ev.targets else ""),
        "assoc_actor_2": "; ".join(index.entity_name(t) for t in ev.targets[1:]),
        "inter2": "" if inter2 is None else str(inter2),
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": str(c.isonumeric) if c and c.isonumeric is not None else "",
        "region": c.region if c else "",
        "country": c.name if c else "",
        "admin1": (place.admin1 or "") if place else "",
        "location": place.name if place else "",
        "latitude": _fmt_float(place.lat) if place else "",
        "longitude": _fmt_float(place.lon) if place else "",
        "geo_precision": str(codes["geo_precision"].get(place.kind or "", "")) if place and place.lat is not None else "",
        "source": "; ".join(outlets),
        "notes": ev.summary,
        "fatalities": "" if best is None else str(best),
        "timestamp": str(timestamp),
    })
    return row


def acled_rows(analysis: Analysis, include_all: bool = False, timestamp: Optional[int] = None) -> list[dict[str, str]]:
    """Rows for every event with an ACLED type (every event with ``include_all``), in date order."""
    index = Index(analysis)
    ts = int(time.time()) if timestamp is None else int(timestamp)
    events = [ev for ev in analysis.events if include_all or has_acled_type(ev)]
    events.sort(key=lambda ev: (ev.date.start.isoformat() if ev.date.start else "9999", ev.id))
    return [event_row(index, ev, ts) for ev in events]


# columns whose values are numbers we wrote; every other column may hold text from articles
NUMERIC_COLUMNS = frozenset({"year", "time_precision", "inter1", "inter2", "interaction", "iso", "latitude",
                             "longitude", "geo_precision", "fatalities", "timestamp"})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def write_csv(rows: Iterable[dict[str, Any]], fh: IO[str]) -> None:
    writer = csv.DictWriter(fh, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: v if k in NUMERIC_COLUMNS else defuse(str(v)) for k, v in row.items()})


def events_csv(analysis: Analysis, include_all: bool = False, timestamp: Optional[int] = None) -> str:
    buf = io.StringIO()
    write_csv(acled_rows(analysis, include_all, timestamp), buf)
    return buf.getvalue()
