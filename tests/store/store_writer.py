"""Subprocess for the fault tests: adds batches of hand-built analyses, saying after each commit.

usage: python store_writer.py URL BATCHES BATCH_SIZE
"""
from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from store_factory import make_analysis  # noqa: E402

from newsweave.store import Store  # noqa: E402


def main() -> None:
    url, batches, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    filler = "Officials described the scene at length. " * 400  # big rows: most time is spent inside transactions
    with Store(url) as store:
        for b in range(batches):
            batch = []
            for k in range(size):
                i = b * size + k
                base = make_analysis(i)
                text = base.article.text + "\n" + filler
                batch.append(make_analysis(i, text=text))
            added = store.add_analyses(batch)
            print(f"committed {b} {added}", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main()
