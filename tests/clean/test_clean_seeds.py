"""Cleaning the five sample articles: structural facts, not exact strings."""
from __future__ import annotations

from newsweave.clean import clean_article
from newsweave.config import Options
from newsweave.ingest import read_inputs
from newsweave.records import Article


def _seeds(seeds_dir) -> dict[str, Article]:
    arts = [a for a in read_inputs([str(seeds_dir)], Options()) if isinstance(a, Article)]
    assert len(arts) == 5
    return {a.id: clean_article(a) for a in arts}


def _last_lines(text: str, n: int) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip()][-n:]


def test_clean_seeds_ranges_map_back(seeds_dir):
    for art in _seeds(seeds_dir).values():
        original = art.text
        prev_end = 0
        for r in art.removed:
            assert 0 <= r.start < r.end <= len(original)
            assert r.start >= prev_end  # sorted, non-overlapping
            prev_end = r.end
            assert original[r.start : r.end].strip()  # removes real text
        assert len(art.masked) == len(original)
        assert clean_article(art).removed == art.removed  # idempotent


def test_clean_seeds_related_block_and_teasers_removed(seeds_dir):
    arts = _seeds(seeds_dir)
    for art in arts.values():
        lines = [ln for ln in art.text.splitlines() if ln.strip()]
        headers = [i for i, ln in enumerate(lines) if ln.rstrip(":").lower() in {"related coverage", "share"}]
        if not headers:
            continue
        masked_lines = [ln for ln in art.masked.splitlines()]
        kept = {ln.strip() for ln in masked_lines if ln.strip()}
        # everything from the header to the end of the article is gone
        for ln in lines[headers[0] :]:
            assert ln.strip() not in kept, ln
    reasons = {r.reason for art in arts.values() for r in art.removed}
    assert {"related-links", "teaser", "share"} <= reasons


def test_clean_seeds_body_intact(seeds_dir):
    for art in _seeds(seeds_dir).values():
        removed_text = " ".join(art.text[r.start : r.end] for r in art.removed)
        for line in art.text.splitlines():
            words = line.split()
            # a line of the article body: a long sentence that is not a blurb after the body
            if len(words) >= 12 and line.rstrip().endswith((".", "”", '"')) and "contributed to this report" not in line:
                in_teaser = any(
                    r.reason == "teaser" and art.text[r.start : r.end].find(line) >= 0 for r in art.removed
                )
                if not in_teaser:
                    assert line not in removed_text, line


def test_clean_seeds_metadata_lifted(seeds_dir):
    arts = _seeds(seeds_dir)
    bylines = [a.byline for a in arts.values() if a.byline]
    outlets = [a.outlet for a in arts.values() if a.outlet]
    titles = [a.title for a in arts.values() if a.title]
    assert len(bylines) == 1 and len(bylines[0].split()) == 2
    assert len(outlets) == 1
    assert len(titles) == 1
    # the stray line above the headline and the headline itself are removed
    top = [a for a in arts.values() if any(r.reason == "stray-line" for r in a.removed)]
    assert len(top) == 1
    assert [r.reason for r in top[0].removed][:2] == ["stray-line", "headline"]
