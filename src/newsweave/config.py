"""One frozen options object: packaged defaults plus the user's overrides."""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass
from typing import Any, Optional

DEFAULT_DB = "sqlite:///newsweave.db"


@dataclass(frozen=True, slots=True)
class Options:
    out: str = "newsweave-out"
    db: str = DEFAULT_DB
    published_default: Optional[dt.date] = None
    # ingest
    max_chars: int = 400_000  # per article, after decoding
    max_file_bytes: int = 64 * 1024 * 1024  # a JSONL file may hold many articles
    # nlp
    batch_size: int = 32
    n_process: int = 1  # --workers
    engine: str = "local"  # local | dask
    scheduler: Optional[str] = None  # Dask scheduler address; None = a LocalCluster
    # fusion
    fuse_days: int = 1  # how far apart (days) two day-precise reports of one event may be dated
    fuse_km: float = 40.0  # how far apart two places of one event may be
    # events: also find untyped event mentions (newsweave.events.generic); off by default
    generic_events: bool = False
    # output
    quiet: bool = False
    debug: bool = False
    write_reports: bool = True

    def replace(self, **changes: Any) -> "Options":
        return dataclasses.replace(self, **changes)


def default_db() -> str:
    return os.environ.get("NEWSWEAVE_DB") or DEFAULT_DB
