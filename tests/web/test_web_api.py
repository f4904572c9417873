"""The JSON API over a store filled by hand (through the store's API) and over the sample corpus."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsweave.web.app import CSP, create_app


@pytest.fixture(scope="module")
def client(hand_store_url) -> TestClient:
    return TestClient(create_app(hand_store_url), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def memory_client(hand_analysis) -> TestClient:
    return TestClient(create_app(analysis=hand_analysis), raise_server_exceptions=False)


def test_web_api_events_list_uses_schema_fields(client):
    r = client.get("/api/events")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 3 and body["limit"] == 100 and body["offset"] == 0
    ev = body["events"][0]
    for key in ("id", "type", "mode", "acled", "date", "place", "actors", "targets", "documents", "mentions", "fatalities", "summary"):
        assert key in ev
    assert set(ev["date"]) >= {"start", "end", "precision"}
    # timeline order: by start date
    starts = [e["date"]["start"] for e in body["events"]]
    assert starts == sorted(starts)


@pytest.mark.parametrize("params, expected", [
    ({"type": "ASSAULT"}, {"ev-strike", "ev-hostile"}),
    ({"type": "protest"}, {"ev-march"}),
    ({"place": "Qaryat al-Nahr"}, {"ev-strike"}),
    ({"place": "LB"}, {"ev-march", "ev-hostile"}),
    ({"actor": "the Front"}, {"ev-strike"}),  # an alias of a target
    ({"actor": "Teachers Union"}, {"ev-march"}),
    ({"date_from": "2020-05-02", "date_to": "2020-05-31"}, {"ev-march", "ev-hostile"}),
    ({"date_to": "2020-03-02"}, {"ev-strike"}),
    ({"q": "depots"}, {"ev-strike"}),
    ({"document": "doc-b"}, {"ev-strike"}),
    ({"type": "ASSAULT", "place": "LB"}, {"ev-hostile"}),
])
def test_web_api_events_filters(client, memory_client, params, expected):
    for c in (client, memory_client):
        r = c.get("/api/events", params=params)
        assert r.status_code == 200, r.text
        assert {e["id"] for e in r.json()["events"]} == expected


def test_web_api_events_paging_and_limit(client):
    r = client.get("/api/events", params={"limit": 1, "offset": 1})
    assert r.status_code == 200
    assert len(r.json()["events"]) == 1 and r.json()["total"] == 3
    assert client.get("/api/events", params={"limit": 500}).status_code == 200
    for bad in ({"limit": 501}, {"limit": 0}, {"offset": -1}, {"limit": "many"}, {"date_from": "yesterday"}):
        r = client.get("/api/events", params=bad)
        assert r.status_code == 422, bad
        assert isinstance(r.json()["detail"], list) and r.json()["detail"][0]["loc"]
        assert "Traceback" not in r.text


def test_web_api_event_detail(client):
    r = client.get("/api/events/ev-strike")
    assert r.status_code == 200
    body = r.json()
    assert body["event"]["id"] == "ev-strike"
    assert {d["id"] for d in body["documents"]} == {"doc-a", "doc-b", "doc-c"}
    assert {c["id"] for c in body["claims"]} >= {"doc-a:c1", "doc-b:c1", "doc-c:c1"}
    assert body["disagreements"][0]["attribute"] == "killed"
    assert body["event"]["mentions"] and {"doc", "start", "end", "text"} <= set(body["event"]["mentions"][0])
    assert "eastern front" in {e["id"] for e in body["entities"]}


def test_web_api_404_is_json(client):
    for path in ("/api/events/nope", "/api/documents/nope", "/api/nothing-here"):
        r = client.get(path)
        assert r.status_code == 404
        assert r.headers["content-type"].startswith("application/json")
        assert "detail" in r.json()


def test_web_api_documents(client):
    r = client.get("/api/documents")
    assert r.status_code == 200
    docs = r.json()["documents"]
    assert len(docs) == 5 and r.json()["total"] == 5
    assert {"id", "source", "outlet", "title", "published", "text", "removed"} <= set(docs[0])
    r = client.get("/api/documents", params={"event": "ev-strike", "with_text": "false"})
    assert {d["id"] for d in r.json()["documents"]} == {"doc-a", "doc-b", "doc-c"}
    assert all(d["text"] == "" for d in r.json()["documents"])
    one = client.get("/api/documents/doc-a").json()
    assert one["document"]["removed"] == [{"start": 0, "end": 23, "reason": "stray-line"}]
    text = one["document"]["original_text"]
    for c in one["claims"]:
        assert text[c["start"]:c["end"]] == c["quote"]
    assert [e["id"] for e in one["events"]] == ["ev-strike"]


def test_web_api_disagreements_entities_places(client):
    dis = client.get("/api/disagreements").json()
    assert dis["total"] == 1 and dis["disagreements"][0]["claims"] == ["doc-a:c1", "doc-b:c1", "doc-c:c1"]
    assert client.get("/api/disagreements", params={"event": "ev-march"}).json()["total"] == 0
    ents = client.get("/api/entities", params={"q": "front"}).json()["entities"]
    assert [e["id"] for e in ents] == ["eastern front"]
    assert "EF" in ents[0]["aliases"]
    places = client.get("/api/places", params=[("id", "P1"), ("id", "P2")]).json()["places"]
    assert {p["id"] for p in places} == {"P1", "P2"}
    assert all(p["lat"] is not None for p in places)
    assert client.get("/api/places", params={"country": "SY"}).json()["total"] == 1


def test_web_api_openapi_and_docs_page(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/documents", "/api/documents/{doc_id}",
                 "/api/disagreements", "/api/entities", "/api/places"):
        assert path in spec["paths"]
    assert all(set(methods) == {"get"} for methods in spec["paths"].values())  # read-only
    page = client.get("/docs")
    assert page.status_code == 200 and "/api/events" in page.text
    assert "<script" not in page.text  # the stock docs page would need inline script


def test_web_api_security_headers_everywhere(client):
    for path in ("/", "/api/events", "/api/events/nope", "/static/app.css", "/nope", "/docs"):
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"


def test_web_api_no_write_endpoints(client):
    for method in ("post", "put", "delete", "patch"):
        r = getattr(client, method)("/api/events")
        assert r.status_code == 405


def test_web_api_request_body_limit(hand_analysis):
    c = TestClient(create_app(analysis=hand_analysis, max_body_bytes=1000), raise_server_exceptions=False)
    r = c.post("/api/events", content=b"x" * 5000)
    assert r.status_code == 413
    assert r.headers["content-security-policy"] == CSP


def test_web_api_500_has_no_traceback(hand_analysis, monkeypatch):
    from newsweave.web import source

    app = create_app(analysis=hand_analysis)

    def boom(self, *a, **k):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(source.AnalysisSource, "events", boom)
    c = TestClient(app, raise_server_exceptions=False)
    for path in ("/api/events", "/"):
        r = c.get(path)
        assert r.status_code == 500
        assert "secret internals" not in r.text and "Traceback" not in r.text
        assert r.headers["content-security-policy"] == CSP
    assert c.get("/api/events").json() == {"detail": "internal error"}


def test_web_api_store_snapshot_follows_new_runs(tmp_path, hand_analysis):
    """A running server sees what a later run stored, without a restart."""
    from newsweave.records import Analysis, DocAnalysis
    from newsweave.store.db import Store
    from newsweave.web.source import StoreSource

    url = f"sqlite:///{tmp_path / 's.db'}"
    store = Store(url)
    first = Analysis(documents=hand_analysis.documents[:3], entities=hand_analysis.entities, places=hand_analysis.places,
                     events=hand_analysis.events[:1], claims=hand_analysis.claims[:6], disagreements=hand_analysis.disagreements)
    store.add_analyses([DocAnalysis(article=d) for d in first.documents])
    store.save_results(first)
    src = StoreSource(url, recheck=0)
    assert len(src.current().index().analysis.events) == 1
    store.add_analyses([DocAnalysis(article=d) for d in hand_analysis.documents])
    store.save_results(hand_analysis)
    assert len(src.current().index().analysis.events) == 3
    src.close()
    store.close()


@pytest.mark.model
def test_web_api_sample_corpus(seeds_store_url):
    c = TestClient(create_app(seeds_store_url), raise_server_exceptions=False)
    events = c.get("/api/events", params={"limit": 500}).json()
    assert events["total"] >= 1
    assaults = [e for e in events["events"] if e["type"] == "ASSAULT"]
    assert assaults
    strike = max(assaults, key=lambda e: len(e["documents"]))
    assert len(strike["documents"]) >= 2
    detail = c.get(f"/api/events/{strike['id']}").json()
    assert {d["id"] for d in detail["documents"]} >= set(strike["documents"])
    page = c.get(f"/events/{strike['id']}")
    assert page.status_code == 200
    for doc in strike["documents"]:
        assert f'data-doc="{doc}"' in page.text
    for path in ("/", "/documents", "/actors", "/docs"):
        assert c.get(path).status_code == 200


def test_web_api_write_endpoint_needs_token(hand_store_url, monkeypatch):
    import newsweave.runner

    calls = []

    def fake_run(inputs, options, manifest=None, on_problem=None, progress_factory=None):
        calls.append((inputs, options.db))
        with open(inputs[0], encoding="utf-8") as fh:
            assert fh.read().startswith('{"text"')
        return 0

    monkeypatch.setattr(newsweave.runner, "run_analyze", fake_run)
    body = b'{"text": "Protesters gathered in the square on Monday."}\n'
    read_only = TestClient(create_app(hand_store_url), raise_server_exceptions=False)
    assert read_only.post("/api/analyze", content=body).status_code in (404, 405)
    c = TestClient(create_app(hand_store_url, write_token="s3cret"), raise_server_exceptions=False)
    assert c.post("/api/analyze", content=body).status_code == 401
    assert c.post("/api/analyze", content=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert not calls
    r = c.post("/api/analyze", content=body, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 200 and r.json()["status"] == "stored"
    assert calls and calls[0][1] == hand_store_url
