"""Fixtures for the report tests: the hand-built multi-outlet Analysis."""
from __future__ import annotations

import importlib.util
import pathlib
import sys

import pytest

_HERE = pathlib.Path(__file__).resolve().parent


def _load_fixtures():
    name = "newsweave_report_test_fixtures"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, _HERE / "fixtures.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture()
def fx():
    """The fixtures module (``make_analysis``, ``make_hostile_analysis``, ``HOSTILE``)."""
    return _load_fixtures()


@pytest.fixture()
def analysis(fx):
    return fx.make_analysis()
