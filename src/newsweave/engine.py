"""Where per-article work runs: this process, a pool of local processes, or Dask.

Per-article extraction (NLP + mentions + claims) is independent for each article, so
it is the part that is distributed.  Every engine returns the ``DocAnalysis``
records in input order, so the output does not depend on the engine: resolution and
fusion then run once, in the calling process, over all of them (fusion blocks its
candidates on date, place and participants, so that reduce stays near-linear).

``extract_stream`` is what ``analyze`` uses: batches go in, each batch's results come
out packed (``store.PackedAnalysis``, the form the store keeps), and the next batch
is already being parsed while the caller writes this one to the store.  The workers
do all per-article work, packing included, so the calling process (which reads,
writes the store and fuses) stays a small serial part of the run.

- ``local``: this process (``--workers 1``).
- ``processes``: ``--workers N`` forked processes on this machine, each loading the
  model once.
- ``dask``: ``--engine dask [--scheduler ADDRESS]``: tasks on an existing Dask
  cluster (``tcp://host:8786``), or on a ``LocalCluster`` of ``--workers`` processes
  when no address is given.  Every worker needs newsweave installed (same version).
"""
from __future__ import annotations

import collections
import multiprocessing as mp
from typing import Callable, Iterable, Iterator, Optional

from newsweave.config import Options
from newsweave.records import Article, DocAnalysis

# articles per task: large enough to keep spaCy's batching efficient, small enough
# to spread the work evenly and keep memory per task bounded
CHUNK = 16
# batches handed to the workers beyond the one being collected: the workers parse
# the next batch while the caller stores this one, and memory stays bounded
AHEAD = 1


def _extract_chunk(articles: list[Article], options: Options) -> list[DocAnalysis]:
    from newsweave.pipeline import extract_local

    return extract_local(articles, options)


def _extract_chunk_packed(articles: list[Article], options: Options) -> list:
    """A chunk's extractions, packed in the worker (see ``store.PackedAnalysis``)."""
    from newsweave.store.db import PackedAnalysis

    return [PackedAnalysis.of(da) for da in _extract_chunk(articles, options)]


def _chunks(articles: list[Article], size: int) -> list[list[Article]]:
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def _worker_init() -> None:
    """In a forked worker: the resources loaded before the fork are shared
    copy-on-write; only the gazetteer's SQLite connection, which must not cross a
    fork, is opened again (as unpickling a gazetteer does)."""
    from newsweave.pipeline import load_resources

    gaz = load_resources().gazetteer
    if hasattr(gaz, "__getstate__") and hasattr(gaz, "__setstate__"):
        gaz.__setstate__(gaz.__getstate__())


class ProcessEngine:
    """A pool of forked worker processes kept for the whole run."""

    def __init__(self, workers: int):
        methods = mp.get_all_start_methods()
        forking = "fork" in methods
        ctx = mp.get_context("fork") if forking else mp.get_context("spawn")
        if forking:
            # the calling process needs the resources anyway (resolution and fusion);
            # loaded before the fork, the workers share the model, the gazetteer's
            # tables and the actor dictionary copy-on-write instead of each loading
            # its own, and start working at once
            from newsweave.pipeline import _two_pass, load_resources

            load_resources()
            _two_pass()
        self.pool = ctx.Pool(workers, initializer=_worker_init if forking else None)

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

    def extract_stream(self, batches: Iterable[list[Article]], options: Options,
                       progress: Optional[Callable[[int], None]] = None) -> Iterator[list]:
        """Each batch's extractions, packed, in input order; later batches are parsed meanwhile."""
        local = options.replace(n_process=1, engine="local")

        def submit(batch: list[Article]) -> list:
            return [self.pool.apply_async(_extract_chunk_packed, (chunk, local)) for chunk in _chunks(batch, CHUNK)]

        yield from _windowed(batches, submit, lambda handles: _gather(handles, lambda h: h.get(), progress))

    def close(self, abort: bool = False) -> None:
        """Wait for the workers to finish; with ``abort`` (the run failed or was
        interrupted), stop them without running the batches still queued."""
        if abort:
            self.pool.terminate()
        else:
            self.pool.close()
        self.pool.join()


def _gather(handles: list, result: Callable, progress: Optional[Callable[[int], None]]) -> list:
    """The packed results of one batch's chunk handles, in order, counting progress."""
    out: list = []
    for h in handles:
        res = result(h)
        out.extend(res)
        if progress:
            progress(len(res))
    return out


def _result_and_release(fut) -> list:
    res = fut.result()
    fut.release()  # the cluster can drop it now
    return res


def _windowed(batches: Iterable[list[Article]], submit: Callable[[list[Article]], list],
              collect: Callable[[list], list]) -> Iterator[list]:
    """Submit batches ``AHEAD`` ahead of the one collected; yield results in order."""
    pending: collections.deque = collections.deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) > AHEAD:
            yield collect(pending.popleft())
    while pending:
        yield collect(pending.popleft())


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

    def extract_stream(self, batches: Iterable[list[Article]], options: Options,
                       progress: Optional[Callable[[int], None]] = None) -> Iterator[list]:
        """Each batch's extractions, packed on the workers, in input order; later batches run meanwhile."""
        local = options.replace(n_process=1, engine="local", scheduler=None)

        def submit(batch: list[Article]) -> list:
            return [self.client.submit(_extract_chunk_packed, chunk, local, pure=False) for chunk in _chunks(batch, CHUNK)]

        yield from _windowed(batches, submit, lambda futures: _gather(futures, _result_and_release, progress))

    def close(self, abort: bool = False) -> None:
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


def close_engines(abort: bool = False) -> None:
    """Close every engine of this run; ``abort`` drops the work still queued."""
    while _ENGINES:
        _, engine = _ENGINES.popitem()
        try:
            engine.close(abort)
        except Exception:  # pragma: no cover - shutting down
            pass
