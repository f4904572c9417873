"""What each page shows, worked out in Python so the templates only lay it out.

Nothing here produces HTML: values are plain strings that the templates escape
(jinja2 autoescape), so article text can never become markup.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from newsweave.records import Article, Claim, Event
from newsweave.report.common import MONTHS, Index, country, date_label

# claims shown first, in this order, in the side-by-side table; others follow alphabetically
ATTRIBUTE_ORDER = ("killed", "injured", "perpetrator", "target", "weapon", "count", "damage", "date", "place")
NUMERIC = frozenset({"killed", "injured", "count", "missing", "arrested", "displaced", "kidnapped"})
QUALIFIER_WORDS = {"exact": "", "at_least": "at least ", "at_most": "at most ", "about": "about "}
SUMMARY_MAX = 240  # longer disagreement summaries repeat the list below them; not shown
DATE_TEXTS_SHOWN = 4
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.:-]")


def anchor(kind: str, ident: str) -> str:
    """An HTML id (and URL fragment) for a claim or mention: only safe characters."""
    return f"{kind}-" + _UNSAFE_ID.sub(lambda m: f"_{ord(m.group()):x}_", ident)


@dataclass(slots=True)
class ClaimView:
    id: str
    anchor: str
    attribute: str
    value: str
    voice: Optional[str]  # who the document attributes it to; None = the outlet's own voice
    outlet: str
    doc: str
    quote: str


@dataclass(slots=True)
class SourceColumn:
    doc: str
    outlet: str
    title: str
    published: str
    url: Optional[str]
    sentences: list[tuple[str, str]] = field(default_factory=list)  # (anchor, sentence) reporting the event


@dataclass(slots=True)
class EventPage:
    event: Event
    title: str
    date: str
    date_texts: list[str]
    place: str
    place_coords: Optional[tuple[float, float]]
    fatalities: Optional[dict[str, Optional[int]]]
    disagreements: list[tuple[str, str, list[tuple[str, list[ClaimView]]]]]  # (attribute, summary, [(value, claims)])
    columns: list[SourceColumn]
    rows: list[tuple[str, list[list[ClaimView]]]]  # (attribute, one cell per column)
    actors: list[dict[str, Any]]
    merge_reasons: list[str]


@dataclass(slots=True)
class Segment:
    text: str
    kind: str = "text"  # text | removed | mark
    reason: str = ""  # why a removed stretch was dropped
    ids: list[str] = field(default_factory=list)  # anchors starting in this segment
    classes: str = ""


def doc_label(ix: Index, doc_id: str) -> str:
    """How a document is named to a reader: its outlet, else its title (shortened), else its id."""
    a = ix.docs.get(doc_id)
    if a is None:
        return doc_id
    if a.outlet:
        return a.outlet
    if a.title:
        title = " ".join(a.title.split())
        return title if len(title) <= 48 else title[:47].rstrip() + "…"
    return a.id


def humanise(attribute: str) -> str:
    return attribute.replace("_", " ").capitalize()


def format_value(ix: Index, claim: Claim) -> str:
    """A claim's value in words: "at least 7 militiamen", "Islamic State"."""
    value = claim.value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        if value == 0 and claim.attribute in NUMERIC:
            return "none" + (f" ({claim.subject})" if claim.subject else "")
        q = QUALIFIER_WORDS.get(claim.qualifier or "exact", "")
        subject = f" {claim.subject}" if claim.subject else ""
        return f"{q}{value:g}{subject}"
    if isinstance(value, str):
        return ix.entity_name(value)
    if value is None:
        return "unknown"
    return str(value)


# the document page's headline: where a claim or sentence read from the title links to
HEADLINE_ANCHOR = "headline"


