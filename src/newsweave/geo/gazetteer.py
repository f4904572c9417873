"""The gazetteer: a read-only SQLite index of places, opened in milliseconds.

``load_gazetteer()`` builds the index on first use (see ``build.py``) into the
cache folder (``$NEWSWEAVE_CACHE``, else ``$XDG_CACHE_HOME/newsweave``, else
``~/.cache/newsweave``) and afterwards only opens it.  Lookups go through the
index and are memoised per process, so the cost per mention is a dict hit for
names seen before.  A ``Gazetteer`` pickles as its path, so worker processes
reopen the same file.
"""
from __future__ import annotations

import functools
import logging
import math
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from rapidfuzz import fuzz, process

from newsweave.errors import NewsweaveError
from newsweave.geo.build import build, inputs_hash
from newsweave.geo.normalize import name_key, skeleton
from newsweave.records import Place

E_GAZETTEER = "E400"
log = logging.getLogger(__name__)
EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    rowid: int
    id: str
    name: str
    lat: float
    lon: float
    country: str
    kind: str
    geonames_id: Optional[int]
    admin1: Optional[str]
    admin1_code: Optional[str]
    population: int
    source: str


_COLUMNS = "p.rowid, p.id, p.name, p.lat, p.lon, p.country, p.kind, p.geonames_id, p.admin1, p.admin1_code, p.population, p.source"


