"""The store: what every ``analyze`` run adds to, and what ``serve`` reads.

Why it is shaped this way:

* **Incremental.** Each article's extraction (``DocAnalysis``) is stored once,
  keyed by its content hash; resolution and fusion are re-run over everything
  stored, and the resolved layer (entities, places, events, claims,
  disagreements) is replaced as a whole.  ``event_ids_by_mention`` lets fusion
  keep the ids of events already stored.
* **Idempotent.** An article whose content hash is stored is skipped, whatever
  its file name.
* **Crash-safe.** One transaction per batch of articles: a run killed at any
  moment leaves the store as it was before the batch being written.
* **Concurrent.** SQLite runs in WAL mode (readers never block the writer) and
  every write transaction starts with ``BEGIN IMMEDIATE``, so a second writer
  waits (busy timeout) instead of failing half-way; after the timeout it fails
  with one clear sentence.  On PostgreSQL, writers serialise on an advisory lock
  with the same timeout.
* **Migrated on open.** Alembic migrations (``store/migrations``) run inside the
  opening transaction; no ``alembic.ini`` is needed.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import json
import os
import pathlib
import zlib
from typing import Any, Iterable, Iterator, Optional

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Connection, Engine

from newsweave.errors import E_STORE, NewsweaveError
from newsweave.fingerprint import extractor_fingerprint
from newsweave.records import (
    Analysis,
    Article,
    Claim,
    DateRange,
    Disagreement,
    DocAnalysis,
    Entity,
    Event,
    EventMention,
    Place,
    Removed,
    Span,
)
from newsweave.store import schema as t
from newsweave.store import serialize
from newsweave.store.queries import QueryMixin

PAYLOAD_FORMAT = 1  # analyses.payload: zlib-compressed UTF-8 JSON of serialize.to_json(DocAnalysis)
MIGRATIONS = pathlib.Path(__file__).resolve().parent / "migrations"
_PG_LOCK_KEY = 0x6E657773  # "news": the advisory lock all newsweave writers share
_CHUNK = 500  # ids per IN (...) query
_INSERT_ROWS = 2000  # rows per INSERT of the resolved layer: bounded memory, few round trips


class StoreError(NewsweaveError):
    """The store cannot be opened, read or written."""

    def __init__(self, message: str):
        super().__init__(E_STORE, message)


class StoreBusy(StoreError):
    """Another run held the write lock for longer than the busy timeout."""


class StoreChanged(StoreError):
    """Results were computed from a store that has changed since (another run added articles)."""


def engine_url(url: str) -> str:
    """``postgresql://`` (and ``postgres://``) go through psycopg 3; other URLs are used as given."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _batched(rows: Iterable[Any], n: int) -> Iterator[list[Any]]:
    """``rows`` in lists of at most ``n`` (none for no rows)."""
    chunk: list[Any] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _chunks(items: list[Any], n: int = _CHUNK) -> Iterator[list[Any]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _pack(analysis: DocAnalysis) -> bytes:
    return zlib.compress(serialize.to_json(analysis).encode("utf-8"), 1)


def _unpack(payload: bytes) -> DocAnalysis:
    return serialize.from_json(DocAnalysis, zlib.decompress(payload).decode("utf-8"))


@dataclasses.dataclass
class PackedAnalysis:
    """One article's extraction already in its stored form: what ``--workers`` and
    Dask workers hand back.  Packing where the extraction ran spares the process
    that writes the store from unpickling every mention and serialising it again
    (the serial part of a run with several workers), and the packed form is
    several times smaller to send between processes."""

    article: Article
    payload: bytes

    @classmethod
    def of(cls, analysis: DocAnalysis) -> "PackedAnalysis":
        return cls(analysis.article, _pack(analysis))

    def unpack(self) -> DocAnalysis:
        return _unpack(self.payload)


def _jload(text: Optional[str]) -> Any:
    return None if text is None else json.loads(text)


def _jdump(value: Any) -> Optional[str]:
    return None if value is None else serialize.dumps(value)


class Store(QueryMixin):
    """One newsweave store (``sqlite:///path`` or ``postgresql://...``).

    Opening applies any pending migration.  Methods open their own short
    transactions; the object may be shared by threads (``serve``).
    """

    def __init__(self, url: str, *, timeout: float = 30.0, migrate: bool = True):
        self.url = url
        self.timeout = timeout
        try:
            self.engine: Engine = self._make_engine(engine_url(url), timeout)
        except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as exc:
            raise StoreError(f"{url!r} is not a store URL newsweave can use ({exc}).") from None
        self.dialect = self.engine.dialect.name
        if migrate:
            self.migrate()

    # ------------------------------------------------------------------ plumbing

    @staticmethod
    def _make_engine(url: str, timeout: float) -> Engine:
        parsed = sa.engine.make_url(url)
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database or ""
            memory = database in ("", ":memory:") or database.startswith("file::memory:")
            if not memory:
                folder = os.path.dirname(os.path.abspath(database))
                if not os.path.isdir(folder):
                    raise StoreError(f"cannot create the store {database!r}: the folder {folder!r} does not exist.")
            kwargs: dict[str, Any] = {"connect_args": {"timeout": timeout, "check_same_thread": False}}
            if memory:
                kwargs["poolclass"] = sa.pool.StaticPool
            engine = sa.create_engine(url, **kwargs)

            @sa_event.listens_for(engine, "connect")
            def _on_connect(dbapi_conn, _record) -> None:
                dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
                cur = dbapi_conn.cursor()
                cur.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
                if not memory:
                    cur.execute("PRAGMA journal_mode = WAL")
                    cur.execute("PRAGMA synchronous = NORMAL")
                cur.execute("PRAGMA foreign_keys = ON")
                cur.close()

            @sa_event.listens_for(engine, "begin")
            def _on_begin(conn: Connection) -> None:
                write = conn.get_execution_options().get("newsweave_write", False)
                conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

            return engine
        return sa.create_engine(url, pool_pre_ping=True)

    def _translate(self, exc: Exception) -> StoreError:
        lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        text = lines[0] if lines else type(exc).__name__
        lowered = text.lower()
        if "locked" in lowered or "lock timeout" in lowered or "lock_not_available" in lowered or "canceling statement due to lock" in lowered:
            return StoreBusy(
                f"the store {self._shown_url()} is busy: another newsweave run has been writing to it for more than "
                f"{self.timeout:g} s; try again when it has finished."
            )
        return StoreError(f"the store {self._shown_url()} failed: {text}")

    def _shown_url(self) -> str:
        try:
            return sa.engine.make_url(self.url).render_as_string(hide_password=True)
        except Exception:
            return "(unparsable URL)"

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction: BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL."""
        try:
            with self.engine.connect() as conn:
                conn.execution_options(newsweave_write=True)
                with conn.begin():
                    if self.dialect == "postgresql":
                        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(self.timeout * 1000)}ms'")
                        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_KEY})")
                    yield conn
        except (sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.DatabaseError) as exc:
            raise self._translate(exc) from exc

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        """One read transaction: a consistent snapshot while another run writes."""
        try:
            with self.engine.connect() as conn:
                with conn.begin():
                    yield conn
        except (sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.DatabaseError) as exc:
            raise self._translate(exc) from exc

    def migrate(self) -> None:
        """Bring the schema to the newest migration, in one transaction."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self._write() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ documents

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The content hashes among ``hashes`` that are already stored."""
        return set(self.doc_ids_by_hash(hashes))

    def doc_ids_by_hash(self, hashes: Iterable[str]) -> dict[str, str]:
        """content hash -> stored document id, for the hashes already stored."""
        wanted = sorted(set(hashes))
        out: dict[str, str] = {}
        with self._read() as conn:
            for chunk in _chunks(wanted):
                rows = conn.execute(
                    sa.select(t.documents.c.content_hash, t.documents.c.id).where(t.documents.c.content_hash.in_(chunk))
                )
                out.update({h: i for h, i in rows})
        return out

    def hashes_by_doc_id(self, ids: Iterable[str]) -> dict[str, str]:
        """document id -> content hash, for the ids already stored (to tell a re-used id)."""
        wanted = sorted(set(ids))
        out: dict[str, str] = {}
        with self._read() as conn:
            for chunk in _chunks(wanted):
                rows = conn.execute(sa.select(t.documents.c.id, t.documents.c.content_hash).where(t.documents.c.id.in_(chunk)))
                out.update({i: h for i, h in rows})
        return out

    def document_count(self) -> int:
        """How many documents are stored (it only grows: a cheap version number of the extraction layer)."""
        with self._read() as conn:
            return self._document_count(conn)

    @staticmethod
    def _document_count(conn: Connection) -> int:
        return int(conn.execute(sa.select(sa.func.count()).select_from(t.documents)).scalar_one())

    def stale_doc_ids(self) -> list[str]:
        """Stored documents whose analysis another version of the extractor made (or
        none recorded, from before the store kept it): they are to be extracted again."""
        current = extractor_fingerprint()
        with self._read() as conn:
            return sorted(conn.execute(
                sa.select(t.analyses.c.doc_id).where(
                    sa.or_(t.analyses.c.extractor.is_(None), t.analyses.c.extractor != current)
                )
            ).scalars())

    def replace_analyses(self, analyses: list[DocAnalysis | PackedAnalysis]) -> int:
        """Replace stored documents' analyses (and their cleaning and metadata) with new
        extractions of the same content, in ONE transaction; returns how many were
        replaced.  An article whose content hash is not stored under its id is an error."""
        if not analyses:
            return 0
        extractor = extractor_fingerprint()
        with self._write() as conn:
            ids = sorted({a.article.id for a in analyses})
            known: dict[str, str] = {}
            for chunk in _chunks(ids):
                known.update(dict(conn.execute(sa.select(t.documents.c.id, t.documents.c.content_hash).where(t.documents.c.id.in_(chunk))).all()))
            now = _now()
            for a in analyses:
                art = a.article
                if known.get(art.id) != art.content_hash:
                    raise StoreError(f"the document {art.id!r} is not stored with this content; its analysis cannot be replaced.")
                row = self._document_row(art, now)
                del row["id"], row["added_at"]
                conn.execute(t.documents.update().where(t.documents.c.id == art.id).values(**row))
                payload = a.payload if isinstance(a, PackedAnalysis) else _pack(a)
                conn.execute(
                    t.analyses.update().where(t.analyses.c.doc_id == art.id)
                    .values(format=PAYLOAD_FORMAT, payload=payload, extractor=extractor)
                )
        return len(analyses)

    def add_analyses(self, analyses: list[DocAnalysis | PackedAnalysis]) -> int:
        """Store a batch of extracted articles in ONE transaction; returns how many were new.

        Items may be ``DocAnalysis`` records or ``PackedAnalysis`` (already packed by a worker).

        An article whose content hash is already stored (or repeated in the batch)
        is skipped.  An article with a new content hash but the id of a stored
        document is an error: give it another id before extraction.
        """
        if not analyses:
            return 0
        extractor = extractor_fingerprint()
        added = 0
        with self._write() as conn:
            hashes = [a.article.content_hash for a in analyses]
            if any(not h for h in hashes):
                raise StoreError("an article without a content hash cannot be stored; compute it when reading.")
            stored = set()
            for chunk in _chunks(sorted(set(hashes))):
                stored.update(conn.execute(sa.select(t.documents.c.content_hash).where(t.documents.c.content_hash.in_(chunk))).scalars())
            ids = sorted({a.article.id for a in analyses})
            taken: dict[str, str] = {}
            for chunk in _chunks(ids):
                taken.update(dict(conn.execute(sa.select(t.documents.c.id, t.documents.c.content_hash).where(t.documents.c.id.in_(chunk))).all()))
            doc_rows, payload_rows = [], []
            now = _now()
            for a in analyses:
                art = a.article
                if art.content_hash in stored:
                    continue
                if art.id in taken and taken[art.id] != art.content_hash:
                    raise StoreError(
                        f"the document id {art.id!r} is already stored with other content; "
                        "the new article needs another id."
                    )
                stored.add(art.content_hash)
                taken[art.id] = art.content_hash
                doc_rows.append(self._document_row(art, now))
                payload = a.payload if isinstance(a, PackedAnalysis) else _pack(a)
                payload_rows.append({"doc_id": art.id, "format": PAYLOAD_FORMAT, "payload": payload, "extractor": extractor})
            if doc_rows:
                conn.execute(t.documents.insert(), doc_rows)
                conn.execute(t.analyses.insert(), payload_rows)
            added = len(doc_rows)
        return added

    @staticmethod
    def _document_row(art: Article, now: str) -> dict[str, Any]:
        return {
            "id": art.id,
            "source": art.source,
            "url": art.url,
            "outlet": art.outlet,
            "title": art.title,
            "byline": art.byline,
            "published": art.published.isoformat() if art.published else None,
            "language": art.language,
            "content_hash": art.content_hash,
            "text": art.text,
            "removed": serialize.dumps([r.as_dict() for r in art.removed]),
            "fixed": serialize.dumps(sorted(art.fixed)),
            "added_at": now,
        }

    @staticmethod
    def _article(row: Any) -> Article:
        from newsweave.clean import first_posted

        art = Article(
            id=row.id,
            source=row.source,
            text=row.text,
            outlet=row.outlet,
            title=row.title,
            byline=row.byline,
            published=dt.date.fromisoformat(row.published) if row.published else None,
            language=row.language,
            url=row.url,
            removed=[Removed(r["start"], r["end"], r["reason"]) for r in json.loads(row.removed)],
            fixed=frozenset(json.loads(row.fixed)),
            content_hash=row.content_hash,
        )
        art.posted = first_posted(art)
        return art

    def iter_analyses(self, doc_ids: Optional[Iterable[str]] = None, chunk: int = 200) -> Iterator[DocAnalysis]:
        """Stored extractions, in document id order, read ``chunk`` at a time (all when ``doc_ids`` is None)."""
        if doc_ids is None:
            last: Optional[str] = None
            while True:
                with self._read() as conn:
                    q = sa.select(t.analyses.c.doc_id, t.analyses.c.payload).order_by(t.analyses.c.doc_id).limit(chunk)
                    if last is not None:
                        q = q.where(t.analyses.c.doc_id > last)
                    rows = conn.execute(q).all()
                if not rows:
                    return
                for _, payload in rows:
                    yield _unpack(payload)
                last = rows[-1][0]
        else:
            wanted = sorted(set(doc_ids))
            for ids in _chunks(wanted, chunk):
                with self._read() as conn:
                    rows = conn.execute(
                        sa.select(t.analyses.c.payload).where(t.analyses.c.doc_id.in_(ids)).order_by(t.analyses.c.doc_id)
                    ).scalars().all()
                for payload in rows:
                    yield _unpack(payload)

    def load_analyses(self, doc_ids: Optional[Iterable[str]] = None) -> list[DocAnalysis]:
        """Every stored extraction (or those of ``doc_ids``), in document id order."""
        return list(self.iter_analyses(doc_ids))

    def load_documents(self, doc_ids: Optional[Iterable[str]] = None) -> list[Article]:
        with self._read() as conn:
            return self._load_documents(conn, None if doc_ids is None else set(doc_ids))

    def _load_documents(self, conn: Connection, ids: Optional[set[str]]) -> list[Article]:
        q = sa.select(t.documents).order_by(t.documents.c.id)
        if ids is None:
            return [self._article(r) for r in conn.execute(q)]
        out: list[Article] = []
        for chunk in _chunks(sorted(ids)):
            out.extend(self._article(r) for r in conn.execute(q.where(t.documents.c.id.in_(chunk))))
        out.sort(key=lambda a: a.id)
        return out

    # ------------------------------------------------------------------ resolved layer

    def save_results(self, analysis: Analysis, based_on: Optional[int] = None) -> None:
        """Replace the resolved layer with ``analysis`` in one transaction.

        ``based_on``: the ``document_count()`` the analysis was computed from;
        when given and another run has added documents since, nothing is written
        and ``StoreChanged`` is raised, so the caller can fuse again.
        """
        with self._write() as conn:
            if based_on is not None and self._document_count(conn) != based_on:
                raise StoreChanged("another run added articles to the store while this one was fusing.")
            for table in t.RESOLVED_TABLES:
                conn.execute(table.delete())
            rows = self._result_rows(analysis)
            for table in (t.entities, t.places, t.aliases, t.spans, t.events, t.event_entities,
                          t.event_documents, t.event_mentions, t.merge_reasons, t.claims, t.disagreements):
                for chunk in _batched(rows[table.name], _INSERT_ROWS):
                    self._insert_many(conn, table, chunk)

    def _insert_many(self, conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
        """``conn.execute(table.insert(), rows)``; on SQLite straight through the driver's
        ``executemany`` (the statement compiled once, rows as tuples): the resolved layer
        is tens of thousands of rows, and the per-row parameter handling of the general
        path cost more than the writing.  Every column of these tables is text or a
        number, which the driver binds as they are."""
        if self.dialect != "sqlite" or not rows:
            conn.execute(table.insert(), rows)
            return
        keys = list(rows[0])
        compiled = table.insert().compile(dialect=conn.dialect, column_keys=keys)
        order = compiled.positiontup
        if order is None or set(order) != set(keys) or any(len(r) != len(keys) for r in rows):
            conn.execute(table.insert(), rows)  # defaults to fill in, or ragged rows: the general path
            return
        conn.exec_driver_sql(str(compiled), [tuple(r[k] for k in order) for r in rows])

    @staticmethod
    def _result_rows(analysis: Analysis) -> dict[str, Iterator[dict[str, Any]]]:
        """The rows of every resolved table, each table's rows made lazily: a run
        over many thousands of articles never holds all rows (nor all their JSON) at once."""

        def owned(owner: str, records: list) -> Iterator[tuple[str, list[str], list[Span]]]:
            return ((owner, r.id, r.aliases, r.mentions) for r in records)

        def aliases() -> Iterator[dict[str, Any]]:
            for owner, owner_id, names, _ in [*owned("entity", analysis.entities), *owned("place", analysis.places)]:
                yield from ({"owner": owner, "owner_id": owner_id, "position": i, "alias": a} for i, a in enumerate(names))

        def spans() -> Iterator[dict[str, Any]]:
            for owner, owner_id, _, mentions in [*owned("entity", analysis.entities), *owned("place", analysis.places)]:
                yield from (
                    {"owner": owner, "owner_id": owner_id, "position": i, "doc": s.doc, "start": s.start, "end": s.end, "text": s.text,
                     "field": s.field}
                    for i, s in enumerate(mentions)
                )

        def entities() -> Iterator[dict[str, Any]]:
            for pos, e in enumerate(analysis.entities):
                yield {"id": e.id, "position": pos, "name": e.name, "type": e.type, "affiliation": e.affiliation}

        def places() -> Iterator[dict[str, Any]]:
            for pos, p in enumerate(analysis.places):
                yield {
                    "id": p.id, "position": pos, "name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country,
                    "kind": p.kind, "geonames_id": p.geonames_id, "admin1": p.admin1, "population": p.population,
                    "source": p.source,
                }

        def events() -> Iterator[dict[str, Any]]:
            for pos, ev in enumerate(analysis.events):
                yield {
                    "id": ev.id, "position": pos, "type": ev.type, "mode": ev.mode, "acled": _jdump(ev.acled),
                    "date_start": ev.date.start.isoformat() if ev.date.start else None,
                    "date_end": ev.date.end.isoformat() if ev.date.end else None,
                    "precision": ev.date.precision, "date_text": serialize.dumps(list(ev.date_text)),
                    "place": ev.place, "fatalities": _jdump(ev.fatalities), "summary": ev.summary,
                }

        def event_entities() -> Iterator[dict[str, Any]]:
            for ev in analysis.events:
                for role, ids in (("actor", ev.actors), ("target", ev.targets)):
                    yield from ({"event_id": ev.id, "role": role, "position": i, "entity_id": x} for i, x in enumerate(ids))

        def event_documents() -> Iterator[dict[str, Any]]:
            for ev in analysis.events:
                yield from ({"event_id": ev.id, "position": i, "doc_id": d} for i, d in enumerate(ev.documents))

        def event_mentions() -> Iterator[dict[str, Any]]:
            for ev in analysis.events:
                yield from (
                    {"event_id": ev.id, "position": i, "mention_id": m.id, "doc": m.doc, "payload": serialize.to_json(m)}
                    for i, m in enumerate(ev.mentions)
                )

        def merge_reasons() -> Iterator[dict[str, Any]]:
            for ev in analysis.events:
                yield from ({"event_id": ev.id, "position": i, "reason": r} for i, r in enumerate(ev.merge_reasons))

        def claims() -> Iterator[dict[str, Any]]:
            for pos, c in enumerate(analysis.claims):
                yield {
                    "position": pos, "id": c.id, "event_id": c.event or c.mention, "attribute": c.attribute,
                    "value": serialize.dumps(serialize.value_to_data(c.value)), "qualifier": c.qualifier, "subject": c.subject,
                    "doc": c.doc, "start": c.start, "end": c.end, "quote": c.quote, "attributed_to": c.attributed_to,
                    "payload": serialize.to_json(c), "field": c.field,
                }

        def disagreements() -> Iterator[dict[str, Any]]:
            for pos, d in enumerate(analysis.disagreements):
                yield {
                    "position": pos, "event_id": d.event, "attribute": d.attribute,
                    "claims": serialize.dumps(list(d.claims)), "summary": d.summary,
                }

        makers = {"aliases": aliases, "spans": spans, "entities": entities, "places": places, "events": events,
                  "event_entities": event_entities, "event_documents": event_documents, "event_mentions": event_mentions,
                  "merge_reasons": merge_reasons, "claims": claims, "disagreements": disagreements}
        return {table.name: makers[table.name]() for table in t.RESOLVED_TABLES}

    def load_results(self, doc_ids: Optional[Iterable[str]] = None) -> Analysis:
        """The resolved layer as an ``Analysis`` (documents included, ``problems`` empty).

        With ``doc_ids``: those documents, every event they report, all of those
        events' documents and claims, the entities and places these refer to, and
        the disagreements of those events.  Entity and place mentions are kept
        only where they fall in the documents returned.
        """
        with self._read() as conn:
            if doc_ids is None:
                return self._load_results(conn, None, None)
            wanted = set(doc_ids)
            event_ids: set[str] = set()
            for chunk in _chunks(sorted(wanted)):
                event_ids.update(conn.execute(
                    sa.select(t.event_documents.c.event_id).where(t.event_documents.c.doc_id.in_(chunk))
                ).scalars())
            docs = set(wanted)
            for chunk in _chunks(sorted(event_ids)):
                docs.update(conn.execute(
                    sa.select(t.event_documents.c.doc_id).where(t.event_documents.c.event_id.in_(chunk))
                ).scalars())
            return self._load_results(conn, docs, event_ids)

    def _load_results(self, conn: Connection, docs: Optional[set[str]], event_ids: Optional[set[str]]) -> Analysis:
        documents = self._load_documents(conn, docs)
        if docs is not None:  # documents asked for but never stored are not invented
            docs = {a.id for a in documents}

        select_in = functools.partial(_select_in, conn)
        events = self._load_events(conn, event_ids)
        ids = {e.id for e in events} if event_ids is not None else None

        if event_ids is None:
            claim_rows = list(conn.execute(sa.select(t.claims.c.payload, t.claims.c.position).order_by(t.claims.c.position)))
            dis_rows = list(conn.execute(sa.select(t.disagreements).order_by(t.disagreements.c.position)))
        else:
            by_pos: dict[int, Any] = {}
            for r in select_in(t.claims, t.claims.c.event_id, ids, [t.claims.c.position]):
                by_pos[r.position] = r
            for r in select_in(t.claims, t.claims.c.doc, docs, [t.claims.c.position]):
                by_pos[r.position] = r
            claim_rows = [by_pos[p] for p in sorted(by_pos)]
            dis_rows = sorted(select_in(t.disagreements, t.disagreements.c.event_id, ids, [t.disagreements.c.position]), key=lambda r: r.position)
        claims = [serialize.from_json(Claim, r.payload) for r in claim_rows]
        disagreements = [Disagreement(r.event_id, r.attribute, json.loads(r.claims), r.summary) for r in dis_rows]

        # entities and places: all, or those the selection refers to or mentions
        if docs is None:
            ent_ids = place_ids = None
        else:
            ent_ids = {x for e in events for x in e.actors + e.targets}
            place_ids = {e.place for e in events if e.place}
            for chunk in _chunks(sorted(docs)):
                for owner, owner_id in conn.execute(sa.select(t.spans.c.owner, t.spans.c.owner_id).where(t.spans.c.doc.in_(chunk))):
                    (ent_ids if owner == "entity" else place_ids).add(owner_id)
            for c in claims:  # attributions and values that name an entity id
                for v in (c.attributed_to, c.value if isinstance(c.value, str) else None):
                    if v:
                        ent_ids.add(v)
        ent_rows = select_in(t.entities, t.entities.c.id, ent_ids, [t.entities.c.position])
        if ent_ids is not None:  # affiliations (parents, sponsors) come along, transitively
            have = {r.id for r in ent_rows}
            todo = {r.affiliation for r in ent_rows if r.affiliation and r.affiliation not in have}
            while todo:
                more = select_in(t.entities, t.entities.c.id, todo, [t.entities.c.position])
                ent_rows.extend(more)
                have.update(r.id for r in more)
                todo = {r.affiliation for r in more if r.affiliation and r.affiliation not in have}
        ent_rows.sort(key=lambda r: r.position)
        place_rows = sorted(select_in(t.places, t.places.c.id, place_ids, [t.places.c.position]), key=lambda r: r.position)
        owners = {("entity", r.id) for r in ent_rows} | {("place", r.id) for r in place_rows}
        alias_rows = self._owned(conn, t.aliases, owners if docs is not None else None)
        span_rows = self._owned(conn, t.spans, owners if docs is not None else None)
        aliases = _grouped_owned(alias_rows, lambda r: r.alias)
        spans = _grouped_owned(
            [r for r in span_rows if docs is None or r.doc in docs], lambda r: Span(r.doc, r.start, r.end, r.text, r.field)
        )
        entities = [
            Entity(id=r.id, name=r.name, type=r.type, aliases=aliases.get(("entity", r.id), []), affiliation=r.affiliation,
                   mentions=spans.get(("entity", r.id), []))
            for r in ent_rows
        ]
        places = [
            Place(id=r.id, name=r.name, lat=r.lat, lon=r.lon, country=r.country, kind=r.kind, geonames_id=r.geonames_id,
                  admin1=r.admin1, population=r.population, source=r.source, aliases=aliases.get(("place", r.id), []),
                  mentions=spans.get(("place", r.id), []))
            for r in place_rows
        ]
        return Analysis(documents=documents, entities=entities, places=places, events=events, claims=claims,
                        disagreements=disagreements)

    @staticmethod
    def _load_events(conn: Connection, event_ids: Optional[Iterable[str]]) -> list[Event]:
        """Events with their actors, targets, documents, mentions and merge reasons, in fusion order."""
        ids = None if event_ids is None else set(event_ids)
        select_in = functools.partial(_select_in, conn)
        ev_rows = sorted(select_in(t.events, t.events.c.id, ids, [t.events.c.position]), key=lambda r: r.position)
        ee, ed, em, mr = t.event_entities, t.event_documents, t.event_mentions, t.merge_reasons
        ent_links = select_in(ee, ee.c.event_id, ids, [ee.c.event_id, ee.c.role, ee.c.position])
        doc_links = select_in(ed, ed.c.event_id, ids, [ed.c.event_id, ed.c.position])
        mention_rows = select_in(em, em.c.event_id, ids, [em.c.event_id, em.c.position])
        reason_rows = select_in(mr, mr.c.event_id, ids, [mr.c.event_id, mr.c.position])

        def grouped(rows: list[Any], value) -> dict[str, list]:
            out: dict[str, list] = {}
            for r in sorted(rows, key=lambda r: (r.event_id, r.position)):
                out.setdefault(r.event_id, []).append(value(r))
            return out

        actors = grouped([r for r in ent_links if r.role == "actor"], lambda r: r.entity_id)
        targets = grouped([r for r in ent_links if r.role == "target"], lambda r: r.entity_id)
        ev_docs = grouped(doc_links, lambda r: r.doc_id)
        ev_mentions = grouped(mention_rows, lambda r: serialize.from_json(EventMention, r.payload))
        reasons = grouped(reason_rows, lambda r: r.reason)
        return [
            Event(
                id=r.id, type=r.type, mode=r.mode, acled=_jload(r.acled),
                date=DateRange(
                    dt.date.fromisoformat(r.date_start) if r.date_start else None,
                    dt.date.fromisoformat(r.date_end) if r.date_end else None,
                    r.precision,
                ),
                date_text=json.loads(r.date_text), place=r.place,
                actors=actors.get(r.id, []), targets=targets.get(r.id, []), documents=ev_docs.get(r.id, []),
                mentions=ev_mentions.get(r.id, []), fatalities=_jload(r.fatalities), summary=r.summary,
                merge_reasons=reasons.get(r.id, []),
            )
            for r in ev_rows
        ]

    @staticmethod
    def _owned(conn: Connection, table: sa.Table, owners: Optional[set[tuple[str, str]]]) -> list[Any]:
        q = sa.select(table).order_by(table.c.owner, table.c.owner_id, table.c.position)
        if owners is None:
            return list(conn.execute(q))
        out: list[Any] = []
        for owner in ("entity", "place"):
            ids = sorted(i for o, i in owners if o == owner)
            for chunk in _chunks(ids):
                out.extend(conn.execute(q.where(table.c.owner == owner, table.c.owner_id.in_(chunk))))
        return out

    def event_ids_by_mention(self) -> dict[str, str]:
        """EventMention id -> stored Event id: lets fusion keep the ids of stored events."""
        with self._read() as conn:
            return dict(conn.execute(sa.select(t.event_mentions.c.mention_id, t.event_mentions.c.event_id)).all())

    def counts(self) -> dict[str, int]:
        """Rows per kind of record: documents, entities, places, events, claims, disagreements."""
        with self._read() as conn:
            return {
                name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
                for name, table in (("documents", t.documents), ("entities", t.entities), ("places", t.places),
                                    ("events", t.events), ("claims", t.claims), ("disagreements", t.disagreements))
            }

    # ------------------------------------------------------------------ fetch log

    def fetch_state(self, urls: Iterable[str]) -> dict[str, dict[str, Any]]:
        """What was fetched before, per URL: kind, etag, last_modified, content_hash, stored (bool), status, fetched_at."""
        wanted = sorted(set(urls))
        out: dict[str, dict[str, Any]] = {}
        with self._read() as conn:
            for chunk in _chunks(wanted):
                q = (
                    sa.select(t.fetched, t.documents.c.id.label("doc_id"))
                    .select_from(t.fetched.outerjoin(t.documents, t.documents.c.content_hash == t.fetched.c.content_hash))
                    .where(t.fetched.c.url.in_(chunk))
                )
                for r in conn.execute(q):
                    out[r.url] = {
                        "kind": r.kind, "etag": r.etag, "last_modified": r.last_modified, "content_hash": r.content_hash,
                        "status": r.status, "fetched_at": r.fetched_at, "stored": r.doc_id is not None, "doc_id": r.doc_id,
                    }
        return out

    def mark_fetched(self, url: str, kind: str, *, etag: Optional[str] = None, last_modified: Optional[str] = None,
                     content_hash: Optional[str] = None, status: Optional[str] = None) -> None:
        """Remember one fetch (replacing what was remembered for that URL)."""
        row = {"url": url, "kind": kind, "etag": etag, "last_modified": last_modified, "content_hash": content_hash,
               "status": status, "fetched_at": _now()}
        with self._write() as conn:
            conn.execute(t.fetched.delete().where(t.fetched.c.url == url))
            conn.execute(t.fetched.insert(), [row])


def select_results(analysis: Analysis, doc_ids: Iterable[str]) -> Analysis:
    """What ``Store.load_results(doc_ids)`` returns right after ``save_results(analysis)``,
    taken from ``analysis`` itself instead of read back from the store.

    ``analysis`` must be the resolved layer of every stored document (what
    ``analyze`` has just saved), with ``documents`` the stored articles.  The
    selection is the same as ``load_results``': those documents, every event they
    report, all of those events' documents and claims, the entities and places they
    refer to or mention (affiliations transitively), the disagreements of those
    events; entity and place mentions only where they fall in the documents
    returned.  Reading it all back costs as much as writing it; ``analyze`` uses this."""
    wanted = set(doc_ids)
    events = [e for e in analysis.events if any(d in wanted for d in e.documents)]
    ids = {e.id for e in events}
    docs = set(wanted)
    for e in events:
        docs.update(e.documents)
    documents = sorted((a for a in analysis.documents if a.id in docs), key=lambda a: a.id)
    docs = {a.id for a in documents}  # documents asked for but never stored are not invented

    claims = [c for c in analysis.claims if (c.event or c.mention) in ids or c.doc in docs]
    disagreements = [d for d in analysis.disagreements if d.event in ids]

    ent_ids = {x for e in events for x in e.actors + e.targets}
    place_ids = {e.place for e in events if e.place}
    for e in analysis.entities:
        if any(s.doc in docs for s in e.mentions):
            ent_ids.add(e.id)
    for p in analysis.places:
        if any(s.doc in docs for s in p.mentions):
            place_ids.add(p.id)
    for c in claims:  # attributions and values that name an entity id
        for v in (c.attributed_to, c.value if isinstance(c.value, str) else None):
            if v:
                ent_ids.add(v)
    by_id = {e.id: e for e in analysis.entities}
    have = {i for i in ent_ids if i in by_id}
    todo = {by_id[i].affiliation for i in have if by_id[i].affiliation and by_id[i].affiliation not in have}
    while todo:  # affiliations (parents, sponsors) come along, transitively
        more = {i for i in todo if i in by_id}
        have |= more
        todo = {by_id[i].affiliation for i in more if by_id[i].affiliation and by_id[i].affiliation not in have}
    entities = [
        Entity(id=e.id, name=e.name, type=e.type, aliases=list(e.aliases), affiliation=e.affiliation,
               mentions=[s for s in e.mentions if s.doc in docs])
        for e in analysis.entities if e.id in have
    ]
    places = [
        dataclasses.replace(p, aliases=list(p.aliases), mentions=[s for s in p.mentions if s.doc in docs])
        for p in analysis.places if p.id in place_ids
    ]
    return Analysis(documents=documents, entities=entities, places=places, events=events, claims=claims,
                    disagreements=disagreements)


def _select_in(conn: Connection, table: sa.Table, column: sa.Column, ids: Optional[set[str]], order: list) -> list[Any]:
    """Rows of ``table`` whose ``column`` is in ``ids`` (all rows when ``ids`` is None), queried in chunks."""
    q = sa.select(table).order_by(*order)
    if ids is None:
        return list(conn.execute(q))
    out: list[Any] = []
    for chunk in _chunks(sorted(ids)):
        out.extend(conn.execute(q.where(column.in_(chunk))))
    return out


def _grouped_owned(rows: list[Any], value) -> dict[tuple[str, str], list]:
    out: dict[tuple[str, str], list] = {}
    for r in rows:
        out.setdefault((r.owner, r.owner_id), []).append(value(r))
    return out
