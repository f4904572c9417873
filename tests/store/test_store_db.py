"""The store on SQLite and PostgreSQL: round trips, idempotence, batching, queries, migrations."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from newsweave.records import Analysis
from newsweave.store import Store, StoreChanged, StoreError
from newsweave.store import schema


def _dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table (timestamps left out), sorted: the store's content."""
    out = {}
    with store.engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            cols = [c for c in table.c if c.name not in ("added_at", "fetched_at")]
            out[table.name] = sorted(tuple(map(repr, row)) for row in conn.execute(sa.select(*cols)))
    return out


def test_store_analyses_round_trip(store_url, store_factory):
    analyses = [store_factory.make_analysis(i) for i in range(5)]
    with Store(store_url) as store:
        assert store.add_analyses(analyses) == 5
        back = store.load_analyses()
        assert back == sorted(analyses, key=lambda a: a.article.id)
        assert store.load_analyses(["doc003", "doc001", "nope"]) == [analyses[1], analyses[3]]
        assert list(store.iter_analyses(chunk=2)) == back
        assert back[0].events[0].actors[0] is back[0].entities[0]
        assert store.load_documents(["doc002"]) == [analyses[2].article]


def test_store_add_is_idempotent(store_url, store_factory):
    analyses = [store_factory.make_analysis(i) for i in range(4)]
    with Store(store_url) as store:
        assert store.add_analyses(analyses) == 4
        before = _dump(store)
        assert store.add_analyses(analyses) == 0
        # the same content under another file name / id is not stored twice
        renamed = store_factory.make_analysis(2, doc_id="copy-of-doc002")
        assert store.add_analyses([renamed]) == 0
        assert _dump(store) == before
        assert store.known_hashes([a.article.content_hash for a in analyses] + ["0" * 64]) == {
            a.article.content_hash for a in analyses
        }
        assert store.doc_ids_by_hash([renamed.article.content_hash]) == {renamed.article.content_hash: "doc002"}
        # a repeat inside one batch is stored once
        assert store.add_analyses([store_factory.make_analysis(9), store_factory.make_analysis(9)]) == 1


def test_store_refuses_a_reused_id_with_other_content(store_url, store_factory):
    with Store(store_url) as store:
        store.add_analyses([store_factory.make_analysis(1)])
        other = store_factory.make_analysis(2, doc_id="doc001")
        with pytest.raises(StoreError, match="already stored with other content"):
            store.add_analyses([other, store_factory.make_analysis(3)])
        # the failed batch left nothing behind
        assert store.document_count() == 1


def test_store_batches_equal_one_go(store_url, store_factory, tmp_path):
    analyses = [store_factory.make_analysis(i) for i in range(7)]
    with Store(store_url) as batched:
        for i in range(0, 7, 3):
            batched.add_analyses(analyses[i : i + 3])
        batched.save_results(store_factory.fake_fuse(batched.load_analyses()))
        dump_batched = _dump(batched)
    with Store(f"sqlite:///{tmp_path / 'one-go.db'}") as one_go:
        one_go.add_analyses(analyses)
        one_go.save_results(store_factory.fake_fuse(one_go.load_analyses()))
        assert _dump(one_go) == dump_batched


def test_store_results_round_trip(store_url, store_factory):
    analyses = [store_factory.make_analysis(i) for i in range(14)]
    result = store_factory.fake_fuse(analyses)
    assert result.disagreements, "the fixture should produce a disagreement"
    with Store(store_url) as store:
        store.add_analyses(analyses)
        store.save_results(result)
        back = store.load_results()
        assert back.events == result.events
        assert back.claims == result.claims
        assert back.disagreements == result.disagreements
        assert back.entities == result.entities
        assert back.places == result.places
        assert back.documents == sorted(result.documents, key=lambda d: d.id)
        assert back.events[0].mentions[0].actors[0].span == result.events[0].mentions[0].actors[0].span
        # saving again replaces, it does not add
        store.save_results(result)
        assert store.counts()["events"] == len(result.events)
        assert store.event_ids_by_mention() == {m.id: e.id for e in result.events for m in e.mentions}


