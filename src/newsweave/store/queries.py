"""Read-only queries for the web API: filtered, paginated lists of plain dicts.

Every dict uses the field names of ``analysis.schema.json`` (an event dict is
``Event.as_dict()``), so the API and ``analysis.json`` speak one language.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Optional, Union

import sqlalchemy as sa

from newsweave.store import schema as t

DateLike = Union[dt.date, str, None]


def _iso(value: DateLike) -> Optional[str]:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return dt.date.fromisoformat(str(value)).isoformat()


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class QueryMixin:
    """The web API's queries; mixed into ``Store`` (needs ``_read`` and ``_load_results``)."""

    def _matching_ids(self, conn, table: sa.Table, owner: str, value: str) -> sa.Select:
        """Ids of entities/places whose id, name or an alias equals ``value`` (case-insensitive)."""
        low = value.lower()
        by_name = sa.select(table.c.id).where(sa.or_(table.c.id == value, sa.func.lower(table.c.name) == low))
        by_alias = sa.select(t.aliases.c.owner_id).where(t.aliases.c.owner == owner, sa.func.lower(t.aliases.c.alias) == low)
        return sa.union(by_name, by_alias)

    def _event_filter(self, conn, type=None, place=None, date_from: DateLike = None, date_to: DateLike = None,
                      actor=None, q=None, document=None) -> sa.Select:
        ev = t.events
        sel = sa.select(ev.c.id, ev.c.position)
        if type:
            sel = sel.where(ev.c.type == str(type).upper())
        if place:
            ids = self._matching_ids(conn, t.places, "place", place)
            conds = [ev.c.place.in_(ids)]
            if len(place) == 2 and place.isalpha():  # an ISO country code: every place in that country
                conds.append(ev.c.place.in_(sa.select(t.places.c.id).where(t.places.c.country == place.upper())))
            sel = sel.where(sa.or_(*conds))
        start, end = _iso(date_from), _iso(date_to)
        if start:
            sel = sel.where(sa.func.coalesce(ev.c.date_end, ev.c.date_start) >= start)
        if end:
            sel = sel.where(ev.c.date_start <= end)
        if actor:
            ids = self._matching_ids(conn, t.entities, "entity", actor)
            sel = sel.where(ev.c.id.in_(sa.select(t.event_entities.c.event_id).where(t.event_entities.c.entity_id.in_(ids))))
        if q:
            sel = sel.where(sa.func.lower(ev.c.summary).like(_like(q), escape="\\"))
        if document:
            sel = sel.where(ev.c.id.in_(sa.select(t.event_documents.c.event_id).where(t.event_documents.c.doc_id == document)))
        return sel

    def list_events(self, type: Optional[str] = None, place: Optional[str] = None, date_from: DateLike = None,
                    date_to: DateLike = None, actor: Optional[str] = None, q: Optional[str] = None,
                    document: Optional[str] = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Events as ``Event.as_dict()``, in fusion order.

        ``type``: PLOVER type; ``place``: place id, name, alias or ISO country
        code; ``date_from``/``date_to``: events whose date range overlaps;
        ``actor``: entity id, name or alias among the actors or targets;
        ``q``: words in the summary; ``document``: events that document reports.
        """
        with self._read() as conn:
            sel = self._event_filter(conn, type, place, date_from, date_to, actor, q, document)
            rows = conn.execute(sel.order_by(t.events.c.position).limit(max(0, int(limit))).offset(max(0, int(offset)))).all()
            events = self._load_events(conn, [r.id for r in rows])
        return [e.as_dict() for e in events]

    def count_events(self, **filters: Any) -> int:
        """How many events ``list_events`` would return without ``limit``/``offset``."""
        with self._read() as conn:
            sel = self._event_filter(conn, **filters).subquery()
            return int(conn.execute(sa.select(sa.func.count()).select_from(sel)).scalar_one())

    def get_event(self, event_id: str) -> Optional[dict[str, Any]]:
        """One event with what it stands on, or None.

        ``{"event": {...}, "documents": [...], "claims": [...], "disagreements": [...],
        "entities": [...], "places": [...]}``: its documents (schema document
        dicts), its claims and disagreements, the entities and places it refers to.
        """
        from newsweave.report.analysis_json import document_to_dict

        with self._read() as conn:
            doc_ids = set(conn.execute(
                sa.select(t.event_documents.c.doc_id).where(t.event_documents.c.event_id == event_id)
            ).scalars())
            exists = conn.execute(sa.select(t.events.c.id).where(t.events.c.id == event_id)).first()
            if exists is None:
                return None
            result = self._load_results(conn, doc_ids, {event_id})
        event = result.events[0]
        wanted_entities = set(event.actors) | set(event.targets)
        claims = [c for c in result.claims if (c.event or c.mention) == event_id]
        for c in claims:
            wanted_entities.update(x for x in (c.attributed_to, c.value if isinstance(c.value, str) else None) if x)
        return {
            "event": event.as_dict(),
            "documents": [document_to_dict(d) for d in result.documents],
            "claims": [c.as_dict() for c in claims],
            "disagreements": [d.as_dict() for d in result.disagreements if d.event == event_id],
            "entities": [e.as_dict() for e in result.entities if e.id in wanted_entities],
            "places": [p.as_dict() for p in result.places if p.id == event.place],
        }

    def list_documents(self, q: Optional[str] = None, outlet: Optional[str] = None, event: Optional[str] = None,
                       limit: int = 100, offset: int = 0, with_text: bool = True) -> list[dict[str, Any]]:
        """Documents as schema dicts (``text`` is the cleaned body), ordered by publication date then id.

        ``q``: words in the title or text; ``outlet``: exact outlet (case-insensitive);
        ``event``: the documents reporting that event; ``with_text=False`` leaves ``text`` empty.
        """
        from newsweave.report.analysis_json import document_to_dict

        d = t.documents
        sel = sa.select(d.c.id)
        if q:
            pattern = _like(q)
            sel = sel.where(sa.or_(sa.func.lower(d.c.title).like(pattern, escape="\\"),
                                   sa.func.lower(d.c.text).like(pattern, escape="\\")))
        if outlet:
            sel = sel.where(sa.func.lower(d.c.outlet) == outlet.lower())
        if event:
            sel = sel.where(d.c.id.in_(sa.select(t.event_documents.c.doc_id).where(t.event_documents.c.event_id == event)))
        sel = sel.order_by(d.c.published, d.c.id).limit(max(0, int(limit))).offset(max(0, int(offset)))
        with self._read() as conn:
            ids = list(conn.execute(sel).scalars())
            docs = {a.id: a for a in self._load_documents(conn, set(ids))}
        out = []
        for i in ids:
            item = document_to_dict(docs[i])
            if not with_text:
                item["text"] = ""
            out.append(item)
        return out

    def list_disagreements(self, event: Optional[str] = None, attribute: Optional[str] = None,
                           limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Disagreements as schema dicts (event, attribute, claims, summary), in fusion order."""
        dis = t.disagreements
        sel = sa.select(dis)
        if event:
            sel = sel.where(dis.c.event_id == event)
        if attribute:
            sel = sel.where(dis.c.attribute == attribute)
        sel = sel.order_by(dis.c.position).limit(max(0, int(limit))).offset(max(0, int(offset)))
        with self._read() as conn:
            rows = conn.execute(sel).all()
        return [{"event": r.event_id, "attribute": r.attribute, "claims": json.loads(r.claims), "summary": r.summary} for r in rows]
