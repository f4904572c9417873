"""Event mentions: trigger words, one mention per happening, modality and arguments.

Triggers come from ``events_triggers.yaml`` through a set lookup on lower-cased token
text (the fast prefilter); only sentences holding one are walked.  Several ASSAULT
triggers linked in the parse without a separating word ("strikes hit buildings,
killing a child") describe one happening and become one mention led by the most
specific trigger; "after"/"in response to" keep two events apart.  Negated, planned,
threatened and conditional events are flagged, never reported as having happened.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Optional

from newsweave.records import DateRange, EntityMention, EventMention, PlaceMention, TimeMention
from newsweave.events.context import DocContext, age_before, ancestors_upto
from newsweave.events.lexicon import Trigger, sponsor_forms
from newsweave.geo.normalize import lexicon as geo_lexicon

_VERB = {"VERB", "AUX"}
_NOUN = {"NOUN", "PROPN"}
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_MONTH_OR_YEAR = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:1[89]|20)\d\d\b")
_TARGET_PREPS = {"against", "on", "upon", "at", "into"}
# "during a visit", "on a trip": a meeting word in such a phrase has the
# clause's subject among its parties
_VISIT_PREPS = frozenset({"during", "on"})
# event types that are things said (a threat, a condemnation, a call, a denial)
_SPEECH_ACTS = frozenset({"THREATEN", "ACCUSE", "REQUEST", "REJECT"})
_PLACE_PREPS = {"in", "at", "near", "on", "outside", "inside", "across", "along", "around", "from", "over"}
_USERS = {"use", "house", "run", "operate", "hold", "occupy", "belong", "control", "host", "man", "employ"}


@dataclass
class Cand:
    """A trigger token found in a sentence, before grouping."""

    tok: object
    trig: Trigger
    negated: bool = False
    hypothetical: bool = False
    background: bool = False
    # an earlier happening the article's attack is tied to (``recalled_as``): "mourned",
    # the death a vigil or funeral is held for, "answered", what a retaliation answers, or
    # "preceded", what an attack came after, or "earlier" ("a previous attack")
    recalled: Optional[str] = None
    group: int = -1
    members: list = field(default_factory=list)


def _verb_read_as_noun(tok) -> bool:
    """Whether the tagger's noun "shot" (a verb's form, NN) is the verb in its sentence;
    so is one after an age that stands for its person, which makes the verb the age's
    modifier ("the 2-year-old shot himself", "found a 16-year-old shot to death")."""
    if tok.dep_ in ("acl", "advcl", "relcl", "ccomp"):
        return True  # a clause's word: "Jaylen Fryberg, 15, shot and fatally wounded four friends"
    return any(
        (c.dep_ == "conj" and c.pos_ in _VERB)  # joined to a verb: "shot and fatally wounded"
        or c.dep_ == "nummod"  # a headline's participle read as a noun: "4 shot", "2 killed"
        # a noun has no subject: "when someone in a vehicle shot at him"
        or c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
        for c in tok.children) or age_before(tok)


def _noun_heads(tok, ctx: DocContext) -> set[str]:
    """The lemmas a noun trigger's ``head`` list is matched against: its head, the head's
    head, and the word before it (the parse may miss them: "someone inside opened
    fire" tagged "opened" a modifier of "fire")."""
    heads = {ctx.lemma(tok.head), ctx.lemma(tok.head.head)}
    if tok.i > 0:
        heads.add(ctx.lemma(tok.doc[tok.i - 1]))
    return heads


def trigger_for(tok, ctx: DocContext) -> Optional[Trigger]:
    """The trigger a token stands for in its context, or None."""
    lex = ctx.lex
    low = tok.lower_
    if low not in lex.trigger_forms:
        return None
    pos = tok.pos_
    is_verb = pos in _VERB
    is_noun = pos in _NOUN
    lemma = lex.lemmas.get(low, low)
    trig = lex.triggers.get(lemma)
    if is_noun and (trig is None or trig.pos == "verb"):
        # nominal forms listed on their own ("shooting", "bombings") beat the verb lemma
        for form in (low, low[:-1] if low.endswith("s") else low):
            alt = lex.triggers.get(form)
            if alt is not None and alt.pos != "verb" and (
                    trig is None or not alt.head or _noun_heads(tok, ctx) & set(alt.head)):
                # (a noun that names the attack only beside its verbs, "a shot rang out",
                # leaves the tagger's other nouns to the verb: "the 2-year-old shot himself")
                trig, lemma = alt, form
                break
    if is_verb and tok.dep_ in ("amod", "compound") and tok.head.pos_ in _NOUN:
        # the tagger's "shooting" (VBG) before the noun it names: "the two shooting deaths"
        alt = lex.triggers.get(low)
        if alt is not None and alt.pos != "verb" and ctx.lemma(tok.head) in alt.modifies:
            trig, lemma, is_verb, is_noun = alt, low, False, True
    if trig is None:
        return None
    if is_noun and trig.pos == "verb" and low != lemma and tok.tag_ == "NN" and _verb_read_as_noun(tok):
        is_verb, is_noun = True, False
    if trig.pos == "verb" and not is_verb:
        return None
    if trig.pos == "noun" and not is_noun:
        return None
    if trig.pos == "any" and not (is_verb or is_noun):
        return None
    if tok.dep_ in ("amod", "compound") and (is_verb or tok.head.pos_ in _NOUN) and not (
            is_noun and trig.modifies and ctx.lemma(tok.head) in trig.modifies):
        return None  # "Iran-backed", "attack helicopter"; but "gunshot wound" names a shooting
    if trig.plural_only and low == lemma:
        return None
    if pos == "PROPN" and (tok.ent_type_ in ("ORG", "NORP", "GPE", "FAC", "PERSON", "LOC", "WORK_OF_ART", "LAW")
                           or ctx.entities_in(tok.idx, tok.idx + len(tok.text))):
        return None  # part of a name: "Popular Mobilization Forces"
    if any(c.lower_ in lex.exclude_modifiers for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")):
        return None
    if trig.head:
        if is_noun:
            if not _noun_heads(tok, ctx) & set(trig.head):
                return None
        else:  # verbal use: needs a weapon object or an "at/on" target ("fired rockets at")
            ok = any(
                (c.dep_ in ("dobj", "nsubjpass") and (ctx.lemma(c) in lex.mode_words or c.lower_ in trig.objects))
                or (c.dep_ == "prep" and c.lower_ in ("at", "on", "upon", "into"))
                for c in tok.children
            )  # "fired rockets at", "shots were fired", "a gun was fired"
            if not ok:
                return None
    if trig.not_objects and is_verb and any(c.dep_ == "dobj" and c.lower_ in trig.not_objects for c in tok.children):
        return None  # "shooting video"
    if trig.intransitive and is_verb and (
            any(c.dep_ in ("dobj", "ccomp") for c in tok.children)
            # the parse may hang the clause on the verb above: "we've demonstrated with the
            # actions taken ..., that the president is prepared to act"
            or any(c.dep_ == "ccomp" and c.i > tok.i and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                   for c in tok.head.children)):
        return None  # "we've demonstrated that the president is prepared to act"
    if trig.particle:
        parts = _particles(tok, trig.particle) if is_verb else {
            c.lower_ for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ in trig.particle}
        if not parts:
            return None
        if parts == {"for"} and is_verb and any(c.dep_ == "auxpass" for c in tok.children):
            return None  # "police were called to a home for a shooting": summoned, not a demand
    if trig.needs_object:
        needs = set(trig.needs_object)
        sub = [c for c in tok.subtree if c.i != tok.i and c.i > tok.i]
        if not any(ctx.lemma(c) in needs for c in sub[:15]):
            return None
    if trig.supplies and is_verb:
        return _supplying(tok, trig, ctx)
    return trig


def _supplying(tok, trig: Trigger, ctx: DocContext) -> Trigger:
    """'supporting their bases with 60 vehicles': backing "with" a load of goods,
    vehicles or troops is supplying, the actor's own side (MOBILIZE) or another's
    (AID), as the trigger's ``supplies`` says; otherwise the trigger as it is."""
    goods = ctx.lex.set("cues", "supply_nouns")
    if not any(c.dep_ == "prep" and c.lower_ == "with" and any(
            g.dep_ == "pobj" and ctx.lemma(g) in goods for g in c.children)
               for c in tok.children):
        return trig
    own = ctx.lex.set("cues", "own_possessives")
    mine = any(c.dep_ == "dobj" and any(p.dep_ == "poss" and p.lower_ in own for p in c.children)
               for c in tok.children)
    kinds = dict(trig.supplies)
    kind = kinds.get("own" if mine else "other")
    return replace(trig, type=kind, supplies=()) if kind else trig


# ---------------------------------------------------------------------- modality


def is_negated(tok, ctx: DocContext) -> bool:
    """'did not attack', 'no strikes', 'without attacking'."""
    negs = ctx.lex.set("cues", "negators")
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
            return True
    if tok.pos_ in _NOUN and tok.dep_ in ("dobj", "nsubjpass", "attr") and tok.head.pos_ in _VERB:
        if any(c.dep_ == "neg" for c in tok.head.children) and not (
                tok.dep_ == "nsubjpass" and tok.head.lower_ in ctx.lex.set("cues", "relational_passives")):
            return True
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        return True
    # "no shots were fired", "fired no shots": no weapon was used
    if tok.pos_ in _VERB:
        objects = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")
                   and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)]
        if objects:
            trig = ctx.lex.triggers.get(ctx.lemma(tok))
            used = trig.objects if trig else ()
            if any(ctx.lemma(c) in ctx.lex.mode_words or c.lower_ in used for c in objects):
                return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.lower_ in negs and prev.lower_ in ("no", "never")


