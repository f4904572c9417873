"""The store: SQLite by default, PostgreSQL for teams; incremental, idempotent, crash-safe.

``Store(url)`` opens (and migrates) a store; see ``store/db.py`` for why it is
built the way it is and ``store/serialize.py`` for how records become JSON.
"""
from newsweave.store.db import PackedAnalysis, Store, StoreBusy, StoreChanged, StoreError, engine_url

__all__ = ["PackedAnalysis", "Store", "StoreBusy", "StoreChanged", "StoreError", "engine_url"]
