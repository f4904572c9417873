"""A hand-built, realistic multi-outlet Analysis for the report tests.

Four outlets report one airstrike with four different death tolls, three of them a
mortar attack the day after; one reports the government's condemnation, one a
threat of revenge and one recalls an older attack as background.  The articles
are written for these tests (not taken from any corpus); every offset is computed
from the text, so ``article.text[start:end] == quote`` holds throughout.
"""
from __future__ import annotations

import datetime as dt

from newsweave.records import (
    Analysis,
    Article,
    Claim,
    DateRange,
    Disagreement,
    Entity,
    Event,
    EventMention,
    Place,
    Removed,
    Span,
)

D = dt.date

TEXTS = {
    "hol-001": (
        "Hiiraan Online",
        "Airstrike near Jilib kills civilians, elders say",
        D(2023, 3, 15),
        "Share this story\n"
        "An airstrike hit a farm outside Jilib in the Middle Juba region on Tuesday night. "
        "Local elders said five civilians, including two children, were killed in the strike. "
        "The elders blamed the US Africa Command for the raid. "
        "On Wednesday al-Shabaab fighters fired mortar shells at the Halane base in Mogadishu. "
        "Three people were wounded in that attack, according to a security official.\n"
        "Related: Drought displaces thousands in Gedo\n",
    ),
    "sonna-002": (
        "Somali National News Agency",
        "Dozens of terrorists eliminated in Middle Juba",
        D(2023, 3, 15),
        "At least 12 al-Shabaab fighters were killed in an air operation near Jilib on Tuesday, "
        "the Ministry of Information said. "
        "The strike targeted a gathering of Harakat al-Shabaab al-Mujahideen commanders. "
        "The Federal Government of Somalia condemned Wednesday's mortar attack on Halane. "
        "No one was killed in the mortar attack, officials said.\n",
    ),
    "voa-003": (
        "Voice of America",
        "AFRICOM says strike killed three militants",
        D(2023, 3, 16),
        "The United States Africa Command said its airstrike near Jilib on March 14 killed three al-Shabab militants "
        "and that no civilians were harmed. "
        "Al-Shabaab vowed on Thursday to avenge the strike against American forces. "
        "The group killed three Americans at Manda Bay in Kenya in January 2020.\n",
    ),
    "gar-004": (
        "Garowe Online",
        "Al-Shabaab radio claims civilian deaths in US strike",
        D(2023, 3, 16),
        "The al-Shabaab-run Radio Andalus said nine civilians died when US drones bombed a farm near Jilib. "
        "A mortar attack on the Halane base on Wednesday injured two people, the outlet reported. "
        "It said the shells landed near the airport perimeter.\n",
    ),
}

ENTITIES = {
    "us-africom": ("United States Africa Command", "MILITARY", ["US Africa Command", "United States Africa Command"], "united-states"),
    "al-shabaab": ("Harakat al-Shabaab al-Mujahideen", "ARMED_GROUP",
                   ["al-Shabaab", "al-Shabab", "Harakat al-Shabaab al-Mujahideen", "Al-Shabaab"], None),
    "somalia-government": ("Federal Government of Somalia", "GOVERNMENT", ["Federal Government of Somalia"], None),
    "somalia-ministry-information": ("Ministry of Information (Somalia)", "GOVERNMENT", ["Ministry of Information"],
                                     "somalia-government"),
    "radio-andalus": ("Radio Andalus", "MEDIA", ["Radio Andalus"], "al-shabaab"),
    "united-states": ("United States", "COUNTRY", ["US", "American"], None),
}

PLACES = [
    Place("geonames:57289", "Jilib", 0.4883, 42.7854, "SO", kind="city", geonames_id=57289, admin1="Middle Juba"),
    Place("geonames:53654", "Mogadishu", 2.0371, 45.3438, "SO", kind="city", geonames_id=53654, admin1="Banaadir"),
    Place("facility:halane", "Halane base", 2.0145, 45.3047, "SO", kind="facility", admin1="Banaadir"),
    Place("geonames:187968", "Manda Bay", -2.2667, 40.95, "KE", kind="admin2", admin1="Lamu"),
]


def _span(doc: str, text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(doc, start, start + len(needle), needle)


def _sentence(doc: str, text: str, needle: str) -> Span:
    """The sentence (ending in '. ' or '.\\n') that contains ``needle``."""
    i = text.index(needle)
    dot = text.rfind(". ", 0, i)
    start = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, i) + 1)
    end = text.index(".", i) + 1
    return Span(doc, start, end, text[start:end])


