"""A local HTTP server (127.0.0.1, in a thread) serving fixture feeds and pages."""
from __future__ import annotations

import collections
import http.server
import threading
from email.utils import format_datetime
import datetime as dt

import pytest

PARAGRAPHS = [
    "Fighters of an armed group attacked a police post on the edge of the provincial capital late on Sunday, "
    "officials said, and the clashes went on for several hours before reinforcements arrived from the city.",
    "A spokesman for the provincial governor told reporters that four officers were killed and seven wounded, "
    "while a monitoring group put the toll higher, saying at least six officers had died in the fighting.",
    "Residents described hearing heavy gunfire and explosions through the night; schools and markets in the "
    "district stayed closed on Monday as security forces searched the surrounding villages for the attackers.",
]


def page(n: int) -> bytes:
    body = "".join(f"<p>{p} (Item {n}.)</p>" for p in PARAGRAPHS)
    return (
        f"<html><head><title>Attack on police post {n}</title>"
        f'<meta property="og:site_name" content="Example Daily">'
        f'<meta name="author" content="Staff Reporter">'
        f'<meta property="article:published_time" content="2024-03-0{n % 9 + 1}T08:00:00Z">'
        f"</head><body><nav>Home | World | Sport</nav><article><h1>Attack on police post {n}</h1>{body}</article>"
        f"<footer>Copyright Example Daily</footer></body></html>"
    ).encode()


def rss(items: list[int], base: str) -> bytes:
    entries = "".join(
        f"<item><title>Attack on police post {n}</title><link>{base}/a{n}.html</link>"
        f"<pubDate>{format_datetime(dt.datetime(2024, 3, n % 9 + 1, 8, tzinfo=dt.timezone.utc))}</pubDate></item>"
        for n in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Example Daily: World</title>'
        f"<link>{base}/</link><description>news</description>{entries}</channel></rss>"
    ).encode()


class Site:
    """What the server serves; tests change ``feed_items`` and read ``hits`` and ``agents``."""

    def __init__(self) -> None:
        self.feed_items = [1, 2, 3]
        self.hits: collections.Counter[str] = collections.Counter()
        self.agents: list[str] = []
        self.flaky_failures = 2
        self.base = ""
        self.redirect_to = ""


@pytest.fixture
def site():
    state = Site()

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _send(self, status: int, body: bytes = b"", ctype: str = "text/html", headers: dict | None = None):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            path = self.path
            state.hits[path] += 1
            state.agents.append(self.headers.get("User-Agent", ""))
            if path == "/feed.xml":
                body = rss(state.feed_items, state.base)
                etag = '"v%d"' % len(state.feed_items)
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304)
                return self._send(200, body, "application/rss+xml", {"ETag": etag})
            if path.startswith("/a") and path.endswith(".html"):
                return self._send(200, page(int(path[2:-5])), headers={"ETag": '"p"'})
            if path == "/moved":
                return self._send(301, headers={"Location": "/a1.html"})
            if path == "/redirect-away":
                return self._send(302, headers={"Location": state.redirect_to})
            if path == "/big.html":
                return self._send(200, page(1) * 50)
            if path == "/flaky.html":
                if state.flaky_failures > 0:
                    state.flaky_failures -= 1
                    return self._send(503, b"busy", headers={"Retry-After": "0"})
                return self._send(200, page(7))
            if path == "/empty.html":
                return self._send(200, b"<html><body><p>Nothing here.</p></body></html>")
            if path == "/notfeed.xml":
                return self._send(200, b"\x00\x01 this is not xml", "application/rss+xml")
            return self._send(404, b"not found")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
