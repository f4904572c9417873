"""Where per-article work runs: this process, a pool of local processes, or Dask.

Per-article extraction (NLP + mentions + claims) is independent for each article, so
it is the part that is distributed.  Every engine returns the ``DocAnalysis``
records in input order, so the output does not depend on the engine: resolution and
fusion then run once, in the calling process, over all of them (fusion blocks its
candidates on date, place and participants, so that reduce stays near-linear).

- ``local``: this process (``--workers 1``).
- ``processes``: ``--workers N`` forked processes on this machine, each loading the
  model once.
- ``dask``: ``--engine dask [--scheduler ADDRESS]``: tasks on an existing Dask
  cluster (``tcp://host:8786``), or on a ``LocalCluster`` of ``--workers`` processes
  when no address is given.  Every worker needs newsweave installed (same version).
"""
from __future__ import annotations

import multiprocessing as mp
from typing import Callable, Optional

from newsweave.config import Options
from newsweave.records import Article, DocAnalysis

# articles per task: large enough to keep spaCy's batching efficient, small enough
# to spread the work evenly and keep memory per task bounded
CHUNK = 16


def _extract_chunk(articles: list[Article], options: Options) -> list[DocAnalysis]:
    from newsweave.pipeline import extract_local

    return extract_local(articles, options)


def _chunks(articles: list[Article], size: int) -> list[list[Article]]:
    return [articles[i : i + size] for i in range(0, len(articles), size)]


class ProcessEngine:
    """A pool of forked worker processes kept for the whole run."""

    def __init__(self, workers: int):
        methods = mp.get_all_start_methods()
        ctx = mp.get_context("fork") if "fork" in methods else mp.get_context("spawn")
        if "fork" in methods:
            # the calling process loads the model anyway (resolution and fusion load the
            # resources); loaded before the fork, the workers share it copy-on-write
            # instead of each loading its own.  Not the gazetteer: an SQLite connection
            # must not cross a fork, so each worker opens its own.
            from newsweave.nlp import load_nlp

            load_nlp()
        self.pool = ctx.Pool(workers)

    def extract(self, articles: list[Article], options: Options, progress: Optional[Callable[[int], None]] = None) -> list[DocAnalysis]:
        out: list[DocAnalysis] = []
        local = options.replace(n_process=1, engine="local")
        jobs = [(chunk, local) for chunk in _chunks(articles, CHUNK)]
        for result in self.pool.starmap(_extract_chunk, jobs, chunksize=1) if not progress else self._imap(jobs, progress):
            out.extend(result)
        return out

    def _imap(self, jobs, progress):
        for result in self.pool.imap(_star, jobs):
            progress(len(result))
            yield result

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


def _star(args):
    return _extract_chunk(*args)


class DaskEngine:
    """Per-article extraction as Dask tasks."""

    def __init__(self, scheduler: Optional[str], workers: int):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the install
            from newsweave.errors import NewsweaveError

            raise NewsweaveError("E003", "the Dask engine needs the 'dask' extra: pip install 'newsweave[dask]'") from exc
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=40)
            self.client = Client(self.cluster)

    def extract(self, articles: list[Article], options: Options, progress: Optional[Callable[[int], None]] = None) -> list[DocAnalysis]:
        from dask.distributed import as_completed

        local = options.replace(n_process=1, engine="local", scheduler=None)
        chunks = _chunks(articles, CHUNK)
        futures = [self.client.submit(_extract_chunk, chunk, local, pure=False) for chunk in chunks]
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[Optional[list[DocAnalysis]]] = [None] * len(futures)
        for fut in as_completed(futures):
            res = fut.result()
            results[index[fut.key]] = res
            if progress:
                progress(len(res))
        return [da for chunk in results for da in (chunk or [])]

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


_ENGINES: dict[tuple, object] = {}


def get_engine(options: Options):
    """The engine for these options, created once per run (pools are reused across batches)."""
    key = (options.engine, options.scheduler, options.n_process)
    if options.engine == "local" and options.n_process <= 1:
        return None
    if key not in _ENGINES:
        if options.engine == "dask":
            _ENGINES[key] = DaskEngine(options.scheduler, options.n_process)
        else:
            _ENGINES[key] = ProcessEngine(options.n_process)
    return _ENGINES[key]


def close_engines() -> None:
    while _ENGINES:
        _, engine = _ENGINES.popitem()
        try:
            engine.close()
        except Exception:  # pragma: no cover - shutting down
            pass
