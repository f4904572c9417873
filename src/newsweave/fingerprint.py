"""Which extractor produced a stored analysis.

The store keeps each article's extraction so that later runs fuse without parsing
again.  After an upgrade (new trigger lists, a better geocoder, a fixed date rule)
those stored extractions are stale: fusing them would show yesterday's mistakes next
to today's fixes, and a record whose fields changed shape might not even load.  The
fingerprint names the extractor: the package version, the spaCy model and a digest
of every source and data file the extraction reads.  A stored analysis whose
fingerprint differs is extracted again from its stored text.

The digest covers the extraction stages only (ingest, clean, nlp, entities, geo,
time, events and the records they exchange), not fusion, reports, the store or the
web UI, which run again on every run anyway.
"""
from __future__ import annotations

import functools
import hashlib
from importlib import resources

from newsweave import __version__

# folders and modules of the package whose code decides what an extraction holds
_STAGES = ("ingest", "clean", "nlp", "entities", "geo", "time", "events", "data")
_MODULES = ("records.py", "pipeline.py", "config.py")
_SUFFIXES = (".py", ".yaml", ".yml", ".csv", ".json", ".txt", ".tsv")


def _files(root) -> list:
    out = []
    for name in _STAGES:
        folder = root.joinpath(name)
        if folder.is_dir():
            out.extend(_walk(folder, name))
    for name in _MODULES:
        f = root.joinpath(name)
        if f.is_file():
            out.append((name, f))
    return sorted(out, key=lambda kv: kv[0])


def _walk(folder, prefix: str) -> list:
    out = []
    for child in folder.iterdir():
        rel = f"{prefix}/{child.name}"
        if child.is_dir():
            if child.name != "__pycache__":
                out.extend(_walk(child, rel))
        elif child.name.endswith(_SUFFIXES):
            out.append((rel, child))
    return out


@functools.lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """``<version>+<model>+<digest>``: equal for two runs exactly when they extract alike."""
    from newsweave.nlp.model import MODEL_NAME

    try:
        from importlib.metadata import version

        model = f"{MODEL_NAME}-{version(MODEL_NAME.replace('_', '-'))}"
    except Exception:  # the model's distribution metadata is missing: its name still counts
        model = MODEL_NAME
    h = hashlib.sha256()
    for rel, f in _files(resources.files("newsweave")):
        h.update(rel.encode("utf-8"))
        h.update(b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return f"{__version__}+{model}+{h.hexdigest()[:16]}"
