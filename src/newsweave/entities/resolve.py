"""Cross-document entity resolution: mentions -> entities.

Order-independent by construction: every grouping decision depends on the *set* of
mentions (union-find over sorted keys, counts, lexicographic tie-breaks), never on
the order documents arrive in, so the same input set gives the same entities.

Rules, in order:

1. **Dictionary actors.**  A mention the extractor tied to a dictionary actor (or
   whose key the dictionary knows) joins that actor.  Two dictionary actors are never
   merged, whatever their names look like.
2. **People.**  Full names (given name + surname) join when ``same_person`` holds:
   surnames with one transliteration skeleton (Kadhimi / Kazemi), given names that do
   not contradict (Antony / Anthony).  Candidates are blocked by surname skeleton, and
   a fuzzy pass (rapidfuzz, within the block of the surname's first letter) joins
   remaining spelling slips above a calibrated threshold.
3. **Surnames alone** ("Kirby", "Gen. Soleimani" -> "Soleimani", or initials) join the
   one full name in the same document that fits; if the document has none, the one
   full name across all documents that fits; if several fit, they stay apart.
4. **Other names** (organisations NER found that the dictionary lacks) join on equal
   alias key or, for names of two words or more, equal transliteration skeleton.

Ids: a dictionary actor keeps its dictionary id (``kataib-hezbollah``,
``united-states-defense-ministry``, ``iraq``); a person is ``person:`` + the slug of
the canonical name (``person:antony-blinken``); any other actor is ``org:`` + slug.
The canonical name of a person is the longest form seen, then the most frequent, then
the first alphabetically.  If two groups would get one id, the one whose sorted keys
come first keeps it and the next gets ``-2``, ``-3``, ...
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, Optional

from rapidfuzz import fuzz, process

from newsweave.entities.actors import ActorDictionary
from newsweave.entities.normalize import (
    compact_skeleton,
    normalize_name,
    person_key,
    skeleton,
    same_person_keys,
    skeleton_word,
    slug,
    split_name,
    surname,
    _given_names_match,
)
from newsweave.records import DocAnalysis, Entity, EntityMention

# Surnames whose skeletons differ join only above this rapidfuzz ratio (and only if
# the given names agree).  Calibrated on pairs: Khatibzadeh/Khatibzade 95,
# Clinton/Clinten 86, Kirby/Kerry 60, Marotto/Marrotto 93: 90 joins slips of one
# letter in long names and keeps different short names apart.
SURNAME_FUZZY_RATIO = 90.0
_LEADING_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)
FUZZY_MIN_LENGTH = 6
# A surname alone joins a full name whose surname has its skeleton only if the two
# spellings are also this close (Qasem/Qassem 91, Soleimani/Suleimani 89,
# Michael/Mikel 67, Kadhimi/Kazemi 62: a lone variant spelling stays apart).
SURNAME_ONLY_RATIO = 75.0


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller root wins: the result does not depend on the call order
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def all_mentions(analyses: Iterable[DocAnalysis]) -> list[EntityMention]:
    """Every EntityMention object reachable from the analyses, each once."""
    seen: set[int] = set()
    out: list[EntityMention] = []

    def add(m: Optional[EntityMention]) -> None:
        if m is not None and id(m) not in seen:
            seen.add(id(m))
            out.append(m)

    for a in analyses:
        for m in a.entities:
            add(m)
        for ev in a.events:
            for m in ev.actors:
                add(m)
            for m in ev.targets:
                add(m)
        for c in a.claims:
            add(c.attributed_mention)
            add(c.value_mention)
    return out


def _mention_key(m: EntityMention) -> str:
    return m.key or (person_key(m.span.text) if m.type == "PERSON" else "")


def _is_full(key: str) -> bool:
    given, _surname, _suffix = split_name(key)
    return bool(given) and len(given[0]) >= 2


def resolve_entities(analyses: list[DocAnalysis], actors: ActorDictionary) -> list[Entity]:
    """Group every mention of every document into entities and set ``mention.entity``."""
    mentions = all_mentions(analyses)
    groups: dict[str, list[EntityMention]] = defaultdict(list)  # group id -> mentions
    dict_groups: set[str] = set()
    persons: list[EntityMention] = []
    others: list[EntityMention] = []

    for m in mentions:
        actor = actors.get(m.entity) if m.entity in actors.actors else None
        if actor is None:
            key = _mention_key(m)
            found = actors.lookup(key)
            if found is not None and not (m.type == "PERSON" and found.type == "COUNTRY"):
                actor = found
        if actor is not None:
            groups[actor.id].append(m)
            dict_groups.add(actor.id)
        elif m.type == "PERSON":
            persons.append(m)
        else:
            others.append(m)

    person_groups = _group_persons(persons)
    other_groups = _group_others(others)

    entities: list[Entity] = []
    for aid in sorted(dict_groups):
        actor = actors.actors[aid]
        ms = groups[aid]
        entities.append(_entity(aid, actor.name, actor.type, actor.affiliation, ms))

    used: set[str] = set(dict_groups)
    for prefix, grouped in (("person", person_groups), ("org", other_groups)):
        # deterministic order: by canonical slug, then by the group's sorted keys
        named = []
        for ms in grouped:
            name = _canonical(ms, person=prefix == "person")
            typ = "PERSON" if prefix == "person" else _majority_type(ms)
            named.append((slug(name), tuple(sorted({_mention_key(m) for m in ms})), name, typ, ms))
        named.sort(key=lambda t: (t[0], t[1]))
        for s, _keys, name, typ, ms in named:
            eid = f"{prefix}:{s}"
            n = 2
            while eid in used:
                eid = f"{prefix}:{s}-{n}"
                n += 1
            used.add(eid)
            entities.append(_entity(eid, name, typ, _affiliation(ms, actors), ms))
    entities.sort(key=lambda e: e.id)
    return entities


def _entity(eid: str, name: str, typ: str, affiliation: Optional[str], ms: list[EntityMention]) -> Entity:
    ms = sorted(ms, key=lambda m: (m.span.doc, m.span.start, m.span.end))
    for m in ms:
        m.entity = eid
    aliases = sorted({m.span.text for m in ms})
    spans, seen = [], set()
    for m in ms:
        k = (m.span.doc, m.span.start, m.span.end)
        if k not in seen:
            seen.add(k)
            spans.append(m.span)
    return Entity(id=eid, name=name, type=typ, aliases=aliases, affiliation=affiliation, mentions=spans)


def _affiliation(ms: list[EntityMention], actors: ActorDictionary) -> Optional[str]:
    """The dictionary actor the mentions' titles tie them to most often."""
    counts = Counter(m.affiliation for m in ms if m.affiliation and m.affiliation in actors.actors)
    return min(counts, key=lambda a: (-counts[a], a)) if counts else None


