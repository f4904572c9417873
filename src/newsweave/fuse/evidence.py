"""Pairwise evidence between two candidate events, each piece with a reason a person can read.

Two groups of event mentions are compared on type, date, place, mode, participants,
victims, casualty figures and wording.  ``compare`` returns either a *conflict* (a
reason they cannot be the same event, e.g. "dated 2021-06-27 and 2021-07-04") or a
score with the reasons that support a merge.  The weights live in
``data/fuse_weights.yaml``; they were calibrated as a set on gva-dev and the sample
corpus, so don't tune one in isolation.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Callable, Optional

from newsweave.data import safe_load as _yaml_load
from newsweave.records import DateRange, Entity, Place
from newsweave.time.lexicon import load_lexicon as load_time_lexicon

# kinds of place whose extent is large: compared with a wider radius
_WIDE_KINDS = {"admin1": 250.0, "admin2": 80.0, "region": 250.0, "border": 200.0}
_COUNTRY_KINDS = {"country"}
_TOWN_KINDS = {"city"}  # the gazetteer's kind for every populated place


@functools.lru_cache(maxsize=1)
def weights() -> dict:
    with resources.files("newsweave.data").joinpath("fuse_weights.yaml").open("r", encoding="utf-8") as fh:
        return _yaml_load(fh)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = frozenset(
    """the and for that with from this were was have has had been said says into after before about over under
    their they them there where which while when what who whom whose also than then its his her our your
    other some more most many much such only just very said told according would could should will shall
    one two three four five six seven eight nine ten""".split()
)


_COUNTY = re.compile(r"\s+(county|parish|borough|township)$")


def ancestors(x: str, parent: Callable[[str], Optional[str]], most: int = 6) -> list[str]:
    """What ``x`` belongs to, up its chain of ``parent`` links (an entity's
    ``affiliation``: the armed forces, the defence ministry, the country), nearest first."""
    out, seen = [], {x}
    p = parent(x)
    while p and p not in seen and len(out) < most:
        out.append(p)
        seen.add(p)
        p = parent(p)
    return out


def base_name(name: str) -> str:
    """A place's name without its county word ("York County" -> "york")."""
    return _COUNTY.sub("", name.lower().strip())


