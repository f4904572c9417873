"""Fusion on hand-built mentions: no model needed."""
from __future__ import annotations

import datetime as dt
import random

from newsweave.config import Options
from newsweave.fuse import fatalities_for, find_disagreements, fuse_events
from newsweave.records import (
    Article, Claim, DateRange, DocAnalysis, Entity, EntityMention, EventMention, Place, Span,
)

D = dt.date
PLACES = [
    Place(id="nw:border", name="Iraq-Syria border", lat=34.4, lon=41.0, country="SY", kind="border"),
    Place(id="geonames:qaim", name="Al Qaim", lat=34.37, lon=41.09, country="IQ", kind="city"),
    Place(id="nw:omar", name="al-Omar oil field", lat=35.05, lon=40.55, country="SY", kind="facility"),
    Place(id="geonames:springfield", name="Springfield", lat=39.80, lon=-89.64, country="US", kind="city"),
    Place(id="geonames:chicago", name="Chicago", lat=41.85, lon=-87.65, country="US", kind="city"),
]
ENTITIES = [
    Entity(id="united-states", name="United States", type="COUNTRY"),
    Entity(id="kataib-hezbollah", name="Kata'ib Hezbollah", type="ARMED_GROUP"),
    Entity(id="person:jane-doe", name="Jane Doe", type="PERSON"),
    Entity(id="person:john-roe", name="John Roe", type="PERSON"),
]


def _em(doc, start, text, entity, type_):
    return EntityMention(span=Span(doc, start, start + len(text), text), label="X", type=type_, key=entity, entity=entity)


def mention(doc, start, type_="ASSAULT", mode=None, date=None, place=None, actors=(), targets=(), sentence="", background=False, trigger="strike"):
    d = DateRange(date, date, "day") if date else DateRange(None, None, "unknown")
    return EventMention(
        id=f"{doc}:{start}", doc=doc, type=type_, mode=mode,
        trigger=Span(doc, start, start + len(trigger), trigger),
        sentence=Span(doc, start, start + len(sentence or trigger), sentence or trigger),
        actors=[_em(doc, start, a, a, "COUNTRY") for a in actors],
        targets=[_em(doc, start, t, t, "ARMED_GROUP") for t in targets],
        place=place, date=d, background=background,
    )


def killed(doc, mention_id, value, start, qualifier="exact", who=None):
    return Claim(id=f"{doc}:{start}:killed:0", mention=mention_id, attribute="killed", value=value, doc=doc,
                 start=start, end=start + 5, quote="x" * 5, qualifier=qualifier, attributed_to=who)


def analysis(doc, mentions, claims=()):
    return DocAnalysis(article=Article(id=doc, source=doc, text=" " * 1000), events=list(mentions), claims=list(claims))


def run(analyses, previous=None):
    return fuse_events(analyses, ENTITIES, PLACES, Options(), previous_ids=previous)


def test_fuse_same_event_across_documents_merges_with_reason():
    a = analysis("a", [mention("a", 10, mode="aerial", date=D(2021, 6, 27), place="nw:border", actors=["united-states"], targets=["kataib-hezbollah"])],
                 [killed("a", "a:10", 4, 10)])
    b = analysis("b", [mention("b", 50, mode="aerial", date=D(2021, 6, 27), place="geonames:qaim", actors=["united-states"])],
                 [killed("b", "b:50", 5, 50)])
    events, claims, disagreements = run([a, b])
    assert len(events) == 1
    ev = events[0]
    assert ev.documents == ["a", "b"]
    assert any("same date" in r and "shared actor" in r for r in ev.merge_reasons)
    assert {c.event for c in claims} == {ev.id}
    assert len(disagreements) == 1 and disagreements[0].attribute == "killed"


def test_fuse_same_place_different_dates_stay_apart():
    a = analysis("a", [mention("a", 10, mode="heavy-weapons", date=D(2021, 6, 28), place="nw:omar")])
    b = analysis("b", [mention("b", 10, mode="heavy-weapons", date=D(2021, 7, 4), place="nw:omar")])
    events, _, _ = run([a, b])
    assert len(events) == 2


