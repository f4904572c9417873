"""Fetching articles over HTTP: RSS/Atom feeds and URL lists.

Why it is careful:

* **Polite.** One request at a time, a user agent naming newsweave and its
  version, timeouts, a size limit, and retries with exponential backoff only for
  failures worth retrying (connection errors, timeouts, 429 and 5xx, honouring
  ``Retry-After`` up to a cap).
* **Safe.** newsweave may run on a server next to things that must not be
  reached from a URL someone typed or a feed listed: a host that resolves to a
  loopback, private, link-local, reserved, multicast or unspecified address is
  refused (every address it resolves to, at every redirect, and the address the
  connection actually reached), unless ``allow_private=True``.
* **Incremental.** The store's ``fetched`` table remembers each URL with its
  ETag / Last-Modified and content hash.  A page whose content is stored is not
  fetched again.  A feed is asked for conditionally (``If-None-Match`` /
  ``If-Modified-Since``) only once a fetch of it has brought nothing new, so a
  run killed before its articles were stored never hides them from the next.

Pages are extracted with trafilatura (main text and metadata) into ``Article``
records whose id is derived from the host and the content hash: stable across
runs and machines for the same page.
"""
from __future__ import annotations

import calendar
import datetime as dt
import ipaddress
import socket
import time
import urllib.parse
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, Iterator, Optional

import httpx

from newsweave import __version__
from newsweave.config import Options
from newsweave.records import Article, InputProblem

USER_AGENT = f"newsweave/{__version__} (news event analysis; fetches one page at a time)"


@dataclass(frozen=True)
class FetchSettings:
    """Limits of one fetch; the defaults suit news sites."""

    timeout: float = 20.0  # seconds for each of connect/read/write
    max_bytes: int = 5 * 1024 * 1024  # per response body
    retries: int = 3  # attempts after the first, for retryable failures
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    max_retry_after: float = 60.0  # longest Retry-After honoured
    max_redirects: int = 5
    min_chars: int = 200  # a page with less extracted text is not an article


class FetchError(Exception):
    """One URL could not be fetched; the message is one sentence for the user."""


# --------------------------------------------------------------------------- address safety


def _forbidden(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> Optional[str]:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for attr, word in (("is_loopback", "loopback"), ("is_private", "private"), ("is_link_local", "link-local"),
                       ("is_reserved", "reserved"), ("is_multicast", "multicast"), ("is_unspecified", "unspecified")):
        if getattr(ip, attr):
            return word
    if not ip.is_global:
        return "non-global"
    return None


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise FetchError unless ``url`` is http(s) with a host whose every address may be reached."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'!r}")
    host = parts.hostname
    if not host:
        raise FetchError("the URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"the host {host!r} could not be resolved ({exc})") from None
    for info in infos:
        address = info[4][0].split("%", 1)[0]
        word = _forbidden(ipaddress.ip_address(address))
        if word:
            raise FetchError(
                f"refusing to fetch from {host} ({address} is a {word} address); use --allow-private to allow it"
            )


def _check_peer(response: httpx.Response, url: str, allow_private: bool) -> None:
    """The address the connection really reached must be allowed too (a DNS answer can change)."""
    if allow_private:
        return
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer:
        word = _forbidden(ipaddress.ip_address(str(peer[0]).split("%", 1)[0]))
        if word:
            raise FetchError(f"refusing {url}: the connection reached {peer[0]}, a {word} address")


# --------------------------------------------------------------------------- HTTP


@dataclass
class Fetched:
    url: str  # after redirects
    status: int
    body: bytes
    headers: httpx.Headers


def _retry_after(headers: httpx.Headers, settings: FetchSettings) -> Optional[float]:
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = (parsedate_to_datetime(value) - dt.datetime.now(dt.timezone.utc)).total_seconds()
        except (TypeError, ValueError):
            return None
    return max(0.0, min(seconds, settings.max_retry_after))


def _get_once(client: httpx.Client, url: str, headers: dict[str, str], settings: FetchSettings,
              allow_private: bool) -> Fetched:
    for _ in range(settings.max_redirects + 1):
        check_url(url, allow_private)
        with client.stream("GET", url, headers=headers) as response:
            _check_peer(response, url, allow_private)
            if response.is_redirect and response.headers.get("location"):
                url = urllib.parse.urljoin(url, response.headers["location"])
                continue
            length = response.headers.get("content-length")
            if length and length.isdigit() and int(length) > settings.max_bytes:
                raise FetchError(f"{url} is larger than the limit of {settings.max_bytes} bytes")
            chunks, size = [], 0
            if response.status_code == 200:
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > settings.max_bytes:
                        raise FetchError(f"{url} is larger than the limit of {settings.max_bytes} bytes")
                    chunks.append(chunk)
            return Fetched(url=url, status=response.status_code, body=b"".join(chunks), headers=response.headers)
    raise FetchError(f"more than {settings.max_redirects} redirects")


def http_get(client: httpx.Client, url: str, settings: FetchSettings, allow_private: bool = False,
             headers: Optional[dict[str, str]] = None) -> Fetched:
    """GET with redirects checked hop by hop, a size limit, and retries with backoff."""
    delay = settings.backoff
    for attempt in range(settings.retries + 1):
        last = attempt == settings.retries
        try:
            got = _get_once(client, url, headers or {}, settings, allow_private)
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            if last:
                raise FetchError(f"{url} could not be fetched: {type(exc).__name__}: {exc}") from None
            time.sleep(delay)
            delay *= 2
            continue
        if got.status == 429 or got.status >= 500:
            if last:
                raise FetchError(f"{url} answered HTTP {got.status} after {settings.retries + 1} attempts")
            wait = _retry_after(got.headers, settings)
            time.sleep(wait if wait is not None else delay)
            delay *= 2
            continue
        return got
    raise AssertionError("unreachable")  # pragma: no cover


def _client(settings: FetchSettings) -> httpx.Client:
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        timeout=httpx.Timeout(settings.timeout),
        follow_redirects=False,
        trust_env=False,
    )


