"""The gazetteer, loaded once for all geo tests."""
from __future__ import annotations

import pytest

from newsweave.geo import load_gazetteer


@pytest.fixture(scope="session")
def gaz():
    return load_gazetteer()
