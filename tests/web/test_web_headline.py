"""The web pages show a claim or sentence read from the headline as the headline and
never mark it inside the document's text."""
from __future__ import annotations

import datetime as dt

from newsweave.records import Analysis, Article, Claim, DateRange, Event, EventMention, Span
from newsweave.report.common import Index
from newsweave.web import views

TITLE = "Man shot and killed in Springfield"
BODY = "Man shot and killed in Springfield -- log in to read more. A 24-year-old man died Sunday."


def _analysis() -> Analysis:
    doc = Article(id="w1", source="w1.txt", text=BODY, outlet="Daily", title=TITLE, published=dt.date(2017, 3, 6))
    sent = Span("w1", 0, len(TITLE), TITLE, "title")
    body_sent = Span("w1", BODY.index("A 24"), len(BODY), BODY[BODY.index("A 24"):])
    ms = [EventMention(id="w1:t4", doc="w1", type="ASSAULT", trigger=Span("w1", 4, 8, "shot", "title"), sentence=sent),
          EventMention(id="w1:60", doc="w1", type="ASSAULT", trigger=Span("w1", BODY.index("died"), BODY.index("died") + 4,
                                                                            "died"), sentence=body_sent)]
    ev = Event(id="ev1", type="ASSAULT", mode=None, acled=None, date=DateRange(None, None, "unknown"),
               documents=["w1"], mentions=ms)
    claims = [Claim(id="w1:t0:killed:0", mention="w1:t4", attribute="killed", value=1, doc="w1", start=0,
                    end=len(TITLE), quote=TITLE, event="ev1", field="title")]
    return Analysis(documents=[doc], entities=[], places=[], events=[ev], claims=claims, disagreements=[])


def test_web_headline_claim_links_to_the_headline():
    a = _analysis()
    ix = Index(a)
    cv = views.claim_view(ix, a.claims[0])
    assert cv.anchor == views.HEADLINE_ANCHOR and cv.quote == f"(headline) {TITLE}"
    page = views.event_page(ix, a.events[0])
    (col,) = page.columns
    assert col.sentences[0] == (views.HEADLINE_ANCHOR, f"(headline) {TITLE}")  # the headline first, as on the page
    assert col.sentences[1][0].startswith("s-")


def test_web_headline_claim_is_not_marked_in_the_text():
    a = _analysis()
    segs = views.document_segments(a.documents[0], a.claims, [])
    assert [s.text for s in segs] == [BODY] and segs[0].kind != "mark"