def test_fuse_attack_and_retaliation_stay_apart():
    a = analysis("a", [mention("a", 10, date=D(2021, 6, 28), place="nw:omar", actors=["kataib-hezbollah"], targets=["united-states"])])
    b = analysis("b", [mention("b", 10, date=D(2021, 6, 28), place="nw:omar", actors=["united-states"], targets=["kataib-hezbollah"])])
    events, _, _ = run([a, b])
    assert len(events) == 2


def test_fuse_within_document_anaphora_joins_most_recent_compatible():
    doc = analysis("a", [
        mention("a", 10, mode="aerial", date=D(2021, 6, 27), place="nw:border", trigger="airstrikes"),
        mention("a", 200, mode="heavy-weapons", date=D(2021, 6, 28), place="nw:omar", trigger="rockets"),
        mention("a", 400, mode=None, trigger="the attack"),
        mention("a", 600, mode="aerial", trigger="the strikes"),
    ])
    events, _, _ = run([doc])
    by_first = {e.mentions[0].trigger.text: [m.trigger.text for m in e.mentions] for e in events}
    assert by_first == {"airstrikes": ["airstrikes", "the strikes"], "rockets": ["rockets", "the attack"]}


def test_fuse_background_event_keeps_its_own_date():
    doc = analysis("a", [
        mention("a", 10, mode="aerial", date=D(2021, 6, 27)),
        mention("a", 300, mode="aerial", date=D(2021, 2, 25), background=True),
    ])
    events, _, _ = run([doc])
    assert sorted(e.date.start for e in events) == [D(2021, 2, 25), D(2021, 6, 27)]


def test_fuse_shootings_in_different_cities_same_day_stay_apart():
    a = analysis("a", [mention("a", 10, mode="firearms", date=D(2015, 3, 1), place="geonames:springfield")])
    b = analysis("b", [mention("b", 10, mode="firearms", date=D(2015, 3, 1), place="geonames:chicago")])
    c = analysis("c", [mention("c", 10, mode="firearms", date=D(2015, 3, 1), place="geonames:chicago")])
    events, _, _ = run([a, b, c])
    assert sorted(e.documents for e in events) == [["a"], ["b", "c"]]


def test_fuse_speech_acts_need_a_shared_actor():
    a = analysis("a", [mention("a", 10, type_="ACCUSE", actors=["united-states"])])
    b = analysis("b", [mention("b", 10, type_="ACCUSE", actors=["kataib-hezbollah"])])
    c = analysis("c", [mention("c", 10, type_="ACCUSE", actors=["united-states"], place="nw:border")])
    events, _, _ = run([a, b, c])
    assert sorted(e.documents for e in events) == [["a", "c"], ["b"]] or sorted(e.documents for e in events) == [["a"], ["b"], ["c"]]
    assert not any(set(e.documents) >= {"a", "b"} for e in events)


def test_fuse_is_order_independent_and_ids_are_stable():
    docs = [
        analysis(d, [mention(d, 10 + i, mode="aerial", date=D(2021, 6, 27), place="nw:border", actors=["united-states"])])
        for i, d in enumerate("abcd")
    ] + [analysis("e", [mention("e", 5, mode="heavy-weapons", date=D(2021, 7, 4), place="nw:omar")])]
    first = run(docs)[0]
    shuffled = docs[:]
    random.Random(7).shuffle(shuffled)
    second = run(shuffled)[0]
    assert [(e.id, e.documents) for e in first] == [(e.id, e.documents) for e in second]


def test_fuse_previous_ids_are_kept():
    a = analysis("a", [mention("a", 10, mode="aerial", date=D(2021, 6, 27), place="nw:border", actors=["united-states"])])
    b = analysis("b", [mention("b", 5, mode="aerial", date=D(2021, 6, 27), place="nw:border", actors=["united-states"])])
    events, _, _ = run([a, b], previous={"a:10": "ev-stored"})
    assert [e.id for e in events] == ["ev-stored"]


def test_fuse_disagreement_intervals():
    c = lambda v, q="exact", i=0: Claim(id=f"c{i}", mention="m", attribute="killed", value=v, doc=f"d{i}", start=0, end=1, quote="x", qualifier=q)
    assert find_disagreements("e", [c(4, i=1), c(5, i=2), c(7, "at_least", 3)])
    assert not find_disagreements("e", [c(4, "at_least", 1), c(5, i=2)])
    assert not find_disagreements("e", [c(20, "about", 1), c(22, i=2)])
    assert find_disagreements("e", [c(3, "at_most", 1), c(5, i=2)])


