"""Coreference metrics against worked examples from the literature."""
import itertools
import random

import pytest

from newsweave.eval.coref_metrics import (
    as_clusters,
    b_cubed,
    ceaf_e,
    conll_scores,
    hungarian_max,
    muc,
)


def _assign(*clusters):
    return {m: i for i, c in enumerate(clusters) for m in c}


def test_eval_coref_metrics_pradhan_2014_worked_example():
    # Pradhan et al. 2014, section 3: key {a b c} {d e f g}; response {a b} {c d} {f g h i}
    # (h, i are not in the key; e is not in the response)
    s = conll_scores(_assign("abc", "defg"), _assign("ab", "cd", "fghi"))
    assert (s.muc.r, s.muc.p, s.muc.f) == pytest.approx((0.4, 0.4, 0.4))
    assert s.b3.r == pytest.approx(5 / 12)  # 41.67
    assert s.b3.p == pytest.approx(0.5)
    assert s.b3.f == pytest.approx(0.4545, abs=1e-4)
    assert s.ceafe.r == pytest.approx(0.65)
    assert s.ceafe.p == pytest.approx(1.3 / 3)  # 43.33
    assert s.ceafe.f == pytest.approx(0.52)


def test_eval_coref_metrics_vilain_1995_muc():
    # Vilain et al. 1995: key <A B C D>, response <A B> <C D>: recall 2/3, precision 1
    r = muc(as_clusters(_assign("ABCD")), as_clusters(_assign("AB", "CD")))
    assert r.r == pytest.approx(2 / 3) and r.p == pytest.approx(1.0)
    # and the converse: response <A B C D> against key <A B> <C D>
    r = muc(as_clusters(_assign("AB", "CD")), as_clusters(_assign("ABCD")))
    assert r.r == pytest.approx(1.0) and r.p == pytest.approx(2 / 3)


_LUO_KEY = [frozenset(range(1, 6)), frozenset({6, 7}), frozenset(range(8, 13))]


def test_eval_coref_metrics_luo_2005_system_a():
    # Luo 2005, figure 1 (a): the last two key entities merged.  Published: MUC F 0.947,
    # B-cubed F 0.865, entity-based CEAF (phi4) 0.733.
    resp = [frozenset(range(1, 6)), frozenset(range(6, 13))]
    assert muc(_LUO_KEY, resp).f == pytest.approx(0.947, abs=5e-4)
    assert b_cubed(_LUO_KEY, resp).f == pytest.approx(0.865, abs=5e-4)
    assert ceaf_e(_LUO_KEY, resp).f == pytest.approx(0.733, abs=5e-4)


def test_eval_coref_metrics_luo_2005_all_in_one_and_singletons():
    # Luo 2005 (c): everything in one entity.  MUC rates it perfect on recall (its known flaw);
    # CEAF-e = 0.294 as published.
    one = [frozenset(range(1, 13))]
    m = muc(_LUO_KEY, one)
    assert m.r == 1.0 and m.f == pytest.approx(0.9, abs=5e-4)
    assert ceaf_e(_LUO_KEY, one).f == pytest.approx(0.294, abs=5e-4)
    # (d): all singletons: MUC is 0, B-cubed precision is 1
    singles = [frozenset({i}) for i in range(1, 13)]
    assert muc(_LUO_KEY, singles).f == 0.0
    b = b_cubed(_LUO_KEY, singles)
    assert b.p == 1.0 and b.r == pytest.approx((5 * 0.2 + 2 * 0.5 + 5 * 0.2) / 12)


def test_eval_coref_metrics_perfect_and_empty():
    key = _assign("abc", "d", "ef")
    s = conll_scores(key, dict(key))
    assert s.conll == pytest.approx(1.0)
    s = conll_scores(key, {})
    assert s.conll == 0.0


def test_eval_coref_metrics_hungarian_matches_brute_force():
    rnd = random.Random(7)
    for _ in range(30):
        n, m = rnd.randint(1, 5), rnd.randint(1, 5)
        w = [[rnd.choice([0.0, 0.1, 0.5, 0.9, rnd.random()]) for _ in range(m)] for _ in range(n)]
        pairs = hungarian_max(w)
        assert len({a for a, _ in pairs}) == len(pairs) == len({b for _, b in pairs})
        got = sum(w[a][b] for a, b in pairs)
        best = 0.0
        if n <= m:
            for perm in itertools.permutations(range(m), n):
                best = max(best, sum(w[i][perm[i]] for i in range(n)))
        else:
            for perm in itertools.permutations(range(n), m):
                best = max(best, sum(w[perm[j]][j] for j in range(m)))
        assert got == pytest.approx(best)
