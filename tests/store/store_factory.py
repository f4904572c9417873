"""Hand-built records for the store tests (no spaCy model needed).

Imported by tests/store/conftest.py and by the subprocess of the SIGKILL test.
"""
from __future__ import annotations

import datetime as dt
import hashlib

from newsweave.records import (
    Analysis,
    Article,
    Claim,
    DateRange,
    Disagreement,
    DocAnalysis,
    Entity,
    EntityMention,
    Event,
    EventMention,
    Place,
    PlaceMention,
    Removed,
    Span,
    TimeMention,
)

ACTORS = ["Northern Brigade", "Coastal Guard", "River Front", "Hill Militia"]
TOWNS = ["Alpha Town", "Beta City", "Gamma Village"]


def _span(doc: str, text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(doc, start, start + len(part), part)


def make_analysis(i: int, text: str | None = None, doc_id: str | None = None) -> DocAnalysis:
    """One article about one attack, with every kind of mention, offsets consistent."""
    doc = doc_id or f"doc{i:03d}"
    actor, target, town = ACTORS[i % 4], ACTORS[(i + 1) % 4], TOWNS[i % 3]
    killed = 3 + i % 5
    text = text or (
        f"Menu | Home\n{actor} attacked {target} in {town} on Monday, officials said. "
        f"At least {killed} people were killed in the attack (report {i}).\nRead more: other stories"
    )
    published = dt.date(2021, 6, 28) + dt.timedelta(days=i % 3)
    article = Article(
        id=doc, source=f"/data/{doc}.txt", text=text, outlet=f"Outlet {i % 2}", title=f"Attack {i}",
        byline=None, published=published, language="en", url=None,
        removed=[Removed(0, text.index("\n") + 1, "stray-line")] if text.startswith("Menu") else [],
        content_hash=hashlib.sha256(" ".join(text.split()).encode()).hexdigest(),
    )
    e_actor = EntityMention(_span(doc, text, actor), "ORG", "ARMED_GROUP", actor.lower())
    e_target = EntityMention(_span(doc, text, target), "ORG", "ARMED_GROUP", target.lower())
    place = PlaceMention(_span(doc, text, town), place=town.lower().replace(" ", "-"))
    when = TimeMention(_span(doc, text, "Monday"), DateRange(published, published, "day"))
    sent_end = text.index("said.") + len("said.")
    sent_start = text.index(actor)
    trigger = _span(doc, text, "attacked")
    mention = EventMention(
        id=f"{doc}:{trigger.start}", doc=doc, type="ASSAULT", trigger=trigger,
        sentence=Span(doc, sent_start, sent_end, text[sent_start:sent_end]), mode="firearms",
        acled={"event_type": "Battles", "sub_event_type": "Armed clash"},
        actors=[e_actor], targets=[e_target], place=place.place, place_mention=place, time=when,
        date=DateRange(published, published, "day"), attributes={"weapons": ("rifles",), "n": i},
    )
    q_start = text.index("At least")
    q_end = text.index(")", q_start) + 1
    claim = Claim(
        id=f"{doc}:c{q_start}", mention=mention.id, attribute="killed", value=killed, doc=doc,
        start=q_start, end=q_end, quote=text[q_start:q_end], qualifier="at_least", subject="people",
        attributed_to=None, attributed_mention=None, value_mention=None,
    )
    return DocAnalysis(article=article, entities=[e_actor, e_target], places=[place], times=[when],
                       events=[mention], claims=[claim])


def fake_fuse(analyses: list[DocAnalysis], previous_ids: dict[str, str] | None = None) -> Analysis:
    """A stand-in for resolution and fusion: one event per (actor, town), deterministic."""
    previous_ids = previous_ids or {}
    analyses = sorted(analyses, key=lambda a: a.article.id)
    entities: dict[str, Entity] = {}
    places: dict[str, Place] = {}
    groups: dict[tuple[str, str], list[tuple[DocAnalysis, EventMention]]] = {}
    for da in analyses:
        for m in da.entities:
            ent = entities.setdefault(m.key, Entity(id=m.key.replace(" ", "-"), name=m.span.text, type=m.type))
            ent.aliases.append(m.span.text)
            ent.mentions.append(m.span)
        for p in da.places:
            pl = places.setdefault(p.place, Place(id=p.place, name=p.span.text, lat=33.5, lon=40.25, country="SY",
                                                  kind="city", geonames_id=123, population=1000, source="test"))
            pl.mentions.append(p.span)
        for ev in da.events:
            groups.setdefault((ev.actors[0].key, ev.place), []).append((da, ev))
    events, claims, disagreements = [], [], []
    for (actor, place), members in sorted(groups.items()):
        mentions = [m for _, m in members]
        eid = next((previous_ids[m.id] for m in mentions if m.id in previous_ids), None)
        eid = eid or "ev-" + hashlib.sha1(min(m.id for m in mentions).encode()).hexdigest()[:10]
        docs = sorted({m.doc for m in mentions})
        ev_claims = []
        for da, _ in members:
            for c in da.claims:
                c.event = eid
                ev_claims.append(c)
        events.append(Event(
            id=eid, type="ASSAULT", mode="firearms", acled={"event_type": "Battles", "sub_event_type": "Armed clash"},
            date=mentions[0].date, date_text=["Monday"], place=place, actors=[actor.replace(" ", "-")],
            targets=[mentions[0].targets[0].key.replace(" ", "-")], documents=docs, mentions=mentions,
            fatalities={"low": 3, "high": 7, "best": 3}, summary=f"{actor} attacked in {place}.",
            merge_reasons=[f"same actor and place: {m.id}" for m in mentions[1:]],
        ))
        claims.extend(ev_claims)
        values = {c.value for c in ev_claims}
        if len(values) > 1:
            disagreements.append(Disagreement(eid, "killed", [c.id for c in ev_claims], f"{sorted(values)} killed"))
    return Analysis(documents=[a.article for a in analyses], entities=list(entities.values()),
                    places=list(places.values()), events=events, claims=claims, disagreements=disagreements)
