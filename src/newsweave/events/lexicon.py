"""The event lexicon: triggers, cues, number words and casualty patterns, loaded once.

The spaCy pipeline runs without a lemmatizer (it is slow and rarely needed), so the
lexicon carries its own light lemmatisation: every trigger and cue lemma is expanded
into its regular English inflections at load time (plus the irregular forms listed in
the data file), giving one ``surface -> lemma`` dictionary.  Extraction then needs only
a set lookup on each token's lower-cased text, which also serves as the fast prefilter.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Callable, Optional, TypeVar

from newsweave.data import safe_load as _yaml_load

T = TypeVar("T")


_VOWELS = set("aeiou")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger lemma and what it means."""

    lemma: str
    type: str
    mode: Optional[str] = None
    pos: str = "any"  # verb | noun | any
    rank: int = 2
    acled: Optional[str] = None
    head: tuple[str, ...] = ()
    needs_object: tuple[str, ...] = ()
    particle: tuple[str, ...] = ()
    plural_only: bool = False
    # what a verbal trigger with ``head`` may have as its object or passive subject
    # besides a weapon ("shots were fired", "fired several rounds")
    objects: tuple[str, ...] = ()
    # nouns a noun trigger may modify and still name the event ("gunshot wound")
    modifies: tuple[str, ...] = ()
    # objects that give a verbal trigger another sense ("shooting video", "shoot hoops")
    not_objects: tuple[str, ...] = ()
    # a verbal use with an object or a clause names something else ("protesters
    # demonstrated outside the embassy", not "we've demonstrated that he will act")
    intransitive: bool = False
    # names what may follow an attack by days (a death, a body found): the attack
    # itself may be dated before it ("shot Saturday ... died Sunday")
    aftermath: bool = False
    # a verbal use "with" a load of goods, vehicles or troops names supplying, not
    # backing ("supporting their bases with 60 vehicles"): the types it then has, for
    # the actor's own (``own``: "their bases") and another's (``other``: "Ukraine")
    supplies: tuple[tuple[str, str], ...] = ()


