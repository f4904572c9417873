"""The page's own host in a web address.

A web-archive copy wraps the original address
("http://web.archive.org/web/2015/http://www.wral.com/news/..."): the page's own host
is the last one.  Both the title cleaner (the site's name trailing a headline) and
the geocoder (the outlet's town and country) read the host this way.
"""
from __future__ import annotations

import re
from typing import Optional

_HOST = re.compile(r"https?://([^/:?#\s@]+@)?([^/:?#\s]+)", re.I)


def page_host(url: Optional[str]) -> Optional[tuple[int, str]]:
    """(offset of the host in ``url``, the host lower-cased) of the last address in
    ``url``, or None when it holds none.

    >>> page_host("http://web.archive.org/web/2015/http://www.WRAL.com/x")
    (39, 'www.wral.com')
    """
    last = None
    for last in _HOST.finditer(url or ""):
        pass
    if last is None:
        return None
    return last.start(2), last.group(2).lower()
