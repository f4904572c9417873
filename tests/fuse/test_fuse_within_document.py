"""Within-article grouping on real sentences: definite descriptions, places that only
describe a participant, and times of different grain (no model needed)."""
from __future__ import annotations

import pytest

from newsweave.config import Options
from newsweave.fuse import fuse_events
from newsweave.fuse.fusion import _definite, _head, _weak_place
from newsweave.records import (
    Article, Claim, DateRange, DocAnalysis, Entity, EntityMention, EventMention, Place, PlaceMention, Span, TimeMention,
)

PLACES = [
    Place(id="nw:border", name="Iraq-Syria border", lat=34.43, lon=40.95, country="IQ", kind="border"),
    Place(id="c:syria", name="Syria", lat=35.0, lon=38.0, country="SY", kind="country"),
    Place(id="c:us", name="United States", lat=39.8, lon=-98.6, country="US", kind="country"),
    Place(id="c:uk", name="United Kingdom", lat=54.0, lon=-2.0, country="GB", kind="country"),
    Place(id="c:iran", name="Iran", lat=32.0, lon=53.0, country="IR", kind="country"),
]
ENTITIES = [
    Entity(id="united-states", name="United States", type="COUNTRY"),
    Entity(id="monitor", name="Syrian Observatory for Human Rights", type="ORGANIZATION"),
    Entity(id="person:president", name="Joe Biden", type="PERSON", affiliation="united-states"),
]
PLACE_BY_NAME = {"Iraq-Syria border": "nw:border", "Syria": "c:syria", "U.S.": "c:us", "Britain": "c:uk", "Iran": "c:iran"}


class Doc:
    """An article built sentence by sentence, with mentions placed on their words."""

    def __init__(self, doc: str, sentences: list[str]):
        self.doc = doc
        self.text = " ".join(sentences)
        self.bounds = []
        pos = 0
        for s in sentences:
            self.bounds.append((pos, pos + len(s)))
            pos += len(s) + 1
        self.events: list[EventMention] = []
        self.claims: list[Claim] = []

    def _span(self, word: str, sentence: int, after: int = 0) -> Span:
        s0, _ = self.bounds[sentence]
        i = self.text.index(word, s0 + after)
        return Span(self.doc, i, i + len(word), word)

    def mention(self, sentence: int, trigger: str, place: str | None = None, time: str | None = None,
                mode: str | None = "aerial", actors: tuple[str, ...] = ()) -> EventMention:
        trig = self._span(trigger, sentence)
        s0, s1 = self.bounds[sentence]
        m = EventMention(id=f"{self.doc}:{trig.start}", doc=self.doc, type="ASSAULT", mode=mode, trigger=trig,
                         sentence=Span(self.doc, s0, s1, self.text[s0:s1]))
        if place:
            ps = self._span(place, sentence)
            m.place, m.place_mention = PLACE_BY_NAME[place], PlaceMention(ps, PLACE_BY_NAME[place])
        if time:
            m.time = TimeMention(self._span(time, sentence), DateRange(None, None, "unknown"))
        m.actors = [EntityMention(span=trig, label="X", type="COUNTRY", key=a, entity=a) for a in actors]
        self.events.append(m)
        return m

    def killed(self, m: EventMention, value: int, source: str | None = None) -> None:
        who = None
        if source:
            who = EntityMention(span=m.sentence, label="ORG", type="ORGANIZATION", key=source, entity=source)
        self.claims.append(Claim(id=f"{m.id}:killed:{value}", mention=m.id, attribute="killed", value=value, doc=self.doc,
                                 start=m.sentence.start, end=m.sentence.end, quote=m.sentence.text,
                                 attributed_mention=who))

    def analysis(self) -> DocAnalysis:
        return DocAnalysis(article=Article(id=self.doc, source=self.doc, text=self.text), events=self.events, claims=self.claims)


def run(*docs: Doc):
    return fuse_events([d.analysis() for d in docs], ENTITIES, PLACES, Options())


