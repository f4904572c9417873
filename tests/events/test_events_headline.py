"""The headline is read when the page's body reports no event (a login wall, a video
page), and only then; its spans point into the title."""
from __future__ import annotations

import datetime as dt

import pytest

from newsweave import pipeline
from newsweave.clean import clean_article
from newsweave.clean.title import title_debris
from newsweave.events import headline
from newsweave.records import Article

WALL = ("Log in to continue reading.\n\nSubscribers get unlimited access to every story. "
        "Already a member? Sign in with your email address and password.\n")


def _analyse(text: str, title: str, url: str = "https://www.example-news.com/local/story-1"):
    res = pipeline.load_resources()
    art = clean_article(Article(id="d1", source="test", text=text, title=title, published=dt.date(2017, 3, 6), url=url))
    doc = next(iter(pipeline._two_pass().pipe([art.masked])))
    return pipeline.extract_article(art, doc, res)


KILLED_BODY = "SPRINGFIELD -- A 24-year-old man was shot and killed on Elm Street on Sunday night, police said.\n"


def _refuse(monkeypatch, name: str, why: str) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError(why)

    monkeypatch.setattr(headline, name, refuse)


def _spans(da):
    for m in da.events:
        yield m.trigger
        yield m.sentence
        yield from (e.span for e in (*m.actors, *m.targets))
        if m.place_mention is not None:
            yield m.place_mention.span
        if m.time is not None:
            yield m.time.span
    for x in (*da.entities, *da.places, *da.times):
        yield x.span


@pytest.mark.model
def test_events_headline_read_when_the_body_is_a_login_wall():
    title = "Man, 24, shot and killed in Springfield"
    da = _analyse(WALL, title)
    assaults = [m for m in da.events if m.type == "ASSAULT"]
    assert assaults, "the headline's shooting is read"
    m = assaults[0]
    assert m.trigger.field == "title" and m.sentence.field == "title"
    assert m.id.startswith("d1:t")
    for sp in _spans(da):
        text = da.article.title if sp.field == "title" else da.article.text
        assert text[sp.start:sp.end] == sp.text
    killed = [c for c in da.claims if c.attribute == "killed"]
    assert [c.value for c in killed] == [1]
    c = killed[0]
    assert c.field == "title" and c.mention == m.id and c.id.startswith("d1:t")
    assert da.article.title[c.start:c.end] == c.quote == title
    assert c.as_dict()["field"] == "title" and m.trigger.as_dict()["field"] == "title"


@pytest.mark.model
def test_events_headline_not_read_when_the_body_reports_the_event(monkeypatch):
    _refuse(monkeypatch, "_add_headline", "the headline was read although the body reports the event")
    da = _analyse(KILLED_BODY,
                  "Woman stabbed in Dayton, police say")
    assert any(m.type == "ASSAULT" for m in da.events)
    assert all(sp.field == "text" for sp in _spans(da))
    assert all(c.field == "text" and "field" not in c.as_dict() for c in da.claims)


@pytest.mark.model
def test_events_headline_place_and_site_name():
    da = _analyse(WALL, "St. Louis woman killed, 3 wounded by gunfire in park :: Example News",
                  url="http://web.archive.org/web/2016/http://www.examplenews.com/a/1")
    m = next(m for m in da.events if m.type == "ASSAULT")
    assert m.place_mention is not None and m.place_mention.span.field == "title"
    assert m.place_mention.span.text == "St. Louis"
    assert all("Example" not in c.quote for c in da.claims)  # the site's name is not read


def test_events_headline_site_name_is_blanked_by_host_outlet_or_words():
    words = frozenset({"shot", "killed", "shooting"})
    t = "Five shot at billiards bar :: WRAL.com"
    (r,) = title_debris(t, url="http://www.wral.com/news/1", event_words=words)
    assert t[:r.start] == "Five shot at billiards bar" and r.end == len(t)
    t = "Man killed in crash - Daily Courier"
    (r,) = title_debris(t, outlet="The Daily Courier")
    assert t[:r.start] == "Man killed in crash"
    t = "Teen shot on Main St. - Memphis, Tennessee | Local 9 News, Weather"
    (r,) = title_debris(t, event_words=words)
    assert t[:r.start] == "Teen shot on Main St."
    # a tail holding the story's words stays; no separator, nothing removed
    assert title_debris("Police: man shot - suspect killed", event_words=words) == []
    assert title_debris("Man shot while hunting", url="http://www.wral.com/x", event_words=words) == []
    assert title_debris("", event_words=words) == []


