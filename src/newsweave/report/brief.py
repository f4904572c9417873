"""The brief: what a person reads instead of the articles side by side.

One view model (plain dataclasses, built once from an Analysis) feeds two
templates, ``templates/brief.md.j2`` and ``templates/brief.html.j2``, so both
briefs say the same things in the same order.  Every statement carries
:class:`Ref` links back to the sentence it comes from: in HTML an anchor into
the "Sources" section (each document's cleaned text with the quoted sentences
highlighted), in Markdown a numbered footnote with document id and offsets.

Article text is untrusted.  The HTML environment autoescapes everything and the
page sends a Content-Security-Policy that allows no script at all; the Markdown
environment escapes every printed value (:func:`escape.md_escape`).  Nothing in
this module marks article text as safe.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Optional

import jinja2

from newsweave.records import Analysis, Article, Claim, Event
from newsweave.report import basemap
from newsweave.report.common import Index, date_label, sorted_docs
from newsweave.report.escape import MdSafe, md_escape

TABLE_ATTRIBUTES = ("killed", "injured", "perpetrator", "target")
NUMERIC_ATTRIBUTES = frozenset({"killed", "injured", "count", "arrested", "missing", "displaced"})
QUALIFIER_WORDS = {"at_least": "at least ", "at_most": "at most ", "about": "about ", "exact": ""}
HEADLINE_EVENTS = 3
MAX_EVENTS = 50  # events shown in the brief (the exports hold all of them)
MAX_COVERAGE_OUTLETS = 20
MAX_ACTORS = 60
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_SLUG = re.compile(r"[^A-Za-z0-9_-]+")


def _slug(doc_id: str) -> str:
    """An HTML id fragment for a document id (ids may hold any character)."""
    clean = _SLUG.sub("_", doc_id)[:40]
    if clean == doc_id:
        return clean
    return f"{clean}_{hashlib.sha1(doc_id.encode('utf-8')).hexdigest()[:6]}"


# --------------------------------------------------------------------------- view model


@dataclass(slots=True)
class Ref:
    """A link from a statement back to the stretch of a document it rests on."""

    n: int
    doc: str
    start: int
    end: int
    outlet: str
    quote: str
    anchor: str
    # "title" when the stretch is of the document's headline (``Span.field``): it is
    # quoted as the headline and never highlighted in the body
    field: str = "text"


@dataclass(slots=True)
class Statement:
    text: str
    refs: list[Ref] = field(default_factory=list)


@dataclass(slots=True)
class ClaimView:
    value: str
    voice: str  # who says it ("" when the outlet says it in its own voice)
    ref: Ref


@dataclass(slots=True)
class OutletRow:
    doc: str
    anchor: str
    outlet: str
    cells: dict[str, list[ClaimView]]
    other: list[ClaimView]


@dataclass(slots=True)
class Disagreement:
    attribute: str
    parts: list[tuple[str, str, Ref]]  # (who, what, where)
    note: str

    @property
    def plain(self) -> str:
        return "; ".join(f"{who}: {what}" for who, what, _ in self.parts)


@dataclass(slots=True)
class EventView:
    id: str
    anchor: str
    n: int
    title: str
    type: str
    mode: str
    acled: str
    date: str
    place: str
    actors: list[str]
    targets: list[str]
    fatalities: str
    background: bool
    summary: Statement
    rows: list[OutletRow]
    disagreements: list[Disagreement]
    merge_reasons: list[str]
    documents: list[str]
    has_claims: bool = False
    when: str = ""  # the date, and the reports' own time words when they resolve to no date
    # when the event names no actor (target), who its documents say did it (was hit), with whom they say it from
    reported_actors: list[str] = field(default_factory=list)
    reported_targets: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Segment:
    text: str
    mark: bool
    anchors: list[str]


@dataclass(slots=True)
class SourceView:
    doc: str
    anchor: str
    outlet: str
    title: str
    published: str
    url: str
    segments: list[Segment]


@dataclass(slots=True)
class ActorView:
    name: str
    type: str
    aliases: list[str]
    n_mentions: int
    ref: Optional[Ref]


@dataclass(slots=True)
class Brief:
    title: str
    generated_at: str
    n_documents: int
    n_events: int
    headline: list[Statement]
    timeline: list[tuple[str, EventView]]
    events: list[EventView]
    coverage_cols: list[tuple[str, list[str]]]  # (outlet, its document ids)
    coverage: list[tuple[EventView, list[bool]]]
    left_out: list[tuple[str, list[str], list[EventView]]]  # (outlet, documents, events it does not report)
    actors: list[ActorView]
    map: Optional[basemap.SvgMap]
    map_rows: list[tuple[EventView, str, Optional[float], Optional[float]]]
    sources: list[SourceView]
    refs: list[Ref]
    omitted_events: int = 0
    omitted_outlets: int = 0
    omitted_actors: int = 0
    omitted_sources: int = 0
    csp: str = CSP


class _Refs:
    """Numbers references in order of first use and remembers what to highlight."""

    def __init__(self, index: Index):
        self.index = index
        self.by_key: dict[tuple[str, int, int], Ref] = {}
        self.refs: list[Ref] = []
        self.marks: dict[str, set[tuple[int, int]]] = {}
        self.anchors: dict[str, set[tuple[int, int, str]]] = {}
        self.headlines: set[str] = set()  # documents quoted by their headline

    def get(self, doc: str, start: int, end: int, mark: bool = True, field: str = "text") -> Ref:
        if field != "text":
            return self._headline(doc, start, end, field)
        key = (doc, start, end)
        ref = self.by_key.get(key)
        if ref is None:
            art = self.index.docs.get(doc)
            quote = art.text[start:end] if art is not None else ""
            kind = "s" if mark else "m"
            ref = Ref(len(self.refs) + 1, doc, start, end, self.index.outlet(doc), quote,
                      f"{kind}-{_slug(doc)}-{start}-{end}")
            self.by_key[key] = ref
            self.refs.append(ref)
            self.anchors.setdefault(doc, set()).add((start, end, ref.anchor))
            if mark:
                self.marks.setdefault(doc, set()).add((start, end))
        return ref

    def _headline(self, doc: str, start: int, end: int, field: str) -> Ref:
        """A stretch of the headline: it links to the document's source entry, whose
        heading shows the title; nothing in the body is highlighted."""
        key = (doc, start, end, field)
        ref = self.by_key.get(key)  # type: ignore[arg-type]
        if ref is None:
            art = self.index.docs.get(doc)
            quote = art.field_text(field)[start:end] if art is not None else ""
            ref = Ref(len(self.refs) + 1, doc, start, end, self.index.outlet(doc), quote, f"doc-{_slug(doc)}", field)
            self.by_key[key] = ref  # type: ignore[index]
            self.refs.append(ref)
            self.headlines.add(doc)
        return ref


def format_value(index: Index, claim: Claim) -> str:
    """A claim's value in words: "at least 7 militiamen killed", "Islamic State"."""
    attr = claim.attribute
    value = claim.value
    if attr in NUMERIC_ATTRIBUTES and isinstance(value, (int, float)) and not isinstance(value, bool):
        q = QUALIFIER_WORDS.get(claim.qualifier or "exact", "")
        number = "no one" if value == 0 and not claim.subject else f"{q}{value:g}"
        subject = f" {claim.subject}" if claim.subject else ""
        return f"{number}{subject} {attr}"
    if attr in ("perpetrator", "target", "responsibility", "attributed_to") or isinstance(value, str):
        name = index.entity_name(value) if isinstance(value, str) else str(value)
        if attr in TABLE_ATTRIBUTES:
            return name
        return f"{attr.replace('_', ' ')}: {name}"
    return f"{attr.replace('_', ' ')}: {value}"


