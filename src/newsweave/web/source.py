"""Where the web layer reads from: one small interface over an analysis snapshot.

Why a snapshot: every ``analyze`` run replaces the store's resolved layer
(entities, places, events, claims, disagreements) as a whole, so the consistent
unit to read is "the store as of its last run".  ``StoreSource`` loads that with
``Store.load_results()`` and loads it again when the store's row counts change;
``AnalysisSource`` serves any ``records.Analysis`` (tests, or an ``analysis.json``
read back).  The pages need cross-references the per-query SQL helpers do not
return (names of actors and places, every claim of a document), so one index
answers both the API and the pages, and their filters cannot drift apart.

Every object handed out is a plain dict with the field names of
``analysis.schema.json`` (``Event.as_dict()`` and friends).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import time
from typing import Any, Callable, Optional, Protocol

from newsweave.records import Analysis, Article, Claim, Event
from newsweave.report.analysis_json import document_to_dict
from newsweave.report.common import Index

MAX_PAGE = 500  # the largest page any list endpoint returns


@dataclasses.dataclass(frozen=True, slots=True)
class EventFilter:
    """The timeline's filters; every field optional.  Matching is case-insensitive."""

    type: Optional[str] = None  # PLOVER type
    place: Optional[str] = None  # place id, name, alias, or ISO country code
    date_from: Optional[dt.date] = None  # events whose date range overlaps [date_from, date_to]
    date_to: Optional[dt.date] = None
    actor: Optional[str] = None  # entity id, name or alias among actors or targets
    q: Optional[str] = None  # words in the summary, the actors' or the place's names
    document: Optional[str] = None  # events this document reports

    def is_empty(self) -> bool:
        return not any(dataclasses.astuple(self))


class DataSource(Protocol):
    """What the app needs; ``StoreSource`` and ``AnalysisSource`` provide it."""

    def index(self) -> Index: ...

    def events(self, flt: EventFilter, limit: int = 100, offset: int = 0) -> tuple[list[Event], int]: ...


def _low(text: Optional[str]) -> str:
    return (text or "").strip().casefold()