def test_fuse_disagreement_figures_of_different_groups_are_parts_of_one_toll():
    c = lambda v, subject, q="exact", i=0: Claim(id=f"c{i}", mention="m", attribute="killed", value=v, doc=f"d{i}", start=0,
                                                  end=1, quote="x", qualifier=q, subject=subject)
    # a child killed beside four militiamen: both can be true
    assert not find_disagreements("e", [c(4, "militiamen", i=1), c(1, "child", i=2)])
    # a child among five dead
    assert not find_disagreements("e", [c(5, "people", i=1), c(1, "child", i=2)])
    # but not among none, and not beside another count of children
    assert find_disagreements("e", [c(0, "people", i=1), c(1, "child", i=2)])
    assert find_disagreements("e", [c(2, "children", i=1), c(1, "child", i=2)])
    # the outlets' clashing tolls are listed without the part that clashes with none
    (d,) = find_disagreements("e", [c(4, "members", i=1), c(1, "child", i=2), c(7, "Iraqi militiamen", "at_least", 3),
                                    c(4, "militiamen", i=4)])
    assert d.claims == ["c1", "c3", "c4"]


def test_fuse_fatalities_best_is_most_reported_then_lowest():
    c = lambda v, doc, q="exact": Claim(id=f"{doc}{v}", mention="m", attribute="killed", value=v, doc=doc, start=0, end=1, quote="x", qualifier=q)
    f = fatalities_for([c(4, "a"), c(1, "a"), c(5, "b"), c(4, "c"), c(7, "d", "at_least")], violent=True)
    # the range runs over the documents' tolls: a's "1" (a part, or an earlier count)
    # is not a toll of its own
    assert f == {"low": 4, "high": 7, "best": 4}
    assert fatalities_for([c(2, "a"), c(3, "b")], violent=True)["best"] == 2
    assert fatalities_for([], violent=True) == {"low": None, "high": None, "best": 0}
    assert fatalities_for([], violent=False) is None


def test_fuse_fatalities_at_least_supports_every_higher_figure():
    c = lambda v, doc, q="exact": Claim(id=f"{doc}{v}", mention="m", attribute="killed", value=v, doc=doc, start=0, end=1, quote="x", qualifier=q)
    # "a fatal shooting" (at least one dead) does not tie with another outlet's 4
    assert fatalities_for([c(1, "a", "at_least"), c(4, "b")], violent=True)["best"] == 4
    # an exact 1 does: the tie goes to the lower figure
    assert fatalities_for([c(1, "a"), c(4, "b")], violent=True)["best"] == 1
    # a document's highest figure counts; stated exactly once, it is not a floor
    assert fatalities_for([c(2, "a", "at_least"), c(2, "a"), c(3, "b")], violent=True)["best"] == 2
    # a floor above a figure does not support it
    assert fatalities_for([c(5, "a", "at_least"), c(2, "b")], violent=True)["best"] == 2


def test_fuse_fatalities_tie_goes_to_the_figure_stated_most_often():
    c = lambda v, doc, q="exact": Claim(id=f"{doc}{v}", mention="m", attribute="killed", value=v, doc=doc, start=0, end=1, quote="x", qualifier=q)
    # one article repeats its toll of 2, another states 1 once: 2
    assert fatalities_for([c(2, "a"), c(2, "a"), c(1, "a"), c(1, "b")], violent=True)["best"] == 2
    # each states its own once: the lower
    assert fatalities_for([c(2, "a"), c(1, "b")], violent=True)["best"] == 1


def test_fuse_report_without_a_place_joins_on_the_same_day_only_with_the_same_story():
    said = "Four people were shot outside a Bellwood barbershop after a dice game turned violent"
    a = analysis("a", [mention("a", 10, mode="firearms", date=D(2016, 10, 7), place="geonames:chicago", sentence=said,
                               trigger="shot")])
    b = analysis("b", [mention("b", 10, mode="firearms", date=D(2016, 10, 7), sentence=said, trigger="shot")])
    # same day, no place, another story: a date alone never joins two reports
    c = analysis("c", [mention("c", 10, mode="firearms", date=D(2016, 10, 7),
                               sentence="A woman was wounded by a stray bullet while she slept on her couch", trigger="wounded")])
    events, _, _ = run([a, b, c])
    assert sorted(e.documents for e in events) == [["a", "b"], ["c"]]
    joined = next(e for e in events if e.documents == ["a", "b"])
    assert any("similar wording" in r for r in joined.merge_reasons)


