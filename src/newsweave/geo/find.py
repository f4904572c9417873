"""Find the toponyms of one article and resolve each to a gazetteer entry.

Candidates come from spaCy (GPE/LOC/FAC entities; ORG only when a place word
such as "countryside" follows, or the place part of "the Oshkosh Police
Department"), the supplement's names, border phrases, US "City, ST" patterns,
datelines and "the city of X".  Overlaps go to the supplement and patterns, then
to the longer span.  Resolution runs in two passes over the article:

1. anchors: names that are unambiguous (one candidate, or one far ahead on
   population and kind), supplement and border matches, and cities whose state
   the text fixes.  They give the article's countries and admin1 regions.
2. every other name, clearest first: the candidate with the best score, where the
   score is population and kind, plus context (same country or state as the
   anchors, states named anywhere in the text, the states of the local telephone
   numbers it gives, and how many of the article's other names may lie in the
   same state: namesakes that sit together win).  Weak readings (hamlets, fuzzy
   spellings, former names, a county read from a bare name, a building's name)
   are kept only when the context supports them; otherwise the mention is left
   out rather than placed far away.  A namesake abroad is left out of a story
   whose places lie elsewhere ("Whitehaven" in a Memphis story), and a local
   story in one country keeps its own namesake ("Lima" in an Ohio story).

The page title is context too (its names, and the site's name after it, support their
regions), and ``title_place`` reads the place the headline names for an event whose
body gives none ("Allentown man shoots self in leg" over a body that says "the man").
A bare name that geocodes far from the big city whose own police tell the story is
one of that city's neighbourhoods ("AUSTIN -- ... Chicago police said"): remote.
"""
from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from newsweave.clean.title import capitalised_share, headline_end
from newsweave.geo.gazetteer import Candidate, Gazetteer, distance_km
from newsweave.geo.matchers import TextMatchers, text_matchers
from newsweave.geo.build import read_csv
from newsweave.geo.normalize import admin_stripped, lexicon, name_key, words
from newsweave.ingest.address import page_host
from newsweave.records import Article, DocAnalysis, Place, PlaceMention, Span

NER_LABELS = frozenset({"GPE", "LOC", "FAC"})
# mentions found by a text pattern that marks them as places ("the city of al-Qaim")
PLACE_LABELS = NER_LABELS | {"OF"}

# Scores (calibrated together on the sample articles and gva-dev; change them as a set).
KIND_BASE = {"country": 8.0, "facility": 7.5, "region": 7.5, "border": 7.5}
ADMIN1_MAX, ADMIN2_MAX = 7.0, 5.5  # admin regions score by population (sum of their towns), capped
MAJOR_CITY = 1_000_000  # metropolises dominate their namesakes ("Rome", "Paris")
MAJOR_CITY_BONUS = 1.0
ALT_NAME_PENALTY = 1.0  # matched only through an alternate (often former) name
WEAK_ADMIN1_BONUS = 0.5  # per other place of the article already placed in that admin1 (max 2)
PREFERRED_BONUS = 3.0  # geo_preferred.csv: AP-style reading of a bare name
COUNTRY_BONUS = 0.5  # the candidate's country is named in the article
SUBNATIONAL_BONUS = 0.5  # ... and places inside that country are named too
ADMIN1_OF_KNOWN_COUNTRY = 1.5  # "Georgia" beside US cities is the state
SAME_ADMIN1_BONUS = 3.5  # the candidate's state/province is named in the article
FUZZY_PENALTY = 1.5
ANCHOR_MARGIN = 2.5  # lead over the runner-up that makes a name unambiguous alone
NEAR_KM = 300.0  # a weak reading must be this close to an anchor
SMALL_CITY = 20000  # below this, a city needs context
MID_CITY = 100_000  # below this, a city outside the states an article names is doubtful
IN_COUNTY_BONUS = 1.0  # the town lies in (near the centre of) a county the article names
COUNTY_KM = 50.0
OUTLET_BONUS = 2.5  # the candidate lies in the state of the city the outlet's web address names
OUTLET_MIN_POP = 100_000  # only a sizeable city named in a web address marks a local outlet
OUTLET_LEAD = 2.0  # ... and only when it outnumbers its namesakes in other regions this many times
CO_BONUS = 1.5  # per other name of the article that likely lies in the candidate's state/province (max CO_CAP)
CO_CAP = 2.0
WEAK_SUPPORT = 0.5  # a building's or institution's name ("a Cleveland hospital") counts half
METRO_SUPPORT = 0.3  # a metropolis is named in stories from everywhere: weak evidence of the story's state
PHONE_BONUS = 1.5  # the candidate lies in the state a local telephone area code of the article names
# the town lies in the country of the outlet's web address and the article has placed nothing
# abroad: "Parma" on an Ohio paper's page is Parma, Ohio (the size of the Italian city's lead)
HOME_BONUS = 1.5
# a word after a state's name that makes it part of another name ("Washington County", "Georgia Avenue")
_STATE_NAME_TAIL = (r"(?![ \t]+(?:(?:County|Parish|Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Way"
                    r"|Highway|Hwy|Pike|Place|Square|Circle|Court|Ct|Terrace|Trail|Park|Parkway)\b|Co\.))")
_LEADING = re.compile(r"(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:['’]s|['’])$")
_QUOTES = "\"“”‘’'«»()[]"


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    priority: int  # 3 supplement/border, 2 City-ST pattern or dateline, 1 NER and other patterns
    label: str = ""
    place_id: Optional[str] = None
    state: Optional[str] = None  # USPS code
    admin_only: bool = False
    key: str = ""
    resolved: Optional[Candidate] = None
    local: bool = False  # a local force or office carries the name ("Ontario police"): a town or county
    weak: bool = False  # the name of a building or institution ("Saint Michael's Church"): a place only near the others


@dataclass(slots=True)
class _Context:
    countries: Counter = field(default_factory=Counter)
    subnational: set = field(default_factory=set)
    admin1: set = field(default_factory=set)  # (country, admin1 name)
    points: list = field(default_factory=list)  # (lat, lon) of sub-national anchors
    weak: Counter = field(default_factory=Counter)  # (country, admin1) of places placed so far
    outlet: Optional[tuple[str, str]] = None  # (country, admin1) of the city the outlet's domain names
    counties: list = field(default_factory=list)  # (lat, lon) of the counties named
    # (country, admin1) -> how many of the article's names (each weighted by the share of its
    # readings there) may lie in that region: namesakes that sit with the other places win
    support: Counter = field(default_factory=Counter)
    phone: frozenset = frozenset()  # (country, admin1) of local telephone area codes the text gives
    regions: set = field(default_factory=set)  # (country, admin1) of every sub-national place so far
    ids: set = field(default_factory=set)  # the places placed so far
    # (country, admin1) of every state the article spells out, even by a name with
    # other readings ("Georgia"): evidence for counties only (see ``county_states``)
    county_states: frozenset = frozenset()
    home: Optional[str] = None  # the country of the outlet's web address (generic domains: the US)

    def local(self) -> bool:
        """Whether the story is local: its places so far lie in one or two states or provinces,
        and more than one clue says so (a named state, the outlet, a phone number, two places)."""
        firm = bool(self.admin1 or self.outlet or self.phone) or len(self.ids) >= 2
        return firm and 1 <= len(self.regions) <= 2

    def add(self, c: Candidate) -> None:
        self.countries[c.country] += 1
        self.ids.add(c.id)
        if c.kind not in ("country", "border") and c.admin1:
            self.regions.add((c.country, c.admin1))
        if c.kind != "country":
            self.subnational.add(c.country)
            if c.kind != "border":
                self.points.append((c.lat, c.lon))
        if c.kind in ("admin1", "admin2") and c.admin1:  # a county fixes its state
            self.admin1.add((c.country, c.admin1))
            if c.kind == "admin2":
                self.counties.append((c.lat, c.lon))
        elif c.kind in ("city", "admin2") and c.admin1:
            self.weak[(c.country, c.admin1)] += 1

    def near(self, c: Candidate) -> bool:
        return any(distance_km(c.lat, c.lon, lat, lon) <= NEAR_KM for lat, lon in self.points)


def _matchers(gaz: Gazetteer) -> TextMatchers:
    tm = getattr(gaz, "_text_matchers", None)
    if tm is None:
        countries = {c.name: c.country for c in gaz.countries()}
        for row in read_csv("geo_country_aliases.csv"):
            countries[row["alias"]] = row["iso"]
        states = {c.name: code for code, c in gaz.us_states().items()}
        tm = text_matchers(countries, states)
        gaz._text_matchers = tm
    return tm


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the", a trailing possessive and stray quotes from a span."""
    while start < end and (text[start] in _QUOTES or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _QUOTES or text[end - 1].isspace() or text[end - 1] in ".,;:"):
        if text[end - 1] == "." and end - start <= 7 and " " not in text[start:end]:
            break  # abbreviations keep their final point: "U.S.", "Calif."
        end -= 1
    m = _LEADING.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    m = _TRAILING.search(text[start:end])
    if m and m.start() > 0:
        end = start + m.start()
    return start, end


_BASE: dict[str, float] = {}  # base score by place id (ids are stable across builds)


def _base(c: Candidate) -> float:
    b = _BASE.get(c.id)
    if b is None:
        b = _BASE[c.id] = _base_of(c)
    return b