def claim_view(ix: Index, claim: Claim) -> ClaimView:
    """A claim as shown; one read from the headline (``Claim.field == "title"``) says
    so and links to the document's headline, not into its text."""
    headline = claim.field == "title"
    return ClaimView(
        id=claim.id,
        anchor=HEADLINE_ANCHOR if headline else anchor("c", claim.id),
        attribute=claim.attribute,
        value=format_value(ix, claim),
        voice=ix.entity_name(claim.attributed_to) if claim.attributed_to else None,
        outlet=doc_label(ix, claim.doc),
        doc=claim.doc,
        quote=f"(headline) {claim.quote}" if headline else claim.quote,
    )


def place_label(ix: Index, place_id: Optional[str]) -> str:
    if not place_id:
        return ""
    p = ix.place(place_id)
    if p is None:
        return place_id
    c = country(p.country)
    if c and p.kind != "country" and c.name != p.name:
        return f"{p.name}, {c.name}"
    return p.name


def event_title(ix: Index, ev: Event) -> str:
    what = ev.type.capitalize() + (f" ({ev.mode})" if ev.mode else "")
    where = place_label(ix, ev.place)
    return f"{what}{' in ' + where if where else ''}"


def published_label(a: Article) -> str:
    return f"{a.published.day} {MONTHS[a.published.month - 1]} {a.published.year}" if a.published else "date unknown"


def _attr_key(attr: str) -> tuple[int, str]:
    return (ATTRIBUTE_ORDER.index(attr) if attr in ATTRIBUTE_ORDER else len(ATTRIBUTE_ORDER), attr)


def event_page(ix: Index, ev: Event) -> EventPage:
    claims = ix.event_claims.get(ev.id, [])
    by_id = {c.id: c for c in claims}
    disagreements = []
    for d in ix.event_disagreements.get(ev.id, []):
        views = [claim_view(ix, by_id.get(cid) or ix.claims[cid]) for cid in d.claims if cid in by_id or cid in ix.claims]
        groups: dict[str, list[ClaimView]] = {}
        for v in views:  # one line per distinct value, with every source that gives it
            groups.setdefault(v.value.casefold(), []).append(v)
        summary = d.summary if len(d.summary) <= SUMMARY_MAX else ""
        disagreements.append((humanise(d.attribute), summary, [(g[0].value, g) for g in groups.values()]))
    columns = []
    for doc_id in ix.event_docs(ev):
        a = ix.docs.get(doc_id)
        col = SourceColumn(doc_id, doc_label(ix, doc_id), (a.title or "") if a else "", published_label(a) if a else "",
                           a.url if a else None)
        seen = set()
        for m in sorted((m for m in ev.mentions if m.doc == doc_id), key=lambda m: (m.sentence.field == "text", m.sentence.start)):
            key = (m.sentence.field, m.sentence.start, m.sentence.end)
            if key in seen:
                continue
            seen.add(key)
            if m.sentence.field == "title":
                col.sentences.append((HEADLINE_ANCHOR, f"(headline) {m.sentence.text}"))
            else:
                col.sentences.append((anchor("s", f"{m.sentence.start}-{m.sentence.end}"), m.sentence.text))
        columns.append(col)
    col_index = {c.doc: i for i, c in enumerate(columns)}
    rows_map: dict[str, list[list[ClaimView]]] = {}
    for c in claims:
        if c.doc not in col_index:
            continue
        cells = rows_map.setdefault(c.attribute, [[] for _ in columns])
        cells[col_index[c.doc]].append(claim_view(ix, c))
    rows = [(humanise(attr), rows_map[attr]) for attr in sorted(rows_map, key=_attr_key)]
    actors = []
    for role, ids in (("actor", ev.actors), ("target", ev.targets)):
        for x in ids:
            e = ix.entities.get(x)
            actors.append({
                "role": role,
                "id": x,
                "name": e.name if e else x,
                "type": e.type if e else "",
                "aliases": sorted({al for al in (e.aliases if e else []) if al != (e.name if e else x)}),
            })
    p = ix.place(ev.place)
    coords = (p.lat, p.lon) if p is not None and p.lat is not None and p.lon is not None else None
    return EventPage(
        event=ev,
        title=event_title(ix, ev),
        date=date_label(ev.date),
        date_texts=sorted(set(ev.date_text), key=lambda t: (len(t), t))[:DATE_TEXTS_SHOWN],
        place=place_label(ix, ev.place),
        place_coords=coords,
        fatalities=ev.fatalities if ev.fatalities and any(v is not None for v in ev.fatalities.values()) else None,
        disagreements=disagreements,
        columns=columns,
        rows=rows,
        actors=actors,
        merge_reasons=list(ev.merge_reasons),
    )