def _claim_view(index: Index, refs: _Refs, claim: Claim) -> ClaimView:
    voice = index.entity_name(claim.attributed_to) if claim.attributed_to else ""
    return ClaimView(format_value(index, claim), voice, refs.get(claim.doc, claim.start, claim.end, field=claim.field))


def _fatalities(ev: Event) -> str:
    f = ev.fatalities or {}
    best, low, high = f.get("best"), f.get("low"), f.get("high")
    if best is None and low is None and high is None:
        return ""
    if low is not None and high is not None and low != high:
        return f"{best if best is not None else low} (reports range {low}–{high})"
    return str(best if best is not None else (low if low is not None else high))


def _title(index: Index, ev: Event) -> str:
    what = ev.type.capitalize() + (f" ({ev.mode})" if ev.mode else "")
    where = index.place_label(ev.place) if ev.place else ""
    return f"{what}{', ' + where if where else ''}, {date_label(ev.date)}"


def _event_sentence_ref(refs: _Refs, ev: Event) -> list[Ref]:
    if not ev.mentions:
        return []
    m = min(ev.mentions, key=lambda m: (m.doc, m.sentence.field != "text", m.sentence.start))
    return [refs.get(m.doc, m.sentence.start, m.sentence.end, field=m.sentence.field)]


