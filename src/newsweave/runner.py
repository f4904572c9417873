"""What ``newsweave analyze`` does, end to end, through the store.

1. read and clean the articles (files, and feeds or URL lists when given);
   articles whose content hash is already stored are skipped (and said so);
2. extract the new ones in batches, storing each batch in ONE transaction:
   a run killed at any moment loses at most the batch it was working on, and
   the next run picks up from there.  With ``--workers``/Dask the workers hand
   back each batch packed for the store and parse the next one while it is
   written; the articles read are let go once extracted (the store holds them);
3. resolve and fuse over every stored article (stored event ids are kept) and
   replace the store's resolved layer;
4. write the outputs for this run's documents and every event they report,
   older documents included (selected from the results just saved, as
   ``Store.load_results`` would select them, without reading them back).
"""
from __future__ import annotations

import inspect
import os
import sys
from typing import Callable, Iterable, Iterator, Optional, Sequence

from newsweave import pipeline
from newsweave.config import Options
from newsweave.records import Analysis, Article, InputProblem

BATCH_ARTICLES = 64  # articles per store transaction: small enough to lose little when killed
FUSE_ATTEMPTS = 5  # how often to fuse again when another run adds articles meanwhile


def _prepare_fetched(items: Iterable[Article | InputProblem], options: Options) -> Iterator[Article | InputProblem]:
    """Fetched articles get what read_articles gives files: a content hash, a default date, cleaning."""
    try:
        from newsweave.clean import clean_article
    except ImportError:  # pragma: no cover - cleaning not available
        clean_article = None
    for item in items:
        if isinstance(item, Article):
            if options.published_default and item.published is None:
                item.published = options.published_default
            item.content_hash = item.content_hash or pipeline.content_hash(item.text)
            if clean_article is not None:
                item = clean_article(item)
        yield item


def _sources(inputs: Sequence[str], options: Options, manifest: Optional[str], store, feeds: Sequence[str],
             urls: Optional[str], allow_private: bool) -> Iterator[Article | InputProblem]:
    if inputs:
        yield from pipeline.read_articles(inputs, options, manifest)
    if feeds or urls:
        from newsweave.ingest.fetch import fetch_feed, fetch_urls

        for feed in feeds:
            yield from _prepare_fetched(fetch_feed(feed, store, options, allow_private=allow_private), options)
        if urls:
            yield from _prepare_fetched(fetch_urls(urls, store, options, allow_private=allow_private), options)


def _resolve_and_fuse(store, options: Options) -> Analysis:
    """Resolve and fuse every stored article; store the result (again if another run added articles meanwhile)."""
    from newsweave.store import StoreChanged

    accepts_previous = "previous_ids" in inspect.signature(pipeline.resolve_and_fuse).parameters
    for attempt in range(FUSE_ATTEMPTS):
        based_on = store.document_count()
        analyses = store.load_analyses()
        kwargs = {"previous_ids": store.event_ids_by_mention()} if accepts_previous else {}
        analysis = pipeline.resolve_and_fuse(analyses, options, **kwargs)
        try:
            store.save_results(analysis, based_on=based_on)
            return analysis
        except StoreChanged:
            if attempt == FUSE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def run_analyze(inputs: list[str], options: Options, manifest: Optional[str] = None,
                on_problem: Optional[Callable[[InputProblem], None]] = None,
                progress_factory=None, *, feeds: Sequence[str] = (), urls: Optional[str] = None,
                allow_private: bool = False, batch_articles: int = BATCH_ARTICLES) -> int:
    """Run the whole job; returns the exit code of the contract (0, or 2 when no article could be read)."""
    import gc

    # A run allocates millions of short-lived objects (tokens, spans, mentions); with
    # the default threshold (700) the young generation is collected after every few
    # sentences, and the older ones far more often than they hold garbage.  A larger
    # young generation keeps the same collections for a fraction of the time (about
    # 1% of a run) and a few MB more at most.
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], GC_YOUNG_THRESHOLD), *thresholds[1:])
    try:
        return _run_analyze(inputs, options, manifest, on_problem, progress_factory, feeds=feeds, urls=urls,
                            allow_private=allow_private, batch_articles=batch_articles)
    finally:
        gc.set_threshold(*thresholds)


GC_YOUNG_THRESHOLD = 10_000  # allocations between two collections of the youngest generation


