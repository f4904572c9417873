"""Fixtures for the web tests: an analysis built by hand, and stores holding it or the sample corpus."""
from __future__ import annotations

import datetime as dt
import hashlib
import pathlib
import subprocess
import sys

import pytest

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

HOSTILE = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


def _sentence(doc: Article, text: str) -> Span:
    start = doc.text.index(text)
    return Span(doc.id, start, start + len(text), text)


def _article(doc_id: str, outlet: str, title: str, body: str, published: dt.date, removed_prefix: str = "") -> Article:
    text = removed_prefix + body
    removed = [Removed(0, len(removed_prefix), "stray-line")] if removed_prefix else []
    return Article(id=doc_id, source=f"/in/{doc_id}.txt", text=text, outlet=outlet, title=title, published=published,
                   removed=removed, content_hash=hashlib.sha256(text.encode()).hexdigest())


def build_analysis() -> Analysis:
    """Three outlets on one air strike (disagreeing on the dead), one on a protest, one hostile article."""
    a = _article("doc-a", "Northern Wire", "Air strikes hit depots near the river",
                 "Warplanes struck two weapons depots near Qaryat al-Nahr on Monday. "
                 "The Eastern Front said four of its fighters were killed in the strikes. "
                 "Officials gave no further details.\n", dt.date(2020, 3, 3), removed_prefix="Related: weather today\n")
    b = _article("doc-b", "Harbour Times", "Monitor: at least 7 dead in strikes",
                 "At least seven fighters were killed in air strikes near Qaryat al-Nahr, a monitoring group said. "
                 "The strikes targeted depots used by the Eastern Front.\n", dt.date(2020, 3, 3))
    c = _article("doc-c", "State Radio", "Child among victims, radio says",
                 "One child was killed and three people were injured when aircraft bombed the village, state radio said.\n",
                 dt.date(2020, 3, 4))
    d = _article("doc-d", "City Herald", "Teachers march in capital",
                 "Hundreds of teachers marched in Port Amal on Friday to demand higher pay.\n", dt.date(2020, 5, 9))
    h = _article("doc-x", f"Evil {HOSTILE} Outlet", f"Title {HOSTILE_IMG}",
                 f"Gunmen attacked a checkpoint {HOSTILE} and {HOSTILE_IMG} near Port Amal, killing two guards.\n",
                 dt.date(2020, 5, 10))
    docs = [a, b, c, d, h]

    front = Entity("eastern front", "Eastern Front", "ARMED_GROUP", aliases=["Eastern Front", "the Front", "EF"],
                   mentions=[_sentence(a, "Eastern Front")])
    air = Entity("air force", "Air Force", "MILITARY", aliases=["Air Force", "warplanes"])
    monitor = Entity("monitoring group", "Monitoring Group", "ORGANIZATION", aliases=["Monitoring Group"])
    radio = Entity("state radio", "State Radio", "MEDIA", aliases=["State Radio", "state radio"])
    teachers = Entity("teachers union", "Teachers Union", "ORGANIZATION", aliases=["Teachers Union", "teachers"])
    evil = Entity("evil", f"Gunmen {HOSTILE}", "ARMED_GROUP", aliases=[f"Gunmen {HOSTILE_IMG}"])
    entities = [front, air, monitor, radio, teachers, evil]

    nahr = Place("P1", "Qaryat al-Nahr", 34.45, 40.92, "SY", kind="city", aliases=["Qaryat al-Nahr"])
    amal = Place("P2", "Port Amal", 33.9, 35.5, "LB", kind="city", aliases=["Port Amal"])
    places = [nahr, amal]

    def mention(doc: Article, sentence: str, trigger: str, type_: str) -> EventMention:
        s = _sentence(doc, sentence)
        t0 = doc.text.index(trigger, s.start)
        return EventMention(id=f"{doc.id}:{t0}", doc=doc.id, type=type_, trigger=Span(doc.id, t0, t0 + len(trigger), trigger),
                            sentence=s)

    sa = "Warplanes struck two weapons depots near Qaryat al-Nahr on Monday."
    sa2 = "The Eastern Front said four of its fighters were killed in the strikes."
    sb = "At least seven fighters were killed in air strikes near Qaryat al-Nahr, a monitoring group said."
    sc = "One child was killed and three people were injured when aircraft bombed the village, state radio said."
    sd = "Hundreds of teachers marched in Port Amal on Friday to demand higher pay."
    sh = h.text.strip()

    strike = Event(
        id="ev-strike", type="ASSAULT", mode="aerial",
        acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
        date=DateRange(dt.date(2020, 3, 2), dt.date(2020, 3, 2), "day"), date_text=["on Monday"], place="P1",
        actors=["air force"], targets=["eastern front"], documents=["doc-a", "doc-b", "doc-c"],
        mentions=[mention(a, sa, "struck", "ASSAULT"), mention(b, sb, "air strikes", "ASSAULT"), mention(c, sc, "bombed", "ASSAULT")],
        fatalities={"low": 1, "best": 4, "high": 7}, summary="Air Force aircraft struck Eastern Front depots near Qaryat al-Nahr.",
        merge_reasons=["same type (ASSAULT), same place (Qaryat al-Nahr), dates within 1 day"],
    )
    march = Event(
        id="ev-march", type="PROTEST", mode=None, acled={"event_type": "Protests", "sub_event_type": "Peaceful protest"},
        date=DateRange(dt.date(2020, 5, 8), dt.date(2020, 5, 8), "day"), place="P2", actors=["teachers union"],
        documents=["doc-d"], mentions=[mention(d, sd, "marched", "PROTEST")], summary="Teachers marched in Port Amal.",
    )
    attack = Event(
        id="ev-hostile", type="ASSAULT", mode="firearms", acled=None,
        date=DateRange(dt.date(2020, 5, 1), dt.date(2020, 5, 31), "month"), place="P2", actors=["evil"],
        documents=["doc-x"], mentions=[mention(h, sh, "attacked", "ASSAULT")], fatalities={"low": 2, "best": 2, "high": 2},
        summary=f"Gunmen {HOSTILE} attacked a checkpoint {HOSTILE_IMG}.",
    )

    def claim(cid, doc, sentence, attribute, value, ev, qualifier=None, subject=None, attributed_to=None) -> Claim:
        s = _sentence(doc, sentence)
        return Claim(id=cid, mention=ev.mentions[0].id, attribute=attribute, value=value, doc=doc.id, start=s.start,
                     end=s.end, quote=s.text, qualifier=qualifier, subject=subject, attributed_to=attributed_to, event=ev.id)

    claims = [
        claim("doc-a:c1", a, sa2, "killed", 4, strike, "exact", "fighters", "eastern front"),
        claim("doc-a:c2", a, sa, "perpetrator", "air force", strike),
        claim("doc-b:c1", b, sb, "killed", 7, strike, "at_least", "fighters", "monitoring group"),
        claim("doc-b:c2", b, "The strikes targeted depots used by the Eastern Front.", "target", "eastern front", strike),
        claim("doc-c:c1", c, sc, "killed", 1, strike, "exact", "child", "state radio"),
        claim("doc-c:c2", c, sc, "injured", 3, strike, "exact", "people", "state radio"),
        claim("doc-x:c1", h, sh, "killed", 2, attack, "exact", f"guards {HOSTILE}", None),
    ]
    disagreements = [Disagreement("ev-strike", "killed", ["doc-a:c1", "doc-b:c1", "doc-c:c1"],
                                  "Eastern Front: 4 killed; Monitoring Group: at least 7; State Radio: 1 child")]
    return Analysis(documents=docs, entities=entities, places=places, events=[strike, march, attack], claims=claims,
                    disagreements=disagreements)