def test_fuse_definite_description_detection():
    text = "He condemned the U.S. airstrikes. Militias vowed to launch unmanned aerial vehicle attacks."
    assert _definite(text, 0, text.index("airstrikes"))
    assert not _definite(text, 34, text.index("attacks"))
    assert _head("airstrikes") == "strike" == _head("strikes")


def test_fuse_weak_places_describe_participants():
    d = Doc("a", ["The Britain-based monitor said seven were killed in the airstrikes.",
                  "It condemned the U.S. airstrikes.",
                  "Warplanes struck targets in Syria."])
    m1 = d.mention(0, "airstrikes", place="Britain")
    m2 = d.mention(1, "airstrikes", place="U.S.")
    m3 = d.mention(2, "struck", place="Syria")
    places = {p.id: p for p in PLACES}
    assert _weak_place(m1, d.text, places) and _weak_place(m2, d.text, places)
    assert not _weak_place(m3, d.text, places)


def test_fuse_definite_description_joins_the_event_that_used_its_word():
    d = Doc("a", ["U.S. warplanes carried out airstrikes on the Iraq-Syria border on Sunday night.",
                  "The first strike hit a depot in Syria.",
                  "Militants fired rockets at a base in Syria days earlier.",
                  "The Britain-based monitor said at least seven were killed in the airstrikes."])
    d.mention(0, "airstrikes", place="Iraq-Syria border", time="Sunday night", actors=("united-states",))
    d.mention(1, "strike", place="Syria")
    d.mention(2, "fired", place="Syria", mode="heavy-weapons")
    m4 = d.mention(3, "airstrikes", place="Britain")
    d.killed(m4, 7, "monitor")
    events, claims, _ = run(d)
    by_first = {e.mentions[0].trigger.text: [m.trigger.text for m in e.mentions] for e in events}
    assert by_first == {"airstrikes": ["airstrikes", "strike", "airstrikes"], "fired": ["fired"]}
    main = next(e for e in events if e.mentions[0].trigger.text == "airstrikes")
    assert main.place == "nw:border"  # neither "Britain-based" nor a country
    assert any("definite description" in r for r in main.merge_reasons)


def test_fuse_month_and_weekday_in_one_undated_article_are_two_events():
    d = Doc("a", ["U.S. warplanes carried out airstrikes on the Iraq-Syria border on Sunday night.",
                  "In February, the U.S. launched airstrikes in Syria near the border."])
    d.mention(0, "airstrikes", place="Iraq-Syria border", time="Sunday night")
    d.mention(1, "airstrikes", place="Syria", time="In February")
    events, _, _ = run(d)
    assert len(events) == 2


def test_fuse_recalled_strike_joins_the_report_of_it_across_articles():
    a = Doc("a", ["U.S. warplanes carried out airstrikes on the Iraq-Syria border on Sunday night."])
    ma = a.mention(0, "airstrikes", place="Iraq-Syria border", time="Sunday night", actors=("united-states",))
    a.killed(ma, 4, "monitor")
    b = Doc("b", ["The militia vowed to avenge four men killed in a U.S. air strike on the Iraq-Syria border last month."])
    mb = b.mention(0, "strike", place="Iraq-Syria border", time="last month", actors=("united-states",))
    mb.background = True
    b.killed(mb, 4, "monitor")
    events, _, _ = run(a, b)
    assert len(events) == 1 and events[0].documents == ["a", "b"]
    assert any("figure (4 killed)" in r for r in events[0].merge_reasons)


def test_fuse_officials_of_the_striking_side_are_no_victims():
    from newsweave.fuse.fusion import _Fuser

    d = Doc("a", ["At the direction of President Joe Biden, U.S. forces carried out airstrikes on the Iraq-Syria border."])
    m = d.mention(0, "airstrikes", place="Iraq-Syria border", actors=("united-states",))
    da = d.analysis()
    i = d.text.index("Joe Biden")
    da.entities = [EntityMention(span=Span("a", i, i + 9, "Joe Biden"), label="PERSON", type="PERSON",
                                 key="person:president", entity="person:president")]
    f = _Fuser([da], ENTITIES, PLACES, Options())
    assert f._persons_near(da, [m], []) == set()


