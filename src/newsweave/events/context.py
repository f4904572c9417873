"""Per-document helpers shared by mention, argument, claim and attribution extraction.

One ``DocContext`` is built per article: it indexes the entity and place mentions by
character offset, keeps the sentence list, and answers the small questions every step
asks (which entities overlap this phrase, who "the group" or "he" refers to, what is
the original text of a span).  Everything is linear in the document size.
"""
from __future__ import annotations

import bisect
from typing import Iterable, Optional

from newsweave.records import Article, EntityMention, PlaceMention, Span, TimeMention
from newsweave.events.lexicon import Lexicon, sponsor_forms

# what "X forces" and "X interests" (bases, troops) stand for when X is one of these
_FORCE_OWNERS = frozenset({"MILITARY", "ARMED_GROUP"})
_ASSET_OWNERS = frozenset({"COUNTRY", "GOVERNMENT", "MILITARY"})

# dependency labels that hang a modifier on the left of a noun phrase
_NP_LEFT = {"compound", "amod", "det", "poss", "nummod", "quantmod", "nmod", "advmod", "case", "predet"}
PERSON_TYPES = {"PERSON"}
GROUP_TYPES = {"ARMED_GROUP", "ORGANIZATION", "GOVERNMENT", "MILITARY", "COUNTRY", "MEDIA"}
ARMED_TYPES = {"ARMED_GROUP", "MILITARY"}
# adjectives that leave a definite group noun pointing back ("the armed group", "the
# same militia"); any other modifier makes it a description of its own
_ANAPHORIC_ADJ = frozenset({"armed", "same", "militant", "paramilitary", "rebel", "insurgent", "whole", "entire"})


