"""``analyze --feed``: fetched articles go through the store like files (extraction and fusion stood in)."""
from __future__ import annotations

import json

import pytest

from newsweave import pipeline, runner
from newsweave.config import Options
from newsweave.records import Analysis, DocAnalysis
from newsweave.store import Store


@pytest.fixture
def light_pipeline(monkeypatch):
    extracted = []

    def extract_articles(batch, options, progress=None):
        extracted.extend(a.url for a in batch)
        return [DocAnalysis(article=a) for a in batch]

    def resolve_and_fuse(analyses, options, previous_ids=None):
        return Analysis(documents=[a.article for a in analyses], entities=[], places=[], events=[], claims=[],
                        disagreements=[])

    monkeypatch.setattr(pipeline, "extract_articles", extract_articles)
    monkeypatch.setattr(pipeline, "resolve_and_fuse", resolve_and_fuse)
    import newsweave.report
    from newsweave.report.analysis_json import write_analysis_json

    monkeypatch.setattr(newsweave.report, "write_outputs", lambda analysis, out: {"analysis.json": write_analysis_json(analysis, out)})
    return extracted


def test_fetch_runner_feed_then_only_new_items(site, tmp_path, light_pipeline):
    db = f"sqlite:///{tmp_path / 'f.db'}"
    options = Options(db=db, out=str(tmp_path / "out"), quiet=True)
    feed = site.base + "/feed.xml"
    assert runner.run_analyze([], options, feeds=[feed], allow_private=True) == 0
    data = json.loads((tmp_path / "out" / "analysis.json").read_text())
    assert len(data["documents"]) == 3 and all(d["url"].startswith(site.base) for d in data["documents"])
    assert data["documents"][0]["outlet"] == "Example Daily"

    site.feed_items = [2, 3, 5]
    assert runner.run_analyze([], options, feeds=[feed], allow_private=True) == 0
    assert light_pipeline == [site.base + f"/a{n}.html" for n in (1, 2, 3, 5)]
    with Store(db) as store:
        assert store.document_count() == 4
    # polling again with nothing new is not a failure
    assert runner.run_analyze([], options, feeds=[feed], allow_private=True) == 0
    assert len(light_pipeline) == 4


def test_fetch_runner_refused_feed_reads_nothing(site, tmp_path, light_pipeline):
    problems = []
    options = Options(db=f"sqlite:///{tmp_path / 'f.db'}", out=str(tmp_path / "out"), quiet=True)
    code = runner.run_analyze([], options, on_problem=problems.append, feeds=[site.base + "/feed.xml"])
    assert code == 2
    assert len(problems) == 1 and "--allow-private" in problems[0].reason
