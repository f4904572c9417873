"""B-cubed against worked examples."""
import pytest

from newsweave.eval.gva import bcubed


def test_eval_bcubed_perfect_and_singletons():
    gold = {"a": 1, "b": 1, "c": 2}
    assert bcubed({"a": "x", "b": "x", "c": "y"}, gold) == (1.0, 1.0, 1.0)
    p, r, f = bcubed({"a": "a", "b": "b", "c": "c"}, gold)
    assert p == 1.0 and r == pytest.approx((0.5 + 0.5 + 1) / 3)


def test_eval_bcubed_bagga_baldwin_example():
    # gold {1..5}, {6,7}, {8..12}; system merges the last two gold clusters
    gold = {i: "A" for i in range(1, 6)} | {i: "B" for i in (6, 7)} | {i: "C" for i in range(8, 13)}
    pred = {i: "X" for i in range(1, 6)} | {i: "Y" for i in range(6, 13)}
    p, r, f = bcubed(pred, gold)
    assert p == pytest.approx((5 * 1 + 2 * 2 / 7 + 5 * 5 / 7) / 12)
    assert r == 1.0
