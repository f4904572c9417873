"""Run each spaCy component only where its output is read.

Profiling the whole ``analyze`` showed the model's components as the largest cost,
and that the extractors read the dependency parse only in sentences that can hold an
event (the events extractor looks at the sentences its trigger prefilter hits; entity
and time extraction read ``dep_``/``head`` only around those as a refinement).  So
each article is processed in two passes:

1. tokenizer, ``tok2vec``, ``tagger``, ``senter`` (the cheap sentence recogniser
   en_core_web_sm ships disabled), ``ner`` over the whole text;
2. the dependency ``parser`` over the selected sentences only, each parsed as its own
   small document that reuses the first pass's ``tok2vec`` output (``doc.tensor``),
   so the parser sees the same features as in a whole-text run.  Heads and labels
   are written back into the article's ``Doc``; inside a parsed sentence the parser's
   sentence boundaries are kept, elsewhere the ``senter``'s.

Tokens of sentences that were not parsed have no head (``tok.head is tok``) and an
empty ``dep_``.  The ``attribute_ruler`` (a Matcher over every token, as costly as
the parser) is replaced by its own rules applied as array masks after the parse
(some rules read the dependency label): they set ``pos_``; the morphology and lemma
columns it also sets are not read by newsweave.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator, Optional, Sequence

import numpy

# what the first pass runs, in this order (the model's own order, parser left out)
FIRST_PASS = ("tok2vec", "tagger", "senter", "ner")

Selector = Callable[[object], Sequence[int]]


class PosMapper:
    """``pos_`` as the model's attribute ruler sets it, with numpy masks instead of a
    Matcher: its single-token rules on ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE``
    (exact value, ``IN`` or ``NOT_IN``) that set ``POS``, applied in the ruler's order
    so later rules win as in the ruler.  Rules over two tokens (one: "there is" ->
    VERB) are left out."""

    KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")

    def __init__(self, ruler, strings) -> None:
        self.rules: list[tuple[list[tuple[int, str, object]], int]] = []
        for pat in ruler.patterns:
            pos = pat["attrs"].get("POS")
            if pos is None or len(pat["patterns"]) != 1 or len(pat["patterns"][0]) != 1:
                continue
            tok = pat["patterns"][0][0]
            if not set(tok) <= set(self.KEYS):
                continue
            tests = []
            for key, val in tok.items():
                col = self.KEYS.index(key)
                if key == "IS_SPACE":
                    tests.append((col, "eq", int(bool(val))))
                elif isinstance(val, dict) and set(val) <= {"IN", "NOT_IN"} and len(val) == 1:
                    op, words = next(iter(val.items()))
                    tests.append((col, op, numpy.array([strings.add(w) for w in words], dtype="uint64")))
                elif isinstance(val, str):
                    tests.append((col, "eq", strings.add(val)))
                else:
                    tests = None
                    break
            if tests:
                self.rules.append((tests, strings.add(pos)))

    def apply(self, docs: list) -> None:
        """Set ``pos_`` on every token of ``docs`` (one array pass for the batch)."""
        from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG

        docs = [d for d in docs if len(d)]
        if not docs:
            return
        arrays = [d.to_array([TAG, LOWER, DEP, IS_SPACE]) for d in docs]
        arr = numpy.concatenate(arrays)
        pos = numpy.zeros(len(arr), dtype="uint64")
        for tests, value in self.rules:
            mask = None
            for col, op, val in tests:
                if op == "eq":
                    m = arr[:, col] == val
                elif op == "IN":
                    m = numpy.isin(arr[:, col], val)
                else:
                    m = ~numpy.isin(arr[:, col], val)
                mask = m if mask is None else (mask & m)
            pos[mask] = value
        at = 0
        for d in docs:
            n = len(d)
            d.from_array([POS], pos[at : at + n].reshape(-1, 1))
            at += n


def paragraph_breaks(doc) -> None:
    """A blank line ends a sentence: headings, captions and page furniture on their
    own lines are not glued to the sentence that follows them (the statistical
    sentence splitter often does, and a claim's quote and attribution would then begin
    with "Attack details" or a dropped byline)."""
    from spacy.attrs import IS_SPACE, SENT_START

    if len(doc) < 2:
        return
    space = doc.to_array(IS_SPACE).astype(bool)
    # whitespace tokens followed by a word; only those are looked at one by one
    starts = [i + 1 for i in numpy.flatnonzero(space[:-1] & ~space[1:]).tolist() if "\n\n" in doc[i].text]
    if starts:  # written in one array pass (setting ``is_sent_start`` token by token rescans the doc each time)
        sent = doc.to_array(SENT_START)
        sent[starts] = 1
        doc.from_array([SENT_START], sent.reshape(-1, 1))


class TwoPass:
    """The two passes over a spaCy ``Language`` loaded with its parser and senter."""

    def __init__(self, nlp, select: Optional[Selector] = None) -> None:
        self.nlp = nlp
        self.first = [(name, nlp.get_pipe(name)) for name in FIRST_PASS if name in nlp.component_names]
        self.parser = nlp.get_pipe("parser") if "parser" in nlp.component_names else None
        self.pos = PosMapper(nlp.get_pipe("attribute_ruler"), nlp.vocab.strings) \
            if "attribute_ruler" in nlp.component_names else None
        self.select = select

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator:
        """Parsed ``Doc`` objects, in input order."""
        from spacy.util import minibatch

        for batch in minibatch(texts, size=batch_size):
            docs = [self.nlp.make_doc(t) for t in batch]
            for _, proc in self.first:
                docs = list(proc.pipe(docs, batch_size=batch_size))
            for doc in docs:
                paragraph_breaks(doc)
            if self.parser is not None:
                self._parse(docs, batch_size)
            if self.pos is not None:
                self.pos.apply(docs)
            yield from docs

    def _parse(self, docs: list, batch_size: int) -> None:
        from spacy.attrs import DEP, HEAD, SENT_START, SPACY
        from spacy.tokens import Doc

        jobs: list[tuple[int, int, int]] = []  # (doc index, start token, end token)
        subs = []
        for di, doc in enumerate(docs):
            if len(doc) == 0:
                continue
            want = self._selected(doc)
            if not len(want):
                continue
            ss = doc.to_array(SENT_START).astype("int64")
            ss[0] = 1
            starts = numpy.flatnonzero(ss == 1)
            bounds = numpy.append(starts, len(doc))
            picked = numpy.unique(numpy.searchsorted(starts, want, side="right") - 1)
            # each token's text and trailing space once per article, sliced per sentence
            texts = [t.text for t in doc]
            spaces = doc.to_array(SPACY).astype(bool).tolist()
            tensor = doc.tensor
            for si in picked.tolist():
                a, b = int(bounds[si]), int(bounds[si + 1])
                sub = Doc(doc.vocab, words=texts[a:b], spaces=spaces[a:b])
                sub.tensor = tensor[a:b]
                subs.append(sub)
                jobs.append((di, a, b))
        if not subs:
            return
        parsed = list(self.parser.pipe(subs, batch_size=max(batch_size, 64)))
        by_doc: dict[int, list[tuple[int, int, object]]] = {}
        for (di, a, b), sub in zip(jobs, parsed):
            by_doc.setdefault(di, []).append((a, b, sub))
        for di, parts in by_doc.items():
            doc = docs[di]
            n = len(doc)
            sent = doc.to_array(SENT_START)
            heads = numpy.zeros((n, 2), dtype="uint64")
            for a, b, sub in parts:
                arr = sub.to_array([HEAD, DEP, SENT_START])
                heads[a:b] = arr[:, :2]
                sent[a:b] = arr[:, 2]
                sent[a] = 1
            doc.from_array([HEAD, DEP], heads)
            # from_array derives sentence starts from the trees; tokens outside the
            # parsed sentences have none, so the senter's boundaries are put back
            doc.from_array([SENT_START], sent.reshape(-1, 1))

    def _selected(self, doc) -> Sequence[int]:
        if self.select is None:
            return numpy.arange(len(doc))
        return numpy.asarray(self.select(doc), dtype="int64")