def test_fuse_a_town_in_its_country_anchors_a_merge_only_beside_a_participant_in_common():
    # placed only in the country: it "lies in" the same country as Springfield, which
    # alone is no place in common (the same-day shooting in Chicago too would "lie in" it)
    places = PLACES + [Place(id="geonames:us", name="United States", lat=39.8, lon=-98.6, country="US", kind="country")]
    a = analysis("a", [mention("a", 10, mode="firearms", date=D(2016, 12, 8), place="geonames:springfield")])
    b = analysis("b", [mention("b", 10, mode="firearms", date=D(2016, 12, 8), place="geonames:us")])
    events, _, _ = fuse_events([a, b], ENTITIES, places, Options())
    assert sorted(e.documents for e in events) == [["a"], ["b"]]
    # the same two with an actor in common are one attack reported at two scales
    a = analysis("a", [mention("a", 10, mode="aerial", date=D(2021, 6, 27), place="nw:omar", actors=["united-states"])])
    b = analysis("b", [mention("b", 10, mode="aerial", date=D(2021, 6, 27), place="geonames:syria", actors=["united-states"])])
    places = PLACES + [Place(id="geonames:syria", name="Syria", lat=35.0, lon=38.5, country="SY", kind="country")]
    events, _, _ = fuse_events([a, b], ENTITIES, places, Options())
    assert [e.documents for e in events] == [["a", "b"]]
    assert any("lies in Syria" in r for r in events[0].merge_reasons)


def test_fuse_two_towns_apart_are_within_reach_but_no_evidence_of_one_event():
    # Stockton and Galt (33 km), Crosby and Houston: same day, each its own shooting
    places = PLACES + [
        Place(id="geonames:stockton", name="Stockton", lat=37.96, lon=-121.29, country="US", kind="city"),
        Place(id="geonames:galt", name="Galt", lat=38.25, lon=-121.30, country="US", kind="city"),
        Place(id="geonames:lodi", name="Lodi", lat=38.13, lon=-121.27, country="US", kind="city"),
        Place(id="geonames:woodbridge", name="Woodbridge", lat=38.15, lon=-121.30, country="US", kind="city"),
    ]
    a = analysis("a", [mention("a", 10, mode="firearms", date=D(2013, 3, 16), place="geonames:stockton", trigger="shot",
                               sentence="Two people were shot dead on Hammer Lane")])
    b = analysis("b", [mention("b", 10, mode="firearms", date=D(2013, 3, 16), place="geonames:galt", trigger="shot",
                               sentence="Seven guests were shot at a birthday party")])
    events, _, _ = fuse_events([a, b], ENTITIES, places, Options())
    assert sorted(e.documents for e in events) == [["a"], ["b"]]
    # a town and its neighbour 3 km off are as good as one place
    c = analysis("c", [mention("c", 10, mode="firearms", date=D(2013, 3, 16), place="geonames:lodi", trigger="shot",
                               sentence="Two people were shot dead on Hammer Lane")])
    d = analysis("d", [mention("d", 10, mode="firearms", date=D(2013, 3, 16), place="geonames:woodbridge", trigger="shot",
                               sentence="Seven guests were shot at a birthday party")])
    events, _, _ = fuse_events([c, d], ENTITIES, places, Options())
    assert [e.documents for e in events] == [["c", "d"]]


def test_fuse_fatalities_leave_out_a_roundups_figures_beside_a_report_of_the_event_alone():
    # "4 shot outside West Englewood store" merged with "3 killed, 12 wounded in Monday
    # shootings across Chicago": the round-up's dead belong to its other shootings
    claims = [killed("roundup", "roundup:10", 1, 10), killed("roundup", "roundup:10", 3, 90)]
    assert fatalities_for(claims, True)["best"] == 3
    assert fatalities_for(claims, True, roundups={"roundup"}, documents={"roundup", "store"}) == \
        {"low": None, "high": None, "best": 0}
    # an event only round-ups report keeps their figures
    assert fatalities_for(claims, True, roundups={"roundup"}, documents={"roundup"})["best"] == 3