def _base_of(c: Candidate) -> float:
    if c.kind == "city":
        return max(2.0, math.log10(c.population + 1)) + (MAJOR_CITY_BONUS if c.population >= MAJOR_CITY else 0.0)
    if c.kind == "admin1":
        return min(ADMIN1_MAX, math.log10(c.population + 1) + 0.3)
    if c.kind == "admin2":
        return min(ADMIN2_MAX, math.log10(c.population + 1))
    return KIND_BASE.get(c.kind, 4.0)


def _score(c: Candidate, ctx: _Context, preferred: Optional[int], fuzzy: bool, alt: frozenset[int] = frozenset(),
           own: Optional[dict] = None) -> float:
    s = _base(c)
    if c.admin1 and c.kind in ("city", "admin2") and ctx.support and (c.country, c.admin1) not in ctx.admin1:
        region = (c.country, c.admin1)
        co = ctx.support[region] - (own.get(region, 0.0) if own else 0.0)
        if co > 0.05:
            s += CO_BONUS * min(CO_CAP, co)
    if c.kind in ("city", "admin2") and (c.country, c.admin1) in ctx.phone:
        s += PHONE_BONUS
    if c.country == ctx.home and c.kind in ("city", "admin2") and all(k == ctx.home for k in ctx.countries):
        s += HOME_BONUS
    if c.rowid in alt:
        s -= ALT_NAME_PENALTY
    if c.kind in ("city", "admin2"):
        s += WEAK_ADMIN1_BONUS * min(2, ctx.weak[(c.country, c.admin1)])
    if preferred == c.rowid:
        s += PREFERRED_BONUS
    if c.country in ctx.countries:
        s += COUNTRY_BONUS
    if c.country in ctx.subnational:
        s += SUBNATIONAL_BONUS
        if c.kind == "admin1":
            s += ADMIN1_OF_KNOWN_COUNTRY
    if c.kind in ("city", "admin2") and (c.country, c.admin1) in ctx.admin1:
        s += SAME_ADMIN1_BONUS
    elif c.kind == "admin2" and (c.country, c.admin1) in ctx.county_states:
        s += SAME_ADMIN1_BONUS
    elif c.kind in ("city", "admin2") and ctx.outlet == (c.country, c.admin1):
        s += OUTLET_BONUS
    if c.kind == "city" and any(distance_km(c.lat, c.lon, lat, lon) <= COUNTY_KM for lat, lon in ctx.counties):
        s += IN_COUNTY_BONUS
    if fuzzy:
        s -= FUZZY_PENALTY
    return s


def _best(cands: Iterable[Candidate], ctx: _Context, preferred: Optional[int], fuzzy: bool,
          alt: frozenset[int] = frozenset(), own: Optional[dict] = None) -> list[tuple[float, Candidate]]:
    scored = [(_score(c, ctx, preferred, fuzzy, alt, own), c) for c in cands]
    scored.sort(key=lambda t: (-t[0], -t[1].population, t[1].id))
    return scored


def _supported(c: Candidate, ctx: _Context) -> bool:
    return ((c.country, c.admin1) in ctx.admin1 or ctx.outlet == (c.country, c.admin1)
            or (c.country, c.admin1) in ctx.phone or (c.country in ctx.countries and ctx.near(c)))


def _in_named_region(c: Candidate, ctx: _Context) -> bool:
    """The candidate lies in a state or province the article names, its outlet's address
    names, or its local telephone numbers point to."""
    region = (c.country, c.admin1)
    return region in ctx.admin1 or ctx.outlet == region or region in ctx.phone


class _Resolver:
    def __init__(self, gaz: Gazetteer, text: str):
        self.gaz = gaz
        self.text = text
        memo = getattr(gaz, "_surface_memo", None)
        if memo is None or len(memo) > 100_000:
            memo = gaz._surface_memo = {}
        self.memo: dict[tuple[str, bool], tuple[str, bool, tuple[Candidate, ...], bool]] = memo

    def candidates(self, m: _Mention) -> tuple[tuple[Candidate, ...], bool]:
        """Candidates of a mention and whether they come from a fuzzy match (memoised by surface)."""
        surface = self.text[m.start : m.end]
        ner = m.label in PLACE_LABELS
        hit = self.memo.get((surface, ner))
        if hit is None:
            hit = self.memo[(surface, ner)] = self._lookup(surface, ner)
        m.key, m.admin_only, cands, fuzzy = hit
        return cands, fuzzy

    def _lookup(self, surface: str, ner: bool) -> tuple[str, bool, tuple[Candidate, ...], bool]:
        key = name_key(surface)
        if not key or surface.lower() in lexicon()["not_places"]:
            return key, False, (), False
        lex = lexicon()
        if all(w in lex["direction_words"] or w in lex["admin_words"] or w in _COMPASS for w in words(surface)):
            return key, False, (), False  # "the Southwest District", "South-West": a part of town, not a place
        stripped, had_admin = admin_stripped(surface)
        if had_admin:
            named = self.gaz.by_key(stripped)
            cands = tuple(c for c in named if c.kind in ("admin1", "admin2", "region"))
            if not cands:  # "Irbil province": the province of the city of that name
                regions = {self.gaz.admin1_of(c) for c in named if c.kind == "city" and c.population >= SMALL_CITY}
                cands = tuple(r for r in regions if r is not None)
            if cands:
                # "Westmoreland County" is a county, not a province of that name elsewhere
                county = [c for c in cands if c.kind == "admin2"]
                if county and _COUNTY_WORDS.intersection(surface.lower().split()):
                    cands = tuple(county)
                # "New York state" is the state, not New York County
                state = [c for c in cands if c.kind == "admin1"]
                if state and "state" in surface.lower().split():
                    cands = tuple(state)
                return key, True, cands, False
        cands = self.gaz.by_key(key)
        if cands:
            return key, had_admin, cands, False
        first, _, rest = surface.partition(" ")
        if rest and first.lower() in lexicon()["direction_words"]:
            return self._lookup(rest, ner)  # "eastern Syria" -> "Syria"
        if ner:
            return key, had_admin, self.gaz.fuzzy(key), True
        return key, had_admin, (), False


_PREV_WORD = re.compile(r"([A-Za-z]+)[ \t]+\Z")


def _person_names(text: str, persons: list[tuple[int, int]]) -> frozenset[str]:
    """Names people carry in this article: whole names and the surnames of full names."""
    out = set()
    for s, e in persons:
        name = text[s:e].strip()
        out.add(name)
        parts = name.split(" ")
        if len(parts) > 1:
            out.add(parts[-1])
            if len(parts) > 2:
                out.add(" ".join(parts[-2:]))  # "Nicole Santa Cruz"
    return frozenset(out)


_NAMED_QUARTER = re.compile(r"(?:\b[Tt]he|['’]s)[ \t]+$")


def _big_city_as_quarter(text: str, m: _Mention) -> bool:
    """A big city's name said of a neighbourhood ("near his West Side home in the Austin
    neighborhood", "Chicago's Austin neighborhood"): the gazetteer knows the city, not the
    neighbourhood, so the name places nothing.  Small places keep their name ("the
    Brighton Park neighborhood" is the gazetteer's own), and so does a city a
    neighbourhood lies in ("a St. Louis neighborhood", "the Chicago neighborhood of
    Austin")."""
    nxt = _NEXT_WORD.match(text, m.end)
    if nxt is None or nxt.group(1).lower() not in lexicon()["quarter_words"]:
        return False
    if text[nxt.end():nxt.end() + 4].lower() == " of ":
        return False  # "the Chicago neighborhood of Austin": the city the neighbourhood is in
    named = _NAMED_QUARTER.search(text, max(0, m.start - 8), m.start) is not None  # "the", "Chicago's"
    return named and m.resolved.kind == "city" and m.resolved.population >= FORCE_CITY_MIN


def _not_a_place(text: str, m: _Mention, person_names: frozenset[str]) -> bool:
    """A name that is a street ("San Fernando Street") or, without a place cue, a person's surname."""
    if m.priority > 1:
        return False
    nxt = _NEXT_WORD.match(text, m.end)
    if nxt is not None and nxt.group(1).lower() in lexicon()["street_words"]:
        return True
    tail = surface_words[-1] if len(surface_words := text[m.start : m.end].split()) > 1 else ""
    if tail.lower().rstrip(".") in _STREET_TAILS:
        return True  # "Second Street", "Bolivar Ave."
    if _BLOCK_OF.search(text, max(0, m.start - 12), m.start):
        return True  # "the 3700 block of Cambridge": a street
    if _AND_NAME.match(text, m.end) and (m.label == "CUE" or _NEAR_BEFORE.search(text, max(0, m.start - 8), m.start)):
        return True  # "near Monroe and Avenida Del Mar": a crossing of streets
    if _CROSSING_BEFORE.search(text, max(0, m.start - 60), m.start):
        return True  # "the intersection of Poydras and Bolivar", "on Baldwin near Greenwood"
    surface = text[m.start : m.end].strip()
    if surface.startswith(("the ", "The ")):
        surface = surface[4:]
    if surface not in person_names or m.label in ("ORGPLACE", "FORCE"):
        return False
    prev = _PREV_WORD.search(text, max(0, m.start - 20), m.start)
    if prev is not None and prev.group(1).lower() in lexicon()["direction_words"] and text[prev.start(1)].islower():
        prev = _PREV_WORD.search(text, max(0, prev.start(1) - 20), prev.start(1))  # "in south Jackson"
    if prev is not None and prev.group(1).lower() in lexicon()["place_prepositions"]:
        return False
    if nxt is not None and nxt.group(1).lower() in lexicon()["place_heads"]:
        return False
    return True


