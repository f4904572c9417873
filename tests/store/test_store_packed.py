"""Extractions packed by a worker are stored exactly as the records themselves would be."""
from __future__ import annotations

import pickle

from newsweave.store import PackedAnalysis, Store


def test_store_packed_equal_to_records(tmp_path, store_factory):
    analyses = [store_factory.make_analysis(i) for i in range(6)]
    with Store(f"sqlite:///{tmp_path / 'plain.db'}") as plain, Store(f"sqlite:///{tmp_path / 'packed.db'}") as packed:
        assert plain.add_analyses(analyses) == 6
        # as a worker hands them back: packed, then pickled across the process boundary
        mixed = [pickle.loads(pickle.dumps(PackedAnalysis.of(a))) if i % 2 else a for i, a in enumerate(analyses)]
        assert packed.add_analyses(mixed) == 6
        assert packed.load_analyses() == plain.load_analyses() == sorted(analyses, key=lambda a: a.article.id)
        assert packed.load_documents() == plain.load_documents()
        # a packed article already stored is skipped like any other
        assert packed.add_analyses([PackedAnalysis.of(analyses[0])]) == 0


def test_store_packed_unpacks_to_the_record(store_factory):
    a = store_factory.make_analysis(3)
    p = PackedAnalysis.of(a)
    assert isinstance(p.payload, bytes) and p.article is a.article
    assert p.unpack() == a