def test_fuse_border_lies_in_both_its_countries():
    from newsweave.fuse.evidence import Comparer

    c = Comparer({p.id: p for p in PLACES}, {})
    conflict, score, why = c.compare_places("nw:border", "c:syria")
    assert conflict is None and score >= 0 and "border" in why
    conflict, score, _ = c.compare_places("nw:border", "c:iran")
    assert score < 0


def test_fuse_a_date_read_off_the_article_does_not_forbid_a_merge():
    import datetime as dt

    from newsweave.fuse.evidence import Candidate, Comparer

    def cand(key: str, day: dt.date, inferred: bool) -> Candidate:
        return Candidate(key=key, type="ASSAULT", mode="firearms", date=DateRange(day, day, "day"), place="nw:border",
                         actors=frozenset(), targets=frozenset(), victims=frozenset(), killed=frozenset({2}),
                         words=frozenset(), docs=frozenset({key}), background=False, date_inferred=inferred)

    c = Comparer({p.id: p for p in PLACES}, {})
    own = c.compare(cand("a", dt.date(2016, 6, 12), False), cand("b", dt.date(2016, 6, 26), False))
    assert own.conflict and "dated" in own.conflict
    guessed = c.compare(cand("a", dt.date(2016, 6, 12), False), cand("b", dt.date(2016, 6, 26), True))
    assert guessed.conflict is None and "place" in guessed.anchors
    assert guessed.score < c.compare(cand("a", dt.date(2016, 6, 12), False), cand("b", dt.date(2016, 6, 12), True)).score


def test_fuse_a_publication_date_bounds_the_attack_from_above():
    # an article that names no day is dated to its publication: the attack came then or
    # before, so another report's day shortly before it costs nothing; a day after it
    # (or long before) still counts against the merge
    import datetime as dt

    from newsweave.fuse.evidence import Candidate, Comparer

    def cand(key: str, day: dt.date, inferred: bool = False, published: bool = False) -> Candidate:
        return Candidate(key=key, type="ASSAULT", mode="firearms", date=DateRange(day, day, "day"), place="nw:border",
                         actors=frozenset(), targets=frozenset(), victims=frozenset(), killed=frozenset({2}),
                         words=frozenset(), docs=frozenset({key}), background=False, date_inferred=inferred or published,
                         date_published=published)

    c = Comparer({p.id: p for p in PLACES}, {})
    day = dt.date(2015, 12, 22)
    stamp = cand("b", day + dt.timedelta(days=2), published=True)
    same = c.compare(cand("a", day), cand("b", day, inferred=True)).score
    before = c.compare(cand("a", day), stamp)
    assert before.conflict is None and "date" not in before.anchors
    # no date evidence either way: the same day's guess scores higher, a guessed other day lower
    guessed = c.compare(cand("a", day), cand("b", day + dt.timedelta(days=2), inferred=True)).score
    assert guessed < before.score < same
    after = c.compare(cand("a", day + dt.timedelta(days=5)), stamp).score
    long_before = c.compare(cand("a", day - dt.timedelta(days=30)), stamp).score
    assert after == guessed and long_before == guessed
    # a report of the court case ("2 teens charged in killing") tells of an attack weeks
    # before it was published; a later day still counts against it
    charged = cand("b", day + dt.timedelta(days=2), published=True)
    charged.headline = frozenset({"teen", "charged", "killing"})
    weeks_before = c.compare(cand("a", day - dt.timedelta(days=30)), charged)
    assert weeks_before.score == before.score and weeks_before.conflict is None
    assert c.compare(cand("a", day + dt.timedelta(days=5)), charged).score == guessed


