"""The page's own host, and the day filed in its path, in a web address.

A web-archive copy wraps the original address
("http://web.archive.org/web/2015/http://www.wral.com/news/..."): the page's own host
is the last one.  Both the title cleaner (the site's name trailing a headline) and
the geocoder (the outlet's town and country) read the host this way.
"""
from __future__ import annotations

import datetime as dt
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


# a date in an address's path, as publishing systems file pages: "/2017/03/17/",
# "/2015-12-28/", "/20161223/", "/20130808-dallas-area-man-arrested", "AID=/20130318/".
# A day set apart by "/" or "-" closes its path segment ("/2014/06/5_people_shot" is
# a month's folder and a slug)
_PATH_DATE = re.compile(
    r"/((?:199|20\d)\d)(?:([/-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?=[/?#.]|$)"
    r"|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/\-_.?#]|$))")


def address_date(url: Optional[str]) -> Optional[dt.date]:
    """The day filed in the path of the page's own address (the last one, past a web
    archive's wrapper), or None: the day the page was first posted.

    >>> address_date("http://web.archive.org/web/20170320/http://fox61.com/2017/03/17/one-person-shot/")
    datetime.date(2017, 3, 17)
    >>> address_date("http://www.goerie.com/news/20161223/police-id-man") , address_date("http://x.com/story/24568412/a")
    (datetime.date(2016, 12, 23), None)
    """
    host = page_host(url)
    if host is None:
        return None
    path = url[host[0] + len(host[1]):]
    m = _PATH_DATE.search(path)
    if m is None:
        return None
    year, month, day = int(m.group(1)), int(m.group(3) or m.group(5)), int(m.group(4) or m.group(6))
    try:
        return dt.date(year, month, day)
    except ValueError:  # "/2015/02/30/"
        return None
