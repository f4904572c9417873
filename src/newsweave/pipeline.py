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
from newsweave.records import (
    Analysis,
    Article,
    DocAnalysis,
    InputProblem,
)


@dataclass
class Resources:
    """What per-article extraction needs, loaded once per process."""

    nlp: object
    gazetteer: object
    actors: object
    lexicon: object


@functools.lru_cache(maxsize=1)
def load_resources() -> Resources:
    from newsweave.entities import load_actors
    from newsweave.events import load_lexicon
    from newsweave.geo import load_gazetteer
    from newsweave.nlp import load_nlp

    return Resources(nlp=load_nlp(), gazetteer=load_gazetteer(), actors=load_actors(), lexicon=load_lexicon())


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
    from newsweave.events import extract_events
    from newsweave.geo import find_places
    from newsweave.time import find_times

    entities = extract_entity_mentions(spacy_doc, article, res.actors)
    places = find_places(spacy_doc, article, res.gazetteer)
    times = find_times(spacy_doc, article)
    events, claims = extract_events(spacy_doc, article, entities, places, times, res)
    return DocAnalysis(article=article, entities=entities, places=places, times=times, events=events, claims=claims)


def extract_local(articles: list[Article], options: Options, progress: Optional[Callable[[int], None]] = None) -> list[DocAnalysis]:
    """Parse and extract a batch of articles in this process."""
    res = load_resources()
    out: list[DocAnalysis] = []
    texts = (a.masked for a in articles)
    for article, doc in zip(articles, res.nlp.pipe(texts, batch_size=options.batch_size)):
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


def analyze(inputs: Iterable[str], options: Options, manifest: Optional[str] = None,
            on_problem: Optional[Callable[[InputProblem], None]] = None,
            progress: Optional[Callable[[int], None]] = None) -> Analysis:
    """Read, extract, resolve and fuse: the whole run without the store."""
    articles: list[Article] = []
    problems: list[InputProblem] = []
    seen: set[str] = set()
    for item in read_articles(inputs, options, manifest):
        if isinstance(item, InputProblem):
            problems.append(item)
            if on_problem:
                on_problem(item)
            continue
        if item.content_hash in seen:
            continue
        seen.add(item.content_hash)
        articles.append(item)
    analyses = extract_articles(articles, options, progress)
    result = resolve_and_fuse(analyses, options)
    result.problems = problems
    return result