def _reported(index: Index, claims: list[Claim], attribute: str) -> list[str]:
    """Who the documents say did it (``perpetrator``) or was hit (``target``), each once,
    with whom they say it from when not in their own voice."""
    out: list[str] = []
    for c in claims:
        if c.attribute != attribute:
            continue
        text = format_value(index, c) + (f" (per {index.entity_name(c.attributed_to)})" if c.attributed_to else "")
        if text not in out:
            out.append(text)
    return out


def _event_view(index: Index, refs: _Refs, ev: Event, n: int) -> EventView:
    claims = index.event_claims.get(ev.id, [])
    docs = index.event_docs(ev)
    rows = []
    for doc in docs:
        cells: dict[str, list[ClaimView]] = {a: [] for a in TABLE_ATTRIBUTES}
        other: list[ClaimView] = []
        for c in claims:
            if c.doc != doc:
                continue
            view = _claim_view(index, refs, c)
            cell = cells[c.attribute] if c.attribute in cells else other
            # one sentence may state the same thing twice ("American ... American"): once is enough
            if not any((v.value, v.voice, v.ref.n) == (view.value, view.voice, view.ref.n) for v in cell):
                cell.append(view)
        rows.append(OutletRow(doc, f"doc-{_slug(doc)}", index.outlet(doc), cells, other))
    disagreements = []
    for d in sorted(index.event_disagreements.get(ev.id, []), key=lambda d: (d.attribute, d.claims)):
        parts = []
        for cid in d.claims:
            c = index.claims.get(cid)
            if c is None:
                continue
            parts.append((index.voice(c), format_value(index, c), refs.get(c.doc, c.start, c.end, field=c.field)))
        if parts:
            disagreements.append(Disagreement(d.attribute, parts, d.summary))
    summary_text = ev.summary or _title(index, ev)
    return EventView(
        id=ev.id,
        anchor=f"ev-{_slug(ev.id)}",
        n=n,
        title=_title(index, ev),
        type=ev.type,
        mode=ev.mode or "",
        acled=" / ".join(v for v in ((ev.acled or {}).get("event_type"), (ev.acled or {}).get("sub_event_type")) if v),
        date=date_label(ev.date),
        when=_when(ev),
        place=index.place_label(ev.place),
        actors=[index.entity_name(a) for a in ev.actors],
        targets=[index.entity_name(t) for t in ev.targets],
        reported_actors=[] if ev.actors else _reported(index, claims, "perpetrator"),
        reported_targets=[] if ev.targets else _reported(index, claims, "target"),
        fatalities=_fatalities(ev),
        background=index.is_background(ev),
        summary=Statement(summary_text, _event_sentence_ref(refs, ev)),
        rows=rows,
        disagreements=disagreements,
        merge_reasons=list(ev.merge_reasons),
        documents=docs,
        has_claims=bool(claims),
    )


# at most this many of an undated event's time expressions are quoted in its "When" line
DATE_SAID_MAX = 5


def _when(ev: Event) -> str:
    """The event's date; for an event its reports date only relative to a
    publication date nobody gave ("Sunday night", "last year"), also what they say,
    quoted, so that a reader still knows which night it was."""
    label = date_label(ev.date)
    if ev.date.start is not None or not ev.date_text:
        return label
    count: dict[str, int] = {}
    for m in ev.mentions:
        if m.time is not None and m.time.span.text:
            count[m.time.span.text] = count.get(m.time.span.text, 0) + 1
    texts = sorted(ev.date_text, key=lambda t: -count.get(t, 0))  # most said first (stable: then as stored)
    said = [f"“{t}”" for t in texts[:DATE_SAID_MAX]]
    more = len(ev.date_text) - DATE_SAID_MAX
    tail = f" and {more} more" if more > 0 else ""
    return f"{label} (the reports say {', '.join(said)}{tail}; without a publication date they resolve to no day)"


