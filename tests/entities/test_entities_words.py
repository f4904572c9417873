"""The word stream of ``_Words`` equals the plain word-by-word definition."""
from __future__ import annotations

from newsweave.entities.extract import _PARTICLES_BEFORE_HYPHEN, _WORD_RE, _Words
from newsweave.entities.normalize import normalize_name


def _reference(text: str) -> dict[str, list]:
    out = {k: [] for k in ("norm", "start", "end", "upper", "capital", "joined")}
    last_end, gaps_ok = 0, True
    for m in _WORD_RE.finditer(text):
        s, e = m.span()
        gaps_ok = gaps_ok and not text[last_end:s].strip(" -\u00a0")
        last_end = e
        key = normalize_name(m.group())
        if not key or (key in _PARTICLES_BEFORE_HYPHEN and text[e: e + 1] == "-"):
            continue
        for i, part in enumerate(key.split()):
            out["norm"].append(part)
            out["start"].append(s)
            out["end"].append(e)
            out["upper"].append(m.group().isupper())
            out["capital"].append(m.group()[:1].isupper())
            out["joined"].append(gaps_ok if i == 0 else True)
        gaps_ok = True
    return out


TEXTS = [
    "Kata'ib Hezbollah and the Popular Mobilization Forces (PMF) said on Sunday.",
    "al-Qaim, ad-Din  ash-Sham; U.S. forces\u00a0in Deir ez-Zor -- the IS-K cell",
    "  The  ISLAMIC STATE  claimed it.\n\nAP — Reuters, AFP",
    "x-al-y A--B Ma’ariv ‘quoted’ 3rd 1,200 ISIS's",
    "",
    "the the al al-",
]


def test_entities_words_match_the_reference():
    for text in TEXTS:
        w = _Words(text)
        ref = _reference(text)
        assert {k: getattr(w, k) for k in ref} == ref, text