def _run_analyze(inputs: list[str], options: Options, manifest: Optional[str], on_problem, progress_factory, *,
                 feeds: Sequence[str], urls: Optional[str], allow_private: bool, batch_articles: int) -> int:
    from newsweave.store import Store
    from newsweave.store.db import select_results

    with Store(options.db) as store:
        articles: list[Article] = []
        problems: list[InputProblem] = []
        seen: set[str] = set()
        for item in _sources(inputs, options, manifest, store, feeds, urls, allow_private):
            if isinstance(item, InputProblem):
                problems.append(item)
                if on_problem:
                    on_problem(item)
                continue
            if item.content_hash in seen:
                continue
            seen.add(item.content_hash)
            articles.append(item)
        if not articles:
            if (feeds or urls) and not inputs and not problems:  # polling a feed that has nothing new is no failure
                if not options.quiet:
                    print("newsweave: nothing new to fetch; outputs left as they were", file=sys.stderr)
                return 0
            print("newsweave: no article could be read", file=sys.stderr)
            return 2

        stored = store.doc_ids_by_hash(a.content_hash for a in articles)
        new = [a for a in articles if a.content_hash not in stored]
        for old, renamed in _give_free_ids(new, store):
            if not options.quiet:
                print(f"newsweave: a document {old!r} with other content is stored; this one is stored as {renamed!r}",
                      file=sys.stderr)
        run_doc_ids = [stored.get(a.content_hash, a.id) for a in articles]
        if stored and not options.quiet:
            print(f"newsweave: {len(stored)} of {len(articles)} articles already stored, skipped", file=sys.stderr)

        redo = _stale(store, articles, stored, options)

        added = 0
        # with several workers a batch gives each of them work; a killed run still loses one batch at most
        size = max(1, batch_articles) * max(1, options.n_process)
        total = len(new) + len(redo)
        bar = progress_factory(total, options.quiet) if (progress_factory and total) else None
        redo_ids = {a.id for a in redo}
        batches = _handed_out(redo + new, size)
        del articles, seen, new, redo  # from here on the batches, then the store, hold what was read
        failed = True
        try:
            for analyses in pipeline.extract_batches(batches, options, progress=bar):
                if redo_ids:
                    again = [a for a in analyses if a.article.id in redo_ids]
                    if again:
                        store.replace_analyses(again)
                        analyses = [a for a in analyses if a.article.id not in redo_ids]
                added += store.add_analyses(analyses)
                del analyses
            failed = False
        finally:
            if bar:
                bar.close()
            _close_engines(abort=failed)
        del batches

        # the outputs cover this run's documents and every event they report: the same
        # selection ``store.load_results(run_doc_ids)`` would read back, taken from the
        # results just saved instead of read again
        result = select_results(_resolve_and_fuse(store, options), run_doc_ids)
        result.problems = problems

    from newsweave.report import write_outputs

    write_outputs(result, options.out)
    if not options.quiet:
        print(f"newsweave: {run_summary(added, result)}", file=sys.stderr)
        print(f"newsweave: wrote {os.path.join(options.out, 'analysis.json')}", file=sys.stderr)
    return 0


def _counted(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def run_summary(added: int, result) -> str:
    """What a run stored and covers, in words: "1 new article stored; this run covers
    5 documents, ..., 1 disagreement"."""
    parts = [_counted(len(result.documents), "document", "documents"), _counted(len(result.entities), "entity", "entities"),
             _counted(len(result.places), "place", "places"), _counted(len(result.events), "event", "events"),
             _counted(len(result.claims), "claim", "claims"),
             _counted(len(result.disagreements), "disagreement", "disagreements")]
    return f"{_counted(added, 'new article', 'new articles')} stored; this run covers {', '.join(parts)}"


def _stale(store, articles: list[Article], stored: dict[str, str], options: Options) -> list[Article]:
    """Stored articles whose analysis an earlier version of the extractor made, to be
    extracted again: read afresh when this run gives them again (under their stored
    id), else as stored (text and cleaning)."""
    stale = set(store.stale_doc_ids())
    if not stale:
        return []
    if not options.quiet:
        print(
            f"newsweave: {len(stale)} stored article{'s were' if len(stale) != 1 else ' was'} extracted by another "
            "version of newsweave; extracting again",
            file=sys.stderr,
        )
    redo: list[Article] = []
    for a in articles:
        doc_id = stored.get(a.content_hash)
        if doc_id in stale:
            a.id = doc_id
            redo.append(a)
            stale.discard(doc_id)
    redo.extend(store.load_documents(stale))
    return redo


def _handed_out(items: list[Article], size: int) -> Iterator[list[Article]]:
    """``items`` in batches of ``size``; each batch is let go of here once handed out,
    so the articles waiting to be extracted are all a run holds of its input."""
    for i in range(0, len(items), size):
        batch = items[i : i + size]
        items[i : i + size] = [None] * len(batch)  # type: ignore[list-item]
        yield batch


def _close_engines(abort: bool = False) -> None:
    """Worker pools (``--workers``, Dask) live for the extraction of all batches, not
    longer; a failed or interrupted run stops them without finishing queued batches."""
    try:
        from newsweave.engine import close_engines
    except ImportError:  # pragma: no cover - no engines module
        return
    close_engines(abort)


def _give_free_ids(articles: list[Article], store) -> list[tuple[str, str]]:
    """A new article whose id is taken (by a stored document or an earlier one of this run)
    with other content gets its id suffixed with the start of its content hash; returns (old, new) ids."""
    taken = store.hashes_by_doc_id(a.id for a in articles)
    renamed = []
    for a in articles:
        if a.id in taken and taken[a.id] != a.content_hash:
            old, a.id = a.id, f"{a.id}-{a.content_hash[:8]}"
            renamed.append((old, a.id))
        taken.setdefault(a.id, a.content_hash)
    return renamed
