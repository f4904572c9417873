"""Reading counts out of words: "four", "21", "twenty-one", "more than 20", "dozens".

Pure functions over lower-cased word lists, so they are testable without the model.
The word tables come from ``events_numbers.yaml``.
"""
from __future__ import annotations

import re
from typing import Any, Optional, Sequence

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d+$")


def word_value(word: str, numbers: dict[str, Any]) -> Optional[tuple[int, str]]:
    """The value of one word: digits, a number word, a hyphenated compound or a vague
    quantity; ``(value, qualifier)`` or None.

    >>> word_value("twenty-one", {"units": {"twenty": 20, "one": 1}})
    (21, 'exact')
    """
    w = word.lower().strip()
    if not w:
        return None
    if _DIGITS.match(w):
        return int(w.replace(",", "")), "exact"
    units = numbers.get("units") or {}
    if w in units:
        return int(units[w]), "exact"
    vague = numbers.get("vague") or {}
    if w in vague:
        v, q = vague[w]
        return int(v), str(q)
    if "-" in w:
        parts = w.split("-")
        if all(p in units for p in parts) and len(parts) == 2 and units[parts[0]] >= 20 and units[parts[1]] < 10:
            return int(units[parts[0]]) + int(units[parts[1]]), "exact"
    return None


def parse_count(words: Sequence[str], numbers: dict[str, Any]) -> Optional[tuple[int, str]]:
    """Read a count from the words before a counted noun (or a bare number phrase).

    Understands qualifiers ("at least", "more than", "about"), multipliers
    ("two hundred", "1.5 million" is left alone), number words and digits, and vague
    quantities ("dozens", "several").  Returns ``(value, qualifier)``; qualifier is one
    of exact, at_least, at_most, about.

    >>> nums = {"units": {"seven": 7}, "qualifiers": {"at least": "at_least"}}
    >>> parse_count(["at", "least", "seven"], nums)
    (7, 'at_least')
    """
    ws = [w.lower() for w in words if w.strip()]
    if not ws:
        return None
    qualifiers: dict[str, str] = numbers.get("qualifiers") or {}
    multipliers: dict[str, int] = numbers.get("multipliers") or {}
    qualifier: Optional[str] = None
    # longest qualifier phrase at the start
    i = 0
    for n in (3, 2, 1):
        if len(ws) > n - 1:
            phrase = " ".join(ws[:n])
            if phrase in qualifiers and len(ws) > n:
                qualifier = qualifiers[phrase]
                i = n
                break
    value: Optional[int] = None
    vq = "exact"
    prev = ""
    for w in ws[i:]:
        last, prev = prev, w
        if w in ("of", "and", "the"):
            if value is not None and w == "of":
                break
            continue
        if w in multipliers and value is not None:
            value *= int(multipliers[w])
            continue
        if w in multipliers and value is None:
            value, vq = int(multipliers[w]), "exact"
            continue
        got = word_value(w, numbers)
        if got is None:
            if value is not None:
                break
            continue
        v, q = got
        if value == 1 and last in ("a", "an"):  # "a dozen", "a couple"
            value, vq = v, q
        elif value is None:
            value, vq = v, q
        elif v < value and v < 10 and vq == "exact":  # "one hundred five"
            value += v
        else:
            break
    if value is None:
        return None
    if qualifier is None:
        qualifier = vq
    elif vq == "at_least" and qualifier == "about":
        qualifier = "at_least"
    return value, qualifier