def document_segments(article: Article, claims: list[Claim], sentences: list[tuple[int, int]]) -> list[Segment]:
    """The original text cut where a claim's quote, a reporting sentence or a removed stretch starts or ends.

    Quoted stretches become ``mark`` segments; each claim's anchor (``c-<claim id>``)
    sits on the segment where its quote starts, so ``/documents/{id}#c-<claim id>``
    scrolls to it.  Removed debris stays visible but set apart, with its reason.
    """
    text = article.text
    n = len(text)
    spans: list[tuple[int, int, str, str]] = []  # start, end, kind, anchor
    for c in claims:
        if c.field == "text" and 0 <= c.start < c.end <= n:  # a headline's claim is no stretch of the text
            spans.append((c.start, c.end, "claim", anchor("c", c.id)))
    for s, e in sentences:
        if 0 <= s < e <= n:
            spans.append((s, e, "sentence", anchor("s", f"{s}-{e}")))
    removed = [(r.start, r.end, r.reason) for r in article.removed if 0 <= r.start < r.end <= n]
    cuts = {0, n}
    for s, e, _, _ in spans:
        cuts.update((s, e))
    for s, e, _ in removed:
        cuts.update((s, e))
    points = sorted(cuts)
    starts: dict[int, list[str]] = {}
    for s, _, _, a in sorted(spans, key=lambda x: (x[0], x[2] != "claim", x[3])):
        if a not in starts.setdefault(s, []):
            starts[s].append(a)
    out: list[Segment] = []
    for lo, hi in zip(points, points[1:]):
        kinds = {k for s, e, k, _ in spans if s <= lo and hi <= e}
        why = next((r for s, e, r in removed if s <= lo and hi <= e), None)
        if why is not None:
            seg = Segment(text[lo:hi], "removed", reason=why)
        elif kinds:
            seg = Segment(text[lo:hi], "mark", classes=" ".join(sorted(f"q-{k}" for k in kinds)))
        else:
            seg = Segment(text[lo:hi])
        seg.ids = starts.get(lo, [])
        out.append(seg)
    return out


@dataclass(slots=True)
class TimelineGroup:
    label: str
    items: list[dict[str, Any]]


def timeline(ix: Index, events: list[Event]) -> list[TimelineGroup]:
    """Events grouped by month (by year or "date unknown" when that is all that is known), in order."""
    groups: list[TimelineGroup] = []
    for ev in events:
        s = ev.date.start
        if s is None or ev.date.precision == "unknown" and s is None:
            label = "Date unknown"
        elif ev.date.precision == "year":
            label = str(s.year)
        else:
            label = dt.date(s.year, s.month, 1).strftime("%B %Y")
        if not groups or groups[-1].label != label:
            groups.append(TimelineGroup(label, []))
        docs = ix.event_docs(ev)
        groups[-1].items.append({
            "event": ev,
            "title": event_title(ix, ev),
            "date": date_label(ev.date),
            "place": place_label(ix, ev.place),
            "outlets": sorted({doc_label(ix, d) for d in docs}, key=str.casefold),
            "n_docs": len(docs),
            "actors": [ix.entity_name(x) for x in ev.actors],
            "targets": [ix.entity_name(x) for x in ev.targets],
            "n_disagreements": len(ix.event_disagreements.get(ev.id, [])),
            "fatalities": ev.fatalities if ev.fatalities and ev.fatalities.get("best") is not None else None,
        })
    return groups
