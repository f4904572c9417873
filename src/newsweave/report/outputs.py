"""Write every output of ``analyze`` into one folder."""
from __future__ import annotations

from newsweave.records import Analysis
from newsweave.report.analysis_json import write_analysis_json


def write_outputs(analysis: Analysis, out_dir: str) -> dict[str, str]:
    paths = {"analysis.json": write_analysis_json(analysis, out_dir)}
    return paths
