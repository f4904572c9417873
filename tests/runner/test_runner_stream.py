"""What keeps ``analyze`` streaming: batches flow through the engines in order with
a bounded look-ahead, and analysis.json is written item by item with the bytes of
one ``json.dump``."""
from __future__ import annotations

import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave import engine, pipeline
from newsweave.config import Options
from newsweave.records import Article
from newsweave.report.analysis_json import write_json_stream

_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8)
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
                       max_leaves=12)


@settings(max_examples=200, deadline=None)
@given(head=st.dictionaries(st.text(max_size=5), _values, max_size=3),
       lists=st.lists(st.tuples(st.text(max_size=5), st.lists(_values, max_size=4)), max_size=3))
def test_runner_json_stream_equals_json_dump(head, lists):
    lists = [(k, v) for k, v in dict(lists).items() if k not in head]
    out = io.StringIO()
    write_json_stream(out, head, [(k, iter(v)) for k, v in lists])
    ref = io.StringIO()
    json.dump({**head, **dict(lists)}, ref, ensure_ascii=False, indent=1)
    assert out.getvalue() == ref.getvalue()
    assert json.loads(out.getvalue()) == {**head, **dict(lists)}


def test_runner_windowed_keeps_order_and_looks_ahead_one_batch():
    log: list[str] = []

    def batches():
        for i in range(5):
            log.append(f"read {i}")
            yield [i]

    def submit(batch):
        log.append(f"submit {batch[0]}")
        return batch

    def collect(handle):
        log.append(f"collect {handle[0]}")
        return [handle[0] * 10]

    assert list(engine._windowed(batches(), submit, collect)) == [[0], [10], [20], [30], [40]]
    # batch i+1 is submitted before batch i is collected, and never more than that
    for i in range(4):
        assert log.index(f"submit {i + 1}") < log.index(f"collect {i}")
        if i + 2 < 5:
            assert log.index(f"submit {i + 2}") > log.index(f"collect {i}")


def test_runner_extract_batches_in_this_process_calls_extract_articles_per_batch(monkeypatch):
    calls = []

    def extract_articles(batch, options, progress=None):
        calls.append([a.id for a in batch])
        return [a.id.upper() for a in batch]

    monkeypatch.setattr(pipeline, "extract_articles", extract_articles)
    arts = [Article(id=f"d{i}", source="test", text="x") for i in range(5)]
    batches = (arts[i : i + 2] for i in range(0, 5, 2))
    out = list(pipeline.extract_batches(batches, Options(n_process=1)))
    assert out == [["D0", "D1"], ["D2", "D3"], ["D4"]]
    assert calls == [["d0", "d1"], ["d2", "d3"], ["d4"]]


def test_runner_hands_out_batches_and_lets_go_of_them():
    from newsweave.runner import _handed_out

    items = [Article(id=f"d{i}", source="test", text="x") for i in range(5)]
    gen = _handed_out(items, 2)
    first = next(gen)
    assert [a.id for a in first] == ["d0", "d1"]
    assert items[:2] == [None, None] and items[2].id == "d2"  # the run no longer holds the first batch
    assert [[a.id for a in b] for b in gen] == [["d2", "d3"], ["d4"]]
    assert items == [None] * 5


def test_runner_extract_batches_starts_no_engine_without_articles(monkeypatch):
    import newsweave.engine

    def no_engine(options):
        raise AssertionError("an engine was started for nothing")

    monkeypatch.setattr(newsweave.engine, "get_engine", no_engine)
    assert list(pipeline.extract_batches(iter([]), Options(n_process=2))) == []
