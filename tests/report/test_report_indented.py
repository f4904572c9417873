"""The fast indented encoder writes exactly what ``json.dumps(..., indent=1)`` writes."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.report.indented import dumps_indented

_LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_KEYS = st.text() | st.integers() | st.floats() | st.booleans() | st.none()
_VALUES = st.recursive(_LEAVES, lambda c: st.lists(c) | st.tuples(c, c) | st.dictionaries(_KEYS, c), max_leaves=30)


def _reference(value, prefix: str) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + prefix)


@settings(max_examples=400, deadline=None)
@given(_VALUES, st.sampled_from(["", " ", "  "]))
def test_report_indented_equals_json_dumps(value, prefix):
    assert dumps_indented(value, prefix) == _reference(value, prefix)


def test_report_indented_record_shapes():
    value = {"id": "ev-1", "date": {"start": "2021-06-27", "text": ["Sunday"]}, "actors": [], "place": None,
             "fatalities": {"killed": 3, "injured": None}, "lat": 33.5, "quote": "said \"no\"\n\u2019s\u2028",
             "nested": [[1, [2, {}]], (True, False)], 7: float("nan"), 2.5: float("-inf")}
    assert dumps_indented(value, " ") == _reference(value, " ")


def test_report_indented_rejects_what_json_rejects():
    with pytest.raises(TypeError):
        dumps_indented({"when": object()})
    with pytest.raises(TypeError):
        dumps_indented({("a", "b"): 1})
