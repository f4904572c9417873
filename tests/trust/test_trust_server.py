"""The server's defaults: loopback only, read-only without a token, bounded pages and
bodies, and no traceback in any answer (the rest is in tests/web)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner


@pytest.fixture()
def empty_store(tmp_path) -> str:
    from newsweave.store import Store

    url = f"sqlite:///{tmp_path / 'store.db'}"
    with Store(url):
        pass
    return url


def _serve(monkeypatch, *args: str) -> dict:
    import uvicorn

    from newsweave.cli import main

    seen: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    result = CliRunner().invoke(main, ["serve", *args])
    assert result.exit_code == 0, result.output
    seen["output"] = result.output
    return seen


def test_trust_server_binds_loopback_by_default(monkeypatch, empty_store):
    seen = _serve(monkeypatch, "--db", empty_store)
    assert seen["host"] == "127.0.0.1"
    assert seen.get("proxy_headers") is False and seen.get("server_header") is False


def test_trust_server_warns_when_bound_beyond_loopback(monkeypatch, empty_store):
    seen = _serve(monkeypatch, "--db", empty_store, "--host", "0.0.0.0")
    assert seen["host"] == "0.0.0.0" and "reachable from other machines" in seen["output"]


def test_trust_server_read_only_and_bounded_without_token(monkeypatch, empty_store):
    from fastapi.testclient import TestClient

    from newsweave.web.source import MAX_PAGE

    monkeypatch.delenv("NEWSWEAVE_WRITE_TOKEN", raising=False)
    app = _serve(monkeypatch, "--db", empty_store)["app"]
    client = TestClient(app, raise_server_exceptions=False)
    spec = client.get("/openapi.json").json()
    methods = {m for ops in spec["paths"].values() for m in ops}
    assert methods <= {"get", "head", "options"}, methods
    for method in ("post", "put", "delete", "patch"):
        r = client.request(method, "/api/analyze", json={"inputs": ["/etc/passwd"]})
        assert r.status_code in (404, 405), (method, r.status_code)
    assert client.get("/api/events", params={"limit": MAX_PAGE + 1}).status_code == 422
    assert client.get("/api/events", params={"limit": MAX_PAGE}).status_code == 200
    big = client.post("/api/events", content=b"x" * 2_000_000)
    assert big.status_code in (405, 413)
    for r in (big, client.get("/api/events", params={"limit": "x" * 10_000})):
        assert "Traceback" not in r.text and 'File "' not in r.text
