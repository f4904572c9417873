"""The analyze run through the store, with extraction and fusion stood in by hand-built records."""
from __future__ import annotations

import json
import pathlib

import pytest

from newsweave import pipeline, runner
from newsweave.config import Options
from newsweave.records import Article, InputProblem
from newsweave.store import Store


@pytest.fixture
def fake_pipeline(monkeypatch, store_factory):
    """inputs are numbers ("3") naming make_analysis(3); "bad" is an unreadable input."""
    calls = {"extracted": [], "batches": [], "previous_ids": []}

    def read_articles(inputs, options, manifest=None):
        for name in inputs:
            if name == "bad":
                yield InputProblem(name, "binary file")
                continue
            i, _, doc_id = name.partition("=")
            yield store_factory.make_analysis(int(i), doc_id=doc_id or None).article

    def extract_articles(batch, options, progress=None):
        calls["batches"].append(len(batch))
        out = []
        for a in batch:
            i = int(a.title.split()[-1])
            calls["extracted"].append(a.id)
            out.append(store_factory.make_analysis(i, doc_id=a.id))
            if progress:
                progress(1)
        return out

    def resolve_and_fuse(analyses, options, previous_ids=None):
        calls["previous_ids"].append(dict(previous_ids or {}))
        return store_factory.fake_fuse(analyses, previous_ids)

    monkeypatch.setattr(pipeline, "read_articles", read_articles)
    monkeypatch.setattr(pipeline, "extract_articles", extract_articles)
    monkeypatch.setattr(pipeline, "resolve_and_fuse", resolve_and_fuse)

    import newsweave.report
    from newsweave.report.analysis_json import write_analysis_json

    monkeypatch.setattr(newsweave.report, "write_outputs", lambda analysis, out: {"analysis.json": write_analysis_json(analysis, out)})
    return calls


def _run(inputs, db, out, **kw):
    problems = []
    code = runner.run_analyze(inputs, Options(db=db, out=str(out), quiet=True), on_problem=problems.append, **kw)
    data = json.loads((pathlib.Path(out) / "analysis.json").read_text()) if code == 0 else None
    return code, data, problems


def test_store_runner_stores_incrementally(store_url, tmp_path, fake_pipeline):
    code, first, problems = _run(["0", "1", "bad"], store_url, tmp_path / "a")
    assert code == 0 and [p.path for p in problems] == ["bad"]
    assert [d["id"] for d in first["documents"]] == ["doc000", "doc001"]

    # a later run with one new article about a known event: outputs cover the older document too
    code, second, _ = _run(["12", "1"], store_url, tmp_path / "b")
    assert code == 0
    assert fake_pipeline["extracted"] == ["doc000", "doc001", "doc012"]  # doc001 was not extracted again
    assert fake_pipeline["previous_ids"][1]  # stored event ids were handed to fusion
    assert [d["id"] for d in second["documents"]] == ["doc000", "doc001", "doc012"]
    joined = [e for e in second["events"] if "doc012" in e["documents"]]
    assert len(joined) == 1 and joined[0]["documents"] == ["doc000", "doc012"]
    assert joined[0]["id"] in {e["id"] for e in first["events"]}  # the event kept its id
    assert {c["doc"] for c in second["claims"]} == {"doc000", "doc001", "doc012"}
    assert second["disagreements"] and second["disagreements"][0]["event"] == joined[0]["id"]

    # re-running changes nothing
    with Store(store_url) as store:
        before = (store.counts(), store.load_results())
    code, third, _ = _run(["12", "1"], store_url, tmp_path / "c")
    with Store(store_url) as store:
        assert (store.counts(), store.load_results()) == before
    assert fake_pipeline["extracted"] == ["doc000", "doc001", "doc012"]
    assert {k: v for k, v in third.items() if k != "generated_at"} == {k: v for k, v in second.items() if k != "generated_at"}


def test_store_runner_batches_give_the_same_store(tmp_path, fake_pipeline):
    inputs = [str(i) for i in range(14)]
    _run(inputs, f"sqlite:///{tmp_path / 'once.db'}", tmp_path / "once")
    for part in (inputs[:5], inputs[5:9], inputs[9:]):
        _run(part, f"sqlite:///{tmp_path / 'parts.db'}", tmp_path / "parts", batch_articles=2)
    assert 2 in fake_pipeline["batches"]
    with Store(f"sqlite:///{tmp_path / 'once.db'}") as once, Store(f"sqlite:///{tmp_path / 'parts.db'}") as parts:
        assert once.load_results() == parts.load_results()
        assert once.load_analyses() == parts.load_analyses()


