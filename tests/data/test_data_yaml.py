"""Every packaged YAML file reads the same with the fast loader as with PyYAML's own."""
from __future__ import annotations

from importlib import resources

import pytest
import yaml

from newsweave.data import safe_load

FILES = sorted(f.name for f in resources.files("newsweave.data").iterdir() if f.name.endswith(".yaml"))


def test_data_yaml_files_are_found():
    assert "events_triggers.yaml" in FILES and "fuse_weights.yaml" in FILES


@pytest.mark.parametrize("name", FILES)
def test_data_yaml_fast_loader_reads_the_same(name):
    text = resources.files("newsweave.data").joinpath(name).read_text(encoding="utf-8")
    assert safe_load(text) == yaml.safe_load(text)