def test_store_results_for_some_documents(store_url, store_factory):
    analyses = [store_factory.make_analysis(i) for i in range(14)]
    with Store(store_url) as store:
        store.add_analyses(analyses)
        full = store_factory.fake_fuse(store.load_analyses())
        store.save_results(full)
        part = store.load_results(doc_ids=["doc000"])
        (event,) = [e for e in full.events if "doc000" in e.documents]
        assert [e.id for e in part.events] == [event.id]
        # every document of that event comes along, older ones included, with all its claims
        assert {d.id for d in part.documents} == set(event.documents)
        assert len(event.documents) > 1
        assert {c.id for c in part.claims} == {c.id for c in full.claims if c.event == event.id}
        assert {d.event for d in part.disagreements} <= {event.id}
        assert set(event.actors + event.targets) <= {e.id for e in part.entities}
        assert event.place in {p.id for p in part.places}
        for ent in part.entities:
            assert all(m.doc in set(event.documents) for m in ent.mentions)
        assert store.load_results(doc_ids=[]).events == []


def test_store_refuses_results_of_a_store_that_changed(store_url, store_factory):
    with Store(store_url) as store:
        store.add_analyses([store_factory.make_analysis(i) for i in range(3)])
        based_on = store.document_count()
        result = store_factory.fake_fuse(store.load_analyses())
        store.save_results(result, based_on=based_on)
        store.add_analyses([store_factory.make_analysis(5)])  # another run adds an article meanwhile
        stale = store_factory.fake_fuse(store.load_analyses()[:3])
        stale.events = stale.events[:1]
        with pytest.raises(StoreChanged):
            store.save_results(stale, based_on=based_on)
        assert store.load_results().events == result.events


def test_store_event_ids_stay_when_articles_join(store_url, store_factory):
    with Store(store_url) as store:
        store.add_analyses([store_factory.make_analysis(0)])
        first = store_factory.fake_fuse(store.load_analyses(), store.event_ids_by_mention())
        store.save_results(first)
        store.add_analyses([store_factory.make_analysis(12)])  # same actor and town as doc000
        second = store_factory.fake_fuse(store.load_analyses(), store.event_ids_by_mention())
        store.save_results(second)
        (joined,) = [e for e in store.load_results().events if "doc012" in e.documents]
        assert joined.id == first.events[0].id
        assert joined.documents == ["doc000", "doc012"]


def test_store_queries_for_the_web(store_url, store_factory):
    analyses = [store_factory.make_analysis(i) for i in range(14)]
    with Store(store_url) as store:
        store.add_analyses(analyses)
        result = store_factory.fake_fuse(store.load_analyses())
        store.save_results(result)
        everything = store.list_events()
        assert [e["id"] for e in everything] == [e.id for e in result.events]
        assert everything[0] == result.events[0].as_dict()
        assert store.count_events() == len(result.events)
        assert store.list_events(type="assault", limit=2, offset=1) == everything[1:3]
        assert store.list_events(type="PROTEST") == []
        town = result.events[0].place
        assert {e["place"] for e in store.list_events(place=town)} == {town}
        assert store.list_events(place="Alpha Town") == [e for e in everything if e["place"] == "alpha-town"]
        assert len(store.list_events(place="sy")) == len(everything)  # ISO country code
        actor = result.events[0].actors[0]
        assert all(actor in e["actors"] + e["targets"] for e in store.list_events(actor=actor))
        assert store.list_events(actor="Northern Brigade") == store.list_events(actor="northern-brigade") != []
        assert store.list_events(date_from="2021-06-29", date_to="2021-06-29") == [
            e for e in everything if e["date"]["start"] <= "2021-06-29" <= e["date"]["end"]
        ]
        assert store.list_events(date_from="2030-01-01") == []
        assert store.list_events(q="HILL MILITIA") == [e for e in everything if "hill militia" in e["summary"].lower()] != []
        assert store.list_events(q="100%_") == []

        one = store.get_event(result.events[0].id)
        assert one["event"] == everything[0]
        assert {d["id"] for d in one["documents"]} == set(result.events[0].documents)
        assert all(c["event"] == result.events[0].id for c in one["claims"]) and one["claims"]
        assert {e["id"] for e in one["entities"]} >= set(result.events[0].actors)
        assert [p["id"] for p in one["places"]] == [town]
        assert store.get_event("no-such-event") is None

        docs = store.list_documents(limit=3)
        assert len(docs) == 3 and set(docs[0]) >= {"id", "source", "text", "removed", "outlet", "published"}
        assert docs[0]["text"] == analyses[0].article.clean_text
        assert sorted(d["id"] for d in store.list_documents(outlet="outlet 1")) == [f"doc{i:03d}" for i in range(1, 14, 2)]
        assert [d["id"] for d in store.list_documents(q="(report 4)")] == ["doc004"]
        assert {d["id"] for d in store.list_documents(event=result.events[0].id)} == set(result.events[0].documents)

        dis = store.list_disagreements()
        assert dis == [d.as_dict() for d in result.disagreements] != []
        assert store.list_disagreements(event=dis[0]["event"]) == [d for d in dis if d["event"] == dis[0]["event"]]
        assert store.list_disagreements(attribute="injured") == []