def _life_threatening(t) -> bool:
    """'life-threatening injuries', 'non-life threatening wounds': a degree of harm done,
    not a threat."""
    doc = t.doc
    j = t.i - 1
    while j >= 0 and doc[j].text in ("-", "\u2010", "\u2011"):
        j -= 1
    return t.lower_ == "threatening" and (j >= 0 and doc[j].lower_ == "life" or any(c.lower_ == "life" for c in t.children))


def _doubted_kind(word, tok, ctx: DocContext) -> bool:
    """'a possible gang-related shooting', 'a possible accidental shooting': the doubt
    is about what kind of shooting it was; that there was one is told."""
    if ctx.lemma(word) not in ctx.lex.set("cues", "epistemic") or word.i >= tok.i:
        return False
    between = tok.doc.text[word.idx + len(word.text):tok.idx]
    between = " ".join(between.replace(" - ", "-").split()).lower()
    kinds = ctx.lex.set("cues", "kind_modifiers")
    return bool(between) and (between in kinds or all(w in kinds for w in between.split()))


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_BE = frozenset({"is", "was", "are", "were", "be", "been", "'s", "’s"})


_COMPLEMENT = frozenset({"xcomp", "ccomp"})


def _particles(verb, particles) -> set[str]:
    """The trigger particles a verb takes: a preposition close after it and before its
    object ("called for", "called Sunday for"; not "what authorities are calling an
    accidental shooting ... on Monday night"), or a particle, which may follow its
    object ("gunned him down")."""
    obj = min((c.i for c in verb.children if c.dep_ == "dobj"), default=len(verb.doc))
    return {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in particles
            and (c.dep_ == "prt" or c.i <= verb.i + 3 and c.i < obj)}


def _presupposed_by(verb, ctx: DocContext, marks: frozenset[str]) -> bool:
    """Whether a verb takes its definite subject's happening as given: "the shooting
    may have stemmed from a fight", "whether these shootings are related", and, outside
    a condition or a question, "the shooting might have occurred in the 3000 block"."""
    lem = ctx.lemma(verb)
    if lem in ctx.lex.set("cues", "presupposing_verbs"):
        return True
    return lem in ctx.lex.set("cues", "existence_verbs") and not any(
        c.dep_ == "mark" and c.lower_ in marks for c in verb.children)


def _naming(verb, ctx: DocContext) -> bool:
    """Whether a verb of summons names rather than asks ("calling the shooting an
    accident", not "called for calm", "called on them to leave", "were called to a
    home"): active, with an object, and with neither its request's particle (the
    trigger's ``particle``) nor an infinitive."""
    kids = list(verb.children)
    if any(c.dep_ == "auxpass" or c.dep_ == "xcomp" for c in kids):
        return False
    trig = ctx.lex.triggers.get(ctx.lemma(verb))
    if trig is not None and trig.particle and _particles(verb, trig.particle):
        return False
    return any(c.dep_ in ("dobj", "oprd") for c in kids)


def _habitual(tok, ctx: DocContext) -> bool:
    """A habit, not one happening: "a group that U.S. forces have bombed on several
    occasions" (``habitual_nouns``, plural, with one of ``habitual_quantifiers``).  "Shot
    multiple times" counts shots of one attack and is not a habit."""
    nouns = ctx.lex.set("cues", "habitual_nouns")
    quantifiers = ctx.lex.set("cues", "habitual_quantifiers")
    for prep in tok.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.lower_ in nouns and any(
                    c.dep_ in ("amod", "nummod", "det") and c.lower_ in quantifiers for c in obj.children):
                return True
    return False


def _generic_present(tok, ctx: DocContext) -> bool:
    """What a kind of thing does, not one happening: an attack or a threat in the
    simple present in a clause about a noun ("drones similar to those that have
    prompted alarm in Washington as they evade detection systems and strike sensitive
    targets", "militia groups that threaten U.S. interests"). A headline's present
    ("Man shoots neighbor") heads its sentence and is not one; an appeal in the present
    ("we urge anyone with video") is one, and is left alone."""
    if tok.pos_ != "VERB" or tok.is_upper or _trigger_type(tok, ctx) not in ("ASSAULT", "THREATEN"):
        return False
    verb = tok
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    if verb.tag_ not in ("VBP", "VBZ") or tok.tag_ not in ("VB", "VBP", "VBZ"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for v in {tok, verb} for c in v.children):
        return False
    return verb.dep_ in ("relcl", "advcl", "acl") and any(a.dep_ == "relcl" for a in [verb, *verb.ancestors])


def is_hypothetical(tok, ctx: DocContext) -> bool:
    """Planned, threatened, feared, wanted or conditional: walks up to the clause and
    the predicates governing it ("vowed to escalate attacks", "could complicate",
    "would seek revenge", "if they dare", "further attacks"); or a habit ("bombed on
    several occasions")."""
    cues = ctx.lex
    modal = cues.set("cues", "modal_aux")
    intensional = cues.set("cues", "intensional")
    reactive = cues.set("cues", "reactive")
    causal = cues.set("cues", "causal")
    case_preps = cues.set("cues", "case_preps")
    inquiry = cues.set("cues", "inquiry_nouns")
    sought = cues.set("cues", "sought_verbs")
    summons = cues.set("cues", "summons_verbs")
    with_particle = cues.set("cues", "particle_intensional")
    marks = cues.set("cues", "conditional_marks")
    speech = cues.set("cues", "speech_verbs")
    if _habitual(tok, ctx) or _generic_present(tok, ctx):
        return True
    if tok.pos_ in _NOUN:
        for c in tok.children:
            if (c.dep_ in ("amod", "det", "compound") or c.dep_ == "acl" and c.tag_ == "VBN") and ctx.lemma(c) in intensional \
                    and not _life_threatening(c) \
                    and not _doubted_kind(c, tok, ctx):
                return True
    going = cues.set("cues", "future_going")
    # "the shooting" in another noun's phrase names a happening taken as known: "anyone with
    # information about the shooting should call", "if anyone has information on the
    # shooting deaths", "could face charges in the shooting"; the modal, the condition or
    # the wish is about the other noun ("would repeat the attack": no such phrase)
    # and so does the subject of what it is said to be: "whether the shooting was accidental"
    # (a trigger before the noun it names stands for the phrase: "the shooting deaths")
    np = tok.head if tok.dep_ in ("amod", "compound") and tok.head.pos_ in _NOUN else tok
    known = ((tok.pos_ in _NOUN or np is not tok)
             and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in np.children)
             and (np.dep_ == "pobj" and np.head.head.pos_ in _NOUN
                  or np.dep_ == "nsubj" and np.head.lower_ in _BE
                  or np.dep_ in ("nsubj", "nsubjpass") and _presupposed_by(np.head, ctx, marks)))
    # (and whatever its article, in the phrase of an inquiry: "information regarding a shooting")
    known = known or (np.dep_ == "pobj" and np.head.head.pos_ in _NOUN and ctx.lemma(np.head.head) in inquiry)
    prev = tok
    for anc in [tok, *ancestors_upto(tok, 6)]:
        lem = ctx.lemma(anc)
        if anc is not tok:
            if prev.dep_ == "prep" and prev.lower_ in case_preps:
                break  # its case or its time, not what is wished or feared: "a teen wanted in a
                # double murder", "called for calm after the shooting", "could face charges in it"
            if lem in reactive and not (prev.dep_ == "prep" and prev.lower_ in ("with", "by", "using")):
                # what is responded to happened; what one responds with may not have:
                # "his intention to respond with air strikes"
                return False
            if anc.lower_ in going and prev.dep_ == "xcomp":
                return True  # "he was going to kill his wife": intended, not done
            if anc.i == tok.head.i and anc.pos_ in _VERB and (tok.dep_ in ("oprd", "attr") or tok.dep_ == "npadvmod" and any(
                    c.dep_ == "auxpass" for c in anc.children)):
                return False  # the predicate classifies a real event: "the death was ruled a homicide"
            wish = lem in intensional or lem in with_particle and any(c.dep_ == "prt" for c in anc.children)
            if wish and lem in summons and anc.pos_ in _VERB and _naming(anc, ctx):
                if any(c.dep_ == "neg" for c in anc.children):
                    return True  # "authorities were not calling the incident a murder-suicide"
                wish = False  # "police are calling the shooting death an accident": it happened
            if wish and anc.pos_ in (_VERB | _NOUN | {"ADJ"}) and not known and not (
                    anc.i == tok.head.i and tok.dep_ in ("compound", "amod") and anc.pos_ in _NOUN) and not (
                    prev.dep_ == "conj" and anc.pos_ in _VERB) and not (
                    lem in sought and anc.tag_ == "VBN") and not (
                    lem in summons and any(c.dep_ == "auxpass" for c in anc.children) and prev.dep_ != "xcomp"):
                # (the noun a trigger qualifies is no wish for it: "a shooting call"; a verb
                # joined to the wish is a predicate of its own: "wanted in a murder, is arrested";
                # a person "wanted for the murder" is sought for what happened; police
                # "called to a home for a shooting" are summoned to it)
                return True
            if anc.pos_ in _VERB and lem in speech:
                return False  # reported speech is asserted by its source
        if (anc.pos_ in _VERB or anc is tok) and not known:
            for c in anc.children:
                if c.dep_ in ("aux", "auxpass") and c.lower_ in modal:
                    return True
                if c.dep_ == "mark" and c.lower_ in marks:
                    return True
        if (anc is not tok and anc.pos_ in _VERB and lem in causal and prev.dep_ in ("prep", "dobj") and not known
                and anc.dep_ not in _COMPLEMENT and not (anc.dep_ == "conj" and anc.head.dep_ in _COMPLEMENT)):
            # "an attempt to scare off dogs led to a shooting death": the death happened
            # (but "planned to cause an explosion": the causing is itself intended)
            break
        if anc.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in anc.children) \
                and ctx.lemma(anc.head) in intensional:
            pass  # the content of a wish or plan: "his intention to respond with air strikes"
        elif anc.dep_ in ("ROOT", "relcl", "acl", "advcl", "parataxis"):
            break  # a relative or adverbial clause asserts its own content
        if anc.dep_ == "ccomp" and any(c.lower_ in ("what", "who", "how", "why", "where", "when") for c in anc.children):
            break  # "trying to find out what led to the shooting": the shooting happened
        prev = anc
    return False


