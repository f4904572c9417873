"""The brief says what happened, who reports what, where they disagree, and links every statement to its sentence."""
from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from newsweave.records import DateRange
from newsweave.report.brief import CSP, build_brief, render_brief_html, render_brief_md, write_brief
from newsweave.report.common import date_label


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self.metas: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.add(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if tag == "meta":
            self.metas.append(a)


def test_report_date_label_precision():
    d = dt.date(2021, 6, 27)
    assert date_label(DateRange(d, d, "day")) == "27 Jun 2021"
    assert date_label(DateRange(d, dt.date(2021, 6, 28), "day")) == "27–28 Jun 2021"
    assert date_label(DateRange(dt.date(2021, 6, 21), dt.date(2021, 6, 27), "week")) == "week of 21 Jun 2021"
    assert date_label(DateRange(dt.date(2021, 6, 1), dt.date(2021, 6, 30), "month")) == "Jun 2021"
    assert date_label(DateRange(dt.date(2021, 1, 1), dt.date(2021, 12, 31), "year")) == "2021"
    assert date_label(DateRange(None, None, "unknown")) == "date unknown"


def test_report_brief_ranks_violent_most_reported_first(analysis):
    b = build_brief(analysis, "T")
    assert [v.id for v in b.events][:2] == ["ev-airstrike", "ev-mortar"]
    assert b.events[-1].id == "ev-manda-bay"  # background comes last
    assert len(b.headline) == 3
    assert "reported by 4 of 4 documents" in b.headline[0].text
    assert "death tolls reported range from 3 to 12" in b.headline[0].text
    # timeline in date order, at each date's precision
    assert [d for d, _ in b.timeline] == ["Jan 2020", "week of 13 Mar 2023", "14 Mar 2023", "15 Mar 2023", "15 Mar 2023"]


def test_report_brief_outlet_table_and_disagreement(analysis):
    b = build_brief(analysis, "T")
    strike = b.events[0]
    assert [r.outlet for r in strike.rows] == ["Garowe Online", "Hiiraan Online", "Somali National News Agency", "Voice of America"]
    sonna = strike.rows[2]
    assert [c.value for c in sonna.cells["killed"]] == ["at least 12 al-Shabaab fighters killed"]
    assert sonna.cells["killed"][0].voice == "Ministry of Information (Somalia)"
    assert sonna.cells["killed"][0].ref.quote.startswith("At least 12 al-Shabaab fighters")
    (d,) = strike.disagreements
    assert d.plain == ("local elders: 5 civilians killed; Ministry of Information (Somalia): at least 12 al-Shabaab "
                       "fighters killed; United States Africa Command: 3 militants killed; Radio Andalus: 9 civilians killed")


def test_report_brief_refs_point_at_their_sentences(analysis):
    b = build_brief(analysis, "T")
    docs = {d.id: d for d in analysis.documents}
    assert b.refs
    for r in b.refs:
        assert docs[r.doc].text[r.start:r.end] == r.quote
    assert [r.n for r in b.refs] == list(range(1, len(b.refs) + 1))


def test_report_brief_coverage_and_actors(analysis):
    b = build_brief(analysis, "T")
    rows = {v.id: cells for v, cells in b.coverage}
    outlets = [o for o, _ in b.coverage_cols]
    assert outlets == ["Garowe Online", "Hiiraan Online", "Somali National News Agency", "Voice of America"]
    assert rows["ev-airstrike"] == [True] * 4
    assert rows["ev-mortar"][outlets.index("Voice of America")] is False
    left = {outlet: [v.id for v in missing] for outlet, _, missing in b.left_out}
    assert "ev-mortar" in left["Voice of America"] and "ev-airstrike" not in left["Voice of America"]
    shabaab = next(a for a in b.actors if a.name == "Harakat al-Shabaab al-Mujahideen")
    assert "al-Shabab" in shabaab.aliases and shabaab.ref is not None


def test_report_brief_html_self_contained_and_linked(analysis):
    html = render_brief_html(analysis, "T")
    p = _Links()
    p.feed(html)
    assert "script" not in p.tags
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html), "the brief must not fetch anything"
    assert "@import" not in html and "url(" not in html
    assert any(m.get("http-equiv") == "Content-Security-Policy" and m.get("content") == CSP for m in p.metas)
    internal = [h for h in p.hrefs if h.startswith("#")]
    assert internal and all(h[1:] in p.ids for h in internal), "every link must land on an anchor in the page"
    assert "<svg" in html and "<circle" in html
    assert html.count("<mark>") >= 10
    assert "Sources disagree on killed" in html


