"""Clean a page title before it is read as a small text of its own.

A page title is the headline plus, often, the site's name or section after a
separator ("Five shot at a bar :: WRAL.com", "Man killed in crash - KMOV.com",
"Teen shot | Local News | Springfield, MO").  Read as text, such a tail adds a
place that is only the outlet's home and words that are not the story.  As in
cleaning an article, the title itself is never edited: ``title_debris`` returns the
stretches to blank (``Removed``, with a reason), so offsets into the title stay
offsets into the title.

A tail after a separator is the site's when it names the outlet or the page's web
host ("WRAL.com", "KSLA News 12"), or when it holds none of the words the headline
is read for (``event_words``: the event extractor's trigger and casualty forms)
while what comes before it does ("Memphis, Tennessee", "News, Weather & Sports").
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from newsweave.ingest.address import page_host
from newsweave.records import Removed

# " - ", " | ", " :: ", " – ", " — ", " • ", and a bar touching one side ("Town |ETX News");
# the spaces around are taken by ``_separators`` (one character looked at either side,
# so no run of spaces is scanned again and again)
_SEPARATOR = re.compile(r"(?<=\s)(?:[-\u2013\u2014\u2022|]|::)(?=\s)|(?<=\s)\||\|(?=\s)")
_WORD = re.compile(r"[a-z0-9]+(?:['\u2019-][a-z0-9]+)*")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# the host's first label says nothing of the outlet: "www.", "m.", "news." ...
_HOST_PREFIXES = frozenset({"www", "m", "mobile", "amp", "news", "web", "beta"})
_MIN_NAME = 3  # a shorter host name ("ky") matches too much by chance
REASON = "site-name"


def _host_name(url: Optional[str]) -> Optional[str]:
    """The distinctive part of the page's host: "wral" for http://www.wral.com/..., the
    original page's for a web-archive address."""
    found = page_host(url)
    if found is None:
        return None
    labels = [x for x in found[1].split(".") if x]
    while len(labels) > 2 and labels[0] in _HOST_PREFIXES:
        labels.pop(0)
    if len(labels) < 2:
        return None
    name = labels[-2] if len(labels[-1]) <= 3 or len(labels) == 2 else labels[0]
    return name if len(name) >= _MIN_NAME else None


def _squash(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


def _names_site(tail: str, names: Iterable[str]) -> bool:
    squashed = _squash(tail)
    return len(squashed) >= _MIN_NAME and any(n in squashed or squashed in n for n in names)


def _has_event_word(text: str, event_words: frozenset[str]) -> bool:
    for w in _WORD.findall(text.lower()):
        if w in event_words or ("-" in w and any(p in event_words for p in w.split("-"))):
            return True
    return False


def _separators(title: str) -> list[tuple[int, int]]:
    """(start, end) of each separator with the spaces around it."""
    out: list[tuple[int, int]] = []
    for m in _SEPARATOR.finditer(title):
        a, b = m.start(), m.end()
        if out and a < out[-1][1]:
            continue
        while a > 0 and title[a - 1].isspace():
            a -= 1
        while b < len(title) and title[b].isspace():
            b += 1
        out.append((a, b))
    return out


_LONGER_WORD = re.compile(r"[A-Za-z]{4,}")


def capitalised_share(text: str, skip: frozenset[str] = frozenset()) -> float:
    """The share of a headline's longer words (four letters and more, less ``skip``)
    that open with a capital: near 1 for Title Case ("2 Men Shot At Party In Compton"),
    low for sentence case.  Callers set their own bar for calling a headline Title Case."""
    longer = [w for w in _LONGER_WORD.findall(text) if w.lower() not in skip]
    return sum(w[0].isupper() for w in longer) / len(longer) if longer else 0.0


def headline_end(title: str) -> Optional[tuple[int, int]]:
    """Where the headline ends and what trails it begins: (start, end) of the first
    separator after some text ("Man shot in Aynor - WMBF News | Myrtle Beach"), the
    spaces around it included; None for a title without one.  ``title_debris`` decides
    which trailing parts are the site's; geocoding reads the site's name for its town."""
    for start, end in _separators(title):
        if title[:start].strip():
            return start, end
    return None


def title_debris(title: str, outlet: Optional[str] = None, url: Optional[str] = None,
                 event_words: frozenset[str] = frozenset()) -> list[Removed]:
    """The site name or section trailing a page title, as stretches to blank."""
    if not title:
        return []
    seps = _separators(title)
    if not seps:
        return []
    names = [n for n in (_host_name(url), _squash(outlet or "")) if n and len(n) >= _MIN_NAME]
    cut = len(title)
    for start, end in reversed(seps):
        front, tail = title[:start], title[end:cut]
        if not front.strip() or not tail.strip():
            break
        if _names_site(tail, names):
            cut = start
            continue
        if event_words and not _has_event_word(tail, event_words) and _has_event_word(front, event_words):
            cut = start
            continue
        break
    return [Removed(cut, len(title), REASON)] if cut < len(title) else []
