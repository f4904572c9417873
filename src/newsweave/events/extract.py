"""Event mentions and claims of one article, from its parse and its other mentions.

The cascade, per sentence that holds a trigger or casualty word (set lookup first, so
most sentences cost nothing): triggers -> one mention per happening -> modality and
background -> arguments, place, time -> counts and facts -> source of the sentence.
Counts the article states about people shot are reconciled with its death counts at
the end ("two were shot ... one of them died" = 1 killed, 1 injured).
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from newsweave.records import Article, Claim, DateRange, EntityMention, EventMention, PlaceMention, TimeMention
from newsweave.events.attribution import Attributor, Source
from newsweave.events.claims import RawClaim, reconcile_counts, sentence_claims, shooter_apart
from newsweave.events.context import DocContext
from newsweave.events.lexicon import Lexicon, Trigger, load_lexicon
from newsweave.events.mentions import (
    RECALLED_REASONS,
    Cand,
    _linked,
    acled_for,
    attach_place,
    attach_time,
    attack_after,
    background_anchors,
    fill_arguments,
    group_assaults,
    is_background,
    is_hypothetical,
    is_negated,
    main_of,
    mark_recalled_times,
    mode_of,
    recalled_as,
    trigger_for,
)
from newsweave.time.find import after_midnight, expression_root, is_late_night

_EXTRA_PREFILTER = frozenset({"casualties", "casualty", "injuries", "injured", "hurt", "responsibility", "behind",
                              "himself", "herself", "murder-suicide", "suicide", "victims", "nobody", "life", "lives",
                              "passed", "passes"})
_REFER_DETS = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "such"}
_DIE_TRIGGER = Trigger(lemma="die", type="ASSAULT", pos="verb", rank=0)
_COARSE = {"week", "month", "season", "year", "decade"}
# how long before a death (or a body found) its attack may be dated and still be it
_AFTERMATH_DAYS = 14


def _time_of(tok, lex: Lexicon) -> bool:
    """'at the time of the shooting', 'the night of the attack': the trigger names the
    moment a time phrase stands for, so that phrase never makes it a recalled event."""
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in lex.time_of_heads


def _series_count(tok) -> bool:
    """'the fifth shooting this month', 'the city's 50th homicide of 2017': an ordinal
    counts the event in a series."""
    return tok.pos_ in ("NOUN", "PROPN") and any(
        c.ent_type_ == "ORDINAL" and c.dep_ in ("amod", "nummod") for c in tok.children)


class _Builder:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.lex = ctx.lex
        self.aid = ctx.article.id
        self.attr = Attributor(ctx)
        self.mentions: list[EventMention] = []
        self.claims: list[Claim] = []
        self.main: Optional[EventMention] = None
        self.last_assault: Optional[EventMention] = None  # latest non-background ASSAULT
        self.last_bg_assault: Optional[EventMention] = None
        self.pending_shots: list[tuple[RawClaim, object, EventMention, Source]] = []
        self._claim_n: dict[tuple[int, str], int] = {}
        self._by_trigger: dict[int, EventMention] = {}
        self.last_any_assault: Optional[EventMention] = None
        self._sent_of: dict[str, int] = {}
        self.live_day: Optional[dt.date] = None  # the first day a reported attack is dated to
        self.live_text = ""  # the time expression that dates it
        self.live_aftermath = False  # and whether it dates a death or a body found, not the attack

    # ------------------------------------------------------------------ mentions
    def mention(self, c: Cand, sent, group: list[Cand], etype: str) -> EventMention:
        ctx = self.ctx
        tok = c.tok
        trig_span = ctx.token_span(tok)
        sent_span = ctx.span(sent.start_char, sent.end_char)
        m = EventMention(id=f"{self.aid}:{trig_span.start}", doc=self.aid, type=etype, trigger=trig_span, sentence=sent_span)
        mode = mode_of(tok, c.trig, ctx) if etype == "ASSAULT" else c.trig.mode
        if etype == "ASSAULT":
            for g in group:  # another trigger of the same happening may name the weapon
                if mode:
                    break
                if g is not c:
                    mode = mode_of(g.tok, g.trig, ctx) if g.trig.rank > 0 else None
            m.mode = mode or "unspecified"
        else:
            m.mode = mode
        m.negated = c.negated
        m.hypothetical = c.hypothetical
        m.background = any(g.background for g in group)
        m.attributes["trigger_lemma"] = c.trig.lemma
        if tok.pos_ in ("VERB", "AUX"):
            # "drones that strike targets": a verb introduces no referent for a later
            # "the strikes" (see fusion's definite descriptions)
            m.attributes["verbal"] = True
        if len(group) > 1:
            m.attributes["also"] = [ctx.token_span(g.tok).as_dict() for g in group if g is not c]
        refers_back = tok.pos_ in ("NOUN", "PROPN") and any(ch.lower_ in _REFER_DETS for ch in tok.lefts)
        if refers_back:
            m.attributes["refers_back"] = True
        fill_arguments(m, tok, ctx, [g.tok for g in group])
        target_words = set(m.target_text.lower().split()) if m.target_text else set()
        target_words |= {w.lower() for e in m.targets for w in e.span.text.split()}
        if any(e.type in ("ARMED_GROUP", "MILITARY") for e in m.targets):
            target_words.add("militia")
        sent_words = set(ctx.lower_text(sent).split())
        m.acled = acled_for(etype, m.mode, c.trig, target_words, sent_words, ctx)
        # place: the sentence's, else the paragraph's, else the main event's
        fallback = self._fallback_place(sent, m, refers_back)
        attach_place(m, tok, sent, ctx, fallback)
        if not attach_time(m, tok, sent, ctx):
            prev = self.last_any_assault
            if refers_back and etype == "ASSAULT" and prev is not None and prev.background and \
                    ctx.sent_index(tok) - self._sent_of.get(prev.id, -9) <= 1:
                # "the attack" right after a recalled event is that event
                m.background = True
                m.date = DateRange(prev.date.start, prev.date.end, prev.date.precision)
            elif refers_back and not m.background and self.main is not None and self.main.date.start is not None:
                m.date = DateRange(self.main.date.start, self.main.date.end, self.main.date.precision)
        if m.time is not None and m.date.precision in _COARSE and _series_count(tok):
            # "the city's 50th homicide this year": the year frames the count, not the event
            m.time, m.date = None, DateRange(None, None, "unknown")
        recalled = next((g.recalled for g in group if g.recalled), None)
        if recalled:
            m.attributes["background_reason"] = RECALLED_REASONS[recalled]
        elif m.background and etype == "ASSAULT" and self._undated_main(sent, m):
            # "the shooting" of an article whose attack has no day yet, on a day weeks
            # before publication: a follow-up report dating its own attack, not a recalled one
            m.background = False
        elif not m.background and etype == "ASSAULT" and not refers_back and self._before_main(m):
            # "a vigil for a man killed in a shooting last week" in a report of Thursday's attack
            m.background = True
            m.attributes["background_reason"] = "dated before the attack the article reports"
        self.mentions.append(m)
        self._by_trigger[tok.i] = m
        if etype == "ASSAULT" and not m.negated and not m.hypothetical:
            self.last_any_assault = m
            self._sent_of[m.id] = ctx.sent_index(tok)
            if m.background:
                self.last_bg_assault = m
            else:
                self.last_assault = m
                if self.live_day is None and m.date.precision == "day":
                    self.live_day = m.date.start
                    self.live_text = m.time.span.text if m.time is not None else ""
                    self.live_aftermath = self._dates_aftermath(m)
                if self.main is None:
                    self.main = m
        return m

    def _dates_aftermath(self, m: EventMention) -> bool:
        """Whether the mention's time expression hangs on a word of what may follow the
        attack by days ("who was shot in a drive-by ... died Sunday": ``aftermath``
        triggers), so that the day is the death's, not the attack's."""
        if m.time is None or m.time.span.field != "text":
            return False
        span = self.ctx.doc.char_span(m.time.span.start, m.time.span.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        head = expression_root(span).head
        if head.dep_ == "prep":
            head = head.head
        trig = trigger_for(head, self.ctx)
        return trig is not None and trig.aftermath

    def _before_main(self, m: EventMention) -> bool:
        """Whether a mention's own time expression ends before the day of the article's
        attack (the first day a reported attack of the article is dated to)."""
        if self.live_day is None or m.time is None or m.date.end is None:
            return False
        if self.live_aftermath and m.date.end >= self.live_day - dt.timedelta(days=_AFTERMATH_DAYS):
            # "died Sunday" ... "The shooting was reported at about 10:30 p.m. Saturday":
            # the death came after the attack
            return False
        if m.date.end == self.live_day - dt.timedelta(days=1) and is_late_night(m.time.span.text) \
                and after_midnight(self.live_text):
            # "shot in the foot overnight" ... "shot in the foot Sunday night": one night
            # told from either side of midnight
            return False
        # even the day before is another attack more often than the same one told across
        # midnight ("a day earlier, a man was shot ..."); measured on local news reports
        return m.date.end < self.live_day

    def _undated_main(self, sent, m: EventMention) -> bool:
        """Whether a mention made background only by its date is the article's own
        attack: no attack reported so far is dated to a day, the mention's own time
        expression gives one, and nothing in the sentence recalls the past ("last year",
        "at the time")."""
        if self.main is None or self.live_day is not None or m.time is None or m.date.precision != "day":
            return False
        bg = self.lex.background_re
        return bg is None or bg.search(self.ctx.lower_text(sent)) is None

    def _fallback_place(self, sent, m: EventMention, refers_back: bool) -> Optional[PlaceMention]:
        ctx = self.ctx
        if not ctx.places:
            return None
        text = ctx.article.text
        para_start = text.rfind("\n\n", 0, sent.start_char)
        para_start = 0 if para_start < 0 else para_start
        before = [p for p in ctx.places if para_start <= p.span.start < sent.start_char]
        if before:
            return before[-1]
        if m.type == "ASSAULT" and not m.background:
            if self.main is not None and self.main.place_mention is not None and refers_back:
                return self.main.place_mention
            if self.main is None:
                return ctx.places[0]
        return None

    # ------------------------------------------------------------------ claims
    def claim(self, m: EventMention, sent, attribute: str, value, source: Source, qualifier: Optional[str] = None,
              subject: Optional[str] = None, value_mention: Optional[EntityMention] = None) -> Claim:
        span = self.ctx.span(sent.start_char, sent.end_char)
        key = (span.start, attribute)
        n = self._claim_n.get(key, 0)
        self._claim_n[key] = n + 1
        c = Claim(
            id=f"{self.aid}:{span.start}:{attribute}:{n}",
            mention=m.id,
            attribute=attribute,
            value=value,
            doc=self.aid,
            start=span.start,
            end=span.end,
            quote=span.text,
            qualifier=qualifier,
            subject=subject,
            attributed_to=source.text,
            attributed_mention=source.mention,
            value_mention=value_mention,
        )
        self.claims.append(c)
        return c

    def _mention_for(self, anchor, sent, groups: list[tuple[list[Cand], Optional[EventMention]]], bg_sentence: bool) -> Optional[EventMention]:
        """The ASSAULT mention a count is about."""
        ctx = self.ctx
        idx: dict[int, EventMention] = {}
        for g, m in groups:
            if m is None:
                continue
            for c in g:
                idx[c.tok.i] = m
        # a count the sentence asserts is not about a trigger it calls planned or denied
        # ("a shooting that left two men dead could have been worse"): such mentions
        # are passed over
        idx = {i: m for i, m in idx.items() if not m.negated and not m.hypothetical}
        if anchor.i in idx:
            return idx[anchor.i]
        j = _linked(anchor, set(idx), ctx)
        if j is not None:
            return idx[j]
        for g, m in groups:
            if m is not None and not m.negated and not m.hypothetical:
                return m
        if bg_sentence and self.last_bg_assault is not None:
            return self.last_bg_assault
        return self.last_assault

    def sentence(self, sent, hits: list) -> None:
        ctx = self.ctx
        lex = self.lex
        anchors = background_anchors(sent, ctx) if self.main is not None else []
        cands: list[Cand] = []
        for t in hits:
            if t.lower_ not in lex.trigger_forms:
                continue
            trig = trigger_for(t, ctx)
            if trig is None:
                continue
            c = Cand(t, trig)
            c.negated = is_negated(t, ctx)
            c.hypothetical = is_hypothetical(t, ctx)
            c.background = is_background(t, anchors) and not _time_of(t, lex)
            if not c.background and trig.type == "ASSAULT":
                # "The vigil was for her son, who was killed Sunday" in a report of the
                # shooting at that vigil; "the shooting was in retaliation for a Labor Day
                # shooting that left one dead": an earlier happening, with its own date and toll
                c.recalled = recalled_as(t, ctx)
                c.background = c.recalled is not None
            cands.append(c)
        assaults = [c for c in cands if c.trig.type == "ASSAULT"]
        groups = group_assaults(assaults, ctx) if assaults else []
        built: list[tuple[list[Cand], Optional[EventMention]]] = []
        strong = any(max(c.trig.rank for c in g) > 0 for g in groups)
        low_words = set(ctx.lower_text(sent).replace(",", " ").replace(".", " ").split())
        non_violent = bool(low_words & lex.set("casualties", "non_violent_causes")) and not (low_words & lex.weapon_words)
        for g in groups:
            main = main_of(g, ctx)
            if non_violent and main.trig.rank < 2:
                built.append((g, None))  # "killed in a car crash": not an attack
                continue
            if main.trig.rank == 0 and (strong or self.last_assault is not None) \
                    and not main.recalled and not self._dated_wounding(main, strong, sent):
                built.append((g, None))  # "he died": about an event already reported
                continue
            built.append((g, self.mention(main, sent, g, "ASSAULT")))
        self._sequence(built, ctx)
        for c in cands:
            if c.trig.type != "ASSAULT":
                self.mention(c, sent, [c], c.trig.type)
        bg_sentence = bool(anchors) and all(m.background for _, m in built if m is not None) if built else bool(anchors)

        raws, shots = sentence_claims(sent, ctx, hits)
        for raw in raws:
            anchor = raw.anchor
            if is_hypothetical(anchor, ctx) and raw.value != 0:
                continue
            if raw.attribute == "arrested":
                m = self._by_trigger.get(anchor.i) or self._mention_for(anchor, sent, built, bg_sentence)
            elif (recalled := recalled_as(anchor, ctx)) is not None:
                # a recalled death counts only for its own event, never for the attack: one
                # a vigil is for may be no attack at all ("the funeral of Brandon Porraz,
                # who died Nov. 27"); what an attack answers is one ("retaliation to the
                # slaying of a man Wednesday": the slaying's toll is its own)
                m = self._by_trigger.get(anchor.i)
                if m is None or not m.background:
                    if recalled == "mourned" or raw.value == 0:
                        continue
                    c = Cand(anchor, _DIE_TRIGGER, background=True, recalled=recalled)
                    m = self.mention(c, sent, [c], "ASSAULT")
                    built.append(([c], m))
            else:
                m = self._mention_for(anchor, sent, built, bg_sentence)
                if m is None and raw.value != 0:
                    c = Cand(anchor, _DIE_TRIGGER, background=is_background(anchor, anchors))
                    m = self.mention(c, sent, [c], "ASSAULT")
                    built.append(([c], m))
            if m is None or (m.negated or m.hypothetical) and raw.value != 0:
                continue
            src = self.attr.source(sent, anchor)
            self.claim(m, sent, raw.attribute, raw.value, src, raw.qualifier, raw.subject)
        for raw in shots:
            if is_hypothetical(raw.anchor, ctx):
                continue  # "may have shot his wife"
            m = self._mention_for(raw.anchor, sent, built, bg_sentence)
            if m is not None and not m.negated and not m.hypothetical:
                self.pending_shots.append((raw, sent, m, self.attr.source(sent, raw.anchor)))
        self._facts(sent, built, hits)

    def _sequence(self, built: list, ctx) -> None:
        """Two attacks of one sentence told one after the other ("a missile strike
        targeted coalition forces after an American raid") are two happenings: each
        mention lists the trigger offsets of the other (``attributes["sequenced"]``),
        which fusion never joins to it within the article."""
        of = {c.tok.i: m for g, m in built if m is not None for c in g}
        for g, m in built:
            if m is None:
                continue
            for c in g:
                later = attack_after(c.tok, ctx)
                other = of.get(later.i) if later is not None else None
                if other is not None and other is not m:
                    m.attributes.setdefault("sequenced", []).append(other.trigger.start)
                    other.attributes.setdefault("sequenced", []).append(m.trigger.start)

    def _dated_wounding(self, main, strong: bool, sent) -> bool:
        """A wounding alone in its sentence that names its day ("Seven people were wounded
        at a private party ... Saturday"): a mention of the attack, dated, not an aside."""
        return (not strong and main.trig.lemma in self.lex.set("cues", "wounding_triggers")
                and any(t.value.precision == "day" and t.role is None
                        for t in self.ctx.times_between(sent.start_char, sent.end_char)))

    def _facts(self, sent, built, hits: list) -> None:
        """Perpetrator, target, weapon and responsibility claims of the sentence."""
        ctx = self.ctx
        lex = self.lex
        for g, m in built:
            if m is None or m.negated or m.hypothetical:
                continue
            tok = next(c.tok for c in g if ctx.token_span(c.tok).start == m.trigger.start)
            src = None
            for e in m.actors:
                src = src or self.attr.source(sent, tok)
                self.claim(m, sent, "perpetrator", e.key or e.span.text, src, value_mention=e)
            if not m.actors and m.attributes.get("actor_text"):
                src = src or self.attr.source(sent, tok)
                self.claim(m, sent, "perpetrator", m.attributes["actor_text"], src)
            for e in m.targets:
                src = src or self.attr.source(sent, tok)
                self.claim(m, sent, "target", e.key or e.span.text, src, value_mention=e)
            if not m.targets and m.target_text:
                src = src or self.attr.source(sent, tok)
                self.claim(m, sent, "target", m.target_text, src)
            seen: set[str] = set()
            gi = {c.tok.i for c in g}
            for t in hits:
                if ctx.lemma(t) not in lex.weapon_words or t.pos_ not in ("NOUN", "PROPN") or t.lower_.endswith("ing"):
                    continue
                related = any(a.i in gi for a in t.ancestors) or any(t.i in {x.i for x in c.tok.ancestors} for c in g) \
                    or any(c.tok.head.i == t.head.i for c in g)
                if not related:
                    continue
                if t.dep_ in ("compound", "amod") and t.head.i in gi:
                    value = t.text
                else:
                    if t.dep_ == "compound":
                        continue
                    value = ctx.span(t.left_edge.idx, t.idx + len(t.text)).text
                    if len(value) > 60:
                        value = t.text
                if value.lower() in seen:
                    continue
                seen.add(value.lower())
                src = src or self.attr.source(sent, tok)
                self.claim(m, sent, "weapon", value, src)
        for t in hits:
            low = t.lower_
            if low == "responsibility" and t.head.pos_ in ("VERB", "AUX"):
                v = t.head
                if ctx.lemma(v) not in ("claim", "take", "accept", "admit", "assume", "bear"):
                    continue
                subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
                about = None
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ == "for":
                        p = next((x for x in c.children if x.dep_ == "pobj"), None)
                        if p is not None:
                            about = self._by_trigger.get(p.i)
                m = about or self._mention_for(t, sent, built, False)
                if m is None:
                    continue
                src = self.attr.source(sent, t)
                none = subj is None or any(c.dep_ == "neg" for c in v.children) or any(
                    c.dep_ == "det" and c.lower_ == "no" for c in subj.children) or subj.lower_ in ("nobody", "none")
                if none:
                    self.claim(m, sent, "responsibility", "none claimed", src)
                else:
                    ents, text = ctx.arg(subj)
                    if ents:
                        self.claim(m, sent, "responsibility", ents[0].key or ents[0].span.text, src, value_mention=ents[0])
                    elif text:
                        self.claim(m, sent, "responsibility", text, src)
            elif low == "behind" and t.head.pos_ in ("AUX", "VERB") and ctx.lemma(t.head) in ("be", "is", "was", "were", "are"):
                p = next((x for x in t.children if x.dep_ == "pobj"), None)
                if p is None:
                    continue
                m = self._by_trigger.get(p.i)
                if m is None:
                    continue
                subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
                if subj is None:
                    continue
                src = self.attr.source(sent, t)
                ents, text = ctx.arg(subj)
                for e in ents[:2]:
                    self.claim(m, sent, "responsibility", e.key or e.span.text, src, value_mention=e)
                    self.claim(m, sent, "perpetrator", e.key or e.span.text, src, value_mention=e)
                if not ents and text:
                    self.claim(m, sent, "responsibility", text, src)

    def finish(self) -> None:
        """Turn counts of people shot into injured counts once the deaths are known,
        then read the article's counts together (``reconcile_counts``)."""
        self._shots_to_injured()
        bg_ids = {m.id for m in self.mentions if m.background}
        self.claims = reconcile_counts(self.claims, bg_ids, self.ctx.article.text, self.lex)

    def _shots_to_injured(self) -> None:
        if not self.pending_shots:
            return
        live = [(r, s, m, src) for r, s, m, src in self.pending_shots if not m.background]
        if not live:
            return
        bg_ids = {m.id for m in self.mentions if m.background}
        raw, sent, m, src = max(live, key=lambda x: x[0].value)
        killed = [c.value for c in self.claims if c.attribute == "killed" and c.mention not in bg_ids and isinstance(c.value, int)
                  and not shooter_apart(c, raw, self.lex)]
        k = max(killed) if killed else 0
        if raw.value - k > 0:
            self.claim(m, sent, "injured", raw.value - k, src, raw.qualifier, raw.subject)


def extract_events(spacy_doc, article: Article, entities: list[EntityMention], places: list[PlaceMention],
                   times: list[TimeMention], res) -> tuple[list[EventMention], list[Claim]]:
    """Event mentions and claims of one article (see the module docstring)."""
    lex: Lexicon = getattr(res, "lexicon", None) or load_lexicon()
    hits = _prefilter(spacy_doc, lex)
    if not hits:
        return [], []
    ctx = DocContext(spacy_doc, article, lex, entities or [], places or [], times or [])
    mark_recalled_times(ctx)
    b = _Builder(ctx)
    by_sent: dict[int, list] = {}
    for i in hits:
        tok = spacy_doc[i]
        by_sent.setdefault(ctx.sent_index(tok), []).append(tok)
    for si in sorted(by_sent):
        sent = ctx.sents[si]
        # limits that keep extraction linear in the input: argument search walks the
        # sentence once per trigger, so an over-long "sentence" (a run-on list, a page
        # of debris) is skipped, and a sentence is read for a bounded number of triggers
        if len(sent) > MAX_SENTENCE_TOKENS:
            continue
        b.sentence(sent, by_sent[si][:MAX_TRIGGERS_PER_SENTENCE])
    b.finish()
    return b.mentions, b.claims


# news sentences are rarely over 120 tokens; a longer one is a list or page debris
MAX_SENTENCE_TOKENS = 250
MAX_TRIGGERS_PER_SENTENCE = 16


def _prefilter(doc, lex: Lexicon) -> list[int]:
    """Indices of tokens worth looking at: a vectorised set lookup on the lower-cased
    form's hash, so that articles without a trigger cost next to nothing."""
    import numpy

    from spacy.attrs import LOWER

    key = ("_prefilter", id(doc.vocab.strings))
    cached = lex.__dict__.get("_prefilter_cache")
    if cached is None or cached[0] != key:
        forms = lex.trigger_forms | lex.casualty_forms | _EXTRA_PREFILTER | lex.weapon_words | {
            str(w).lower() for w in lex.cues.get("months") or []}
        hashes = numpy.array(sorted({doc.vocab.strings.add(f) for f in forms}), dtype="uint64")
        cached = (key, hashes)
        lex.__dict__["_prefilter_cache"] = cached
    if len(doc) == 0:
        return []
    done = doc.user_data.get("newsweave.prefilter")  # the parse selection asked already
    if done is not None and done[0] == key:
        return done[1]
    arr = doc.to_array(LOWER)
    hashes = cached[1]
    at = numpy.minimum(numpy.searchsorted(hashes, arr), len(hashes) - 1)  # a sorted lookup, faster than isin
    hits = numpy.flatnonzero(hashes[at] == arr).tolist() if len(hashes) else []
    doc.user_data["newsweave.prefilter"] = (key, hits)
    return hits