def test_fuse_within_an_article_the_attacker_of_one_is_not_the_target_of_the_other():
    # "U.S. strikes" and "groups targeting U.S. forces": one side unnamed, still two
    # happenings; across articles (where one outlet may name only a side) it takes both
    from newsweave.fuse.evidence import Candidate, Comparer

    def cand(key: str, actors=(), targets=()) -> Candidate:
        return Candidate(key=key, type="ASSAULT", mode="aerial", date=DateRange(None, None, "unknown"), place="nw:border",
                         actors=frozenset(actors), targets=frozenset(targets), victims=frozenset(), killed=frozenset(),
                         words=frozenset(), docs=frozenset({"a"}), background=False)

    c = Comparer({p.id: p for p in PLACES}, {})
    strikes, answer = cand("s", actors=["united-states"]), cand("t", targets=["united-states"])
    assert c.compare(strikes, answer, same_doc=True).conflict == "actor of one is the target of the other (attack and response)"
    assert c.compare(answer, strikes, same_doc=True).conflict
    assert c.compare(strikes, cand("u"), same_doc=True).conflict is None
    assert c.compare(strikes, answer).conflict is None


def test_fuse_within_an_article_attacks_told_in_sequence_stay_apart():
    # "a missile strike targeted coalition forces after an American raid": two happenings
    d = Doc("a", ["A missile strike targeted coalition forces in Syria after an American raid on the border."])
    strike = d.mention(0, "strike", place="Syria", mode="heavy-weapons")
    raid = d.mention(0, "raid", place="Syria", mode=None)
    events, _, _ = run(d)
    assert len([e for e in events if e.type == "ASSAULT"]) == 1  # nothing sets them apart
    strike.attributes["sequenced"] = [raid.trigger.start]
    raid.attributes["sequenced"] = [strike.trigger.start]
    events, _, _ = run(d)
    assert len([e for e in events if e.type == "ASSAULT"]) == 2


@pytest.mark.parametrize("sentences, mentions, events", [
    # "an air raid" after "the bombing" of an oil field (shelling, in a translation) is
    # another attack
    (["Local sources said the bombing targeted the oil field in Syria.",
      "Militias vowed attacks in response to an air raid on the Iraq-Syria border."],
     [(0, "bombing", "Syria", "explosives"), (1, "raid", "Iraq-Syria border", "aerial")], 2),
    # "the bombing" after "air strikes" may be them
    (["U.S. jets carried out air strikes in Syria.", "Residents said the bombing shook the town in Syria."],
     [(0, "strikes", "Syria", "aerial"), (1, "bombing", "Syria", "explosives")], 1),
])
def test_fuse_an_air_raid_does_not_refer_back_to_a_bombing(sentences, mentions, events):
    d = Doc("a", sentences)
    for sentence, trigger, place, mode in mentions:
        d.mention(sentence, trigger, place=place, mode=mode)
    assert len(run(d)[0]) == events


def test_fuse_same_person_by_surname_and_first_name():
    from newsweave.fuse.evidence import same_person

    assert same_person("person:james-robert-gustafson", "person:james-gustafson")
    assert same_person("person:gustafson", "person:james-gustafson")
    assert not same_person("person:mary-gustafson", "person:james-gustafson")
    assert not same_person("person:james-smith", "person:james-gustafson")


