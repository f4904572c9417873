"""Alembic environment for the newsweave store.

``Store`` runs the migrations programmatically on a connection it has already
opened inside a write transaction (``config.attributes["connection"]``), so the
schema change and Alembic's version bookkeeping commit or roll back together.
No ``alembic.ini`` is needed at run time.
"""
from __future__ import annotations

from alembic import context

from newsweave.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the Store runs these migrations
    raise RuntimeError("newsweave migrations run through newsweave.store.Store, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=metadata,
    transactional_ddl=True,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