def _headline(index: Index, views: list[EventView], n_docs: int) -> list[Statement]:
    """One sentence per top event: its summary plus what the summary does not already say."""
    out = []
    for v in views[:HEADLINE_EVENTS]:
        ev = index.events[v.id]
        text = v.summary.text.rstrip(". ")
        low = text.casefold()
        place = index.place(ev.place)
        details = [v.date] if v.date.casefold() not in low else []
        if place is not None and place.name.casefold() not in low:
            details.append(v.place)
        killed = sorted({c.value for c in index.event_claims.get(v.id, [])
                         if c.attribute == "killed" and isinstance(c.value, int) and not isinstance(c.value, bool)})
        if "reported by" not in low:
            details.append(f"reported by {len(v.documents)} of {n_docs} documents")
        if "killed" not in low:
            if len(killed) > 1:
                details.append(f"death tolls reported range from {killed[0]} to {killed[-1]}")
            elif killed:
                details.append("no deaths reported" if killed[0] == 0 else f"{killed[0]} reported killed")
        if index.is_background(ev):
            details.append("recalled as background")
        tail = f" ({'; '.join(details)})" if details else ""
        out.append(Statement(f"{text}{tail}.", v.summary.refs))
    return out


def _segments(article: Article, marks: set[tuple[int, int]], anchors: set[tuple[int, int, str]]) -> list[Segment]:
    """The cleaned text cut where highlights and anchors start or end."""
    text = article.text
    removed = sorted((r.start, r.end) for r in article.removed)
    cuts = {0, len(text)}
    for a, b in removed:
        cuts.update((a, b))
    for a, b in marks:
        cuts.update((a, b))
    for a, _b, _ in anchors:
        cuts.add(a)
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    anchors_at: dict[int, list[str]] = {}
    for a, _b, name in sorted(anchors):
        anchors_at.setdefault(a, []).append(name)
    out: list[Segment] = []
    pending: list[str] = []
    ri = 0
    for a, b in zip(points, points[1:]):
        pending.extend(anchors_at.get(a, []))
        while ri < len(removed) and removed[ri][1] <= a:
            ri += 1
        if ri < len(removed) and removed[ri][0] <= a < removed[ri][1]:
            continue
        mark = any(s <= a < e for s, e in marks)
        out.append(Segment(text[a:b], mark, pending))
        pending = []
    if pending:
        out.append(Segment("", False, pending))
    return out


def _coverage_columns(docs: list[Article], views: list[EventView]) -> tuple[list[tuple[str, list[str]]], int]:
    """Outlets as columns (their documents grouped), the most reporting first, at most MAX_COVERAGE_OUTLETS."""
    by_outlet: dict[str, list[str]] = {}
    for d in docs:
        by_outlet.setdefault(d.outlet or d.id, []).append(d.id)
    reported: dict[str, int] = {}
    for outlet, ids in by_outlet.items():
        idset = set(ids)
        reported[outlet] = sum(1 for v in views if idset.intersection(v.documents))
    ranked = sorted(by_outlet, key=lambda o: (-reported[o], o.casefold(), o))
    shown = sorted(ranked[:MAX_COVERAGE_OUTLETS], key=lambda o: (o.casefold(), o))
    return [(o, sorted(by_outlet[o])) for o in shown], max(0, len(ranked) - MAX_COVERAGE_OUTLETS)