def test_fuse_one_sources_figure_links_outlets_and_joins_an_articles_two_parts():
    # outlet b split its report in two (the strikes; later, the militia's toll); outlet a
    # gives the strikes and the same militia figure: all three parts are one event
    a = Doc("a", ["U.S. warplanes carried out airstrikes on the Iraq-Syria border on Sunday night."])
    ma = a.mention(0, "airstrikes", place="Iraq-Syria border", time="Sunday night", actors=("united-states",))
    a.killed(ma, 4, "monitor")
    b = Doc("b", ["U.S. warplanes carried out airstrikes on the Iraq-Syria border on Sunday night.",
                  "Militants fired rockets at a base in Iran.",
                  "Four militiamen were killed in Syria, the monitor said."])
    b.mention(0, "airstrikes", place="Iraq-Syria border", time="Sunday night", actors=("united-states",))
    b.mention(1, "fired", place="Iran", mode="heavy-weapons")
    mb = b.mention(2, "killed", place="Syria", mode=None)
    b.killed(mb, 4, "monitor")
    events, _, _ = run(a, b)
    main = max(events, key=lambda e: len(e.mentions))
    assert [m.trigger.text for m in main.mentions] == ["airstrikes", "airstrikes", "killed"]
    assert any("figure (4 killed)" in r for r in main.merge_reasons)


def test_fuse_disagreement_names_the_outlet_of_an_unsourced_figure():
    a = Doc("a", ["U.S. warplanes carried out airstrikes on the Iraq-Syria border on Sunday night."])
    ma = a.mention(0, "airstrikes", place="Iraq-Syria border", time="Sunday night", actors=("united-states",))
    a.killed(ma, 4, "monitor")
    a.killed(ma, 9)
    da = a.analysis()
    da.article.outlet = "The Daily Example"
    _, _, disagreements = fuse_events([da], ENTITIES, PLACES, Options())
    assert len(disagreements) == 1
    assert "Syrian Observatory for Human Rights: 4" in disagreements[0].summary
    assert "The Daily Example (no source named): 9" in disagreements[0].summary


def test_fuse_main_attacks_of_two_articles_weigh_for_a_merge():
    import datetime as dt

    from newsweave.fuse.evidence import Candidate, Comparer

    def cand(key: str, main: bool) -> Candidate:
        return Candidate(key=key, type="ASSAULT", mode="aerial", date=DateRange(None, None, "unknown"), place="nw:border",
                         actors=frozenset(), targets=frozenset(), victims=frozenset(), killed=frozenset(),
                         words=frozenset(), docs=frozenset({key}), background=False, main=main)

    c = Comparer({p.id: p for p in PLACES}, {})
    both = c.compare(cand("a", True), cand("b", True))
    one = c.compare(cand("a", True), cand("b", False))
    assert both.score > one.score and "the attack each undated article is about" in both.reasons
    assert c.compare(cand("a", True), cand("a", True), same_doc=True).score == c.compare(cand("a", False), cand("a", False), same_doc=True).score


def test_fuse_event_acled_type_follows_its_mode():
    d = Doc("a", ["U.S. warplanes carried out airstrikes on the Iraq-Syria border on Sunday night.",
                  "Four militiamen were killed.", "A fifth fighter was killed later."])
    m1 = d.mention(0, "airstrikes", place="Iraq-Syria border", time="Sunday night")
    m1.acled = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}
    for i in (1, 2):
        m = d.mention(i, "killed", mode="unspecified")
        m.acled = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    events, _, _ = run(d)
    assert len(events) == 1
    assert events[0].mode == "aerial" and events[0].acled["sub_event_type"] == "Air/drone strike"


def test_fuse_definite_description_skips_a_group_that_used_its_word_as_a_verb():
    d = Doc("a", ["U.S. warplanes carried out airstrikes on the Iraq-Syria border.",
                  "Officials said the attacks involved drones similar to those that strike targets in Iran.",
                  "In the airstrikes that followed, U.S. forces hit two sites."])
    d.mention(0, "airstrikes", place="Iraq-Syria border", actors=("united-states",))
    d.mention(1, "attacks", place="Iran", mode=None)
    verb = d.mention(1, "strike", place="Iran", mode=None)
    verb.attributes["verbal"] = True
    d.mention(2, "airstrikes")
    events, _, _ = run(d)
    by_first = {e.mentions[0].trigger.text: [m.trigger.start for m in e.mentions] for e in events}
    last = d.events[-1].trigger.start
    assert last in by_first["airstrikes"]
    # had the verb counted, "the airstrikes" ("strike") would have joined the drones' group
    verb.attributes.pop("verbal")
    events2, _, _ = run(d)
    assert any(last in [m.trigger.start for m in e.mentions] and e.mentions[0].trigger.text == "attacks" for e in events2)