def test_events_headline_sentence_case_keeps_length_and_names():
    words = frozenset({"shot", "killed"})
    t = "2 Girls, 2 Men Shot At Birthday Party In Compton"
    out = headline._sentence_case(t, words)
    assert len(out) == len(t)
    assert out == "2 Girls, 2 Men shot at Birthday Party in Compton"
    assert headline._sentence_case("Man shot in Compton", words) == "Man shot in Compton"


@pytest.mark.model
def test_events_headline_toll_when_the_body_states_no_death():
    body = "SPRINGFIELD -- A 24-year-old man was shot on Elm Street on Sunday night, police said.\n"
    title = "Man dies after Sunday night shooting in Springfield"
    da = _analyse(body, title)
    lead = next(m for m in da.events if m.type == "ASSAULT")
    assert lead.trigger.field == "text"  # the body's attack stays the event
    killed = [c for c in da.claims if c.attribute == "killed"]
    assert [c.value for c in killed] == [1]
    c = killed[0]
    assert c.field == "title" and c.mention == lead.id and c.id.startswith("d1:t")
    assert da.article.title[c.start:c.end] == c.quote
    assert not any(m.trigger.field == "title" for m in da.events)


@pytest.mark.model
@pytest.mark.parametrize("body, title, injured", [
    # the one person shot is the one the headline reports dead
    ("WASHINGTON COUNTY -- The sheriff's office is investigating after a boy apparently shot himself "
     "while playing with a firearm on Saturday.\n", "Sheriff: 6-year-old playing with gun shot and killed", []),
    ("SPRINGFIELD -- A 24-year-old man was shot on Elm Street on Sunday night, police said. "
     "He was taken to Mercy Hospital.\n", "Man dies after Sunday night shooting in Springfield", []),
    # someone else was shot too, or the wounded is told apart by sex
    ("SPRINGFIELD -- A 24-year-old man was shot on Elm Street on Sunday night, police said. "
     "Another man was also shot and is expected to recover.\n", "Man dies after Sunday night shooting in Springfield", [1]),
    ("SPRINGFIELD -- A woman was shot in the leg on Elm Street on Sunday night, police said.\n",
     "Man dies after Sunday night shooting in Springfield", [1]),
])
def test_events_headline_toll_takes_the_lone_wounded_as_the_dead(body, title, injured):
    da = _analyse(body, title)
    assert [c.value for c in da.claims if c.attribute == "killed"] == [1]
    assert sorted({c.value for c in da.claims if c.attribute == "injured"}) == injured


@pytest.mark.model
def test_events_headline_toll_of_a_charge_of_killing():
    body = "SPRINGFIELD -- A 42-year-old man was shot inside a car parked on Elm Street on Sunday night, police said.\n"
    da = _analyse(body, "Teen charged with killing uncle in Springfield")
    assert [c.value for c in da.claims if c.attribute == "killed"] == [1]


@pytest.mark.model
def test_events_headline_toll_higher_than_the_bodys_one_by_one_count():
    body = ("SPRINGFIELD -- Four people were shot on Elm Street on Thursday afternoon, police said. "
            "One was pronounced dead on scene, a second was transported to the hospital as a trauma patient. "
            "He later died at the hospital.\n")
    da = _analyse(body, "Police: 2 dead, 2 injured in Springfield shooting")
    title = [c for c in da.claims if c.attribute == "killed" and c.field == "title"]
    assert [c.value for c in title] == [2]
    # a list of the dead ending on the killer is read the same way
    two = ("SPRINGFIELD -- Police said a man killed a neighbor and took her young son before officers found "
           "both the man and the boy dead in his home on Friday.\n")
    da = _analyse(two, "Police: Man kills woman, her son, himself in Springfield")
    assert [c.value for c in da.claims if c.attribute == "killed" and c.field == "title"] == [3]
    # a headline no higher than the body's own toll is not read
    da = _analyse(body.replace("One was", "Two were"), "Police: 2 dead, 2 injured in Springfield shooting")
    assert not [c for c in da.claims if c.attribute == "killed" and c.field == "title"]


@pytest.mark.model
def test_events_headline_toll_not_read_when_the_body_counts_the_dead(monkeypatch):
    _refuse(monkeypatch, "_add_headline_toll", "the headline's toll was read although the body counts the dead")
    da = _analyse(KILLED_BODY,
                  "Man dies after Sunday night shooting in Springfield")
    assert [c.value for c in da.claims if c.attribute == "killed"] == [1]


