"""``newsweave export`` and ``newsweave report`` read the store and write the outputs."""
from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest
from click.testing import CliRunner

from newsweave.cli import main
from newsweave.report import cli as report_cli


@pytest.fixture()
def stubbed(monkeypatch, analysis):
    monkeypatch.setattr(report_cli, "_load", lambda db: analysis)
    return analysis


def test_report_cli_commands_registered():
    assert "export" in main.commands and "report" in main.commands


@pytest.mark.parametrize("fmt", ["csv", "geojson", "plover", "json"])
def test_report_cli_export_stdout(stubbed, fmt):
    res = CliRunner().invoke(main, ["export", "--format", fmt])
    assert res.exit_code == 0, res.output
    if fmt == "csv":
        assert next(csv.reader(io.StringIO(res.output)))[0] == "event_id_cnty"
    else:
        json.loads(res.output)


def test_report_cli_export_file_and_all(stubbed, tmp_path):
    out = tmp_path / "sub" / "events.csv"
    res = CliRunner().invoke(main, ["export", "--format", "csv", "--all", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == 5


def test_report_cli_report_writes_folder(stubbed, tmp_path):
    res = CliRunner().invoke(main, ["report", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    names = {p.name for p in tmp_path.iterdir()}
    assert {"analysis.json", "brief.md", "brief.html", "events.csv", "events.geojson"} <= names


def test_report_cli_bad_format():
    res = CliRunner().invoke(main, ["export", "--format", "xml"])
    assert res.exit_code != 0 and "xml" in res.output


def test_report_cli_export_from_store(tmp_path, analysis):
    store_mod = pytest.importorskip("newsweave.store")
    if not hasattr(store_mod, "Store"):
        pytest.skip("newsweave.store has no Store yet")
    from newsweave.records import DocAnalysis

    for d in analysis.documents:
        d.content_hash = hashlib.sha256(d.text.encode("utf-8")).hexdigest()
    url = f"sqlite:///{tmp_path / 'nw.db'}"
    store = store_mod.Store(url)
    store.add_analyses([DocAnalysis(article=d) for d in analysis.documents])
    store.save_results(analysis)
    store.close()

    res = CliRunner().invoke(main, ["export", "--format", "csv", "--db", url])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert {r["sub_event_type"] for r in rows} >= {"Air/drone strike"}
    res = CliRunner().invoke(main, ["report", "--db", url, "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    md = (tmp_path / "out" / "brief.md").read_text(encoding="utf-8")
    assert "Sources disagree" in md and "Radio Andalus" in md