# street words that never end a town's name (unlike "Place", "Court", "Trail")
_STREET_TAILS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane", "ln",
                           "highway", "hwy", "parkway", "pkwy", "expressway", "freeway", "turnpike"})
@functools.lru_cache(maxsize=1)
def _institution_re() -> re.Pattern:
    heads = sorted(lexicon()["institution_heads"], key=len, reverse=True)
    # "Saint Michael's Catholic Church", "Sinai Hospital", "Green Meadows apartment complex"
    return re.compile(r"(?:['’]s)?(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+(?:" + "|".join(map(re.escape, heads)) + r")\b", re.I)


class _LazyInstitution:
    def match(self, text: str, pos: int):
        return _institution_re().match(text, pos)


_INSTITUTION = _LazyInstitution()
_BLOCK_OF = re.compile(r"\bblock of\s+\Z", re.I)
# a rank or title before a name ("Sgt. Jackson police said"): the name is a person's
_TITLE_BEFORE = re.compile(r"\b(?:Sgt|Lt|Det|Cpl|Capt|Cmdr|Officer|Deputy|Trooper|Chief|Sheriff|Mr|Mrs|Ms|Dr)\.?\s+\Z")
_NEAR_BEFORE = re.compile(r"\b(?:near|at)\s+\Z")
# the second street of a crossing: "intersection of Yale and", "corner of 5th and", "on Baldwin near"
_CROSSING_BEFORE = re.compile(
    r"(?:\b(?:intersection|corner|corners|crossing)\s+of\s+(?:\w+\s+){1,3}(?:and|&)"
    r"|\bon\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s+(?:near|at))\s+\Z")
_AND_NAME = re.compile(r" (?:and|&) [A-Z]")
_COMPASS = frozenset({"north", "south", "east", "west", "end", "side", "central"})
_COUNTY_WORDS = frozenset({"county", "co.", "parish", "borough"})
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")
# "Washington state", "Kano state": the lower-case word makes the name the state's (a
# bare "Washington" is the capital); "Washington State University" is another name
_STATE_WORD = re.compile(r"[ \t]+state\b")


# mentions found by a text pattern alone (no entity, no fixed state)
# ("the city of al-Qaim" is a place even when NER reads a person; CUE is checked when found)
_PATTERN_LABELS = frozenset({"FORCE", "ORGPLACE"})


def _force_place(text: str, start: int, end: int, gaz: Gazetteer) -> tuple[int, int]:
    """The place part of a local force's or office's name: "Savannah-Chatham Metropolitan"
    (police) serves Savannah, "Charlotte-Mecklenburg" (police) Charlotte.  Words that name
    the force's remit ("Metropolitan", "Metro") are dropped, and a joint force named after a
    city and its county keeps the city; a name the gazetteer knows whole stays whole
    ("Winston-Salem", "Helena-West Helena")."""
    tails = lexicon()["force_name_tails"]
    name = text[start:end]
    parts = name.split(" ")
    while len(parts) > 1 and parts[-1].lower() in tails:
        end -= len(parts.pop()) + 1
    if "-" not in text[start:end] or gaz.by_key(name_key(text[start:end])):
        return start, end
    first = text[start:end].split("-", 1)[0]
    if first[:1].isupper() and len(first) >= 3 and " " not in first and gaz.by_key(name_key(first)):
        return start, start + len(first)
    return start, end


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, end)
    return i > 0 and spans[i - 1][1] > start


def _collect_mentions(text: str, ents: Iterable[tuple[int, int, str]], tm: TextMatchers, gaz: Gazetteer) -> list[_Mention]:
    lower = text.lower()
    found: list[_Mention] = []
    for hit in tm.supplement(text, lower):
        found.append(_Mention(hit.start, hit.end, 3, place_id=hit.place_id))
    for hit in tm.borders(text, lower):
        found.append(_Mention(hit.start, hit.end, 3, place_id=hit.place_id))
    heads = lexicon()["place_heads"]
    forces_as_persons: set[tuple[int, int]] = set()  # "Cameron Police" read as a PERSON
    for start, end, label in ents:
        # NER may call "Savannah-Chatham Metro Police" a GPE, or "Cameron Police Chief ..." a person
        if label in ("ORG", "PERSON") or label in NER_LABELS:
            part = tm.org_place(text, start, end)
            if part:
                part = _force_place(text, part[0], part[1], gaz)
                found.append(_Mention(part[0], part[1], 1, label="ORGPLACE"))
                if label == "PERSON":
                    forces_as_persons.add((start, end))
                continue
        if label not in NER_LABELS:
            if label not in ("ORG", "NORP", "PERSON"):
                continue
            nxt = _NEXT_WORD.match(text, end)
            if nxt is None or nxt.group(1).lower() not in heads:
                continue  # "the Hasaka countryside" is a place even when NER says ORG
        state_word = _STATE_WORD.match(text, end)
        found.append(_Mention(start, state_word.end() if state_word else end, 1, label=label))
    for start, end in tm.place_of(text, lower):
        found.append(_Mention(start, end, 1, label="OF"))
    # a place preposition's name, unless an entity of another kind covers it ("in June",
    # "in Spanish", "in Mark Smith's car"); a one-word PERSON or ORG is often a town NER
    # misread ("a dog park in Enfield"), and a date that runs on from the name ("in
    # Chattanooga Sunday") leaves the name (the cue itself never starts with a day or month)
    other = sorted((s, e) for s, e, label in ents
                   if label not in NER_LABELS and label not in _TIME_LABELS and label not in _NUMBER_LABELS
                   and not (label in ("PERSON", "ORG") and " " not in text[s:e].strip() and not text[s:e].isupper()))
    other_starts = [s for s, _ in other]
    for start, end in tm.cues(text):
        if not _overlaps(other, other_starts, start, end):
            found.append(_Mention(start, end, 1, label="CUE"))
    force_stop = lexicon()["force_stop"]
    for start, end in tm.forces(text):
        first = text[start:end].split(" ", 1)[0].lower()
        if first not in force_stop:
            start, end = _force_place(text, start, end, gaz)
            found.append(_Mention(start, end, 1, label="FORCE"))
    for start, end in tm.datelines(text):
        found.append(_Mention(start, end, 2, label="DATELINE"))
    for city_start, city_end, st_start, st_end, code in tm.city_states(text):
        state = gaz.us_states().get(code)
        if state is None:
            continue
        # the longest run of final words that names a place in that state ("In Rocky Mount")
        city = text[city_start:city_end]
        starts = [city_start] + [city_start + i + 1 for i, ch in enumerate(city) if ch == " "]
        for s in starts:
            key = name_key(text[s:city_end])
            if key and gaz.in_admin1(key, "US", state.name):
                found.append(_Mention(s, city_end, 2, state=code))
                found.append(_Mention(st_start, st_end, 2, place_id=state.id))
                break
    # a force's name that overlaps a person's name is that person ("Sgt. Jackson police said")
    # ("Clarksville police were searching": NER's one-word PERSON that is the whole name, with
    # no title before it, is the town)
    persons = sorted((s, e) for s, e, label in ents if label == "PERSON" and (s, e) not in forces_as_persons)
    if persons:
        pstarts = [s for s, _ in persons]
        whole = {(s, e) for s, e in persons if " " not in text[s:e]}
        found = [m for m in found if m.label not in _PATTERN_LABELS
                 or ((m.start, m.end) in whole and not _TITLE_BEFORE.search(text, max(0, m.start - 10), m.start))
                 or not _overlaps(persons, pstarts, m.start, m.end)]
    surnames = _person_names(text, persons)
    found = [m for m in found if not _not_a_place(text, m, surnames)]
    for m in found:
        if m.priority == 1 and _INSTITUTION.match(text, m.end):
            m.weak = True
    # greedy: higher priority, then longer spans win overlaps
    found.sort(key=lambda x: (-x.priority, -(x.end - x.start), x.start))
    starts: list[int] = []
    chosen: list[_Mention] = []  # sorted by start, never overlapping
    for cand in found:
        cand.start, cand.end = _trim(text, cand.start, cand.end)
        if cand.end <= cand.start:
            continue
        i = bisect.bisect_left(starts, cand.start)
        if i < len(chosen) and chosen[i].start == cand.start and chosen[i].end == cand.end:
            chosen[i].local = chosen[i].local or cand.label in _FORCE_LABELS  # same name, found twice
            continue
        if i > 0 and chosen[i - 1].end > cand.start:
            continue
        if i < len(chosen) and chosen[i].start < cand.end:
            continue
        cand.local = cand.label in _FORCE_LABELS
        starts.insert(i, cand.start)
        chosen.insert(i, cand)
    return chosen


_ALPHA = re.compile(r"[a-z]+")
_HOST_SKIP = frozenset({"www", "m", "mobile", "amp", "web", "com", "org", "net", "edu", "gov", "co", "us", "uk"})
_OUTLET_MEMO: dict[str, Optional[tuple[str, str]]] = {}
_GENERIC_TLDS = frozenset({"com", "org", "net", "us", "gov", "edu", "tv", "info", "news"})


def address_home(url: Optional[str]) -> Optional[str]:
    """The country of a web address (``_address_country``), or None without an address."""
    return _address_country(url) if page_host(url) is not None else None


