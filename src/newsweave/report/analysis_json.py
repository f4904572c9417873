"""analysis.json: schema_version 1 (``shared/spec/analysis.schema.json``)."""
from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any

from newsweave.records import Analysis, Article

SCHEMA_VERSION = "1"


def document_to_dict(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "source": a.source,
        "outlet": a.outlet,
        "title": a.title,
        "byline": a.byline,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
        "url": a.url,
        "text": a.clean_text,
        "removed": [r.as_dict() for r in sorted(a.removed, key=lambda r: r.start)],
    }


def analysis_to_dict(analysis: Analysis, generated_at: str | None = None) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "generated_at": generated_at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "documents": [document_to_dict(d) for d in sorted(analysis.documents, key=lambda d: d.id)],
        "entities": [e.as_dict() for e in sorted(analysis.entities, key=lambda e: e.id)],
        "places": [p.as_dict() for p in sorted(analysis.places, key=lambda p: p.id)],
        "events": [e.as_dict() for e in analysis.events],
        "claims": [c.as_dict() for c in analysis.claims],
        "disagreements": [d.as_dict() for d in analysis.disagreements],
    }


def write_analysis_json(analysis: Analysis, out_dir: str) -> str:
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "analysis.json")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(analysis_to_dict(analysis), fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    os.replace(tmp, path)
    return path
