"""General event mentions: every happening a text reports, typed or not.

newsweave's event extractor (``events.extract``) finds PLOVER-typed events -- attacks,
protests, statements of political actors -- with their participants.  News also
reports arrests, earthquakes, elections, resignations, signings and product launches
that carry no PLOVER type; to relate reports of *those* across documents (the generic
coreference of ``fuse.coref``, measured on ECB+), the pipeline first has to find them.

This module finds them from what the spaCy model always provides (part-of-speech
tags) and, where the sentence was parsed, the dependency tree:

- verbs other than auxiliaries, copulas and modals (``kind="verb"``); reporting
  (``"reporting"``), light (``"light"``), stative (``"state"``), aspectual
  (``"aspectual"``) and causative (``"causative"``) verbs are labelled as such, so a
  caller can keep only what it counts as an event;
- nouns that name happenings: listed event nouns (``"noun"``), nominalisations by
  their ending unless listed as non-eventive (``"nominal"``), and the object of a
  support verb -- "carried out *raids*", "held *talks*" (``"support"``);
- adjectives that report a change of state as the event ("found *dead*", "pleaded
  *guilty*": ``"adjective"``).

The word lists are data (``data/events_generic.yaml``, with their sources); lemmas
are the light lemma keys of ``fuse.coref.stem`` (the pipeline runs no lemmatizer),
so "earthquakes" and "earthquake" give the same key.  The work is one pass over the
tokens, with the candidates picked by a vectorised part-of-speech test first; it is
off in ``analyze`` unless ``Options(generic_events=True)`` asks for it.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Optional

from newsweave.data import safe_load as _yaml_load


KINDS = ("verb", "reporting", "light", "state", "aspectual", "causative", "noun", "nominal", "support", "adjective")

# dependency labels under which a verb is not a clause of its own happening
# (an auxiliary, or a word the parser reads as part of a name or a possessor)
_NON_EVENT_VERB_DEPS = frozenset({"aux", "auxpass", "cop", "compound", "nmod", "poss"})
# a possessor or a noun modifying another noun ("the election's winner", "war
# crimes" is kept: compounds often are events) rarely is a mention itself
_NON_EVENT_NOUN_DEPS = frozenset({"poss", "nmod"})
# a general verb used as a modifier or preposition ("related", "including") is no event
_MODIFIER_DEPS = frozenset({"amod", "prep"})
_GENERAL_VERB_KINDS = frozenset({"light", "state", "aspectual", "causative"})


@dataclass(frozen=True, slots=True)
class GenericMention:
    """One event mention: a character span of the original text and what kind it is."""

    start: int
    end: int
    text: str
    lemma: str  # light lemma key (``fuse.coref.stem``)
    kind: str  # one of KINDS

    def as_tuple(self) -> tuple[int, int, str, str, str]:
        return (self.start, self.end, self.text, self.lemma, self.kind)


@dataclass(frozen=True)
class GenericLexicon:
    never_verbs: frozenset[str]
    verb_kinds: dict[str, str]  # lemma key -> reporting | light | state | aspectual | causative
    support_verbs: frozenset[str]
    event_nouns: frozenset[str]
    non_event_nominals: frozenset[str]
    nominal_suffixes: tuple[str, ...]
    event_adjectives: frozenset[str]
    irregular: dict[str, str]


def _keys(words: Iterable, irregular: dict[str, str]) -> frozenset[str]:
    from newsweave.fuse.coref import stem

    return frozenset(stem(str(w).lower(), irregular) for w in words or [])


@functools.lru_cache(maxsize=1)
def load_generic_lexicon() -> GenericLexicon:
    """The word lists of ``data/events_generic.yaml``, as lemma keys, loaded once."""
    from newsweave.fuse.coref import load_coref_data

    raw = _yaml_load(resources.files("newsweave.data").joinpath("events_generic.yaml").read_text(encoding="utf-8")) or {}
    irregular = load_coref_data().irregular
    verb_kinds: dict[str, str] = {}
    # the first list a verb is in decides its kind
    for kind in ("reporting", "aspectual", "causative", "light", "state"):
        for k in _keys(raw.get(f"{kind}_verbs"), irregular):
            verb_kinds.setdefault(k, kind)
    return GenericLexicon(
        never_verbs=_keys(raw.get("never_verbs"), irregular),
        verb_kinds=verb_kinds,
        support_verbs=_keys(raw.get("support_verbs"), irregular),
        event_nouns=frozenset(str(w).lower() for w in raw.get("event_nouns") or []),
        non_event_nominals=frozenset(str(w).lower() for w in raw.get("non_event_nominals") or []),
        nominal_suffixes=tuple(str(s).lower() for s in raw.get("nominal_suffixes") or []),
        event_adjectives=frozenset(str(w).lower() for w in raw.get("event_adjectives") or []),
        irregular=irregular,
    )


@functools.lru_cache(maxsize=65536)
def _key(lower: str) -> str:
    """The light lemma key of a lower-case word (cached: news vocabulary repeats)."""
    from newsweave.fuse.coref import stem

    return stem(lower, load_generic_lexicon().irregular)


def _classify(tok, lex: GenericLexicon, key: str) -> Optional[str]:
    """The kind of event mention ``tok`` is, or None."""
    pos = tok.pos_
    low = tok.lower_
    if pos == "VERB":
        if tok.dep_ in _NON_EVENT_VERB_DEPS or key in lex.never_verbs:
            return None
        kind = lex.verb_kinds.get(key, "verb")
        if kind in _GENERAL_VERB_KINDS and tok.dep_ in _MODIFIER_DEPS:
            return None
        return kind
    if pos in ("NOUN", "PROPN"):
        if tok.dep_ in _NON_EVENT_NOUN_DEPS:
            return None
        if low in lex.event_nouns or singular(low) in lex.event_nouns:
            # a capitalised name that merely contains an event word ("Fire Department")
            # is not a mention; a headline's capitalised common noun is
            if pos == "PROPN" and tok.dep_ == "compound":
                return None
            return "noun"
        if pos == "NOUN":
            one = singular(low)
            if len(one) > 6 and one.endswith(lex.nominal_suffixes) \
                    and low not in lex.non_event_nominals and one not in lex.non_event_nominals:
                return "nominal"
            if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB" and _key(tok.head.lower_) in lex.support_verbs:
                return "support"
        return None
    if pos == "ADJ" and low in lex.event_adjectives:
        return "adjective"
    return None


def singular(word: str) -> str:
    """A lower-case noun without its regular plural ending ("inquiries" -> "inquiry")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def find_event_mentions(doc, article=None, kinds: Optional[Iterable[str]] = None) -> list[GenericMention]:
    """Event mentions of a parsed spaCy ``Doc`` (over ``article.masked`` when an
    article is given, so offsets are offsets into ``article.text``), in text order.

    ``kinds`` limits the result to those kinds (default: all of ``KINDS``).
    """
    import numpy
    from spacy.attrs import POS

    lex = load_generic_lexicon()
    want = frozenset(kinds) if kinds is not None else frozenset(KINDS)
    unknown = want - set(KINDS)
    if unknown:
        raise ValueError(f"unknown event-mention kind(s) {sorted(unknown)} (known: {', '.join(KINDS)})")
    if len(doc) == 0:
        return []
    strings = doc.vocab.strings
    pos_ids = numpy.array([strings.add(p) for p in ("VERB", "NOUN", "PROPN", "ADJ")], dtype="uint64")
    candidates = numpy.flatnonzero(numpy.isin(doc.to_array(POS), pos_ids)).tolist()
    text = article.text if article is not None else doc.text
    out: list[GenericMention] = []
    for i in candidates:
        tok = doc[i]
        if len(tok.text) < 3 or (not tok.is_alpha and "-" not in tok.text):
            continue
        key = _key(tok.lower_)
        kind = _classify(tok, lex, key)
        if kind is None or kind not in want:
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        out.append(GenericMention(start=start, end=end, text=text[start:end], lemma=key, kind=kind))
    return out


def extract_with_generic(articles: list, options, progress=None) -> list[tuple]:
    """The pipeline's per-article extraction plus, when ``options.generic_events`` is
    set, the general event mentions of each article, from the same parse.

    Returns ``(DocAnalysis, [GenericMention, ...])`` pairs in input order (the list is
    empty when the option is off).  Runs in this process.
    """
    from newsweave import pipeline

    res = pipeline.load_resources()
    out: list[tuple] = []
    texts = (a.masked for a in articles)
    for article, doc in zip(articles, pipeline._two_pass().pipe(texts, batch_size=options.batch_size)):
        da = pipeline.extract_article(article, doc, res)
        generic = find_event_mentions(doc, article) if options.generic_events else []
        out.append((da, generic))
        if progress:
            progress(1)
    return out