def test_store_migrations_match_the_tables(store_url):
    """The migrations create exactly the tables of schema.py (and re-opening runs none again)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    Store(store_url).close()
    with Store(store_url) as store:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
            assert diff == []
            assert conn.execute(sa.text("select version_num from alembic_version")).scalars().all() == ["0003"]


def test_store_fetch_log(store_url, store_factory):
    with Store(store_url) as store:
        da = store_factory.make_analysis(1)
        store.mark_fetched("https://a.example/1", "page", etag='"x"', content_hash=da.article.content_hash, status="ok")
        store.mark_fetched("https://a.example/2", "page", status="HTTP 404")
        state = store.fetch_state(["https://a.example/1", "https://a.example/2", "https://a.example/3"])
        assert set(state) == {"https://a.example/1", "https://a.example/2"}
        assert state["https://a.example/1"]["etag"] == '"x"' and not state["https://a.example/1"]["stored"]
        store.add_analyses([da])
        assert store.fetch_state(["https://a.example/1"])["https://a.example/1"]["stored"]
        store.mark_fetched("https://a.example/2", "page", status="ok")
        assert store.fetch_state(["https://a.example/2"])["https://a.example/2"]["status"] == "ok"


def test_store_bad_urls_fail_in_one_sentence(tmp_path):
    with pytest.raises(StoreError, match="not a store URL"):
        Store("nosuchdb://x")
    with pytest.raises(StoreError, match="does not exist"):
        Store(f"sqlite:///{tmp_path / 'missing' / 'x.db'}")


def test_store_translates_postgresql_urls():
    from newsweave.store import engine_url

    assert engine_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert engine_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert engine_url("sqlite:///x.db") == "sqlite:///x.db"


def test_store_documents_keep_the_page_posting_date(store_url, store_factory):
    import datetime as dt

    from newsweave.clean import clean_article

    text = ("Posted: March 6, 2013 Updated: March 20, 2013\n"
            "Northern Brigade attacked Coastal Guard in Alpha Town on Monday, officials said. "
            "At least 3 people were killed in the attack (report 0).\n")
    a = store_factory.make_analysis(0, text=text)
    a.article.published = dt.date(2013, 3, 20)
    clean_article(a.article)
    assert a.article.written == dt.date(2013, 3, 6)
    with Store(store_url) as store:
        store.add_analyses([a])
        (doc,) = store.load_documents(["doc000"])
        assert doc.posted == dt.date(2013, 3, 6) and doc.written == dt.date(2013, 3, 6)
        assert store.load_analyses()[0].article.posted == dt.date(2013, 3, 6)
