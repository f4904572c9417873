"""Claims that cannot all be true, and each event's fatality range.

A numeric claim is an interval: "4 killed" is [4, 4], "at least 7" is [7, inf),
"at most 3" is [0, 3], "about 20" is [16, 24].  Claims of one attribute of one event
disagree when their intervals have no common point: "4", "5" and "at least 7"
cannot all be true; "at least 4" and "5" can.  A figure whose subject names a group
(``data/fuse_victim_groups.yaml``: civilians, combatants, security forces) counts a
part of the event: "1 child" and "4 militiamen" killed can both be true, and "1
child" stands only against another count of civilians ("2 children") or a whole toll
below it ("no one was killed").  A disagreement lists the claims that clash with
another, shown side by side for the reader to judge.

Named claims (perpetrator, responsibility) disagree when they name different
actors, e.g. "no one claimed responsibility" vs "group X was behind the attack".

``fatalities_for`` follows ACLED's and UCDP's practice: ``low`` and ``high`` are the
smallest and largest tolls the documents give (each document counted once, with its
highest figure for the event, since an article's smaller figures are usually parts or
earlier counts of its total: "4 militiamen" and "a child" in one article give 4, not
a range from 1); ``best`` is the figure reported by the most documents (a
document that gives its highest figure only as "at least N" - "a fatal shooting" is at
least one dead - supports every figure from N up, so it does not stand against another
document's 4); a tie goes to the figure the documents' sentences state most often,
then to the lower figure, which is ACLED's conservative rule.
When no document gives a death toll for an attack, ``best`` is 0 (ACLED codes
unreported fatalities as 0) and ``low``/``high`` stay unknown.
A round-up article (``roundups``: its headline reports several shootings at once, "3
killed, 12 wounded in Monday shootings across Chicago") sums many incidents; when an
event also has ``documents`` that report it alone, the round-up's figures are left out
of its fatalities (they stay among its claims, for the reader).
"""
from __future__ import annotations

import math
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

from newsweave.data import safe_load as _yaml_load
from newsweave.records import Claim, Disagreement

NUMERIC = ("killed", "injured", "missing", "arrested", "count")
NAMED = ("perpetrator", "responsibility")
_ABOUT = 0.2


def interval(claim: Claim) -> tuple[float, float]:
    v = float(claim.value)
    q = claim.qualifier or "exact"
    if q == "at_least":
        return v, math.inf
    if q == "at_most":
        return 0.0, v
    if q == "about":
        return v * (1 - _ABOUT), v * (1 + _ABOUT)
    return v, v


def _fmt(claim: Claim, names: dict[str, str]) -> str:
    who = claim.attributed_to
    who = names.get(who, who) if who else None
    # a figure the document gives on its own authority is named by its outlet (else its id)
    src = who or f"{names.get(claim.doc) or claim.doc} (no source named)"
    q = {"at_least": "at least ", "at_most": "at most ", "about": "about "}.get(claim.qualifier or "", "")
    subject = f" {claim.subject}" if claim.subject else ""
    value = claim.value
    if claim.attribute in NAMED:
        value = names.get(str(value), value)
    return f"{src}: {q}{value}{subject}" if claim.attribute in NUMERIC else f"{src}: {value}"


@lru_cache(maxsize=1)
def victim_groups() -> dict[str, str]:
    """Subject noun (lowercase) -> the group it counts (``data/fuse_victim_groups.yaml``)."""
    with resources.files("newsweave.data").joinpath("fuse_victim_groups.yaml").open("r", encoding="utf-8") as fh:
        data = _yaml_load(fh)
    return {str(w).lower(): group for group, words in data.items() for w in words}


def group_of(claim: Claim) -> Optional[str]:
    """The group a figure counts (its subject's last word or two), None for the whole
    event."""
    words = (claim.subject or "").lower().split()
    groups = victim_groups()
    for n in (2, 1):
        if len(words) >= n and (g := groups.get(" ".join(words[-n:]))):
            return g
    return None


def figures_clash(a: Claim, b: Claim) -> bool:
    """Whether two figures of one attribute cannot both be true: counts of one group,
    or two whole tolls, whose intervals do not meet; a whole toll below a part's
    smallest value; never counts of two different groups."""
    return _clash((group_of(a), interval(a)), (group_of(b), interval(b)))


