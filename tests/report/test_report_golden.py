"""brief.md for the fixture analysis, compared with tests/golden/report/brief.md.

Set NEWSWEAVE_UPDATE_GOLDEN=1 to rewrite the golden file after an intended change
(then read the diff before committing it).
"""
from __future__ import annotations

import os
import pathlib

from newsweave.report.brief import render_brief_md

GOLDEN = pathlib.Path(__file__).resolve().parent.parent / "golden" / "report" / "brief.md"


def _comparable(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("Generated at "))


def test_report_golden_brief_md(analysis):
    md = render_brief_md(analysis)  # a real timestamp: the generated-at line is left out of the comparison
    if os.environ.get("NEWSWEAVE_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(md, encoding="utf-8")
    assert GOLDEN.exists(), f"{GOLDEN} is missing; run with NEWSWEAVE_UPDATE_GOLDEN=1 to create it"
    assert _comparable(md) == _comparable(GOLDEN.read_text(encoding="utf-8"))


def test_report_golden_brief_md_deterministic(analysis, fx):
    assert render_brief_md(analysis, "T") == render_brief_md(fx.make_analysis(), "T")