# ---------------------------------------------------------------------- background


def _month_background(month: int, published: Optional[dt.date]) -> bool:
    if published is None:
        return False
    diff = (published.month - month) % 12
    if diff == 0:
        return False
    if diff == 1 and published.day <= 7:
        return False
    return diff <= 11


_MONTH_PREPS = frozenset({"in", "during", "since", "until", "through", "by"})


def _dates_news_by_weekday(ctx: DocContext) -> bool:
    """Whether the article dates something by a weekday name (read once per article)."""
    if ctx.weekday_dated is None:
        from newsweave.time.lexicon import weekdays_named

        ctx.weekday_dated = any(weekdays_named(t.span.text) for t in ctx.times)
    return ctx.weekday_dated


def background_anchors(sent, ctx: DocContext) -> list[int]:
    """Token indices that a background time expression ("last year", "In February",
    "in 2012", a resolved date well before publication) attaches to."""
    anchors: list[int] = []
    art = ctx.article
    pub = art.written
    months = ctx.lex.cues.get("months") or []
    text = ctx.lower_text(sent)
    phrases: list[tuple[int, int]] = []
    if ctx.lex.background_re is not None and ctx.lex.background_re.search(text):
        for m in ctx.lex.background_re.finditer(text):
            phrases.append((sent.start_char + m.start(), sent.start_char + m.end()))
    for tm in ctx.times_between(sent.start_char, sent.end_char):
        end = tm.value.end or tm.value.start
        if end is not None and pub is not None and end < pub - dt.timedelta(days=10):
            phrases.append((tm.span.start, tm.span.end))
    if pub is None and _dates_news_by_weekday(ctx):
        # an undated article that dates its news by weekday ("Sunday night") recalls an
        # earlier happening by its month alone ("In February, the U.S. launched ...")
        for tm in ctx.times_between(sent.start_char, sent.end_char):
            words = tm.span.text.lower().split()
            if tm.value.precision == "unknown" and words and words[-1] in months and (
                    len(words) == 1 or len(words) == 2 and words[0] in _MONTH_PREPS):
                phrases.append((tm.span.start, tm.span.end))
    if not ctx.times and _MONTH_OR_YEAR.search(text):
        for t in sent:
            low = t.lower_
            if low in months and t.pos_ == "PROPN" and _month_background(months.index(low) + 1, pub):
                if t.dep_ != "compound":
                    phrases.append((t.idx, t.idx + len(t.text)))
            elif _YEAR.match(low) and pub is not None and int(low) < pub.year and t.dep_ in ("pobj", "npadvmod", "nummod", "appos"):
                phrases.append((t.idx, t.idx + len(t.text)))
    for a, b in phrases:
        span = ctx.doc.char_span(a, b, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        anchors.append(root.i)
        anchors.append(root.head.i)
        if root.head.dep_ == "prep":
            anchors.append(root.head.head.i)
    return anchors


def _shares_recalled_time(verb, aset: set[int]) -> bool:
    """'In February, two men stormed into the home and opened fire': a predicate joined
    to a recalled one shares its time, unless it has a time of its own ("was shot in
    January and died Sunday")."""
    if verb.dep_ != "conj" or verb.head.i not in aset:
        return False
    for c in verb.children:
        if c.ent_type_ in ("DATE", "TIME") and c.dep_ in ("npadvmod", "tmod", "advmod"):
            return False
        if c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children):
            return False
    return True


def _trigger_type(tok, ctx: DocContext) -> Optional[str]:
    trig = ctx.lex.triggers.get(ctx.lemma(tok)) or ctx.lex.triggers.get(tok.lower_)
    return trig.type if trig is not None else None


def _is_assault(tok, ctx: DocContext) -> bool:
    return _trigger_type(tok, ctx) == "ASSAULT"


def _commemorates(tok, ctx: DocContext) -> bool:
    """Whether a noun names a vigil, a funeral or a memorial ("vigil", "funeral service",
    "the memory of"; ``commemoration_nouns``)."""
    nouns = ctx.lex.set("cues", "commemoration_nouns")
    return tok.pos_ in ("NOUN", "PROPN") and (ctx.lemma(tok) in nouns or any(
        c.dep_ in ("compound", "amod") and ctx.lemma(c) in nouns for c in tok.children))


def _in_description(tok, top) -> bool:
    """Whether a token below ``top`` sits in a clause describing a noun ("a vigil for
    her son, who was killed Sunday")."""
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl"):
            return True
        tok = tok.head
    return False


def attack_at_commemoration(ctx: DocContext) -> bool:
    """Whether the article tells of an attack at a vigil, a funeral or a memorial:
    such a noun is where an attack word's clause takes place ("shot while attending a
    funeral service", "gunfire erupted during a memorial service", "opened fire minutes
    into a vigil, wounding five", "the shooting at his wake"), the attack word not in a
    clause that describes someone ("attended a vigil for her son, who was killed").
    Read once per article."""
    if ctx.commemoration_scene is None:
        preps = ctx.lex.set("cues", "commemoration_scene_preps")
        verbs = ctx.lex.set("cues", "commemoration_scene_verbs")
        found = False
        for tok in ctx.doc:
            if not _commemorates(tok, ctx):
                continue
            if not (tok.dep_ == "pobj" and tok.head.lower_ in preps
                    or tok.dep_ == "dobj" and ctx.lemma(tok.head) in verbs):
                continue
            verb = next((a for a in ancestors_upto(tok, 6) if a.pos_ in ("VERB", "AUX")), None)
            while verb is not None and verb.dep_ in ("advcl", "xcomp", "pcomp") and verb.head.i != verb.i:
                verb = verb.head  # "were shot while attending a funeral"
            if verb is not None and any(_is_assault(t, ctx) and not _in_description(t, verb)
                                        for t in verb.subtree):
                found = True
                break
        ctx.commemoration_scene = found
    return ctx.commemoration_scene


def commemorated_death(tok, ctx: DocContext) -> bool:
    """Whether an attack word tells of the death a vigil, a funeral or a memorial is
    held for: it sits in a clause describing the person ("The vigil was for Doreen
    Scofield's son, who was killed Sunday", "a vigil honoring a man killed in a shooting
    last week", "the funeral of Brandon Porraz, who died Nov. 27", "The memorial service
    was for Brandon Porraz -- a motorcyclist who died after crashing"), and that person
    is what the gathering is for or of, or what a verb of commemorating takes."""
    person = None
    for anc in (tok, *ancestors_upto(tok, 6)):
        if anc.dep_ in ("relcl", "acl") and anc.head.pos_ in ("NOUN", "PROPN", "PRON"):
            person = anc.head
            break
    if person is None:
        return False
    while person.dep_ == "appos" and person.head.i != person.i:
        person = person.head
    head = person.head
    if person.dep_ == "dobj":
        return ctx.lemma(head) in ctx.lex.set("cues", "commemorating_verbs")
    if person.dep_ != "pobj" or head.lower_ not in ("for", "of"):
        return False
    owner = head.head
    if _commemorates(owner, ctx):
        return True
    # "The vigil was for ...", "People were gathered for the funeral ..."
    return owner.pos_ in ("AUX", "VERB") and any(
        c.dep_ in ("nsubj", "nsubjpass") and _commemorates(c, ctx) for c in owner.children)


_ANSWERED_PREPS = frozenset({"for", "to", "over", "of"})


def _attack_clause(tok, ctx: DocContext) -> bool:
    """Whether a verb (or a copula) tells of an attack: it is an attack word, its subject
    or object is one ("the shooting was ...", "opened fire"), or its subject is a
    pronoun standing for the article's attack ("this is in retaliation")."""
    if _is_assault(tok, ctx):
        return True
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                _is_assault(c, ctx) or c.dep_ == "nsubj" and c.lower_ in ("this", "it", "that")):
            return True
    return False


def answered_by_attack(tok, ctx: DocContext) -> bool:
    """Whether an attack word names what another attack answers: "the shooting was an act
    of retaliation to a Labor Day weekend triple shooting", "Saturday's attack was in
    retaliation for a Labor Day shooting that left one person dead", "this is in
    retaliation to the Deandre Smith killing", "shot him to avenge his brother's killing",
    "the raid came in response to attacks by drones".
    A vow's object is not (the militias "vowed revenge for the attack" the article
    reports): the answer must be an attack told as real."""
    words = ctx.lex.set("cues", "retaliation_words")
    cur = tok
    node = None
    for _ in range(3):
        if cur.dep_ == "pobj" and cur.head.lower_ in _ANSWERED_PREPS:
            nxt = cur.head.head
        elif cur.dep_ in ("dobj", "compound", "poss"):
            nxt = cur.head
        else:
            return False
        if ctx.lemma(nxt) in words or any(  # "an act of retaliation to ..."
                c.dep_ == "prep" and c.lower_ == "of" and any(
                    g.dep_ == "pobj" and ctx.lemma(g) in words for g in c.children) for c in nxt.children):
            node = nxt
            break
        cur = nxt
    if node is None:
        return False
    if node.pos_ in ("VERB", "AUX"):
        return node.dep_ in ("advcl", "xcomp") and _attack_clause(node.head, ctx)
    head = node.head
    if node.dep_ == "pobj" and head.lower_ in ("in", "as"):  # "was in retaliation for"
        head = head.head
    elif node.dep_ not in ("attr", "appos", "acomp"):
        return False
    return _attack_clause(head, ctx)


def _attack_subject(verb, ctx: DocContext):
    """The attack word that is the active subject of a verb ("the U.S. strikes came
    after ..."), else None."""
    if verb.pos_ != "VERB":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and _is_assault(c, ctx)), None)


