"""The manifest: what the user knows about each file, which beats what we infer.

A CSV (header row) or JSONL file, one row per article keyed by ``file`` (a path
relative to the manifest, or a bare file name).  Optional columns: ``outlet``,
``url``, ``title``, ``published`` (YYYY-MM-DD), ``language``; an empty cell means
unknown.  Paths that leave the manifest's folder are refused: a manifest must not
be a way to read arbitrary files.
"""
from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from typing import Optional

from newsweave.ingest.dates import parse_date
from newsweave.ingest.decode import DecodeError, decode_bytes
from newsweave.records import InputProblem

MANIFEST_FIELDS = ("outlet", "url", "title", "published", "language")


@dataclass
class Manifest:
    path: str
    folder: str
    by_path: dict[str, dict[str, object]] = field(default_factory=dict)  # real path -> values
    by_name: dict[str, dict[str, object]] = field(default_factory=dict)  # bare name not found beside the manifest
    problems: list[InputProblem] = field(default_factory=list)

    def lookup(self, real_path: str) -> Optional[dict[str, object]]:
        row = self.by_path.get(real_path)
        if row is None:
            row = self.by_name.get(os.path.basename(real_path))
        return row

    def files(self) -> list[str]:
        """The real paths the manifest names that exist (read even when not given as input)."""
        return sorted(self.by_path)


def _rows(text: str, path: str) -> list[tuple[int, dict[str, object]]]:
    stripped = text.lstrip()
    if path.lower().endswith((".jsonl", ".ndjson", ".json")) or stripped.startswith("{"):
        rows = []
        for n, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError(f"line {n} is not a JSON object")
                rows.append((n, obj))
        return rows
    reader = csv.DictReader(io.StringIO(text))
    # line numbers: header is line 1
    return [(n, row) for n, row in enumerate(reader, start=2)]


def _inside(folder: str, real: str) -> bool:
    try:
        return os.path.commonpath([folder, real]) == folder
    except ValueError:  # different drives
        return False


def load_manifest(path: str) -> Manifest:
    """Read a manifest; problems (missing files, escaping paths, bad rows) are collected, not raised."""
    folder = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    manifest = Manifest(path=path, folder=folder)
    try:
        with open(path, "rb") as fh:
            text = decode_bytes(fh.read())
    except (OSError, DecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        manifest.problems.append(InputProblem(path, f"cannot read manifest: {reason}"))
        return manifest
    try:
        rows = _rows(text, path)
    except (ValueError, csv.Error) as exc:
        manifest.problems.append(InputProblem(path, f"malformed manifest: {exc}"))
        return manifest
    for line, row in rows:
        name = str(row.get("file") or "").strip()
        if not name:
            manifest.problems.append(InputProblem(path, "manifest row has no file", line))
            continue
        values: dict[str, object] = {}
        for key in MANIFEST_FIELDS:
            raw = row.get(key)
            if raw is None or str(raw).strip() == "":
                continue
            if key == "published":
                date = parse_date(str(raw))
                if date is None:
                    manifest.problems.append(InputProblem(path, f"unreadable published date {str(raw)!r} (expected YYYY-MM-DD)", line))
                    continue
                values[key] = date
            else:
                values[key] = str(raw).strip()
        target = os.path.realpath(os.path.join(folder, name))
        if not _inside(folder, target):
            manifest.problems.append(InputProblem(path, f"manifest path {name!r} leaves the manifest's folder; refused", line))
            continue
        if os.path.isfile(target):
            manifest.by_path[target] = values
        elif os.sep not in name and "/" not in name:
            # a bare name not beside the manifest: matched against input files by name
            manifest.by_name[name] = values
        else:
            manifest.problems.append(InputProblem(path, f"manifest names a missing file: {name}", line))
    return manifest
