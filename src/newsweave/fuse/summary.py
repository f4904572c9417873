"""One plain sentence per event, built only from the event's own fields."""
from __future__ import annotations

import functools
from importlib import resources
from typing import Optional

from newsweave.data import safe_load as _yaml_load
from newsweave.fuse.evidence import ancestors
from newsweave.records import Entity, Event, Place

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@functools.lru_cache(maxsize=1)
def _phrases() -> dict:
    with resources.files("newsweave.data").joinpath("fuse_phrases.yaml").open("r", encoding="utf-8") as fh:
        return _yaml_load(fh)


def format_date(event: Event) -> str:
    d = event.date
    if d.start is None or d.precision == "unknown":
        return "date unknown"
    if d.precision == "day":
        return f"{d.start.day} {_MONTHS[d.start.month - 1]} {d.start.year}"
    if d.precision == "week":
        return f"week of {d.start.day} {_MONTHS[d.start.month - 1]} {d.start.year}"
    if d.precision == "month":
        return f"{_MONTHS[d.start.month - 1]} {d.start.year}"
    return str(d.start.year)


def _names(ids: list[str], entities: dict[str, Entity], most: int = 2) -> str:
    names = [entities[i].name if i in entities else i for i in ids[:most]]
    if len(ids) > most:
        names.append("others")
    return " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]


def _owners(eid: str, entities: dict[str, Entity]) -> set[str]:
    """The bodies an entity belongs to, up its ``affiliation`` chain (the armed forces:
    the defence ministry, the country)."""
    return set(ancestors(eid, lambda x: e.affiliation if (e := entities.get(x)) else None))


def _most_specific(ids: list[str], entities: dict[str, Entity]) -> list[str]:
    """The ids less those another of them belongs to: "against United States Armed
    Forces", not "against United States Armed Forces and United States"."""
    owners = set().union(*(_owners(i, entities) for i in ids)) if ids else set()
    return [i for i in ids if i not in owners] or ids


def summarize(event: Event, entities: dict[str, Entity], places: dict[str, Place],
              described: Optional[str] = None) -> str:
    """``described``: how the reports describe the actor when they name no entity
    ("Iran-backed groups"), given in quotes as their words."""
    ph = _phrases()
    what = ph["mode"].get(event.mode or "", None) if event.type == "ASSAULT" else None
    what = what or ph["type"].get(event.type, event.type.lower())
    parts = []
    if event.actors:
        parts.append(f"{_names(event.actors, entities)}: {what}")
    elif described:
        parts.append(f"“{described}”: {what}")
    else:
        parts.append(what[0].upper() + what[1:])
    if event.targets:
        prep = (ph.get("target_prep") or {}).get(event.type, "against")
        parts.append(f"{prep} {_names(_most_specific(event.targets, entities), entities)}")
    if event.place and event.place in places:
        parts.append(f"in {places[event.place].name}")
    parts.append(f"({format_date(event)})")
    sentence = " ".join(parts)
    f = event.fatalities or {}
    if event.type == "ASSAULT" and f:
        lo, hi, best = f.get("low"), f.get("high"), f.get("best")
        if lo is not None and hi is not None and lo != hi:
            sentence += f"; {lo} to {hi} reported killed"
        elif best:
            sentence += f"; {best} reported killed"
    n = len(event.documents)
    sentence += f"; reported by {n} document{'s' if n != 1 else ''}."
    return sentence
