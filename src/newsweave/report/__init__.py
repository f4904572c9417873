"""Outputs: analysis.json (the contract), the brief, and exports."""
from newsweave.report.analysis_json import analysis_to_dict, write_analysis_json
from newsweave.report.outputs import write_outputs

__all__ = ["analysis_to_dict", "write_analysis_json", "write_outputs"]
