"""Feeds and URL lists fetched from a local server: extraction, incrementality, safety, limits."""
from __future__ import annotations

import pytest

from newsweave.config import Options
from newsweave.ingest import fetch
from newsweave.ingest.fetch import FetchError, FetchSettings, check_url, fetch_feed, fetch_urls
from newsweave.records import Article, DocAnalysis, InputProblem
from newsweave.store import Store

FAST = FetchSettings(backoff=0.01, timeout=5)


@pytest.fixture
def store(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'fetch.db'}") as s:
        yield s


def _store_all(store, items):
    articles = [i for i in items if isinstance(i, Article)]
    store.add_analyses([DocAnalysis(article=a) for a in articles])
    return articles


def test_fetch_feed_extracts_articles(site, store):
    items = list(fetch_feed(site.base + "/feed.xml", store, Options(), allow_private=True, settings=FAST))
    assert all(isinstance(i, Article) for i in items) and len(items) == 3
    a = items[0]
    assert a.url == a.source == site.base + "/a1.html"
    assert a.title == "Attack on police post 1" and a.outlet == "Example Daily" and a.byline == "Staff Reporter"
    assert a.published is not None and a.published.isoformat() == "2024-03-02"
    assert "four officers were killed" in a.text and "Copyright" not in a.text and "Sport" not in a.text
    assert a.content_hash and a.id == f"127.0.0.1-{a.content_hash[:12]}"
    assert {"title", "outlet", "published"} <= a.fixed
    assert all(agent.startswith("newsweave/") for agent in site.agents)


def test_fetch_feed_second_run_fetches_only_new_items(site, store):
    url = site.base + "/feed.xml"
    _store_all(store, fetch_feed(url, store, Options(), allow_private=True, settings=FAST))
    assert site.hits["/a1.html"] == 1

    site.feed_items = [1, 2, 3, 4]
    second = _store_all(store, fetch_feed(url, store, Options(), allow_private=True, settings=FAST))
    assert [a.url for a in second] == [site.base + "/a4.html"]
    assert site.hits["/a1.html"] == 1 and site.hits["/a4.html"] == 1

    # nothing new: the feed is fetched in full once more (its items were just stored) ...
    assert list(fetch_feed(url, store, Options(), allow_private=True, settings=FAST)) == []
    # ... and from then on asked for conditionally, answered 304
    feed_hits = site.hits["/feed.xml"]
    assert list(fetch_feed(url, store, Options(), allow_private=True, settings=FAST)) == []
    assert site.hits["/feed.xml"] == feed_hits + 1
    assert sum(n for path, n in site.hits.items() if path.startswith("/a")) == 4


def test_fetch_feed_killed_run_does_not_hide_items(site, store):
    """Items fetched but never stored (the run died) are fetched again next time."""
    url = site.base + "/feed.xml"
    assert len(list(fetch_feed(url, store, Options(), allow_private=True, settings=FAST))) == 3  # not stored
    again = list(fetch_feed(url, store, Options(), allow_private=True, settings=FAST))
    assert len(again) == 3 and all(isinstance(i, Article) for i in again)


def test_fetch_refuses_loopback_without_allow_private(site, store):
    items = list(fetch_feed(site.base + "/feed.xml", store, Options(), settings=FAST))
    assert len(items) == 1 and isinstance(items[0], InputProblem)
    assert "refusing to fetch" in items[0].reason and "loopback" in items[0].reason
    assert sum(site.hits.values()) == 0


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/x", "http://10.1.2.3/", "http://192.168.0.10/", "http://172.16.5.4/", "http://169.254.169.254/latest",
    "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/",
    "http://240.0.0.1/", "http://224.0.0.1/", "http://localhost:8000/",
])
def test_fetch_check_url_refuses_private_addresses(url):
    with pytest.raises(FetchError, match="refusing to fetch"):
        check_url(url)
    check_url(url, allow_private=True)


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "/etc/passwd", "http:///nohost"])
def test_fetch_check_url_refuses_other_schemes(url):
    with pytest.raises(FetchError):
        check_url(url, allow_private=True)


def test_fetch_checks_every_redirect(site, store, monkeypatch):
    """The first host is allowed, the redirect target is not: the redirect is refused before it is followed."""
    real = fetch._forbidden
    monkeypatch.setattr(fetch, "_forbidden", lambda ip: real(ip) if str(ip) != "127.0.0.1" else None)
    site.redirect_to = site.base.replace("127.0.0.1", "127.0.0.2") + "/a1.html"
    (item,) = fetch_urls_from(site, store, ["/redirect-away"], allow_private=False)
    assert isinstance(item, InputProblem) and "127.0.0.2" in item.reason and "loopback" in item.reason
    (moved,) = fetch_urls_from(site, store, ["/moved"], allow_private=False)
    assert isinstance(moved, Article) and moved.source == site.base + "/moved"


def fetch_urls_from(site, store, paths, allow_private=True, settings=FAST, tmp=None):
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("\n".join(site.base + p for p in paths))
    return list(fetch_urls(fh.name, store, Options(), allow_private=allow_private, settings=settings))


def test_fetch_size_limit(site, store):
    (item,) = fetch_urls_from(site, store, ["/big.html"], settings=FetchSettings(max_bytes=20_000, backoff=0.01))
    assert isinstance(item, InputProblem) and "larger than the limit" in item.reason


def test_fetch_retries_with_backoff(site, store):
    (item,) = fetch_urls_from(site, store, ["/flaky.html"])
    assert isinstance(item, Article)
    assert site.hits["/flaky.html"] == 3


def test_fetch_gives_up_after_retries(site, store):
    site.flaky_failures = 10
    (item,) = fetch_urls_from(site, store, ["/flaky.html"], settings=FetchSettings(retries=1, backoff=0.01))
    assert isinstance(item, InputProblem) and "HTTP 503" in item.reason
    assert site.hits["/flaky.html"] == 2


def test_fetch_problems_are_reported(site, store):
    items = fetch_urls_from(site, store, ["/missing.html", "/empty.html"])
    assert [type(i) for i in items] == [InputProblem, InputProblem]
    assert "HTTP 404" in items[0].reason and "no article text" in items[1].reason
    (bad_feed,) = list(fetch_feed(site.base + "/notfeed.xml", store, Options(), allow_private=True, settings=FAST))
    assert isinstance(bad_feed, InputProblem) and "not an RSS or Atom feed" in bad_feed.reason


def test_fetch_url_list_skips_stored_pages_and_bad_lines(site, store, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# morning list\n{site.base}/a1.html\n\nnot a url\n{site.base}/a2.html\n{site.base}/a1.html\n")
    items = list(fetch_urls(str(listing), store, Options(), allow_private=True, settings=FAST))
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert len(problems) == 1 and problems[0].line == 4 and problems[0].path == str(listing)
    assert len(_store_all(store, items)) == 2
    assert list(fetch_urls(str(listing), store, Options(), allow_private=True, settings=FAST)) == [problems[0]]
    assert site.hits["/a1.html"] == 1
    (missing,) = list(fetch_urls(str(tmp_path / "nope.txt"), store, Options()))
    assert "cannot read the URL list" in missing.reason


def test_fetch_checks_the_address_actually_reached(site, store, monkeypatch):
    """Even if the name check were fooled (a DNS answer that changes), the connected address is checked."""
    monkeypatch.setattr(fetch, "check_url", lambda url, allow_private=False: None)
    (item,) = fetch_urls_from(site, store, ["/a1.html"], allow_private=False)
    assert isinstance(item, InputProblem) and "the connection reached 127.0.0.1" in item.reason
