"""The page's own host in a web address (shared by the title cleaner and the geocoder),
and the day filed in its path (the page's first posting)."""
from __future__ import annotations

import datetime as dt

import pytest

from newsweave.ingest.address import address_date, page_host


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


@pytest.mark.parametrize("url, expected", [
    ("http://fox61.com/2017/03/17/one-person-shot-in-hartford-police-investigating/", dt.date(2017, 3, 17)),
    ("http://www.thv11.com:80/story/news/local/2015/11/17/benton-police/", dt.date(2015, 11, 17)),
    ("http://www.goerie.com/news/20161223/police-id-man-who-shot-self", dt.date(2016, 12, 23)),
    ("http://www.dallasnews.com/news/crime/headlines/20130808-dallas-area-man-arrested", dt.date(2013, 8, 8)),
    ("http://www.recordnet.com/apps/pbcs.dll/article?AID=/20130318/A_NEWS/130319881", dt.date(2013, 3, 18)),
    ("https://example.org/2021-06-27/strike", dt.date(2021, 6, 27)),
    # the archive's own capture stamp is no date of the page
    ("http://web.archive.org/web/20160924093615/http://www.news4jax.com:80/news/crime/shooter", None),
    ("http://www.wkrn.com:80/story/24568412/apartment-shooting", None),  # a story number
    ("http://example.com/2015/02/30/no-such-day", None),
    ("http://example.com/2015/story", None),  # a year alone
    ("http://myinforms.com/en/a/19170726-5-injured-in-overnight-shootings", None),  # an id, not a day of 1917
    # a month's folder and a slug that opens with a number
    ("http://www.bostonherald.com/news_opinion/local_coverage/2014/06/5_people_shot_at_party", None),
    ("http://example.com/2014/06/05-people-shot", None),
    ("http://2017-03-17.example.com/x", None),  # not in the path
    (None, None),
])
def test_ingest_address_date(url, expected):
    assert address_date(url) == expected


def test_ingest_address_date_is_the_page_first_posting():
    from newsweave.clean import clean_article
    from newsweave.records import Article

    text = "Man shot in Hartford\n\nA man was shot Thursday night on Main Street, police said.\n"
    art = clean_article(Article(id="x", source="x", text=text, published=dt.date(2017, 3, 18),
                                url="http://fox61.com/2017/03/17/one-person-shot-in-hartford/"))
    assert art.posted == dt.date(2017, 3, 17) and art.written == dt.date(2017, 3, 17)
    # a page filed under a later day than its date keeps its date
    later = clean_article(Article(id="y", source="y", text=text, published=dt.date(2017, 3, 18),
                                  url="http://fox61.com/2017/03/20/one-person-shot-in-hartford/"))
    assert later.written == dt.date(2017, 3, 18)
