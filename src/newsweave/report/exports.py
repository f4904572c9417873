"""Every export format as text, by name: what ``export`` prints and ``analyze`` writes."""
from __future__ import annotations

import os
from typing import Optional

from newsweave.errors import E_BAD_OPTION, NewsweaveError
from newsweave.records import Analysis
from newsweave.report.acled import events_csv
from newsweave.report.analysis_json import analysis_to_dict
from newsweave.report.geojson import events_geojson
from newsweave.report.indented import dumps_indented
from newsweave.report.plover import plover_export

FORMATS = ("csv", "geojson", "plover", "json")
FILE_NAMES = {"csv": "events.csv", "geojson": "events.geojson", "plover": "events.plover.json", "json": "analysis.json"}


def render_export(analysis: Analysis, fmt: str, include_all: bool = False, timestamp: Optional[int] = None) -> str:
    """The export ``fmt`` (csv, geojson, plover, json) as one string ending in a newline."""
    if fmt == "csv":
        return events_csv(analysis, include_all=include_all, timestamp=timestamp)
    if fmt == "geojson":
        data = events_geojson(analysis)
    elif fmt == "plover":
        data = plover_export(analysis)
    elif fmt == "json":
        data = analysis_to_dict(analysis)
    else:
        raise NewsweaveError(E_BAD_OPTION, f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return dumps_indented(data) + "\n"  # the bytes of json.dumps(data, ensure_ascii=False, indent=1)


def write_text(path: str, text: str) -> str:
    """Write atomically (a reader never sees half a file)."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    os.replace(tmp, path)
    return path


def write_export(analysis: Analysis, fmt: str, out_dir: str, include_all: bool = False) -> str:
    return write_text(os.path.join(out_dir, FILE_NAMES[fmt]), render_export(analysis, fmt, include_all=include_all))
