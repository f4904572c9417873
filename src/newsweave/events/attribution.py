"""Who a document says a claim comes from: "according to X", "X said", "X told Y".

News separates what the outlet asserts from what it reports others asserting; claims
must keep that distinction so that fusion can weigh sources.  Cue matching is a pure
function over words (testable without the model); ``find_source`` walks the parse.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from newsweave.records import EntityMention
from newsweave.events.context import DocContext
from newsweave.events.lexicon import Lexicon


@dataclass(slots=True)
class Source:
    text: Optional[str]  # as written; None = the outlet's own voice
    mention: Optional[EntityMention] = None


OUTLET = Source(None, None)


def match_cues(words: Sequence[str], lemma: Callable[[str], str], lex: Lexicon) -> list[tuple[int, str]]:
    """Positions of attribution cues in a lower-cased word list: ``(index, kind)`` with
    kind ``according`` (index of the first word of "according to"/"citing") or
    ``speech`` (a reporting verb such as "said", "told", "confirmed").

    >>> from newsweave.events.lexicon import load_lexicon
    >>> lex = load_lexicon()
    >>> match_cues(["according", "to", "police"], lex.lemma, lex)
    [(0, 'according')]
    """
    speech = lex.set("cues", "speech_verbs")
    according = [(str(a).lower(), (str(b).lower() if b else None)) for a, b in lex.cues.get("according_cues") or []]
    out: list[tuple[int, str]] = []
    for i, w in enumerate(words):
        w = w.lower()
        hit = False
        for a, b in according:
            if w == a and (b is None or (i + 1 < len(words) and words[i + 1].lower() == b)):
                out.append((i, "according"))
                hit = True
                break
        if not hit and lemma(w) in speech:
            out.append((i, "speech"))
    return out


def _subject(verb):
    """The speaker of a reporting verb: nsubj, passive agent, or a coordinated verb's."""
    v = verb
    for _ in range(3):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("it", "that", "which", "this"):
                if c.dep_ == "nsubjpass":
                    # "X was quoted as saying" / "it was reported by X"
                    for a in v.children:
                        if a.dep_ == "agent":
                            for p in a.children:
                                if p.dep_ == "pobj":
                                    return p
                    if v.lower_ in ("quoted", "cited"):
                        return c
                    continue
                return c
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
            v = v.head
            continue
        break
    return None


class Attributor:
    """Finds, per sentence, the source of what the sentence reports."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.lex = ctx.lex
        self._speech = self.lex.set("cues", "speech_verbs")
        self._last: dict[int, Source] = {}  # sentence index -> source found there
        self._cache: dict[tuple[int, int], Source] = {}
        self._cues_cache: dict[int, tuple[list, list]] = {}

    def _resolve(self, head, si: int) -> Source:
        ctx = self.ctx
        if head.lower_ in ("he", "she", "they", "him", "her", "them", "we", "i"):
            for back in (si - 1, si - 2):
                if back in self._last and self._last[back].text:
                    return self._last[back]
            types = {"PERSON"} if head.lower_ in ("he", "she", "him", "her", "i") else {"ARMED_GROUP", "ORGANIZATION", "GOVERNMENT", "MILITARY", "MEDIA"}
            ent = ctx.antecedent(head, types)
            if ent is not None:
                return Source(ent.span.text, ent)
            return Source(head.text, None)
        ents = ctx.np_entities(head)
        if ents:
            # the speaker's own name, not the organisation it speaks for, when both appear:
            # "Pentagon spokesman John Kirby" -> John Kirby
            people = [e for e in ents if e.type == "PERSON"]
            e = people[0] if people else ents[0]
            return Source(e.span.text, e)
        ref = ctx.refer(head)
        if ref is not None:
            return Source(ref.span.text, ref)
        return Source(ctx.clause_free_text(head), None)

    def source(self, sent, tok=None) -> Source:
        """The source of the sentence (of the clause holding ``tok`` when several
        sources speak in one sentence); ``OUTLET`` when the outlet speaks itself."""
        si = self.ctx.sent_index(sent[0])
        key = (si, -1 if tok is None else tok.i)
        if key in self._cache:
            return self._cache[key]
        src = self._find(sent, tok, si)
        self._cache[key] = src
        if tok is None or si not in self._last:
            self._last[si] = src
        return src

    def _cues(self, sent, si: int) -> tuple[list, list]:
        got = self._cues_cache.get(si)
        if got is None:
            got = self._scan(sent)
            self._cues_cache[si] = got
        return got

    def _find(self, sent, tok, si: int) -> Source:
        according, speech = self._cues(sent, si)
        if according:
            head = according[0]
            # "according to a statement by the ministry" -> the ministry
            if self.ctx.lemma(head) in self.lex.set("cues", "speech_nouns"):
                for c in head.children:
                    if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
                        for p in c.children:
                            if p.dep_ == "pobj":
                                head = p
            return self._resolve(head, si)
        if not speech:
            return OUTLET
        chosen = None
        if tok is not None:
            anc = {a.i for a in tok.ancestors}
            cands = [v for v in speech if v.i in anc]
            if cands:
                # nearest enclosing reporting verb: the one deepest in the tree
                chosen = max(cands, key=lambda v: sum(1 for _ in v.ancestors))
        if chosen is None:
            # the sentence's top-most reporting verb ("..., police said.")
            chosen = min(speech, key=lambda v: sum(1 for _ in v.ancestors))
        subj = _subject(chosen)
        if subj is None:
            return OUTLET
        return self._resolve(subj, si)

    def _scan(self, sent) -> tuple[list, list]:
        lemma = self.lex.lemma
        according: list = []
        speech: list = []
        for t in sent:
            low = t.lower_
            if low in ("according", "citing", "quoting", "per"):
                if low == "according":
                    nxt = t.nbor(1) if t.i + 1 < sent.end else None
                    if nxt is None or nxt.lower_ != "to":
                        continue
                    objs = [c for c in nxt.children if c.dep_ == "pobj"]
                elif low == "per":
                    if t.pos_ != "ADP" or t.i == sent.start:
                        continue
                    objs = [c for c in t.children if c.dep_ == "pobj"]
                else:
                    objs = [c for c in t.children if c.dep_ in ("dobj", "pobj")]
                if objs:
                    according.append(objs[0])
            elif t.pos_ in ("VERB", "AUX") and lemma(low) in self._speech and t.dep_ not in ("amod", "compound", "acl"):
                if any(c.dep_ == "dobj" and c.lower_ in ("responsibility", "life", "lives") for c in t.children):
                    continue  # "X claimed responsibility" is a fact about X, not a source
                speech.append(t)
        return according, speech
