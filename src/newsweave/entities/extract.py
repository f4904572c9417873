"""Entity mentions of one article: named actors, with original offsets.

Two sources, reconciled per article:

1. spaCy's named entities.  PERSON and ORG are actors; NORP only when it names a
   dictionary actor that is not a country ("Houthis", a group the model tags as a
   nationality); GPE is a COUNTRY mention when it names a country, a GOVERNMENT
   mention when it is a capital used as an actor ("Washington vowed", "condemnations
   from Baghdad"), and otherwise a place (left to ``geo``).  FAC and LOC are places.
2. A scan of the text for dictionary aliases, which finds what NER misses or cuts
   short: multiword group names in translation ("Hezbollah Brigades in Iraq"),
   lower-case translations ("the popular crowd"), names inside quotes.

Where spans overlap, the longer wins ("Hezbollah Brigades in Iraq" over NER's
"Hezbollah Brigades", NER's "Los Angeles Times" over a dictionary "Times"); at equal
length a dictionary-backed span beats an unknown one, and NER's label is kept.
Spans are trimmed to the name itself: no leading "the", quotes, possessive "'s" or
titles ("Pentagon spokesman John Kirby" gives "Pentagon" and "John Kirby").
``key`` is the alias key (``normalize_name``; ``person_key`` for people).  A mention
of a dictionary actor already carries the actor's id in ``entity`` (resolution keeps
it); a person whose title names a dictionary actor right before the name ("Pentagon
spokesman John Kirby") carries that actor's id in ``affiliation``.
Work per article is a regex pass and dictionary look-ups: a few milliseconds.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from newsweave.entities.actors import CASE_CAPITAL, CASE_UPPER, Actor, ActorDictionary
from newsweave.entities.normalize import (
    head_type,
    load_lexicon,
    normalize_name,
    person_key,
    skeleton_word,
    surname,
    titles_by_first_word,
)
from newsweave.records import Article, EntityMention, Span

# A word: letters/digits joined by apostrophes ("Kata'ib"), or a dotted acronym
# ("U.S.").  Hyphens split words so that "al-Shuhada" gives "al" + "Shuhada".
# Alternatives are disjoint at every step, so there is no backtracking blow-up.
_WORD_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’ʼ‘`][^\W_]+)*")
_PARTICLES_BEFORE_HYPHEN = frozenset({"ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul", "ur", "adh", "ath"})
_EDGE_JUNK = " \t\n\"'“”‘’«»()[]{}-–—,.;:!?*"
_LEADING_THE_RE = re.compile(r"(?:the|The|THE)\s+")
_ACRONYM_END_RE = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}$")
_TRAILING_POSSESSIVE_RE = re.compile(r"(?:['’]s|(?<=s)['’])$")
SHORT_ACRONYM = 3
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# dependency roles in which a capital city names its government, not a place
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass"})  # not "poss": "London's mayor" is a place's
_ACTOR_PREPS = frozenset({"by", "from", "against", "with"})


class _Words:
    """The normalised word stream of a text, as parallel lists (cheap to build)."""

    __slots__ = ("norm", "start", "end", "upper", "capital", "joined")

    def __init__(self, text: str) -> None:
        norm: list[str] = []
        start: list[int] = []
        end: list[int] = []
        upper: list[bool] = []
        capital: list[bool] = []
        joined: list[bool] = []  # only spaces/hyphens (or dropped particles) since the previous word
        cache = _SURFACES
        if len(cache) > _SURFACES_MAX:
            cache.clear()
        last_end = 0
        gaps_ok = True  # every gap since the previous kept word was spaces/hyphens
        for m in _GAP_WORD_RE.finditer(text):
            s, e = m.span(1)
            # the match starts where the previous word ended only when the gap is spaces/hyphens
            gaps_ok = gaps_ok and m.start() == last_end
            last_end = e
            surface = m.group(1)
            info = cache.get(surface)
            if info is None:
                key = normalize_name(surface)
                info = cache[surface] = (tuple(key.split()), surface.isupper(), surface[:1].isupper(),
                                         key in _PARTICLES_BEFORE_HYPHEN)
            parts, up, cap, particle = info
            if not parts or (particle and text[e: e + 1] == "-"):
                continue  # dropped word: "the", "al-", "ad-" ...
            if len(parts) == 1:
                norm.append(parts[0])
                start.append(s)
                end.append(e)
                upper.append(up)
                capital.append(cap)
                joined.append(gaps_ok)
            else:
                for i, part in enumerate(parts):
                    norm.append(part)
                    start.append(s)
                    end.append(e)
                    upper.append(up)
                    capital.append(cap)
                    joined.append(gaps_ok if i == 0 else True)
            gaps_ok = True
        self.norm, self.start, self.end = norm, start, end
        self.upper, self.capital, self.joined = upper, capital, joined


# A word with the spaces/hyphens right before it: a match that starts where the
# previous word ended had nothing else in between.  The gap characters cannot start
# a word, so the words found are exactly those of ``_WORD_RE``.
_GAP_WORD_RE = re.compile(r"[ \-\u00a0]*(" + _WORD_RE.pattern + ")")
# surface form -> (key words, all upper case, capitalised, an Arabic particle): the
# same few thousand word forms recur in every article
_SURFACES: dict[str, tuple[tuple[str, ...], bool, bool, bool]] = {}
_SURFACES_MAX = 200_000


def scan_aliases(words: _Words, actors: ActorDictionary) -> list[tuple[int, int, str, str]]:
    """Dictionary aliases in the word stream: (start, end, actor id, alias key), longest
    match first at each position, matches never overlapping nor crossing punctuation."""
    out: list[tuple[int, int, str, str]] = []
    norm, upper, capital, joined = words.norm, words.upper, words.capital, words.joined
    lengths, table = actors.scan_lengths, actors.scan_table
    i, n = 0, len(norm)
    while i < n:
        matched = 0
        for k in lengths.get(norm[i], ()):
            if i + k > n:
                continue
            alias = table.get(tuple(norm[i: i + k]))
            if alias is None:
                continue
            ok = True
            for j in range(k):
                c = alias.cases[j]
                if (j and not joined[i + j]) or (c == CASE_UPPER and not upper[i + j]) or (c == CASE_CAPITAL and not capital[i + j]):
                    ok = False
                    break
            if ok and k == 1 and alias.cases[0] == CASE_UPPER and len(norm[i]) <= SHORT_ACRONYM and (
                (i > 0 and upper[i - 1] and len(norm[i - 1]) > 1) or (i + 1 < n and upper[i + 1] and len(norm[i + 1]) > 1)
            ):
                ok = False  # "IS", "AP" inside a line written in capitals are ordinary words
            if ok:
                out.append((words.start[i], words.end[i + k - 1], alias.actor, " ".join(alias.words)))
                matched = k
                break
        i += matched or 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to the name: no edge punctuation, leading "the", possessive."""
    while True:
        before = (start, end)
        while start < end and text[start] in _EDGE_JUNK:
            start += 1
        while end > start and text[end - 1] in _EDGE_JUNK:
            if text[end - 1] == "." and _ACRONYM_END_RE.search(text, start, end):
                break  # "U.S." keeps its last dot
            end -= 1
        m = _LEADING_THE_RE.match(text, start, end)
        if m:
            start = m.end()
        m = _TRAILING_POSSESSIVE_RE.search(text, start, end)
        if m:
            end = m.start()
        if (start, end) == before:
            return start, end