def test_store_runner_same_content_under_another_name(tmp_path, fake_pipeline):
    db = f"sqlite:///{tmp_path / 's.db'}"
    _run(["3"], db, tmp_path / "a")
    code, data, _ = _run(["3=renamed-copy"], db, tmp_path / "b")
    assert code == 0
    assert [d["id"] for d in data["documents"]] == ["doc003"]  # the stored document, not a second one
    assert fake_pipeline["extracted"] == ["doc003"]


def test_store_runner_gives_a_taken_id_a_new_one(tmp_path, fake_pipeline):
    db = f"sqlite:///{tmp_path / 's.db'}"
    _run(["3"], db, tmp_path / "a")
    code, data, _ = _run(["4=doc003"], db, tmp_path / "b")  # other content, same file name
    assert code == 0
    ids = fake_pipeline["extracted"]
    assert ids[0] == "doc003" and ids[1].startswith("doc003-") and len(ids[1]) == len("doc003-") + 8
    with Store(db) as store:
        assert store.document_count() == 2


def test_store_runner_exit_2_when_nothing_readable(tmp_path, fake_pipeline):
    code, _, problems = _run(["bad"], f"sqlite:///{tmp_path / 's.db'}", tmp_path / "a")
    assert code == 2 and len(problems) == 1


def test_store_runner_keeps_batches_of_a_failed_run(tmp_path, fake_pipeline, monkeypatch, store_factory):
    """A run that dies in batch 3 keeps batches 1 and 2; the next run does only the rest."""
    db = f"sqlite:///{tmp_path / 's.db'}"
    real = pipeline.extract_articles

    def failing(batch, options, progress=None):
        if len(fake_pipeline["batches"]) == 2:
            raise KeyboardInterrupt
        return real(batch, options, progress)

    monkeypatch.setattr(pipeline, "extract_articles", failing)
    with pytest.raises(KeyboardInterrupt):
        _run([str(i) for i in range(6)], db, tmp_path / "a", batch_articles=2)
    with Store(db) as store:
        assert store.document_count() == 4
    monkeypatch.setattr(pipeline, "extract_articles", real)
    code, data, _ = _run([str(i) for i in range(6)], db, tmp_path / "b", batch_articles=2)
    assert code == 0 and len(data["documents"]) == 6
    assert fake_pipeline["extracted"][-2:] == ["doc004", "doc005"]


def test_store_runner_extracts_again_what_another_extractor_made(store_url, tmp_path, fake_pipeline, monkeypatch):
    code, first, _ = _run(["0", "1"], store_url, tmp_path / "a")
    assert code == 0 and fake_pipeline["extracted"] == ["doc000", "doc001"]
    _run(["0", "1"], store_url, tmp_path / "b")
    assert fake_pipeline["extracted"] == ["doc000", "doc001"]  # same extractor: nothing again

    # an upgrade changes the extractor: every stored analysis is stale, whether or not
    # this run gives its article again (doc001 is read again, doc000 comes from the store)
    import newsweave.store.db as db

    monkeypatch.setattr(db, "extractor_fingerprint", lambda: "newer")
    with Store(store_url) as store:
        assert store.stale_doc_ids() == ["doc000", "doc001"]
    code, third, _ = _run(["1"], store_url, tmp_path / "c")
    assert code == 0
    assert sorted(fake_pipeline["extracted"][2:]) == ["doc000", "doc001"]
    with Store(store_url) as store:
        assert store.stale_doc_ids() == []
        assert store.document_count() == 2  # replaced, not added
    assert [d["id"] for d in third["documents"]] == ["doc001"]
    assert [e["id"] for e in third["events"]] == [e["id"] for e in first["events"] if "doc001" in e["documents"]]


def test_store_replace_analyses_needs_the_stored_content(store_url, store_factory):
    from newsweave.store.db import StoreError

    with Store(store_url) as store:
        da = store_factory.make_analysis(1)
        store.add_analyses([da])
        other = store_factory.make_analysis(2, doc_id=da.article.id)
        with pytest.raises(StoreError, match="not stored with this content"):
            store.replace_analyses([other])
        assert store.load_analyses()[0].article.content_hash == da.article.content_hash
