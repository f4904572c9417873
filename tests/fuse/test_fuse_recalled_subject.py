"""An article about what followed an attack dates the attack only in a sentence that
recalls it; that sentence joins the article's undated attack when both name the
same victim, and stays apart when it names someone else."""
from __future__ import annotations

import datetime as dt

import pytest

from newsweave import pipeline
from newsweave.config import Options
from newsweave.records import Article

LEAD = ("PUEBLO COUNTY, Colo. — The district attorney's office has decided not to file charges in the shooting of a "
        "30-year-old man after an investigation found it was an accident.\n\n")
RECALL = "Last month, {name} died at a Pueblo hospital after he was shot at a home near Avondale.\n\n"
REST = ("Investigators found that a child picked up a rifle left on a couch and when a relative reached for it, the "
        "rifle went off, striking Whitcomb.\n\nThe district attorney said there was not enough evidence that a crime "
        "had been committed.")


def assaults(text: str):
    art = Article(id="r1", source="test", text=text, published=dt.date(2017, 1, 27),
                  title="No charges in Pueblo County shooting")
    an = pipeline.resolve_and_fuse(pipeline.extract_articles([art], Options()), Options())
    return [e for e in an.events if e.type == "ASSAULT"]


@pytest.mark.model
def test_fuse_recalled_attack_of_the_same_victim_dates_the_article_attack():
    events = assaults(LEAD + RECALL.format(name="Daniel Whitcomb") + REST)
    assert len(events) == 1
    ev = events[0]
    assert (ev.date.start, ev.date.precision) == (dt.date(2016, 12, 1), "month")
    assert ev.fatalities["best"] == 1
    assert any("recalls the attack the article is about" in r and "Daniel Whitcomb" in r for r in ev.merge_reasons)


@pytest.mark.model
def test_fuse_recalled_attack_of_another_victim_stays_apart():
    events = assaults(LEAD + RECALL.format(name="Marcus Delgado") + REST)
    assert len(events) == 2
    assert not any("recalls the attack" in r for e in events for r in e.merge_reasons)
