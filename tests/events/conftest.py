"""Shared helpers of the event tests."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from types import SimpleNamespace
from typing import Callable

import pytest

from newsweave.events import extract_events, load_lexicon
from newsweave.records import Article


@pytest.fixture
def tolls(nlp) -> Callable[[str], tuple[int, int]]:
    """(killed, injured) of a text read as the Gun Violence Archive codes an incident:
    the highest death toll stated for the current event, the most common wounded
    count (ties: the lower; none: 0); claims of background events don't count."""

    def read(text: str) -> tuple[int, int]:
        art = Article(id="g", source="test", text=text, published=dt.date(2021, 5, 10))
        res = SimpleNamespace(lexicon=load_lexicon(), gazetteer=None, actors=None)
        mentions, claims = extract_events(nlp(art.masked), art, [], [], [], res)
        background = {m.id for m in mentions if m.background}
        live = [c for c in claims if c.mention not in background and isinstance(c.value, int)]
        killed = max((c.value for c in live if c.attribute == "killed"), default=0)
        inj = Counter(c.value for c in live if c.attribute == "injured")
        injured = min(v for v, n in inj.items() if n == max(inj.values())) if inj else 0
        return killed, injured

    return read