def test_fuse_roundup_headlines_are_told_from_one_shootings_headlines():
    from newsweave.fuse.fusion import _roundups

    titles = {
        "a": "3 killed, 12 wounded in Monday shootings across Chicago",
        "b": "Six people injured in two separate shootings in San Francisco Wednesday night",
        "c": "Shootings up nearly 50 percent after another violent weekend in Chicago",
        "d": "Victims of Holton Avenue shootings ID'd",         # one shooting, several victims
        "e": "1 killed, 3 injured in weekend shooting in Charlotte",
        "f": "Suspect went on violent rampage in Federal Way apartment shootings",
        "g": "9-year-old girl wounded, man killed in Roxbury shootings",
        "h": "AK-47 used in Sanford shootings that left mother dead, 5 injured",  # one spree
        "i": "Kankakee County sheriff: Four homicides in less than 36 hours",
        "j": "Man dies two days after shooting in Springfield",
    }
    das = [DocAnalysis(article=Article(id=k, source=k, text="x", title=t)) for k, t in titles.items()]
    assert _roundups(das) == {"a", "b", "c", "g", "i"}


def test_fuse_two_victims_in_common_outweigh_places_geocoded_apart():
    # "3 injured in shooting on the Lower East Side" geocoded to a namesake in Ohio: the
    # two reports name the same two victims, so they are one shooting
    places = PLACES + [
        Place(id="geonames:tribeca", name="Tribeca", lat=40.72, lon=-74.01, country="US", kind="city"),
        Place(id="geonames:ohio", name="Ohio", lat=40.25, lon=-83.0, country="US", kind="admin1"),
    ]
    entities = ENTITIES + [Entity(id=f"person:{n}", name=n, type="PERSON") for n in ("jose-marte", "oscar-delgado", "ann-lee")]

    def shot(doc, place, victims):
        return analysis(doc, [mention(doc, 10, mode="firearms", date=D(2016, 10, 30), place=place, trigger="shot",
                                      targets=victims, sentence=f"Police said {doc} people were shot")])

    two = [shot("a", "geonames:tribeca", ["person:jose-marte", "person:oscar-delgado"]),
           shot("b", "geonames:ohio", ["person:jose-marte", "person:oscar-delgado"])]
    events, _, _ = fuse_events(two, entities, places, Options())
    assert [e.documents for e in events] == [["a", "b"]]
    assert any("2 victims in common outweigh places" in r for r in events[0].merge_reasons)
    # one name in common is not enough to set the places aside
    one = [shot("a", "geonames:tribeca", ["person:jose-marte", "person:ann-lee"]),
           shot("b", "geonames:ohio", ["person:jose-marte", "person:oscar-delgado"])]
    events, _, _ = fuse_events(one, entities, places, Options())
    assert sorted(e.documents for e in events) == [["a"], ["b"]]


def test_fuse_a_country_named_only_as_whose_forces_is_no_place_of_the_event():
    us = Place(id="geonames:us", name="United States", lat=39.8, lon=-98.5, country="US", kind="country")
    m = mention("a", 10, date=D(2021, 6, 28), place="geonames:us")
    m.attributes["place_modifier"] = True  # "a rocket attack on U.S. forces"
    events, _, _ = fuse_events([analysis("a", [m])], ENTITIES, PLACES + [us], Options())
    assert events[0].place is None
    # the same country where the event is said to be ("an attack in the United States") stays
    m2 = mention("b", 10, date=D(2021, 6, 28), place="geonames:us")
    events, _, _ = fuse_events([analysis("b", [m2])], ENTITIES, PLACES + [us], Options())
    assert events[0].place == "geonames:us"
    # a town named as a modifier ("Chicago police") still places the event
    m3 = mention("c", 10, date=D(2021, 6, 28), place="geonames:chicago")
    m3.attributes["place_modifier"] = True
    events, _, _ = fuse_events([analysis("c", [m3])], ENTITIES, PLACES, Options())
    assert events[0].place == "geonames:chicago"


def _undated(doc, start, when, place="nw:omar", mode="heavy-weapons"):
    from newsweave.records import TimeMention

    m = mention(doc, start, mode=mode, place=place)
    m.time = TimeMention(span=Span(doc, start + 20, start + 20 + len(when), when), value=DateRange(None, None, "unknown"))
    return m


