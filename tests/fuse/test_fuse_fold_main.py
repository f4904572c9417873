"""A part of the attack an article is about, left in a group of its own by reading
order, joins the main group when nothing in the article sets it apart."""
from __future__ import annotations

import datetime as dt

from newsweave.config import Options
from newsweave.fuse.fusion import _Fuser, candidate_for
from newsweave.records import Article, DateRange, DocAnalysis, EntityMention, EventMention, Place, Span

D = dt.date(2016, 5, 1)
PLACES = [
    Place(id="g:dayton", name="Dayton", lat=39.76, lon=-84.19, country="US", admin1="OH", kind="city"),
    Place(id="g:toledo", name="Toledo", lat=41.66, lon=-83.56, country="US", admin1="OH", kind="city"),
]


def mention(start: int, trigger: str, date=None, place=None, mode="firearms", background=False,
            actor: str | None = None) -> EventMention:
    d = DateRange(date, date, "day") if date else DateRange(None, None, "unknown")
    actors = [EntityMention(span=Span("a", start, start + 2, actor), label="GPE", type="COUNTRY", key=actor,
                            entity=actor)] if actor else []
    return EventMention(
        id=f"a:{start}", doc="a", type="ASSAULT", mode=mode,
        trigger=Span("a", start, start + len(trigger), trigger),
        sentence=Span("a", start, start + 40, trigger), place=place, date=d, background=background, actors=actors,
    )


def fold(mentions: list[list[EventMention]]):
    da = DocAnalysis(article=Article(id="a", source="a", text=" " * 2000), events=[m for g in mentions for m in g])
    fuser = _Fuser([da], [], PLACES, Options())
    groups = [list(g) for g in mentions]
    cands = [candidate_for(g, [], fuser.places, fuser.entities) for g in groups]
    notes: list[list[str]] = [[] for _ in groups]
    fuser._fold_into_main(da, groups, cands, notes)
    return groups, notes


def test_fuse_fold_joins_a_compatible_part_to_the_main_attack():
    main = [mention(10, "shooting", D, "g:dayton"), mention(100, "shot", D, "g:dayton")]
    part = [mention(500, "killed", None, None, mode="unspecified")]
    groups, notes = fold([main, part])
    assert [[m.id for m in g] for g in groups] == [["a:10", "a:100", "a:500"]]
    assert any("belongs to the attack the article is about" in n for n in notes[0])


def test_fuse_fold_keeps_what_the_article_sets_apart():
    main = [mention(10, "shooting", D, "g:dayton"), mention(100, "shot", D, "g:dayton")]
    elsewhere = [mention(300, "shooting", D, "g:toledo")]  # another city, 200 km away
    recalled = [mention(400, "killed", None, None, background=True)]
    groups, _ = fold([main, elsewhere, recalled])
    assert len(groups) == 3


def test_fuse_fold_needs_a_dated_main_attack():
    # undated, "the strikes" and "the rockets" of the next day can't be told apart
    main = [mention(10, "strikes", None, None, mode="aerial"), mention(100, "raid", None, None, mode="aerial")]
    other = [mention(500, "attack", None, None, mode="unspecified")]
    groups, _ = fold([main, other])
    assert len(groups) == 2


def test_fuse_fold_of_an_undated_article_needs_the_same_attacker():
    # undated, "the US raid" later in the article joins "the American air attack" it
    # names again; an attack by no one named (the rockets that answered it) does not
    main = [mention(10, "attack", None, None, mode="aerial", actor="us"), mention(100, "raid", None, None, mode="aerial")]
    again = [mention(500, "raid", None, None, mode="unspecified", actor="us")]
    other = [mention(800, "attack", None, None, mode="unspecified")]
    groups, notes = fold([main, again, other])
    assert [[m.id for m in g] for g in groups] == [["a:10", "a:100", "a:500"], ["a:800"]]
    assert any("belongs to the attack the article is about" in n for n in notes[0])