def _clash(a: tuple[Optional[str], tuple[float, float]], b: tuple[Optional[str], tuple[float, float]]) -> bool:
    """:func:`figures_clash` on each figure's (group, interval)."""
    (ga, (alo, ahi)), (gb, (blo, bhi)) = a, b
    if ga == gb:
        return max(alo, blo) > min(ahi, bhi)
    if ga is not None and gb is not None:
        return False
    whole_hi, part_lo = (ahi, blo) if ga is None else (bhi, alo)
    return whole_hi < part_lo


_NONE_CLAIMED = "none claimed"


def find_disagreements(event_id: str, claims: Iterable[Claim], names: Optional[dict[str, str]] = None,
                       related=None) -> list[Disagreement]:
    """``related(a, b)`` tells whether two entity ids may both be right (the same
    actor, or one the other's parent or sponsor); named claims disagree only between
    actors it does not relate, or between an actor and "none claimed"."""
    names = names or {}
    related = related or (lambda a, b: a == b)
    by_attr: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_attr[c.attribute].append(c)
    out: list[Disagreement] = []
    for attr in sorted(by_attr):
        cs = sorted(by_attr[attr], key=lambda c: (c.doc, c.start, c.id))
        if len(cs) < 2:
            continue
        if attr in NUMERIC:
            usable = [c for c in cs if isinstance(c.value, (int, float))]
            parts = [(group_of(c), interval(c)) for c in usable]  # each figure read once
            chosen = [c for i, c in enumerate(usable)
                      if any(_clash(parts[i], p) for j, p in enumerate(parts) if j != i)]
            if not chosen:
                continue
        elif attr in NAMED:
            # only claims that name a known actor (or that nobody claimed it) are compared:
            # free text ("the strikes", "warplanes") says too little to contradict anyone
            named = [c for c in cs if str(c.value) in names or str(c.value) == _NONE_CLAIMED]
            values = sorted({str(c.value) for c in named})
            clash = any(
                (a == _NONE_CLAIMED) != (b == _NONE_CLAIMED) or (a != _NONE_CLAIMED and b != _NONE_CLAIMED and not related(a, b))
                for i, a in enumerate(values) for b in values[i + 1:]
            )
            if not clash:
                continue
            chosen = named
        else:
            continue
        summary = f"{attr}: " + "; ".join(_fmt(c, names) for c in chosen)
        out.append(Disagreement(event=event_id, attribute=attr, claims=[c.id for c in chosen], summary=summary))
    return out


def fatalities_for(claims: Iterable[Claim], violent: bool, roundups: Iterable[str] = (),
                   documents: Iterable[str] = ()) -> Optional[dict[str, Optional[int]]]:
    claims = list(claims)
    apart = set(roundups)
    if apart and set(documents) - apart:
        # a round-up's figures sum many incidents: beside an article about this one alone
        # they are not its toll
        claims = [c for c in claims if c.doc not in apart]
    killed = [c for c in claims if c.attribute == "killed" and isinstance(c.value, (int, float))]
    if not killed:
        return {"low": None, "high": None, "best": 0} if violent else None
    per_doc: dict[str, tuple[int, bool]] = {}  # doc -> (its highest figure, stated only as "at least")
    for c in killed:
        v, floor = int(c.value), (c.qualifier or "exact") == "at_least"
        got = per_doc.get(c.doc)
        if got is None or v > got[0]:
            per_doc[c.doc] = (v, floor)
        elif v == got[0] and not floor:
            per_doc[c.doc] = (v, False)
    # a document's "at least 1" ("a fatal shooting") does not stand against another's 4
    support = {f: sum(1 for v, floor in per_doc.values() if v == f or floor and v < f)
               for f in {v for v, _ in per_doc.values()}}
    top = max(support.values())
    tied = [f for f, n in support.items() if n == top]
    # among figures as many documents give, the one their sentences state most often
    # (a toll repeated through an article is its settled count, one stated once may be
    # a part); then the lower
    stated = {f: sum(1 for c in killed if int(c.value) == f and per_doc[c.doc][0] == f) for f in tied}
    most = max(stated.values())
    best = min(f for f in tied if stated[f] == most)
    tolls = [v for v, _ in per_doc.values()]
    return {"low": min(tolls), "high": max(tolls), "best": best}