def make_analysis() -> Analysis:
    docs = []
    for doc_id, (outlet, title, published, text) in TEXTS.items():
        removed = []
        if text.startswith("Share this story\n"):
            removed.append(Removed(0, len("Share this story\n"), "stray-line"))
        rel = text.find("Related:")
        if rel >= 0:
            removed.append(Removed(rel, len(text), "related-links"))
        docs.append(Article(id=doc_id, source=f"{doc_id}.txt", text=text, outlet=outlet, title=title,
                            published=published, language="en", removed=removed))
    texts = {d.id: d.text for d in docs}

    entities = []
    for eid, (name, etype, aliases, affiliation) in ENTITIES.items():
        mentions = []
        for doc_id, text in texts.items():
            for alias in sorted(set(aliases)):
                if alias in text:
                    mentions.append(_span(doc_id, text, alias))
        entities.append(Entity(eid, name, etype, aliases=list(aliases), affiliation=affiliation,
                               mentions=sorted(mentions, key=lambda s: (s.doc, s.start))))

    def mention(doc: str, trigger: str, sentence: str, etype: str, mode: str | None = None,
                background: bool = False) -> EventMention:
        t = _span(doc, texts[doc], trigger)
        return EventMention(id=f"{doc}:{t.start}", doc=doc, type=etype, trigger=t,
                            sentence=_sentence(doc, texts[doc], sentence), mode=mode, background=background)

    airstrike_mentions = [
        mention("hol-001", "airstrike", "An airstrike hit", "ASSAULT", "aerial"),
        mention("sonna-002", "air operation", "At least 12", "ASSAULT", "aerial"),
        mention("voa-003", "airstrike", "its airstrike near Jilib", "ASSAULT", "aerial"),
        mention("gar-004", "bombed", "US drones bombed", "ASSAULT", "aerial"),
    ]
    mortar_mentions = [
        mention("hol-001", "fired", "fired mortar shells", "ASSAULT", "explosion"),
        mention("sonna-002", "mortar attack", "No one was killed", "ASSAULT", "explosion"),
        mention("gar-004", "mortar attack", "A mortar attack on the Halane", "ASSAULT", "explosion"),
    ]
    events = [
        Event(
            id="ev-airstrike", type="ASSAULT", mode="aerial",
            acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
            date=DateRange(D(2023, 3, 14), D(2023, 3, 14), "day"), date_text=["Tuesday night", "on March 14", "Tuesday"],
            place="geonames:57289", actors=["us-africom"], targets=["al-shabaab"],
            documents=["gar-004", "hol-001", "sonna-002", "voa-003"], mentions=airstrike_mentions,
            fatalities={"low": 3, "high": 12, "best": 5},
            summary="United States Africa Command carried out an airstrike against Harakat al-Shabaab al-Mujahideen near Jilib.",
            merge_reasons=["same day (14 Mar 2023) and place (Jilib) in 4 documents", "same actor: United States Africa Command"],
        ),
        Event(
            id="ev-mortar", type="ASSAULT", mode="explosion",
            acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"},
            date=DateRange(D(2023, 3, 15), D(2023, 3, 15), "day"), date_text=["On Wednesday", "Wednesday's"],
            place="facility:halane", actors=["al-shabaab"], targets=[],
            documents=["gar-004", "hol-001", "sonna-002"], mentions=mortar_mentions,
            fatalities={"low": 0, "high": 0, "best": 0},
            summary="Harakat al-Shabaab al-Mujahideen fired mortar shells at the Halane base in Mogadishu.",
            merge_reasons=["same day (15 Mar 2023) and facility (Halane base)"],
        ),
        Event(
            id="ev-condemn", type="ACCUSE", mode=None, acled=None,
            date=DateRange(D(2023, 3, 15), D(2023, 3, 15), "day"), date_text=[],
            place="geonames:53654", actors=["somalia-government"], targets=["al-shabaab"],
            documents=["sonna-002"],
            mentions=[mention("sonna-002", "condemned", "condemned Wednesday", "ACCUSE")],
            summary="The Federal Government of Somalia condemned the mortar attack on Halane.",
        ),
        Event(
            id="ev-threat", type="THREATEN", mode=None, acled=None,
            date=DateRange(D(2023, 3, 13), D(2023, 3, 19), "week"), date_text=["on Thursday"],
            place=None, actors=["al-shabaab"], targets=["united-states"], documents=["voa-003"],
            mentions=[mention("voa-003", "vowed", "vowed on Thursday", "THREATEN")],
            summary="Harakat al-Shabaab al-Mujahideen threatened revenge against American forces.",
        ),
        Event(
            id="ev-manda-bay", type="ASSAULT", mode="firearms",
            acled={"event_type": "Battles", "sub_event_type": "Armed clash"},
            date=DateRange(D(2020, 1, 1), D(2020, 1, 31), "month"), date_text=["in January 2020"],
            place="geonames:187968", actors=["al-shabaab"], targets=["united-states"], documents=["voa-003"],
            mentions=[mention("voa-003", "killed three Americans", "The group killed", "ASSAULT", "firearms", background=True)],
            fatalities={"low": 3, "high": 3, "best": 3},
            summary="Harakat al-Shabaab al-Mujahideen attacked US forces at Manda Bay.",
        ),
    ]

    claims: list[Claim] = []

    def claim(cid: str, event: str, doc: str, attribute: str, value, sentence: str, qualifier: str | None = None,
              subject: str | None = None, attributed_to: str | None = None) -> None:
        s = _sentence(doc, texts[doc], sentence)
        claims.append(Claim(id=cid, mention="", attribute=attribute, value=value, doc=doc, start=s.start, end=s.end,
                            quote=s.text, qualifier=qualifier, subject=subject, attributed_to=attributed_to, event=event))

    claim("c1", "ev-airstrike", "hol-001", "killed", 5, "five civilians", "exact", "civilians", "local elders")
    claim("c2", "ev-airstrike", "hol-001", "perpetrator", "us-africom", "The elders blamed", attributed_to="local elders")
    claim("c3", "ev-airstrike", "sonna-002", "killed", 12, "At least 12", "at_least", "al-Shabaab fighters",
          "somalia-ministry-information")
    claim("c4", "ev-airstrike", "sonna-002", "target", "al-shabaab", "The strike targeted")
    claim("c5", "ev-airstrike", "voa-003", "killed", 3, "killed three al-Shabab", "exact", "militants", "us-africom")
    claim("c6", "ev-airstrike", "voa-003", "perpetrator", "us-africom", "its airstrike near Jilib", attributed_to="us-africom")
    claim("c7", "ev-airstrike", "gar-004", "killed", 9, "nine civilians", "exact", "civilians", "radio-andalus")
    claim("c8", "ev-airstrike", "gar-004", "perpetrator", "united-states", "US drones bombed", attributed_to="radio-andalus")
    claim("c9", "ev-mortar", "hol-001", "injured", 3, "Three people were wounded", "exact", "people", "a security official")
    claim("c10", "ev-mortar", "hol-001", "weapon", "mortar shells", "fired mortar shells")
    claim("c11", "ev-mortar", "sonna-002", "killed", 0, "No one was killed", "exact", None, "officials")
    claim("c12", "ev-mortar", "gar-004", "injured", 2, "injured two people", "exact", "people")
    claim("c13", "ev-manda-bay", "voa-003", "killed", 3, "The group killed", "exact", "Americans")

    disagreements = [
        Disagreement("ev-airstrike", "killed", ["c1", "c3", "c5", "c7"],
                     "killed: local elders: 5; Ministry of Information: at least 12; AFRICOM: 3; Radio Andalus: 9"),
        Disagreement("ev-mortar", "injured", ["c9", "c12"], "injured: a security official: 3; Garowe Online: 2"),
    ]
    return Analysis(documents=docs, entities=entities, places=list(PLACES), events=events, claims=claims,
                    disagreements=disagreements)


HOSTILE = '<script>alert(1)</script> and <img src=x onerror=alert(1)> | *bold* [link](javascript:alert(1))'


def make_hostile_analysis() -> Analysis:
    """The fixture with markup planted in an article, a quote, a title, an outlet, an alias and a summary."""
    a = make_analysis()
    doc = a.documents[0]
    extra = f"Witnesses wrote {HOSTILE} on a wall.\n"
    start = len(doc.text)
    doc.text = doc.text + extra
    doc.title = f"Title {HOSTILE}"
    doc.outlet = f"Outlet {HOSTILE}"
    quote_end = start + len(extra) - 1
    a.claims.append(Claim(id="c-hostile", mention="", attribute="perpetrator", value=HOSTILE, doc=doc.id,
                          start=start, end=quote_end, quote=doc.text[start:quote_end],
                          attributed_to=f"Witness {HOSTILE}", event="ev-airstrike"))
    a.entities[0].aliases.append(HOSTILE)
    a.events[0].summary = f"Summary {HOSTILE}"
    a.events[0].merge_reasons.append(f"reason {HOSTILE}")
    a.disagreements[0].summary = f"note {HOSTILE}"
    return a