def _address_country(url: Optional[str]) -> str:
    """The country a web address belongs to: its country-code domain, else (a generic
    domain such as .com, or no address) the United States, where most such outlets are."""
    found = page_host(url)
    tld = found[1].rsplit(".", 1)[-1] if found else "com"
    return "US" if tld in _GENERIC_TLDS else "GB" if tld == "uk" else tld.upper()


def _host_runs(host: str) -> list[tuple[int, str]]:
    """The letter runs of a host name's labels, with their offsets (the top-level
    domain and labels such as "www" left out)."""
    out: list[tuple[int, str]] = []
    pos = 0
    labels = host.split(".")
    for i, label in enumerate(labels):
        if i < len(labels) - 1 and label not in _HOST_SKIP:
            out.extend((pos + m.start(), m.group()) for m in _ALPHA.finditer(label))
        pos += len(label) + 1
    return out


def _letters(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalpha())


def _address_city(host: str, home_country: str, gaz: Gazetteer, min_pop: int) -> Optional[tuple[Candidate, int, int]]:
    """The city a host name names (longest name first) and where: (city, offset, length).

    The name opens or closes a label ("fresnobee", "fox5atlanta", "mysanantonio"); inside
    one ("westfargopioneer") only a city of the address's own country counts: a generic
    .com is mostly American ("cumberlink.com" does not name Berlin), and a city abroad must
    be a metropolis anyway.  A name inside a longer one counts only in the longer one's
    region ("trentonian" does not name Renton, Washington; "westfargo" names Fargo).  The city must have ``min_pop`` people and outnumber its namesakes
    in other regions ``OUTLET_LEAD`` times.
    """
    best: Optional[tuple[Candidate, int, int]] = None
    for at, run in _host_runs(host):
        named: list[tuple[int, int, set]] = []  # stretches a longer name covers, with its regions
        for n in range(min(len(run), 24), 4, -1):
            if best is not None and n <= best[2]:
                break
            for i in range(len(run) - n + 1):
                inner = 0 < i < len(run) - n
                # a city's own name, not a former one ("Montgomery" was Sahiwal's), letter for
                # letter: name keys fold double letters ("billings" is looked up as "bilings"),
                # so "tulla" must not find Tula
                letters, key = run[i : i + n], name_key(run[i : i + n])
                cities = sorted((c for c in gaz.by_key(key) if c.kind == "city" and c.admin1
                                 and c.rowid not in gaz.alt_only(key) and _letters(c.name) == letters),
                                key=lambda c: -c.population)
                covering = [regions for s, e, regions in named if s <= i and i + n <= e]
                if cities:
                    named.append((i, i + n, {(c.country, c.admin1) for c in cities}))
                # the address's own country first ("onlineathens.com": Athens, Georgia)
                own = [c for c in cities if c.country == home_country]
                if own and own[0].population >= min_pop:
                    cities = own
                if not cities or cities[0].population < min_pop:
                    continue
                top = cities[0]
                if any((top.country, top.admin1) not in regions for regions in covering):
                    continue  # "renton" inside "trenton" ("trentonian.com"), not "fargo" in "westfargo"
                # a city abroad only when it is a metropolis ("torontosun"): "naplesnews",
                # "readingeagle" and "glasgowcourier" are American papers
                if top.country != home_country and (inner or top.population < MAJOR_CITY):
                    continue
                rival = next((c for c in cities[1:] if (c.country, c.admin1) != (top.country, top.admin1)), None)
                if rival is None or top.population >= OUTLET_LEAD * rival.population:
                    best = (top, at + i, n)
                    break
    return best


def outlet_region(url: Optional[str], gaz: Gazetteer) -> Optional[tuple[str, str]]:
    """The (country, admin1) of a city the outlet's web address names ("fox5atlanta.com" -> Georgia).

    Local outlets often carry their city in the domain; the region is soft context for
    namesakes, never a place of the article.  Archived copies name the original
    address last, so the last host counts.
    """
    page = page_host(url)
    if page is None:
        return None
    host = page[1]
    if host in _OUTLET_MEMO:
        return _OUTLET_MEMO[host]
    found = _address_city(host, _address_country(url), gaz, OUTLET_MIN_POP)
    region = (found[0].country, found[0].admin1) if found else None
    if region is None:  # "limaohio.com", "texastribune.org": a state named in the address
        # the spelled name, letters only: name keys fold double letters ("Connecticut")
        states = {_letters(c.name): (c.country, c.admin1) for c in gaz.us_states().values() if c.admin1}
        hits = [(len(k), r) for _, run in _host_runs(host) for k, r in states.items() if len(k) >= 4 and k in run]
        if hits:
            region = max(hits)[1]
    if len(_OUTLET_MEMO) < 10_000:
        _OUTLET_MEMO[host] = region
    return region


ADDRESS_TOWN_MIN_POP = 20_000  # a town the web address names, as an article's place of last resort
_ADDRESS_MEMO: dict[str, Optional[tuple[Candidate, int, int]]] = {}  # per host (place ids are stable)


def address_place(article: Article, places: Iterable[PlaceMention], gaz: Gazetteer) -> Optional[PlaceMention]:
    """The town the outlet's web address names ("billingsgazette.com", "goerie.com"), as a
    mention in the address (``Span.field == "url"``, offsets into ``article.url``).

    The last resort after ``title_place`` and ``site_place``, for an article whose body
    names no place at all: a local paper's story that never names its own town, or a page
    whose text is a paywall notice.  The town must be of the address's own country, have
    ``ADDRESS_TOWN_MIN_POP`` people and clearly lead its namesakes elsewhere.
    """
    url = article.url or ""
    found = page_host(url)
    if found is None or any(pm.span.field == "text" for pm in places):
        return None
    at, name = found
    home = _address_country(url)
    if name not in _ADDRESS_MEMO:
        if len(_ADDRESS_MEMO) > 10_000:
            _ADDRESS_MEMO.clear()
        _ADDRESS_MEMO[name] = _address_city(name, home, gaz, ADDRESS_TOWN_MIN_POP)
    found = _ADDRESS_MEMO[name]
    if found is None or found[0].country != home:
        return None
    c, off, n = found
    start = at + off
    return PlaceMention(span=Span(article.id, start, start + n, url[start : start + n], field="url"), place=c.id)


# a North American telephone number: "(717) 846-1234", "717-846-1234", "717.846.1234"
_PHONE = re.compile(r"(?<![\d\-.])\(?([2-9]\d\d)\)?[ .\-]?\d{3}[.\-]\d{4}(?![\d\-])")
_PHONE_MAX = 2  # more regions than this: a list of numbers from everywhere, no local context


def _area_codes(gaz: Gazetteer) -> dict[str, tuple[str, str]]:
    codes = getattr(gaz, "_area_codes", None)
    if codes is None:
        states = gaz.us_states()
        provinces: dict[tuple[str, str], str] = {}
        codes = {}
        for row in read_csv("geo_phone_area_codes.csv"):
            if row["country"] == "US":
                st = states.get(row["region"])
                if st is not None and st.admin1:
                    codes[row["area_code"]] = ("US", st.admin1)
                continue
            key = (row["country"], name_key(row["region"]))
            if key not in provinces:
                found = [c for c in gaz.by_key(key[1]) if c.kind == "admin1" and c.country == key[0] and c.admin1]
                provinces[key] = found[0].admin1 if found else ""
            if provinces[key]:
                codes[row["area_code"]] = (row["country"], provinces[key])
        gaz._area_codes = codes
    return codes


def phone_regions(text: str, gaz: Gazetteer) -> set[tuple[str, str]]:
    """The (country, admin1) regions of the local telephone numbers an article gives.

    Crime reports end with "call police at 717-846-1234": the area code places the
    story in a state even when the text never names it (toll-free codes are not in
    the table).
    """
    if "-" not in text and "." not in text:
        return set()
    codes = _area_codes(gaz)
    found = {codes[m.group(1)] for m in _PHONE.finditer(text) if m.group(1) in codes}
    return found if len(found) <= _PHONE_MAX else set()


