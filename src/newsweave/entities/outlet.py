"""The outlet an article names as itself.

A report names its own outlet where a source speaks to it: "a military source has
told IranWire", "confirmed to Al Jazeera that", "said in a statement to The
Associated Press".  When a file carries no outlet (no manifest column, no HTML
metadata, no "Source:" line), the one news organisation of the actor dictionary
(type MEDIA) that the text names this way is taken as the outlet.  Two or more such
names ("told Reuters" and "told Sky News Arabia" in one report quoting another's
interviews) leave it unknown: the text does not say which one is writing.  An
interview ("In an interview with AP in Baghdad") counts only when no source told
anything to an outlet: a report often passes on another outlet's interview.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from newsweave.entities.actors import ActorDictionary
from newsweave.records import Article, EntityMention

# the words right before an outlet that a source speaks to
_SPOKEN_TO = re.compile(
    r"\b(?:told|tells|telling|confirmed\s+to|said\s+to|speaking\s+to|spoke\s+to|talking\s+to|"
    r"in\s+a\s+statement\s+to|in\s+comments\s+to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# weaker: a report often passes on another outlet's interview ("In an interview with
# AP in Baghdad, ..." in IranWire's report); counted only when nothing was told
_INTERVIEWED_BY = re.compile(r"\b(?:in\s+an\s+interview\s+with|interviewed\s+by)\s+(?:the\s+)?$", re.IGNORECASE)


def self_named_outlet(article: Article, mentions: Iterable[EntityMention], actors: Optional[ActorDictionary]) -> Optional[str]:
    """The name of the one MEDIA actor the article's body names as the outlet a
    source spoke to; None when there is none or more than one."""
    if actors is None:
        return None
    text = article.text
    told: set[str] = set()
    interviewed: set[str] = set()
    for m in mentions:
        if m.type != "MEDIA" or m.entity is None or m.span.field != "text":
            continue
        lo = max(0, m.span.start - 40)
        if _SPOKEN_TO.search(text, lo, m.span.start):
            told.add(m.entity)
        elif _INTERVIEWED_BY.search(text, lo, m.span.start):
            interviewed.add(m.entity)
    named = told or interviewed
    if len(named) != 1:
        return None
    actor = actors.get(named.pop())
    return actor.name if actor is not None else None