BARE_BODY = "FRESNO -- Police are investigating a shooting on Elm Street on Saturday night.\n"


@pytest.mark.model
@pytest.mark.parametrize("title, wounded", [
    ("Police: 4 people shot in southeast Fresno", 4),       # a reduced relative, read as a passive
    ("Five Shot During Party At Fresno Banquet Hall", 5),   # "Shot" tagged a noun counted by "Five"
    ("Two kids injured in accidental shooting in Fresno", 2),
    ("Possible double shooting in Fresno investigated", 2),  # a double shooting: two people shot
])
def test_events_headline_wounded_when_the_body_counts_no_one(title, wounded):
    da = _analyse(BARE_BODY, title)
    lead = next(m for m in da.events if m.type == "ASSAULT")
    assert lead.trigger.field == "text"
    hurt = [c for c in da.claims if c.attribute == "injured"]
    assert [c.value for c in hurt] == [wounded]
    c = hurt[0]
    assert c.field == "title" and c.mention == lead.id
    assert da.article.title[c.start:c.end] == c.quote
    assert not any(c.attribute == "killed" for c in da.claims)


@pytest.mark.model
@pytest.mark.parametrize("body, title", [
    # the body counts the wounded itself
    ("FRESNO -- Two people were wounded in a shooting on Elm Street on Saturday night.\n",
     "Police: 4 people shot in southeast Fresno"),
    # the dead may be among the people the headline counts shot
    ("FRESNO -- A man was killed in a shooting on Elm Street on Saturday night.\n",
     "Police: 4 people shot in southeast Fresno"),
    # a headline with a death: its people shot include the dead
    (BARE_BODY, "Four shot, one fatally, in southeast Fresno"),
])
def test_events_headline_wounded_not_read(body, title):
    da = _analyse(body, title)
    assert not [c for c in da.claims if c.attribute == "injured" and c.field == "title"]


@pytest.mark.model
@pytest.mark.parametrize("title, attribute, count", [
    ("Man, baby found dead inside home in Springfield", "killed", 2),
    ("Parents, 2 children dead in Springfield murder-suicide", "killed", 4),
    ("Father, daughter, 9, found dead in possible murder-suicide", "killed", 2),  # "9" is an age
    ("Two Adults, One Child Dead in Apparent Murder-Suicide: Police", "killed", 3),
    ("Child, man shot during robbery attempt at Springfield barbershop", "injured", 2),
    ("Boy, 2, accidentally shot in South Side home, police say", "injured", 1),  # one boy, aged 2
    # people named before another verb are not the dead: "arrested in fatal shooting of a boy"
    ("2 men, woman arrested in fatal shooting of 17-year-old boy", "killed", 1),
    ("Police kill gunman after standoff in Springfield", "killed", 1),  # a headline's bare role noun
    ("2 dead, 3 injured in shooting outside Springfield club", "killed", 2),  # the number after counts the hurt
    ("2 dead, 3 injured in shooting outside Springfield club", "injured", 3),
    ("Police: Man kills woman, her son, himself in Springfield", "killed", 3),  # the list ends on the killer
    ("Two arrested after child shot", "injured", 1),  # "child shot" parsed as a compound noun
    ("Three dead and one in critical condition in Springfield shooting", "killed", 3),  # one with its own state
])
def test_events_headline_list_of_people_counted_part_by_part(title, attribute, count):
    da = _analyse(WALL, title)
    assert max(c.value for c in da.claims if c.attribute == attribute) == count


@pytest.mark.model
@pytest.mark.parametrize("title", [
    # a wound's place on the body says who was shot, whatever "at" follows
    "Man shot in leg at Epping training facility",
    # "at" a place or an occasion is where it happened
    "Teen shot at party in Dayton",
    # headlines drop the article before an age that stands for its person
    "3-year-old was wounded in Fresno shooting",
    "Teen says 15-year-old was shot by friend",
])
def test_events_headline_wounded_of_a_login_wall(title):
    da = _analyse(WALL, title)
    assert [c.value for c in da.claims if c.attribute == "injured"] == [1]
    assert not [c for c in da.claims if c.attribute == "perpetrator" and c.value in ("Man", "Teen")]


@pytest.mark.model
def test_events_headline_shot_at_people_is_the_subjects_shooting():
    da = _analyse(WALL, "Suspect shot at deputies before fleeing")
    assert not [c for c in da.claims if c.attribute == "injured"]