def preceded_attack(tok, ctx: DocContext) -> bool:
    """Whether an attack word names what another attack is told to come after: "the
    U.S. strikes came after attacks by Iranian-backed militias", "that attack followed
    a shooting at a home" (``sequence_verbs``, the later attack their subject)."""
    if tok.pos_ in _VERB:
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "after":
        verb = tok.head.head
    elif tok.dep_ == "dobj":
        verb = tok.head
    else:
        return False
    return ctx.lemma(verb) in ctx.lex.set("cues", "sequence_verbs") and _attack_subject(verb, ctx) is not None


def attack_after(tok, ctx: DocContext):
    """The attack word told to come after the one ``tok`` names, in one clause: "a
    missile strike targeted coalition forces ... after an American raid" (the subject
    of the verb the "after" phrase hangs on), else None.  Both may be news of the day
    (a strike and the answer to it), so neither is made an earlier event; they are only
    two happenings.  Not "a man was killed after a shooting": the subject is the victim."""
    if tok.pos_ in _VERB or tok.dep_ != "pobj" or tok.head.lower_ != "after":
        return None
    return _attack_subject(tok.head.head, ctx)


def anterior_attack(tok, ctx: DocContext) -> bool:
    """Whether an attack noun is told as one before the article's news: "an earlier set
    of strikes on the Syrian side of the border", "a previous attack", "prior
    shootings" (``anterior_adjs``, on the noun or on the noun that counts it:
    ``series_nouns``), without a definite article or a possessive."""
    if tok.pos_ not in _NOUN:
        return False
    node = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and ctx.lemma(tok.head.head) in ctx.lex.set("cues", "series_nouns"):
        node = tok.head.head
    adjs = ctx.lex.set("cues", "anterior_adjs")
    if not any(c.dep_ == "amod" and c.lower_ in adjs for c in node.children):
        return False
    return not any(c.dep_ in ("det", "poss") and (c.dep_ == "poss" or c.lower_ in _DEFINITE) for c in node.children)


RECALLED_REASONS = {
    "mourned": "the death a vigil or funeral is held for, in a report of an attack at it",
    "answered": "what a reported attack is told to answer (retaliation, revenge)",
    "preceded": "an attack a reported one is told to come after",
    "earlier": "an attack told as earlier than the article's news (\"a previous attack\")",
}


def recalled_as(tok, ctx: DocContext) -> Optional[str]:
    """The earlier happening an attack word names, if it is one the article's attack is
    tied to: "mourned", the death a vigil or funeral is held for in an article that
    reports an attack at that gathering (:func:`commemorated_death`,
    :func:`attack_at_commemoration`), "answered", what an attack is told to answer
    (:func:`answered_by_attack`), "preceded", what an attack is told to come after
    (:func:`preceded_attack`), or "earlier", an attack told as before the news
    (:func:`anterior_attack`); else None.  Such a happening keeps its own date and
    toll."""
    if commemorated_death(tok, ctx) and attack_at_commemoration(ctx):
        return "mourned"
    if answered_by_attack(tok, ctx):
        return "answered"
    if preceded_attack(tok, ctx):
        return "preceded"
    if anterior_attack(tok, ctx):
        return "earlier"
    return None


def is_background(tok, anchors: list[int]) -> bool:
    if not anchors:
        return False
    aset = set(anchors)
    if tok.i in aset:
        return True
    if tok.pos_ in _VERB and _shares_recalled_time(tok, aset):
        return True
    for anc in ancestors_upto(tok, 6):
        if anc.i in aset:
            return True
        if anc.pos_ in _VERB:
            if _shares_recalled_time(anc, aset):
                return True
            break
    if tok.pos_ in _NOUN:
        lo, hi = tok.left_edge.i, tok.right_edge.i
        doc = tok.doc
        for a in aset:
            if not lo <= a <= hi:
                continue
            # only the noun's own modifiers ("the strike last year"), not a clause inside it
            cur = doc[a]
            while cur.i != tok.i and cur.pos_ not in _VERB and cur.head.i != cur.i:
                cur = cur.head
            if cur.i == tok.i:
                return True
    heads, _ = _beyond_after(tok)
    if heads:
        # "cut in half since the start of last year, after the assassination of ...":
        # what an "after" phrase names came before the recalled clause it hangs on
        doc = tok.doc
        for a in aset:
            cur = doc[a]
            for _ in range(4):
                if cur.pos_ in _VERB or cur.head.i == cur.i:
                    break
                cur = cur.head
            if cur.i in heads:
                return True
    return False


# ---------------------------------------------------------------------- grouping


def _linked(a, b_index: set[int], ctx: DocContext) -> Optional[int]:
    """The trigger index that ``a`` reaches going up the tree without crossing a
    separating word, or None."""
    seps = ctx.lex.separators
    cur = a
    for _ in range(8):
        if cur.head.i == cur.i:
            return None
        nxt = cur.head
        if ctx.lemma(cur) in seps and cur is not a:
            return None
        if cur.dep_ in ("relcl", "acl") and nxt.pos_ in _NOUN and nxt.i not in b_index:
            return None
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in seps for c in cur.children):
            return None
        if cur.dep_ == "conj" and cur.pos_ in _NOUN and nxt.pos_ in _NOUN:
            return None
        if nxt.i in b_index:
            return nxt.i
        cur = nxt
    return None


def group_assaults(cands: list[Cand], ctx: DocContext) -> list[list[Cand]]:
    """Union linked ASSAULT triggers of one sentence; each group is one happening."""
    by_i = {c.tok.i: c for c in cands}
    parent = {i: i for i in by_i}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    idx = set(by_i)
    for c in cands:
        j = _linked(c.tok, idx, ctx)
        if j is not None:
            parent[find(c.tok.i)] = find(j)
    groups: dict[int, list[Cand]] = {}
    for c in cands:
        groups.setdefault(find(c.tok.i), []).append(c)
    return sorted(groups.values(), key=lambda g: min(x.tok.i for x in g))


def main_of(group: list[Cand], ctx: DocContext) -> Cand:
    """The trigger that names the happening best: highest rank, a known mode, then first."""
    def score(c: Cand) -> tuple:
        return (c.trig.rank, 1 if (c.trig.mode or mode_of(c.tok, c.trig, ctx)) else 0, -c.tok.i)
    return max(group, key=score)


# ---------------------------------------------------------------------- mode / ACLED


def mode_of(tok, trig: Trigger, ctx: DocContext) -> Optional[str]:
    """The ASSAULT mode from the trigger's own modifiers ("air strike", "rocket attack",
    "attacked with drones", "fired rockets")."""
    mw = ctx.lex.mode_words
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "dobj", "nsubj") and c.i < tok.i + 4:
            m = mw.get(ctx.lemma(c))
            if m:
                return m
            for cc in c.children:  # "drone attacks": compound of compound
                if cc.dep_ in ("compound", "amod"):
                    m = mw.get(ctx.lemma(cc))
                    if m:
                        return m
        if (c.dep_ == "prep" and c.lower_ in ("with", "by", "using")) or c.dep_ == "agent":  # "attacked by missiles"
            for p in c.children:
                if p.dep_ == "pobj":
                    m = mw.get(ctx.lemma(p))
                    if m:
                        return m
                    for cc in p.children:
                        if cc.dep_ in ("compound", "amod"):
                            m = mw.get(ctx.lemma(cc))
                            if m:
                                return m
    if tok.pos_ in _NOUN and tok.head.pos_ in _VERB:
        # "fired rockets", "the gunman opened fire"
        for c in tok.head.children:
            if c.dep_ == "nsubj":
                m = mw.get(ctx.lemma(c))
                if m:
                    return m
    if tok.pos_ in _VERB:
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                m = mw.get(ctx.lemma(c))
                if m:
                    return m
        # "drones targeting U.S. bases", "artillery fire targeting positions": the weapon
        # is the noun the participle describes (its head, or the noun right before it,
        # which the parser may not make its head), or that noun's modifier
        head = tok.head if tok.dep_ == "acl" else tok.doc[tok.i - 1] if tok.tag_ == "VBG" and tok.i > 0 else None
        if head is not None and head.pos_ in _NOUN:
            for w in [head] + [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]:
                m = mw.get(ctx.lemma(w))
                if m:
                    return m
    return trig.mode


def acled_for(etype: str, mode: Optional[str], trig: Trigger, target_words: set[str], sent_words: set[str], ctx: DocContext) -> Optional[dict[str, str]]:
    table = ctx.lex.acled
    keys: list[str] = []
    if etype == "ASSAULT":
        if trig.acled:
            keys.append(f"ASSAULT/{trig.acled}")
        m = mode or "unspecified"
        if "suicide" in sent_words and m == "explosives":
            keys.append("ASSAULT/suicide")
        if "grenade" in sent_words and m == "explosives":
            keys.append("ASSAULT/grenade")
        if target_words & ctx.lex.armed_words:
            keys.append(f"ASSAULT/{m}/armed")
        keys.append(f"ASSAULT/{m}")
    elif etype == "PROTEST":
        hint = trig.acled or "protest"
        if hint == "protest" and sent_words & ctx.lex.intervention_words:
            keys.append("PROTEST/protest/intervention")
        keys.append(f"PROTEST/{hint}")
    elif etype == "COERCE" and mode == "abduction":
        keys.append("COERCE/abduction")
    for k in keys:
        if k in table:
            ev, sub = table[k]
            return {"event_type": ev, "sub_event_type": sub}
    return None


# ---------------------------------------------------------------------- arguments


def _pobj(prep):
    for c in prep.children:
        if c.dep_ == "pobj":
            return c
    return None


def _users(head, ctx: DocContext):
    """'facilities used by militias' -> the militias (not 'factions backed by Iran':
    ``sponsor_verbs`` in events_cues.yaml)."""
    for c in head.children:
        if c.dep_ in ("acl", "relcl") and not _sponsor(c, ctx):
            for a in c.children:
                if a.dep_ == "agent":
                    p = _pobj(a)
                    if p is not None:
                        return p
    return None