def _resolve_mentions(gaz: Gazetteer, text: str, mentions: list[_Mention], states_named: Iterable[str] = (),
                      outlet: Optional[tuple[str, str]] = None,
                      title_names: Iterable[tuple[str, tuple[Candidate, ...]]] = (),
                      spelled_states: frozenset = frozenset(), home: Optional[str] = None) -> _Context:
    """Resolve mentions in place (``resolved``), using the article as context (returned)."""
    r = _Resolver(gaz, text)
    ctx = _Context(outlet=outlet, county_states=spelled_states, home=home)
    if outlet is not None:  # a local outlet's country is the article's context
        ctx.countries[outlet[0]] += 1
        ctx.subnational.add(outlet[0])
    for code in states_named:
        st = gaz.us_states().get(code)
        if st:
            ctx.admin1.add(("US", st.name))
            ctx.subnational.add("US")
    pending: list[tuple[_Mention, tuple[Candidate, ...], bool]] = []
    lead_of: dict[int, float] = {}  # how far each pending name's best reading leads its next
    short_ids: dict[str, str] = {}
    tm = _matchers(gaz)
    ctx.phone = frozenset(phone_regions(text, gaz))
    ctx.regions.update(ctx.phone)
    ctx.regions.update(ctx.admin1)
    if outlet is not None:
        ctx.regions.add(outlet)
    own = _support(gaz, r, text, mentions, ctx)
    # the headline's names that the body does not repeat support their regions too
    # ("Man from Lowry City ..." over a body that only says "St. Clair County")
    if title_names:
        body_keys = {name_key(text[m.start : m.end]) for m in mentions}
        for key, cands in title_names:
            if key not in body_keys:
                for region, share in _shares(cands).items():
                    ctx.support[region] += share
    # a name a local force carries ("Ontario police") is a town or county, not a province
    force_keys = {name_key(text[m.start : m.end]) for m in mentions
                  if m.local and not admin_stripped(text[m.start : m.end])[1]}
    # pass 1: anchors; names fixed by a pattern and regions ("Westmoreland County") first,
    # so that a town named before its county already sees the county's state
    # and names whose readings all lie in one country before those with namesakes abroad
    # ("Lima" waits until the Ohio towns around it have set the article's country)
    def order(m: _Mention) -> tuple[bool, bool]:
        if m.place_id or m.state:
            return False, False
        spread = len({c.country for c in r.candidates(m)[0]}) > 1
        return not admin_stripped(text[m.start : m.end])[1], spread

    regional = sorted(mentions, key=order)
    for m in regional:
        if m.place_id:
            m.resolved = gaz.candidate(m.place_id)
            m.key = name_key(text[m.start : m.end])
        elif m.state:
            st = gaz.us_states()[m.state]
            m.key = name_key(text[m.start : m.end])
            inside = gaz.in_admin1(m.key, "US", st.name)
            if inside:
                m.resolved = max(inside, key=lambda c: (c.kind == "city", c.population, c.id))
        else:
            cands, fuzzy = r.candidates(m)
            if m.key in force_keys:
                cands = _local(cands)
            if not cands:
                continue
            if m.weak:
                pending.append((m, cands, fuzzy))
                continue
            if m.key in tm.short_id and (fuzzy or all(c.kind == "city" and c.population < SMALL_CITY for c in cands)):
                pending.append((m, cands, fuzzy))  # perhaps a bare "al-Omar" after "al-Omar oil field"
                continue
            ranked = _best(cands, ctx, gaz.preferred.get(m.key), fuzzy, gaz.alt_only(m.key), own.get(m.key))
            top = ranked[0][1]
            lead = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else math.inf
            if (not fuzzy and lead >= ANCHOR_MARGIN and (top.kind != "city" or top.population >= SMALL_CITY)
                    and not (top.kind == "admin2" and not m.admin_only)  # a bare "Collin" may be a person
                    and not (top.kind in ("city", "admin2") and top.rowid in gaz.alt_only(m.key))
                    and not _foreign(top, ctx, cands)):
                m.resolved = _city_for_admin1(top, cands, m.admin_only)
            else:
                pending.append((m, cands, fuzzy))
                weak = fuzzy or top.rowid in gaz.alt_only(m.key) or (top.kind == "city" and top.population < SMALL_CITY)
                lead_of[id(m)] = 0.0 if weak else lead
        if m.resolved is not None:
            ctx.add(m.resolved)
            if m.priority == 3:
                short_ids.update({k: v for k, v in tm.short_id.items() if v == m.resolved.id})
    # within one article one name is one place: later bare mentions follow fixed ones
    fixed = {m.key: m.resolved for m in mentions if m.resolved is not None and m.priority >= 2}
    # pass 2: the rest, in context; towns first, so that "Georgia" sees the US towns around it
    # and the clearest first, so that "Louisville" places the story before "Saratoga Springs" is read
    pending.sort(key=lambda t: (any(c.kind in ("country", "admin1") for c in t[1]), -min(lead_of.get(id(t[0]), 0.0), 9.0)))
    memo: dict[tuple[str, bool], Optional[Candidate]] = {}
    named_keys = {m.key for m, _, _ in pending if m.local or m.label in _LONE_LABELS}
    for m, cands, fuzzy in pending:
        if m.key in short_ids and (fuzzy or all(c.kind == "city" and c.population < SMALL_CITY for c in cands)):
            m.resolved = gaz.candidate(short_ids[m.key])
            continue
        if m.key in fixed:
            m.resolved = fixed[m.key]
            continue
        memo_key = (m.key, m.admin_only)
        if m.weak and memo_key not in memo:
            best = _choose(cands, ctx, gaz.preferred.get(m.key), fuzzy, m.label, gaz.alt_only(m.key), m.admin_only,
                           own.get(m.key), text[m.start : m.end])
            if best is not None and not (best.kind == "country" or _supported(best, ctx)
                                         or (best.kind == "city" and best.population >= (MID_CITY if not ctx.points
                                                                                          else MAJOR_CITY))):
                best = None  # "a Los Angeles hospital" alone still places; "Saint Michael's Church" does not
            m.resolved = best
            continue
        if memo_key not in memo:
            # a name NER found that a pattern also marks as a place elsewhere in the article
            # ("An Opelousas teen ... Opelousas Police said") is named as a place
            label = "FORCE" if m.key in named_keys and m.label not in _LONE_LABELS else m.label
            best = _choose(cands, ctx, gaz.preferred.get(m.key), fuzzy, label, gaz.alt_only(m.key), m.admin_only,
                           own.get(m.key), text[m.start : m.end])
            memo[memo_key] = _city_for_admin1(best, cands, m.admin_only) if best else None
            if memo[memo_key] is not None:
                ctx.add(memo[memo_key])
        m.resolved = memo[memo_key]
    return ctx


