"""analysis.json: schema_version 1 (``shared/spec/analysis.schema.json``).

The file is written record by record (``write_analysis_json``): a run over many
thousands of articles never holds the whole JSON tree in memory, only one
document, entity, event or claim at a time.  The bytes are those of
``json.dump(analysis_to_dict(analysis), indent=1)``.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any, Iterable, TextIO

from newsweave.records import Analysis, Article
from newsweave.report.indented import dumps_indented

SCHEMA_VERSION = "1"


def document_to_dict(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "source": a.source,
        "outlet": a.outlet,
        "title": a.title,
        "byline": a.byline,
        "published": a.published.isoformat() if a.published else None,
        # the day the page was first posted, by its stamp or its address (relative dates resolve
        # against it when it is earlier than ``published``)
        "posted": a.posted.isoformat() if a.posted else None,
        "language": a.language,
        "url": a.url,
        "text": a.clean_text,
        "removed": [r.as_dict() for r in sorted(a.removed, key=lambda r: r.start)],
    }


def _sections(analysis: Analysis, generated_at: str | None = None) -> tuple[dict[str, Any], list[tuple[str, Iterable[dict[str, Any]]]]]:
    """The head fields and the record lists of analysis.json, each list as a lazy iterable of dicts."""
    head = {
        "schema_version": SCHEMA_VERSION,
        "generated_at": generated_at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
    }
    lists: list[tuple[str, Iterable[dict[str, Any]]]] = [
        ("documents", (document_to_dict(d) for d in sorted(analysis.documents, key=lambda d: d.id))),
        ("entities", (e.as_dict() for e in sorted(analysis.entities, key=lambda e: e.id))),
        ("places", (p.as_dict() for p in sorted(analysis.places, key=lambda p: p.id))),
        ("events", (e.as_dict() for e in analysis.events)),
        ("claims", (c.as_dict() for c in analysis.claims)),
        ("disagreements", (d.as_dict() for d in analysis.disagreements)),
    ]
    return head, lists


def analysis_to_dict(analysis: Analysis, generated_at: str | None = None) -> dict[str, Any]:
    head, lists = _sections(analysis, generated_at)
    return {**head, **{name: list(items) for name, items in lists}}


def _dumps(value: Any, indent: str) -> str:
    """``value`` as ``json.dump(..., indent=1)`` writes it at this depth (JSON strings hold no raw newline)."""
    return dumps_indented(value, indent)


def write_json_stream(fh: TextIO, head: dict[str, Any], lists: Iterable[tuple[str, Iterable[Any]]]) -> None:
    """One JSON object of ``head``'s fields and then the lists, written item by item.

    The bytes equal ``json.dump({**head, **lists}, fh, ensure_ascii=False, indent=1)``."""
    fh.write("{")
    sep = "\n "
    for key, value in head.items():
        fh.write(f"{sep}{json.dumps(key, ensure_ascii=False)}: {_dumps(value, ' ')}")
        sep = ",\n "
    for key, items in lists:
        fh.write(f"{sep}{json.dumps(key, ensure_ascii=False)}: [")
        sep = ",\n "
        inner = "\n  "
        for item in items:
            fh.write(inner + _dumps(item, "  "))
            inner = ",\n  "
        fh.write("]" if inner == "\n  " else "\n ]")
    fh.write("\n}" if sep != "\n " else "}")


def write_analysis_json(analysis: Analysis, out_dir: str) -> str:
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "analysis.json")
    tmp = path + ".tmp"
    head, lists = _sections(analysis)
    with open(tmp, "w", encoding="utf-8") as fh:
        write_json_stream(fh, head, lists)
        fh.write("\n")
    os.replace(tmp, path)
    return path
