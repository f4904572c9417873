"""Data files: lexicons, dictionaries, gazetteer supplements (each says its source)."""

from typing import Any


def safe_load(stream: Any) -> Any:
    """``yaml.safe_load`` with libyaml's loader when PyYAML was built with it: the same
    data (a test compares every file), several times faster to read."""
    import yaml

    return yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