# --------------------------------------------------------------------------- extraction


def _date(value: Any) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _article_id(url: str, text_hash: str) -> str:
    host = (urllib.parse.urlsplit(url).hostname or "web").removeprefix("www.")
    return f"{host}-{text_hash[:12]}"


def extract_article(html: bytes | str, url: str, feed_entry: Optional[dict[str, Any]] = None,
                    settings: FetchSettings = FetchSettings()) -> Article | InputProblem:
    """Main text and metadata of one page, as an Article (or the reason there is none)."""
    import trafilatura

    from newsweave.pipeline import content_hash

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text) < settings.min_chars:
        return InputProblem(url, f"no article text found ({len(text)} characters extracted)")
    entry = feed_entry or {}
    title = getattr(doc, "title", None) or entry.get("title") or None
    published = _date(getattr(doc, "date", None)) or entry.get("published")
    outlet = getattr(doc, "sitename", None) or entry.get("outlet") or None
    byline = getattr(doc, "author", None) or entry.get("author") or None
    language = getattr(doc, "language", None) or entry.get("language") or None
    fixed = frozenset(name for name, value in (("title", title), ("published", published), ("outlet", outlet),
                                               ("byline", byline)) if value)
    digest = content_hash(text)
    return Article(
        id=_article_id(url, digest), source=url, text=text, outlet=outlet, title=title, byline=byline,
        published=published, language=language, url=url, fixed=fixed, content_hash=digest,
    )


def _entry_fields(entry: Any, feed_title: Optional[str]) -> dict[str, Any]:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    published = dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.timezone.utc).date() if parsed else None
    return {"title": entry.get("title"), "published": published, "author": entry.get("author"), "outlet": feed_title}


# --------------------------------------------------------------------------- public API


def _fetch_page(client: httpx.Client, url: str, store, settings: FetchSettings, allow_private: bool,
                entry: Optional[dict[str, Any]] = None) -> tuple[Article | InputProblem, bool]:
    """One page as an Article or a problem, and whether a later run should try it again."""
    try:
        got = http_get(client, url, settings, allow_private)
    except FetchError as exc:  # network trouble, refusals, size: worth another try later
        return InputProblem(url, str(exc)), True
    if got.status != 200:
        store.mark_fetched(url, "page", status=f"HTTP {got.status}")
        return InputProblem(url, f"HTTP {got.status}"), False
    item = extract_article(got.body, got.url, entry, settings)
    if isinstance(item, Article) and got.url != url:
        item.source = url
    store.mark_fetched(url, "page", etag=got.headers.get("etag"), last_modified=got.headers.get("last-modified"),
                       content_hash=item.content_hash if isinstance(item, Article) else None,
                       status="ok" if isinstance(item, Article) else item.reason)
    return item, isinstance(item, Article)


def fetch_feed(url: str, store, options: Options, allow_private: bool = False,
               settings: Optional[FetchSettings] = None) -> Iterator[Article | InputProblem]:
    """The articles of one RSS/Atom feed that the store does not hold yet (and the problems met)."""
    import feedparser

    settings = settings or FetchSettings()
    with _client(settings) as client:
        state = store.fetch_state([url]).get(url)
        headers: dict[str, str] = {}
        if state and state.get("status") == "complete":  # the last fetch brought nothing new
            if state.get("etag"):
                headers["If-None-Match"] = state["etag"]
            if state.get("last_modified"):
                headers["If-Modified-Since"] = state["last_modified"]
        try:
            got = http_get(client, url, settings, allow_private, headers=headers)
        except FetchError as exc:
            yield InputProblem(url, str(exc))
            return
        if got.status == 304:
            return
        if got.status != 200:
            yield InputProblem(url, f"HTTP {got.status}")
            return
        parsed = feedparser.parse(got.body)
        if parsed.get("bozo") and not parsed.entries:
            yield InputProblem(url, f"not an RSS or Atom feed ({parsed.get('bozo_exception')})")
            return
        feed_title = parsed.feed.get("title") if parsed.get("feed") else None
        links: list[tuple[str, Any]] = []
        for entry in parsed.entries:
            link = entry.get("link")
            if link:
                links.append((urllib.parse.urljoin(got.url, link), entry))
        known = store.fetch_state(link for link, _ in links)
        new = 0
        for link, entry in links:
            if known.get(link, {}).get("stored"):
                continue
            item, again = _fetch_page(client, link, store, settings, allow_private, _entry_fields(entry, feed_title))
            new += again
            yield item
        store.mark_fetched(url, "feed", etag=got.headers.get("etag"), last_modified=got.headers.get("last-modified"),
                           status="complete" if new == 0 else f"{new} items to store or retry")


def fetch_urls(path: str, store, options: Options, allow_private: bool = False,
               settings: Optional[FetchSettings] = None) -> Iterator[Article | InputProblem]:
    """The articles of a file of URLs (one per line; blank lines and # comments skipped) not stored yet."""
    settings = settings or FetchSettings()
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        yield InputProblem(path, f"cannot read the URL list ({exc})")
        return
    urls: list[str] = []
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if urllib.parse.urlsplit(line).scheme not in ("http", "https"):
            yield InputProblem(path, f"not an http(s) URL: {line[:200]!r}", line=n)
            continue
        urls.append(line)
    known = store.fetch_state(urls)
    with _client(settings) as client:
        for url in dict.fromkeys(urls):
            if known.get(url, {}).get("stored"):
                continue
            yield _fetch_page(client, url, store, settings, allow_private)[0]