def _strip_leading_titles(text: str, start: int, end: int) -> int:
    """Move ``start`` past leading titles ("President", "Gen.", "Secretary of State")."""
    by_first = titles_by_first_word()
    while True:
        words = list(_WORD_RE.finditer(text, start, end))
        if len(words) < 2:
            return start
        norms = [normalize_name(w.group()) for w in words]
        moved = False
        for title in by_first.get(norms[0], ()):
            k = len(title)
            if k < len(words) and tuple(norms[:k]) == title:
                start = words[k].start()
                moved = True
                break
        if not moved:
            return start


@functools.lru_cache(maxsize=1)
def _generic_heads() -> frozenset[str]:
    return frozenset(w for _t, heads in load_lexicon().type_heads for w in heads)


def _preceded_by_place_of(text: str, start: int) -> bool:
    """"the border city of al-Qaim": a name after "<place word> of" is a place."""
    before = text[max(0, start - 30): start].lower().split()
    return len(before) >= 2 and before[-1] == "of" and normalize_name(before[-2]) in load_lexicon().place_heads


def _followed_by_title(text: str, end: int) -> bool:
    """"House Speaker Nancy Pelosi": an unknown one-word ORG that only qualifies a title."""
    nxt = _next_words(text, end, 1)
    return bool(nxt) and nxt in load_lexicon().title_words


