"""Claims and sentences read from a document's headline are quoted as the headline,
never highlighted inside the body (their offsets point into the title)."""
from __future__ import annotations

import datetime as dt
import re

from newsweave.records import Article, Claim, EventMention, Span
from newsweave.report.brief import build_brief, render_brief_html, render_brief_md
from newsweave.report.plover import plover_records

TITLE = "Drone strike kills 4 near Jilib"
WALL = "Subscribe to keep reading. Already a subscriber? Log in. Drone strike kills 4 near Jilib"


def with_headline(analysis):
    doc = "wall-005"
    analysis.documents.append(Article(id=doc, source="wall.txt", text=WALL, outlet="Wall Times", title=TITLE,
                                      published=dt.date(2023, 3, 15), language="en"))
    trig = Span(doc, 6, 12, "strike", "title")
    sent = Span(doc, 0, len(TITLE), TITLE, "title")
    ev = next(e for e in analysis.events if e.id == "ev-airstrike")
    ev.mentions.append(EventMention(id=f"{doc}:t6", doc=doc, type="ASSAULT", trigger=trig, sentence=sent, mode="aerial"))
    ev.documents.append(doc)
    analysis.claims.append(Claim(id=f"{doc}:t0:killed:0", mention=f"{doc}:t6", attribute="killed", value=4, doc=doc,
                                 start=0, end=len(TITLE), quote=TITLE, qualifier="exact", event="ev-airstrike",
                                 field="title"))
    return analysis


def test_report_headline_claims_are_quoted_as_the_headline(fx):
    a = with_headline(fx.make_analysis())
    brief = build_brief(a, generated_at="2023-03-16T00:00:00+00:00")
    refs = [r for r in brief.refs if r.doc == "wall-005"]
    assert refs and all(r.field == "title" and r.quote == TITLE and r.anchor == "doc-wall-005" for r in refs)
    md = render_brief_md(a, "T")
    assert f"document wall-005, headline: “{TITLE}”" in md
    html = render_brief_html(a, "T")
    assert "(headline)</span>" in html and 'id="doc-wall-005"' in html
    # the body of the wall document is shown, but nothing of it is highlighted: the
    # same words at the end of its body are not what the claim quotes
    src = next(s for s in brief.sources if s.doc == "wall-005")
    assert not any(seg.mark for seg in src.segments) and not any(seg.anchors for seg in src.segments)
    body = re.search(r'<article class="source" id="doc-wall-005">(.*?)</article>', html, re.S).group(1)
    assert "<mark>" not in body


def test_report_headline_text_refs_unchanged(fx):
    """Without headline spans the references read as before (characters a–b)."""
    md = render_brief_md(fx.make_analysis(), "T")
    assert "headline" not in md and re.search(r"characters \d+–\d+: “", md)


def test_report_headline_plover_mentions_say_title(fx):
    a = with_headline(fx.make_analysis())
    rows = [m for ev in plover_records(a) for m in ev["mentions"] if m["doc"] == "wall-005"]
    assert rows == [{"doc": "wall-005", "start": 0, "end": len(TITLE), "text": TITLE, "field": "title"}]