class AnalysisSource:
    """Serves one ``records.Analysis`` held in memory."""

    def __init__(self, analysis: Analysis):
        self._index = Index(analysis)
        self._prepare()

    # ------------------------------------------------------------- building
    def _prepare(self) -> None:
        ix = self._index
        a = ix.analysis
        self.entity_keys: dict[str, set[str]] = {}
        for e in a.entities:
            keys = {_low(e.id), _low(e.name)} | {_low(x) for x in e.aliases}
            self.entity_keys[e.id] = {k for k in keys if k}
        self.place_keys: dict[str, set[str]] = {}
        for p in a.places:
            keys = {_low(p.id), _low(p.name)} | {_low(x) for x in p.aliases}
            self.place_keys[p.id] = {k for k in keys if k}
        # timeline order: dated events first by start date, then undated; fusion order breaks ties
        order = {ev.id: i for i, ev in enumerate(a.events)}
        self.ordered: list[Event] = sorted(
            a.events, key=lambda ev: (ev.date.start is None, ev.date.start or dt.date.max, order[ev.id])
        )
        self.doc_events: dict[str, list[str]] = {}
        for ev in self.ordered:
            for d in ix.event_docs(ev):
                self.doc_events.setdefault(d, []).append(ev.id)
        self.doc_claims: dict[str, list[Claim]] = {}
        for c in a.claims:
            self.doc_claims.setdefault(c.doc, []).append(c)
        for lst in self.doc_claims.values():
            lst.sort(key=lambda c: (c.start, c.end, c.id))
        self.search_text: dict[str, str] = {}
        for ev in a.events:
            names = [ev.summary, ev.type, ev.mode or ""]
            names += [ix.entity_name(x) for x in ev.actors + ev.targets]
            p = ix.place(ev.place)
            if p:
                names.append(p.name)
            self.search_text[ev.id] = " ".join(names).casefold()

    def index(self) -> Index:
        return self._index

    # ------------------------------------------------------------- events
    def _match(self, ev: Event, flt: EventFilter) -> bool:
        if flt.type and ev.type != flt.type.strip().upper():
            return False
        if flt.place:
            want = _low(flt.place)
            keys = self.place_keys.get(ev.place or "", set())
            p = self._index.place(ev.place)
            in_country = len(want) == 2 and want.isalpha() and p is not None and _low(p.country) == want
            if want not in keys and not in_country:
                return False
        if flt.date_from or flt.date_to:
            start = ev.date.start
            end = ev.date.end or start
            if start is None:
                return False
            if flt.date_from and end < flt.date_from:
                return False
            if flt.date_to and start > flt.date_to:
                return False
        if flt.actor:
            want = _low(flt.actor)
            if not any(want in self.entity_keys.get(x, ()) for x in ev.actors + ev.targets):
                return False
        if flt.q:
            text = self.search_text.get(ev.id, "")
            if not all(word in text for word in flt.q.casefold().split()):
                return False
        if flt.document and ev.id not in self.doc_events.get(flt.document, ()):
            return False
        return True

    def events(self, flt: EventFilter, limit: int = 100, offset: int = 0) -> tuple[list[Event], int]:
        """The events matching ``flt`` in timeline order, one page of them, and how many match."""
        hits = [ev for ev in self.ordered if self._match(ev, flt)]
        return hits[offset : offset + limit], len(hits)

    def event(self, event_id: str) -> Optional[Event]:
        return self._index.events.get(event_id)

    def event_detail(self, event_id: str) -> Optional[dict[str, Any]]:
        """One event with its documents, claims, disagreements, entities and places (schema dicts)."""
        ix = self._index
        ev = ix.events.get(event_id)
        if ev is None:
            return None
        claims = ix.event_claims.get(ev.id, [])
        wanted = set(ev.actors) | set(ev.targets)
        for c in claims:
            wanted.update(x for x in (c.attributed_to, c.value if isinstance(c.value, str) else None) if x)
        return {
            "event": ev.as_dict(),
            "documents": [document_to_dict(ix.docs[d]) for d in ix.event_docs(ev) if d in ix.docs],
            "claims": [c.as_dict() for c in claims],
            "disagreements": [d.as_dict() for d in ix.event_disagreements.get(ev.id, [])],
            "entities": [ix.entities[x].as_dict() for x in sorted(wanted) if x in ix.entities],
            "places": [ix.places[ev.place].as_dict()] if ev.place in ix.places else [],
        }

    # ------------------------------------------------------------- the rest
    def documents(self, q: Optional[str] = None, outlet: Optional[str] = None, event: Optional[str] = None,
                  limit: int = 100, offset: int = 0) -> tuple[list[Article], int]:
        docs = sorted(self._index.analysis.documents, key=lambda a: (a.published or dt.date.max, a.id))
        if outlet:
            docs = [a for a in docs if _low(a.outlet) == _low(outlet)]
        if event:
            ids = set(self._index.event_docs(self._index.events[event])) if event in self._index.events else set()
            docs = [a for a in docs if a.id in ids]
        if q:
            words = q.casefold().split()
            docs = [a for a in docs if all(w in f"{a.title or ''} {a.text}".casefold() for w in words)]
        return docs[offset : offset + limit], len(docs)

    def document(self, doc_id: str) -> Optional[Article]:
        return self._index.docs.get(doc_id)

    def claims_of(self, doc_id: str) -> list[Claim]:
        return self.doc_claims.get(doc_id, [])

    def events_of(self, doc_id: str) -> list[Event]:
        return [self._index.events[x] for x in self.doc_events.get(doc_id, [])]

    def disagreements(self, event: Optional[str] = None, attribute: Optional[str] = None,
                      limit: int = 100, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        items = [d for d in self._index.analysis.disagreements
                 if (not event or d.event == event) and (not attribute or d.attribute == attribute)]
        return [d.as_dict() for d in items[offset : offset + limit]], len(items)

    def entities(self, q: Optional[str] = None, type: Optional[str] = None,
                 limit: int = 100, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        items = sorted(self._index.analysis.entities, key=lambda e: (e.name.casefold(), e.id))
        if type:
            items = [e for e in items if e.type == type.strip().upper()]
        if q:
            want = _low(q)
            items = [e for e in items if any(want in k for k in self.entity_keys.get(e.id, ()))]
        return [e.as_dict() for e in items[offset : offset + limit]], len(items)

    def places(self, ids: Optional[list[str]] = None, q: Optional[str] = None, country: Optional[str] = None,
               limit: int = 100, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        items = sorted(self._index.analysis.places, key=lambda p: (p.name.casefold(), p.id))
        if ids:
            wanted = set(ids)
            items = [p for p in items if p.id in wanted]
        if country:
            items = [p for p in items if _low(p.country) == _low(country)]
        if q:
            want = _low(q)
            items = [p for p in items if any(want in k for k in self.place_keys.get(p.id, ()))]
        return [p.as_dict() for p in items[offset : offset + limit]], len(items)

    def entity_events(self) -> dict[str, int]:
        """How many events each entity takes part in (as actor or target)."""
        out: dict[str, int] = {}
        for ev in self._index.analysis.events:
            for x in set(ev.actors) | set(ev.targets):
                out[x] = out.get(x, 0) + 1
        return out


class StoreSource:
    """Serves what a store holds, as of its last ``analyze`` run.

    The snapshot is loaded on first use and again when the store's row counts
    change (checked at most every ``recheck`` seconds), so a ``serve`` left
    running picks up new runs without a restart.
    """

    def __init__(self, db_url: str, recheck: float = 2.0, store_factory: Optional[Callable[[str], Any]] = None):
        self.db_url = db_url
        self.recheck = recheck
        self._store_factory = store_factory
        self._store: Any = None
        self._lock = threading.Lock()
        self._snapshot: Optional[AnalysisSource] = None
        self._counts: Optional[dict[str, int]] = None
        self._checked = 0.0

    def _open(self) -> Any:
        if self._store is None:
            if self._store_factory is not None:
                self._store = self._store_factory(self.db_url)
            else:
                from newsweave.store.db import Store

                self._store = Store(self.db_url)
        return self._store

    def current(self) -> AnalysisSource:
        """The snapshot, loaded again if the store changed since it was taken."""
        now = time.monotonic()
        with self._lock:
            if self._snapshot is not None and now - self._checked < self.recheck:
                return self._snapshot
            store = self._open()
            counts = store.counts()
            if self._snapshot is None or counts != self._counts:
                self._snapshot = AnalysisSource(store.load_results())
                self._counts = counts
            self._checked = now
            return self._snapshot

    def close(self) -> None:
        if self._store is not None and hasattr(self._store, "close"):
            self._store.close()
        self._store = None