@functools.lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """The sentence's content words (cached: every mention of a sentence asks again)."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def same_person(a: str, b: str) -> bool:
    """Whether two person ids can name one person: equal, or the same surname with the
    same first name or one side giving no first name ("James Robert Gustafson",
    "James Gustafson", "Gustafson")."""
    if a == b:
        return True
    ta, tb = a.split(":", 1)[-1].split("-"), b.split(":", 1)[-1].split("-")
    if ta[-1] != tb[-1] or len(ta[-1]) < 3:
        return False
    return len(ta) == 1 or len(tb) == 1 or ta[0] == tb[0]


@dataclass
class Candidate:
    """A group of event mentions (first within one document, then across documents)
    with the features fusion compares."""

    key: str  # smallest mention id: deterministic identity
    type: str
    mode: Optional[str]
    date: DateRange
    place: Optional[str]
    actors: frozenset[str]
    targets: frozenset[str]
    victims: frozenset[str]  # normalised person names among targets / casualty sentences
    killed: frozenset[int]
    words: frozenset[str]
    docs: frozenset[str]
    background: bool
    members: list = field(default_factory=list)  # EventMentions
    published: Optional[dt.date] = None  # the earliest publication date of its articles
    # (source entity, attribute, value) of its sourced casualty figures
    sourced: frozenset[tuple[str, str, int]] = frozenset()
    # the numbers of wounded its sentences give
    injured: frozenset[int] = frozenset()
    # the streets of the addresses its sentences give (``geo.normalize.streets_named``)
    streets: frozenset[str] = frozenset()
    # its date was taken from the article (the first day it names, or its publication),
    # not from its own sentences
    date_inferred: bool = False
    # that date is its article's publication (the article names no day of the attack):
    # the attack happened on that day or before it
    date_published: bool = False
    # the attack its article is about (its ASSAULT group with the most mentions)
    main: bool = False
    # weekdays (Monday = 0) its mentions name when no date could be resolved (an
    # article without a publication date: "early Sunday")
    weekdays: frozenset[int] = frozenset()
    # the content words of its article's headline (the site's name cut), for the main
    # attack only: a headline tells what its article is about, not what it recalls
    headline: frozenset[str] = frozenset()


@dataclass
class Verdict:
    conflict: Optional[str]
    score: float
    reasons: list[str]
    # what ties the two to one happening: "date", "place", "victim" (a merge across
    # documents needs a place or a victim; see ``_Fuser._anchored`` for the exception),
    # and the softer "target" (a named target in common) and "wording" (similar words)
    anchors: frozenset[str] = frozenset()


class Comparer:
    """Compares candidates using the run's places and entities."""

    def __init__(self, places: dict[str, Place], entities: dict[str, Entity], fuse_km: float = 40.0, fuse_days: int = 1,
                 actors=None):
        self.places = places
        self.entities = entities
        self.actors = actors  # the actor dictionary, for affiliations of actors not seen in this run
        self.fuse_km = fuse_km
        self.fuse_days = fuse_days
        self.w = weights()
        # a headline's steps of the court case: the time lexicon's court verbs, and more
        self._followup = frozenset(self.w["followup_headline_words"]) | load_time_lexicon().court_verbs
        self.idf: dict[str, float] = {}
        self._norms: dict[frozenset[str], float] = {}  # word set -> its idf norm, under the current idf

    def forget_norms(self) -> None:
        """Drop the cached norms of word sets (one article's groups come and go)."""
        self._norms.clear()

    def fit_idf(self, cands: list["Candidate"]) -> None:
        """Inverse document frequencies of the candidates' words, so that wording
        shared by many reports of many events ("police", "shot") counts for little."""
        df: dict[str, int] = {}
        for c in cands:
            for w in c.words:
                df[w] = df.get(w, 0) + 1
        n = max(1, len(cands))
        self.idf = {w: math.log((n + 1) / (k + 0.5)) for w, k in df.items()}
        self._norms.clear()

    def wording(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Cosine of idf-weighted word sets."""
        if not a or not b:
            return 0.0
        idf = self.idf
        default = math.log(2.0)
        # exact sums (fsum), so the figure does not depend on the sets' iteration order
        common = math.fsum(idf.get(w, default) ** 2 for w in a & b)
        if not common:
            return 0.0
        return common / (self._norm(a) * self._norm(b))

    def _norm(self, words: frozenset[str]) -> float:
        n = self._norms.get(words)
        if n is None:
            idf = self.idf
            default = math.log(2.0)
            n = self._norms[words] = math.sqrt(math.fsum(idf.get(w, default) ** 2 for w in words))
        return n

    # ------------------------------------------------------------------ parts

    def _parent(self, x: str) -> Optional[str]:
        e = self.entities.get(x)
        if e is not None and e.affiliation:
            return e.affiliation
        if self.actors is not None:
            actor = self.actors.get(x)
            return getattr(actor, "affiliation", None) if actor is not None else None
        return None

    def _ancestors(self, x: str) -> list[str]:
        return ancestors(x, self._parent)

    def _related(self, a: str, b: str) -> bool:
        """Same entity, or one is the other's parent or sponsor at any remove (a
        country, its government, its defence ministry and its armed forces; a militia
        and its umbrella group), or both belong directly to the same parent."""
        if a == b:
            return True
        ea, eb = self.entities.get(a), self.entities.get(b)
        if ea and eb and (ea.type == "PERSON") != (eb.type == "PERSON"):
            return True  # a person and an organisation can both be right (who ordered, who struck)
        pa, pb = self._ancestors(a), self._ancestors(b)
        return b in pa or a in pb or bool(pa and pb and pa[0] == pb[0] and self._same_kind(a, b))

    def _same_kind(self, a: str, b: str) -> bool:
        """Siblings count as one side only when they are not armed groups: two
        militias of one umbrella are different perpetrators."""
        ea, eb = self.entities.get(a), self.entities.get(b)
        return not (ea and eb and ea.type == "ARMED_GROUP" and eb.type == "ARMED_GROUP")

    def _overlap(self, xs: frozenset[str], ys: frozenset[str]) -> list[str]:
        return sorted({x for x in xs for y in ys if self._related(x, y)})

    def _is_person(self, eid: str) -> bool:
        e = self.entities.get(eid)
        return e is not None and e.type == "PERSON" or eid.startswith("person:")

    def _name(self, eid: str) -> str:
        e = self.entities.get(eid)
        return e.name if e else eid

    def compare_dates(self, a: DateRange, b: DateRange) -> tuple[Optional[str], float, Optional[str]]:
        if a.start is None or b.start is None or a.precision == "unknown" or b.precision == "unknown":
            return None, 0.0, None
        a_end, b_end = a.end or a.start, b.end or b.start
        if a.precision == "day" and b.precision == "day":
            gap = abs((a.start - b.start).days)
            if gap == 0:
                return None, self.w["date_same_day"], f"same date ({a.start.isoformat()})"
            if gap <= self.fuse_days:
                return None, self.w["date_adjacent_day"], f"dates {gap} day apart ({a.start.isoformat()}, {b.start.isoformat()})"
            return f"dated {a.start.isoformat()} and {b.start.isoformat()}", 0.0, None
        slack = dt.timedelta(days=self.fuse_days)
        if a.start - slack <= b_end and b.start - slack <= a_end:
            if "day" in (a.precision, b.precision) or "week" in (a.precision, b.precision):
                return None, self.w["date_overlap"], f"dates overlap ({a.start.isoformat()}..{a_end.isoformat()} / {b.start.isoformat()}..{b_end.isoformat()})"
            # a month or a year in common says little about being one event
            return None, 0.0, None
        return f"dated {a.start.isoformat()}..{a_end.isoformat()} and {b.start.isoformat()}..{b_end.isoformat()}", 0.0, None

    def _size_discount(self, p: Place) -> float:
        """Sharing a big city says less than sharing a small town: many events happen there."""
        return self.w["big_city_factor"] if (p.population or 0) >= self.w["big_city_population"] else 1.0

    def _country_and_town(self, a: str, b: str) -> bool:
        pa, pb = self.places.get(a), self.places.get(b)
        return a != b and pa is not None and pb is not None and (pa.kind in _COUNTRY_KINDS) != (pb.kind in _COUNTRY_KINDS)

    def compare_places(self, a: Optional[str], b: Optional[str]) -> tuple[Optional[str], float, Optional[str]]:
        if not a or not b:
            return None, 0.0, None
        pa, pb = self.places.get(a), self.places.get(b)
        if pa is None or pb is None:
            return None, 0.0, None
        if a == b:
            return None, self.w["place_same"] * self._size_discount(pa), f"same place ({pa.name})"
        if {pa.kind, pb.kind} == {"border", "country"}:
            # a border belongs to both countries it separates ("Iraq-Syria border")
            border, country = (pa, pb) if pa.kind == "border" else (pb, pa)
            names = [border.name.lower()] + [a.lower() for a in border.aliases]
            if any(n.lower() in b for n in [country.name] + list(country.aliases) if len(n) > 3 for b in names):
                return None, self.w["place_within_country"], f"{border.name} lies on the border of {country.name}"
        if pa.kind in _COUNTRY_KINDS or pb.kind in _COUNTRY_KINDS:
            # a country contains the other place when their countries match; when they
            # don't, the event may straddle a border or a report may name the wrong
            # side: weak evidence against, never a conflict on its own
            if pa.country and pb.country and pa.country != pb.country:
                return None, self.w["place_other_country"], None
            big, small = (pa, pb) if pa.kind in _COUNTRY_KINDS else (pb, pa)
            return None, self.w["place_within_country"], f"{small.name} lies in {big.name}"
        if None in (pa.lat, pa.lon, pb.lat, pb.lon):
            return None, 0.0, None
        km = haversine_km(pa.lat, pa.lon, pb.lat, pb.lon)
        if km > self.fuse_km and base_name(pa.name) == base_name(pb.name):
            # one name, two namesakes ("Newark" in New Jersey and in New York): the
            # reports agree on the name, the geocoder chose differently for each
            return None, self.w["place_same_name"], f"same place name ({pa.name}) geocoded to namesakes"
        km = haversine_km(pa.lat, pa.lon, pb.lat, pb.lon)
        radius = max(self.fuse_km, _WIDE_KINDS.get(pa.kind or "", 0.0), _WIDE_KINDS.get(pb.kind or "", 0.0))
        if km <= radius:
            w = self.w["place_near"] if km <= self.fuse_km else self.w["place_within_region"]
            w *= min(self._size_discount(pa), self._size_discount(pb))
            if pa.kind in _TOWN_KINDS and pb.kind in _TOWN_KINDS and km > self.w["other_town_km"]:
                # two towns that far apart are neighbours, not one place: within reach
                # of one event, but no evidence that the reports are of the same one
                w = min(w, self.w["place_other_town"])
            return None, w, f"places {km:.0f} km apart ({pa.name}, {pb.name})"
        return f"places {km:.0f} km apart ({pa.name}, {pb.name})", 0.0, None

    # ------------------------------------------------------------------ whole

    @staticmethod
    def _after_publication(x: Candidate, y: Candidate) -> Optional[str]:
        """A report can't tell of what happened after it was published: a day that
        one report's own sentences give (not one read off its article), later than
        the day the other was published, is another happening (a second shooting in
        the same street, a verdict, a death days later)."""
        if (x.date.precision == "day" and x.date.start is not None and not x.date_inferred
                and y.published is not None and x.date.start > y.published):
            return (f"dated {x.date.start.isoformat()}, after {', '.join(sorted(y.docs))} "
                    f"was published ({y.published.isoformat()})")
        return None

    @staticmethod
    def _sequenced(a: Candidate, b: Candidate) -> bool:
        """Whether a mention of one is told to come after one of the other in a sentence
        (``attributes["sequenced"]``, see ``events.extract``)."""
        others = {x for m in b.members for x in (m.attributes or {}).get("sequenced", ())}
        return bool(others) and any(m.trigger.start in others for m in a.members)

    def _before_stamp(self, x: Candidate, y: Candidate) -> bool:
        """x is dated only by its publication, and y's day (its own or one read off its
        article) comes at most ``published_days`` before it (gva-dev: date +3 -1; with
        no limit, killed -7 and date -8: a follow-up then joins an older shooting).
        When x's headline tells a step of the court case ("charged in killing"), its
        attack came well before: up to ``published_days_followup`` (gva-dev: date +1)."""
        if not (x.date_published and x.date.start is not None and y.date.start is not None):
            return False
        followup = not x.headline.isdisjoint(self._followup)
        limit = self.w["published_days_followup"] if followup else self.w["published_days"]
        return 0 <= (x.date.start - y.date.start).days <= limit

    def modes_differ(self, a: Candidate, b: Candidate, same_doc: bool = False) -> bool:
        """Whether the two tell attacks of different kinds (``compatible_modes``; within
        one article also ``compatible_modes_same_doc``, from a's mode to b's)."""
        if not (a.mode and b.mode) or a.mode == b.mode:
            return False
        compatible = self.w["compatible_modes"].get(a.mode, [])
        # one article may call an air raid "the bombing" (a translation often does)
        same = self.w.get("compatible_modes_same_doc", {}).get(a.mode, []) if same_doc else []
        return b.mode not in compatible and b.mode not in same

    def compare(self, a: Candidate, b: Candidate, same_doc: bool = False) -> Verdict:
        w = self.w
        reasons: list[str] = []
        if a.type != b.type:
            return Verdict(f"types {a.type} and {b.type}", 0.0, [])
        if self.modes_differ(a, b, same_doc):
            return Verdict(f"modes {a.mode} and {b.mode}", 0.0, [])
        conflict, s_date, why = self.compare_dates(a.date, b.date)
        if (conflict is None and not same_doc and a.date.start is None and b.date.start is None
                and a.weekdays and b.weekdays and all(
                min((x - y) % 7, (y - x) % 7) > 1 for x in a.weekdays for y in b.weekdays)):
            # undated reports that name days two or more apart ("early Sunday", "Tuesday
            # evening") are of different days (a night's two days may both be named)
            conflict = "named on different days (" + ", ".join(
                calendar.day_name[d] for d in sorted(a.weekdays)) + " / " + ", ".join(calendar.day_name[d] for d in sorted(b.weekdays)) + ")"
        score = 0.0
        if conflict and (a.date_inferred or b.date_inferred):
            # a date read off the article (its first day, its publication) is a guess:
            # a follow-up published weeks later must not be kept apart by it; an article
            # that names no day only says the attack came before it was published, so an
            # earlier day in the other report says nothing against it
            if not (self._before_stamp(a, b) or self._before_stamp(b, a)):
                score += w["inferred_date_mismatch"]
            conflict, why = None, None
        if conflict:
            return Verdict(conflict, 0.0, [])
        if not same_doc:
            late = self._after_publication(a, b) or self._after_publication(b, a)
            if late:
                return Verdict(late, 0.0, [])
        score += s_date
        anchors = set()
        if why:
            reasons.append(why)
            anchors.add("date")
        if a.background != b.background and not (s_date >= w["date_same_day"]):
            if same_doc or s_date == 0.0 and (a.date.start is not None or b.date.start is not None):
                return Verdict("one is a background event, the other current", 0.0, [])
            # what one article recalls ("a strike last month") another reports as news:
            # across articles it counts against a merge only when the dates can't say
            score += w["background_mismatch"]
        common = {x for x in a.victims for y in b.victims if same_person(x, y)}
        conflict, s_place, why = self.compare_places(a.place, b.place)
        if conflict:
            # two reports naming two or more of the same victims are of one happening
            # though their places were geocoded apart (a namesake, the outlet's city)
            if len(common) < w["victims_outweigh_place"]:
                return Verdict(conflict, 0.0, [])
            reasons.append(f"{len(common)} victims in common outweigh {conflict}")
            conflict, s_place, why = None, 0.0, None
        score += s_place
        if why:
            reasons.append(why)
            anchors.add("place")
        # a town "lies in" its country: true, but by itself no place in common to
        # anchor a merge on; it anchors one only beside a participant in common
        in_country = bool(why) and self._country_and_town(a.place, b.place)
        if same_doc and self._sequenced(a, b):
            return Verdict("one is told to come after the other", 0.0, [])
        # an attack and the retaliation for it: who acts in one is the target of the other
        if same_doc and not (a.actors and b.actors) and any(
                not self._is_person(x) for x in self._overlap(a.actors, b.targets) + self._overlap(b.actors, a.targets)):
            # within one article, one side named: "U.S. strikes" and "groups targeting
            # U.S. interests" are two happenings, though the groups go unnamed
            return Verdict("actor of one is the target of the other (attack and response)", 0.0, [])
        if a.actors and b.actors and not self._overlap(a.actors, b.actors):
            crossed = self._overlap(a.actors, b.targets) + self._overlap(b.actors, a.targets)
            # (a person on both sides is one shootout's: "the officer shot the gunman"
            # and "the gunman shot at the officer"; sides that attack and answer are groups)
            if any(not self._is_person(x) for x in crossed):
                return Verdict("actor of one is the target of the other (attack and response)", 0.0, [])
            if a.type != "ASSAULT":
                return Verdict(f"different actors ({', '.join(self._name(x) for x in sorted(a.actors))} / {', '.join(self._name(x) for x in sorted(b.actors))})", 0.0, [])
            score += w["actor_mismatch"]
        shared = self._overlap(a.actors, b.actors)
        if shared:
            score += w["shared_actor"] * min(2, len(shared))
            reasons.append("shared actor " + ", ".join(self._name(x) for x in shared[:3]))
        shared_t = self._overlap(a.targets, b.targets)
        if shared_t:
            score += w["shared_target"] * min(2, len(shared_t))
            anchors.add("target")
            reasons.append("shared target " + ", ".join(self._name(x) for x in shared_t[:3]))
        if in_country and not (shared or shared_t):
            anchors.discard("place")
        if a.victims and b.victims:
            if common:
                anchors.add("victim")
                score += w["shared_victim"]
                reasons.append("same victim " + ", ".join(sorted(common)[:3]))
            elif not same_doc:
                score += w["victim_mismatch"]
        if a.mode and a.mode == b.mode:
            score += w["same_mode"]
        if a.killed and b.killed:
            if a.killed & b.killed:
                score += w["same_toll"]
                reasons.append(f"same death toll ({min(a.killed & b.killed)})")
        street = a.streets & b.streets
        if street and not same_doc:
            # "4030 Dixie Hwy." in both: the same address in one town
            score += w["same_street"]
            anchors.add("place")
            reasons.append(f"same street address ({', '.join(sorted(street)[:2]).title()})")
        dead = {n for n in a.killed & b.killed if n >= w["same_count_min"]}
        wounded = {n for n in a.injured & b.injured if n >= w["same_count_min"]}
        if (dead or wounded) and not same_doc:
            # "Five are shot outside a market" and "shooting of 5": a number of dead or
            # wounded beyond two is rarer than a toll of one
            score += w["same_count"]
            reasons.append(f"same number {'dead' if dead else 'wounded'} ({max(dead or wounded)})")
        if a.main and b.main and not same_doc and a.date.start is None and b.date.start is None:
            # with no date on either side, that each is the attack its article is about
            # stands in (weakly) for the date evidence dated reports have
            score += w["both_main_undated"]
            reasons.append("the attack each undated article is about")
        same_source = a.sourced & b.sourced
        if same_source and not same_doc:
            # two outlets passing on one source's figure ("the militia said four were killed")
            score += w["same_sourced_figure"]
            src, attr, value = min(same_source)
            reasons.append(f"both give {self._name(src)}'s figure ({value} {attr})")
        sim = self.wording(a.words, b.words)
        if sim > 0:
            score += w["wording"] * sim
            if sim >= 0.2:
                reasons.append(f"similar wording ({sim:.2f})")
                anchors.add("wording")
        if not same_doc and a.headline and b.headline:
            # two headlines about one shooting share its rarer words ("Cascade Mall",
            # "memorial service", "Hofstra"), where two reports' sentences share few
            head = self.wording(a.headline, b.headline)
            if head >= w["headline_min"]:
                score += w["headline"] * head
                reasons.append(f"similar headlines ({head:.2f})")
        if not same_doc and a.published and b.published:
            gap = abs((a.published - b.published).days)
            if gap <= w["published_days"]:
                score += w["published_near"]
                reasons.append(f"published {gap} day{'s' if gap != 1 else ''} apart")
        return Verdict(None, score, reasons, frozenset(anchors))
