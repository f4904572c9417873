"""The page's own host in a web address (shared by the title cleaner and the geocoder)."""
from __future__ import annotations

import pytest

from newsweave.ingest.address import page_host


@pytest.mark.parametrize("url, expected", [
    ("http://www.wral.com/news/1", (7, "www.wral.com")),
    # a web-archive copy: the original page's host, the last one
    ("http://web.archive.org/web/2015/http://www.WRAL.com/x", (39, "www.wral.com")),
    ("https://user@site.com:8080/a", (13, "site.com")),  # no user, no port
    ("", None),
    (None, None),
    ("no address here", None),
])
def test_ingest_page_host(url, expected):
    assert page_host(url) == expected
    if expected is not None:
        at, host = expected
        assert url[at:at + len(host)].lower() == host  # the offset points into the address
