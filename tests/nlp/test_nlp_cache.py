"""Pickled start-up resources: built once, read back, rebuilt when an input changes."""
from __future__ import annotations

import pathlib

from newsweave import pipeline


def test_nlp_cached_builds_once_and_rebuilds_on_change(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSWEAVE_CACHE", str(tmp_path / "cache"))
    calls = []

    def build():
        calls.append(1)
        return {"value": len(calls)}

    # a package whose files key the cache: this test's own folder is as good as any
    pkg = tmp_path / "fakepkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "data.yaml").write_text("a: 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert pipeline._cached("thing", build, ("fakepkg",)) == {"value": 1}
    assert pipeline._cached("thing", build, ("fakepkg",)) == {"value": 1}
    assert len(calls) == 1
    (pkg / "data.yaml").write_text("a: 22\n")
    assert pipeline._cached("thing", build, ("fakepkg",)) == {"value": 2}
    assert len(list(pathlib.Path(tmp_path / "cache").glob("thing-*.pickle"))) == 2


def test_nlp_cached_survives_a_broken_cache_file(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSWEAVE_CACHE", str(tmp_path / "cache"))
    pkg = tmp_path / "fakepkg2"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert pipeline._cached("other", lambda: 1, ("fakepkg2",)) == 1
    for f in (tmp_path / "cache").glob("other-*.pickle"):
        f.write_bytes(b"not a pickle")
    assert pipeline._cached("other", lambda: 2, ("fakepkg2",)) == 2
