"""Clean: mark scraping debris in an article and lift the metadata it carries.

``clean_article`` never changes ``article.text``; it records what to drop in
``article.removed`` (offsets into the original text, each with a reason a person
can read) and fills ``title``, ``byline``, ``outlet`` and ``published`` from the
lines it removed when those are unknown and not fixed by the manifest, and
``posted`` from the page's own "Posted:" stamp or the day its address files it
under ("/2017/03/17/").  The
removals depend on the text alone, so cleaning twice gives the same result.

Reasons: ``stray-line``, ``headline``, ``byline``, ``source-line``, ``credits``,
``related-links``, ``teaser``, ``duplicate``, ``share``, ``comments``,
``subscribe``, ``boilerplate``.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from newsweave.clean.debris import Finding, find_debris, posted_date
from newsweave.ingest.address import address_date
from newsweave.records import Article

__all__ = ["clean_article", "find_debris", "Finding", "explain", "first_posted", "posted_date"]

_LIFTED = ("title", "byline", "outlet", "published")


def clean_article(article: Article) -> Article:
    """Fill ``article.removed`` and unknown metadata; returns the same article.

    ``article.posted`` is the page's own first-posting stamp, kept beside a date
    given with the page: when earlier, the text is read as of that day
    (``Article.written``)."""
    found = find_debris(article.text)
    article.removed = found.removed
    article.posted = first_posted(article)
    for name in _LIFTED:
        value = getattr(found, name)
        if value is not None and getattr(article, name) is None and name not in article.fixed:
            setattr(article, name, value)
    return article


def first_posted(article: Article) -> Optional[dt.date]:
    """The day the page was first posted, by its own account: the earlier of its
    removed "Posted:" stamp (``posted_date``) and the day filed in its web address
    ("http://fox61.com/2017/03/17/one-person-shot-in-hartford/"; the date given with
    a page is often the day of a later update or of its collection)."""
    days = [d for d in (posted_date(article.text, article.removed), address_date(article.url)) if d is not None]
    return min(days) if days else None


def explain(article: Article) -> list[str]:
    """One line per removal: reason and the removed text (for ``--debug`` and tests)."""
    return [f"{r.reason}: {article.text[r.start:r.end].strip()!r}" for r in article.removed]