def _next_words(text: str, end: int, n: int = 2) -> str:
    return " ".join(normalize_name(m.group()) for m, _ in zip(_WORD_RE.finditer(text, end, min(len(text), end + 40)), range(n)))


def _followed_by_place_head(text: str, end: int) -> bool:
    heads = load_lexicon().place_heads
    nxt = _next_words(text, end, 2)
    if not nxt:
        return False
    first = nxt.split()[0]
    return first in heads or nxt in heads


def _preceded_by_title_of(text: str, start: int) -> bool:
    """"Secretary of State", "Minister of Defense": the ORG is part of a title."""
    before = text[max(0, start - 40): start].lower().split()
    return len(before) >= 2 and before[-1] == "of" and normalize_name(before[-2]) in load_lexicon().title_words


def _capital_as_actor(ent) -> bool:
    """Whether a capital city is used as an actor in its sentence."""
    root = ent.root
    if root.dep_ in _ACTOR_DEPS:
        return root.head.pos_ in ("VERB", "AUX")
    if root.dep_ == "pobj" and root.head.lower_ in _ACTOR_PREPS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
        return True
    return False


def _resolve_org(actors: ActorDictionary, text: str, start: int, end: int) -> tuple[int, int, Optional[Actor], str]:
    """Look an ORG span up; if unknown, try without trailing title words
    ("Pentagon Press [Secretary]" -> "Pentagon")."""
    key = normalize_name(text[start:end])
    actor = actors.lookup(key)
    if actor is not None:
        return start, end, actor, key
    words = list(_WORD_RE.finditer(text, start, end))
    title_words = load_lexicon().title_words
    while len(words) > 1 and normalize_name(words[-1].group()) in title_words:
        words.pop()
        s2, e2 = _trim(text, start, words[-1].end())
        k2 = normalize_name(text[s2:e2])
        a2 = actors.lookup(k2)
        if a2 is not None:
            return s2, e2, a2, k2
    return start, end, None, key


class _Cand:
    __slots__ = ("start", "end", "label", "type", "key", "actor", "from_ner")

    def __init__(self, start, end, label, type_, key, actor, from_ner):
        self.start, self.end, self.label, self.type = start, end, label, type_
        self.key, self.actor, self.from_ner = key, actor, from_ner