def test_report_brief_md_footnotes_resolve(analysis):
    md = render_brief_md(analysis, "T")
    used = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    defined = set(re.findall(r"^\[\^(\d+)\]:", md, re.M))
    assert used and used == defined
    assert "characters " in md and "document hol-001" in md
    assert "- killed: local elders: 5 civilians killed[^" in md


def test_report_brief_empty_analysis(analysis, tmp_path):
    analysis.events, analysis.claims, analysis.disagreements = [], [], []
    paths = write_brief(analysis, str(tmp_path), "T")
    md = open(paths["brief.md"], encoding="utf-8").read()
    assert "No event was found" in md
    assert "No event has a known place" in open(paths["brief.html"], encoding="utf-8").read()


def test_report_brief_quotes_the_time_words_of_an_undated_event(analysis):
    ev = analysis.events[0]
    ev.date = DateRange(None, None, "unknown")
    ev.date_text = ["Sunday night", "early Monday"]
    brief = build_brief(analysis)
    view = next(v for v in brief.events if v.id == ev.id)
    assert view.when.startswith("date unknown (the reports say “Sunday night”, “early Monday”")
    assert "- When: date unknown (the reports say" in render_brief_md(analysis, "T")
    # a dated event is its date alone
    other = next(v for v in brief.events if v.id != ev.id and analysis.events[1].date.start is not None)
    assert "reports say" not in other.when


def test_report_brief_a_sentence_stating_a_claim_twice_shows_it_once(analysis):
    from dataclasses import replace
    first = next(c for c in analysis.claims if c.attribute == "killed")
    analysis.claims.append(replace(first, id=first.id + "-again"))
    strike = next(v for v in build_brief(analysis, "T").events if v.id == first.event)
    row = next(r for r in strike.rows if r.doc == first.doc)
    assert len(row.cells["killed"]) == len({(c.value, c.voice, c.ref.n) for c in row.cells["killed"]})


def test_report_brief_a_document_without_an_outlet_is_named_once(analysis):
    doc = next(d for d in analysis.documents if d.id == "hol-001")
    doc.outlet = None
    md = render_brief_md(analysis, "T")
    assert "hol-001, document hol-001" not in md
    assert "hol-001 (hol-001)" not in md and "- hol-001 leaves out" in md
    assert re.search(r"^\[\^\d+\]: document hol-001, characters", md, re.M)
    html = render_brief_html(analysis, "T")
    assert 'title="document hol-001, characters' in html
    assert '<div class="note">hol-001</div>' not in html and "hol-001 <span" not in html


def test_report_brief_an_event_without_named_actors_shows_who_the_reports_say(analysis):
    perp = next(c for c in analysis.claims if c.attribute == "perpetrator")
    ev = next(e for e in analysis.events if e.id == (perp.event or perp.mention))
    ev.actors = []
    view = next(v for v in build_brief(analysis).events if v.id == ev.id)
    assert any(r.startswith(format_value_for(analysis, perp)) for r in view.reported_actors)
    md = render_brief_md(analysis, "T")
    assert "- Actors: as the reports put it, " + view.reported_actors[0] in md
    # an event that names its actors shows them, not the reports' words
    assert not next(v for v in build_brief(analysis).events if v.id != ev.id and v.actors).reported_actors


def format_value_for(analysis, claim):
    from newsweave.report.brief import format_value
    from newsweave.report.common import Index
    return format_value(Index(analysis), claim)