def cache_dir() -> Path:
    env = os.environ.get("NEWSWEAVE_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newsweave"


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{inputs_hash()}.sqlite"


class Gazetteer:
    """Places by id and by name; every method is safe to call from one thread at a time."""

    FUZZY_MIN = 86.0  # rapidfuzz ratio of name keys; below this, spellings are different names

    def __init__(self, path: Path):
        self.path = Path(path)
        self._open()

    def _open(self) -> None:
        uri = f"file:{self.path}?mode=ro&immutable=1"
        try:
            self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise NewsweaveError(E_GAZETTEER, f"The gazetteer index {self.path} cannot be opened: {exc}.") from exc
        self._con.execute("PRAGMA mmap_size = 268435456")  # read pages straight from the page cache
        self._con.execute("PRAGMA cache_size = -32000")
        self._lock = threading.Lock()
        self._by_key: dict[str, tuple[Candidate, ...]] = {}
        self._alt: dict[str, frozenset[int]] = {}
        self._admin1: dict[tuple[str, str], Optional[Candidate]] = {}
        self._fuzzy: dict[str, tuple[Candidate, ...]] = {}
        self._by_id: dict[str, Optional[Candidate]] = {}
        self._by_rowid: dict[int, Candidate] = {}
        self.preferred: dict[str, int] = dict(self._con.execute("SELECT key, pid FROM preferred"))
        self._states: Optional[dict[str, Candidate]] = None
        self._countries: Optional[tuple[Candidate, ...]] = None
        self._text_matchers = None

    def __getstate__(self) -> dict:
        return {"path": str(self.path)}

    def __setstate__(self, state: dict) -> None:
        self.path = Path(state["path"])
        self._open()

    # ------------------------------------------------------------------ lookups

    def _rows(self, sql: str, args: tuple) -> tuple[Candidate, ...]:
        with self._lock:
            rows = self._con.execute(sql, args).fetchall()
        return tuple(self._candidate(r) for r in rows)

    def _candidate(self, row: tuple) -> Candidate:
        cand = self._by_rowid.get(row[0])
        if cand is None:
            cand = self._by_rowid[row[0]] = Candidate(*row)
        return cand

    def by_key(self, key: str) -> tuple[Candidate, ...]:
        """Every entry one of whose names has this key (see ``normalize.name_key``)."""
        hit = self._by_key.get(key)
        if hit is None:
            with self._lock:
                rows = self._con.execute(
                    f"SELECT n.alt, {_COLUMNS} FROM names n JOIN places p ON p.rowid = n.pid WHERE n.key = ?", (key,)
                ).fetchall()
            self._alt[key] = frozenset(r[1] for r in rows if r[0])
            hit = tuple(self._candidate(r[1:]) for r in rows)
            self._by_key[key] = hit
        return hit

    def alt_only(self, key: str) -> frozenset[int]:
        """Row ids that carry ``key`` only as an alternate name (after ``by_key``)."""
        return self._alt.get(key, frozenset())

    def by_name(self, name: str) -> tuple[Candidate, ...]:
        return self.by_key(name_key(name))

    def fuzzy(self, key: str) -> tuple[Candidate, ...]:
        """Entries whose name keys are spelling variants of ``key``.

        Only keys sharing the consonant skeleton are compared (a few dozen at most),
        never the whole name list.
        """
        hit = self._fuzzy.get(key)
        if hit is not None:
            return hit
        out: tuple[Candidate, ...] = ()
        skel = skeleton(key)
        if len(key) >= 5 and len(skel) >= 3:
            # a ratio of FUZZY_MIN needs lengths within about a quarter of each other
            lo, hi = int(len(key) * 0.75), int(len(key) * 1.34) + 1
            with self._lock:
                keys = [k for (k,) in self._con.execute(
                    "SELECT key FROM skeletons WHERE skel = ? AND length(key) BETWEEN ? AND ?", (skel, lo, hi))]
            close = [k for k, score, _ in process.extract(key, keys, scorer=fuzz.ratio, limit=8) if score >= self.FUZZY_MIN]
            found: dict[int, Candidate] = {}
            for k in close:
                for c in self.by_key(k):
                    found[c.rowid] = c
            out = tuple(found.values())
        self._fuzzy[key] = out
        return out

    def candidate(self, place_id: str) -> Optional[Candidate]:
        if place_id not in self._by_id:
            rows = self._rows(f"SELECT {_COLUMNS} FROM places p WHERE p.id = ?", (place_id,))
            self._by_id[place_id] = rows[0] if rows else None
        return self._by_id[place_id]

    def by_rowid(self, rowid: int) -> Optional[Candidate]:
        cand = self._by_rowid.get(rowid)
        if cand is None:
            rows = self._rows(f"SELECT {_COLUMNS} FROM places p WHERE p.rowid = ?", (rowid,))
            cand = rows[0] if rows else None
        return cand

    def get(self, place_id: str) -> Optional[Place]:
        """The ``Place`` record of an id (without mentions), or None."""
        c = self.candidate(place_id)
        if c is None:
            return None
        return Place(id=c.id, name=c.name, lat=c.lat, lon=c.lon, country=c.country, kind=c.kind,
                     geonames_id=c.geonames_id, admin1=c.admin1, population=c.population, source=c.source)

    def country_of(self, place_id: str) -> Optional[str]:
        c = self.candidate(place_id)
        return c.country if c else None

    def countries(self) -> tuple[Candidate, ...]:
        if self._countries is None:
            self._countries = self._rows(f"SELECT {_COLUMNS} FROM places p WHERE p.kind = 'country'", ())
        return self._countries

    def admin1_of(self, c: Candidate) -> Optional[Candidate]:
        """The admin1 region a place lies in, when the gazetteer has it."""
        if c.kind == "admin1" or not c.admin1:
            return c if c.kind == "admin1" else None
        key = (c.country, c.admin1)
        if key not in self._admin1:
            rows = self._rows(f"SELECT {_COLUMNS} FROM places p WHERE p.kind = 'admin1' AND p.country = ? AND p.admin1 = ?", key)
            self._admin1[key] = rows[0] if rows else None
        return self._admin1[key]

    def us_states(self) -> dict[str, Candidate]:
        """US states (and DC) by USPS code."""
        if self._states is None:
            rows = self._rows(f"SELECT {_COLUMNS} FROM places p WHERE p.kind = 'admin1' AND p.country = 'US'", ())
            self._states = {c.admin1_code: c for c in rows if c.admin1_code}
        return self._states

    def in_admin1(self, key: str, country: str, admin1: str) -> tuple[Candidate, ...]:
        """Entries named ``key`` inside one admin1 region (exact, then fuzzy)."""
        exact = tuple(c for c in self.by_key(key) if c.country == country and c.admin1 == admin1 and c.kind != "admin1")
        if exact:
            return exact
        return tuple(c for c in self.fuzzy(key) if c.country == country and c.admin1 == admin1 and c.kind != "admin1")


_LOAD_LOCK = threading.Lock()


@functools.lru_cache(maxsize=4)
def _load(path: str) -> Gazetteer:
    p = Path(path)
    with _LOAD_LOCK:
        if not p.exists():
            log.info("Building the gazetteer index at %s (once; about a minute).", p)
            try:
                build(p)
            except OSError as exc:
                raise NewsweaveError(E_GAZETTEER, f"The gazetteer index could not be written to {p.parent}: {exc}.") from exc
    return Gazetteer(p)


def load_gazetteer() -> Gazetteer:
    """The gazetteer, built into the cache folder on first use and opened afterwards."""
    return _load(str(index_path()))