def _teaser_article(extra_day: str | None) -> DocAnalysis:
    import datetime as dt

    sentences = ["Five people were shot during a party at a banquet hall, police said.",
                 "Best Destinations For A Proper St. Patrick's Day"]
    if extra_day:
        sentences.append(f"The party began {extra_day} evening.")
    d = Doc("a", sentences)
    d.mention(0, "shot", mode=None)
    da = d.analysis()
    da.article.published = dt.date(2015, 11, 29)
    da.times = [TimeMention(d._span("St. Patrick's Day", 1), DateRange(dt.date(2015, 3, 17), dt.date(2015, 3, 17), "day"))]
    if extra_day:
        da.times.append(TimeMention(d._span(extra_day, 2), DateRange(dt.date(2015, 11, 28), dt.date(2015, 11, 28), "day")))
    return da


def test_fuse_a_teasers_far_holiday_does_not_date_the_attack():
    import datetime as dt

    events, _, _ = fuse_events([_teaser_article(None)], ENTITIES, PLACES, Options())
    assert events[0].date.start == dt.date(2015, 11, 29)  # its publication, not last March
    events, _, _ = fuse_events([_teaser_article("Saturday")], ENTITIES, PLACES, Options())
    assert events[0].date.start == dt.date(2015, 11, 28)  # a day it names near publication


def test_fuse_a_person_on_both_sides_is_one_shootout_groups_attack_and_answer():
    import datetime as dt

    from newsweave.fuse.evidence import Candidate, Comparer

    def cand(key: str, actors: set, targets: set) -> Candidate:
        day = dt.date(2016, 2, 25)
        return Candidate(key=key, type="ASSAULT", mode="firearms", date=DateRange(day, day, "day"), place="nw:border",
                         actors=frozenset(actors), targets=frozenset(targets), victims=frozenset(), killed=frozenset(),
                         words=frozenset(), docs=frozenset({key}), background=False)

    entities = {"person:t-walton": Entity(id="person:t-walton", name="T. Walton", type="PERSON"),
                "person:cedric-ford": Entity(id="person:cedric-ford", name="Cedric Ford", type="PERSON"),
                "militia": Entity(id="militia", name="Some Brigades", type="ARMED_GROUP"),
                "united-states": Entity(id="united-states", name="United States", type="COUNTRY")}
    c = Comparer({p.id: p for p in PLACES}, entities)
    # "the officer shot the gunman" and "the gunman shot at the officer": one shootout
    v = c.compare(cand("a", {"person:t-walton"}, {"person:cedric-ford"}), cand("b", {"person:cedric-ford"}, {"person:t-walton"}))
    assert v.conflict is None
    # a militia's attack and the strikes that answered it: two events
    v = c.compare(cand("a", {"militia"}, {"united-states"}), cand("b", {"united-states"}, {"militia"}))
    assert v.conflict and "attack and response" in v.conflict


