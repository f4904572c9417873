"""Alias keys for actor names, and the rules for "same person".

Outlets spell one actor many ways: case, apostrophes (Kata'ib / Kataib / Kata’ib),
diacritics, hyphens, Arabic particles (al-, el-, ad-), titles ("Prime Minister",
"Col."), possessives, and competing romanisations (Kadhimi / Kazemi, Qasem / Qassem).
Two keys absorb that:

* ``normalize_name`` -- the *alias key*: ASCII, lower case, no punctuation, no
  particles or leading article.  Two surface forms with the same key are the same
  name; the actor dictionary is indexed by it.
* ``skeleton`` -- the *transliteration key* of a key: romanisation variants folded
  and vowels dropped after the first letter.  Equal skeletons mean "possibly the same
  name"; it is used as a blocking key and, for surnames, as the test for variants.

Everything here is pure (no model, no spaCy) and unit-tested on its own.  The word
lists (titles, transliteration rules) are data: ``data/entities_lexicon.yaml``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
import yaml
from rapidfuzz import fuzz
from unidecode import unidecode

LEXICON_FILE = "entities_lexicon.yaml"
# libyaml's safe loader when PyYAML was built with it: the same data, several times faster
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Arabic article and its assimilated forms, only when written joined by a hyphen
# ("ad-Din", "ash-Sham"); "al"/"el" are dropped also as separate words ("Al Jazeera").
_PARTICLE_HYPHEN_RE = re.compile(r"\b(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|ur|adh|ath)-(?=[a-z])")
_POSSESSIVE_RE = re.compile(r"'s\b|(?<=s)'(?=\s|$)")
_APOSTROPHE_RE = re.compile(r"['`]")
_NON_WORD_RE = re.compile(r"[^a-z0-9]+")
DROP_WORDS = frozenset({"the", "al", "el"})
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``data/entities_lexicon.yaml``, ready to use."""

    titles: tuple[tuple[str, ...], ...]  # normalised title phrases, longest first
    title_words: frozenset[str]
    not_names: frozenset[str]
    type_heads: tuple[tuple[str, frozenset[str]], ...]
    place_heads: frozenset[str]
    transliteration: tuple[tuple[str, str], ...]


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the entity word lists once per process."""
    path = resources.files("newsweave.data").joinpath(LEXICON_FILE)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:  # pragma: no cover - packaging error
        raise RuntimeError(f"cannot read the entity lexicon {LEXICON_FILE}: {exc}") from exc
    titles = {tuple(_basic_key(t).split()) for t in raw["titles"]}
    titles.discard(())
    ordered = tuple(sorted(titles, key=lambda t: (-len(t), t)))
    return Lexicon(
        titles=ordered,
        title_words=frozenset(w for t in ordered for w in t),
        not_names=frozenset(raw.get("not_names", [])),
        type_heads=tuple((typ, frozenset(_basic_key(w) for w in words)) for typ, words in raw["type_heads"].items()),
        place_heads=frozenset(_basic_key(w) for w in raw["place_heads"]),
        transliteration=tuple((a, b) for a, b in raw["transliteration"]),
    )


def _basic_key(text: str) -> str:
    """ASCII, lower case, possessives and apostrophes removed, punctuation to spaces."""
    t = unidecode(text).lower()
    t = _POSSESSIVE_RE.sub("", t)
    t = _APOSTROPHE_RE.sub("", t).replace(".", "")
    t = _PARTICLE_HYPHEN_RE.sub("", t)
    return " ".join(_NON_WORD_RE.sub(" ", t).split())


@functools.lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """The alias key of a name.

    >>> normalize_name("the Kata’ib Hezbollah's")
    'kataib hezbollah'
    >>> normalize_name("Mustafa Al-Kadhimi") == normalize_name("mustafa al kadhimi")
    True
    >>> normalize_name("U.S.")
    'us'
    """
    return " ".join(w for w in _basic_key(text).split() if w not in DROP_WORDS)


def strip_titles(key: str) -> str:
    """Drop leading titles and ranks from an alias key ("us secretary of state antony
    blinken" keeps "us ..." because a demonym is not a title; "col wayne marotto" ->
    "wayne marotto").  A key made only of titles comes back empty."""
    words = key.split()
    by_first = titles_by_first_word()
    changed = True
    while words and changed:
        changed = False
        for t in by_first.get(words[0], ()):
            if tuple(words[: len(t)]) == t:
                words = words[len(t):]
                changed = True
                break
    return " ".join(words)


@functools.lru_cache(maxsize=1)
def titles_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Title phrases indexed by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for t in load_lexicon().titles:
        out.setdefault(t[0], []).append(t)
    return {k: tuple(v) for k, v in out.items()}


def person_key(text: str) -> str:
    """Alias key of a person's name: normalised, titles stripped (a generational
    suffix such as "jr" stays: James Glass Jr and James Glass Sr are two people)."""
    words = strip_titles(normalize_name(text)).split()
    while words and words[0] in NAME_SUFFIXES:
        words = words[1:]
    if not words or all(w in load_lexicon().not_names or w in NAME_SUFFIXES for w in words):
        return ""
    return " ".join(words)


def split_name(key: str) -> tuple[list[str], str, str]:
    """(given names, surname, suffix) of a person key."""
    words = key.split()
    suffix = ""
    if len(words) > 1 and words[-1] in NAME_SUFFIXES:
        suffix = words.pop()
    if not words:
        return [], "", suffix
    return words[:-1], words[-1], suffix


def surname(key: str) -> str:
    """The family name of a person key (its last word before any suffix)."""
    return split_name(key)[1]


@functools.lru_cache(maxsize=65536)
def skeleton_word(word: str) -> str:
    """Transliteration skeleton of one normalised word.

    Romanisation variants are folded (data: ``transliteration``), a final ``h`` after
    a vowel is dropped (-ah/-a, -eh/-e), a leading vowel becomes ``a`` (Ebrahim /
    Ibrahim), the first vowel after the first letter is kept as its class (a; e/i;
    o/u: Soleimani / Suleimani, Kadhimi / Kazemi) so that Joyce and Jack differ, every
    later vowel is dropped and doubled letters collapse.
    """
    if not word:
        return ""
    w = word
    for a, b in load_lexicon().transliteration:
        w = w.replace(a, b)
    if len(w) > 2 and w.endswith("h") and w[-2] in _VOWELS:
        w = w[:-1]
    first = "a" if w[0] in _VOWELS else w[0]
    out = [first]
    vowel_seen = w[0] in _VOWELS
    for ch in w[1:]:
        if ch in _VOWELS:
            if not vowel_seen:
                vowel_seen = True
                out.append(_VOWEL_CLASS[ch])
            continue
        if ch == "h" and out[-1] in "sktzgdfp":
            continue
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


_VOWEL_CLASS = {"a": "a", "e": "i", "i": "i", "y": "i", "o": "u", "u": "u"}


def skeleton(key: str) -> str:
    """Transliteration skeleton of an alias key, word by word."""
    return " ".join(skeleton_word(w) for w in key.split())


def compact_skeleton(key: str) -> str:
    """Skeleton of the key with its word breaks removed ("khatib zadeh" = "khatibzadeh")."""
    return skeleton_word(key.replace(" ", ""))


def _given_names_match(a: list[str], b: list[str]) -> bool:
    """Given names (all words but the surname) agree: one side has none, or the first
    given names are transliteration variants, or one is the other's initial."""
    if not a or not b:
        return True
    x, y = a[0], b[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    if skeleton_word(x) == skeleton_word(y):
        return True
    return fuzz.ratio(x, y) >= GIVEN_NAME_RATIO


# Calibrated on name pairs: Antony/Anthony 92, Mohammad/Mohammed 88, Qasem/Qassim 73
# (caught by the skeleton), John/Joan 75, Joe/Jon 67: 85 keeps different given
# names apart while the skeleton folds the romanisation variants.
GIVEN_NAME_RATIO = 85.0


def same_person(a: str, b: str) -> bool:
    """Whether two person names can denote the same person.

    Surnames must be transliteration variants (equal skeletons, or equal skeletons
    once word breaks are ignored for compound surnames); given names must not
    contradict each other.  A surname alone matches any full name with that surname:
    whether that join is safe (unambiguous) is the caller's decision.

    >>> same_person("Mustafa al-Kadhimi", "Mustafa Al-Kazemi")
    True
    >>> same_person("Kadhimi", "Mustafa al-Kadhimi")
    True
    >>> same_person("Joe Biden", "Hunter Biden")
    False
    """
    ka, kb = person_key(a), person_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    return same_person_keys(ka, kb)


def same_person_keys(ka: str, kb: str) -> bool:
    """``same_person`` over person keys."""
    ga, sa, xa = split_name(ka)
    gb, sb, xb = split_name(kb)
    if not sa or not sb or (xa and xb and xa != xb):
        return False
    if skeleton_word(sa) != skeleton_word(sb):
        bare_a, bare_b = " ".join(ga + [sa]), " ".join(gb + [sb])
        return bool(ga) and bool(gb) and compact_skeleton(bare_a) == compact_skeleton(bare_b) and ga[0] == gb[0]
    return _given_names_match(ga, gb)


def head_type(key: str, default: str = "ORGANIZATION") -> str:
    """The entity type an unknown organisation's name suggests by its head words."""
    words = key.split()
    if not words:
        return default
    last = words[-1]
    for typ, heads in load_lexicon().type_heads:
        if last in heads:
            return typ
    for typ, heads in load_lexicon().type_heads:
        if words[0] in heads and typ == "ARMED_GROUP":
            return typ
    return default


def slug(text: str) -> str:
    """A readable id fragment from a name ("Antony Blinken" -> "antony-blinken",
    "The Netherlands" -> "netherlands")."""
    words = _basic_key(text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "-".join(words) or "unnamed"