@pytest.fixture(scope="session")
def hand_analysis() -> Analysis:
    return build_analysis()


@pytest.fixture(scope="session")
def hand_store_url(tmp_path_factory, hand_analysis) -> str:
    """A SQLite store filled with the hand-built analysis through the store's own API."""
    from newsweave.store.db import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('web-hand') / 'store.db'}"
    store = Store(url)
    store.add_analyses([DocAnalysis(article=doc) for doc in hand_analysis.documents])
    store.save_results(hand_analysis)
    store.close()
    return url


@pytest.fixture(scope="session")
def seeds_store_url(tmp_path_factory, seeds_dir: pathlib.Path) -> str:
    """The sample corpus analysed into a temp SQLite store by the real command line, once per session."""
    tmp = tmp_path_factory.mktemp("web-seeds")
    url = f"sqlite:///{tmp / 'store.db'}"
    proc = subprocess.run(
        [sys.executable, "-m", "newsweave", "analyze", str(seeds_dir), "--db", url, "--out", str(tmp / "out"), "-q"],
        capture_output=True, text=True, timeout=600,
    )
    if proc.returncode != 0:
        pytest.fail(f"newsweave analyze failed ({proc.returncode}): {proc.stderr.strip()[-800:]}")
    from newsweave.store.db import Store

    store = Store(url)
    try:
        counts = store.counts()
    finally:
        store.close()
    if not counts.get("events"):
        pytest.fail(f"newsweave analyze stored no events: {counts}")
    return url
