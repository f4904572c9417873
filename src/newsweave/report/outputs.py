"""Write every output of ``analyze`` into one folder."""
from __future__ import annotations

from newsweave.records import Analysis
from newsweave.report.analysis_json import write_analysis_json
from newsweave.report.brief import write_brief
from newsweave.report.exports import write_export


def write_outputs(analysis: Analysis, out_dir: str) -> dict[str, str]:
    """analysis.json, brief.md, brief.html, events.csv, events.geojson and events.plover.json; returns their paths."""
    paths = {"analysis.json": write_analysis_json(analysis, out_dir)}
    paths.update(write_brief(analysis, out_dir))
    for fmt, name in (("csv", "events.csv"), ("geojson", "events.geojson"), ("plover", "events.plover.json")):
        paths[name] = write_export(analysis, fmt, out_dir)
    return paths