def _doers(verb) -> list:
    """Who does what ``verb`` says: its active subject, or the object of its "by" agent."""
    out = []
    for c in verb.children:
        if c.dep_ == "nsubj":
            out.append(c)
        elif c.dep_ == "agent":
            p = _pobj(c)
            if p is not None:
                out.append(p)
    return out


_QUOTE_CLOSE = frozenset({'"', "”", "'", "’", "''"})


def _after_quote(tok) -> bool:
    """Whether a word comes right after a closing quotation mark (and a comma)."""
    before = [t.text for t in tok.doc[max(tok.sent.start, tok.i - 2):tok.i]]
    return bool(before) and any(b in _QUOTE_CLOSE for b in before) and all(b in _QUOTE_CLOSE or b == "," for b in before)


def _person_nouns(lex) -> frozenset[str]:
    cas = ("perpetrator_nouns", "police_nouns", "police_force_nouns", "neutral_person_nouns", "female_nouns",
           "male_nouns", "adult_nouns")
    return frozenset().union(*(lex.set("casualties", k) for k in cas), lex.set("cues", "group_nouns"),
                             lex.set("cues", "role_nouns"))


def _can_act(tok, ctx: DocContext) -> bool:
    """Whether a noun names someone who can act: a named person, group or state, or a
    person or group noun of the lexicons ("man", "gunman", "officer", "militia")."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or ctx.entities_in(tok.idx, tok.idx + len(tok.text)):
        return True
    nouns = ctx.lex.built("person_nouns", _person_nouns)
    return tok.lower_ in nouns or ctx.lemma(tok) in nouns


def _names_a_street(p) -> bool:
    """Whether a preposition's object is a street, a block or a corner: where a shooting
    happened ("a shooting on Princeton Drive", "shot on the 800 block of Elm", "shot on
    his way home"), not whom it hit (the geocoder's ``street_words``)."""
    word = p.lower_.rstrip(".")
    return word in geo_lexicon()["street_words"] or word in _STREET_PARTS


_STREET_PARTS = frozenset({"block", "intersection", "corner", "alley", "alleyway", "sidewalk"})


def arguments(tok, ctx: DocContext) -> tuple[list, list]:
    """Head tokens of the actor(s) and target(s) of the trigger."""
    actors: list = []
    targets: list = []
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    relative = False  # the clause's subject is a relative pronoun ("who", "that")
    if tok.pos_ in _VERB:
        actors.extend(_doers(tok))
        relative = tok.dep_ == "relcl" and any(a.tag_ in ("WDT", "WP") for a in actors)
        if tok.dep_ == "relcl" and tok.head.pos_ in _NOUN:
            # "militia groups that threaten U.S. interests", "the man who shot Williams":
            # the relative pronoun stands for the noun the clause describes, when that is
            # someone who can act (not "the victim who died", "a rainstorm that pounded")
            doer = tok.head if _can_act(tok.head, ctx) and ctx.lemma(tok) not in ctx.lex.set("casualties", "died_verbs") else None
            actors = [a for a in ((doer if a.tag_ in ("WDT", "WP") else a) for a in actors) if a is not None]
        for c in tok.children:
            if c.dep_ == "nsubjpass":
                targets.append(c)
            elif c.dep_ == "dobj":
                if ctx.lemma(c) not in ctx.lex.mode_words:
                    targets.append(c)
            elif c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
                p = _pobj(c)
                if p is None or p.ent_type_ in ("DATE", "TIME") or _names_a_street(p):
                    continue
                if c.lower_ in ("against", "at") or not targets:
                    targets.append(p)
        if not actors and tok.tag_ == "VBZ" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
            # "drawing condemnation and calls for revenge by the militias": a plural noun
            # the tagger read as a verb, with no subject, takes its "by" phrase's doer
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    p = _pobj(c)
                    if p is not None and p.ent_type_ not in ("DATE", "TIME") and ctx.lemma(p) not in ctx.lex.mode_words:
                        actors.append(p)
        if not actors and tok.tag_ == "VBG" and _after_quote(tok):
            # 'He said in a statement, "Iraq renews its refusal ...," calling for calm':
            # a participle after a quotation is the speaker's (the parser may hang it
            # on a word inside the quotation)
            root = tok.sent.root
            if ctx.lemma(root) in ctx.lex.set("cues", "speech_verbs"):
                actors.extend(_doers(root))
        if (not actors and not passive and tok.dep_ == "xcomp" and tok.head.pos_ in _VERB
                and ctx.lemma(tok.head) in ctx.lex.set("cues", "object_control_verbs")):
            # "prompted Iraq's parliament to urge", "called on all parties to exercise
            # restraint": who is prompted or called on does what follows (not "used a
            # shotgun to kill", "left the area firing shots")
            for c in tok.head.children:
                if c.dep_ == "dobj" and c.i < tok.i:
                    actors.append(c)
                elif c.dep_ == "prep" and c.lower_ == "on":
                    p = _pobj(c)
                    if p is not None:
                        actors.append(p)
        if (not actors and not passive and tok.dep_ == "conj" and tok.head.dep_ == "ccomp"
                and _trigger_type(tok, ctx) in _SPEECH_ACTS and ctx.lemma(tok.head.head) in ctx.lex.set("cues", "speech_verbs")):
            # "The Popular Mobilization Forces said their men were on missions ... and
            # denied the presence of weapons warehouses": a speech act joined to the
            # reported clause is the speaker's
            actors.extend(_doers(tok.head.head))
        if not actors and not passive and tok.dep_ in ("conj", "advcl", "xcomp", "acl") and tok.head.pos_ in (_VERB | _NOUN):
            actors.extend(_doers(tok.head))
        if (not actors and not passive and not relative and tok.head.pos_ in _NOUN
                and (tok.dep_ == "relcl" or tok.dep_ == "acl" and tok.tag_ == "VBG")
                and not any(c.dep_ == "advmod" and c.tag_ == "WRB" for c in tok.children)):
            # "factions threatening the United States"; not "the facility where the
            # militiamen were killed" (a place, and the clause is passive).  After a list
            # the participle is its last member's ("from Baghdad, the army and armed
            # factions close to Iran, vowing revenge": the factions)
            last = max(tok.head.conjuncts, key=lambda c: c.i, default=tok.head)
            actors.append(last if tok.head.i < last.i < tok.i else tok.head)
    else:
        for c in tok.children:
            if c.dep_ == "poss" and (c.lower_ not in ("its", "their", "his", "her") or ctx.refer(c) is not None):
                actors.append(c)
            elif c.dep_ in ("compound", "amod") and (c.ent_type_ in ("NORP", "GPE", "ORG") or ctx.entities_in(c.idx, c.idx + len(c.text))):
                if ctx.lemma(c) not in ctx.lex.mode_words:
                    actors.append(c)
            elif c.dep_ == "prep" and (c.lower_ == "by" or c.lower_ == "from" and not _is_assault(tok, ctx)):
                p = _pobj(c)
                if p is not None:
                    actors.append(p)
            elif c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
                p = _pobj(c)
                if p is not None and p.ent_type_ not in ("DATE", "TIME") and not _names_a_street(p):
                    targets.append(p)
            elif c.dep_ == "acl":
                for a in c.children:
                    if a.dep_ == "agent":
                        p = _pobj(a)
                        if p is not None:
                            actors.append(p)
                    elif a.dep_ == "dobj" and ctx.lemma(c) in ("target", "hit", "strike"):
                        targets.append(a)
        if not targets:
            # "drone attacks by pro-Iranian militias against US forces": the parser hangs
            # the attack's "against" phrase on its doer
            for c in tok.children:
                p = _pobj(c) if c.dep_ == "prep" and c.lower_ == "by" else None
                for g in (p.children if p is not None else ()):
                    if g.dep_ == "prep" and g.lower_ in ctx.lex.set("cues", "opponent_preps"):
                        q = _pobj(g)
                        if q is not None and q.ent_type_ not in ("DATE", "TIME"):
                            targets.append(q)
        h = tok.head
        if _trigger_type(tok, ctx) == "CONSULT":
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ctx.lex.set("cues", "party_preps"):
                    # "talks with Iran", "a meeting between Biden and Putin": the other party
                    for p in c.children:
                        if p.dep_ == "pobj":
                            (actors if c.lower_ == "between" else targets).append(p)
                            actors.extend(x for x in p.conjuncts if c.lower_ == "between")
            if not actors and tok.dep_ == "pobj" and h.lower_ in _VISIT_PREPS and h.head.pos_ in _VERB:
                # "During a visit to Rome, Blinken said": who speaks is on the visit
                actors.extend(_doers(h.head))
        if not actors and tok.dep_ == "dobj" and h.pos_ in _VERB:
            # "It represented rare condemnation by the Iraqi military": the parser hangs
            # the noun's "by" phrase, right after it, on the verb that governs it
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ == "by" and c.i == tok.right_edge.i + 1:
                    p = _pobj(c)
                    if p is not None and p.ent_type_ not in ("DATE", "TIME") and ctx.lemma(p) not in ctx.lex.mode_words:
                        actors.append(p)
        if not actors and tok.dep_ in ("dobj", "nsubjpass") and ctx.lemma(h) in ctx.lex.light_verbs:
            actors.extend(_doers(h))
        if not targets and tok.dep_ == "nsubj" and h.pos_ in _VERB and ctx.lemma(h) in ("target", "hit", "strike", "kill"):
            for c in h.children:
                if c.dep_ == "dobj":
                    targets.append(c)
    # "facilities used by militias": the users are the target
    out_t = []
    for t in targets:
        u = _users(t, ctx)
        out_t.append(u if u is not None else t)
        if u is not None:
            out_t.append(t)
    return actors, out_t


def fill_arguments(m: EventMention, tok, ctx: DocContext, group_toks: list) -> None:
    actors, targets = arguments(tok, ctx)
    for g in group_toks:  # other triggers of the same happening add what the main one lacks
        if g is tok:
            continue
        a2, t2 = arguments(g, ctx)
        if not actors:
            actors = a2
        if not targets:
            targets = [t for t in t2 if ctx.lemma(t) not in ctx.lex.casualty_forms]
    own = {g.i for g in group_toks}
    actors = [a for a in actors if a.i not in own]  # "a missile strike targeted X": not its own actor
    targets = [t for t in targets if t.i not in own]
    seen: set[int] = set()
    actor_text = None
    for a in actors:
        ents, text = ctx.arg(a)
        for e in ents:
            if id(e) not in seen:
                m.actors.append(e)
                seen.add(id(e))
        if text and actor_text is None and not _names_no_perpetrator(a, ctx):
            actor_text = text
    if actor_text and not m.actors:
        m.attributes["actor_text"] = actor_text
    seen = set()
    for t in targets:
        if t.pos_ == "ADJ" or t.lower_ in ctx.lex.set("cues", "kind_modifiers"):
            continue  # "deem the shooting accidental": what it was judged, not whom it hit
        if t.lower_ in ("nobody", "none", "noone") or any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            continue  # "no one was shot", "no shots were fired": nobody to name
        ents, text = ctx.arg(t)
        for e in ents:
            if id(e) not in seen and e not in m.actors:
                m.targets.append(e)
                seen.add(id(e))
        if text and m.target_text is None:
            m.target_text = text


# ---------------------------------------------------------------------- place and time


def _sponsor(tok, ctx: DocContext) -> bool:
    """Whether a word says who backs someone ("backed", "allied", "Iran-sponsored")."""
    return tok.lower_ in ctx.lex.built("sponsor_forms", sponsor_forms)


def _place_elsewhere(root, trigger, ctx: DocContext) -> bool:
    """Whether a place token says where someone was taken, held or comes from, or who backs
    someone, or who is party to a deal, not where the event happened: "from Texas", "a
    hospital in Atlanta", "booked into the Tulsa jail", "factions backed by Iran",
    "Iran-backed militias", "the nuclear deal with Iran"."""
    from newsweave.geo.normalize import lexicon

    backer = root.head if root.dep_ in ("npadvmod", "compound", "nmod") else (
        root.head.head if root.dep_ == "pobj" and root.head.lower_ in ("by", "with", "to") else None)
    if backer is not None and backer.i != trigger.i and backer.dep_ in ("acl", "amod", "relcl") and _sponsor(backer, ctx):
        return True
    if root.dep_ == "pobj" and _aligned_with(root.head.head, ctx):
        return True  # "armed factions ... close to Iran": whom they side with
    if (root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.i != trigger.i
            and root.head.head.pos_ in _NOUN):
        return True  # "a man from Atlanta", not "condemnations from Baghdad"
    prep = _party_prep(root, ctx)
    if prep is not None and prep.head.i != trigger.i and prep.head.pos_ in _NOUN and prep.head.lower_ in _PACT_NOUNS:
        return True  # "the 2015 nuclear deal with Iran": a party to it, not where anything happened
    heads = lexicon()["place_elsewhere_heads"]
    if root.head.i != root.i and root.head.lower_ in heads and root.dep_ in ("compound", "amod", "nmod"):
        return True  # "the Tulsa County jail"
    if root.lower_ in heads and root.i != trigger.i:
        return True  # "in an Atlanta area hospital": the name is part of the hospital's
    for n, anc in enumerate(root.ancestors):
        if anc.i == trigger.i or n >= 4:
            break
        if anc.lower_ in heads:
            return True
    return False


def _aligned_with(tok, ctx: DocContext) -> bool:
    """Whether ``tok`` is an adjective of alignment ("close") qualifying a group: an
    organisation's name or a group noun ("factions close to Iran", "the PMF close to
    Tehran"), not a place ("a village close to the border")."""
    if tok.lower_ not in ctx.lex.set("cues", "alignment_words") or tok.dep_ not in ("amod", "acl", "acomp"):
        return False
    nouns = ctx.lex.set("cues", "group_nouns")
    # the parser may hang it on another of a list of groups ("the Iraqi army, ... and
    # armed factions within the PMF close to Iran")
    return any(g.ent_type_ in ("ORG", "NORP") or ctx.lex.lemmas.get(g.lower_, g.lower_) in nouns
               for g in (tok.head, *tok.head.conjuncts))


def _party_prep(root, ctx: DocContext):
    """The preposition ("with", "between": ``party_preps``) whose object is the place
    name, or one of a list of them ("talks between the Biden administration and
    Iran"), else None."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ in ctx.lex.set("cues", "party_preps"):
        return root.head
    return None


_ASIDE_OPEN = frozenset({"–", "—", "-", "("})
_ASIDE_CLOSE = frozenset({"–", "—", "-", ")"})


def _holds(verb, trigger) -> bool:
    """Whether ``trigger`` belongs to ``verb``'s clause: in its subtree, or, when an
    aside between dashes made the parser hang the rest of the sentence on the main
    verb ("Washington is still engaged – albeit now falteringly – in indirect
    talks"), an object of the main verb right after that aside."""
    if trigger in verb.subtree:
        return True
    head = trigger.head
    if not (trigger.dep_ == "pobj" and head.dep_ == "prep" and head.head.i != head.i):
        return False
    gap = verb.doc[verb.right_edge.i + 1 : head.i]
    return (len(gap) > 1 and gap[0].text in _ASIDE_OPEN and gap[-1].text in _ASIDE_CLOSE
            and head.head in verb.ancestors)


def _a_party(root, trigger, ctx: DocContext) -> bool:
    """Whether a place name is a side of a threat, talks or an alliance rather than where
    it happened (for events other than attacks): the object of "against" ("vowing
    revenge against Washington"), the sender of a statement or a condemnation
    ("condemnations from Baghdad"), or a party named on the trigger itself ("indirect
    talks with Iran", "talks between the Biden administration and Iran", "factions
    allied with Iran"; a party to other talks or a deal: :func:`_place_elsewhere`)."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "revenge against Washington and Tehran"
    if root.dep_ == "pobj" and root.head.lower_ in ctx.lex.set("cues", "opponent_preps"):
        return True
    if root.dep_ == "nsubj" and root.i < trigger.i and _holds(root.head, trigger) and any(
            e.type == "GOVERNMENT" for e in ctx.entities_in(root.idx, root.idx + len(root.text))):
        return True  # the capital that acts: "Washington is still engaged in indirect talks with Iran"
    if root.dep_ == "pobj" and root.head.lower_ in ctx.lex.set("cues", "source_preps") and root.head.head.i == trigger.i:
        return True  # "condemnations from Baghdad": who sent them
    if root.dep_ == "dobj" and root.head.i == trigger.i and ctx.lemma(trigger) not in ctx.lex.set("cues", "visit_verbs"):
        return True  # "factions threatening the United States": whom they threaten
    prep = _party_prep(root, ctx)
    return prep is not None and prep.head.i == trigger.i


def _in_attribution(root, trigger, ctx: DocContext) -> bool:
    """Whether a place name sits in the phrase that says whom the sentence comes from
    ("according to a Sky News Arabia correspondent in Baghdad", "citing officials in
    Washington"; ``according_cues``): where the source is, not where it happened."""
    firsts = {str(a).lower() for a, _ in ctx.lex.cues.get("according_cues") or []}
    for n, anc in enumerate(root.ancestors):
        if anc.i == trigger.i or n >= 6:
            return False
        if anc.lower_ in firsts and anc.dep_ in ("prep", "advcl", "advmod", "xcomp", "acl"):
            return True
    return False


# what one makes with another party ("a deal with Iran", "talks with Tehran")
_PACT_NOUNS = frozenset({"deal", "deals", "agreement", "agreements", "accord", "talks", "negotiations", "ties",
                         "relations", "treaty", "pact", "truce", "ceasefire", "dialogue"})


def _modifies_a_noun(p: PlaceMention, ctx: DocContext) -> bool:
    """Whether a place name only says whose something is: "U.S. forces", "Iraq's military"."""
    if p.span.field != "text":
        return False
    last = ctx.token_at(max(p.span.start, p.span.end - 1))
    return (last is not None and last.dep_ in ("compound", "amod", "nmod", "poss")
            and last.head.pos_ in _NOUN and last.head.idx >= p.span.end)


def _in_relative_clause(ptok, stop) -> bool:
    """Whether a token sits in a relative clause below ``stop`` (a clause about one of
    the sentence's nouns, not about the event)."""
    for anc in ptok.ancestors:
        if anc.i == stop.i:
            return False
        if anc.dep_ == "relcl":
            # a clause about the site itself still places it ("at Love A Child Missions,
            # a nonprofit that offers housing at Bay Point")
            site = anc.head
            while site.dep_ == "appos" and site.head.i != site.i:
                site = site.head
            return not (site.dep_ == "pobj" and site.head.lower_ in _PLACE_PREPS)
    return False


def _based_in(ptok, trigger) -> bool:
    """Whether a place says where one of the sentence's participants is based ("an
    Iran-backed group largely based in Iraq", "the group, stationed in the Hawija Sakr
    area"), in a phrase that does not hold the trigger: nothing of where the event
    happened."""
    for anc in [ptok, *ptok.ancestors]:
        if anc.i == trigger.i or trigger in anc.subtree:
            return False
        if anc.dep_ == "acl" and anc.head.pos_ in _NOUN and anc.pos_ in _VERB and anc.lower_ in _BASED:
            # (not the site itself: "shot at a business based in Dallas" is there)
            site = anc.head
            return not (site.dep_ == "pobj" and site.head.lower_ in _PLACE_PREPS)
    return False


_BASED = frozenset({"based", "headquartered", "stationed", "garrisoned"})


def _clause_of(tok):
    """The verb that heads the clause a trigger sits in (the trigger itself when it is one)."""
    node = tok
    for _ in range(6):
        if node.pos_ in _VERB or node.head.i == node.i:
            return node
        node = node.head
    return node


def _names_no_perpetrator(tok, ctx: DocContext) -> bool:
    """A subject or agent that is a time ("Sunday's strikes", "this evening's
    attacks"), a place, a weapon ("attacked by drones") or a wound ("a homicide by
    gunshot wound") names no perpetrator."""
    if ctx.lemma(tok) in ctx.lex.weapon_words or ctx.lemma(tok) in ctx.lex.set("casualties", "injured_nouns"):
        return True
    at = tok.idx
    return any(t.span.start <= at < t.span.end for t in ctx.times_between(max(0, at - 80), at + 1)) or \
        any(p.span.start <= at < p.span.end for p in ctx.places_between(max(0, at - 80), at + 1))


def attach_place(m: EventMention, tok, sent, ctx: DocContext, fallback: Optional[PlaceMention]) -> None:
    """The place of an event mention: one in the trigger's own phrase or clause first, then
    the paragraph's (``fallback``), then (for an event the article reports, not recalls) the
    article's home (its dateline, else its local force's town), then one in another clause
    of the sentence, else (reported, not recalled) the place the headline names, which
    also stands in for a bare state or province when it lies there.  Places
    that say where someone was taken, held or lives, and places
    geocoding marks as remote from the article's home, are left out.  Talks whose
    sentence names only their sides ("talks with Iran") get no place.  How the place was
    found goes to ``attributes["place_via"]`` (fusion weighs another clause's place less)."""
    inside = ctx.places_between(sent.start_char, sent.end_char)
    chosen: Optional[PlaceMention] = None
    elsewhere: set[int] = set()  # span starts of places this sentence gives as somewhere else
    aside: set[int] = set()  # span starts of places in a relative clause about another noun
    other_clause = None  # the best place of the sentence outside the event's own clause
    parties: set[int] = set()  # span starts of places the sentence names as sides of talks
    if inside:
        lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
        head_sub = tok.head if tok.pos_ in _NOUN and tok.head.pos_ in _VERB else tok
        lo2, hi2 = head_sub.left_edge.idx, head_sub.right_edge.idx + len(head_sub.right_edge.text)
        clause = _clause_of(tok)
        lo3, hi3 = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
        best = None
        for p in inside:
            ptok = ctx.token_at(p.span.start)
            score = 0
            if lo <= p.span.start < hi:
                score = 3
            elif lo2 <= p.span.start < hi2:
                score = 2
            elif not lo3 <= p.span.start < hi3:
                score = -2  # "told a station in Charlotte that the men began shooting"
            if score == 2 and ptok is not None and _in_relative_clause(ptok, head_sub):
                score = -2  # "the attacks involved drones that have prompted alarm in Washington"
                aside.add(p.span.start)
            elif ptok is not None and _based_in(ptok, tok):
                score = -5  # "Kata'ib Sayyid al-Shuhada, an Iran-backed group largely based in Iraq, said ..."
                elsewhere.add(p.span.start)
            if ptok is not None:
                root = ptok
                while root.dep_ in ("compound", "flat", "amod") and root.head.i != root.i:
                    root = root.head
                if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS and root.i != tok.i:  # not "in a US air strike"
                    score += 1
                party = m.type != "ASSAULT" and _a_party(root, tok, ctx)
                if _place_elsewhere(root, tok, ctx) or party or m.type != "ASSAULT" and _in_attribution(root, tok, ctx):
                    score -= 5
                    elsewhere.add(p.span.start)
                    if party and m.type == "CONSULT":
                        parties.add(p.span.start)
            if p.role == "remote" and p.span.start not in elsewhere:
                score -= 5  # a place far from the article's home: a namesake or an aside
                elsewhere.add(p.span.start)
            key = (score, -abs(p.span.start - tok.idx))
            if best is None or key > best[0]:
                best = (key, p)
        # a sentence that only says where someone was taken or lives gives no place
        chosen = best[1] if best and best[0][0] >= 0 else None
        if best and -2 <= best[0][0] < 0 and best[1].span.start not in elsewhere:
            other_clause = best[1]
    via = "clause"
    if chosen is None and parties and all(p.span.start in parties | aside for p in inside):
        # "Washington is engaged in indirect talks with Iran": the sentence names the
        # sides, not where they meet; the article's own place is no better a guess
        return
    if chosen is None and fallback is not None and fallback.role != "remote" and not (
            fallback.span.start in elsewhere | aside if sent.start_char <= fallback.span.start < sent.end_char
            else _said_elsewhere(fallback, ctx)):
        chosen, via = fallback, "paragraph"
    if chosen is None and not m.background:  # the article's home before another clause's place
        chosen, via = _home_place(ctx), "home"
    if chosen is None and not m.background and other_clause is None:  # the place the headline names
        chosen, via = _title_place(ctx), "title"
    if chosen is None:  # another clause's place is better than none
        chosen, via = other_clause, "other_clause"
    if chosen is not None and via != "title" and not m.background:
        finer = _finer_in_title(chosen, ctx)
        if finer is not None:  # "Lee's Summit man charged ..." over a body that says "Missouri"
            chosen, via = finer, "title"
    if chosen is not None:
        m.place_mention = chosen
        m.place = chosen.place
        m.attributes["place_via"] = via
        if via in ("clause", "other_clause", "paragraph") and _modifies_a_noun(chosen, ctx):
            m.attributes["place_modifier"] = True


def _finer_in_title(chosen: PlaceMention, ctx: DocContext) -> Optional[PlaceMention]:
    """The town or county the headline names inside the state or province the body gives
    the event (a body that only says "Missouri" under "Lee's Summit man charged ..."),
    else None.  Not for a bare country: an article that places its events only in "Syria"
    may report several, and its headline's town is where one of them happened."""
    from newsweave.geo import load_gazetteer

    gaz = load_gazetteer()
    wide = gaz.candidate(chosen.place) if chosen.place else None
    if wide is None or wide.kind != "admin1":
        return None
    got = _title_place(ctx)
    town = gaz.candidate(got.place) if got is not None and got.place else None
    if town is None or town.kind not in ("city", "admin2"):
        return None
    return got if (town.country, town.admin1) == (wide.country, wide.admin1) else None


def _title_place(ctx: DocContext) -> Optional[PlaceMention]:
    """The place the article's headline names (``geo.title_place``), else, for an article
    whose body names no place, the outlet's home town its page title gives after the
    headline (``geo.site_place``) or its web address names (``geo.address_place``);
    read once per article."""
    got = getattr(ctx, "_title_place", False)
    if got is False:
        from newsweave.geo import load_gazetteer
        from newsweave.geo.find import address_place, site_place, title_place

        gaz = load_gazetteer()
        got = (title_place(ctx.article, ctx.places, gaz) or site_place(ctx.article, ctx.places, gaz)
               or address_place(ctx.article, ctx.places, gaz))
        ctx._title_place = got
    return got


def _said_elsewhere(p: PlaceMention, ctx: DocContext) -> bool:
    """Whether another sentence gives this place as where someone was taken, held or comes
    from ("flown to Arkansas Children's Hospital in Little Rock"): no place for an event
    that its own sentence does not place."""
    ptok = ctx.token_at(p.span.start)
    if ptok is None:
        return False
    root = ptok
    while root.dep_ in ("compound", "flat", "amod") and root.head.i != root.i:
        root = root.head
    return _place_elsewhere(root, ptok.sent.root, ctx)


def _home_place(ctx: DocContext) -> Optional[PlaceMention]:
    """Where a local story is from: its opening dateline's town ("KATY, Texas (AP) --"), else
    the town of the first local force it names ("Beebe police arrested ..."); None if neither."""
    force = None
    for p in ctx.places:
        if p.role == "dateline":
            return p  # the town comes before its state
        if p.role == "force" and force is None:
            force = p
            break
    return force


def _procedure_verb(ttok, group_ids: set[int], forms: frozenset[str]):
    """The verb a time expression hangs on when that verb dates its own act
    ("arrested Wednesday", "said Tuesday") rather than the happening named by one of
    ``group_ids``; None when the expression modifies the trigger itself or hangs on
    any other verb."""
    from newsweave.time.find import procedure_head

    cur = ttok
    for _ in range(6):
        if cur.i in group_ids:
            return None
        if cur.pos_ in _VERB or cur.head.i == cur.i:
            break
        cur = cur.head
    return procedure_head(ttok, forms)


# A time expression that measures from a happening named after it ("days after",
# "two months after", "hours before"): that happening is its reference point.
_DISTANCE_TO = re.compile(r"\b(?:after|before)\s*$", re.IGNORECASE)


def _reference_of(t: TimeMention, ctx: DocContext) -> Optional[tuple[int, int]]:
    """Token range of what a distance expression measures from: the object of its
    closing "after"/"before" ("weeks before the Sunday raids"), or the clause it
    introduces ("two months after her son was shot"); None for other expressions."""
    m = _DISTANCE_TO.search(t.span.text)
    if m is None:
        return None
    word = ctx.token_at(t.span.start + m.start())
    if word is None:
        return None
    if word.dep_ == "mark":  # "after her son was shot": the clause it introduces
        return (word.i + 1, word.head.right_edge.i) if word.head.i > word.i else None
    if word.n_rights:  # "before the Sunday raids": its object
        return (word.i + 1, word.right_edge.i)
    return None


def _named_by_procedure(g, forms: frozenset[str]) -> bool:
    """True when the trigger ``g`` is a noun that a procedure verb governs ("charged
    with murder", "arrested in the shooting", "indicted for the killing"): the
    sentence then tells the procedure, and its other time expressions date that."""
    from newsweave.time.find import into_custody

    if g.pos_ not in _NOUN:
        return False
    head = g
    for _ in range(8):  # "charged with two counts of murder and one count of assault"
        if head.head.i == head.i:
            return False
        head = head.head
        if head.pos_ in _VERB:
            return head.lower_ in forms or into_custody(head)
    return False


def mark_recalled_times(ctx: DocContext) -> None:
    """Mark ``role="recalled"`` the time expressions that date a death a vigil or
    funeral is held for, in a report of an attack at it ("the vigil was for her son,
    who was killed Sunday"), or what a reported attack answers ("in retaliation for a
    shooting Wednesday"): such a day is no day of the article's news, so neither the
    day the article gives as a whole nor fusion's fallback counts it."""
    for t in ctx.times:
        if t.role is None and _dates_recalled(t, ctx):
            t.role = "recalled"


def _dates_recalled(t: TimeMention, ctx: DocContext) -> bool:
    if t.span.field != "text" or t.value.precision != "day":
        return False
    span = ctx.doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    from newsweave.time.find import expression_root

    head = expression_root(span).head
    if head.dep_ == "prep":
        head = head.head
    if head.lower_ not in ctx.lex.trigger_forms and ctx.lemma(head) not in ctx.lex.set("casualties", "died_verbs"):
        return False
    return recalled_as(head, ctx) is not None


def attach_time(m: EventMention, tok, sent, ctx: DocContext) -> bool:
    """Date the mention from its sentence (:func:`_attach_sentence_time`); True when
    that sentence dates it.  Otherwise a mention of a happening the article reports
    (not one it recalls) keeps the day the article as a whole gives
    (:func:`newsweave.time.find.article_day`) in ``attributes["article_day"]``: not
    its date, but what fusion may count for an article that dates the event nowhere
    else, beside other articles that do.  An article whose only days are firm dates
    of procedures ("Around 6:30 p.m. Wednesday, officials say they were called")
    dates the mention with that day: nothing else in it could."""
    if _attach_sentence_time(m, tok, sent, ctx):
        return True
    if not m.background and ctx.times:
        from newsweave.time.find import article_day

        pub = ctx.article.written
        if ctx.article_days is None:  # one computation per article
            day = article_day(ctx.times, pub)
            ctx.article_days = (day, article_day(ctx.times, pub, procedures=True) if day is None else None)
        day, pday = ctx.article_days
        if day is not None:
            m.attributes["article_day"] = day
        elif m.date.start is None:
            day = pday
            if day is not None:
                m.date = DateRange(day, day, "day")
                m.attributes["dated_by"] = "the article's only day, of a procedure"
    return False


def _attach_sentence_time(m: EventMention, tok, sent, ctx: DocContext) -> bool:
    """Date the mention with the time expression of its sentence that hangs on its
    trigger (or on another trigger of the same happening), else the nearest one on
    the trigger's verb chain.  An expression that dates a procedure or a report of
    the event ("arrested Wednesday in the shooting", "police said Tuesday") is
    never the event's date; nor is any expression outside the trigger's own phrase
    when a procedure names the event ("charged Thursday with murder"), nor a
    distance measured from it ("two months after her son was shot").  A week or
    month the article narrows to one day elsewhere ("in May" ... "on May 10")
    becomes that day."""
    inside = ctx.times_between(sent.start_char, sent.end_char)
    if not inside:
        return False
    from newsweave.time.find import expression_root
    from newsweave.time.lexicon import load_lexicon

    forms = load_lexicon().procedure_verbs
    toks = [tok]
    for other in m.attributes.get("also") or []:
        t2 = ctx.token_at(other["start"]) if isinstance(other, dict) else None
        if t2 is not None and t2.sent.start == tok.sent.start:
            toks.append(t2)
    group_ids = {t.i for t in toks}
    views = []
    for g in toks:
        lo, hi = g.left_edge.idx, g.right_edge.idx + len(g.right_edge.text)
        verb = g
        for anc in [g, *ancestors_upto(g, 4)]:
            if anc.pos_ in _VERB:
                verb = anc
                break
        views.append((g, lo, hi, verb, {a.i for a in [g, *ancestors_upto(g, 4)]}, _named_by_procedure(g, forms),
                      _beyond_after(g)))
    best = None
    pub = ctx.article.written
    for t in inside:
        if (pub is not None and m.type == "ASSAULT" and not m.hypothetical and t.value.start is not None
                and t.value.start > pub):
            continue  # an attack the article reports happened by its publication ("a Halloween party")
        if t.role == "recalled" and not m.background:
            continue  # "the shooting was retaliation to a Labor Day shooting": the day of what it answers
        ttok = ctx.token_at(t.span.start)
        tspan = ctx.doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if tspan is not None and len(tspan) and _procedure_verb(expression_root(tspan), group_ids, forms) is not None:
            continue
        reference = _reference_of(t, ctx)
        for g, lo, hi, verb, anc_ids, by_procedure, beyond in views:
            if reference is not None and reference[0] <= g.i <= reference[1]:
                continue  # "two months after her son was shot": the shooting is the reference, not the date
            if (ttok is not None and beyond[1] is not None and t.value.precision == "day" and t.span.start < beyond[1]
                    and _hangs_on(ttok, beyond[0])):
                continue  # "in critical condition Tuesday after he was shot": Tuesday dates the condition
            if ttok is not None and _since_clause_of(ttok, g, ctx):
                continue  # "the second strike since taking office 5 months ago": the office, not the strike
            score = 0
            if lo <= t.span.start < hi:
                score = 3
            elif by_procedure:
                continue  # "charged on Thursday with murder": only "Sunday's murder" dates the murder
            elif ttok is not None:
                root = ttok
                for _ in range(3):
                    if root.head.i == root.i or root.i in anc_ids:
                        break
                    root = root.head
                if root.i in anc_ids or root.head.i == verb.i:
                    score = 2
            key = (score, -abs(t.span.start - g.idx))
            if best is None or key > best[0]:
                best = (key, t)
    if best is None:
        return False
    tm: TimeMention = best[1]
    end = tm.value.end or tm.value.start
    if best[0][0] == 0 and not m.background and pub is not None and end is not None and end < pub - dt.timedelta(days=10):
        return False  # a past date in another clause of the sentence is not this event's
    m.time = tm
    m.date = DateRange(tm.value.start, tm.value.end, tm.value.precision)
    day = _only_day_within(m.date, ctx, earlier=tm.span.text.lower().startswith("earlier"))
    if day is not None:
        m.date = DateRange(day, day, "day")
    return True


def _beyond_after(g) -> tuple[set[int], Optional[int]]:
    """The heads above the "after" clause or phrase the trigger sits in ("was in
    critical condition Tuesday after he was shot", "died Sunday after the
    shooting"), and where that "after" starts: a day named before it, on those
    heads, dates what came later than the trigger's happening (a coarser time,
    "cut since the start of last year, after the assassination", still says the
    happening is of the past).  A day after the clause ("is dead after he was
    shot, early Saturday morning") is often the shooting's, whatever the parse
    hangs it on."""
    x = g
    for anc in ancestors_upto(g, 6):
        marker = None
        if x.dep_ in ("advcl", "conj"):
            marker = next((c for c in x.children if c.dep_ == "mark" and c.lower_ == "after"), None)
        elif x.dep_ in ("pobj", "pcomp") and anc.lower_ == "after":
            marker = anc
        if marker is not None:
            top = anc if x.dep_ in ("advcl", "conj") else anc.head
            heads = {top.i, *(a.i for a in ancestors_upto(top, 6))}
            if x.dep_ == "conj":
                # "pronounced dead at 5:24 p.m. Saturday, less than 24 hours after police
                # were called for a shooting", parsed as two joined clauses: what the
                # parser hangs on the clause's verb before "after" is the first clause's
                heads.add(x.i)
            return heads, marker.idx
        x = anc
    return set(), None


def _since_clause_of(ttok, g, ctx: DocContext) -> bool:
    """True when the time expression at ``ttok`` dates the start of a stretch that a
    "since" clause or phrase names ("since taking office 5 months ago", "since he
    took office in January") and the trigger ``g`` is outside that clause: taking
    office began the stretch, the trigger's happening came later.  When the clause
    names a happening of the kind the article reports ("strikes became more common
    since a drone killed the general last year"), its time still says the trigger's
    stretch is of the past, as a time after "after" does (:func:`_beyond_after`)."""
    for cur in ancestors_upto(ttok, 5):
        if cur.pos_ in _VERB:
            since = cur.head.lower_ == "since" and cur.dep_ in ("pcomp", "pobj")
            since = since or any(c.dep_ == "mark" and c.lower_ == "since" for c in cur.children)
            if not since:
                return False
            lo, hi = cur.left_edge.i, cur.right_edge.i
            return not (lo <= g.i <= hi) and trigger_for(cur, ctx) is None
    return False


def _hangs_on(ttok, heads: set[int]) -> bool:
    """True when the time expression at ``ttok`` hangs (within three steps) on one of ``heads``."""
    return bool(heads) and any(cur.i in heads for cur in ancestors_upto(ttok, 3))


def _only_day_within(rng: DateRange, ctx: DocContext, earlier: bool = False) -> Optional[dt.date]:
    """The one day the article names inside a week or month range ("the killing of
    two men in May" and, elsewhere, "on May 10"), not after publication and not the
    day of a procedure; None when it names none or several.  ``earlier`` ("earlier
    this month"): the day of publication itself is not inside ("In a May 16 story
    about a girl struck earlier this month")."""
    if rng.precision not in ("week", "month") or rng.start is None or rng.end is None:
        return None
    pub = ctx.article.written
    days = {t.value.start for t in ctx.times
            if t.value.precision == "day" and t.role is None and t.value.start is not None
            and rng.start <= t.value.start <= rng.end
            and (pub is None or t.value.start < pub or t.value.start == pub and not earlier)}
    return days.pop() if len(days) == 1 else None