def test_fuse_undated_reports_named_on_days_apart_stay_apart():
    # no publication dates: "early Sunday" and "Wednesday evening" are different days
    a = analysis("a", [_undated("a", 10, "early Sunday")], [killed("a", "a:10", 0, 10)])
    b = analysis("b", [_undated("b", 10, "Wednesday evening")], [killed("b", "b:10", 0, 10)])
    events, _, _ = run([a, b])
    assert len(events) == 2
    # a night's two days ("late Sunday", "early Monday") may be one attack
    c = analysis("c", [_undated("c", 10, "early Monday")], [killed("c", "c:10", 0, 10)])
    events, _, _ = run([a, c])
    assert len(events) == 1


def test_fuse_an_undated_attack_takes_the_day_its_article_gives_as_a_whole():
    from newsweave.records import TimeMention

    # the attack's own sentences name no day; the article names a bare "Saturday"
    # (a birthday) first, then the shooting's "about 10:30 p.m. Friday" and "Friday night"
    a = analysis("a", [mention("a", 10, trigger="shooting")])
    a.article.published = D(2017, 1, 21)

    def t(start, text, day):
        return TimeMention(span=Span("a", start, start + len(text), text), value=DateRange(day, day, "day"))

    a.times = [t(100, "Saturday", D(2017, 1, 14)), t(200, "about 10:30 p.m. Friday", D(2017, 1, 20)),
               t(300, "Friday night", D(2017, 1, 20))]
    events, _, _ = run([a])
    assert events[0].date.start == D(2017, 1, 20)
    assert any("gives as a whole: 'about 10:30 p.m. Friday'" in r for r in events[0].merge_reasons)


def _published(doc, mentions, day):
    return DocAnalysis(article=Article(id=doc, source=doc, text=" " * 1000, published=day), events=list(mentions))


def test_fuse_a_report_never_tells_of_a_day_after_its_publication():
    # a: "a shooting Thursday morning" in a page of Thursday 12 January; b, four days
    # later, dates its shooting "just after 10 p.m. Friday": not the one a reported
    a = _published("a", [mention("a", 10, mode="firearms", date=D(2017, 1, 12), place="geonames:springfield")], D(2017, 1, 12))
    b = _published("b", [mention("b", 10, mode="firearms", date=D(2017, 1, 13), place="geonames:springfield")], D(2017, 1, 16))
    events, _, _ = run([a, b])
    assert len(events) == 2
    # the same two days told the other way round are one shooting reported late
    c = _published("c", [mention("c", 10, mode="firearms", date=D(2017, 1, 12), place="geonames:springfield")], D(2017, 1, 13))
    events, _, _ = run([a, c])
    assert len(events) == 1
    # a day read off an article (not its own sentences) is a guess, not a reason
    d = _published("d", [mention("d", 10, mode="firearms", place="geonames:springfield")], D(2017, 1, 13))
    events, _, _ = run([a, d])
    assert len(events) == 1


def test_fuse_the_same_number_of_dead_or_wounded_beyond_two_is_evidence_of_one_shooting():
    def count(attribute, doc, mention_id, value, start):
        return Claim(id=f"{doc}:{start}:{attribute}:0", mention=mention_id, attribute=attribute, value=value, doc=doc,
                     start=start, end=start + 5, quote="x" * 5, qualifier="exact")

    def pair(attribute, n):
        a = analysis("a", [mention("a", 10, date=D(2015, 11, 18), place="geonames:springfield", trigger="shot")],
                     [count(attribute, "a", "a:10", n, 40)])
        b = analysis("b", [mention("b", 10, date=D(2015, 11, 19), place="geonames:springfield", trigger="shooting")],
                     [count(attribute, "b", "b:10", n, 40)])
        return run([a, b])[0]

    # a day apart in one town: not enough alone ...
    assert sorted(e.documents for e in pair("injured", 2)) == [["a"], ["b"]]
    # ... but five wounded in each report is one shooting, and so are three dead
    events = pair("injured", 5)
    assert [e.documents for e in events] == [["a", "b"]]
    assert any("same number wounded (5)" in r for r in events[0].merge_reasons)
    events = pair("killed", 3)
    assert [e.documents for e in events] == [["a", "b"]]
    assert any("same number dead (3)" in r for r in events[0].merge_reasons)


