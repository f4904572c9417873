"""The words of time expressions, loaded once from ``data/time_lexicon.yaml``.

Month and weekday names, spelled-out numbers, deictic and anaphoric day phrases,
holidays and seasons are data, not code: the resolver and the finder build their
regular expressions from this one object, so extending the vocabulary never means
touching the rules.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from newsweave.data import safe_load as _yaml_load


LEXICON_FILE = "time_lexicon.yaml"

_POSSESSIVE = re.compile(r"'s\b|s'(?=\s|$)")
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def normalise(text: str) -> str:
    """Lower-case, straighten quotes and dashes, drop possessives, squeeze spaces.

    The same normalisation is applied to lexicon entries and to the expressions
    being resolved, so both sides always compare equal.
    """
    t = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ").lower()
    t = _DASHES.sub("-", t)
    t = _POSSESSIVE.sub(lambda m: "s" if m.group(0).startswith("s") else "", t)
    return _SPACES.sub(" ", t).strip(" \t\n,;:()[]{}\"'")


def alternation(words: list[str] | Any) -> str:
    """A regex alternation of literal phrases, longest first (so "sept" beats "sep")."""
    items = sorted({w for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    vague_numbers: tuple[str, ...]
    day_parts: tuple[str, ...]
    deictic_days: dict[str, int]
    anaphoric_days: dict[str, int]
    holidays_fixed: dict[str, tuple[int, int]]
    holidays_nth_weekday: dict[str, tuple[int, int, int]]
    easter_offsets: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    future_auxiliaries: frozenset[str]
    future_words: frozenset[str]
    vague_time_words: frozenset[str]
    procedure_verbs: frozenset[str] = frozenset()  # every form of the verbs that date their own act
    street_suffixes: tuple[str, ...] = ()  # "St.", "Avenue": a number before a street name is an address
    small_hours: tuple[str, ...] = ()  # "early Sunday", "after midnight": the first hours of the day named
    late_night: tuple[str, ...] = ()  # "Saturday night", "late Saturday": the last hours of the day named
    night_spanning: tuple[str, ...] = ()  # "overnight": the night across midnight, dated to its later day
    verdict_verbs: frozenset[str] = frozenset()  # every form of "find", which a verdict word makes a verdict
    verdict_words: frozenset[str] = frozenset()  # "found guilty": "found" telling a verdict
    procedure_nouns: frozenset[str] = frozenset()  # "a Monday morning news conference": dates the conference
    clocked_report_verbs: frozenset[str] = frozenset()  # "said around 7 p.m. Tuesday the man ...": the clause's time
    surrender_verbs: frozenset[str] = frozenset()  # every form of "turn", which "himself in" makes a surrender
    surrender_particles: frozenset[str] = frozenset()
    reflexives: frozenset[str] = frozenset()
    court_verbs: frozenset[str] = frozenset()  # every form of the court's steps ("convicted", "sentenced")


def _norm_keys(d: dict[str, Any]) -> dict[str, Any]:
    return {normalise(str(k)): v for k, v in d.items()}


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the packaged lexicon once per process."""
    with resources.files("newsweave.data").joinpath(LEXICON_FILE).open("r", encoding="utf-8") as fh:
        raw = _yaml_load(fh)
    return Lexicon(
        months=_norm_keys(raw["months"]),
        weekdays=_norm_keys(raw["weekdays"]),
        numbers=_norm_keys(raw["numbers"]),
        vague_numbers=tuple(normalise(v) for v in raw["vague_numbers"]),
        day_parts=tuple(normalise(v) for v in raw["day_parts"]),
        deictic_days=_norm_keys(raw["deictic_days"]),
        anaphoric_days=_norm_keys(raw["anaphoric_days"]),
        holidays_fixed={k: tuple(v) for k, v in _norm_keys(raw["holidays_fixed"]).items()},
        holidays_nth_weekday={k: tuple(v) for k, v in _norm_keys(raw["holidays_nth_weekday"]).items()},
        easter_offsets=_norm_keys(raw["easter_offsets"]),
        seasons={k: tuple(v) for k, v in _norm_keys(raw["seasons"]).items()},
        future_auxiliaries=frozenset(normalise(v) for v in raw["future_auxiliaries"]),
        future_words=frozenset(normalise(v) for v in raw["future_words"]),
        vague_time_words=frozenset(normalise(v) for v in raw["vague_time_words"]),
        procedure_verbs=_verb_forms(raw.get("procedure_verbs") or {}),
        street_suffixes=tuple(normalise(str(v)) for v in raw.get("street_suffixes") or []),
        small_hours=tuple(normalise(str(v)) for v in raw.get("small_hours") or []),
        late_night=tuple(normalise(str(v)) for v in raw.get("late_night") or []),
        night_spanning=tuple(normalise(str(v)) for v in raw.get("night_spanning") or []),
        verdict_verbs=_verb_forms(raw.get("verdict_verbs") or {}),
        verdict_words=frozenset(normalise(str(v)) for v in raw.get("verdict_words") or []),
        procedure_nouns=frozenset(normalise(str(v)) for v in raw.get("procedure_nouns") or []),
        clocked_report_verbs=_verb_forms(raw.get("clocked_report_verbs") or {}),
        surrender_verbs=_verb_forms(raw.get("surrender_verbs") or {}),
        surrender_particles=frozenset(normalise(str(v)) for v in raw.get("surrender_particles") or []),
        reflexives=frozenset(normalise(str(v)) for v in raw.get("reflexives") or []),
        court_verbs=_verb_forms(raw.get("court_verbs") or {}),
    )


def weekdays_named(text: str) -> set[int]:
    """The weekdays (Monday = 0) a time expression names: "early Sunday", "Sunday's"."""
    days = load_lexicon().weekdays
    return {days[w] for w in re.findall(r"[a-z]+", normalise(text)) if w in days}


def _verb_forms(entries: dict[str, Any]) -> frozenset[str]:
    """Every written form of the listed verbs: the lemma, its regular inflections and
    the irregular forms given with it."""
    from newsweave.events.lexicon import inflections

    out: set[str] = set()
    for lemma, irregular in entries.items():
        out |= inflections(str(lemma))
        out.update(str(f).lower() for f in irregular or [])
    return frozenset(out)
