"""Hypothesis over every GET route of the OpenAPI spec: arbitrary query values never cause a 500."""
from __future__ import annotations

import urllib.parse

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.web.app import create_app


@pytest.fixture(scope="module")
def client(hand_analysis) -> TestClient:
    return TestClient(create_app(analysis=hand_analysis), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def routes(client) -> list[tuple[str, list[str]]]:
    spec = client.get("/openapi.json").json()
    out = []
    for path, methods in spec["paths"].items():
        if "get" in methods:
            out.append((path, [p["name"] for p in methods["get"].get("parameters", []) if p["in"] == "query"]))
    return out + [("/", ["type", "place", "date_from", "date_to", "actor", "q", "page"]), ("/documents", ["q"]), ("/actors", ["q"])]


text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
value = st.one_of(text, st.integers(-10**12, 10**12).map(str), st.sampled_from(["", "2020-03-02", "ASSAULT", "true", "501", "-1"]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_web_fuzz_query_params_never_500(client, routes, data):
    path, names = data.draw(st.sampled_from(routes))
    for slot in ("{event_id}", "{doc_id}"):
        path = path.replace(slot, urllib.parse.quote(data.draw(text) or "x", safe=""))
    params = {n: data.draw(value) for n in names if data.draw(st.booleans())}
    r = client.get(path, params=params)
    assert r.status_code < 500, (path, params, r.text[:200])
    assert "Traceback" not in r.text
