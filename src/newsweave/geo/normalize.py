"""Name keys for toponym matching.

News spells one place many ways ("Deir ez-Zor", "Deir Ezzor", "Deir al-Zour",
"Dayr az Zawr"; "Irbil"/"Erbil"; "Qaim"/"al-Qa'im").  Rather than fuzzy-matching
against every gazetteer name, each name gets two cheap keys:

* ``name_key``: transliterated, lower-cased, punctuation-free, Arabic-style
  articles dropped, doubled letters and a final "-ah" folded.  Equal keys are
  treated as an exact match.
* ``skeleton``: the key without vowels (and y/w/h, which transliterations add or
  drop freely).  It only *blocks* candidates for a fuzzy comparison of keys; it is
  never a match by itself.
"""
from __future__ import annotations

import functools
import re
from importlib import resources

from unidecode import unidecode

from newsweave.data import safe_load as _yaml_load


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    """The geocoder's word lists (``data/geo_lexicon.yaml``), loaded once."""
    text = resources.files("newsweave").joinpath("data/geo_lexicon.yaml").read_text(encoding="utf-8")
    data = _yaml_load(text)
    return {
        "articles": frozenset(data["articles"]),
        "admin_words": frozenset(data["admin_words"]),
        "not_places": frozenset(data["not_places"]),
        "facility_words": frozenset(data["facility_words"]),
        "place_heads": frozenset(data["place_heads"]),
        "direction_words": frozenset(data["direction_words"]),
        "dateline_stop": frozenset(data["dateline_stop"]),
        "place_org_suffixes": tuple(data["place_org_suffixes"]),
        "name_abbreviations": dict(data.get("name_abbreviations") or {}),
        "street_words": frozenset(data.get("street_words") or ()),
        "quarter_words": frozenset(data.get("quarter_words") or ()),
        "place_prepositions": frozenset(data.get("place_prepositions") or ()),
        "force_stop": frozenset(data.get("force_stop") or ()),
        "place_elsewhere_heads": frozenset(data.get("place_elsewhere_heads") or ()),
        "institution_heads": frozenset(data.get("institution_heads") or ()),
        "force_name_tails": frozenset(data.get("force_name_tails") or ()),
        "headline_skip": frozenset(data.get("headline_skip") or ()),
    }


_APOSTROPHES = re.compile(r"['’‘`ʿʾ´]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"([a-z])\1+")
_SKEL_DROP = re.compile(r"[aeiouyhw]")


def words(name: str) -> list[str]:
    """Lower-case ASCII words of a name, apostrophes removed ("Qa'im" -> "qaim")."""
    text = name if name.isascii() else unidecode(name)
    text = _APOSTROPHES.sub("", text.lower())
    return [w for w in _NON_WORD.split(text) if w]


def strip_articles(tokens: list[str]) -> list[str]:
    """Drop articles that precede another word: ["deir", "ez", "zor"] -> ["deir", "zor"]."""
    arts = lexicon()["articles"]
    if len(tokens) < 2:
        return tokens
    out = [w for i, w in enumerate(tokens) if not (w in arts and i + 1 < len(tokens))]
    return out or tokens


def _fold(word: str) -> str:
    word = _DOUBLE.sub(r"\1", word)
    if len(word) > 4 and word.endswith("ah"):
        word = word[:-1]
    return word


def key_of_words(tokens: list[str]) -> str:
    if len(tokens) > 1:  # "St. Louis" and "Saint Louis" share a key; a bare "St" stays
        abbr = lexicon()["name_abbreviations"]
        tokens = [abbr.get(w, w) for w in tokens]
    return "".join(_fold(w) for w in strip_articles(tokens))


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The match key of a name: "Deir ez-Zor" -> "deirzor", "al-Qa'im" -> "qaim"."""
    return key_of_words(words(name))


def skeleton(key: str) -> str:
    """Consonant skeleton of a key, doubled letters folded: "deirezor" -> "drzr"."""
    return _DOUBLE.sub(r"\1", _SKEL_DROP.sub("", key))


@functools.lru_cache(maxsize=65536)
def admin_stripped(name: str) -> tuple[str, bool]:
    """The key of a name without admin words ("Irbil province" -> "irbil", True)."""
    tokens = words(name)
    admin = lexicon()["admin_words"]
    kept = [w for w in tokens if w not in admin]
    if kept and len(kept) < len(tokens):
        return key_of_words(kept), True
    return key_of_words(tokens), False


@functools.lru_cache(maxsize=1)
def _address_pattern() -> re.Pattern:
    """A street address: a house number or "the 1700 block of", a direction perhaps,
    one to three capitalised words and a street word of the lexicon ("4030 Dixie Hwy.",
    "the 1700 block of S. Yale Avenue", "2200 block of Falling Oaks Road")."""
    words = sorted(lexicon()["street_words"], key=len, reverse=True)
    return re.compile(
        r"\b\d{1,5}(?:[ \t]+block[ \t]+of)?[ \t]+(?:(?i:north|south|east|west)[ \t]+|[NSEW]\.?[ \t]+)?"
        r"(?P<name>(?:[A-Z][\w'’-]*[ \t]+){1,3}?)"
        rf"(?i:{'|'.join(re.escape(w) for w in words)})\b")


@functools.lru_cache(maxsize=65536)
def streets_named(text: str) -> frozenset[str]:
    """The streets of the addresses a sentence gives, by name without number,
    direction or street word: "at 4030 Dixie Hwy." gives "dixie", "the 7100 block of
    West Cavett Drive" gives "cavett" (cached: every mention of a sentence asks)."""
    return frozenset(" ".join(m.group("name").lower().split()) for m in _address_pattern().finditer(text))
