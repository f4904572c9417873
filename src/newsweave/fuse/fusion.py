"""Event coreference within and across documents (see the package docstring)."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from typing import Iterable, Optional

from newsweave.clean.title import title_debris
from newsweave.config import Options
from newsweave.fuse.disagree import fatalities_for, find_disagreements
from newsweave.fuse.evidence import Candidate, Comparer, Verdict, base_name, content_words, haversine_km, weights
from newsweave.fuse.summary import summarize
from newsweave.geo.normalize import streets_named
from newsweave.time.find import (
    article_day, is_late_night, is_small_hours, names_morning, names_night_clock, names_today,
)
from newsweave.time.lexicon import weekdays_named
from newsweave.records import (
    Claim,
    DateRange,
    DocAnalysis,
    Disagreement,
    Entity,
    Event,
    EventMention,
    Place,
    Span,
    TimeMention,
)

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 9}
_PLACE_RANK = {"facility": 0, "city": 1, "admin2": 2, "border": 3, "region": 3, "admin1": 4, "country": 5}
# a block bigger than this compares nothing: it carries no information (e.g. "the US")
_MAX_BLOCK = 400
# max block-partners examined per candidate per block (keeps fusion near-linear)
_MAX_NEIGHBOURS = 60
# places too coarse to locate an attack: a town the article names inside them is better
_COARSE = ("country", "admin1", "admin2", "region")
# how far from a county's centre one of its towns may lie
_COUNTY_KM = 60.0


# a determiner, demonstrative or possessive opening a noun phrase up to the trigger:
# "the airstrikes", "those strikes", "Sunday's U.S. air raid", "its attack"
_DEFINITE = re.compile(
    r"(?:\b(?:the|these|those|this|that|its|their)|[\w.]+['’]s)\s+((?:[^\W\d][\w.’'-]*\s+){0,3})$", re.IGNORECASE)
# words that cannot stand between a determiner and the head noun of one phrase
_NOT_IN_NP = frozenset(
    """to of in on at by for with from and or but as than was were is are be been being has have had do did
    does will would could should can may might that which who whom whose when where after before over under
    into onto said says told""".split()
)
# a coarse time phrase that needs an anchor ("earlier that month", "weeks before")
_COARSE_TIME = re.compile(r"\b(?:months?|years?|weeks|decades?)\b", re.IGNORECASE)
# any date to resolve an expression against when only its grain matters
_PROXY_DAY = dt.date(2001, 7, 15)


def _definite(text: str, sentence_start: int, trigger_start: int) -> bool:
    """Whether the trigger heads a definite noun phrase, which refers back to an event
    the article has already introduced ("the strikes", "those attacks")."""
    m = _DEFINITE.search(text, max(sentence_start, trigger_start - 60), trigger_start)
    if m is None:
        return False
    return not any(w.lower() in _NOT_IN_NP for w in m.group(1).split())


def _head(trigger: str) -> str:
    """The trigger's head noun or verb, singular and without "air": the word a later
    definite description repeats ("airstrikes" -> "strike")."""
    w = trigger.lower().split()[-1] if trigger.split() else ""
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        w = w[:-1]
    if w.startswith("air") and len(w) > 6:
        w = w[3:]
    return w


def _grain(m: EventMention) -> Optional[str]:
    """The grain of the mention's time expression when the text alone cannot date it:
    "day" ("Sunday night"), "coarse" ("In February", "last year", "earlier that
    month"), or None (no expression, a resolved one, or a week-long span)."""
    t = m.time
    if t is None or t.value.start is not None or getattr(t, "role", None) is not None:
        return None
    from newsweave.time.resolve import resolve

    try:
        precision = resolve(t.span.text, _PROXY_DAY).value.precision
    except Exception:  # pragma: no cover - the resolver refuses odd text with a value, not an error
        return None
    if precision == "day":
        return "day"
    if precision in ("month", "year") or (precision == "unknown" and _COARSE_TIME.search(t.span.text)):
        return "coarse"
    return None


def _weak_place(m: EventMention, text: str, places: dict[str, Place]) -> bool:
    """Whether the mention's place only describes someone, not where it happened: a
    hyphenated modifier ("Iran-backed", "Britain-based"), a possessive ("Iraq's
    military"), or a country naming who struck ("U.S. airstrikes")."""
    pm = m.place_mention
    if pm is None or pm.span.field != "text":
        return False  # a headline's place: its offsets are not the body's
    after = text[pm.span.end:pm.span.end + 3]
    if after[:1] in ("-", "‐", "–") and after[1:2].isalpha():
        return True
    if after[:2] in ("'s", "’s"):
        return True
    p = places.get(m.place or "")
    if p is not None and p.kind == "country" and pm.span.end <= m.trigger.start:
        between = text[pm.span.end:m.trigger.start]
        if len(between) <= 25 and not any(w.lower() in _NOT_IN_NP for w in between.split()) and "," not in between:
            return True
    return False


def _main_group(groups: list[list[EventMention]], among: list[int]) -> int:
    """Of the groups ``among`` (indices), the one an article is about: the most
    mentions, ties to the first named."""
    return max(among, key=lambda i: (len(groups[i]), -groups[i][0].trigger.start))


def _event_id(doc: str, start: int) -> str:
    return "ev-" + hashlib.sha1(f"{doc}:{start}".encode("utf-8")).hexdigest()[:12]


_HOLIDAY_REACH_DAYS = 31


def _far_holiday(t: TimeMention, published: dt.date) -> bool:
    """A day named without a number (a holiday: "St. Patrick's Day", "Christmas") that
    falls more than a month before publication: in an article that dates its attack
    nowhere, such a name is a teaser's or an older story's ("a Labor Day shooting that
    left one dead"), not the attack's day."""
    return t.value.precision == "day" and not any(ch.isdigit() for ch in t.span.text) \
        and (published - t.value.start).days > _HOLIDAY_REACH_DAYS


def _earliest_most_precise(dates: list[DateRange]) -> Optional[DateRange]:
    if not dates:
        return None
    rank = min(_PRECISION_RANK[d.precision] for d in dates)
    return min((d for d in dates if _PRECISION_RANK[d.precision] == rank), key=lambda d: (d.start, d.end or d.start))


# how near a day the articles that date an event give, the day of an article that
# dates it nowhere must be to vote (gva-dev: 1 to 30 days give the same result)
_FALLBACK_REACH_DAYS = 3

# the vote of an article that dates an event only with "today"/"tonight" (which date
# quotations and live updates as often as the attack): half that of another
_TODAY_VOTE = 0.5

# the least an article's vote counts when its own time expressions of the event split
# between days: its vote is this plus the rest times the share that give its day
_SPLIT_VOTE = 0.5


def _pick(counts: dict[tuple, float], small: set, night: set, prefer: Optional[dt.date] = None,
          clocked: frozenset | set = frozenset()) -> tuple:
    """The (start, end) with the most votes.  Ties go to the earliest, except that a
    day some report puts in its first hours ("early Sunday", "about 1 a.m. Sunday")
    wins over the day before it when every report of that earlier day puts it in its
    last hours ("late Saturday night", "last night"): the same shooting told from
    either side of midnight happened on the later calendar day.  But a clock time
    before midnight ("at 11:40 p.m. Wednesday") keeps its day against first hours
    given without one ("Early Thursday morning, police responded"): only an hour
    after midnight as exact ("about 12:30 a.m. Thursday") overturns it (days with
    such clock times are ``clocked``).  Otherwise a tied day equal to ``prefer``
    (the day the article gives as a whole) wins."""
    top = max(counts.values())
    tied = sorted((k for k, v in counts.items() if v == top), key=lambda k: (k[0], k[1] or k[0]))
    if len(tied) > 1 and small:
        starts = {k[0] for k in tied}
        for k in tied:
            before = k[0] - dt.timedelta(days=1) if k[0] is not None else None
            if k[0] in small and before in starts and before in night and (before not in clocked or k[0] in clocked):
                return k
    if prefer is not None:
        for k in tied:
            if k[0] == prefer:
                return k
    return tied[0]


def _night_days(texts: Iterable[tuple[Optional[dt.date], str]]) -> tuple[set, set, set]:
    """(days some expression puts in their first hours, days every expression puts
    in their last hours, days some expression gives a clock time of the first or
    last hours) among (day, expression text) pairs."""
    small: set = set()
    clocked: set = set()
    late: dict[dt.date, bool] = {}
    for day, text in texts:
        if day is None:
            continue
        if is_small_hours(text):
            small.add(day)
        if names_night_clock(text):
            clocked.add(day)
        late[day] = late.get(day, True) and is_late_night(text)
    return small, {d for d, v in late.items() if v}, clocked


def _article_vote(mentions: list[EventMention], article_day: Optional[dt.date] = None
                  ) -> Optional[tuple[DateRange, set, set, bool, set, float]]:
    """One article's date for an event (see :func:`_article_date`): the date, that day
    if the article puts the happening in its first hours (else nothing), that day if
    every expression of it puts the happening in its last hours (else nothing), and
    whether only "today"/"tonight" give that day, that day if an expression of it
    gives a clock time of the first or last hours, and the share of its expressions
    that give that date.  ``article_day`` is the day the article gives as a whole, if
    its mentions of the event don't all carry it."""
    dates = [m.date for m in mentions]
    best = _earliest_most_precise(dates)
    if best is None:
        return None
    rank = _PRECISION_RANK[best.precision]
    own: dict[int, tuple[DateRange, str]] = {}
    for m in mentions:
        if m.time is not None and _PRECISION_RANK[m.date.precision] == rank:
            own.setdefault(m.time.span.start, (m.date, m.time.span.text))
    if not own:
        return best, set(), set(), False, set(), 1.0
    today = best.precision == "day" and all(names_today(text) for _, text in own.values())
    if today and article_day is not None and article_day not in {d.start for d, _ in own.values()} and not (
            article_day == best.start - dt.timedelta(days=1) and all(names_morning(t) for _, t in own.values())):
        # "today" and "tonight" often date a quotation or a live update, not the attack:
        # the day the article gives as a whole, carried by its other mentions, wins;
        # but "this morning" after the night before ("a party last night") is the
        # same night seen from after midnight, and keeps its day
        return DateRange(article_day, article_day, "day"), set(), set(), False, set(), 1.0
    counts = Counter((d.start, d.end) for d, _ in own.values())
    small, night, clocked = _night_days((d.start, text) for d, text in own.values() if d.precision == "day")
    start, end = _pick(counts, small, night, article_day, clocked)
    share = counts[(start, end)] / sum(counts.values())
    return DateRange(start, end, best.precision), small & {start}, night & {start}, today, clocked & {start}, share


def _article_date(mentions: list[EventMention]) -> Optional[DateRange]:
    """One article's date for an event: among its most precise dates, the one most
    of its own time expressions give (each expression counted once, however many
    mentions it dates), ties to the day the article gives as a whole
    (:func:`newsweave.time.find.article_day`, carried by its undated mentions), else
    to the earliest, unless the later of two adjacent days is put in its first hours
    ("late Saturday night" ... "about 1 a.m. Sunday": Sunday).
    An article names the attack's day again and again ("Saturday", "about 3 a.m.
    Saturday", "early Saturday"), while the evening before, an arrest or a funeral is
    named once; without two expressions to tell them apart, the earliest wins (the
    attack comes first).  A date given only by "today"/"tonight" yields to the day
    the article gives as a whole (``attributes["article_day"]`` of its other mentions)."""
    days = [d for m in mentions if isinstance(d := (m.attributes or {}).get("article_day"), dt.date)]
    vote = _article_vote(mentions, days[0] if days else None)
    return vote[0] if vote is not None else None


def best_date(mentions: Iterable[EventMention]) -> DateRange:
    """The event's date from its mentions' dates.

    Within one article (:func:`_article_date`), the most precise date that most of
    the article's time expressions give, ties to the earliest: an article dates the
    event and then, later, what followed it (arrests, funerals, statements), whose
    dates attach to the same mentions.  Across articles, the date most articles give
    (each article once), ties to the earliest, unless the later of two adjacent days
    is one an article puts in its first hours ("early Sunday" against another
    outlet's "late Saturday night").  An article dating the event only with "today"
    or "tonight" counts half.  When the date is a day, an article whose
    mentions carry no date of their own counts with the day it gives as a whole
    (``attributes["article_day"]``, see ``events.mentions.attach_time``):
    "police were called at 11:30 p.m. Wednesday" outside the sentences that name the
    shooting still dates it, against another outlet's "this morning's shooting";
    but only when that day is within a few days of one the dating articles give.
    When the date is coarser ("last week", "in 2017"), the day such an article gives
    inside that range narrows it.  Such days never date an event alone
    (fusion dates an event no article dates from the articles themselves).
    """
    per_doc: dict[str, list[EventMention]] = defaultdict(list)
    fallback: dict[str, dt.date] = {}
    for m in mentions:
        if m.date is not None and m.date.start is not None and m.date.precision != "unknown":
            per_doc[m.doc].append(m)
        else:
            day = m.attributes.get("article_day") if m.attributes else None
            if isinstance(day, dt.date) and not m.background:
                fallback.setdefault(m.doc, day)
    votes = [v for v in (_article_vote(ms, fallback.get(doc)) for doc, ms in per_doc.items()) if v is not None]
    if not votes:
        return DateRange(None, None, "unknown")
    rank = min(_PRECISION_RANK[v[0].precision] for v in votes)
    top = [v for v in votes if _PRECISION_RANK[v[0].precision] == rank]
    counts: dict[tuple, float] = {}
    small: set = set()
    clocked: set = set()
    late: dict[dt.date, bool] = {}
    for d, sm, nt, today, ck, share in top:
        # an article that gives the day with all its expressions counts one; one that
        # splits them ("about 11:30 p.m. Tuesday" ... "an alert about the shooting around
        # 12:17 a.m. Wednesday") counts down to one half (gva-dev: date +3 -1)
        weight = (_TODAY_VOTE if today else 1) * (_SPLIT_VOTE + (1 - _SPLIT_VOTE) * share)
        counts[(d.start, d.end)] = counts.get((d.start, d.end), 0) + weight
        small |= sm
        clocked |= ck
        if d.start is not None:
            late[d.start] = late.get(d.start, True) and d.start in nt
    precision = top[0][0].precision
    if precision == "day":
        dated = [k[0] for k in counts if k[0] is not None]
        for doc, day in fallback.items():
            # a day far from every day the dating articles give is another story's
            # (a page collected months later, a follow-up about the trial)
            if doc not in per_doc and any(abs((day - d).days) <= _FALLBACK_REACH_DAYS for d in dated):
                counts[(day, day)] = counts.get((day, day), 0) + 1
                late[day] = False
    start, end = _pick(counts, small, {d for d, v in late.items() if v}, clocked=clocked)
    if precision != "day" and fallback and start is not None:
        # "last week", "in 2017": a day an article gives inside that range narrows it
        inside = Counter(day for day in fallback.values() if start <= day <= (end or start))
        if inside:
            day = min(inside, key=lambda d: (-inside[d], d))
            return DateRange(day, day, "day")
    return DateRange(start, end, precision)



def _participant_countries(mentions: Iterable[EventMention], entities: dict[str, Entity]) -> set[str]:
    """Names of the countries that take part in these mentions ("U.S. strikes")."""
    out = set()
    for m in mentions:
        for em in list(m.actors) + list(m.targets):
            e = entities.get(em.entity or "")
            if e is not None and e.type == "COUNTRY":
                out.add(e.name.lower())
                out.update(a.lower() for a in e.aliases)
            out.add(em.span.text.lower())
    return out


def best_place(mentions: Iterable[EventMention], places: dict[str, Place], entities: Optional[dict[str, Entity]] = None) -> Optional[str]:
    """The place the mentions name most, or a more specific place they name inside it.

    A country that takes part in the event ("U.S. strikes", "attacks on Iraq") is not
    evidence of where it happened, so it counts only when nothing else is named.
    """
    mentions = list(mentions)
    ids = [m.place for m in mentions if m.place and m.place in places]
    if not ids:
        return None
    if entities:
        parties = _participant_countries(mentions, entities)
        located = [p for p in ids if not (places[p].kind == "country" and places[p].name.lower() in parties)]
        ids = located or ids
    # a place taken from another clause of the sentence, or one far from the article's home
    # (a country abroad in a local story), is weaker evidence than the event's own clause
    counts: Counter = Counter()
    kept = set(ids)
    for m in mentions:
        if m.place in kept:
            counts[m.place] += _place_weight(m)
    _settle_namesakes(mentions, counts, places)
    rank = {p: _PLACE_RANK.get(places[p].kind or "", 6) for p in counts}
    first: dict[str, tuple[str, int]] = {}  # where each place is first given (ties go to the earlier)
    for m in mentions:
        if m.place in counts:
            at = (m.doc, m.place_mention.span.start if m.place_mention else m.trigger.start)
            first[m.place] = min(first.get(m.place, at), at)
    # the place named most (ties to the more specific, then the earlier) ...
    top = min(counts, key=lambda p: (-counts[p], rank[p], first[p], p))
    # ... unless a more specific place inside it is named too ("Orange County" x3, "Pine Hills")
    # or a more specific place elsewhere is named as often
    finer = [p for p in counts if rank[p] < rank[top] and (counts[p] >= counts[top] or _inside(places[p], places[top]))]
    if finer:
        return min(finer, key=lambda p: (rank[p], -counts[p], first[p], p))
    return top


_NAMESAKE_KM = 100.0  # one name read as two towns this far apart: the reports' geocodings disagree


def _settle_namesakes(mentions: list[EventMention], counts: Counter, places: dict[str, Place]) -> None:
    """Reports of one event that geocode one town name to namesakes far apart ("Montgomery"
    in Alabama in one, in Georgia in another, where its outlet's state led the reading)
    agree on the name: the reading more of them give, then the one the event's other
    places back (in its state), then the bigger town, takes the other's weight (in
    place, on ``counts``)."""
    if len(counts) < 2:
        return
    docs: dict[str, set] = defaultdict(set)
    for m in mentions:
        if m.place in counts:
            docs[m.place].add(m.doc)

    def backed(p: str) -> int:  # the event's other places in the same state or province
        c = places[p]
        return sum(1 for q in counts if base_name(places[q].name) != base_name(c.name)
                   and places[q].country == c.country and c.admin1 and places[q].admin1 == c.admin1)

    towns = sorted((p for p in counts if places[p].kind == "city" and places[p].lat is not None),
                   key=lambda p: (-len(docs[p]), -backed(p), -(places[p].population or 0), p))
    for i, winner in enumerate(towns):
        if winner not in counts:
            continue
        w = places[winner]
        for loser in towns[i + 1 :]:
            lp = places[loser]
            if (loser in counts and base_name(lp.name) == base_name(w.name)
                    and haversine_km(w.lat, w.lon, lp.lat, lp.lon) > _NAMESAKE_KM):
                counts[winner] += counts.pop(loser)


_REMOTE_WEIGHT = 0.3  # a mention's place that geocoding marks as remote from the article's home
_OTHER_CLAUSE_WEIGHT = 0.5  # a place found only in another clause of the event's sentence
_TITLE_WEIGHT = 0.5  # a place only the article's headline names (the body gave none for the event)


def _place_weight(m: EventMention) -> float:
    w = 1.0
    if m.place_mention is not None and m.place_mention.role == "remote":
        w *= _REMOTE_WEIGHT
    via = m.attributes.get("place_via")
    if via == "other_clause":
        w *= _OTHER_CLAUSE_WEIGHT
    elif via == "title" and m.trigger.field != "title":
        w *= _TITLE_WEIGHT
    return w


_INSIDE_KM = {"admin2": 60.0, "city": 25.0, "border": 60.0, "region": 100.0}


def _inside(inner: Place, outer: Place) -> bool:
    """Whether a place plausibly lies within another (same country; same state; near a county's centre)."""
    if inner.country != outer.country or inner.country is None:
        return False
    if outer.kind == "country":
        return True
    if outer.kind == "admin1":
        return bool(inner.admin1) and inner.admin1 == outer.admin1
    limit = _INSIDE_KM.get(outer.kind or "")
    if limit is None or None in (inner.lat, inner.lon, outer.lat, outer.lon):
        return False
    return haversine_km(inner.lat, inner.lon, outer.lat, outer.lon) <= limit


def _entity_ids(mentions) -> list[str]:
    counts = Counter(em.entity for em in mentions if em.entity)
    return [e for e, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _chosen(mentions: list[EventMention], places: dict[str, Place], entities: dict[str, Entity],
            weak: frozenset[str] | set[str]) -> dict:
    """What a group's mentions decide together (in reading order): its key and type,
    its most frequent mode, its date and its place (mentions in ``weak`` give none)."""
    modes = Counter(m.mode for m in mentions if m.mode and m.mode != "unspecified")
    return dict(
        key=mentions[0].id,
        type=mentions[0].type,
        mode=min(modes, key=lambda k: (-modes[k], k)) if modes else None,
        date=best_date(mentions),
        place=best_place([m for m in mentions if m.id not in weak], places, entities),
        members=mentions,
    )


def candidate_for(mentions: list[EventMention], claims: list[Claim], places: dict[str, Place],
                  entities: dict[str, Entity], sentence_persons: Optional[set[str]] = None,
                  weak: frozenset[str] | set[str] = frozenset()) -> Candidate:
    """The features fusion compares, for a group of mentions (and their claims).
    Mentions in ``weak`` give no place (see ``_weak_place``)."""
    mentions = sorted(mentions, key=lambda m: (m.doc, m.trigger.start))
    actors = frozenset(_entity_ids(a for m in mentions for a in m.actors))
    targets = frozenset(_entity_ids(t for m in mentions for t in m.targets))
    victims = {t for t in targets if entities.get(t) and entities[t].type == "PERSON"}
    if sentence_persons:
        victims |= sentence_persons
    killed = frozenset(int(c.value) for c in claims if c.attribute == "killed" and isinstance(c.value, (int, float)))
    injured = frozenset(int(c.value) for c in claims if c.attribute == "injured" and isinstance(c.value, (int, float)))
    sourced = frozenset(
        (c.attributed_mention.entity, c.attribute, int(c.value)) for c in claims
        if c.attribute in ("killed", "injured") and isinstance(c.value, (int, float))
        and c.attributed_mention is not None and c.attributed_mention.entity
    )
    words: set[str] = set()
    streets: set[str] = set()
    for m in mentions:
        words |= content_words(m.sentence.text)
        streets |= streets_named(m.sentence.text)
    return Candidate(
        weekdays=named_weekdays(mentions),
        **_chosen(mentions, places, entities, weak),
        actors=actors,
        targets=targets,
        victims=frozenset(victims),
        killed=killed,
        injured=injured,
        streets=frozenset(streets),
        words=frozenset(words),
        docs=frozenset(m.doc for m in mentions),
        background=all(m.background for m in mentions),
        sourced=sourced,
    )


def named_weekdays(mentions: Iterable[EventMention]) -> frozenset[int]:
    """The weekdays the mentions' own unresolved time expressions name ("early Sunday"
    in an article without a publication date); empty when a date was resolved."""
    out: set[int] = set()
    for m in mentions:
        if m.time is not None and m.date is not None and m.date.start is None:
            out |= weekdays_named(m.time.span.text)
    return frozenset(out)


def _joined(group: Candidate, single: Candidate, mentions: list[EventMention], places: dict[str, Place],
            entities: dict[str, Entity], weak: frozenset[str] | set[str]) -> Candidate:
    """``candidate_for(mentions)`` after ``single``'s mention joined ``group`` in reading
    order, without recounting the group's words, participants and figures: the sets
    are unions; mode, date and place are chosen again from all the mentions."""
    return Candidate(
        **_chosen(mentions, places, entities, weak),
        actors=group.actors | single.actors,
        targets=group.targets | single.targets,
        victims=group.victims | single.victims,
        killed=group.killed | single.killed,
        injured=group.injured | single.injured,
        streets=group.streets | single.streets,
        words=group.words | single.words,
        docs=group.docs | single.docs,
        background=group.background and single.background,
        sourced=group.sourced | single.sourced,
        weekdays=group.weekdays | single.weekdays,
    )


def _roundups(analyses: list[DocAnalysis]) -> set[str]:
    """Ids of the round-up articles: their headline reports several shootings at once
    (``roundup_title_patterns`` in events_casualties.yaml)."""
    from newsweave.events import load_lexicon

    rx = load_lexicon().pattern("casualties", "roundup_title_patterns")
    return {da.article.id for da in analyses if da.article.title and rx.search(da.article.title.lower())}


class _Fuser:
    def __init__(self, analyses: list[DocAnalysis], entities: list[Entity], places: list[Place], options: Options):
        self.options = options
        self.entities = {e.id: e for e in entities}
        self.places = {p.id: p for p in places}
        try:
            from newsweave.pipeline import load_actor_dictionary

            actors = load_actor_dictionary()  # loaded once per process
        except Exception:  # pragma: no cover - the dictionary is packaged data
            actors = None
        self.comparer = Comparer(self.places, self.entities, options.fuse_km, options.fuse_days, actors)
        self.w = weights()
        self.analyses = analyses
        self.roundups = _roundups(analyses)
        from newsweave.events import load_lexicon
        from newsweave.events.headline import headline_event_words

        self.lexicon = load_lexicon()
        self.event_words = headline_event_words(self.lexicon)
        self.claims_by_mention: dict[str, list[Claim]] = defaultdict(list)
        for da in analyses:
            for c in da.claims:
                self.claims_by_mention[c.mention].append(c)
        self.reasons: dict[str, list[str]] = defaultdict(list)  # candidate key -> reasons
        self.inferred: dict[str, dict] = {}  # candidate key -> place/date taken from the article
        self.weak: set[str] = set()  # mention ids whose place only describes a participant

    # ---------------------------------------------------------------- stage 1

    def _persons_near(self, da: DocAnalysis, mentions: list[EventMention], claims: list[Claim]) -> set[str]:
        """People named in the sentences that report casualties of these mentions
        (victims and suspects), not the people the claims are attributed to."""
        sources = {id(c.attributed_mention) for c in claims if c.attributed_mention is not None}
        spans = [(c.field, c.start, c.end) for c in claims if c.attribute in ("killed", "injured")]
        spans += [(m.sentence.field, m.sentence.start, m.sentence.end) for m in mentions if m.type == "ASSAULT"]
        # who strikes is no victim, nor is one of its officials ("at the direction of President X")
        actors = {a.entity for m in mentions for a in m.actors if a.entity}
        out = set()
        for em in da.entities:
            if em.type != "PERSON" or not em.entity or id(em) in sources or em.entity in actors:
                continue
            aff = self.entities[em.entity].affiliation if em.entity in self.entities else None
            if aff and any(self.comparer._related(aff, a) for a in actors):
                continue
            if any(f == em.span.field and s <= em.span.start < e for f, s, e in spans):
                out.add(em.entity)
        return out

    def within_document(self, da: DocAnalysis) -> list[Candidate]:
        """Join one article's mentions of the same happening, reading in order: each
        mention joins the latest compatible group (a definite description, "the
        strikes", the latest one that used the same word as a noun: a verb, "drones
        that strike targets", introduces nothing to refer back to; and first one named
        earlier in its own sentence), else opens its own."""
        mentions = sorted((m for m in da.events if not m.negated and not m.hypothetical), key=lambda m: m.trigger.start)
        self.comparer.forget_norms()
        # a mention read from the headline (``Span.field == "title"``) has its offsets there
        source = da.article.field_text
        weak = {m.id for m in mentions if _weak_place(m, source(m.trigger.field), self.places)}
        self.weak |= weak
        groups: list[list[EventMention]] = []
        cands: list[Candidate] = []
        notes: list[list[str]] = []
        grains: list[set[str]] = []
        heads: list[set[str]] = []
        for m in mentions:
            claims_m = self.claims_by_mention.get(m.id, [])
            definite = m.trigger.start > 0 and _definite(source(m.trigger.field),
                                                         m.sentence.start, m.trigger.start)
            if definite and m.place_mention is not None and not (
                    m.place_mention.span.field == m.trigger.field
                    and m.sentence.start <= m.place_mention.span.start < m.sentence.end):
                # "the strikes" refers back: a place from another sentence is no reason to
                # start a new event (it still counts for where the event happened)
                single = candidate_for([m], claims_m, self.places, self.entities, weak=weak | {m.id})
            else:
                single = candidate_for([m], claims_m, self.places, self.entities, weak=weak)
            grain = _grain(m)
            head = _head(m.trigger.text)
            chosen: Optional[tuple[int, Verdict]] = None
            # a definite description looks first to a group named earlier in its sentence
            # ("no one claimed the rocket attacks, but video of the assault was shared")
            order = range(len(groups) - 1, -1, -1)
            if definite:
                order = sorted(order, key=lambda k: groups[k][-1].sentence == m.sentence, reverse=True)
            for gi in order:
                g = cands[gi]
                if g.type != m.type:
                    continue
                if (grain == "coarse" and "day" in grains[gi]) or (grain == "day" and "coarse" in grains[gi] and "day" not in grains[gi]):
                    continue  # "In February" and "Sunday night" in one article are two times
                v = self.comparer.compare(g, single, same_doc=True)
                if v.conflict:
                    continue
                if m.type != "ASSAULT" and not (g.actors & single.actors):
                    continue
                if v.score < self.w["merge_threshold_same_doc"]:
                    continue
                if chosen is None:
                    chosen = (gi, v)
                if not definite or head in heads[gi]:
                    chosen = (gi, v)
                    break
            if chosen is not None:
                gi, v = chosen
                groups[gi].append(m)
                if grain:
                    grains[gi].add(grain)
                if not m.attributes.get("verbal"):
                    heads[gi].add(head)
                cands[gi] = _joined(cands[gi], single, groups[gi], self.places, self.entities, weak)
                why = "; ".join(v.reasons) or "no conflicting date, place, mode or participants"
                if definite:
                    why += f"; '{m.trigger.text}' is a definite description"
                notes[gi].append(
                    f"in {da.article.id}, '{m.trigger.text}' (offset {m.trigger.start}) refers to the same {m.type} as "
                    f"'{groups[gi][0].trigger.text}' (offset {groups[gi][0].trigger.start}): {why}"
                )
            else:
                groups.append([m])
                cands.append(single)
                notes.append([])
                grains.append({grain} if grain else set())
                heads.append(set() if m.attributes.get("verbal") else {head})
        self._fold_into_main(da, groups, cands, notes)
        self._join_recalled_subject(da, groups, cands, notes)
        out = []
        for g, c, n in zip(groups, cands, notes):
            claims = [cl for x in g for cl in self.claims_by_mention.get(x.id, [])]
            persons = self._persons_near(da, g, claims) if c.type == "ASSAULT" else set()
            c = candidate_for(g, claims, self.places, self.entities, persons, weak=weak)
            self.reasons[c.key].extend(n)
            out.append(c)
        self._article_context(da, out)
        for c in out:
            c.published = da.article.written
        return out

    def _fold_into_main(self, da: DocAnalysis, groups: list[list[EventMention]], cands: list[Candidate],
                        notes: list[list[str]]) -> None:
        """Reading order can leave a part of the attack an article is about in a group
        of its own ("A man was killed and four others hurt", after a paragraph on the
        drones used elsewhere).  A current attack group that nothing in the article
        sets apart from the main one (no conflicting date, place, mode or
        participants) joins it, when the main attack is dated; recalled events keep
        their own groups."""
        current = [i for i, c in enumerate(cands) if c.type == "ASSAULT" and not c.background]
        if len(current) < 2:
            return
        mi = _main_group(groups, current)
        # an article that dates nothing can't tell the strike from the rockets that
        # answered it a day later: without a date, only a group with the same attacker
        # ("the US raid" after "the American air attack") joins the main one
        undated = cands[mi].date.start is None
        folded = []
        for i in current:
            if i == mi:
                continue
            if undated and not self.comparer._overlap(cands[mi].actors, cands[i].actors):
                continue
            v = self.comparer.compare(cands[mi], cands[i], same_doc=True)
            if v.conflict:
                continue
            first = groups[i][0]
            self._absorb(groups, cands, notes, mi, i,
                         f"in {da.article.id}, '{first.trigger.text}' (offset {first.trigger.start}) belongs to the attack the "
                         f"article is about: nothing in the article sets it apart "
                         f"({'; '.join(v.reasons) or 'no conflicting date, place, mode or participants'})")
            folded.append(i)
        for i in sorted(folded, reverse=True):
            del groups[i], cands[i], notes[i]

    def _join_recalled_subject(self, da: DocAnalysis, groups: list[list[EventMention]], cands: list[Candidate],
                               notes: list[list[str]]) -> None:
        """An article about what followed an attack ("no charges will be filed in the
        shooting of a 22-year-old woman") may date that attack only in a sentence that
        recalls it ("Last month, Melissa Westbrook died ... after she was shot"), which
        the reader sets apart as an earlier event.  When the article's main attack has
        no date of its own and exactly one recalled attack names one of its victims,
        they are one attack: the recalled group joins the main one, and dates it."""
        current = [i for i, c in enumerate(cands) if c.type == "ASSAULT" and not c.background]
        recalled = [i for i, c in enumerate(cands) if c.type == "ASSAULT" and c.background]
        if not current or not recalled:
            return
        mi = _main_group(groups, current)
        if cands[mi].date.start is not None:
            return

        def surnames(i: int) -> dict[str, str]:
            """Victims and suspects named near the group, by surname; and the people
            its claims name as targets ("Westbrook", a surname the tagger left bare)."""
            claims = [cl for x in groups[i] for cl in self.claims_by_mention.get(x.id, [])]
            out = {}
            for e in self._persons_near(da, groups[i], claims) | set(cands[i].victims):
                name = self.entities[e].name if e in self.entities else ""
                if name:
                    out[name.split()[-1].lower()] = name
            for cl in claims:
                if cl.attribute == "target" and isinstance(cl.value, str) and cl.value[:1].isupper():
                    out.setdefault(cl.value.split()[-1].lower(), cl.value)
            return out

        named = surnames(mi)
        if not named:
            return
        hits = [(i, names) for i in recalled if (names := surnames(i)).keys() & named.keys()]
        if len(hits) != 1:
            return
        ri, theirs = hits[0]
        shared = sorted(theirs[k] for k in theirs.keys() & named.keys())
        first = groups[ri][0]
        self._absorb(groups, cands, notes, mi, ri,
                     f"in {da.article.id}, '{first.trigger.text}' (offset {first.trigger.start}) recalls the attack the "
                     f"article is about, which it dates nowhere else: both name {', '.join(shared) or 'the same victim'}")
        del groups[ri], cands[ri], notes[ri]

    def _absorb(self, groups: list[list[EventMention]], cands: list[Candidate], notes: list[list[str]],
                into: int, other: int, note: str) -> None:
        """Group ``other`` joins group ``into`` (its mentions, features and merge notes),
        with ``note`` saying why; the caller removes ``other``."""
        groups[into] = sorted(groups[into] + groups[other], key=lambda m: m.trigger.start)
        cands[into] = _joined(cands[into], cands[other], groups[into], self.places, self.entities, self.weak)
        notes[into].extend(notes[other])
        notes[into].append(note)

    def _inside(self, p: Place, coarse: Optional[Place]) -> bool:
        """Whether a town can lie in the coarse place the mentions give."""
        if coarse is None:
            return True
        if p.country != coarse.country:
            return False
        if coarse.kind in ("admin1", "admin2") and p.admin1 and coarse.admin1 and p.admin1 != coarse.admin1:
            return False
        if coarse.kind == "admin2" and None not in (p.lat, p.lon, coarse.lat, coarse.lon):
            return haversine_km(p.lat, p.lon, coarse.lat, coarse.lon) <= _COUNTY_KM
        return True

    def _described(self, mentions: list[EventMention]) -> Optional[str]:
        """How the reports describe an event's actor when they name none: the first
        actor phrase of its mentions that names a group ("the Iran-backed Iraqi militia
        factions" -> "Iran-backed Iraqi militia factions"; ``group_nouns``), else None."""
        nouns = self.lexicon.set("cues", "group_nouns")
        for m in mentions:
            text = (m.attributes or {}).get("actor_text")
            if not isinstance(text, str):
                continue
            words = text.split()
            if any(w.lower().strip(",.;:'\"") in nouns for w in words):
                while words and words[0].lower() in ("the", "a", "an", "some", "several"):
                    words = words[1:]
                if words:
                    return " ".join(words)
        return None

    def _headline_words(self, da: DocAnalysis) -> frozenset[str]:
        """The content words of the article's headline, less the site's name that may
        trail it ("... - WBTV Charlotte"; ``clean.title.title_debris``)."""
        title = da.article.title or ""
        if not title.strip():
            return frozenset()
        cut = min((r.start for r in title_debris(title, da.article.outlet, da.article.url, self.event_words)),
                  default=len(title))
        return frozenset(self._headline_form(w) for w in content_words(title[:cut]))

    def _headline_form(self, word: str) -> str:
        """A headline word as headlines of one story share it: an event word's lemma
        ("shoots", "shot" -> "shoot"), a plural's singular ("shootings" -> "shooting"),
        no possessive ("teen's" -> "teen")."""
        word = word.removesuffix("'s").removesuffix("\u2019s")
        lemma = self.lexicon.lemma(word)
        if lemma == word and len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            return word[:-1]
        return lemma

    def _article_context(self, da: DocAnalysis, cands: list[Candidate]) -> None:
        """The article's main attack takes its place and date from the article when
        its own sentences give none: the place the article names most (a dateline
        counts), inside the coarse place the mentions give; and the day the article
        gives as a whole (``time.find.article_day``: firm expressions and the first
        day named weigh most), not after its publication, when its body tells of the
        attack at all (a headline over another story's page is dated to the page)."""
        main = [c for c in cands if c.type == "ASSAULT" and not c.background]
        if not main:
            return
        c = max(main, key=lambda c: (len(c.members), -c.members[0].trigger.start))
        c.main = True
        c.headline = self._headline_words(da)
        coarse = self.places.get(c.place) if c.place else None
        if coarse is None or coarse.kind in _COARSE:
            counts: Counter = Counter()
            first: dict[str, int] = {}
            fine = ("city", "facility") if coarse is not None and coarse.kind == "admin2" else ("city", "facility", "admin2")
            # the place of an attack of another kind (the rockets that answered the air
            # strikes) is that attack's; a gunman who shot himself where he shot the
            # child is set apart by the actors, and shares the place
            elsewhere = {o.place for o in main if o is not c and o.place and self.comparer.modes_differ(c, o, same_doc=True)}
            for pm in da.places:
                p = self.places.get(pm.place or "")
                if p is None or p.kind not in fine or not self._inside(p, coarse) or p.id in elsewhere:
                    continue
                counts[p.id] += 1
                first.setdefault(p.id, pm.span.start)
            if counts:
                pid = min(counts, key=lambda k: (-counts[k], first[k]))
                self.inferred.setdefault(c.key, {})["place"] = pid
                c.place = pid
                self.reasons[c.key].append(
                    f"in {da.article.id}, the attack's place is taken from the article: {self.places[pid].name} "
                    f"(named {counts[pid]} time{'s' if counts[pid] > 1 else ''})"
                )
        if c.date.start is None:
            published = da.article.written
            # a body that never tells of the attack (only the headline does: the page holds
            # another story) gives no day of it
            told = any(m.trigger.field != "title" for m in c.members)
            # days of arrests, hearings or statements ("charged Thursday") don't date the attack
            days = [] if not told else sorted(
                (t for t in da.times if t.value.precision == "day" and t.value.start is not None
                 and getattr(t, "role", None) is None
                 and (published is None or t.value.start <= published and not _far_holiday(t, published))),
                key=lambda t: t.span.start,
            )
            if days:
                # the day the article gives as a whole: its firm expressions ("about 10:30
                # p.m. Saturday") and the first one named weigh most (time.find.article_day)
                day = article_day(days, published)
                t = next(x for x in days if x.value.start == day)
                self.inferred.setdefault(c.key, {})["date"] = t
                c.date = t.value
                c.date_inferred = True
                self.reasons[c.key].append(
                    f"in {da.article.id}, the attack's date is taken from the day the article gives as a whole: '{t.span.text}'"
                )
            elif published is not None:
                # breaking news that names no day of its own (none at all, or only a
                # teaser's far holiday) reports what happened that day
                stamp = TimeMention(span=Span(da.article.id, 0, 0, ""), value=DateRange(published, published, "day"), relative=True)
                self.inferred.setdefault(c.key, {})["date"] = stamp
                c.date = stamp.value
                c.date_inferred = True
                c.date_published = True
                when = "publication" if published == da.article.published else "page's own posting stamp"
                self.reasons[c.key].append(
                    f"in {da.article.id}, the article names no day of the attack: it is dated to its {when} ({published.isoformat()})"
                )

    # ---------------------------------------------------------------- stage 2

    def _blocks(self, cands: list[Candidate]) -> dict[tuple, list[int]]:
        blocks: dict[tuple, list[int]] = defaultdict(list)
        for i, c in enumerate(cands):
            keys = set()
            if c.date.start is not None and c.date.precision == "day":
                for k in range(-self.options.fuse_days, self.options.fuse_days + 1):
                    keys.add((c.type, "d", c.date.start.toordinal() + k))
            if c.place:
                keys.add((c.type, "p", c.place))
                p = self.places.get(c.place)
                if p and p.kind not in ("country",) and p.admin1:
                    keys.add((c.type, "a1", p.country, p.admin1))
            for a in c.actors:
                keys.add((c.type, "a", a))
            for v in c.victims:
                keys.add((c.type, "v", v))
            for src in c.sourced:  # one source's figure passed on by several outlets
                keys.add((c.type, "s") + src)
            for k in keys:
                blocks[k].append(i)
        return blocks

    def across_documents(self, cands: list[Candidate]) -> list[list[int]]:
        n = len(cands)
        self.comparer.fit_idf(cands)
        blocks = self._blocks(cands)
        threshold = self.w["merge_threshold"]
        # two reports neither of which can be dated (no publication date, no date in the
        # text) lack the date evidence dated reports have; they need less
        undated = self.w["merge_threshold_undated"]
        # every compared pair keeps only whether it conflicts (key a * n + b); the few
        # that may merge keep their score; a merged pair's reasons are computed again
        pairs: dict[int, bool] = {}
        mergeable: list[tuple[float, int, int]] = []
        for key, members in blocks.items():
            if len(members) < 2 or len(members) > _MAX_BLOCK:
                continue
            for x, i in enumerate(members):
                for j in members[x + 1 : x + 1 + _MAX_NEIGHBOURS]:
                    a, b = (i, j) if i < j else (j, i)
                    if a * n + b in pairs or cands[a].docs & cands[b].docs:
                        continue
                    v = self.comparer.compare(cands[a], cands[b])
                    pairs[a * n + b] = bool(v.conflict)
                    need = undated if cands[a].date.start is None and cands[b].date.start is None else threshold
                    if v.conflict is None and v.score >= need and self._anchored(cands[a], cands[b], v):
                        mergeable.append((v.score, a, b))
        order = sorted(mergeable, key=lambda t: (-t[0], cands[t[1]].key, cands[t[2]].key))
        del mergeable
        parent = list(range(n))
        members: dict[int, list[int]] = {i: [i] for i in range(n)}

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for score, a, b in order:
            ra, rb = find(a), find(b)
            if ra == rb:
                continue
            if not self._may_join(members[ra], members[rb], cands, pairs):
                continue
            ca, cb = cands[a], cands[b]
            v = self.comparer.compare(ca, cb)
            self.reasons[ca.key].append(
                f"{', '.join(sorted(cb.docs))} reports the same {ca.type} as {', '.join(sorted(ca.docs))}: "
                + "; ".join(v.reasons) + f" (score {score:.1f})"
            )
            if len(members[ra]) < len(members[rb]):
                ra, rb = rb, ra
            parent[rb] = ra
            members[ra].extend(members.pop(rb))
        return [sorted(ms) for r, ms in members.items()]

    @staticmethod
    def _anchored(a: Candidate, b: Candidate, v: Verdict) -> bool:
        """A cross-document merge needs a place or a victim in common: many events
        share a date, so a date alone never joins two reports.  A report that names no
        place for its event cannot share one: dated the same, it joins a report that
        does when the two say the same thing (similar wording or a named target in
        common), as a page whose body is a caption and a headline ("4 shot in
        northwest") does beside "northwest Atlanta"."""
        if v.anchors & {"place", "victim"}:
            return True
        return ((a.place is None) != (b.place is None) and "date" in v.anchors
                and bool(v.anchors & {"wording", "target"}))

    def _may_join(self, xs: list[int], ys: list[int], cands: list[Candidate], pairs: dict) -> bool:
        for i in xs:
            for j in ys:
                a, b = (i, j) if i < j else (j, i)
                if cands[i].docs & cands[j].docs:
                    # one article told these apart: they join only when nothing in the
                    # article sets them apart and neither is a recalled event
                    v = self.comparer.compare(cands[a], cands[b], same_doc=True)
                    if v.conflict or cands[a].background or cands[b].background:
                        return False
                    continue
                key = a * len(cands) + b
                conflict = pairs.get(key)
                if conflict is None:
                    conflict = pairs[key] = bool(self.comparer.compare(cands[a], cands[b]).conflict)
                if conflict:
                    return False
        return True

    # ---------------------------------------------------------------- events

    def build(self, clusters: list[list[Candidate]], previous_ids: dict[str, str]) -> tuple[list[Event], list[Claim], list[Disagreement]]:
        names = {e.id: e.name for e in self.entities.values()}
        names.update((da.article.id, da.article.outlet) for da in self.analyses if da.article.outlet)
        events: list[Event] = []
        claims_out: list[Claim] = []
        disagreements: list[Disagreement] = []
        drafts = []
        for cluster in clusters:
            mentions = sorted((m for c in cluster for m in c.members), key=lambda m: (m.doc, m.trigger.start))
            prev = Counter(previous_ids[m.id] for m in mentions if m.id in previous_ids)
            drafts.append((cluster, mentions, prev))
        # stored ids stay: the cluster holding most of an old event's mentions keeps its id
        taken: set[str] = set()
        claim_order = sorted(range(len(drafts)), key=lambda i: (-(max(drafts[i][2].values()) if drafts[i][2] else 0), drafts[i][1][0].id))
        ids: dict[int, str] = {}
        for i in claim_order:
            prev = drafts[i][2]
            for eid, _ in sorted(prev.items(), key=lambda kv: (-kv[1], kv[0])):
                if eid not in taken:
                    ids[i] = eid
                    taken.add(eid)
                    break
        for i, (cluster, mentions, _) in enumerate(drafts):
            first = mentions[0]
            eid = ids.get(i) or _event_id(first.doc, first.trigger.start)
            if eid in taken and i not in ids:
                eid = _event_id(first.doc, first.trigger.start) + "-2"
            taken.add(eid)
            claims = sorted((c for m in mentions for c in self.claims_by_mention.get(m.id, [])), key=lambda c: (c.doc, c.start, c.id))
            for c in claims:
                c.event = eid
                # name entities by their ids once resolution has run
                if c.value_mention is not None and c.value_mention.entity and c.attribute in ("perpetrator", "target", "responsibility"):
                    c.value = c.value_mention.entity
                if c.attributed_mention is not None and c.attributed_mention.entity:
                    c.attributed_to = c.attributed_mention.entity
            modes = Counter(m.mode for m in mentions if m.mode and m.mode != "unspecified")
            mode = min(modes, key=lambda k: (-modes[k], k)) if modes else (first.mode or None)
            # the ACLED type of the mentions that say how ("air strikes"), not of those
            # that only report the dead ("were killed")
            acleds = Counter(tuple(sorted(m.acled.items())) for m in mentions if m.acled and m.mode == mode) or \
                Counter(tuple(sorted(m.acled.items())) for m in mentions if m.acled)
            date = best_date(mentions)
            date_text = sorted({m.time.span.text for m in mentions if m.time is not None})
            place = best_place([m for m in mentions if m.id not in self.weak], self.places, self.entities)
            inferred = [self.inferred[c.key] for c in cluster if c.key in self.inferred]
            if date.start is None:
                times = [x["date"] for x in inferred if "date" in x]
                if times:
                    counts_t = Counter((t.value.start, t.value.end) for t in times)
                    (s0, e0), _ = min(counts_t.items(), key=lambda kv: (-kv[1], kv[0][0]))
                    date = DateRange(s0, e0, "day")
                    date_text = sorted({t.span.text or f'published {t.value.start.isoformat()}' for t in times})
            if place and self.places[place].kind == "country" and all(
                    m.attributes.get("place_modifier") for m in mentions if m.place == place):
                # a country named only as whose forces, embassy or interests were involved
                # ("a rocket attack on U.S. forces") says nothing of where it happened
                place = None
            coarse = self.places.get(place) if place else None
            if coarse is None or coarse.kind in _COARSE:
                pids = Counter(x["place"] for x in inferred if "place" in x)
                if pids:
                    place = min(pids, key=lambda k: (-pids[k], k))
            actors = _entity_ids(a for m in mentions for a in m.actors)
            targets = [t for t in _entity_ids(t for m in mentions for t in m.targets) if t not in actors]
            violent = first.type == "ASSAULT"
            ev = Event(
                id=eid,
                type=first.type,
                mode=mode,
                acled=dict(min(acleds, key=lambda k: (-acleds[k], k))) if acleds else None,
                date=date,
                date_text=date_text,
                place=place,
                actors=actors,
                targets=targets,
                documents=sorted({m.doc for m in mentions}),
                mentions=mentions,
                fatalities=fatalities_for(claims, violent, self.roundups, {m.doc for m in mentions}),
                merge_reasons=[r for c in cluster for r in self.reasons.get(c.key, [])],
            )
            ev.summary = summarize(ev, self.entities, self.places, None if actors else self._described(mentions))
            events.append(ev)
            claims_out.extend(claims)
            disagreements.extend(find_disagreements(eid, claims, names, related=self.comparer._related))
        events.sort(key=lambda e: (e.date.start is None, e.date.start or 0, e.id))
        claims_out.sort(key=lambda c: (c.event or "", c.doc, c.start, c.id))
        return events, claims_out, disagreements


def fuse_events(analyses: list[DocAnalysis], entities: list[Entity], places: list[Place], options: Options,
                previous_ids: Optional[dict[str, str]] = None) -> tuple[list[Event], list[Claim], list[Disagreement]]:
    """Join event mentions into events; returns (events, claims with event ids, disagreements).

    ``previous_ids`` maps EventMention ids to the ids of events already stored, so an
    event keeps its id as new reports join it.
    """
    fuser = _Fuser(sorted(analyses, key=lambda d: d.article.id), entities, places, options)
    cands: list[Candidate] = []
    for da in fuser.analyses:
        cands.extend(fuser.within_document(da))
    cands.sort(key=lambda c: c.key)
    clusters = fuser.across_documents(cands)
    groups = [[cands[i] for i in cl] for cl in clusters]
    return fuser.build(groups, previous_ids or {})
