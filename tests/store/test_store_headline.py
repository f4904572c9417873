"""A mention read from the headline (spans with ``field == "title"``) survives the store,
and a store made before the ``field`` columns is upgraded."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from newsweave.records import Article, Claim, DocAnalysis, EntityMention, EventMention, PlaceMention, Span
from newsweave.store import Store, serialize

TITLE = "Man, 24, shot and killed in Springfield"
WALL = "Log in to continue reading. Subscribers get unlimited access."


def _t(part: str) -> Span:
    start = TITLE.index(part)
    return Span("h1", start, start + len(part), part, "title")


def headline_analysis() -> DocAnalysis:
    art = Article(id="h1", source="test", text=WALL, title=TITLE, published=dt.date(2017, 3, 6), content_hash="h" * 64)
    victim = EntityMention(_t("Man"), "PERSON", "PERSON", "man")
    place = PlaceMention(_t("Springfield"), place="geonames:4409896")
    trig = _t("shot")
    m = EventMention(id=f"h1:t{trig.start}", doc="h1", type="ASSAULT", trigger=trig, sentence=_t(TITLE),
                     targets=[victim], place=place.place, place_mention=place,
                     attributes={"also": [{**_t("killed").as_dict()}], "article_day": dt.date(2017, 3, 5)})
    claim = Claim(id="h1:t0:killed:0", mention=m.id, attribute="killed", value=1, doc="h1", start=0, end=len(TITLE),
                  quote=TITLE, qualifier="exact", field="title")
    return DocAnalysis(article=art, entities=[victim], places=[place], events=[m], claims=[claim])


def test_store_headline_spans_round_trip_through_the_payload():
    da = headline_analysis()
    back = serialize.from_json(DocAnalysis, serialize.to_json(da))
    assert back == da
    m = back.events[0]
    assert m.trigger.field == "title" and m.place_mention.span.field == "title"
    assert m.place_mention is back.places[0] and m.targets[0] is back.entities[0]
    assert back.claims[0].field == "title"
    assert back.article.title[m.trigger.start:m.trigger.end] == m.trigger.text


def test_store_headline_spans_round_trip_through_the_store(store_url, store_factory):
    da = headline_analysis()
    other = store_factory.make_analysis(1)
    with Store(store_url) as store:
        store.add_analyses([da, other])
        loaded = {a.article.id: a for a in store.load_analyses()}
        assert loaded["h1"] == da
        result = store_factory.fake_fuse([other])
        # a resolved entity and claim that hold a headline span
        result.entities[0].mentions.append(_t("Man"))
        result.claims.append(headline_analysis().claims[0])
        store.save_results(result)
        back = store.load_results()
        spans = [s for e in back.entities for s in e.mentions]
        assert _t("Man") in spans and all(s.field == "text" for s in spans if s.doc != "h1")
        got = next(c for c in back.claims if c.doc == "h1")
        assert got.field == "title" and got.as_dict()["field"] == "title"
        with store.engine.connect() as conn:
            fields = conn.execute(sa.text("select field from claims where doc = 'h1'")).scalars().all()
            assert fields == ["title"]


def test_store_headline_old_store_is_upgraded(tmp_path):
    """A store at revision 0002 (no ``field`` columns) opens, upgraded; its rows read as "text"."""
    from alembic import command
    from alembic.config import Config

    from newsweave.store.db import MIGRATIONS

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = sa.create_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.execute(sa.text("insert into spans (owner, owner_id, position, doc, start, \"end\", text) "
                             "values ('entity', 'e1', 0, 'd1', 0, 3, 'Man')"))
    engine.dispose()
    with Store(url) as store:
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("select version_num from alembic_version")).scalar() == "0003"
            assert conn.execute(sa.text("select field from spans")).scalars().all() == ["text"]