@dataclass
class Lexicon:
    """Everything the event extractor looks up, from the ``events_*.yaml`` data files."""

    triggers: dict[str, Trigger]
    lemmas: dict[str, str]  # lower-cased surface form -> lemma
    mode_words: dict[str, str]
    weapon_words: frozenset[str]
    separators: frozenset[str]
    light_verbs: frozenset[str]
    cues: dict[str, Any]
    numbers: dict[str, Any]
    casualties: dict[str, Any]
    acled: dict[str, tuple[str, str]]
    armed_words: frozenset[str]
    intervention_words: frozenset[str]
    exclude_modifiers: frozenset[str] = frozenset()
    time_of_heads: frozenset[str] = frozenset()  # "at the time of the shooting"
    # derived sets
    trigger_forms: frozenset[str] = frozenset()
    casualty_forms: frozenset[str] = frozenset()
    zero_patterns: list[tuple[re.Pattern[str], tuple[str, ...]]] = field(default_factory=list)
    background_re: Optional[re.Pattern[str]] = None
    self_harm_re: Optional[re.Pattern[str]] = None
    self_harm_if_dead_re: Optional[re.Pattern[str]] = None

    def lemma(self, word: str) -> str:
        """The lemma of a lower-cased word (the word itself when unknown)."""
        return self.lemmas.get(word, word)

    def set(self, section: str, key: str) -> frozenset[str]:
        """A cue list from a data section as a frozen set (cached on first use)."""
        cache = self.__dict__.setdefault("_sets", {})
        name = f"{section}.{key}"
        if name not in cache:
            src = getattr(self, section)
            cache[name] = frozenset(str(x).lower() for x in src.get(key, []) or [])
        return cache[name]

    def pattern(self, section: str, key: str) -> re.Pattern[str]:
        """A list of regexes from a data section as one compiled alternation over
        lower-cased text (cached on first use); a pattern that never matches when the
        list is missing."""
        cache = self.__dict__.setdefault("_patterns", {})
        name = f"{section}.{key}"
        if name not in cache:
            src = getattr(self, section).get(key) or []
            if isinstance(src, str):
                src = [src]
            cache[name] = re.compile("|".join(f"(?:{x})" for x in src) if src else r"(?!)")
        return cache[name]

    def built(self, name: str, build: Callable[["Lexicon"], T]) -> T:
        """Something derived from this lexicon's lists (a pattern joining several of
        them, a set of forms), built by ``build(self)`` on first use and kept with it."""
        cache = self.__dict__.setdefault("_built", {})
        if name not in cache:
            cache[name] = build(self)
        return cache[name]

    def words_pattern(self, section: str, key: str) -> re.Pattern[str]:
        """A list of words or phrases from a data section as one compiled pattern that
        matches any of them whole, over lower-cased text (built once); a pattern that
        never matches when the list is missing."""
        def build(lex: "Lexicon") -> re.Pattern[str]:
            words = sorted(lex.set(section, key), key=len, reverse=True)
            return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b" if words else r"(?!)")

        return self.built(f"words:{section}.{key}", build)


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb or noun lemma (over-generating is harmless).

    >>> sorted(inflections("stab"))[:3]
    ['stab', 'stabbed', 'stabbing']
    """
    w = lemma.lower()
    out = {w}
    if w.endswith("e") and not w.endswith("ee"):
        stem = w[:-1]
        out |= {w + "s", w + "d", stem + "ing"}
        if w.endswith("ie"):
            out.add(w[:-2] + "ying")
    elif w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        out |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    else:
        plural = w + ("es" if w.endswith(("s", "x", "z", "ch", "sh")) else "s")
        out |= {plural, w + "ed", w + "ing"}
        # consonant doubling for short closed syllables: stab -> stabbed, plan -> planned
        if len(w) >= 3 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS and w[-3] not in _VOWELS:
            out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return out


def sponsor_forms(lex: "Lexicon") -> frozenset[str]:
    """The forms of the verbs of backing (``sponsor_verbs``: "backed", "allied",
    "Iran-sponsored")."""
    return frozenset(f for w in lex.set("cues", "sponsor_verbs") for f in {w} | inflections(w))


def _read(name: str) -> Any:
    text = resources.files("newsweave.data").joinpath(name).read_text(encoding="utf-8")
    return _yaml_load(text) or {}


def build_lexicon(trig: dict, cues: dict, numbers: dict, casualties: dict, acled: dict) -> Lexicon:
    """Assemble a Lexicon from already-parsed data (tests may pass small dictionaries)."""
    triggers: dict[str, Trigger] = {}
    for lemma, spec in (trig.get("triggers") or {}).items():
        spec = spec or {}
        triggers[str(lemma).lower()] = Trigger(
            lemma=str(lemma).lower(),
            type=spec["type"],
            mode=spec.get("mode"),
            pos=spec.get("pos", "any"),
            rank=int(spec.get("rank", 2)),
            acled=spec.get("acled"),
            head=tuple(spec.get("head") or ()),
            needs_object=tuple(spec.get("needs_object") or ()),
            particle=tuple(spec.get("particle") or ()),
            plural_only=bool(spec.get("plural_only", False)),
            objects=tuple(str(x).lower() for x in spec.get("objects") or ()),
            modifies=tuple(str(x).lower() for x in spec.get("modifies") or ()),
            not_objects=tuple(str(x).lower() for x in spec.get("not_objects") or ()),
            intransitive=bool(spec.get("intransitive", False)),
            aftermath=bool(spec.get("aftermath", False)),
            supplies=tuple(sorted((str(k), str(v)) for k, v in (spec.get("supplies") or {}).items())),
        )
    mode_words = {str(k).lower(): v for k, v in (trig.get("mode_words") or {}).items()}
    # every lemma we ever compare against gets its inflections in the table
    words: set[str] = set(triggers) | set(mode_words)
    # the governing lemmas a trigger needs ("opened fire", "found the bodies")
    words |= {h for t in triggers.values() for h in t.head}
    # only lists of lemmas get inflected (not lists of surface words such as "died")
    lemma_lists = {"speech_verbs", "intensional", "reactive", "causal", "inquiry_nouns", "sought_verbs", "particle_intensional", "presupposing_verbs", "existence_verbs",
                   "summons_verbs", "speech_nouns", "group_nouns", "commemoration_nouns", "commemorating_verbs",
                   "commemoration_scene_verbs", "retaliation_words", "sequence_verbs", "state_asset_nouns", "object_control_verbs", "visit_verbs",
                   "killed_verbs", "died_verbs", "killed_adjs", "killed_nouns", "injured_verbs",
                   "injured_nouns", "suffer_verbs", "fatal_adverbs", "fatal_adjs", "shot_verbs",
                   "arrest_verbs", "missing_adjs", "hospital_verbs", "hospital_nouns", "inflict_verbs",
                   "supply_nouns"}
    for section in (cues, casualties):
        for key, val in section.items():
            if key in lemma_lists and isinstance(val, list):
                words |= {str(x).lower() for x in val}
    words |= {str(x).lower() for x in trig.get("separators") or []}
    words |= {str(x).lower() for x in trig.get("light_verbs") or []}
    lemmas: dict[str, str] = {}
    for w in sorted(words):
        for form in inflections(w):
            lemmas.setdefault(form, w)
    for form, lemma in (trig.get("irregular") or {}).items():
        lemmas[str(form).lower()] = str(lemma).lower()
    for w in words:  # a lemma is always its own lemma
        lemmas[w] = w
    for form, lemma in (trig.get("irregular") or {}).items():
        lemmas[str(form).lower()] = str(lemma).lower()

    acled_map = {k: (v[0], v[1]) for k, v in acled.items() if isinstance(v, list) and len(v) == 2 and k[:1].isupper()}
    lex = Lexicon(
        triggers=triggers,
        lemmas=lemmas,
        mode_words=mode_words,
        weapon_words=frozenset(str(x).lower() for x in trig.get("weapon_words") or []),
        separators=frozenset(str(x).lower() for x in trig.get("separators") or []),
        light_verbs=frozenset(str(x).lower() for x in trig.get("light_verbs") or []),
        cues=cues,
        numbers=numbers,
        casualties=casualties,
        acled=acled_map,
        armed_words=frozenset(str(x).lower() for x in acled.get("armed_words") or []),
        intervention_words=frozenset(str(x).lower() for x in acled.get("intervention_words") or []),
        exclude_modifiers=frozenset(str(x).lower() for x in trig.get("exclude_modifiers") or []),
        time_of_heads=frozenset(str(x).lower() for x in trig.get("time_of_heads") or []),
    )
    lex.trigger_forms = frozenset(f for f, l in lemmas.items() if l in triggers)
    cas_keys = ("killed_verbs", "died_verbs", "killed_adjs", "killed_nouns", "injured_verbs",
                "injured_nouns", "fatal_adverbs", "fatal_adjs", "shot_verbs", "arrest_verbs", "missing_adjs",
                "hospital_verbs")
    cas_lemmas = {str(x).lower() for k in cas_keys for x in casualties.get(k) or []}
    lex.casualty_forms = frozenset(f for f, l in lemmas.items() if l in cas_lemmas)
    lex.zero_patterns = [(re.compile(p), tuple(attrs)) for p, attrs in casualties.get("zero_patterns") or []]
    phrases = cues.get("background_phrases") or []
    if phrases:
        lex.background_re = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")
    harm = [re.escape(p) for p in casualties.get("self_harm") or []] + list(casualties.get("self_harm_patterns") or [])
    if harm:
        lex.self_harm_re = re.compile("|".join(harm))
    harm2 = [re.escape(p) for p in casualties.get("self_harm_if_dead") or []] + \
        list(casualties.get("self_harm_if_dead_patterns") or [])
    if harm2:
        lex.self_harm_if_dead_re = re.compile("|".join(harm2))
    return lex


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load the packaged ``events_*.yaml`` data files once per process."""
    return build_lexicon(
        _read("events_triggers.yaml"),
        _read("events_cues.yaml"),
        _read("events_numbers.yaml"),
        _read("events_casualties.yaml"),
        _read("events_acled.yaml"),
    )