def test_fuse_the_same_street_address_is_a_place_in_common():
    def pair(second):
        a = analysis("a", [mention("a", 10, date=D(2013, 3, 31), trigger="shooting",
                                   sentence="The shooting happened outside Better Days Bar, located at 4030 Dixie Hwy.")])
        b = analysis("b", [mention("b", 10, date=D(2013, 3, 31), trigger="shots", sentence=second)])
        return run([a, b])[0]

    # no place geocoded on either side: the address they share is one
    events = pair("Deputies responded to multiple shots fired at 4030 Dixie Highway early Sunday.")
    assert [e.documents for e in events] == [["a", "b"]]
    assert any("same street address (Dixie)" in r for r in events[0].merge_reasons)
    assert sorted(e.documents for e in pair("Deputies responded to multiple shots fired at 118 Oak Street early Sunday.")) \
        == [["a"], ["b"]]


def test_fuse_similar_headlines_are_evidence_of_one_shooting():
    def pair(title_b):
        def doc(name, title, day, sentence):
            art = Article(id=name, source=name, text=" " * 1000, title=title)
            m = mention(name, 10, date=day, place="geonames:springfield", trigger="shot", sentence=sentence)
            return DocAnalysis(article=art, events=[m], claims=[])

        a = doc("a", "Four shot at memorial service in Springfield - WXYZ News", D(2016, 12, 9),
                "Four people were shot while attending a funeral on Friday.")
        b = doc("b", title_b, D(2016, 12, 10), "Gunfire erupted inside the lodge, police said.")
        return run([a, b])[0]

    # a day apart in one town, told in other words: not enough alone ...
    assert sorted(e.documents for e in pair("Man shot outside gas station after argument")) == [["a"], ["b"]]
    assert sorted(e.documents for e in pair("")) == [["a"], ["b"]]
    # ... but two headlines telling of a shooting at a memorial service are one shooting
    events = pair("4 people shot at memorial service in southwest Springfield")
    assert [e.documents for e in events] == [["a", "b"]]
    assert any("similar headlines" in r for r in events[0].merge_reasons)


def test_fuse_summary_gives_the_reports_description_of_an_unnamed_actor_and_the_parties_of_talks():
    vow = mention("a", 10, type_="THREATEN", trigger="vowed")
    vow.attributes["actor_text"] = "the Iran-backed groups"
    talks = mention("a", 300, type_="CONSULT", targets=["kataib-hezbollah"], trigger="talks")
    man = mention("a", 600, type_="THREATEN", trigger="threatened")
    man.attributes["actor_text"] = "a man"  # no group: nothing to quote
    events, _, _ = run([analysis("a", [vow, talks, man])])
    summaries = sorted(e.summary for e in events)
    assert any(s.startswith("“Iran-backed groups”: threat") for s in summaries)
    assert any(s.startswith("Meeting or talks with Kata'ib Hezbollah") for s in summaries)
    assert any(s.startswith("Threat (") for s in summaries)


def test_fuse_headline_words_are_compared_in_their_shared_form():
    from newsweave.fuse.fusion import _Fuser

    fuser = _Fuser([], ENTITIES, PLACES, Options())
    assert [fuser._headline_form(w) for w in ("shoots", "shot", "shootings", "teen's", "witness")] == [
        "shoot", "shoot", "shooting", "teen", "witness"]


def test_fuse_summary_names_the_targets_not_what_they_belong_to():
    from newsweave.fuse.summary import summarize
    from newsweave.records import DateRange, Entity, Event

    entities = {e.id: e for e in [
        Entity(id="us", name="United States", type="COUNTRY"),
        Entity(id="us-ministry", name="US Department of Defense", type="GOVERNMENT", affiliation="us"),
        Entity(id="us-forces", name="United States Armed Forces", type="MILITARY", affiliation="us-ministry"),
        Entity(id="kh", name="Kata'ib Hezbollah", type="ARMED_GROUP"),
    ]}
    ev = Event(id="e", type="ASSAULT", mode="heavy-weapons", acled=None, date=DateRange(None, None, "unknown"),
               targets=["us-forces", "us"])
    assert "against United States Armed Forces (" in summarize(ev, entities, {})
    ev.targets = ["kh", "us"]
    assert "against Kata'ib Hezbollah and United States (" in summarize(ev, entities, {})
