"""Text patterns that find toponyms NER misses or mislabels.

* Supplement names ("al-Omar oil field", "Ain al-Asad air base"): one regular
  expression built as a character trie of every name and alias, so each position
  of the text is tried against a handful of branches, not hundreds of names.
* Border phrases ("the Iraqi-Syrian border", "the border between Iraq and Syria"):
  two countries, by name or adjective, resolved to the supplement's border entry
  for that pair.
* US "City, ST" / "City, State" / "CITY, Ky." (dateline) patterns, which fix the
  state of the city.

All patterns are compiled once per process (``text_matchers``).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from newsweave.geo.build import read_csv, slug
from newsweave.geo.normalize import lexicon, name_key, words


def _trie_regex(phrases: list[list[str]]) -> str:
    """A regex matching any of the word sequences; words are joined by spaces or hyphens."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in " ".join(phrase):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts, optional = [], "" in node
        for ch in sorted(k for k in node if k):
            head = r"[\s\-–]+" if ch == " " else re.escape(ch)
            alts.append(head + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not optional else "(?:" + "|".join(alts) + ")"
        if optional:
            body += "?"
        return body

    return emit(trie)


WINDOW_BEFORE = 60  # characters before a trigger word where a name may start
WINDOW_AFTER = 12


@dataclass(frozen=True, slots=True)
class TextHit:
    start: int
    end: int
    place_id: Optional[str] = None  # a supplement or border entry
    state: Optional[str] = None  # USPS code fixed by a "City, ST" pattern
    kind: str = "supplement"  # supplement, border, city_state, state


class TextMatchers:
    def __init__(self, country_names: dict[str, str]):
        arts = sorted(lexicon()["articles"] - {"the"}, key=len, reverse=True)
        art = r"(?:(?:" + "|".join(arts) + r")[\s\-]+)?"

        # supplement names
        self.alias_id: dict[str, str] = {}
        self.short_id: dict[str, str] = {}
        phrases: list[list[str]] = []
        lower_tails: list[str] = []
        facility = lexicon()["facility_words"]
        self.border_pairs: dict[frozenset[str], str] = {}
        by_name = {name_key(n): iso for n, iso in country_names.items()}
        for row in read_csv("places_supplement.csv"):
            pid = f"nw:{slug(row['name'])}"
            for alias in [row["name"], *[a for a in row["aliases"].split("|") if a]]:
                last = alias.split()[-1]
                if last.islower():
                    lower_tails.append(words(last)[-1])
                tokens = [w for w in words(alias)]
                while len(tokens) > 1 and tokens[0] in lexicon()["articles"]:
                    tokens = tokens[1:]
                if not tokens:
                    continue
                phrases.append(tokens)
                self.alias_id[" ".join(tokens)] = pid
                short = [w for w in tokens if w not in facility]
                if short and len(short) < len(tokens):
                    self.short_id.setdefault(name_key(" ".join(short)), pid)
            if row["kind"] == "border" and row["name"].endswith(" border"):
                parts = row["name"][: -len(" border")].split("-")
                isos = {by_name.get(name_key(p)) for p in parts}
                if len(parts) == 2 and None not in isos and len(isos) == 2:
                    self.border_pairs[frozenset(isos)] = pid
        self.supplement_re = re.compile(r"(?<![\w\-])" + art + "(" + _trie_regex(phrases) + r")(?![\w])", re.I)
        # a name is looked for only near a trigger: a generic last word written in lower
        # case ("oil field", "air base", "camp") or a place word ("area", "region").
        # Names that are proper nouns throughout ("Golan Heights") reach the gazetteer
        # through NER instead.
        self.triggers = sorted(set(lower_tails) | {"area", "region"})

        # border phrases: two country names or adjectives and "border"
        self.country_word: dict[str, str] = {name_key(n): iso for n, iso in country_names.items()}
        for row in read_csv("geo_demonyms.csv"):
            for d in row["demonyms"].split("|"):
                self.country_word[name_key(d)] = row["iso"]
        cw = r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)"
        self.border_re = re.compile(
            cw + r"\s*[-–/]\s*" + cw + r"\s+[Bb]orders?(?:\s+(?:area|region|strip|zone|crossing)s?\b)?"
            r"|[Bb]orders?\s+(?:(?:area|region|strip|zone)\s+)?between\s+(?:the\s+)?" + cw + r"\s+and\s+(?:the\s+)?" + cw
        )

        # US states: names, USPS codes, AP abbreviations
        self.state_code: dict[str, str] = {}
        for row in read_csv("geo_us_states.csv"):
            code = row["code"]
            self.state_code[code] = code
            for form in (row["ap"], row["extra"]):
                if form:
                    self.state_code[form] = code
                    bare = form.rstrip(".")
                    if bare != form and "." not in bare:
                        self.state_code.setdefault(bare, code)  # "MEMPHIS, Tenn --": the point is often dropped
        self.state_names: dict[str, str] = {}

    def set_state_names(self, names: dict[str, str]) -> None:
        self.state_names = dict(names)
        forms = sorted({*self.state_code, *names}, key=len, reverse=True)
        state_alt = "|".join(re.escape(f) for f in forms)
        word = r"[A-Z][\w'’.\-]*"
        # the comma first: a literal prefix the regex engine scans for quickly
        self.after_comma_re = re.compile(r",\s?(" + state_alt + r")(?![\w])")
        self.city_before_re = re.compile(r"(?<![\w.])((?:" + word + r" ){0,3}" + word + r")\Z")

    # "SAN DIEGO (CNS) --", "BAGHDAD — ", "LaGRANGE —": upper-case words opening a line
    # (a "Mc", "La", "De" prefix may keep its lower case), then a bracket or a dash
    # (a "City, ST" dateline is found by ``city_states``)
    _CAPS = r"(?:Mc|Mac|La|Le|De|Di|Du|O')?[A-Z][A-Z'’.\-]+"
    dateline_re = re.compile(r"^[ \t]*(" + _CAPS + r"(?: " + _CAPS + r"){0,3})[ \t]*(?:\(|—|–|--| - )", re.M)
    # "Danville — Police said ...": a short title-case name opening a line, then a long dash
    # (or a broadcaster's call sign in brackets: "Chattanooga (WDEF) Wednesday ...")
    title_dateline_re = re.compile(
        r"^[ \t]*([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})[ \t]*(?:—|–|--|\([A-Z][A-Z0-9\-]{1,9}\))[ \t]", re.M)

    def datelines(self, text: str) -> Iterator[tuple[int, int]]:
        stop = lexicon()["dateline_stop"]
        for rx in (self.dateline_re, self.title_dateline_re):
            for m in rx.finditer(text):
                if m.group(1).lower().strip(".") not in stop:
                    yield m.start(1), m.end(1)

    # "a shooting in Winchester.", "near Idaho Falls": a capitalised name after a place
    # preposition inside a sentence (NER of small models misses or mislabels such towns);
    # a lower-case direction word may come between ("shot in south Jackson", "in northwest
    # Atlanta": the part of town, whose name follows)
    _cue_re_cache: Optional[re.Pattern] = None

    @classmethod
    def _cue_re(cls) -> re.Pattern:
        if cls._cue_re_cache is None:
            dirs = sorted((w for w in lexicon()["direction_words"] if w.islower()), key=len, reverse=True)
            cls._cue_re_cache = re.compile(
                r"(?<=[a-z,] )(?:in|near|outside) (?:(?:" + "|".join(map(re.escape, dirs)) + r") )?"
                r"((?:Mc|La|De)?[A-Z][a-z]+(?: (?:Mc|La|De)?[A-Z][a-z]+){0,2})\b")
        return cls._cue_re_cache

    _WHEN = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
                       "February", "March", "April", "May", "June", "July", "August", "September", "October",
                       "November", "December", "Today", "Tonight", "Yesterday"})

    def cues(self, text: str) -> Iterator[tuple[int, int]]:
        for m in self._cue_re().finditer(text):
            start, end = m.start(1), m.end(1)
            parts = text[start:end].split(" ")
            while len(parts) > 1 and parts[-1] in self._WHEN:  # "in Beebe Friday morning"
                end -= len(parts.pop()) + 1
            if parts[0] not in self._WHEN:
                yield start, end

    # "Lubbock police said", "DeKalb County deputies": the place a local force is named after
    # ("Milford fire department", "Seattle Fire medics": a town's fire service too)
    _force_re = re.compile(r" (?:police|deputies|sheriff's|sheriff’s|sheriff|detectives|officers|firefighters"
                           r"|fire (?:department|dept|rescue|medics|crews|officials|chief|marshal|district))\b", re.I)
    _force_name_re = re.compile(
        r"(?<![\w.’'])((?:(?:[A-Z][a-z]{1,2}\.|(?:Mc|Mac|La|De)?[A-Z][\w'’\-]*) ){0,2}(?:Mc|Mac|La|De)?[A-Z][\w'’\-]*)\Z")

    def forces(self, text: str) -> Iterator[tuple[int, int]]:
        for m in self._force_re.finditer(text):
            c = self._force_name_re.search(text, max(0, m.start() - 40), m.start())
            # "Tulare County Sheriff's Deputies": the name before the first force word
            if c and self._force_re.search(" " + c.group(1)) is None:
                yield c.start(1), c.end(1)

    # "the border city of al-Qaim", "the town of Khashan": a name the phrase marks as a place
    _OF_HEADS = ("city of ", "town of ", "village of ", "province of ", "governorate of ", "outskirts of ",
                 "suburb of ", "district of ", "region of ", "county of ")
    _of_name_re = re.compile(r"(?:(?:al|el|ad|as|ash|an|ar|at|az|ez)[\-\s])?[A-Z][\w'’\-]*(?: (?:al-|el-)?[A-Z][\w'’\-]*){0,2}")

    def place_of(self, text: str, lower: str) -> Iterator[tuple[int, int]]:
        for head in self._OF_HEADS:
            i = lower.find(head)
            while i >= 0:
                m = self._of_name_re.match(text, i + len(head))
                if m:
                    yield m.start(), m.end()
                i = lower.find(head, i + len(head))

    _org_re_cache: Optional[re.Pattern] = None

    def org_place(self, text: str, start: int, end: int) -> Optional[tuple[int, int]]:
        """The place part of an organisation named after it ("the Oshkosh Police Department")."""
        if self._org_re_cache is None:
            suffixes = sorted(lexicon()["place_org_suffixes"], key=len, reverse=True)
            alt = "|".join(re.escape(s).replace("'", "['’]?").replace(r"\ ", r"\s+") for s in suffixes)
            TextMatchers._org_re_cache = re.compile(
                r"(?:[Tt]he\s+)?([A-Z][\w.'’\-]*(?:\s[A-Z][\w.'’\-]*){0,2})\s+(?:" + alt + r")\Z", re.I)
        m = self._org_re_cache.match(text, start, end)
        if m and m.group(1)[0].isupper():
            return m.start(1), m.end(1)
        return None

    def state_of(self, form: str) -> Optional[str]:
        return self.state_code.get(form) or self.state_names.get(form)

    def _windows(self, lower: str, triggers: Iterable[str], before: int, after: int) -> list[tuple[int, int]]:
        """Stretches around each occurrence of a trigger word, merged; ``str.find`` keeps this cheap."""
        spans = []
        for word in triggers:
            i = lower.find(word)
            while i >= 0:
                spans.append((max(0, i - before), min(len(lower), i + len(word) + after)))
                i = lower.find(word, i + len(word))
        spans.sort()
        merged: list[tuple[int, int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        return merged

    def supplement(self, text: str, lower: str) -> Iterator[TextHit]:
        """Supplement names ending in (or near) a facility or place word."""
        for a, b in self._windows(lower, self.triggers, WINDOW_BEFORE, WINDOW_AFTER):
            for m in self.supplement_re.finditer(text, a, b):
                if not any(ch.isupper() for ch in m.group(0)):
                    continue  # "base", "field": common words, not names
                pid = self.alias_id.get(" ".join(words(m.group(1))))
                if pid:
                    yield TextHit(m.start(), m.end(), place_id=pid)

    def borders(self, text: str, lower: str) -> Iterator[TextHit]:
        for a, b in self._windows(lower, ("border",), WINDOW_BEFORE, WINDOW_BEFORE):
            for m in self.border_re.finditer(text, a, b):
                x, y = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
                pair = frozenset({self._country(x, last=True), self._country(y, last=False)})
                pid = self.border_pairs.get(pair)
                if pid:
                    start = m.start()
                    if m.group(1) and not self.country_word.get(name_key(x)):
                        start = m.start(1) + x.index(" ") + 1  # "the Iraqi-Syrian" -> "Iraqi-Syrian"
                    yield TextHit(start, m.end(), place_id=pid, kind="border")

    def _country(self, words_: str, last: bool) -> Optional[str]:
        """The country a one- or two-word name or adjective refers to ("South Sudan", "Iraqi")."""
        iso = self.country_word.get(name_key(words_))
        if iso is None and " " in words_:
            part = words_.rsplit(" ", 1)[1] if last else words_.split(" ", 1)[0]
            iso = self.country_word.get(name_key(part))
        return iso

    def city_states(self, text: str) -> Iterator[tuple[int, int, int, int, str]]:
        """(city start, city end, state start, state end, USPS code) of "City, ST" patterns.

        The city part may carry leading words ("In Rocky Mount"); the caller picks
        the run of final words that names a place in that state.
        """
        for m in self.after_comma_re.finditer(text):
            code = self.state_of(m.group(1))
            if not code:
                continue
            lo = max(0, m.start() - 60)
            c = self.city_before_re.search(text, lo, m.start())
            if c:
                yield c.start(1), c.end(1), m.start(1), m.end(1), code


@functools.lru_cache(maxsize=4)
def _cached(key: tuple) -> TextMatchers:
    country_names, state_names = key
    tm = TextMatchers(dict(country_names))
    tm.set_state_names(dict(state_names))
    return tm


def text_matchers(country_names: dict[str, str], state_names: dict[str, str]) -> TextMatchers:
    return _cached((tuple(sorted(country_names.items())), tuple(sorted(state_names.items()))))
