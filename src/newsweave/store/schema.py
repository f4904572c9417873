"""The store's tables (SQLAlchemy Core), as the latest migration leaves them.

Two layers:

* the **extraction layer**, written once per article and never rewritten:
  ``documents`` (one row per distinct content hash) and ``analyses`` (the
  article's full ``DocAnalysis`` as JSON, so resolution and fusion can be
  re-run over every stored article without parsing it again; an analysis made
  by another version of the extractor is extracted again and replaced);
* the **resolved layer**, replaced as a whole by every run: entities, places,
  events (with their actors/targets, documents, mentions and merge reasons),
  claims and disagreements, plus the ``aliases`` and ``spans`` they own.

``fetched`` remembers what was downloaded from the web.  Ordered lists keep
their order in a ``position`` column.  Dates are ISO strings (``YYYY-MM-DD``),
which sort and compare the same way on every backend.

The migrations in ``store/migrations/versions`` create exactly these tables; a
test compares the two.
"""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("byline", sa.Text),
    sa.Column("published", sa.String(10)),
    sa.Column("language", sa.Text),
    sa.Column("content_hash", sa.Text, nullable=False, unique=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("removed", sa.Text, nullable=False),  # JSON list of {start, end, reason}
    sa.Column("fixed", sa.Text, nullable=False),  # JSON list of field names
    sa.Column("added_at", sa.Text, nullable=False),
)

analyses = sa.Table(
    "analyses",
    metadata,
    sa.Column("doc_id", sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("format", sa.Integer, nullable=False),
    sa.Column("payload", sa.LargeBinary, nullable=False),  # zlib(serialize.to_json(DocAnalysis))
    sa.Column("extractor", sa.Text),  # newsweave.fingerprint of the extractor that made it (None: before 0002)
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("affiliation", sa.Text),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("country", sa.Text),
    sa.Column("kind", sa.Text),
    sa.Column("geonames_id", sa.BigInteger),
    sa.Column("admin1", sa.Text),
    sa.Column("population", sa.BigInteger, nullable=False),
    sa.Column("source", sa.Text),
)

# surface forms of entities and places (owner = "entity" | "place")
aliases = sa.Table(
    "aliases",
    metadata,
    sa.Column("owner", sa.Text, primary_key=True),
    sa.Column("owner_id", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("alias", sa.Text, nullable=False),
)

# mention spans of entities and places (owner = "entity" | "place")
spans = sa.Table(
    "spans",
    metadata,
    sa.Column("owner", sa.Text, primary_key=True),
    sa.Column("owner_id", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("doc", sa.Text, nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    # the text the offsets point into (``Span.field``): "text" (the document's), "title"
    # (its headline) or "url" (its web address)
    sa.Column("field", sa.Text, nullable=False, server_default="text"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, nullable=False, index=True),
    sa.Column("type", sa.Text, nullable=False, index=True),
    sa.Column("mode", sa.Text),
    sa.Column("acled", sa.Text),  # JSON object or null
    sa.Column("date_start", sa.String(10), index=True),
    sa.Column("date_end", sa.String(10)),
    sa.Column("precision", sa.Text, nullable=False),
    sa.Column("date_text", sa.Text, nullable=False),  # JSON list
    sa.Column("place", sa.Text, index=True),
    sa.Column("fatalities", sa.Text),  # JSON object or null
    sa.Column("summary", sa.Text, nullable=False),
)

# actors and targets of events (role = "actor" | "target")
event_entities = sa.Table(
    "event_entities",
    metadata,
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column("role", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("entity_id", sa.Text, nullable=False, index=True),
)

event_documents = sa.Table(
    "event_documents",
    metadata,
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("doc_id", sa.Text, nullable=False, index=True),
)

event_mentions = sa.Table(
    "event_mentions",
    metadata,
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("mention_id", sa.Text, nullable=False, index=True),
    sa.Column("doc", sa.Text, nullable=False),
    sa.Column("payload", sa.Text, nullable=False),  # serialize.to_json(EventMention)
)

merge_reasons = sa.Table(
    "merge_reasons",
    metadata,
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("reason", sa.Text, nullable=False),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("id", sa.Text, nullable=False, index=True),
    sa.Column("event_id", sa.Text, index=True),
    sa.Column("attribute", sa.Text, nullable=False),
    sa.Column("value", sa.Text),  # JSON
    sa.Column("qualifier", sa.Text),
    sa.Column("subject", sa.Text),
    sa.Column("doc", sa.Text, nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("quote", sa.Text, nullable=False),
    sa.Column("attributed_to", sa.Text),
    sa.Column("payload", sa.Text, nullable=False),  # serialize.to_json(Claim)
    sa.Column("field", sa.Text, nullable=False, server_default="text"),  # what start/end point into
)

disagreements = sa.Table(
    "disagreements",
    metadata,
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("event_id", sa.Text, nullable=False, index=True),
    sa.Column("attribute", sa.Text, nullable=False),
    sa.Column("claims", sa.Text, nullable=False),  # JSON list of claim ids
    sa.Column("summary", sa.Text, nullable=False),
)

fetched = sa.Table(
    "fetched",
    metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("kind", sa.Text, nullable=False),  # "feed" | "page"
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("content_hash", sa.Text, index=True),
    sa.Column("status", sa.Text),
    sa.Column("fetched_at", sa.Text, nullable=False),
)

RESOLVED_TABLES = (
    aliases, spans, event_entities, event_documents, event_mentions, merge_reasons,
    claims, disagreements, events, entities, places,
)
