"""Spans and claims say which text of the document their offsets point into.

A document whose body reports no event may have its event read from its headline;
the offsets of such a mention point into the title, not the text.  The ``spans`` and
``claims`` tables gain a ``field`` column: "text" (every row written before, hence
the server default), "title", or "url" (a place the page's web address names, as a
last resort; a later value needing no migration of its own: the column is free text).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TABLES = ("spans", "claims")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("field", sa.Text, nullable=False, server_default="text"))


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("field")