class DocContext:
    """Indexes of one parsed article, built once per ``extract_events`` call."""

    def __init__(self, doc, article: Article, lex: Lexicon, entities: list[EntityMention],
                 places: list[PlaceMention], times: list[TimeMention]) -> None:
        self.doc = doc
        self.article = article
        self.lex = lex
        self.entities = sorted(entities, key=lambda e: (e.span.start, e.span.end))
        self._ent_starts = [e.span.start for e in self.entities]
        self.places = sorted(places, key=lambda p: p.span.start)
        self.times = sorted(times, key=lambda t: t.span.start)
        self.sents = list(doc.sents)
        self._sent_starts = [s.start for s in self.sents]
        self._lower: dict[int, str] = {}
        # Doc.text joins every token on each call; the masked article is the same string
        # (the pipeline parses ``article.masked``, so the two are equal)
        self.doc_text: str = article.masked
        # the day the article gives as a whole, and its procedures' day (see mentions.attach_time)
        self.article_days: Optional[tuple] = None
        self.weekday_dated: Optional[bool] = None  # the article dates something by a weekday name
        self.commemoration_scene: Optional[bool] = None  # it tells of an attack at a vigil or funeral

    # ----------------------------------------------------------------- text and spans
    def lower_text(self, sent) -> str:
        """The sentence's lower-cased text (sliced from the doc text; cached)."""
        key = sent.start
        got = self._lower.get(key)
        if got is None:
            got = self.doc_text[sent.start_char : sent.end_char].lower()
            self._lower[key] = got
        return got

    def lemma(self, tok) -> str:
        return self.lex.lemmas.get(tok.lower_, tok.lower_)

    def span(self, start: int, end: int) -> Span:
        """A Span over the original text, trimmed of surrounding whitespace and of
        removed debris (blank in the masked text), so a quote never starts with a
        dropped byline or heading."""
        masked = self.doc_text
        while start < end and masked[start].isspace():
            start += 1
        while end > start and masked[end - 1].isspace():
            end -= 1
        return Span(self.article.id, start, end, self.article.text[start:end])

    def token_span(self, tok) -> Span:
        return self.span(tok.idx, tok.idx + len(tok.text))

    def sent_index(self, tok) -> int:
        return bisect.bisect_right(self._sent_starts, tok.i) - 1

    # ----------------------------------------------------------------- noun phrases
    @staticmethod
    def compact(head) -> tuple[int, int]:
        """Token range [a, b) of the head noun with its left modifiers ("two Iraqi militia
        officials"), plus "of/for X" complements ("a spokesman for the coalition")."""
        a = head.i
        for child in head.lefts:
            if child.dep_ in _NP_LEFT or child.dep_ == "punct" and child.text == "-":
                a = min(a, child.left_edge.i)
        b = head.i + 1
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("of", "for", "from") and child.i == b:
                b = child.right_edge.i + 1
                break
            if child.dep_ in ("compound", "flat", "nummod") and child.i == b:
                b = child.i + 1
        return a, b

    def clause_free_text(self, head, limit: int = 12) -> str:
        """The head's whole phrase without relative clauses and appositions ("a source
        close to Iran-backed militias in Syria")."""
        doc = self.doc
        a = head.left_edge.i
        b = head.i + 1
        for child in head.rights:
            if child.dep_ in ("relcl", "appos", "punct", "acl", "cc", "conj") or child.text in (",", "(", "-", "—"):
                break
            b = child.right_edge.i + 1
        b = _cut(doc, a, b, limit)
        return self.span(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)).text

    def phrase_text(self, head) -> str:
        a, b = self.compact(head)
        doc = self.doc
        b = _cut(doc, a, b, 12)
        return self.span(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)).text

    def entities_in(self, start: int, end: int) -> list[EntityMention]:
        """Entity mentions overlapping [start, end)."""
        out = []
        i = bisect.bisect_left(self._ent_starts, start)
        # an entity starting before `start` may still overlap
        j = i - 1
        while j >= 0 and self.entities[j].span.end > start:
            out.append(self.entities[j])
            j -= 1
        out.reverse()
        while i < len(self.entities) and self.entities[i].span.start < end:
            out.append(self.entities[i])
            i += 1
        return out

    def np_entities(self, head) -> list[EntityMention]:
        """Entities the noun phrase headed by ``head`` names: those overlapping its compact
        phrase, else its whole subtree; conjoined heads add theirs."""
        out: list[EntityMention] = []
        for h in [head, *[c for c in head.conjuncts if c.i > head.i]]:
            a, b = self.compact(h)
            doc = self.doc
            ents = self.entities_in(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))
            # the phrase names an entity only if one covers its head: "Iran-backed militias"
            # are not Iran (but "U.S. forces", "Iraq's military" are what they say)
            covering = [e for e in ents if e.span.start <= h.idx < e.span.end]
            if covering:
                ents = covering
            elif (owners := self._owner_types(h)) is not None:
                # "the international coalition forces", "Houthi forces": an armed body's
                # forces are that body; "U.S. interests", "American bases": the state's
                ents = [e for e in ents if e.type in owners and e.span.end <= h.idx
                        and not doc.text[e.span.end:h.idx].strip()]
            elif h.pos_ != "PROPN":
                ents = []
            for e in ents:
                if e not in out:
                    out.append(e)
        return out

    # ----------------------------------------------------------------- coreference
    def antecedent(self, tok, types: set[str]) -> Optional[EntityMention]:
        """The most recent entity mention of one of ``types`` before ``tok``, within the
        current and the two previous sentences."""
        si = self.sent_index(tok)
        lo = self.sents[max(0, si - 2)].start_char
        i = bisect.bisect_left(self._ent_starts, tok.idx) - 1
        while i >= 0:
            e = self.entities[i]
            if e.span.start < lo:
                break
            if e.type in types and e.span.end <= tok.idx:
                return e
            i -= 1
        return None

    def refer(self, head) -> Optional[EntityMention]:
        """Resolve a pronoun or a definite group noun ("the militia") to an entity."""
        low = head.lower_
        cues = self.lex.cues
        if low in (cues.get("person_pronouns") or []):
            return self.antecedent(head, PERSON_TYPES)
        if low in (cues.get("group_pronouns") or []):
            return self.antecedent(head, GROUP_TYPES)
        nouns = cues.get("group_nouns") or []
        if low in nouns and any(c.lower_ in ("the", "this", "that", "these", "those") for c in head.lefts):
            if any(c.dep_ == "prep" or c.dep_ in ("amod", "compound", "nmod") and c.pos_ != "PROPN"
                   and c.lower_ not in _ANAPHORIC_ADJ and c.lower_ not in nouns and not self._says_side(c)
                   for c in head.children):
                # a description of its own: "the security forces of the Iraqi government";
                # but "the militia groups that were targeted" and "the 'Sayyid al-Shuhada
                # Brigades' faction" point back
                return None
            # "the forces" may be a state's; "the groups", "the militia" are not
            # ("U.S. forces ... but the groups have sworn revenge")
            state = low in (cues.get("state_force_nouns") or [])
            return self.antecedent(head, ARMED_TYPES if state else {"ARMED_GROUP"})
        return None

    def _owner_types(self, head) -> Optional[frozenset[str]]:
        """The entity types a noun of forces or of a state's assets stands for when one
        is named right before it (``state_force_nouns``, ``state_asset_nouns``)."""
        lemma = self.lemma(head)
        if lemma in self.lex.set("cues", "state_force_nouns"):
            return _FORCE_OWNERS
        if lemma in self.lex.set("cues", "state_asset_nouns"):
            return _ASSET_OWNERS
        return None

    def _says_side(self, tok) -> bool:
        """Whether a group noun's modifier says only whose side the group is on, which
        the group it points back to shares: who backs it ("the Iran-backed groups",
        ``sponsor_verbs``) or its people ("the Iraqi militia factions")."""
        return tok.ent_type_ == "NORP" or tok.lower_ in self.lex.built("sponsor_forms", sponsor_forms)

    def _named_by(self, head, preps: frozenset[str], appos: bool) -> list[EntityMention]:
        """Entities named in the head's phrases under ``preps`` (and its appositions)."""
        out: list[EntityMention] = []
        for c in head.children:
            if appos and c.dep_ == "appos":
                heads = [c]
            elif c.dep_ == "prep" and c.lower_ in preps:
                heads = [p for p in c.children if p.dep_ == "pobj"]
            else:
                continue
            for h in heads:
                out.extend(e for e in self.np_entities(h) if e not in out)
        return out

    def arg(self, head) -> tuple[list[EntityMention], Optional[str]]:
        """Entities named by the argument headed by ``head`` (resolving pronouns and
        definite group nouns), and the phrase text when no entity is named."""
        ents = self.np_entities(head)
        if not ents:
            # "several groups, including Kata'ib Hezbollah and Kata'ib Sayyid al-Shuhada":
            # the groups the phrase names as examples; "the acting head of an
            # Iranian-backed militia, the Sayyid al-Shuhada Brigades": the group (or
            # person) a role is of
            ents = self._named_by(head, self.lex.set("cues", "example_preps"), appos=False)
            if not ents and self.lemma(head) in self.lex.set("cues", "role_nouns"):
                ents = self._named_by(head, frozenset({"of", "for"}), appos=True)
            if ents:
                return ents, None
            ref = self.refer(head)
            if ref is not None:
                return [ref], None
            if head.pos_ == "PRON":
                return [], None
            return [], self.phrase_text(head)
        return ents, None

    # ----------------------------------------------------------------- places and times
    def places_between(self, start: int, end: int) -> list[PlaceMention]:
        return [p for p in self.places if start <= p.span.start < end]

    def times_between(self, start: int, end: int) -> list[TimeMention]:
        return [t for t in self.times if start <= t.span.start < end]

    def token_at(self, char: int):
        """The token covering character ``char`` (or the next one)."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return span[0]


def age_before(tok) -> bool:
    """Whether an age stands before the token as its modifier ("a 16-year-old shot":
    the tagger's noun "shot" after an age that stands for its person)."""
    return any(c.dep_ == "amod" and c.lower_ == "old" and c.i < tok.i for c in tok.children)


_HYPHENS = frozenset({"-", "‑"})


def _cut(doc, a: int, b: int, limit: int) -> int:
    """The end of a phrase [a, b) cut to at most ``limit`` tokens, but never inside a
    hyphenated word ("the administration's decision-making", not "decision-") and
    without punctuation left at its end."""
    end = b
    b = min(b, a + limit)
    while b < end and not doc[b - 1].whitespace_ and (doc[b - 1].text in _HYPHENS or doc[b].text in _HYPHENS):
        b += 1
    while b - 1 > a and doc[b - 1].is_punct:
        b -= 1
    return b


def ancestors_upto(tok, limit: int = 8) -> Iterable:
    """The token's heads, nearest first, at most ``limit`` of them."""
    n = 0
    while tok.head.i != tok.i and n < limit:
        tok = tok.head
        n += 1
        yield tok
