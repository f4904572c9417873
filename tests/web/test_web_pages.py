"""The server-rendered pages: readable without JavaScript, and article text always shown as text."""
from __future__ import annotations

import html.parser
import re

import pytest
from fastapi.testclient import TestClient

from newsweave.web.app import CSP, create_app

HOSTILE = "<script>alert(1)</script>"  # as in tests/web/conftest.py
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def client(hand_store_url) -> TestClient:
    return TestClient(create_app(hand_store_url), raise_server_exceptions=False)


class _Tags(html.parser.HTMLParser):
    """Every start tag and attribute name the browser would build."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(text: str) -> list[tuple[str, dict]]:
    p = _Tags()
    p.feed(text)
    return p.tags


def _assert_inert(page: str) -> None:
    tags = _tags(page)
    scripts = [a.get("src") for t, a in tags if t == "script"]
    assert all(src and src.startswith("/static/") for src in scripts), scripts  # external, same-origin only
    assert not any(t == "img" for t, _ in tags)
    assert not any(k.startswith("on") for _, a in tags for k in a)  # no event handler attributes
    assert not any("style" in a for _, a in tags)  # no inline style either
    assert not any(t == "style" for t, _ in tags)
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page


@pytest.mark.parametrize("path", ["/documents/doc-x", "/events/ev-hostile", "/", "/actors", "/documents",
                                  "/?q=checkpoint", "/?actor=" + HOSTILE])
def test_web_pages_hostile_markup_shown_as_text(client, path):
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-security-policy"] == CSP
    _assert_inert(r.text)


def test_web_pages_hostile_markup_visible_on_document_and_event(client):
    doc = client.get("/documents/doc-x").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc
    assert "&lt;img src=x onerror=alert(1)&gt;" in doc
    ev = client.get("/events/ev-hostile").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in ev
    assert "&lt;img src=x onerror=alert(1)&gt;" in ev
    # the JSON API carries it as data, with a JSON content type
    r = client.get("/api/documents/doc-x")
    assert r.headers["content-type"].startswith("application/json")
    assert HOSTILE in r.json()["document"]["original_text"]
    assert HOSTILE_IMG in r.json()["document"]["title"]


def test_web_pages_timeline_filters_without_js(client):
    page = client.get("/").text
    assert 'method="get"' in page and 'name="type"' in page and 'name="date_from"' in page
    assert page.count('class="tl-item') == 3
    only = client.get("/", params={"type": "ASSAULT"}).text
    assert only.count('class="tl-item') == 2 and "type-protest" not in only
    assert client.get("/", params={"place": "Qaryat al-Nahr"}).text.count('class="tl-item') == 1
    assert client.get("/", params={"actor": "Teachers Union"}).text.count('class="tl-item') == 1
    assert client.get("/", params={"q": "no such words"}).text.count('class="tl-item') == 0
    bad = client.get("/", params={"date_from": "soon"})
    assert bad.status_code == 200 and "YYYY-MM-DD" in bad.text
    # grouped by month
    assert "March 2020" in page and "May 2020" in page
    # the map reads the same filters from the API
    assert 'data-events="/api/events?type=ASSAULT&amp;limit=500"' in only


def test_web_pages_event_page_layout(client):
    page = client.get("/events/ev-strike").text
    # disagreements before the side-by-side table
    assert page.index('id="disagreements"') < page.index('id="sources"')
    heads = re.findall(r'<th scope="col" class="source-col" data-doc="([^"]+)"', page)
    assert sorted(heads) == ["doc-a", "doc-b", "doc-c"]
    for outlet in ("Northern Wire", "Harbour Times", "State Radio"):
        assert outlet in page
    for figure in ("4 fighters", "at least 7 fighters", "1 child", "3 people"):
        assert figure in page
    assert 'href="/documents/doc-a#c-doc-a:c1"' in page
    assert "Why these reports were joined" in page and "dates within 1 day" in page
    assert "EF" in page and "the Front" in page  # aliases of the target
    assert "Explosions/Remote violence" in page and "best estimate <strong>4</strong>" in page


def test_web_pages_document_highlights_quotes(client):
    page = client.get("/documents/doc-a").text
    m = re.search(r'<mark id="c-doc-a:c1" class="[^"]*q-claim[^"]*">([^<]*)</mark>', page)
    assert m and m.group(1) == "The Eastern Front said four of its fighters were killed in the strikes."
    assert 'class="removed" title="removed: stray-line"' in page
    # every claim of the document has an anchor on the page
    for cid in ("c-doc-a:c1", "c-doc-a:c2"):
        assert f'id="{cid}"' in page


def test_web_pages_shared_sentence_gets_every_anchor(client):
    page = client.get("/documents/doc-c").text  # two claims quote the same sentence
    assert 'id="c-doc-c:c1"' in page and 'id="c-doc-c:c2"' in page


def test_web_pages_404_html(client):
    for path in ("/events/nope", "/documents/nope", "/no-such-page"):
        r = client.get(path)
        assert r.status_code == 404
        assert r.headers["content-type"].startswith("text/html")
        assert r.headers["content-security-policy"] == CSP


def test_web_pages_unsafe_url_not_linked(hand_analysis):
    import copy

    analysis = copy.deepcopy(hand_analysis)
    analysis.documents[0].url = "javascript:alert(1)"
    page = TestClient(create_app(analysis=analysis)).get("/documents/doc-a").text
    assert 'href="javascript:' not in page


def test_web_pages_static_assets(client):
    for path in ("/static/app.css", "/static/map.js", "/static/vendor/leaflet/leaflet.js",
                 "/static/vendor/leaflet/leaflet.css", "/static/countries-110m.geojson"):
        assert client.get(path).status_code == 200, path
    geo = client.get("/static/countries-110m.geojson").json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) > 150
