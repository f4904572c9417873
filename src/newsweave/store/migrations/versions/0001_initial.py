"""Initial store: documents, analyses, the resolved layer and the fetch log.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.Text


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", ID, primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("byline", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("language", sa.Text),
        sa.Column("content_hash", sa.Text, nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("removed", sa.Text, nullable=False),
        sa.Column("fixed", sa.Text, nullable=False),
        sa.Column("added_at", sa.Text, nullable=False),
    )
    op.create_table(
        "analyses",
        sa.Column("doc_id", ID, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("format", sa.Integer, nullable=False),
        sa.Column("payload", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", ID, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("affiliation", ID),
    )
    op.create_table(
        "places",
        sa.Column("id", ID, primary_key=True),
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
    for name in ("aliases",):
        op.create_table(
            name,
            sa.Column("owner", sa.Text, primary_key=True),
            sa.Column("owner_id", ID, primary_key=True),
            sa.Column("position", sa.Integer, primary_key=True),
            sa.Column("alias", sa.Text, nullable=False),
        )
    op.create_table(
        "spans",
        sa.Column("owner", sa.Text, primary_key=True),
        sa.Column("owner_id", ID, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("doc", ID, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_spans_doc", "spans", ["doc"])
    op.create_table(
        "events",
        sa.Column("id", ID, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("mode", sa.Text),
        sa.Column("acled", sa.Text),
        sa.Column("date_start", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("precision", sa.Text, nullable=False),
        sa.Column("date_text", sa.Text, nullable=False),
        sa.Column("place", ID),
        sa.Column("fatalities", sa.Text),
        sa.Column("summary", sa.Text, nullable=False),
    )
    op.create_index("ix_events_position", "events", ["position"])
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_date_start", "events", ["date_start"])
    op.create_index("ix_events_place", "events", ["place"])
    op.create_table(
        "event_entities",
        sa.Column("event_id", ID, primary_key=True),
        sa.Column("role", sa.Text, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("entity_id", ID, nullable=False),
    )
    op.create_index("ix_event_entities_entity_id", "event_entities", ["entity_id"])
    op.create_table(
        "event_documents",
        sa.Column("event_id", ID, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("doc_id", ID, nullable=False),
    )
    op.create_index("ix_event_documents_doc_id", "event_documents", ["doc_id"])
    op.create_table(
        "event_mentions",
        sa.Column("event_id", ID, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("mention_id", ID, nullable=False),
        sa.Column("doc", ID, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_event_mentions_mention_id", "event_mentions", ["mention_id"])
    op.create_table(
        "merge_reasons",
        sa.Column("event_id", ID, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("id", ID, nullable=False),
        sa.Column("event_id", ID),
        sa.Column("attribute", sa.Text, nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("qualifier", sa.Text),
        sa.Column("subject", sa.Text),
        sa.Column("doc", ID, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("attributed_to", sa.Text),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_claims_id", "claims", ["id"])
    op.create_index("ix_claims_event_id", "claims", ["event_id"])
    op.create_index("ix_claims_doc", "claims", ["doc"])
    op.create_table(
        "disagreements",
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("event_id", ID, nullable=False),
        sa.Column("attribute", sa.Text, nullable=False),
        sa.Column("claims", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
    )
    op.create_index("ix_disagreements_event_id", "disagreements", ["event_id"])
    op.create_table(
        "fetched",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("content_hash", sa.Text),
        sa.Column("status", sa.Text),
        sa.Column("fetched_at", sa.Text, nullable=False),
    )
    op.create_index("ix_fetched_content_hash", "fetched", ["content_hash"])


def downgrade() -> None:
    for name in (
        "fetched", "disagreements", "claims", "merge_reasons", "event_mentions", "event_documents",
        "event_entities", "events", "spans", "aliases", "places", "entities", "analyses", "documents",
    ):
        op.drop_table(name)
