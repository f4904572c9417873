"""Each stored analysis names the extractor that made it.

A run extracts again the stored analyses whose extractor differs from its own
(see ``newsweave.fingerprint``); analyses stored before this column existed have
none and are extracted again once.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.add_column(sa.Column("extractor", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.drop_column("extractor")