def test_fuse_the_place_of_another_kind_of_attack_is_not_taken_for_the_main_one():
    # the air strikes are placed only "in Syria"; the article names the oil field where
    # rockets answered them: that place is the rockets', not the strikes'
    field = Place(id="nw:field", name="Al-Omar oil field", lat=35.03, lon=40.55, country="SY", kind="facility")
    town = Place(id="g:town", name="Mayadin", lat=35.02, lon=40.45, country="SY", kind="city")
    PLACE_BY_NAME.update({"Al-Omar oil field": "nw:field", "Mayadin": "g:town"})
    try:
        def article(rockets_mode: str) -> DocAnalysis:
            d = Doc("a", ["U.S. warplanes carried out airstrikes in Syria.",
                          "The airstrikes hit militia depots in Syria.",
                          "Rockets hit the Al-Omar oil field.",
                          "Residents of Mayadin heard the jets."])
            d.mention(0, "airstrikes", place="Syria", actors=("united-states",))
            d.mention(1, "airstrikes", place="Syria", actors=("united-states",))
            d.mention(2, "Rockets", place="Al-Omar oil field", mode=rockets_mode)
            da = d.analysis()
            da.places = [PlaceMention(d._span("Al-Omar oil field", 2), "nw:field"),
                         PlaceMention(d._span("Mayadin", 3), "g:town")]
            return da

        places = PLACES + [field, town]
        events, _, _ = fuse_events([article("heavy-weapons")], ENTITIES, places, Options())
        strikes = next(e for e in events if e.mode == "aerial")
        assert strikes.place == "g:town"
        assert any("taken from the article: Mayadin" in r for r in strikes.merge_reasons)
    finally:
        del PLACE_BY_NAME["Al-Omar oil field"], PLACE_BY_NAME["Mayadin"]


def test_fuse_a_definite_description_looks_first_to_its_own_sentence():
    d = Doc("a", ["A rocket attack hit a base housing U.S. troops in Syria.",
                  "U.S. forces answered with artillery fire on the launch sites.",
                  "No one claimed the rocket attacks, but video of the assault was shared."])
    rockets = d.mention(0, "attack", place="Syria", mode="heavy-weapons")
    rockets.targets = [EntityMention(span=rockets.trigger, label="GPE", type="COUNTRY", key="united-states",
                                     entity="united-states")]
    d.mention(1, "fire", mode="heavy-weapons", actors=("united-states",))
    d.mention(2, "attacks", mode="heavy-weapons")
    assault = d.mention(2, "assault", mode=None)
    events, _, _ = run(d)
    by_first = {e.mentions[0].trigger.text: [m.trigger.text for m in e.mentions] for e in events}
    # "the assault" is the rocket attacks of its sentence, not the answer told just before
    assert by_first == {"attack": ["attack", "attacks", "assault"], "fire": ["fire"]}
    event = next(e for e in events if assault.id in [m.id for m in e.mentions])
    assert any("'assault'" in r and "definite description" in r for r in event.merge_reasons)


def test_fuse_a_body_that_never_tells_of_the_attack_gives_no_day_of_it():
    import datetime as dt

    title = "Three injured in Dayton shooting"
    d = Doc("a", ["As of late Tuesday morning, the boy had received 50,000 cards.",
                  "The mail kept rolling in, his grandmother said."])
    da = d.analysis()
    da.article.title = title
    da.article.published = dt.date(2016, 10, 29)
    trig = Span("a", title.index("shooting"), title.index("shooting") + len("shooting"), "shooting", field="title")
    m = EventMention(id="a:t", doc="a", type="ASSAULT", mode=None, trigger=trig, sentence=Span("a", 0, len(title), title, field="title"))
    da.events = [m]
    da.times = [TimeMention(d._span("late Tuesday morning", 0), DateRange(dt.date(2016, 10, 25), dt.date(2016, 10, 25), "day"))]
    events, _, _ = fuse_events([da], ENTITIES, PLACES, Options())
    # only the headline tells of a shooting: the page holds another story, and its day is not the attack's
    assert events[0].date.start == dt.date(2016, 10, 29)
    assert any("names no day of the attack" in r for r in events[0].merge_reasons)
    # once the body tells of it, the body's day dates it
    body = EventMention(id="a:b", doc="a", type="ASSAULT", mode=None, trigger=d._span("received", 0),
                        sentence=Span("a", *d.bounds[0], d.text[d.bounds[0][0]:d.bounds[0][1]]))
    da.events = [m, body]
    events, _, _ = fuse_events([da], ENTITIES, PLACES, Options())
    assert events[0].date.start == dt.date(2016, 10, 25)
