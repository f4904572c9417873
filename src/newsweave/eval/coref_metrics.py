"""Coreference metrics, implemented from their definitions.

- MUC (Vilain et al. 1995): links.  Recall is ``sum(|K| - |p(K)|) / sum(|K| - 1)``
  over key clusters K, where p(K) is the partition of K by the response clusters;
  precision swaps key and response.
- B-cubed (Bagga & Baldwin 1998): per mention, the share of its cluster that the
  other side's cluster holding it also holds.
- CEAF-e (Luo 2005): the best one-to-one alignment of key and response clusters
  (Hungarian algorithm) under ``phi4(K, R) = 2|K & R| / (|K| + |R|)``; recall divides
  the total similarity by the number of key clusters, precision by the number of
  response clusters.
- CoNLL F1: the mean of the three F1 scores.

Mentions present on one side only are handled as the reference scorer does
(Pradhan et al. 2014, "Scoring Coreference Partitions of Predicted Mentions: A
Reference Implementation"): in MUC a key mention missing from the response forms a
partition of its own (and vice versa); in B-cubed and CEAF it simply adds nothing
to the intersections, while still counting in its own side's totals.  Singletons
are kept (as is usual on ECB+).

A clustering is a mapping ``mention id -> cluster id``.  scipy's assignment solver
is not a declared dependency, so the Hungarian algorithm is a small one here, run
on each connected component of the key/response overlap graph (clusters that share
no mention have similarity 0 and need not be aligned together).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Hashable, Mapping, Sequence

Clusters = list[frozenset]


@dataclass(frozen=True)
class PRF:
    p: float
    r: float
    f: float

    def as_dict(self) -> dict[str, float]:
        return {"p": self.p, "r": self.r, "f1": self.f}


@dataclass(frozen=True)
class CorefScores:
    muc: PRF
    b3: PRF
    ceafe: PRF

    @property
    def conll(self) -> float:
        return (self.muc.f + self.b3.f + self.ceafe.f) / 3

    def as_dict(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name in ("muc", "b3", "ceafe"):
            for k, v in getattr(self, name).as_dict().items():
                out[f"{name}_{k}"] = v
        out["conll_f1"] = self.conll
        return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(p: float, r: float) -> PRF:
    return PRF(p, r, _f1(p, r))


def as_clusters(assign: Mapping[Hashable, Hashable]) -> Clusters:
    """``mention -> cluster id`` into a list of clusters (sets of mentions), in a stable order."""
    groups: dict[Hashable, set] = defaultdict(set)
    for mention, cid in assign.items():
        groups[cid].add(mention)
    return [frozenset(g) for _, g in sorted(groups.items(), key=lambda kv: str(kv[0]))]


def _index(clusters: Clusters) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


# --------------------------------------------------------------------------- MUC


def _muc_side(key: Clusters, response: Clusters) -> tuple[float, float]:
    where = _index(response)
    num = den = 0
    for k in key:
        parts = set()
        lonely = 0
        for m in k:
            if m in where:
                parts.add(where[m])
            else:
                lonely += 1  # not in the response: a partition of its own
        num += len(k) - (len(parts) + lonely)
        den += len(k) - 1
    return num, den


def muc(key: Clusters, response: Clusters) -> PRF:
    rn, rd = _muc_side(key, response)
    pn, pd = _muc_side(response, key)
    return _prf(pn / pd if pd else 0.0, rn / rd if rd else 0.0)


# --------------------------------------------------------------------------- B-cubed


def _b3_side(key: Clusters, response: Clusters) -> tuple[float, int]:
    where = _index(response)
    num = 0.0
    total = 0
    for k in key:
        total += len(k)
        counts: dict[int, int] = defaultdict(int)
        for m in k:
            if m in where:
                counts[where[m]] += 1
        num += sum(n * n for n in counts.values()) / len(k)
    return num, total


def b_cubed(key: Clusters, response: Clusters) -> PRF:
    rn, rt = _b3_side(key, response)
    pn, pt = _b3_side(response, key)
    return _prf(pn / pt if pt else 0.0, rn / rt if rt else 0.0)


# --------------------------------------------------------------------------- CEAF-e


def hungarian_max(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one assignment of rows to columns (Kuhn-Munkres, O(n^3)).

    Returns the assigned (row, column) pairs; a rectangular matrix is padded with zeros.
    """
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    n = max(n_rows, n_cols)
    if n == 0:
        return []
    big = max((w for row in weights for w in row), default=0.0)
    # minimise cost = big - weight on a square matrix (padding costs `big`)
    cost = [[big - (weights[i][j] if i < n_rows and j < n_cols else 0.0) for j in range(n)] for i in range(n)]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)  # p[j]: row matched to column j (1-based), 0 = none
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            row = cost[i0 - 1]
            for j in range(1, n + 1):
                if not used[j]:
                    cur = row[j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return [(p[j] - 1, j - 1) for j in range(1, n + 1) if p[j] and p[j] - 1 < n_rows and j - 1 < n_cols]


def _phi4(k: frozenset, r: frozenset) -> float:
    return 2 * len(k & r) / (len(k) + len(r))


def _components(key: Clusters, response: Clusters) -> list[tuple[list[int], list[int]]]:
    """Connected components of the graph linking key and response clusters that share a mention."""
    where = _index(response)
    parent = list(range(len(key) + len(response)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, k in enumerate(key):
        for m in k:
            if m in where:
                a, b = find(i), find(len(key) + where[m])
                if a != b:
                    parent[a] = b
    comps: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in range(len(key)):
        comps[find(i)][0].append(i)
    for j in range(len(response)):
        comps[find(len(key) + j)][1].append(j)
    return [c for c in comps.values() if c[0] and c[1]]


def ceaf_e(key: Clusters, response: Clusters) -> PRF:
    total = 0.0
    for ks, rs in _components(key, response):
        w = [[_phi4(key[i], response[j]) for j in rs] for i in ks]
        total += sum(w[a][b] for a, b in hungarian_max(w))
    r = total / len(key) if key else 0.0
    p = total / len(response) if response else 0.0
    return _prf(p, r)


# --------------------------------------------------------------------------- all


def conll_scores(key: Mapping[Hashable, Hashable], response: Mapping[Hashable, Hashable]) -> CorefScores:
    """MUC, B-cubed and CEAF-e of a response clustering against a key clustering."""
    k, r = as_clusters(key), as_clusters(response)
    return CorefScores(muc=muc(k, r), b3=b_cubed(k, r), ceafe=ceaf_e(k, r))