def _canonical(ms: list[EntityMention], person: bool = False) -> str:
    """The fullest name (most words in its key), then the commonest, then the first
    alphabetically; without a leading "the"."""
    counts = Counter(_LEADING_THE_RE.sub("", " ".join(m.span.text.split())) for m in ms)
    keyf = person_key if person else normalize_name
    return min(counts, key=lambda t: (-len(keyf(t).split()), -counts[t], t.casefold(), t))


def _majority_type(ms: list[EntityMention]) -> str:
    counts = Counter(m.type for m in ms)
    return min(counts, key=lambda t: (-counts[t], t))


# --------------------------------------------------------------------------- people


def _group_persons(persons: list[EntityMention]) -> list[list[EntityMention]]:
    uf = _UnionFind()
    full_keys: set[str] = set()
    by_doc_full: dict[str, set[str]] = defaultdict(set)
    for m in persons:
        key = _mention_key(m)
        if _is_full(key):
            full_keys.add(key)
            by_doc_full[m.span.doc].add(key)

    # 2. full names: block by surname skeleton (and by whole-name skeleton, for
    # compound surnames), join pairs that are the same person
    by_surname: dict[str, list[str]] = defaultdict(list)
    blocks: dict[str, list[str]] = defaultdict(list)
    for k in sorted(full_keys):
        sk = skeleton_word(surname(k))
        by_surname[sk].append(k)
        blocks[sk].append(k)
        blocks["~" + compact_skeleton(k)].append(k)
    for keys in blocks.values():
        for i, a in enumerate(keys):
            uf.find(a)
            for b in keys[i + 1:]:
                if same_person_keys(a, b):
                    uf.union(a, b)
    # fuzzy pass: surnames of different skeletons but close spelling, compared in C
    # (rapidfuzz cdist) within the block of their first letter
    by_name: dict[str, list[str]] = defaultdict(list)
    for k in sorted(full_keys):
        sn = surname(k)
        if len(sn) >= FUZZY_MIN_LENGTH:
            by_name[sn].append(k)
    letter_blocks: dict[str, list[str]] = defaultdict(list)
    for sn in sorted(by_name):
        letter_blocks[sn[:1]].append(sn)
    for names in letter_blocks.values():
        if len(names) < 2:
            continue
        scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=SURNAME_FUZZY_RATIO)
        for i, j in zip(*scores.nonzero()):
            if i >= j:
                continue
            for a in by_name[names[i]]:
                ga, _sa, xa = split_name(a)
                for b in by_name[names[j]]:
                    gb, _sb, xb = split_name(b)
                    if (xa and xb and xa != xb) or not ga or not gb:
                        continue
                    if _given_names_match(ga, gb):
                        uf.union(a, b)

    def fits(partial: str, full: str) -> bool:
        if not same_person_keys(partial, full):
            return False
        # a lone word is a weaker clue than a full name: its spelling must be close
        # too (Michael is not Mikel), not only its skeleton
        ps, fs = surname(partial), surname(full)
        return ps == fs or fuzz.ratio(ps, fs) >= SURNAME_ONLY_RATIO

    def unique_cluster(partial: str, candidates: Iterable[str]) -> tuple[Optional[str], bool]:
        """(the one cluster the partial name fits, whether any fits at all)."""
        roots = {uf.find(k) for k in candidates if fits(partial, k)}
        return (next(iter(roots)) if len(roots) == 1 else None), bool(roots)

    groups: dict[str, list[EntityMention]] = defaultdict(list)
    for m in persons:
        key = _mention_key(m)
        if not key:
            continue
        if _is_full(key):
            groups[uf.find(key)].append(m)
            continue
        # 3. surname alone (or initials): same document first, then all documents
        sk = skeleton_word(surname(key))
        in_doc = [k for k in by_surname.get(sk, ()) if k in by_doc_full.get(m.span.doc, ())]
        root, any_fit = unique_cluster(key, in_doc)
        if root is None and not any_fit:
            root, _ = unique_cluster(key, by_surname.get(sk, ()))
        groups[root if root is not None else "?" + key].append(m)
    return [groups[k] for k in sorted(groups)]


# --------------------------------------------------------------------------- others


def _group_others(others: list[EntityMention]) -> list[list[EntityMention]]:
    uf = _UnionFind()
    keys = sorted({_mention_key(m) for m in others if _mention_key(m)})
    by_skel: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        uf.find(k)
        if " " in k:
            by_skel[skeleton(k)].append(k)
    for ks in by_skel.values():
        for k in ks[1:]:
            uf.union(ks[0], k)
    groups: dict[str, list[EntityMention]] = defaultdict(list)
    for m in others:
        k = _mention_key(m)
        if k:
            groups[uf.find(k)].append(m)
    return [groups[k] for k in sorted(groups)]
