"""``select_results`` (what ``analyze`` writes its outputs from) equals reading the
saved results back with ``load_results``, for any selection of documents."""
from __future__ import annotations

import dataclasses

from newsweave.records import Entity
from newsweave.store import Store
from newsweave.store.db import select_results


def _same(a, b) -> None:
    assert a.documents == b.documents
    assert a.events == b.events
    assert a.claims == b.claims
    assert a.disagreements == b.disagreements
    assert a.entities == b.entities
    assert a.places == b.places


def test_store_select_results_equal_load_results(tmp_path, store_factory):
    analyses = [store_factory.make_analysis(i) for i in range(14)]
    with Store(f"sqlite:///{tmp_path}/s.db") as store:
        store.add_analyses(analyses)
        full = store_factory.fake_fuse(store.load_analyses())
        # an entity no document mentions and no event names, affiliated to one that is
        # named, and one that only an affiliation reaches: the selection's edge cases
        named = full.events[0].actors[0] if full.events[0].actors else full.entities[0].id
        full.entities.append(Entity(id="ent-lonely", name="Lonely", type="ORG"))
        full.entities.append(Entity(id="ent-parent", name="Parent", type="ORG"))
        full.entities = [dataclasses.replace(e, affiliation="ent-parent") if e.id == named else e for e in full.entities]
        store.save_results(full)
        all_ids = [a.article.id for a in analyses]
        for doc_ids in (all_ids, ["doc000"], ["doc003", "doc007"], all_ids[5:], [], ["not-stored"]):
            _same(select_results(full, doc_ids), store.load_results(doc_ids=doc_ids))
        picked = select_results(full, all_ids)
        assert "ent-parent" in {e.id for e in picked.entities}
        assert "ent-lonely" not in {e.id for e in picked.entities}
