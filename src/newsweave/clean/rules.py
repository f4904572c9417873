"""The debris vocabulary (``data/clean_rules.yaml``), compiled once.

Code in ``debris.py`` stays generic (line shape, position, link-list density);
the words that name page chrome live in the data file.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Optional

from newsweave.data import safe_load as _yaml_load


@dataclass(frozen=True)
class Rules:
    whole: list[tuple[str, re.Pattern[str]]]  # (reason, pattern matching the whole line)
    prefix: list[tuple[str, re.Pattern[str]]]  # (reason, pattern matching the line start)
    max_prefix_line: int
    # (reason, pattern matching the line start) for lines of any length: a video
    # carousel's captions run on in one line ("Caption 13-year-old with BB gun is ...")
    long_prefix: list[tuple[str, re.Pattern[str]]]
    related_header: re.Pattern[str]
    stamp: re.Pattern[str]
    stamp_word: re.Pattern[str]
    # the label of a weather widget's forecast line ("Tonight")
    weather_label: Optional[re.Pattern[str]] = None

    def chrome(self, line: str) -> Optional[str]:
        """The reason a stripped line is page chrome, or None."""
        for reason, pattern in self.whole:
            if pattern.fullmatch(line):
                return reason
        if len(line) <= self.max_prefix_line:
            for reason, pattern in self.prefix:
                if pattern.match(line):
                    return reason
        return self.long_chrome(line)

    def long_chrome(self, line: str) -> Optional[str]:
        """The reason a line of any length is page chrome by its start, or None."""
        for reason, pattern in self.long_prefix:
            if pattern.match(line):
                return reason
        return None


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@functools.lru_cache(maxsize=1)
def load_rules() -> Rules:
    text = resources.files("newsweave.data").joinpath("clean_rules.yaml").read_text(encoding="utf-8")
    data = _yaml_load(text)
    flags = re.IGNORECASE
    whole, prefix, long_prefix = [], [], []
    for reason, spec in data["rules"].items():
        if spec.get("long_prefix"):
            long_prefix.append((reason, re.compile(_alternation(spec["long_prefix"]), flags)))
        if spec.get("whole"):
            whole.append((reason, re.compile(_alternation(spec["whole"]), flags)))
        if spec.get("prefix"):
            prefix.append((reason, re.compile(_alternation(spec["prefix"]), flags)))
    labels = _alternation(sorted(data["stamp_labels"], key=len, reverse=True))
    stamp = re.compile(rf"\b(?P<label>{labels})\b(?P<colon>(?: on)?\s?:)?\s*(?P<rest>[^\n]{{0,100}})$", flags)
    stamp_word = re.compile(rf"(?:{_alternation(data['stamp_words'])})\.?", flags)
    return Rules(
        whole=whole,
        prefix=prefix,
        max_prefix_line=int(data.get("max_prefix_line", 220)),
        long_prefix=long_prefix,
        related_header=re.compile(_alternation(data["related_headers"]), flags),
        stamp=stamp,
        stamp_word=stamp_word,
        weather_label=re.compile(_alternation(data["weather_labels"]), flags) if data.get("weather_labels") else None,
    )
