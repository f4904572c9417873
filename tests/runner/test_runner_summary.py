"""The line ``analyze`` prints when it is done counts in words a reader can say."""
from __future__ import annotations

from types import SimpleNamespace

from newsweave.runner import run_summary


def _result(**counts):
    names = ("documents", "entities", "places", "events", "claims", "disagreements")
    return SimpleNamespace(**{k: [None] * counts.get(k, 0) for k in names})


def test_runner_summary_says_one_in_the_singular():
    line = run_summary(1, _result(documents=5, entities=60, places=1, events=60, claims=142, disagreements=1))
    assert line == ("1 new article stored; this run covers 5 documents, 60 entities, 1 place, 60 events, "
                    "142 claims, 1 disagreement")


def test_runner_summary_says_none_in_the_plural():
    assert run_summary(0, _result()) == ("0 new articles stored; this run covers 0 documents, 0 entities, 0 places, "
                                         "0 events, 0 claims, 0 disagreements")