_FORCE_LABELS = frozenset({"FORCE", "ORGPLACE"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
# a number word that opens a name is part of it ("in Three Rivers", "near Five Points")
_NUMBER_LABELS = frozenset({"CARDINAL", "ORDINAL"})
_NAMED_AS_PLACE = frozenset({"FORCE", "ORGPLACE", "DATELINE"})  # "Beebe police", "BEEBE --"


def _local(cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """The town and county readings of a name, when it has any."""
    local = tuple(c for c in cands if c.kind in ("city", "admin2"))
    return local or cands


def _shares(cands: Iterable[Candidate]) -> dict[tuple[str, str], float]:
    """How likely a name lies in each admin1 region: its readings weighted by size."""
    weights = [(10.0 ** min(_base(c), 8.0), c) for c in cands]
    total = sum(w for w, _ in weights) or 1.0
    out: dict[tuple[str, str], float] = {}
    for w, c in weights:
        if c.admin1 and c.kind in ("city", "admin2", "admin1", "facility", "region"):
            region = (c.country, c.admin1)
            local = METRO_SUPPORT if c.kind == "city" and c.population >= MAJOR_CITY else 1.0
            out[region] = out.get(region, 0.0) + local * w / total
    return out


_SHARES: dict[tuple, dict[tuple[str, str], float]] = {}  # per name: its regional shares (ids are stable)


def _support(gaz: Gazetteer, r: "_Resolver", text: str, mentions: list[_Mention], ctx: _Context) -> dict[str, dict]:
    """Fill ``ctx.support``: per region, the article's names that may lie there (each name once).

    Returns each name's own shares, which a candidate of that name must not count
    as support for itself.
    """
    own: dict[str, dict] = {}
    for m in mentions:
        if m.place_id or m.state:
            c = gaz.candidate(m.place_id) if m.place_id else gaz.us_states().get(m.state)
            key = name_key(text[m.start : m.end])
            shares = {(c.country, c.admin1): 1.0} if c is not None and c.admin1 else {}
        else:
            cands, fuzzy = r.candidates(m)
            if fuzzy or not cands:
                continue
            key = m.key
            memo_key = (key, m.admin_only, cands[0].rowid, len(cands))
            shares = _SHARES.get(memo_key)
            if shares is None:
                pref = gaz.preferred.get(key)
                chosen = [c for c in cands if c.rowid == pref]
                shares = _shares(chosen or cands)  # a bare "Washington" is the capital
                if len(_SHARES) > 50_000:
                    _SHARES.clear()
                _SHARES[memo_key] = shares
            # "Saint Michael's Church", "a Cleveland hospital": half a clue where the story is
            shares = {r: w * WEAK_SUPPORT for r, w in shares.items()} if m.weak else dict(shares)
        prev = own.get(key)
        if prev is None:
            own[key] = shares
        else:  # one name, once: the sharper reading counts
            for region, w in shares.items():
                prev[region] = max(prev.get(region, 0.0), w)
    for shares in own.values():
        ctx.support.update(shares)
    return own


def _foreign(c: Candidate, ctx: _Context, cands: Iterable[Candidate]) -> bool:
    """A namesake abroad in an article whose places lie in other countries, none of
    them its own: "Lima" in an Ohio story is not the capital of Peru (a local story in
    one country, and a reading there exists), nor is "Whitehaven" in a Memphis story
    the English town (far from every place of the article).  A metropolis abroad
    ("Toronto" in a story about US cities, "Rome"), a region abroad ("British
    Columbia") or a town near the article's places ("Abu Kamal" beside "al-Qaim")
    stays possible."""
    if c.kind == "country" or not ctx.subnational or c.country in ctx.countries or c.country in ctx.subnational:
        return False
    home = set(ctx.countries) | ctx.subnational
    if len(home) == 1 and ctx.local() and any(o.country in home and o.kind != "country" for o in cands):
        return True  # a local story in one country: its own namesake wins, even over a capital abroad
    return c.kind in ("city", "admin2") and c.population < MAJOR_CITY and not ctx.near(c)


def _city_for_admin1(top: Candidate, cands: Iterable[Candidate], admin_only: bool) -> Candidate:
    """A bare "Baghdad" is the city, not the governorate of the same name; a bare
    "Calhoun" is the town, not the county of that name around it."""
    if admin_only:
        return top
    if top.kind == "admin2":
        towns = [c for c in cands if c.kind == "city" and c.country == top.country and c.admin1 == top.admin1]
        return max(towns, key=lambda c: (c.population, c.id)) if towns else top
    if top.kind != "admin1":
        return top
    for c in cands:
        if c.kind == "city" and c.country == top.country and c.admin1 == top.admin1 and c.population >= SMALL_CITY:
            return c
    return top


LONE_LEAD = 1.0  # a town alone in an article must outscore its namesakes this much (ten times the people)
_LONE_LABELS = frozenset({"CUE", "FORCE", "ORGPLACE", "DATELINE", "OF"})  # a pattern marks the name as a place


def _lone_town(ranked: list[tuple[float, Candidate]], ctx: _Context, label: str, surface: str) -> Optional[Candidate]:
    """The one town an article without any other place names ("a shooting in Beebe", "the Beebe
    Police Department"), when it clearly leads its namesakes; better than no place at all."""
    if ctx.points or ctx.admin1 or ctx.outlet or ctx.phone or label not in _LONE_LABELS or not ranked:
        return None
    if len(surface) < 4 or "." in surface or (surface.isupper() and label != "DATELINE"):
        return None  # "D.A.", "ICE": abbreviations, not towns
    top = ranked[0]
    if top[1].kind != "city" or (len(ranked) > 1 and top[0] - ranked[1][0] < LONE_LEAD):
        return None
    return top[1]


def _choose(cands: tuple[Candidate, ...], ctx: _Context, preferred: Optional[int], fuzzy: bool, label: str,
            alt: frozenset[int] = frozenset(), admin_only: bool = False, own: Optional[dict] = None,
            surface: str = "") -> Optional[Candidate]:
    ranked = _best(cands, ctx, preferred, fuzzy, alt, own)
    named_states = {a for cc, a in ctx.admin1}
    ranked = [t for t in ranked if not _foreign(t[1], ctx, cands)]
    lone: Optional[Candidate] = None
    for _, c in ranked[:3]:
        if fuzzy:
            if c.kind in ("country", "admin1") and c.country in ctx.countries or _supported(c, ctx):
                return c
            continue
        if c.kind == "city" and c.population < SMALL_CITY and preferred != c.rowid:
            if lone is None:
                lone = _lone_town(ranked, ctx, label, surface)
            if c is lone:
                return c
            if label not in PLACE_LABELS and label not in _NAMED_AS_PLACE and not _in_named_region(c, ctx):
                continue  # a name after "in" may be anything; a force's or a dateline's is a place
            if not _supported(c, ctx):
                continue
        if (c.kind == "admin2" and not admin_only and (c.country, c.admin1) not in ctx.admin1
                and not (c.country in ctx.subnational and (ctx.near(c) or not ctx.points))):
            continue  # a bare name read as a county needs context; "Westmoreland County" does not
        if (c.kind in ("city", "admin2") and c.rowid in alt and ctx.points and not _supported(c, ctx)
                and preferred != c.rowid):
            continue  # a former or alternate name far from the article's places ("Winston")
        if (c.kind == "city" and c.population < MID_CITY and preferred != c.rowid and named_states
                and c.country in {cc for cc, _ in ctx.admin1} and (c.country, c.admin1) not in ctx.admin1
                and ctx.outlet != (c.country, c.admin1)):
            continue  # a town in another state than the ones the article names
        if (c.kind == "city" and c.population < MID_CITY and preferred != c.rowid and ctx.points
                and 1 <= len(ctx.regions) <= 2
                and c.country in ctx.subnational and not _supported(c, ctx)
                and ctx.support[(c.country, c.admin1)] - (own or {}).get((c.country, c.admin1), 0.0) < 0.1):
            continue  # a town far from all the article's places, in a region nothing else points to
        return c
    return None


def find_places(spacy_doc, article: Article, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The toponyms of one article, each resolved to a place id (unresolved ones left out)."""
    ents = [(e.start_char, e.end_char, e.label_) for e in spacy_doc.ents]
    return find_places_in_text(article.text, ents, gazetteer, article.id, masked=article.masked, url=article.url,
                               title=article.title)


def _title_state_names(gaz: Gazetteer) -> dict[str, str]:
    """State names that name only the state (not "Georgia", a country, nor "Washington",
    the capital when bare), to their USPS codes."""
    names = getattr(gaz, "_title_states", None)
    if names is None:
        names = {}
        for code, st in gaz.us_states().items():
            key = name_key(st.name)
            if key not in gaz.preferred and not any(c.kind == "country" for c in gaz.by_key(key)):
                names[st.name] = code
        gaz._title_states = names
    return names


def _title_state_re(gaz: Gazetteer) -> re.Pattern:
    rx = getattr(gaz, "_title_state_rx", None)
    if rx is None:
        names = sorted(_title_state_names(gaz), key=len, reverse=True)
        rx = gaz._title_state_rx = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
    return rx


def _county_state_re(gaz: Gazetteer) -> re.Pattern:
    rx = getattr(gaz, "_county_state_rx", None)
    if rx is None:
        names = sorted((st.name for st in gaz.us_states().values() if st.admin1 and st.name != "Washington"),
                       key=len, reverse=True)
        alts = "|".join(map(re.escape, names))
        # a bare "Washington" is the capital; "Washington state" is the state
        rx = gaz._county_state_rx = re.compile(rf"\b(?:({alts})\b{_STATE_NAME_TAIL}|(Washington)(?=[ \t]+[Ss]tate\b))")
    return rx


def county_states(text: str, gaz: Gazetteer) -> frozenset[tuple[str, str]]:
    """The (country, admin1) of every US state the article spells out.

    "Dodge County" has namesakes in eight states; a story that also says "Georgia" is about
    Dodge County, Georgia, even though a bare "Georgia" may be the country elsewhere.  So any
    state's name counts here, but only as evidence for counties (a town is read with the
    stricter ``states_named``).  A name that opens a longer one ("Georgia Avenue",
    "Washington County") does not count, nor does the page title: its site name gives
    the outlet's home ("WALB.com, South Georgia News"), not the story's.
    """
    by_name = {st.name: st for st in gaz.us_states().values() if st.admin1}
    found = {by_name[m.group(1) or m.group(2)] for m in _county_state_re(gaz).finditer(text)}
    return frozenset(("US", st.admin1) for st in found)


def title_states(title: Optional[str], gaz: Gazetteer) -> set[str]:
    """USPS codes of the states a page title names: in a "City, ST" pair ("Friends react -
    WTVM.com-Columbus, GA News") or by a name that is only a state's ("North Dakota teen
    shot"); local stations and papers put their home or the story's state in the title."""
    if not title:
        return set()
    out = {code for code in map(_title_state_names(gaz).get, _title_state_re(gaz).findall(title)) if code}
    if "," not in title:
        return out
    tm = _matchers(gaz)
    for city_start, city_end, _, _, code in tm.city_states(title):
        state = gaz.us_states().get(code)
        if state is None:
            continue
        city = title[city_start:city_end]
        starts = [0] + [i + 1 for i, ch in enumerate(city) if ch in " -"]
        if any(gaz.in_admin1(name_key(city[s:]), "US", state.name) for s in starts if city[s:s + 1].isupper()):
            out.add(code)
    return out


def find_places_in_text(original: str, ents: Iterable[tuple[int, int, str]], gazetteer: Gazetteer,
                        doc_id: str = "", masked: Optional[str] = None, url: Optional[str] = None,
                        title: Optional[str] = None) -> list[PlaceMention]:
    """``find_places`` on plain text and named-entity spans ``(start, end, label)``.

    Patterns run over ``masked`` (the text with cleaning's removals blanked, same
    length) so that page debris yields no places; spans quote ``original``.  A page
    ``title`` is context only (its "City, ST" pairs fix states), never a mention.
    """
    text = masked if masked is not None else original
    if len(text) != len(original):
        raise ValueError("The masked text must have the same length as the original.")
    if text is not original:
        text = _restore_dateline(original, text)
    tm = _matchers(gazetteer)
    mentions = _collect_mentions(text, ents, tm, gazetteer)
    # states named anywhere (NER's GPEs; a bare "Washington" or "New York" is the city)
    states_named = {m.state for m in mentions if m.state}
    for m in mentions:
        if m.label == "GPE" and not m.place_id:
            surface = text[m.start : m.end]
            code = tm.state_names.get(surface)
            key = name_key(surface)
            # "Georgia" may be the country: it is no evidence for itself
            if code and key not in gazetteer.preferred and not any(c.kind == "country" for c in gazetteer.by_key(key)):
                states_named.add(code)
    outlet = outlet_region(url, gazetteer)
    if outlet is None:  # "WTVM.com-Columbus, GA News": the title names the outlet's home
        in_title = title_states(title, gazetteer)
        if len(in_title) == 1:
            st = gazetteer.us_states().get(next(iter(in_title)))
            outlet = ("US", st.admin1) if st is not None and st.admin1 else None
    title_names = []
    if title:  # the headline's names and its site's ("KLTV.com - Tyler, Longview") are context
        _, head_names, site_names = _title_names(title, text, gazetteer)
        title_names = [(t[2], t[4]) for t in (*head_names, *site_names)]
    ctx = _resolve_mentions(gazetteer, text, mentions, states_named, outlet, title_names,
                            county_states(text, gazetteer), address_home(url))
    placed = [m for m in mentions if m.resolved is not None and not _big_city_as_quarter(text, m)]
    roles = _roles(text, placed, ctx)
    return [
        PlaceMention(span=Span(doc_id, m.start, m.end, original[m.start : m.end]), place=m.resolved.id,
                     role=roles.get(id(m)))
        for m in placed
    ]


DATELINE_WITHIN = 600  # an opening dateline starts a line this near the top
# a line that is only a dateline: "KATY, Texas (AP) -", "RANDOLPH COUNTY, Ala. (WBMA) -"
_DATELINE_LINE = re.compile(r"[ \t]*[A-Z][A-Z.'’\- ]{1,40},[ \t]?[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?"
                            r"(?:[ \t]?\([A-Z][A-Za-z0-9 ]{0,12}\))?[ \t]*(?:—|–|--|-)?[ \t]*")


def _restore_dateline(original: str, masked: str) -> str:
    """The masked text with an opening dateline line put back when cleaning blanked it (as a
    headline): a line that is nothing but "CITY, State (AGENCY) -" is where the story is
    from, not page debris."""
    pos = 0
    while pos < DATELINE_WITHIN:
        end = original.find("\n", pos)
        end = len(original) if end < 0 else end
        if end > pos and not masked[pos:end].strip() and _DATELINE_LINE.fullmatch(original, pos, end):
            return masked[:pos] + original[pos:end] + masked[end:]
        if masked[pos:end].strip():
            break  # the body has begun
        pos = end + 1
        if pos >= len(original):
            break
    return masked

REMOTE_KM = 100.0  # a place in another state this far from the dateline is remote


def _roles(text: str, placed: list[_Mention], ctx: _Context) -> dict[int, str]:
    """The dateline of an article and the places remote from its home (see ``PlaceMention.role``).

    The dateline is the first place that opens a line near the top ("MEMPHIS, Tenn --",
    "SNOWVILLE, Box Elder County --"), with the state written after it.  In a local
    story (from a local outlet, or giving local telephone numbers), a place in another
    country than the one most of its places lie in is remote
    ("a black Jordan shirt" in a Savannah story), and so is a town in another state than
    the dateline's, far from it, that the article names less often than the dateline's
    state ("MEMPHIS, Tenn -- ... five people shot in Raleigh": a Memphis neighbourhood,
    not the capital of North Carolina).
    """
    roles: dict[int, str] = {}
    dateline: Optional[_Mention] = None
    prev: Optional[_Mention] = None
    for m in placed:
        if m.start >= DATELINE_WITHIN:
            break
        if dateline is not None:
            if m.start - prev.end <= 3 and m.resolved.kind in ("admin1", "admin2", "country"):
                roles[id(m)] = "dateline"  # "MEMPHIS, Tenn": the state part
                prev = m
                continue
            break
        line_start = text.rfind("\n", 0, m.start) + 1
        if (m.label == "DATELINE" or m.priority == 2) and not text[line_start:m.start].strip():
            dateline = prev = m
            roles[id(m)] = "dateline"
    # "Beebe police", "the Oshkosh Police Department": the force's town, when no other town
    # or county is named more often (a story from St. Paul may quote Ramsey's police)
    towns = Counter(m.resolved.id for m in placed if m.resolved.kind in ("city", "admin2"))
    most = max(towns.values(), default=0)
    for m in placed:
        if m.local and id(m) not in roles and m.resolved.kind in ("city", "admin2") and towns[m.resolved.id] == most:
            roles[id(m)] = "force"
    if not ctx.local():
        return roles
    home = Counter(m.resolved.country for m in placed if m.resolved.kind not in ("country", "border"))
    # only a story its outlet or telephone numbers make local: in world news, the other
    # countries named are part of the story (strikes in Syria beside an Iraq dateline)
    if home and (ctx.outlet is not None or ctx.phone):
        country, n = home.most_common(1)[0]
        if n >= 2 and n >= 3 * (sum(home.values()) - n):
            for m in placed:
                if m.resolved.country != country and roles.get(id(m)) in (None, "force"):
                    roles[id(m)] = "remote"
    # a big city's own force beside a bare name that geocodes to a town in another state far
    # away: the name is one of the city's neighbourhoods ("AUSTIN -- ... Chicago police said",
    # "a shooting in Kensington ... Philadelphia police"), so the city is the story's home
    force = _force_city(placed, roles)
    if force is not None:
        bare = dateline is None or (dateline.priority == 2 and dateline.label == "DATELINE"
                                    and not any(roles.get(id(m)) == "dateline" and m is not dateline for m in placed))
        if bare and (dateline is None or _far_namesake(dateline.resolved, force)):
            if dateline is not None:
                roles[id(dateline)] = "remote"
            dateline = None
            for m in placed:
                if (m.priority == 1 and roles.get(id(m)) is None and m.resolved.kind == "city"
                        and _far_namesake(m.resolved, force) and not m.local):
                    roles[id(m)] = "remote"
    if dateline is not None and dateline.resolved.kind == "city" and dateline.resolved.admin1:
        d = dateline.resolved
        regions = Counter((m.resolved.country, m.resolved.admin1) for m in placed if m.resolved.admin1)
        for m in placed:
            c = m.resolved
            # named less often than the dateline's state, or a bare town name whose state
            # the article never names ("CHICAGO - ... a shooting in Austin ... near Austin
            # Town Hall Park": one of the city's neighbourhoods, named more than the city)
            unstated = c.kind == "city" and not m.state and (c.country, c.admin1) not in ctx.admin1
            if (roles.get(id(m)) in (None, "force") and c.kind in ("city", "admin2") and c.country == d.country and c.admin1
                    and c.admin1 != d.admin1
                    and (regions[(c.country, c.admin1)] < regions[(d.country, d.admin1)] or unstated)
                    and distance_km(c.lat, c.lon, d.lat, d.lon) > REMOTE_KM):
                roles[id(m)] = "remote"
    return roles


FORCE_CITY_MIN = 100_000  # a city this big has neighbourhoods that share names with towns elsewhere


def _force_city(placed: list[_Mention], roles: dict[int, str]) -> Optional[Candidate]:
    """The big city whose own force the article quotes, when it is the town named most."""
    cities = Counter(m.resolved.id for m in placed if roles.get(id(m)) == "force" and m.resolved.kind == "city")
    if not cities:
        return None
    top = cities.most_common(1)[0][0]
    c = next(m.resolved for m in placed if m.resolved.id == top)
    return c if c.population >= FORCE_CITY_MIN and c.admin1 else None


def _far_namesake(c: Candidate, home: Candidate) -> bool:
    """A town in another state or country than ``home``, far from it."""
    return ((c.country, c.admin1) != (home.country, home.admin1)
            and distance_km(c.lat, c.lon, home.lat, home.lon) > REMOTE_KM)


def collect_places(analyses: list[DocAnalysis], gazetteer: Gazetteer) -> list[Place]:
    """One ``Place`` per place id used (by a mention of the text, or by an event's place read
    from the headline), with every mention and every surface form."""
    places: dict[str, Place] = {}
    for analysis in analyses:
        # an event may take its place from the headline (``title_place``): that mention counts too
        listed = {id(pm) for pm in analysis.places}
        extra = {id(m.place_mention): m.place_mention for m in analysis.events
                 if m.place_mention is not None and id(m.place_mention) not in listed}
        for pm in (*analysis.places, *extra.values()):
            if pm.place is None:
                continue
            place = places.get(pm.place)
            if place is None:
                place = gazetteer.get(pm.place)
                if place is None:
                    continue
                places[pm.place] = place
            place.mentions.append(pm.span)
            # a web address's letters ("billings") are no way of writing the name
            if pm.span.field != "url" and pm.span.text not in place.aliases:
                place.aliases.append(pm.span.text)
    for place in places.values():
        place.mentions.sort(key=lambda s: (s.doc, s.start))
        place.aliases.sort()
    return sorted(places.values(), key=lambda p: p.id)


# ---------------------------------------------------------------------------------- the headline
# a headline ends where a site's name begins (``clean.title.headline_end``)
# runs of capitalised words ("Three Rivers", "North College Hill", "Lake Placid")
_TITLE_RUN = re.compile(r"(?:Mc|Mac|La|De|O['’])?[A-Z][A-Za-z'’.\-]*(?: (?:Mc|Mac|La|De|O['’])?[A-Z][A-Za-z'’.\-]*)*")
_NON_SPACE = re.compile(r"\S+")
# share of a headline's longer words capitalised (``clean.title.capitalised_share``) to call
# it Title Case, where a capitalised name may be capitalised for its position only: a high
# bar ("One shot in Malibu Groves" is not Title Case)
TITLE_CASE_SHARE = 0.9
_TITLE_RANK = {"city": 0, "admin2": 1, "admin1": 2}  # the most specific place a headline names wins


def _headline_context(article: Article, places: Iterable[PlaceMention], gaz: Gazetteer) -> _Context:
    """The article as context for reading its headline: its outlet's region, the states its
    page title names, its local telephone numbers and the places found in its body."""
    outlet = outlet_region(article.url, gaz)
    named = title_states(article.title, gaz)
    if outlet is None and len(named) == 1:
        st = gaz.us_states().get(next(iter(named)))
        outlet = ("US", st.admin1) if st is not None and st.admin1 else None
    ctx = _Context(outlet=outlet)
    if outlet is not None:
        ctx.countries[outlet[0]] += 1
        ctx.subnational.add(outlet[0])
        ctx.regions.add(outlet)
    for code in named:
        st = gaz.us_states().get(code)
        if st is not None:
            ctx.admin1.add(("US", st.name))
            ctx.subnational.add("US")
    ctx.phone = frozenset(phone_regions(article.masked or article.text, gaz))
    ctx.regions.update(ctx.phone)
    for pm in places:
        c = gaz.candidate(pm.place) if pm.place and pm.role != "remote" else None
        if c is not None:
            ctx.add(c)
    return ctx


def title_place(article: Article, places: Iterable[PlaceMention], gaz: Gazetteer) -> Optional[PlaceMention]:
    """The place the headline names, as a mention in the title (``Span.field == "title"``).

    For an event whose article gives no usable place in its body ("Allentown man shoots
    self in leg" over a body that only says "the man"): the most specific town, county or
    state the headline names, read in the article's context.  A name the body also
    writes is read as the body read it (not at all when the body found no place in it:
    a person's or a firm's name); a name that opens the headline or stands in a Title
    Case headline, capitalised for its position, needs the article's support (its states,
    outlet, telephone numbers, places).  None when nothing fits.
    """
    title = article.title or ""
    if not title.strip():
        return None
    body = article.masked or article.text
    places = list(places)
    ctx = _headline_context(article, places, gaz)
    head, names, _ = _title_names(title, body, gaz)
    in_body = {pm.span.text: pm.place for pm in places if pm.place and pm.span.field == "text"}
    best: Optional[tuple[tuple[int, int], int, int, Candidate]] = None
    for s, e, key, admin_only, cands, strict in names:
        surface = head[s:e]
        if surface in in_body:
            c = gaz.candidate(in_body[surface])
        else:
            # written in the body only inside a longer name ("Barack Obama School"): only with support
            longer = _inside_longer_name(surface, body)
            ranked = _best(cands, ctx, gaz.preferred.get(key), False, gaz.alt_only(key))
            c = _choose(cands, ctx, gaz.preferred.get(key), False, "CUE", gaz.alt_only(key), admin_only, None, surface)
            c = _city_for_admin1(c, cands, admin_only) if c is not None else None
            if c is not None and not _supported(c, ctx) and (longer or (
                    strict and not (c.population >= SMALL_CITY and c is _lone_town(ranked, ctx, "CUE", surface))
                    and not (admin_only and c.kind == "admin2" and _leads(ranked, c)))):
                continue  # capitalised for its position: only a clear, sizeable town counts alone
        if c is None or c.kind not in _TITLE_RANK:
            continue
        rank = (_TITLE_RANK[c.kind], s)
        if best is None or rank < best[0]:
            best = (rank, s, e, c)
    if best is None:
        return None
    _, s, e, c = best
    return PlaceMention(span=Span(article.id, s, e, title[s:e], field="title"), place=c.id)


def site_place(article: Article, places: Iterable[PlaceMention], gaz: Gazetteer) -> Optional[PlaceMention]:
    """The town the site's name after the headline gives as the outlet's home ("... - WBTV
    Charlotte", "... - KTBS.com - Shreveport, LA"), as a mention in the title.

    Only for an article whose body names no place at all (a page whose text is a
    paywall notice, a local story that never names its own town): a local outlet
    mostly reports its own area, so its home is the best guess left.  A town must be
    the article's context's reading of the name (its states, outlet, telephone numbers)
    or a sizeable one; a state alone gives nothing.  None when nothing fits.
    """
    title = article.title or ""
    places = list(places)
    if not title.strip() or any(pm.span.field == "text" for pm in places):
        return None
    end = headline_end(title)
    if end is None:
        return None
    off = end[1]
    body = article.masked or article.text
    ctx = _headline_context(article, places, gaz)
    home = _address_country(article.url)
    for s, e, key, admin_only, cands, _ in _names_in(title[off:], body, gaz):
        surface = title[off + s : off + e]
        # a town of the address's own country ("FOX Carolina" is no town in Puerto Rico)
        cands = tuple(c for c in cands if c.country == home)
        c = _choose(cands, ctx, gaz.preferred.get(key), False, "CUE", gaz.alt_only(key), admin_only, None, surface)
        if c is None or c.kind != "city":
            continue
        if not _supported(c, ctx):  # no context: only a sizeable town that clearly leads its namesakes
            ranked = _best(cands, ctx, gaz.preferred.get(key), False, gaz.alt_only(key))
            if c.population < SMALL_CITY or not _leads(ranked, c):
                continue
        return PlaceMention(span=Span(article.id, off + s, off + e, surface, field="title"), place=c.id)
    return None


def _title_names(title: str, body: str, gaz: Gazetteer) -> tuple[str, list["_TitleName"], list["_TitleName"]]:
    """The headline (the site's name after it left out), the names in it the gazetteer
    knows, and those in the site's name after it ("KLTV.com - Tyler, Longview": the
    outlet's home)."""
    end = headline_end(title)
    head = title[: end[0]] if end else title
    site = _names_in(title[end[1]:], body, gaz) if end else []
    return head, _names_in(head, body, gaz), site


def _leads(ranked: list[tuple[float, Candidate]], c: Candidate) -> bool:
    """Whether ``c`` tops the ranking by a clear margin (a lone "Madera County")."""
    return bool(ranked) and ranked[0][1] is c and (len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= LONE_LEAD)


def _inside_longer_name(name: str, body: str) -> bool:
    """Whether the body writes the name, and only ever next to another capitalised word."""
    lex = lexicon()
    own = {x.split(" ", 1)[0].lower() for x in lex["place_org_suffixes"]} | lex["place_heads"]
    seen = False
    for m in re.finditer(r"\b" + re.escape(name) + r"\b", body):
        seen = True
        before = _PREV_CAP.search(body, max(0, m.start() - 30), m.start())
        after = _NEXT_CAP.match(body, m.end())
        if after is not None and after.group(1).lower() in own:
            after = None  # "Antioch Police", "Madera County": the place's own offices
        if before is None and after is None:
            return False
    return seen


_PREV_CAP = re.compile(r"[A-Z][\w'’.\-]* \Z")
_NEXT_CAP = re.compile(r" ([A-Z][\w'’]*)")
_NEXT_WHOLE_WORD = re.compile(r"[ \t]+([A-Za-z]+)\b(?!-)")  # "Galt drive-by" is no "Drive"
_TitleName = tuple[int, int, str, bool, tuple[Candidate, ...], bool]
_LOWER_HEAD = re.compile(r"[ \t]+[a-z][a-z ]*\Z")  # an institution word in lower case right after the name
_HEAD_START = re.compile(r"(?:\A|:\s+)\Z")
_MODIFIER = re.compile(r"(?:[NSEW]{1,2}|[NSEW]\.)\Z")  # "NW Albuquerque", "S. Memphis"


def _names_in(head: str, body: str, gaz: Gazetteer) -> list[_TitleName]:
    """(start, end, key, admin_only, candidates, strict) of the names in a short text.

    In a headline written in sentence case a name is a whole run of capitalised words
    (but for direction words before it: "Southwest Fresno"), so that no part of a
    person's or a firm's name is read ("Trevor Andre Williams"); in Title Case any run
    of words may be a name.  A name that opens the headline, or any name of a Title
    Case headline, is ``strict``: capitalised for its position, it needs the article's
    support.  Left out: a single word the body writes in lower case, days, months,
    holidays and labels (``headline_skip``), and the name of a street or building
    ("Bourbon Street", "Cascade Mall", "Barack Obama School")."""
    r = _Resolver(gaz, head)
    lex = lexicon()
    skip, streets, modifiers = lex["headline_skip"], lex["street_words"], lex["direction_words"]
    # prepositions ("from", "into") stay in lower case in many Title Case styles
    title_case = capitalised_share(head, lex["place_prepositions"]) >= TITLE_CASE_SHARE
    out = []
    for run in _TITLE_RUN.finditer(head):
        words = [(run.start() + m.start(), run.start() + m.end()) for m in _NON_SPACE.finditer(run.group())]
        i = 0
        while i < len(words):
            for n in range(min(4, len(words) - i), 0, -1):
                s, e = _trim(head, words[i][0], words[i + n - 1][1])
                surface = head[s:e]
                low = surface.lower()
                if e <= s or low in skip or low in streets or (
                        n == 1 and re.search(r"\b" + re.escape(low) + r"\b", body)):
                    continue
                if not title_case and not all(
                        head[a:b].lower().strip(".,:;") in modifiers or _MODIFIER.match(head[a:b])
                        for a, b in words[:i] + words[i + n:]):
                    continue  # part of a longer name
                nxt = _NEXT_WHOLE_WORD.match(head, e)
                if nxt is not None and nxt.group(1).lower() in streets:
                    continue
                inst = _INSTITUTION.match(head, e)
                if inst is not None and (title_case or not _LOWER_HEAD.match(inst.group())):
                    continue  # "Cascade Mall", "Barack Obama School"; not "Myrtle Beach hospital": the town's
                # (a town named only before "hospital" or "apartment" needs the article's support)
                m = _Mention(s, e, 1, label="CUE")
                cands, fuzzy = r.candidates(m)
                if cands and not fuzzy:
                    strict = title_case or inst is not None or _HEAD_START.search(head, 0, s) is not None
                    out.append((s, e, m.key, m.admin_only, cands, strict))
                    break
            else:
                i += 1
                continue
            i += n
    return out