def build_brief(analysis: Analysis, generated_at: Optional[str] = None) -> Brief:
    """Everything the brief says, in order, with its references.

    A brief stays a brief: the MAX_EVENTS top-ranked events are shown (all of
    them are in the exports), the coverage matrix has at most
    MAX_COVERAGE_OUTLETS columns and the actor table MAX_ACTORS rows; the
    Sources section holds the documents the brief quotes.
    """
    index = Index(analysis)
    refs = _Refs(index)
    docs = sorted_docs(analysis.documents)
    ranked = index.ranked_events()
    views = [_event_view(index, refs, ev, i + 1) for i, ev in enumerate(ranked[:MAX_EVENTS])]
    headline = _headline(index, views, len(docs))

    def tkey(v: EventView):
        ev = index.events[v.id]
        return (ev.date.start or dt.date.max, ev.date.end or dt.date.max, v.n)

    timeline = [(v.date, v) for v in sorted(views, key=tkey)]
    columns, omitted_outlets = _coverage_columns(docs, views)
    colsets = [set(ids) for _, ids in columns]
    coverage = [(v, [bool(cs.intersection(v.documents)) for cs in colsets]) for v in views]
    left_out = [(outlet, ids, [v for v, cells in coverage if not cells[i]]) for i, (outlet, ids) in enumerate(columns)]

    actors = []
    entities = sorted(analysis.entities, key=lambda e: (-len(e.mentions), e.name.casefold(), e.id))
    for e in entities[:MAX_ACTORS]:
        first = None
        if e.mentions:  # prefer a mention in a document the brief already quotes
            quoted = [m for m in e.mentions if m.doc in refs.marks]
            first = min(quoted or e.mentions, key=lambda s: (s.doc, s.field != "text", s.start))
        aliases = sorted({a for a in e.aliases if a != e.name}, key=lambda s: (s.casefold(), s))
        actors.append(ActorView(e.name, e.type, aliases, len(e.mentions),
                                refs.get(first.doc, first.start, first.end, mark=False, field=first.field) if first else None))

    points, map_rows = [], []
    for v in views:
        p = index.place(index.events[v.id].place)
        lat = p.lat if p else None
        lon = p.lon if p else None
        map_rows.append((v, v.place, lat, lon))
        if lat is not None and lon is not None:
            points.append(basemap.MapPoint(lon=lon, lat=lat, label=f"{v.n}. {v.title}", href=f"#{v.anchor}", n=v.n))
    svg = basemap.build_map(points)

    sources = []
    for d in docs:
        if d.id not in refs.anchors and d.id not in refs.headlines:
            continue
        sources.append(SourceView(
            doc=d.id, anchor=f"doc-{_slug(d.id)}", outlet=d.outlet or "", title=d.title or "",
            published=d.published.isoformat() if d.published else "", url=d.url or "",
            segments=_segments(d, refs.marks.get(d.id, set()), refs.anchors.get(d.id, set())),
        ))
    generated = generated_at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    n_events = len(ranked)
    return Brief(
        title=f"Brief: {n_events} event{'s' if n_events != 1 else ''} from {len(docs)} document{'s' if len(docs) != 1 else ''}",
        generated_at=generated,
        n_documents=len(docs),
        n_events=n_events,
        headline=headline,
        timeline=timeline,
        events=views,
        coverage_cols=columns,
        coverage=coverage,
        left_out=left_out,
        actors=actors,
        map=svg,
        map_rows=map_rows,
        sources=sources,
        refs=refs.refs,
        omitted_events=n_events - len(views),
        omitted_outlets=omitted_outlets,
        omitted_actors=max(0, len(entities) - MAX_ACTORS),
        omitted_sources=len(docs) - len(sources),
    )


# --------------------------------------------------------------------------- rendering


def _loader() -> jinja2.BaseLoader:
    return jinja2.PackageLoader("newsweave.report", "templates")


_HTML_ENV: Optional[jinja2.Environment] = None
_MD_ENV: Optional[jinja2.Environment] = None


def html_env() -> jinja2.Environment:
    global _HTML_ENV
    if _HTML_ENV is None:
        _HTML_ENV = jinja2.Environment(loader=_loader(), autoescape=True, undefined=jinja2.StrictUndefined,
                                       trim_blocks=True, lstrip_blocks=True)
    return _HTML_ENV


def md_env() -> jinja2.Environment:
    global _MD_ENV
    if _MD_ENV is None:
        env = jinja2.Environment(loader=_loader(), autoescape=False, undefined=jinja2.StrictUndefined,
                                 trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                                 finalize=md_escape)
        env.globals["raw"] = MdSafe
        _MD_ENV = env
    return _MD_ENV


def render_brief_md(analysis: Analysis, generated_at: Optional[str] = None) -> str:
    return md_env().get_template("brief.md.j2").render(b=build_brief(analysis, generated_at))


def render_brief_html(analysis: Analysis, generated_at: Optional[str] = None) -> str:
    return html_env().get_template("brief.html.j2").render(b=build_brief(analysis, generated_at))


def _write(path: str, text: str) -> str:
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    os.replace(tmp, path)
    return path


def write_brief(analysis: Analysis, out_dir: str, generated_at: Optional[str] = None) -> dict[str, str]:
    """Write ``brief.md`` and ``brief.html`` into ``out_dir``; returns their paths."""
    os.makedirs(out_dir, exist_ok=True)
    brief = build_brief(analysis, generated_at)
    md = md_env().get_template("brief.md.j2").render(b=brief)
    html = html_env().get_template("brief.html.j2").render(b=brief)
    return {
        "brief.md": _write(os.path.join(out_dir, "brief.md"), md),
        "brief.html": _write(os.path.join(out_dir, "brief.html"), html),
    }