def extract_entity_mentions(spacy_doc, article: Article, actors: ActorDictionary) -> list[EntityMention]:
    """Named actors in one parsed article, with original offsets (see module doc)."""
    text = spacy_doc.text
    cands: list[_Cand] = []
    persons: list[_Cand] = []
    pending_single: list[_Cand] = []  # unknown one-word ORG/GPE: maybe a person's surname

    for ent in spacy_doc.ents:
        label = ent.label_
        if label not in ACTOR_LABELS:
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if start >= end:
            continue
        if "\n" in text[start:end] or _preceded_by_place_of(text, start):
            continue  # a span across lines is a run-together headline; "city of X" is a place
        if label == "PERSON":
            key = normalize_name(text[start:end])
            actor = actors.lookup(key, variants=False)  # a person's name is no spelling variant of a group's
            if actor is not None and actor.type != "COUNTRY":
                cands.append(_Cand(start, end, label, actor.type, key, actor, True))
                continue
            start = _strip_leading_titles(text, start, end)
            pkey = person_key(text[start:end])
            if not pkey:
                continue
            c = _Cand(start, end, label, "PERSON", pkey, None, True)
            cands.append(c)
            persons.append(c)
        elif label == "ORG":
            if _preceded_by_title_of(text, start):
                continue
            s, e, actor, key = _resolve_org(actors, text, start, end)
            if actor is not None:
                cands.append(_Cand(s, e, label, actor.type, key, actor, True))
                continue
            if not key or _followed_by_place_head(text, end):
                continue
            if " " not in key and (key in _generic_heads() or _followed_by_title(text, end)):
                continue  # "the Brigades", "House [Speaker]": not a name on its own
            c = _Cand(start, end, label, head_type(key), key, None, True)
            cands.append(c)
            if " " not in key:
                pending_single.append(c)
        elif label == "NORP":
            key = normalize_name(text[start:end])
            actor = actors.lookup(key)
            if actor is not None and actor.type != "COUNTRY":
                cands.append(_Cand(start, end, label, actor.type, key, actor, True))
        else:  # GPE
            key = normalize_name(text[start:end])
            actor = actors.lookup(key)
            if actor is not None:
                cands.append(_Cand(start, end, label, actor.type, key, actor, True))
                continue
            gov = actors.capitals.get(key)
            if gov is not None:
                if _capital_as_actor(ent):
                    cands.append(_Cand(start, end, label, "GOVERNMENT", key, actors.actors[gov], True))
                continue
            if " " not in key:
                pending_single.append(_Cand(start, end, label, "OTHER", key, None, True))

    # one-word unknown ORG/GPE that is a person's surname in this article: a person
    if pending_single:
        surnames = {skeleton_word(surname(p.key)) for p in persons}
        pending_ids = {id(c) for c in pending_single}
        cands = [c for c in cands if id(c) not in pending_ids]
        for c in pending_single:
            if skeleton_word(c.key) in surnames:
                c.type = "PERSON"
                cands.append(c)
            elif c.label == "ORG":
                cands.append(c)

    for s, e, aid, key in scan_aliases(_Words(text), actors):
        s, e = _trim(text, s, e)
        a = actors.actors[aid]
        cands.append(_Cand(s, e, "DICT", a.type, key, a, False))

    # overlaps: the longer span wins ("Los Angeles Times" over the dictionary's
    # "Times"), then the dictionary-backed one, then NER's, then the earlier
    cands.sort(key=lambda c: (-(c.end - c.start), c.actor is None, not c.from_ner, c.start))
    taken = bytearray(len(text) + 1)
    kept: list[_Cand] = []
    for c in cands:
        if c.start >= c.end or taken.find(1, c.start, c.end) != -1:
            continue
        taken[c.start: c.end] = b"\x01" * (c.end - c.start)
        kept.append(c)
    kept.sort(key=lambda c: (c.start, c.end))

    doc_id = article.id
    src = article.text
    out: list[EntityMention] = []
    prev: Optional[_Cand] = None
    for c in kept:
        span = Span(doc_id, c.start, c.end, src[c.start: c.end])
        m = EntityMention(span=span, label=c.label, type=c.type, key=c.key)
        if c.actor is not None:
            m.entity = c.actor.id
        elif c.type == "PERSON" and prev is not None and prev.actor is not None and _only_titles(text[prev.end: c.start]):
            m.affiliation = prev.actor.id  # "Pentagon spokesman John Kirby"
        out.append(m)
        prev = c
    return out


_GAP_RE = re.compile(r"[\s.\-]*")


def _only_titles(gap: str) -> bool:
    """Whether the text between an actor and a person is nothing but a title."""
    words = [normalize_name(w.group()) for w in _WORD_RE.finditer(gap)]
    if not words or len(words) > 5:
        return False
    if _GAP_RE.fullmatch(_WORD_RE.sub("", gap)) is None:
        return False
    return all(w in load_lexicon().title_words for w in words)
