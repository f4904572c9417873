"""Casualty and arrest counts a sentence states: "four of its militiamen were killed",
"two people were shot, one fatally", "no one was hurt".

Counts are read from the parse: the victims of a casualty word are its passive
subject or object ("killing a child"), or its subject for "died"/"is dead"; the
number comes from the victims' noun phrase ("at least seven Iraqi militiamen", "he
and three others").  Within one sentence the same people are counted once, and
coordinated clauses about different people add up ("two children died, and their father
died").  Counts that are statistics over a period or place ("165 people were murdered in
the city in 2015") or round-ups of several events ("in three separate shootings") are
not an event's toll and are left out.  Lists count each member ("his wife, son and
daughter" = 3) but never the ages inside them ("two men, 19 and 20" = 2), nor numbers of
things ("shot about 10 times"); a count broken down after it ("13 people, 11 males and two
females") is not added to.  People shot are told apart from the dead when the sentence
says so ("a father was killed and his son was shot", "three other men were also shot but
survived"); "fatal wounds" and "did not survive" are deaths, "found a deceased male" is
one; a killer killed in turn ("... before his son shot him") joins the toll.
``reconcile_counts`` then reads an article's counts
together: a shooter who killed himself, or a suspect killed by police, joins the death toll
reported apart; injured counts that are parts of a larger one, or a lone wounded victim
later reported dead (unless sex, role or "another ... was also shot" tells them apart), give
way; a sentence the page repeats (captions) counts once; wounded victims described one
by one over several sentences ("A 29-year-old man was shot in the leg ... A 19-year-old
woman was shot in the arm") add up when age or sex tells them apart; a count of the
wounded that holds the dead ("all four victims were taken to hospitals ... one of the
victims later died") gives them up; a zero beside people wounded anywhere in the article
("no officers were hurt", "debris hit her finger, but nobody was hurt") speaks of some of
the people, not the toll.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from newsweave.events.context import DocContext, age_before
from newsweave.events.numbers import parse_count, word_value

_VERB = {"VERB", "AUX"}
_NOUN = {"NOUN", "PROPN"}
_SINGULAR_DETS = {"a", "an", "the", "this", "that", "another", "one", "each"}
_ONE_PRONOUNS = {"he", "she", "him", "her", "himself", "herself", "i", "me"}
_EVENT_WORDS: list[frozenset[str]] = [frozenset()]  # filled from the lexicon: trigger forms
_REFERRING = {"he", "she", "him", "her", "they", "them", "it", "who", "that", "which", "himself", "herself"}
_FIRST_PERSON = {"i", "me", "we", "us", "myself", "ourselves"}


@dataclass
class RawClaim:
    """A count before it is tied to an event mention and a source."""

    attribute: str
    value: int
    qualifier: str
    subject: Optional[str]
    anchor: object  # the casualty token
    victims: Optional[int] = None  # token index of the victims' head, to count once


def _subject_of_number(h) -> Optional[str]:
    for c in h.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    if p.pos_ == "PRON":
                        return None
                    return _noun_text(p)
    return None


def _noun_text(h) -> str:
    parts = [c.text for c in h.lefts if c.dep_ == "compound"] + [h.text]
    return " ".join(parts).lower()


def _is_age_or_year(h) -> bool:
    """'a 15-year-old', 'NINE YEAR OLD', 'in 2001': numbers that count no one."""
    doc = h.doc
    nxt = [doc[j].lower_ for j in range(h.i + 1, min(h.i + 3, len(doc)))]
    if nxt and (nxt[0] in ("year", "years", "month", "months", "-year", "-year-old", "week", "weeks", "day", "days")
                or nxt[:2] in (["-", "year"], ["-", "month"]) or nxt[0].startswith("-year")):
        return True
    if h.i >= 2 and doc[h.i - 1].text == "," and doc[h.i - 2].pos_ == "PROPN" and h.like_num:
        return True  # "Ginger Reeves, 64": a name's age
    if h.i >= 1 and doc[h.i - 1].lower_ in ("ages", "aged", "age") and h.like_num:
        return True  # "four men, ages 20-27, were shot"
    if nxt and nxt[0] in ("y/o", "yo", "y.o.", "yr", "yrs") or nxt[:2] == ["y", "/"]:
        return True  # "the 17 y/o boy"
    low = h.lower_
    return low.isdigit() and len(low) == 4 and 1800 <= int(low) <= 2100


def _headline(ctx: DocContext) -> bool:
    """Whether the text read is an article's headline on its own (headline style drops
    articles and auxiliaries: "St. Louis woman killed, 3 wounded")."""
    a = ctx.article
    return bool(a.title) and a.text == a.title


def _headline_death(sent, lex, violent: bool) -> Optional[object]:
    """The token of a headline naming a death without counting it ("17-year-old shot,
    killed", "Slain teen identified", "fatal shooting"), or None.  Words taken back by
    the word before ("attempted murder") or after ("deadly weapon") name no death; a
    death that names no killing ("death", "died") counts only in a ``violent`` headline
    (one naming gunfire, a weapon or an attack)."""
    deaths = lex.set("casualties", "headline_death_words")
    killings = lex.set("casualties", "headline_killing_words")
    fatal = lex.set("casualties", "headline_fatal_adjs")
    negators = lex.set("casualties", "headline_death_negators")
    not_heads = lex.set("casualties", "headline_death_not_heads")
    attacks = _EVENT_WORDS[0]
    doc = sent.doc
    for t in sent:
        low = t.lower_
        if low not in deaths and low not in fatal:
            continue
        if not violent and low not in killings:
            continue  # "Death of former mayor mourned": no attack
        j = t.i - 1
        while j >= sent.start and doc[j].text in ("-", "\u2010", "\u2011"):
            j -= 1
        if j >= sent.start and doc[j].lower_ in negators:
            continue
        nxt = doc[t.i + 1].lower_ if t.i + 1 < sent.end else ""
        if nxt in not_heads:
            continue
        if low in fatal and t.head.lower_ not in attacks and not _attack_noun_follows(t, sent.end, attacks):
            continue  # "fatal" alone ("a fatal mistake") is no death; "fatal shooting" is
        return t
    return None


_NP_BREAK = {"ADP", "VERB", "AUX", "CCONJ", "SCONJ", "PRON"}


def _attack_noun_follows(t, end: int, attacks: frozenset[str], reach: int = 5) -> bool:
    """Whether an attack noun ends the noun phrase an adjective opens ("fatal New
    Year's Eve shooting"), looking at most ``reach`` tokens ahead."""
    doc = t.doc
    for j in range(t.i + 1, min(end, t.i + 1 + reach)):
        w = doc[j]
        if w.lower_ in attacks:
            return True
        if w.pos_ in _NP_BREAK or (w.is_punct and w.text not in ("-", "'s", "\u2019s")):
            return False
    return False


def _non(t) -> bool:
    """'non-fatal', 'non fatal': the adjective negated."""
    doc = t.doc
    return (t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ == "non") or \
        (t.i >= 1 and doc[t.i - 1].lower_ in ("non", "nonfatal"))


def _age_bound(h) -> bool:
    """'a boy younger than 12', 'a man older than 30': a number bounding an age."""
    return any(c.lower_ == "than" for c in h.children) and \
        any(c.tag_ == "JJR" and c.lower_ in ("younger", "older") for c in h.children)


def _crosses_break(a, b) -> bool:
    """True when a line break or a run of spaces lies between two tokens: debris
    (captions, bylines) glued to the sentence, not one noun phrase."""
    doc = a.doc
    lo, hi = (a, b) if a.i < b.i else (b, a)
    gap = lo.whitespace_ + "".join(t.text_with_ws for t in doc[lo.i + 1 : hi.i])  # doc.text would join the whole text
    return "\n" in gap or "  " in gap


def count_one(h, ctx: DocContext) -> Optional[tuple[int, str, Optional[str]]]:
    """The number of people one noun phrase head stands for."""
    nums = ctx.lex.numbers
    low = h.lower_
    if any(c.dep_ == "det" and c.lower_ == "no" for c in h.children) or low in ("nobody", "none", "noone"):
        return 0, "exact", None
    if low in _ONE_PRONOUNS:
        return 1, "exact", None
    if low in ("who", "that", "which") and h.head.dep_ == "relcl":
        return count_one(h.head.head, ctx)
    if h.pos_ == "NUM" or (word_value(low, nums) is not None and h.pos_ not in _NOUN | {"DET"} and low not in ("a", "an", "some")):
        if h.pos_ == "NUM" and not h.like_num and word_value(low, nums) is None:
            return None
        if _is_age_or_year(h) or _counts_things(h, ctx) or _age_bound(h):
            return None
        if h.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") or (h.i > 0 and h.doc[h.i - 1].text in ("$", "£", "€", "¥")):
            return None  # "shot down the $100 asking price": an amount, not people
        # (not a participle hanging before the number with its own subject: "Several
        # wounded one dead" counts one dead, not "several")
        skip = {x.i for c in h.children if c.i < h.i and c.dep_ in ("amod", "acl") and c.tag_ in ("VBN", "VBD", "VBG")
                for x in c.subtree}
        words = [t.text for t in h.doc[h.left_edge.i : h.i + 1]
                 if (t.dep_ not in ("det", "punct") or t.i == h.i) and t.i not in skip]
        got = parse_count(words[-4:], nums)
        if got is None:
            return None
        return got[0], got[1], _subject_of_number(h) or "people"
    if h.pos_ in _NOUN and low in ctx.lex.set("casualties", "total_nouns"):  # "a total of 50 people"
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                p = next((x for x in c.children if x.dep_ == "pobj"), None)
                if p is not None:
                    return count_one(p, ctx)
        return None
    if h.pos_ in _NOUN and low in ctx.lex.set("casualties", "family_nouns"):  # "a family of five"
        of = next((c for c in h.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        p = next((x for x in of.children if x.dep_ == "pobj"), None) if of is not None else None
        if p is not None and p.pos_ == "NUM":
            got = count_one(p, ctx)
            if got is not None:
                return got[0], got[1], "family members"
    if h.pos_ in _NOUN and (low in ctx.lex.set("casualties", "not_victims") or h.lemma_.lower() in ctx.lex.set("casualties", "not_victims")):
        return None  # "five shootings", "at least five places": not people
    if h.pos_ in _NOUN or h.pos_ == "ADJ":
        age_noun = low == "old" or low.endswith("-old") or low.endswith("-olds")  # "a 17-year-old"
        if h.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT") and not age_noun:
            return None
        if h.ent_type_ in ("GPE", "LOC") and not age_noun and (h.pos_ != "PROPN" or h.tag_ == "NNPS" or _is_place(h, ctx)) \
                and not (h.pos_ == "NOUN" and _is_person(h, ctx.lex)):
            return None  # a place; a name the tagger took for one ("Madueno died") is a person
        # "two men", "at least seven militiamen", "several people", "dozens of people"
        for c in h.children:
            if c.dep_ in ("nummod", "amod", "quantmod", "det") and c.i < h.i:
                if c.dep_ == "det" and c.lower_ not in ("both", "several", "many", "few", "some"):
                    continue
                if c.dep_ == "det" and h.tag_ in ("NN", "NNP"):
                    continue  # "some person killed": one, not "some" people
                if c.dep_ == "amod" and word_value(c.lower_, nums) is None:
                    continue
                if c.dep_ == "nummod" and _is_age_or_year(c):
                    continue
                if _crosses_break(c, h):
                    continue  # "Photo: 21 Pro Video  A man died": a caption's number
                words = [t.text for t in h.doc[c.left_edge.i : c.i + 1]]
                got = parse_count(words[-4:], nums)
                if got is not None:
                    return got[0], got[1], _noun_text(h)
        wv = word_value(low, nums)
        if wv is not None and h.tag_ in ("NNS",) and low not in ("people",):  # "dozens", "hundreds"
            return wv[0], wv[1], _subject_of_number(h) or "people"
        if low in ("couple", "pair") and not any(c.dep_ == "prep" for c in h.children):
            return 2, "exact", "people"  # "a couple and their two children"
        if h.tag_ == "NNS" and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in h.children) and _is_person(h, ctx.lex):
            return 2, "at_least", _noun_text(h)  # "killed his children": two at least
        if age_noun and any(c.dep_ == "det" and c.lower_ in _SINGULAR_DETS for c in h.children):
            return 1, "exact", "person"
        if age_noun and not low.endswith("-olds") and _headline(ctx) and not any(c.dep_ == "det" for c in h.children):
            return 1, "exact", "person"  # headlines drop the article: "but 2-year-old was shot"
        singular = h.tag_ in ("NN", "NNP", "JJ") or (h.pos_ == "PROPN" and h.tag_ != "NNPS")
        if singular:
            if h.pos_ == "PROPN":
                return 1, "exact", "person" if h.ent_type_ == "PERSON" else _noun_text(h)
            if any(c.dep_ in ("det", "poss") and (c.lower_ in _SINGULAR_DETS or c.dep_ == "poss") for c in h.children):
                return 1, "exact", _noun_text(h)
            if h.tag_ == "NN" and _headline(ctx) and (_is_person(h, ctx.lex) or low in _role_nouns(ctx.lex)):
                return 1, "exact", _noun_text(h)  # headlines drop the article: "Teen killed in crash", "Police kill gunman"
            if h.pos_ == "ADJ":
                return None
        return None
    return None


def _counts_things(h, ctx: DocContext) -> bool:
    """'shot about 10 times', '30 rounds': a number whose next word names things, not people."""
    doc = h.doc
    if h.i + 1 >= len(doc):
        return False
    nxt = doc[h.i + 1]
    return nxt.pos_ in _NOUN and nxt.head.i in (h.i, h.head.i) and \
        (nxt.lower_ in ctx.lex.set("casualties", "not_victims") or ctx.lemma(nxt) in ctx.lex.set("casualties", "not_victims"))


def _is_place(h, ctx: DocContext) -> bool:
    """Whether a place mention of the article covers the token."""
    return any(p.span.start <= h.idx < p.span.end for p in ctx.places)


def _bare_number(t) -> bool:
    """A number standing alone in a list of people: an age ("two men, 19 and 20")."""
    return t.pos_ == "NUM" and not any(c.pos_ in _NOUN for c in t.children)


def _has_age(h) -> bool:
    """Whether a person noun carries its age ("a 17-year-old girl")."""
    return any(c.lower_ == "old" or c.lower_.endswith("-old") for c in h.children if c.i < h.i)


REFLEXIVE = frozenset({"himself", "herself"})  # the shooter named among his dead


def _death_told(sent_words: set[str], sent_low: str, lex) -> bool:
    """Whether the sentence tells of a death or a self-inflicted one ("shot himself
    and died", "turned the gun on himself"): then a lone "shot himself" is no wounded."""
    return bool(sent_words & lex.set("casualties", "death_words")) or bool(
        lex.self_harm_re and lex.self_harm_re.search(sent_low))


def _to_death(t) -> bool:
    """Whether a "shot" carries "to death"."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ == "death" for p in c.children) for c in t.children)


def _subject_of_next(c, h) -> bool:
    """A list member the parser took from the clause after it ("killed a woman and two
    men were wounded": "men" made a conjunct of the object "woman", "were wounded" left
    without a subject): the auxiliary right after it opens another verb's clause, one
    with no subject."""
    doc = c.doc
    nxt = doc[c.i + 1] if c.i + 1 < len(doc) else None
    if nxt is None or nxt.pos_ != "AUX" or nxt.dep_ not in ("aux", "auxpass") or nxt.head.i <= c.i:
        return False
    if h.dep_ not in ("dobj", "pobj") or h.head.i == nxt.head.i:
        return False
    return not any(x.dep_ in ("nsubj", "nsubjpass") for x in nxt.head.children)


def _did_it(clause) -> bool:
    """A relative clause whose "who" does the shooting to someone ("a man who shot them"):
    the member it hangs on is the shooter, not someone that clause counts."""
    return any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in clause.children) \
        and any(c.dep_ == "dobj" for c in clause.children)


def _appos_chain(ap) -> list:
    """An apposition and the appositions and conjuncts hanging on it, in order."""
    out = [ap]
    for c in ap.children:
        if c.dep_ in ("appos", "conj"):
            out += _appos_chain(c)
    return sorted(out, key=lambda t: t.i)


def _own_state(c, lex) -> bool:
    """A list member with a state of its own ("Three dead and one in critical
    condition", "two killed, one wounded"): not one more of the list's casualty."""
    for x in c.children:
        if x.dep_ == "prep" and any(p.dep_ == "pobj" and p.lower_ in lex.set("casualties", "injured_nouns")
                                    for p in x.children):
            return True
        if x.dep_ in ("amod", "acl") and x.lower_ in lex.set("casualties", "headline_wounded_words"):
            return True
    return False


def count_np(h, ctx: DocContext) -> Optional[tuple[int, str, Optional[str]]]:
    """Count a noun phrase, adding up conjoined parts ("he and three others" = 4; "his
    wife, son and daughter" = 3); ages in the list ("two men, 19 and 20") count no one."""
    dateline = h.is_upper and h.i + 1 < len(h.doc) and h.doc[h.i + 1].text in ("\u2014", "\u2013", "--", "-")
    if h.pos_ == "PROPN" and (not _is_person(h, ctx.lex) or dateline):  # "ROY — A Roy couple and ...": a dateline
        ap = next((c for c in h.children if c.dep_ == "appos" and c.pos_ == "NOUN" and (dateline or _is_person(c, ctx.lex))), None)
        if ap is not None:
            return count_np(ap, ctx)  # "caught on Facebook Live, a 2-year-old boy and a 26-year-old man"
    first = count_one(h, ctx)
    if first is None:
        return None
    if any(c.dep_ == "det" and c.lower_ == "both" for c in h.children) and \
            len([c for c in h.conjuncts if c.i > h.i]) == 1:
        return 2, "exact", "people"  # "both Flores and the female victim"
    noun = h.pos_ in _NOUN
    forms = ctx.lex.casualty_forms
    # "two people found dead and two more who were injured": a part with its own
    # casualty clause is counted by that clause
    clauses = [x.i for x in h.children if x.dep_ in ("relcl", "acl") and x.i > h.i]
    conj = [c for c in h.conjuncts if c.i > h.i and not (noun and _bare_number(c))
            and not any(x.dep_ in ("relcl", "acl") and x.lower_ in forms and not _did_it(x) for x in c.children)
            and not any(i < c.i for i in clauses) and not _own_state(c, ctx.lex) and not _subject_of_next(c, h)]
    for ap in h.children:  # "his fiancee, Jaime Salazar, 34, and their son"
        if ap.dep_ == "appos" and first[0] == 1 and noun:
            chain = _appos_chain(ap)
            if any(x.lower_ in REFLEXIVE for x in chain):
                # a headline's list ending on the killer ("Man kills woman, her son,
                # himself"), which the parser hangs as appositions
                conj += [x for x in chain if x not in conj]
                continue
        if ap.dep_ == "appos" and first[0] > 1 and ap.pos_ in _NOUN:
            continue  # the count broken down: "two victims, a man and a woman", "four victims, three juveniles and ..."
        if ap.dep_ == "appos" and not _bare_number(ap):  # "two of the boys, 14 and 15": ages
            more = [c for c in ap.conjuncts if c.i > ap.i and c not in conj]
            if ap.pos_ == "NOUN" and noun and more and first[0] == 1:
                more.insert(0, ap)  # "his wife, son and daughter": the appositive is one of a list
            elif (ap.pos_ == "NOUN" and noun and not more and first[0] == 1 and ap.lower_ != h.lower_
                  and any(c.i > ap.i for c in h.conjuncts)
                  and _sex(h.lower_, ctx.lex) is not None and _sex(ap.lower_, ctx.lex) is not None
                  and _has_age(h) and _has_age(ap)):
                # "a 20-year-old woman, 17-year-old girl, and two men": a list the parser broke
                # (not "his wife, a 30-year-old woman, and ...": one person named twice)
                more = [ap]
            if ap.pos_ == "PROPN" and h.pos_ == "PROPN" and _age_between(h, ap):
                more.insert(0, ap)  # "A, 55, B, 29, and C": a name after an age is the next person
            conj += [c for c in more if not (noun and _bare_number(c))]
    # "Deputy, Brad Garafola, 45": a name joined to the title before it is that person
    conj = [c for c in conj if not _names_title(c)]
    if not conj and h.pos_ in _NOUN:
        nxt = _dangling_member(h, ctx)
        if nxt is not None:
            conj = [nxt]
        else:
            prev = _dangling_before(h, ctx)
            if prev is not None:
                got = count_one(prev, ctx)
                if got is not None:
                    return first[0] + got[0], first[1] if got[1] == "exact" else got[1], "people"
    if not conj:
        return first
    total, qual, subj = first
    parts = 0
    shooter = False
    for c in conj:
        got = count_one(c, ctx)
        if c.lower_ in REFLEXIVE and first[0] >= 1:
            got, shooter = (1, "exact", None), True  # "kills woman, her son, himself": the killer too
        if got is None and c.tag_ == "NNS" and c.lower_ not in ctx.lex.set("casualties", "not_victims") and \
                not any(x.dep_ in ("det", "nummod", "amod") for x in c.children if x.i < c.i):
            got = (2, "at_least", None)  # "his wife and children": at least two more
        if got is None and first[0] == 1 and c.tag_ in ("NN", "NNP") and c.lower_ not in ctx.lex.set("casualties", "not_victims") \
                and not any(x.dep_ in ("det", "nummod") for x in c.children):
            got = (1, "exact", None)  # "a mother, father and toddler": one each
        if got is None:
            return first
        total += got[0]
        parts += got[0]
        if got[1] != "exact":
            qual = got[1]
    if first[0] > 1 and parts == first[0] and len(conj) > 1:
        return first  # "13 people, 11 males and two females": a breakdown of the 13, not more people
    subj = subj if subj not in (None, "person") else "people"
    return total, qual, f"{subj} and the shooter" if shooter else subj


def _along_with(got, anchor, ctx: DocContext):
    """ "Two boys are dead along with their father": the people the casualty word's
    clause adds with "along with" / "together with" join its count."""
    v = anchor.head if anchor.pos_ == "ADJ" and anchor.head.pos_ in _VERB else anchor
    doc = v.doc
    # "with" hangs on the verb or on "along" (which the parser makes a particle or a
    # preposition); either way "along"/"together" stands just before it
    holders = [v, *(c for c in v.children if c.lower_ in ("along", "together"))]
    withs = [w for h in holders for w in h.children
             if w.dep_ == "prep" and w.lower_ == "with" and doc[w.i - 1].lower_ in ("along", "together")]
    for w in withs:
        p = next((x for x in w.children if x.dep_ == "pobj"), None)
        # "found dead along with two other shooting victims": victims, not said to be dead
        if p is not None and _is_person(p, ctx.lex) and p.lower_ not in ("victim", "victims"):
            more = count_np(p, ctx)
            if more is not None:
                return got[0] + more[0], got[1] if more[1] == "exact" else more[1], "people"
    return got


def _as_was(got, anchor, ctx: DocContext):
    """A clause adding people to the count: "a man and woman were found dead inside
    the home, as were three children" (5), "he was pronounced dead at the hospital, as
    was the man" (2), "a woman shot in the face was taken to Mount Sinai, as was a
    28-year-old woman who suffered a graze wound" (2)."""
    value, qual, subj = got
    v = anchor.head if anchor.pos_ == "ADJ" and anchor.dep_ in ("oprd", "acomp") else anchor
    if qual != "exact" or v.pos_ not in _VERB:
        return got
    verbs = [v] + [c for c in v.children if c.dep_ == "conj" and c.pos_ in _VERB
                   and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)]
    for w in verbs:
        for c in w.children:
            if c.dep_ != "advcl" or c.lower_ not in ("was", "were", "is", "are") or c.i < anchor.i:
                continue
            if not any(x.dep_ == "mark" and x.lower_ == "as" and x.i == c.i - 1 for x in c.children):
                continue
            more = next((x for x in c.children if x.dep_ == "nsubj" and x.i > c.i), None)
            if more is None or more.pos_ == "PRON" or not (_is_person(more, ctx.lex) or more.pos_ == "NUM"):
                continue
            extra = count_np(more, ctx)
            if extra is not None and extra[1] == "exact" and extra[0] > 0:
                return value + extra[0], qual, subj
    return got


def _with_headline_list(got, victims, sent, anchor, ctx: DocContext):
    """``got`` (the count of ``victims``), or, in a headline read on its own, the count
    of its list of people before ``anchor`` when the list counts more ("Man, baby found
    dead"), or one person when the parse took the age after a lone person for the
    victims ("Boy, 2, shot")."""
    if not _headline(ctx):
        return got
    listed = headline_list(sent, anchor, ctx.lex)
    if listed is None:
        return got
    total, people, ages = listed
    if people >= 2 and (got is None or total > got[0]):
        return total, "exact", "people"
    if people == 1 and got is not None and victims.i in ages:
        return 1, "exact", "person"
    return got


def headline_list(sent, anchor, lex) -> Optional[tuple[int, int, set[int]]]:
    """The people a headline lists before its casualty word, counted part by part:
    "Man, baby found dead" (2), "Parents, 2 children dead" (4), "Father, daughter, 9,
    found dead" (2: a bare number after a person is an age), "Two Adults, One Child
    Dead" (3).  The parser seldom joins such a list, so it is read word by word: parts
    split at commas, "and" and "&", from the start of the headline (or after a colon)
    to the first verb or adverb before ``anchor``.  Returns (people counted, parts
    naming people, token indices of the ages), or None unless every part names people
    (a place, "Chicago, man shot", is no part)."""
    persons = person_nouns(lex) | {"people", "men", "women", "children"}
    pairs = lex.set("casualties", "pair_nouns")
    nums = lex.numbers
    parts: list[list] = [[]]
    doc = sent.doc
    for t in doc[sent.start:anchor.i]:
        if t.text == ":":
            parts = [[]]  # "Police: man, woman killed"
            continue
        if t.pos_ in ("VERB", "AUX", "ADV", "ADP") and t.lower_ not in persons:
            if any(x.pos_ == "ADP" for x in doc[t.i:anchor.i]):
                return None  # "2 men, woman arrested in fatal shooting of boy": others than the dead
            break  # "found", "accidentally", "were"
        if t.text in (",", "&") or t.lower_ == "and":
            parts.append([])
            continue
        parts[-1].append(t)
    total, people, after_person, ages = 0, 0, False, set()
    for part in (p for p in parts if p):
        words = [t for t in part if not t.is_punct]
        if not words:
            continue
        last = words[-1].lower_
        lead = word_value(words[0].lower_, nums) if len(words) > 1 else None
        if len(words) == 1 and (words[0].like_num or word_value(last, nums) is not None):
            if not after_person:
                return None  # a count standing alone ("Two dead, ...") is read by the parse
            after_person = False  # "Boy, 2, and man": an age
            ages.add(words[0].i)
            continue
        single = last if last in persons else last[:-1] if last.endswith("s") and last[:-1] in persons else None
        if single is not None:
            plural = last != single or last in ("people", "men", "women", "children")
            if plural:
                if lead is not None:
                    n = int(lead[0])
                elif last in pairs:
                    n = 2
                else:
                    return None  # "Children, teacher hurt": how many children?
            else:
                n = 1
        elif last in pairs:
            n = 2
        elif all(t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "") for t in words) and len(words) >= 2:
            n = 1  # a name
        else:
            return None
        total += n
        people += 1
        after_person = True
    if not people:
        return None
    return total, people, ages


def _age_between(h, ap) -> bool:
    """An age stands between a name and a later name: "Betty M., 55, Alexis M."."""
    return any(c.dep_ == "appos" and _bare_number(c) and h.i < c.i < ap.i for c in h.children)


def _names_title(c) -> bool:
    """A person's name joined as a conjunct to a title or role with no "and"/"or"
    between them ("an East Baton Rouge Parish Sheriff's Deputy, Brad Garafola"): the
    same person, not one more."""
    h = c.head
    if c.dep_ != "conj" or c.ent_type_ != "PERSON" or c.pos_ != "PROPN" or h.ent_type_ == "PERSON" \
            or h.pos_ not in _NOUN or h.tag_ in ("NNS", "NNPS"):
        return False
    return not any(t.dep_ == "cc" for t in c.doc[h.i + 1 : c.i])


def _dangling_member(h, ctx: DocContext):
    """The parser broke a list whose "and" it left on the first member ("found A, 11,
    and her brother B, 15, shot to death": "brother" made the subject of "shot"): the
    person noun just after the "and", when it hangs on a verb."""
    doc = h.doc
    cc = next((c for c in h.children if c.dep_ == "cc" and c.lower_ == "and" and c.i > h.i), None)
    counted = False
    if cc is None and h.right_edge.i + 1 < h.sent.end and doc[h.right_edge.i + 1].lower_ == "and" \
            and doc[h.right_edge.i + 1].dep_ == "cc":
        # the "and" left on a word further back ("the suspect in shootings that killed a
        # police officer and three other people is ..."): only a counted member joins
        cc, counted = doc[h.right_edge.i + 1], True
    if cc is None or any(c.dep_ == "conj" for c in h.children):
        return None
    end = min(cc.i + 5, h.sent.end)
    for j in range(cc.i + 1, end):
        t = doc[j]
        if t.dep_ in ("det", "poss", "amod", "compound", "nummod") or t.is_punct:
            continue
        if t.pos_ in _NOUN and t.head.pos_ in _VERB and t.head.i > t.i and _is_person(t, ctx.lex) \
                and (not counted or any(c.dep_ == "nummod" for c in t.children)
                     and t.head.lower_ not in ctx.lex.casualty_forms):  # not "and two men were wounded"
            return t
        return None
    return None


def _dead_again(c: RawClaim, out: list, doc, lex) -> bool:
    """An injured count whose victims are a word pointing back ("both", "all", "they")
    at as many people the sentence already reported dead, or "he"/"she" beside the one
    death the sentence reports; or one person hurt whom a "he"/"she" later in the
    sentence reports dead."""
    if c.attribute != "injured" or c.victims is None:
        return False
    v = doc[c.victims]
    others = lex.pattern("casualties", "other_people_patterns")
    if v.lower_ in ("he", "she", "him", "her") and c.value == 1:
        # "The teen died shortly after he was taken to the hospital in critical condition"
        return any(k.attribute == "killed" and k.value == 1 and k.victims is not None and k.victims != v.i
                   and doc[k.victims].lower_ not in ("him", "her", "himself", "herself") for k in out) \
            and not others.search(v.sent.text.lower())
    sex = _sex(v.lower_, lex)
    if c.value == 1 and any(k.attribute == "killed" and k.value == 1 and k.victims is not None and k.victims > v.i
                            and doc[k.victims].lower_ in ("he", "she")
                            and sex in (None, "m" if doc[k.victims].lower_ == "he" else "f") for k in out) \
            and not others.search(v.sent.text.lower()):
        # "A man suffered a gunshot wound and was taken to a hospital, where he died"
        return True
    if v.lower_ not in lex.set("casualties", "group_again_words") or any(x.dep_ == "prep" for x in v.children):
        return False  # "both of their wives": other people
    return any(k.attribute == "killed" and k.victims is not None and k.victims < v.i and k.value == c.value
               for k in out)


def _dangling_before(h, ctx: DocContext):
    """The same broken list seen from its last member: "A, 67, and B, 62, died" parsed as
    two subjects of "died", the "and" left on the first."""
    if h.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for s in h.head.children:
        if s.i < h.i and s.dep_ == h.dep_ and s.pos_ in _NOUN and _is_person(s, ctx.lex) \
                and not any(c.dep_ == "conj" for c in s.children) \
                and any(c.dep_ == "cc" and c.lower_ == "and" and s.i < c.i < h.i for c in s.children):
            return s
    return None


def _passive(v) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)


def _victims_of_verb(v):
    """Victims of a transitive casualty verb: passive subject, else object; a coordinated
    verb without its own ("shot and killed") borrows its head's."""
    subs = [c for c in v.children if c.dep_ == "nsubjpass"]
    if subs:
        # the nearest before the verb: "MANSFIELD (WCMH) - Five teenagers were shot"
        before = [c for c in subs if c.i < v.i]
        # "A, 66 and B, 64 were found dead": an age the parser made a subject is not the victims
        people = [c for c in before if not _is_age_or_year(c)]
        return people[-1] if people else before[-1] if before else subs[0]
    for c in v.children:
        if c.dep_ == "dobj":
            return c
    if v.tag_ == "VBN" and v.dep_ in ("acl", "ROOT"):
        # a headline's bare participle with its number before it ("Police: 2 killed, 3
        # wounded in Sunday shooting", the number parsed as a "meta" or subject)
        num = next((c for c in v.children if c.dep_ in ("meta", "nsubj") and c.pos_ == "NUM" and c.i < v.i), None)
        if num is not None:
            return num
    # a gapped passive ("one man was killed and two others [were] wounded"), which the
    # tagger may read as a past tense with a subject
    gapped = v.dep_ == "conj" and (v.tag_ == "VBN" or v.tag_ == "VBD" and _passive(v.head)
                                   and not any(c.dep_ == "dobj" for c in v.children))
    if gapped and not any(c.dep_ in ("auxpass", "aux") for c in v.children):
        own = next((c for c in v.children if c.dep_ == "nsubj"), None) or \
            next((c for c in v.children if c.dep_ == "nummod" and c.pos_ == "NUM"), None)
        if own is not None and own.i < v.i:
            # "one man was killed and three injured", "two men are dead and two hurt":
            # the second clause's own count
            return own
    aux = next((c for c in v.children if c.dep_ == "auxpass" and c.i < v.i), None)
    if aux is not None:
        # a passive the parser left without a subject ("confirmed two young girls, ages
        # 4 and 5, were killed"): the noun phrase just before the auxiliary
        j = aux.i - 1
        doc = v.doc
        start = v.sent.start
        while j >= start and doc[j].is_punct:
            j -= 1
        if j >= start and doc[j].pos_ in _NOUN | {"NUM", "PRON"}:
            t = doc[j]
            while t.head.i != t.i and t.head.i < aux.i and t.head.pos_ in _NOUN | {"NUM"} and t.dep_ in ("appos", "conj", "nummod", "compound"):
                if t.dep_ == "conj" and _subject_of_next(t, t.head):
                    break  # "killed a woman and two men were wounded": the men are this verb's
                t = t.head
            return t
    if v.dep_ in ("conj", "xcomp") and v.head.pos_ in _VERB:
        for c in v.head.children:
            if c.dep_ == "nsubjpass":
                return c
        for c in v.head.children:
            if c.dep_ == "dobj":
                return c
        if v.dep_ == "conj" and v.tag_ == "VBN":
            for c in v.head.children:
                if c.dep_ == "nsubj":
                    return c
    if v.tag_ == "VBN" and not any(c.dep_ in ("auxpass", "aux") for c in v.children):
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj  # headline style: "three hurt in shooting"
    if v.tag_ == "VBD" and v.dep_ in ("acl", "pcomp") and not any(
            c.dep_ in ("dobj", "aux", "auxpass", "dative") or c.lower_ == "at" for c in v.children):
        # a reduced relative the tagger read as a past tense: "of the four people shot,
        # two ..." (the people its subject), "the four people shot" (its head)
        subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
        if subj is not None:
            return subj
        if v.dep_ == "acl" and v.head.pos_ in _NOUN | {"NUM"} and v.head.i < v.i and v.head.lower_ not in _EVENT_WORDS[0]:
            return v.head
    if v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ in _NOUN | {"NUM"} and v.head.lower_ not in _EVENT_WORDS[0]:
        prev = v.doc[v.i - 1]
        if prev.i != v.head.i and prev.pos_ in _NOUN and prev.head.i == v.head.i:
            return prev  # "a man dead and other people injured": the nearer noun
        return v.head  # "a man killed in the attack"
    if v.dep_ == "amod" and v.head.pos_ in _NOUN:
        return None
    return None


def _left_np(t):
    """Headline and list style: "two dead, nine people hurt" - the number or noun just
    before the casualty word, when the parse gave the word no subject or object."""
    if t.i == 0 or t.pos_ not in _VERB | {"ADJ"}:
        return None
    prev = t.doc[t.i - 1]
    fatal = False
    if prev.pos_ == "ADV" and t.i > 1:
        fatal = prev.lower_ in ("fatally", "mortally")
        prev = t.doc[t.i - 2]
    if fatal and prev.pos_ in _NOUN and prev.tag_ in ("NN", "NNS") and prev.sent.start == t.sent.start:
        return prev  # "the family of a 14-year-old boy fatally shot outside ...": a reduced relative
    if prev.pos_ in ("NUM", "NOUN", "PROPN") and prev.sent.start == t.sent.start:
        if prev.dep_ in ("nsubj", "dobj", "npadvmod", "conj", "appos", "dep", "nummod", "compound", "ROOT", "attr", "pobj") \
                and prev.head.i in (t.i, t.head.i, prev.i) or prev.head.i == t.i:
            return prev
    return None


def _subject(v):
    subs = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subs:
        # the nearest one before the verb: "COUNTY, Texas - One female is dead"
        before = [c for c in subs if c.i < v.i]
        people = [c for c in before if not _is_age_or_year(c)]
        return people[-1] if people else before[-1] if before else subs[0]
    if v.dep_ == "conj" and v.head.pos_ in _VERB:
        return _subject(v.head)
    if v.dep_ == "relcl":
        return v.head
    if v.dep_ == "acl" and v.head.pos_ in _NOUN | {"NUM"} and v.head.lower_ not in _EVENT_WORDS[0]:
        return v.head  # "two people found dead"
    return None


def _doer(v):
    """Who does ``v``: its subject, or for a gerund after a preposition ("the boy
    suspected of killing a girl", "charged with shooting his wife") the subject of the
    word the preposition hangs on."""
    got = _subject(v)
    if got is None and v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in _VERB:
        return _subject(v.head.head)
    return got


def _clause_verb(a):
    """The verb of the clause a count's anchor stands in: the anchor itself, or the verb
    whose object it is ("inflicted a fatal gunshot wound on their son")."""
    if a.pos_ not in _VERB and a.dep_ == "dobj" and a.head.pos_ in _VERB:
        return a.head
    return a


def _coordinated(parts: list) -> list:
    """The counts of ``parts`` whose clauses are joined by "and": "A died and B died" (conj
    of each other), "said A died, and B died" (the second a conj of the verb governing the
    first), "police say A was wounded and B was grazed" (two complements of one verb)."""
    members: list = []
    if len(parts) < 2:
        return members
    for c in parts:
        a = _clause_verb(c.anchor)
        if a.dep_ == "conj":
            h = a.head
            first = next((x for x in parts if x is not c and (_clause_verb(x.anchor).i == h.i
                                                               or (x.anchor.head.i == h.i and x.anchor.i < a.i))), None)
        elif a.dep_ == "ccomp":
            first = next((x for x in parts if x is not c and x.anchor.dep_ == "ccomp" and x.anchor.head.i == a.head.i
                          and x.anchor.i < a.i and any(t.lower_ == "and" for t in a.doc[x.anchor.i:a.i])), None)
        else:
            continue
        if first is not None:
            members += [x for x in (first, c) if x not in members]
    return members


def _introduced(h) -> bool:
    """A noun phrase that brings in someone new: "a woman", "another man", "one teen"."""
    if h.lower_ in ("another", "one"):
        return True
    return any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "another", "one") for c in h.children)


def _is_person(h, lex) -> bool:
    """A noun naming people: a person's name, or a word for a person ("man", "victims")."""
    if h.pos_ == "PROPN":
        return h.ent_type_ in ("PERSON", "")
    w = h.lower_
    if w == "old" or w.endswith("-old") or w.endswith("-olds"):
        return True  # "a 17-year-old"
    w = w[:-1] if w.endswith("s") and w[:-1] in person_nouns(lex) else w
    return w in person_nouns(lex) or w in ("people", "men", "women", "children", "others")


def shooter_apart(dead, shot, lex) -> bool:
    """Whether a death is of the shooter, who is not among the people he shot ("police
    killed the gunman after he shot three people": three wounded, not two)."""
    perps = lex.set("casualties", "perpetrator_nouns")  # "shooter" among them
    subject = dead.subject or ""
    return " and " not in subject and subject.split(" ")[-1] in perps and (shot.subject or "").split(" ")[-1] not in perps


def _killed_by_police(out: list, doc, lex) -> Optional[list]:
    """The claims of a sentence with the shooter added to its dead, when it counts
    people killed and then a pronoun killed by police ("Four people were killed by a
    man on a rampage before he was shot and killed by police": five); else None."""
    killed = [c for c in out if c.attribute == "killed" and c.victims is not None and c.value > 0]
    police = lex.set("casualties", "police_nouns") | lex.set("casualties", "police_force_nouns")

    def by_police(c) -> bool:
        v = c.anchor.head if c.anchor.pos_ == "ADJ" else c.anchor
        agents = [p for a in v.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        return any(p.lower_ in police or any(x.lower_ in police for x in p.lefts) for p in agents)
    shooter = [c for c in killed if c.value == 1 and doc[c.victims].lower_ in ("he", "him", "she", "her") and by_police(c)]
    others = [c for c in killed if c not in shooter and doc[c.victims].pos_ in _NOUN | {"NUM"}
              and shooter and c.victims < shooter[0].victims and not (c.subject or "").endswith("the shooter")]
    if not shooter or not others:
        return None
    top = max(others, key=lambda c: c.value)
    return out + [RawClaim("killed", top.value + 1, top.qualifier, f"{top.subject or 'people'} and the shooter", top.anchor, None)]


def _role_nouns(lex) -> frozenset[str]:
    """Words for a shooter or an officer ("suspect", "gunman", "deputy"): people, though
    not always victims."""
    return lex.set("casualties", "perpetrator_nouns") | lex.set("casualties", "police_nouns")


def person_nouns(lex) -> frozenset[str]:
    """The words for one person (neutral, female and male nouns of the casualties lexicon)."""
    return lex.set("casualties", "neutral_person_nouns") | lex.set("casualties", "female_nouns") | \
        lex.set("casualties", "male_nouns")


def _clause_subject(v):
    """Who a bare participle clause is about: "found a boy ..., suffering from a wound" (the
    object of the verb it hangs on), "a child showed up at the hospital suffering from ..."
    (its subject), "a man suffering from ..." (the noun it modifies)."""
    if v.dep_ == "acl" and v.head.pos_ in _NOUN:
        return v.head
    if v.dep_ in ("advcl", "xcomp", "conj") and v.head.pos_ in _VERB:
        obj = next((c for c in v.head.children if c.dep_ == "dobj"), None)
        return obj if obj is not None else _subject(v.head)
    return None


def _someone_else(shot: RawClaim, killed: list, doc) -> bool:
    """Whether the people a sentence says were shot are others than its dead: the shot
    verb says "also" ("his mother was also shot"), or both are named by their own
    nouns ("a father was killed and his son was shot"), not a part of one group ("two
    were shot, one fatally", "one of them died")."""
    if shot.victims is None or any(k.victims is None for k in killed):
        return False
    v = doc[shot.victims]
    if v.lower_ == "another":
        return True  # "one man was killed and another was shot"
    if v.pos_ not in _NOUN or v.lower_ in _REFERRING:
        return False
    if any(c.dep_ == "advmod" and (c.lower_ == "also" and c.i < shot.anchor.i or c.lower_ == "too")
           for c in shot.anchor.children):
        return True
    if any(c.dep_ == "det" and c.lower_ == "the" for c in v.children):
        return False  # "shot another teen, killing the youth": the same person again
    a = shot.anchor
    for k in killed:
        d = doc[k.victims]
        if d.pos_ not in _NOUN or d.lower_ == v.lower_ or any(c.dep_ == "prep" and c.lower_ == "of" for c in d.children):
            return False
        if d.i == v.i or v.i in {x.i for x in d.ancestors} or d.i in {x.i for x in v.ancestors}:
            return False
        # the two clauses are coordinated, each with its own victims
        b = k.anchor
        if not ((a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)):
            return False
    return True


def _shot_apart(shot: RawClaim, doc, low: str, lex) -> bool:
    """People shot who are told apart from any dead: "three other men", "were also
    shot", "were shot but survived"."""
    if shot.victims is None:
        return False
    v = doc[shot.victims]
    if any(c.dep_ == "det" and c.lower_ == "the" for c in v.children):
        return False  # "shot the other boy", "the other three victims": people named before
    if v.lower_ == "others" or any(c.dep_ in ("amod", "det") and c.lower_ == "other" for c in v.children):
        return True
    if any(c.dep_ == "advmod" and c.lower_ == "also" and c.i < shot.anchor.i for c in shot.anchor.children):
        return True  # "were also shot" (not "shot ..., also in the city")
    return bool(lex.pattern("casualties", "survived_shot_patterns").search(low))


def _own_victims(v) -> bool:
    """A coordinated verb with its own subject or object ("a man was killed and his son was
    shot") is about other people than the verb it is coordinated with ("shot and killed")."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in v.children)


def _passed_away(t) -> bool:
    return t.lower_ in ("passed", "passes") and t.pos_ in _VERB and any(c.lower_ == "away" for c in t.children)


def _negated(v) -> bool:
    return any(c.dep_ == "neg" for c in v.children)


def _supposed(v) -> bool:
    """'may have been wounded', 'could have been killed': a possibility, not a count
    ("would later die" is told, not supposed)."""
    return any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could") for c in v.children)


def _intended(v, ctx: DocContext) -> bool:
    """An infinitive that completes an intention ("in an effort to kill himself", "tried
    to kill her", "threatened to shoot them"): not done, so no count."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return False
    h = v.head
    return v.dep_ in ("xcomp", "acl", "advcl") and h.i != v.i and ctx.lemma(h) in ctx.lex.set("cues", "intensional")


def _aggregate(sent, low: str, words: set[str], ctx: DocContext) -> tuple[bool, list]:
    """(whether the sentence states a count over a period or place - crime statistics
    naming neither one event, "the shooting", "Sunday's attack", nor one day -, the
    plural event nouns of a round-up, "in three separate shootings", that do not point
    at one event)."""
    lex = ctx.lex
    agg_re, spread_re = lex.pattern("casualties", "aggregate_patterns"), lex.pattern("casualties", "spread_patterns")
    one_dets, roundup = lex.set("casualties", "one_event_dets"), lex.set("casualties", "roundup_nouns")
    rounds: list = []
    if words & roundup:
        for t in sent:
            if t.lower_ in roundup and not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in one_dets)
                                               for c in t.children):
                if t.head.lower_ == "of" and t.head.head.lower_ in ("series", "spree", "rampage"):
                    continue  # "a series of shootings": one spree
                rounds.append(t)
    if spread_re.search(low):
        return True, rounds
    if not agg_re.search(low) or words & lex.set("casualties", "one_day_words"):
        return False, rounds
    forms = ctx.lex.trigger_forms
    for t in sent:
        if t.pos_ in _NOUN and t.lower_ in forms and any(
                c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in one_dets) for c in t.children):
            return False, rounds
    return True, rounds


def _in_roundup(anchor, rounds: list) -> bool:
    """The count and a round-up noun are in one clause: "were wounded in separate
    shootings", "three shootings left six people wounded", "two shootings that resulted
    in the deaths of two men"."""
    own = {anchor.i, anchor.head.i} if anchor.dep_ == "conj" else {anchor.i}
    near = {anchor.i, anchor.head.i, anchor.head.head.i}
    above = {a.i for a in list(anchor.ancestors)[:5]}
    for r in rounds:
        if r.i in above or any(a.i in own for a in list(r.ancestors)[:6]):
            return True
        if r.dep_ in ("nsubj", "nsubjpass") and r.head.i in near:
            return True
        rv = next((a for a in r.ancestors if a.pos_ in _VERB), None)
        if rv is not None and rv.i != anchor.i and rv.head.i == anchor.head.i and rv.dep_ == anchor.dep_ \
                and rv.dep_ in ("ccomp", "conj"):
            return True  # "two were killed and four were wounded in separate shootings, police said"
        if rv is not None and rv.i != anchor.i and _same_list(rv.head, anchor.head):
            return True  # "8 killed, 46 wounded in weekend shootings": counts listed for one round-up
    return False


def _same_list(a, b) -> bool:
    """Two numbers listed side by side ("Police: 8 killed, 46 wounded"): members of one
    apposition or coordination under the same head."""
    return a.i != b.i and a.pos_ == b.pos_ == "NUM" and a.head.i == b.head.i and a.head.i not in (a.i, b.i) \
        and a.dep_ == b.dep_ and a.dep_ in ("appos", "conj")


def _gunfire_just_before(sent, ctx: DocContext, gun_words: frozenset[str]) -> bool:
    """Whether the sentence before ``sent``, in the same paragraph, names gunfire:
    "Shots were fired into the home. A woman was struck in the arm." """
    start = sent.start
    if start == 0:
        return False
    prev = ctx.doc[start - 1].sent
    between = ctx.doc.text[prev.end_char:sent.start_char]
    if "\n" in between:
        return False
    return bool(set(re.findall(r"[a-z]+", ctx.lower_text(prev))) & gun_words)


def sentence_claims(sent, ctx: DocContext, hits: Optional[list] = None) -> tuple[list[RawClaim], list[RawClaim]]:
    """Casualty and arrest counts of one sentence, and the "people shot" counts that
    only become injured counts once the deaths among them are known."""
    lex = ctx.lex
    cas = lex.casualties
    L = ctx.lemma
    killed_v = lex.set("casualties", "killed_verbs")
    died_v = lex.set("casualties", "died_verbs")
    dead_a = lex.set("casualties", "killed_adjs")
    killed_n = lex.set("casualties", "killed_nouns")
    inj_v = lex.set("casualties", "injured_verbs")
    inj_n = lex.set("casualties", "injured_nouns")
    suffer_v = lex.set("casualties", "suffer_verbs")
    inflict_v = lex.set("casualties", "inflict_verbs")
    fatal_adv = lex.set("casualties", "fatal_adverbs")
    fatal_adj = lex.set("casualties", "fatal_adjs")
    shot_v = lex.set("casualties", "shot_verbs")
    arrest_v = lex.set("casualties", "arrest_verbs")
    missing_a = lex.set("casualties", "missing_adjs")
    hospital_v = lex.set("casualties", "hospital_verbs")
    struck_v = lex.set("casualties", "struck_verbs")
    hospitals = lex.set("casualties", "hospital_nouns")
    not_hospital = lex.set("casualties", "not_hospital_words")
    not_patients = lex.set("casualties", "not_patients")
    conditions = lex.set("casualties", "condition_words")
    leave_f, lose_f, cost_f = (lex.set("casualties", k) for k in ("leave_forms", "lose_forms", "cost_forms"))
    nearly = lex.set("casualties", "nearly_words")
    if _EVENT_WORDS[0] is not lex.trigger_forms:
        strong = frozenset(k for k, v in lex.triggers.items() if v.type == "ASSAULT" and v.rank == 2)
        _EVENT_WORDS[:] = [lex.trigger_forms, strong, frozenset(f for f, l in lex.lemmas.items() if l in strong and l not in ("fire",))]

    out: list[RawClaim] = []
    shots: list[RawClaim] = []
    used: set[tuple[str, int]] = set()
    fatal_verbs: dict[int, Optional[object]] = {}  # verb index -> head of "one fatally" or None
    consumed: set[int] = set()  # shot verbs already turned into deaths/injuries

    def add(attr: str, anchor, victims, default_subject: Optional[str] = None) -> None:
        if victims is None:
            victims = _left_np(anchor)
        if victims is None:
            return
        real = victims.head.head if victims.lower_ in ("who", "that", "which") and victims.head.dep_ == "relcl" else victims
        if real.dep_ == "pobj" and real.head.lower_ in ("including", "among", "besides"):
            return  # "five wounded, including a woman who ...": a part of a count already made
        if attr == "killed" and victims.lower_ in _FIRST_PERSON:
            return  # "they killed me!", "I'm dead": a speaker alive to say it
        if victims.lower_ in ("they", "them"):
            # "found two men who had been shot ... where they died": the group counted
            # before in the sentence, counted once
            # (people shot stay a count of people shot: the deaths are taken from it later)
            pool = out + shots if attr == "killed" else out
            prior = [c for c in pool if c.victims is not None and c.victims < victims.i and c.value > 1]
            if prior and (attr, prior[-1].victims) not in used:
                p = prior[-1]
                used.add((attr, p.victims))
                out.append(RawClaim(attr, p.value, p.qualifier, p.subject, anchor, p.victims))
            return
        got = _with_headline_list(count_np(victims, ctx), victims, sent, anchor, ctx)
        if got is None:
            return
        got = _along_with(got, anchor, ctx)
        got = _as_was(got, anchor, ctx)
        # "a toddler who was injured ... has died": the relative pronoun is the noun it
        # stands for, so that the dead are not also counted injured
        key = (attr, real.i)
        if key in used:
            return
        used.add(key)
        value, qual, subj = got
        out.append(RawClaim(attr, value, qual, subj or default_subject, anchor, real.i))

    bodies = lex.set("casualties", "not_patients")
    found_v = lex.set("casualties", "found_verbs")
    toks = [t for t in (sent if hits is None else hits) if t.lower_ in lex.casualty_forms or t.lower_ in fatal_adj
            or t.lower_ in ("life", "lives", "passed", "passes") or L(t) in struck_v or t.lower_ in bodies]
    sent_low = ctx.lower_text(sent)
    sent_words = set(re.findall(r"[a-z]+", sent_low))
    gun_words = lex.set("casualties", "gunfire_words")
    gunfire = bool(sent_words & gun_words)
    # "struck" counts people shot when gunfire is named here or just before (asked once)
    struck_gunfire = gunfire or (any(L(t) in struck_v for t in toks) and _gunfire_just_before(sent, ctx, gun_words))
    # fatal adverbs first: they decide what "shot"/"wounded" mean
    for t in toks:
        if L(t) in fatal_adv:
            h = t.head
            part = t.doc[t.i - 1] if t.i > sent.start else None
            if h.pos_ in _VERB and part is not None and part.pos_ == "NUM" and part.head.i == h.i \
                    and any(c.dep_ in ("dobj", "nsubjpass") and c.i < part.i for c in h.children):
                # "shot three police officers - one fatally -", the number parsed as a second
                # object of the verb: one of them
                fatal_verbs[h.i] = part
                continue
            if h.pos_ in _VERB:
                fatal_verbs[h.i] = None
                if L(h) not in shot_v and L(h) not in inj_v and L(h) not in killed_v:
                    add("killed", t, _victims_of_verb(h))  # "the bullet fatally struck her"
            elif h.pos_ in ("NUM", "NOUN", "PRON") and h.head.pos_ in _VERB:
                fatal_verbs[h.head.i] = h  # "two people were shot, one fatally"
            elif h.pos_ in ("NUM", "NOUN", "PRON") and h.dep_ == "appos" and h.head.dep_ in ("nsubjpass", "dobj") \
                    and h.head.head.pos_ in _VERB:
                fatal_verbs[h.head.head.i] = h  # "five men were shot -- three of them fatally --"
    for t in toks:
        lem = L(t)
        pos = t.pos_
        if pos in _NOUN:
            low = t.lower_
            for form in (low, low[:-1] if low.endswith("s") else low):
                if form in killed_n or form in inj_n:
                    lem = form
                    break
        if lem in fatal_adv:
            continue
        if pos in _NOUN and t.lower_ in bodies and t.dep_ in ("dobj", "nsubjpass") and t.head.lower_ in found_v \
                and not _negated(t.head):
            of = next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
            # "found the five bodies", "the bodies of a woman and her two children were discovered"
            add("killed", t, of if of is not None else t)
            continue
        if pos in _VERB and (_negated(t) or _supposed(t) or _intended(t, ctx)):
            continue
        if lem in killed_v and pos in _VERB:
            if t.dep_ == "amod":
                continue
            add("killed", t, _victims_of_verb(t))
            # "shot and killed": the shooting's victims are these
            if t.dep_ == "conj" and L(t.head) in shot_v:
                consumed.add(t.head.i)
            for c in t.children:
                if c.dep_ == "conj" and L(c) in shot_v and not _own_victims(c):
                    consumed.add(c.i)
        elif lem in died_v and pos in _VERB:
            if t.dep_ in ("amod", "compound"):
                continue  # "two drowning victims", "a dying man": a modifier, no count of the dead
            add("killed", t, _subject(t))
        elif lem in dead_a and pos == "ADJ":
            # "2 dead, 3 injured": the number before the word (the one after counts the hurt)
            nums = [c for c in t.children if c.pos_ == "NUM" and (c.dep_ in ("nummod", "npadvmod") or c.dep_ in ("nsubj", "meta") and c.i < t.i)]
            num = next((c for c in nums if c.i < t.i), None) or next((c for c in nums if c.dep_ in ("nummod", "npadvmod")), None)
            if num is not None:
                add("killed", t, num)
                continue
            own = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
            if own is not None and t.dep_ in ("conj", "oprd", "ccomp"):
                add("killed", t, own)  # "left three people injured and one person dead"
                continue
            h = t.head
            if t.dep_ == "amod" and h.pos_ == "NUM":
                add("killed", t, h)  # "Two dead, three hurt"
                continue
            if t.dep_ in ("amod", "acl") and h.pos_ in _NOUN and h.i < t.i:
                # "left a man dead"; "found a man and a woman dead": the whole list, not
                # its last member (unless the list's head has a state of its own: "two
                # people injured and a man dead")
                while h.dep_ == "conj" and h.head.pos_ in _NOUN and h.head.i < h.i \
                        and _is_person(h.head, lex) and not _own_state(h.head, lex):
                    h = h.head
                add("killed", t, h)
                continue
            if t.dep_ in ("amod",) and h.pos_ in _NOUN:
                # "found a deceased male", "a dead man was discovered": a person found dead
                if _is_person(h, lex) and h.dep_ in ("dobj", "nsubjpass") and \
                        h.head.lower_ in lex.set("casualties", "found_verbs"):
                    add("killed", t, h)
                continue  # "two dead bodies", "a dead end
            if h.pos_ in _VERB:
                if L(h) in shot_v:
                    consumed.add(h.i)
                    add("killed", t, _victims_of_verb(h))
                elif h.lower_ in ("left", "leaves", "leaving", "leave") or (
                        t.dep_ == "oprd" and any(c.dep_ == "dobj" for c in h.children)):
                    # "left a man dead"; "crews pronounced the victim dead": the object
                    add("killed", t, next((c for c in h.children if c.dep_ == "dobj"), None))
                else:
                    add("killed", t, _subject(h))
            elif t.dep_ == "ROOT" or t.dep_ == "conj":
                prev = t.doc[t.i - 1] if t.i > sent.start else None
                if prev is not None and (prev.pos_ == "NUM" or word_value(prev.lower_, lex.numbers)):
                    add("killed", t, prev)
        elif lem in killed_n and pos in _NOUN:
            of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if t.lower_ in ("homicide", "homicides", "murder", "murders") and of is None:
                continue  # "charged with murder": a charge, not a count
            if of is not None:
                p = next((c for c in of.children if c.dep_ == "pobj"), None)
                if p is not None and (p.ent_type_ not in ("GPE", "ORG", "NORP") or p.pos_ == "NOUN" and _is_person(p, lex)):
                    add("killed", t, p)
                    continue
            num = next((c for c in t.children if c.dep_ == "nummod"), None)
            if num is not None and L(t) in ("death", "fatality", "killing"):
                add("killed", t, num)
                continue
            poss = next((c for c in t.children if c.dep_ == "poss"), None)
            if poss is not None and L(t) in ("death", "killing", "slaying") and t.tag_ == "NN":
                add("killed", t, poss if poss.pos_ != "PRON" else t, "person")
        elif lem in inj_v and pos in _VERB:
            if t.dep_ == "amod":
                continue
            if t.i in fatal_verbs and fatal_verbs[t.i] is None:
                add("killed", t, _victims_of_verb(t))
                continue
            add("injured", t, _victims_of_verb(t) or (_subject(t) if t.dep_ in ("acomp", "ROOT") and not _passive(t) and L(t) == "hurt" else None))
            if t.dep_ == "conj" and L(t.head) in shot_v:
                consumed.add(t.head.i)
            for c in t.children:
                if c.dep_ == "conj" and L(c) in shot_v and not _own_victims(c):
                    consumed.add(c.i)
        elif lem in inj_v and pos == "ADJ" and t.dep_ in ("acomp", "oprd", "conj") and t.head.pos_ in _VERB:
            add("injured", t, _subject(t.head))
        elif lem in inj_n and pos in _NOUN:
            if lem == "condition":
                if not any(c.lower_ in conditions for c in t.children if c.dep_ in ("amod", "compound")):
                    continue
                h = t.head.head if t.head.dep_ == "prep" else t.head
                if h.pos_ in _VERB:
                    if any(L(c) in died_v or L(c) in dead_a for c in h.subtree):
                        continue
                    if h.lower_ in leave_f:  # "a shooting that left a boy in serious condition"
                        add("injured", t, next((c for c in h.children if c.dep_ == "dobj"), None))
                    else:
                        add("injured", t, _subject(h) or _victims_of_verb(h))
            else:
                h = t.head
                if h.dep_ == "prep":
                    h = h.head
                # "suffered fatal gunshot wounds": a death, not an injury ("non-fatal" is one)
                fatal_wound = any(c.dep_ in ("amod", "compound") and c.lower_ in fatal_adj
                                  and not (c.i >= 2 and c.doc[c.i - 1].text == "-" and c.doc[c.i - 2].lower_ == "non")
                                  for c in t.children)
                if h.pos_ in _VERB and L(h) in suffer_v:
                    who = (_subject(h) or _clause_subject(h)) if not _passive(h) or L(h) != "treat" else _victims_of_verb(h)
                    add("killed" if fatal_wound else "injured", t, who)
                elif h.pos_ in _VERB and L(h) in inflict_v and t.dep_ == "dobj":
                    # "inflicted a fatal gunshot wound on their 3-year-old son": the wound's bearer
                    on = next((p for c in (*h.children, *t.children) if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                               for p in c.children if p.dep_ == "pobj"), None)
                    if on is not None and on.lower_ not in ("himself", "herself", "themselves"):
                        add("killed" if fatal_wound else "injured", t, on)
                elif t.head.lower_ == "with" and t.dep_ == "pobj" and L(t) == "wound" and \
                        not any(c.lower_ in fatal_adj for c in t.children) and \
                        not any(L(x) in died_v or L(x) in dead_a or L(x) in fatal_adv or L(x) in killed_v or _passed_away(x)
                                for x in toks):
                    # "found the girl with a gunshot wound to her leg", "three men walked in
                    # with gunshot wounds"
                    h = t.head.head
                    if h.pos_ in _NOUN and h.dep_ == "pobj" and h.head.head.pos_ in _VERB and not _is_person(h, lex):
                        h = h.head.head  # "walked into a gas station with gunshot wounds"
                    if h.pos_ in _NOUN and _is_person(h, lex):
                        add("injured", t, h)
                    elif h.pos_ in _VERB:
                        add("injured", t, next((c for c in h.children if c.dep_ == "dobj"), None) or _subject(h))
                elif h.pos_ in _VERB and L(h) in died_v:
                    continue
        elif lem in shot_v and t.tag_ == "NN" and age_before(t) and not _negated(t):
            # the tagger's noun "shot" after an age that stands for its person: "found a
            # 16-year-old shot to death", "the 2-year-old shot himself" (one person; not
            # when the age shot someone else: "the 2-year-old shot his brother")
            objs = [c for c in t.children if c.dep_ in ("dobj", "appos")]
            if any(c.lower_ not in REFLEXIVE for c in objs):
                continue
            if _to_death(t):
                if ("killed", t.i) not in used:
                    used.add(("killed", t.i))
                    out.append(RawClaim("killed", 1, "exact", "person", t, t.i))
                consumed.add(t.i)
            elif not (objs and _death_told(sent_words, sent_low, lex)):
                shots.append(RawClaim("shot", 1, "exact", "person", t, t.i))
        elif (lem in shot_v or lem in struck_v and struck_gunfire) and pos in _VERB:
            if t.dep_ in ("amod", "compound"):
                continue
            if t.i in fatal_verbs:
                k = fatal_verbs[t.i]
                victims = _victims_of_verb(t)
                if k is None:
                    add("killed", t, victims)
                    consumed.add(t.i)
                else:
                    got_k = count_np(k, ctx)
                    got_n = count_np(victims, ctx) if victims is not None else None
                    if got_k is not None:
                        out.append(RawClaim("killed", got_k[0], got_k[1], got_n[2] if got_n else None, t, k.i))
                        if got_n is not None and got_n[0] > got_k[0]:
                            out.append(RawClaim("injured", got_n[0] - got_k[0], got_n[1], got_n[2], t, victims.i))
                        consumed.add(t.i)
                continue
            if _to_death(t):
                add("killed", t, _victims_of_verb(t))
                consumed.add(t.i)
                continue
            victims = _victims_of_verb(t)
            if victims is None:
                continue
            if lem in struck_v and not (victims.pos_ == "NUM" or _is_person(victims, lex)):
                continue  # "the gunfire hit the house", "hit the community hard"
            if victims.lower_ in ("himself", "herself", "themselves"):
                if victims.lower_ != "themselves" and not any(c.dep_ == "conj" for c in victims.children) and \
                        not _death_told(sent_words, sent_low, lex):
                    # "a boy accidentally shot himself in the hand": one person wounded
                    shots.append(RawClaim("shot", 1, "exact", "person", t, victims.i))
                    continue
                if not any(c.dep_ == "conj" for c in victims.children):
                    continue  # "shooting himself and a woman" counts both
            got = _with_headline_list(count_np(victims, ctx), victims, sent, t, ctx)
            if got is not None:
                got = _along_with(got, t, ctx)
                shots.append(RawClaim("shot", got[0], got[1], got[2], t, victims.i))
        elif t.lower_ in fatal_adj and t.dep_ == "amod" and t.head.lower_ in ("victim", "victims") and not _non(t):
            add("killed", t, t.head)  # "the fatal victim was identified as ..."
        elif t.lower_ in fatal_adj and t.dep_ == "amod" and L(t.head) in _EVENT_WORDS[1] and not _non(t):
            ev = t.head
            of = next((c for c in ev.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            p = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if p is not None:
                add("killed", t, p)
            elif ("killed", -1) not in used and not any(c.attribute == "killed" for c in out):
                used.add(("killed", -1))
                out.append(RawClaim("killed", 1, "at_least", None, t, None))
        elif lem in hospital_v and pos in _VERB:
            # "taken to a hospital", "treated at a hospital and released"
            dest = [c for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "at", "in")]
            if not any(L(p) in hospitals for c in dest for p in c.subtree) or \
                    any(L(p) in not_hospital for c in dest for p in c.subtree):
                continue
            if any(L(x) in died_v or L(x) in dead_a or L(x) in fatal_adv or _passed_away(x) for x in toks):
                continue
            if sent_words & lex.set("casualties", "unhurt_words"):
                continue  # "found alive and uninjured ... transported to the hospital as a precaution"
            patients = _victims_of_verb(t)
            if patients is not None and L(patients) not in not_patients:
                add("injured", t, patients)
        elif t.lower_ in ("life", "lives") and pos in _NOUN and (L(t.head) in ("claim", "take") or t.head.lower_ in lose_f | cost_f):
            # "claimed the life of a boy", "lost his life"
            of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            p = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if any(c.dep_ == "advmod" and c.lower_ in nearly for c in t.head.children):
                continue  # "almost lost her life"
            if p is not None:
                add("killed", t, p)
            elif t.head.lower_ in lose_f:
                add("killed", t, _subject(t.head))
        elif _passed_away(t):
            add("killed", t, _subject(t))
        elif lem in arrest_v and pos in _VERB:
            add("arrested", t, _victims_of_verb(t))
        elif lem in missing_a and pos == "ADJ" and t.head.pos_ in _VERB:
            add("missing", t, _subject(t.head))
    # "a triple shooting": three people shot, unless the sentence counts the wounded
    # itself; "a double homicide": two dead, unless it counts the dead
    multiple = lex.casualties.get("multiple_words") or {}
    ordinals = lex.numbers.get("ordinals") or {}
    for t in toks if multiple else ():
        # the word just before, as written (the parser reads "a quadruple shooting" either way)
        j = t.i - 1 - (t.i >= 2 and t.doc[t.i - 1].text == "-")
        deadly = j > sent.start and t.doc[j].lower_ in fatal_adj and not _non(t.doc[j])  # "a double fatal shooting"
        if deadly:
            j -= 1 + (j >= 2 and t.doc[j - 1].text == "-")
        if j < sent.start or t.doc[j].lower_ not in multiple:
            continue
        n = multiple[t.doc[j].lower_]
        if any(x.lower_ in ordinals for x in t.doc[max(sent.start, j - 3):j]):
            continue  # "the city's fifth double shooting this year": one of a series
        if deadly and t.lower_ in lex.set("casualties", "multiple_shot_nouns"):
            # (in place of the "at least one dead" the adjective alone gave)
            out[:] = [c for c in out if not (c.attribute == "killed" and c.victims is None and c.qualifier == "at_least")]
            if not any(c.attribute == "killed" for c in out):
                out.append(RawClaim("killed", int(n), "exact", "people", t, None))
        elif t.lower_ in lex.set("casualties", "multiple_shot_nouns"):
            if not any(c.attribute == "injured" for c in out):
                shots.append(RawClaim("shot", int(n), "exact", "people", t, None))
        elif t.lower_ in lex.set("casualties", "multiple_killed_nouns") and not any(c.attribute == "killed" for c in out):
            out.append(RawClaim("killed", int(n), "exact", "people", t, None))
    # "was rushed to a hospital with severe injuries but did not survive": the injured died
    surv = lex.pattern("casualties", "not_survived_patterns")
    if out and not any(c.attribute == "killed" for c in out) and surv.search(sent_low):
        for c in out:
            if c.attribute == "injured" and c.value > 0:
                c.attribute = "killed"
                used.add(("killed", c.victims))
        for s in shots:
            if s.value > 0 and s.victims is not None:
                out.append(RawClaim("killed", s.value, s.qualifier, s.subject, s.anchor, s.victims))
                used.add(("killed", s.victims))
                break
    shots = [s for s in shots if s.anchor.i not in consumed and ("killed", s.victims) not in used and ("injured", s.victims) not in used]
    # "X died of a gunshot wound, but also suffered burns": the dead are not also injured
    out = [c for c in out if c.attribute != "injured" or c.victims is None or ("killed", c.victims) not in used]
    # "A and B were deceased, both having suffered gunshot wounds": the dead again
    out = [c for c in out if not _dead_again(c, out, sent.doc, lex)]
    # "four people were killed by a man ... before he was shot and killed by police":
    # the one police killed is the shooter, one more dead
    out = _killed_by_police(out, sent.doc, lex) or out
    # "... then turned the gun on himself": the shooter is among the dead
    low, words = sent_low, sent_words
    self_harm = lex.self_harm_re is not None and lex.self_harm_re.search(low)
    if not self_harm and lex.self_harm_if_dead_re is not None and lex.self_harm_if_dead_re.search(low):
        self_harm = bool(words & lex.set("casualties", "death_words"))
    if self_harm:
        refl = [c for c in out if c.attribute == "killed" and c.victims is not None
                and sent.doc[c.victims].lower_ in REFLEXIVE]
        own = [c for c in out if c.attribute == "killed" and c not in refl]
        # the shooter adds to the dead only when the sentence counts others killed by him
        # ("killed his wife ... then turned the gun on himself"), not when the dead person
        # is the shooter ("a boy who shot himself has died")
        def verb_of(c):  # "shot his daughter dead": the verb of a "dead" complement
            a = c.anchor
            return a.head if a.pos_ == "ADJ" and a.head.pos_ in _VERB else a
        by_other = [c for c in own if verb_of(c).pos_ in _VERB and L(verb_of(c)) in killed_v | shot_v
                    and _doer(verb_of(c)) is not None and c.victims != _doer(verb_of(c)).i
                    and not (c.subject or "").endswith("the shooter")]  # "kills wife and himself"
        if by_other:
            c = by_other[0]
            c.value += 1
            c.subject = f"{c.subject or 'people'} and the shooter"
        elif own and refl:
            # "X was shot and killed by Y, before he killed himself"
            c = max(own, key=lambda c: c.value)
            c.value += 1
            c.subject = f"{c.subject or 'people'} and the shooter"
            out = [x for x in out if x not in refl]
        elif own:
            pass
        else:
            # "shot his girlfriend and her daughter, then turned the gun on himself"
            mine = [x for x in shots if x.anchor.i not in consumed and _subject(x.anchor) is not None
                    and x.victims != _subject(x.anchor).i]
            if mine:
                x = mine[0]
                out = [c for c in out if c not in refl]
                out.append(RawClaim("killed", x.value + 1, x.qualifier, f"{x.subject or 'people'} and the shooter",
                                    x.anchor, x.victims))
                shots = [y for y in shots if y is not x]
            elif not refl:
                anchor = next((t for t in toks), sent.root)
                out.append(RawClaim("killed", 1, "exact", "shooter", anchor, None))
            for c in refl:
                if c in out:
                    c.subject = "shooter"
    # "the two children died ..., and the father died": coordinated clauses about
    # different people add up; so do clauses about people shot ("a 29-year-old man was
    # shot in the leg, and a 33-year-old man was shot in the arm")
    for attr in ("killed", "injured", "shot"):
        pool = shots if attr == "shot" else out
        # (a wound the victims suffered counts as its verb: "three of the men suffered
        # non-life-threatening injuries and another was taken to the hospital")
        parts = [c for c in pool if c.attribute == attr and c.value > 0 and c.victims is not None
                 and (c.anchor.pos_ in _VERB or c.anchor.dep_ == "dobj" and c.anchor.head.pos_ in _VERB
                      and (any(x.dep_ == "conj" and x.pos_ in _VERB and _own_victims(x) for x in c.anchor.head.children)
                           or c.anchor.head.dep_ == "conj" and L(c.anchor.head) in inflict_v))]
        members = _coordinated(parts)
        if len(members) > 1:
            doc = members[0].anchor.doc
            # ("sons and the shooter" and "sons" are the same sons)
            subjects = {(c.subject or "").split(" and the ")[0] for c in members}
            pronoun = any(doc[c.victims].lower_ in _REFERRING for c in members)
            fresh = all(_introduced(doc[c.victims]) for c in members)
            if len({c.victims for c in members}) == len(members) and (len(subjects) == len(members) or fresh) and not pronoun:
                total = sum(c.value for c in members)
                qual = "at_least" if any(c.qualifier == "at_least" for c in members) else members[0].qualifier
                pool.append(RawClaim(attr, total, qual, "people", members[0].anchor, None))
    # "three men shot, a fourth wounded by shrapnel", "four people were hit by bullets and
    # a fifth was struck by debris": one more person hurt than the count before
    _one_more(sent, out, shots, ctx)
    # "killed his wife and granddaughter before his son shot him to death": the killer,
    # killed in turn in a clause hanging on the killing, joins its toll
    dead = [c for c in out if c.attribute == "killed" and c.value > 0 and c.victims is not None]
    if len(dead) > 1:
        doc = sent.doc
        for late in dead:
            lv = late.anchor.head if late.anchor.pos_ == "ADJ" else late.anchor  # "shot him dead"
            if doc[late.victims].lower_ not in ("him", "her") or lv.dep_ != "advcl":
                continue
            first = next((c for c in dead if c is not late and c.anchor.i == lv.head.i
                          and c.victims != late.victims and _subject(c.anchor) is not None), None)
            if first is not None:
                out.append(RawClaim("killed", first.value + 1, first.qualifier,
                                    f"{first.subject or 'people'} and the shooter", first.anchor, None))
                break
    # a headline naming a death it does not count ("Teen shot, killed inside house",
    # "Slain teen identified", "Arrest made in fatal shooting"): at least one dead
    if not any(c.attribute == "killed" for c in out) and _headline(ctx):
        violent = gunfire or bool(sent_words & _EVENT_WORDS[2]) or bool(sent_words & lex.weapon_words)
        implied = _headline_death(sent, lex, violent)
        if implied is not None:
            out.append(RawClaim("killed", 1, "at_least", None, implied, None))
    # "three people were shot ... one of them died": the rest are injured
    if shots and not any(c.attribute == "injured" for c in out):
        killed = sum(c.value for c in out if c.attribute == "killed" and not shooter_apart(c, shots[0], lex))
        if killed:
            n = shots[0]
            if n.value > killed:
                out.append(RawClaim("injured", n.value - killed, n.qualifier, n.subject, n.anchor, n.victims))
            elif _someone_else(n, [c for c in out if c.attribute == "killed"], sent.doc):
                # "a father was killed and his son was shot", "X was killed while his
                # mother was also shot": the people shot are not the dead
                out.append(RawClaim("injured", n.value, n.qualifier, n.subject, n.anchor, n.victims))
            shots = []
    # "three other men were also shot but survived": people shot apart from the dead the
    # article reports elsewhere are wounded as they are counted, not a total the deaths
    # are taken from
    if shots and not any(c.attribute == "killed" for c in out):
        apart = [x for x in shots if x.value > 0 and _shot_apart(x, sent.doc, sent_low, lex)]
        if apart:
            # the sentence's largest count of people shot ("a woman was shot in the chest,
            # and another woman was also shot" = 2)
            x = max(shots, key=lambda y: y.value)
            if not any(c.attribute == "injured" for c in out):
                out.append(RawClaim("injured", x.value, x.qualifier, x.subject, x.anchor, x.victims))
            shots = []
    # counts over a period or a place ("165 people were murdered in 2015") are statistics,
    # not one event's toll, unless the sentence points at one event or one day
    # (a single named death "last year" is one event, not a statistic)
    if out or shots:
        period, rounds = _aggregate(sent, low, words, ctx)
        if period or rounds:
            def stat(c: RawClaim) -> bool:
                return c.value > 0 and ((period and c.value > 1) or _in_roundup(c.anchor, rounds))
            out = [c for c in out if not stat(c)]
            shots = [c for c in shots if not stat(c)]
    # deaths in crashes, fires or of illness are not violence unless a weapon or attack is named
    if out and words & lex.set("casualties", "non_violent_causes"):
        violent = any(L(t) in lex.weapon_words or L(t) in shot_v or L(t) in _EVENT_WORDS[1] for t in toks) or \
            bool(words & lex.weapon_words) or bool(words & _EVENT_WORDS[2]) or gunfire
        if not violent:
            out = []
            shots = []
    # "a third person has died": the third death of the event
    kills = [c for c in out if c.attribute == "killed"]
    if len(kills) == 1 and kills[0].value == 1 and kills[0].victims is not None:
        v = sent.doc[kills[0].victims]
        ords = lex.numbers.get("ordinals") or {}
        o = next((c for c in v.children if c.dep_ == "amod" and c.lower_ in ords), None)
        if o is not None and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in v.children):
            kills[0].value = int(ords[o.lower_])
            kills[0].qualifier = "at_least"
    # one person brought in and shot, in a sentence that reports no one dead or hurt
    # ("A 19-year-old woman was shot in the arm"): one wounded, so that victims an article
    # describes one by one can be added up (the dead among them are told apart later)
    if len(shots) == 1 and not out:
        x = shots[0]
        v = sent.doc[x.victims] if x.victims is not None else None
        # the person is the subject ("A 19-year-old woman was shot"), not the object of
        # a shooter ("shot another teen": often the one who died)
        if x.value == 1 and x.qualifier == "exact" and v is not None and v.dep_ == "nsubjpass" \
                and _introduced(v) and _is_person(v, lex):
            out.append(RawClaim("injured", 1, "exact", x.subject, x.anchor, x.victims))
    # zero statements ("no one was hurt", "without causing casualties")
    for rx, attrs in (lex.zero_patterns if ("no" in low or "without" in low) else ()):
        m = rx.search(low)
        if m:
            anchor = ctx.token_at(sent.start_char + m.start()) or sent.root
            for attr in attrs:
                if not any(c.attribute == attr for c in out):
                    out.append(RawClaim(attr, 0, "exact", None, anchor, None))
    return out, shots


_GENERIC = {"person", "people", "victim", "victims", ""}


def _one_more(sent, out: list, shots: list, ctx: DocContext) -> None:
    """A person brought in by an ordinal ("a fourth", "a fifth person") and hurt, after a
    count of one fewer people hurt in the sentence: that count grows by one (in place); a
    count of the dead instead ("three people are dead and a fourth is undergoing surgery")
    gets the person as one wounded.  Not when the sentence already counts that many, counts
    the person apart, or only supposes ("a fifth person may have been wounded")."""
    lex = ctx.lex
    ordinals = lex.numbers.get("ordinals") or {}
    hurt_words = lex.set("casualties", "further_person_hurt_words")
    doc = sent.doc
    for t in sent:
        n = ordinals.get(t.lower_)
        if n is None or not (t.i > sent.start and doc[t.i - 1].lower_ in ("a", "an")):
            continue
        n = int(n)
        person = t.head if t.dep_ == "amod" and t.head.pos_ in _NOUN else t
        if person is not t and not (_is_person(person, lex) or person.lower_ in _GENERIC):
            continue  # "a fourth child on the way" is a person; "a third weapon" is not
        acl = next((c for c in person.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
        if person.dep_ in ("nsubj", "nsubjpass") and person.head.pos_ in _VERB:
            verb = person.head
        elif acl is not None and person.dep_ in ("npadvmod", "appos", "conj"):
            verb = acl  # a headline's "Three men shot, a fourth wounded by shrapnel"
        else:
            continue
        if _negated(verb) or _supposed(verb) or any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in verb.children):
            continue
        if person.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in verb.children) and \
                ctx.lemma(verb) in lex.set("casualties", "shot_verbs") | lex.set("casualties", "killed_verbs"):
            continue  # "two teens are hospitalized after a third teen shot them": the shooter
        clause = [x.lower_ for x in doc[person.i : verb.right_edge.i + 1]]
        if not (set(clause) & hurt_words or ctx.lemma(verb) in hurt_words):
            continue
        pool = [c for c in out + shots if c.value > 0 and c.attribute in ("killed", "injured", "shot")]
        alone = [c for c in pool if c.victims == person.i]  # "a fifth person, with gunshot wounds,"
        rest = [c for c in pool if c.victims != person.i]
        if any(c.attribute == "killed" for c in alone) or any(c.value >= n for c in rest):
            continue  # counted already with the others, or dead
        before = [c for c in rest if c.value == n - 1 and c.victims is not None and c.victims < person.i]
        hurt = [c for c in before if c.attribute != "killed"]
        if hurt:
            c = hurt[-1]
            c.value += 1
            c.subject = f"{c.subject or 'people'} and a {t.lower_}"
            out[:] = [x for x in out if x not in alone]
            shots[:] = [x for x in shots if x not in alone]
        elif before and not alone and not any(c.attribute in ("injured", "shot") for c in rest):
            out.append(RawClaim("injured", 1, "exact", person.lower_ if person is not t else "person", verb, person.i))
        return


def _second_victim_re(lex) -> re.Pattern[str]:
    """'another man', 'a second victim', 'another 15-year-old': a further person shot."""
    return lex.built("second_victim_re", _build_second_victim_re)


def _build_second_victim_re(lex) -> re.Pattern[str]:
    nouns = lex.set("casualties", "neutral_person_nouns") | lex.set("casualties", "female_nouns") | \
        lex.set("casualties", "male_nouns")
    alt = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    # the further person is the subject of what follows ("another 15-year-old in the
    # car was also shot"), not an object ("shot another teen"), and what follows says
    # the person was hurt or cared for ("that another young person can invest the
    # energy ... that are detrimental" speaks of no one shot)
    hurt = "|".join(sorted(re.escape(w) for w in lex.set("casualties", "second_victim_verbs")))
    return re.compile(rf"\b(?:another|a second|a third|second|third) (?:\d+-year-old|(?:[a-z-]+ )?(?:{alt})s?)\b"
                      rf"[^.]{{0,60}}?\b(?:was|were|is|are|has been|had been)\b(?: [a-z-]+){{0,2}}? "
                      rf"(?:{hurt})\b")


def _sex(head: str, lex) -> Optional[str]:
    if head in lex.set("casualties", "female_nouns"):
        return "f"
    if head in lex.set("casualties", "male_nouns"):
        return "m"
    return None


def _intro_re(lex) -> re.Pattern[str]:
    """'a 29-year-old man', 'another woman', 'a 17-year-old': a person brought in, with
    the age and the noun as groups (compiled once per lexicon, kept with it)."""

    def build(lex) -> re.Pattern[str]:
        alt = "|".join(sorted((re.escape(n) for n in person_nouns(lex)), key=len, reverse=True))
        return re.compile(rf"\b(?:a|an|another|one)\s+(?:(\d{{1,3}})[- ]year[- ]old\b\s*)?(?:[a-z]+\s+)??({alt})?\b")

    return lex.built("intro_re", build)


def _signature(c, lex) -> Optional[tuple[Optional[str], Optional[str]]]:
    """(age, sex) of the one person a count of one introduces in its sentence, or None
    when the sentence does not bring that person in unambiguously."""
    head = (c.subject or "").split(" ")[-1]
    aged = head == "old" or head.endswith("-old")
    if not aged and head not in person_nouns(lex):
        return None
    found = set()
    for m in _intro_re(lex).finditer(c.quote.lower()):
        age, noun = m.group(1), m.group(2)
        if noun == head or (aged and noun is None and age is not None):
            found.add((age, _sex(noun, lex) if noun else None))
    if len(found) != 1:
        return None
    sig = found.pop()
    return sig if sig != (None, None) else None


def _distinct(a: tuple, b: tuple) -> bool:
    return (a[0] is not None and b[0] is not None and a[0] != b[0]) or \
        (a[1] is not None and b[1] is not None and a[1] != b[1])


_ONE_BY_ONE_SPAN = 700  # characters from the first victim described to the last


def _one_by_one(injured: list, text: str, lex):
    """A count of the wounded an article gives person by person over several sentences:
    counts of one, each introducing someone ("a 23-year-old man", "a 19-year-old
    woman") that age or sex tells apart from the others. Returns a claim of their
    number quoting the passage, or None."""
    if "\u2022" in text:
        return None  # a bulleted round-up of several shootings
    parts = []
    for c in sorted(injured, key=lambda c: c.start):
        if c.value != 1 or (c.qualifier or "exact") != "exact" or any(p.start == c.start for p, _ in parts):
            continue
        if parts and c.start - parts[0][0].start > _ONE_BY_ONE_SPAN:
            break  # victims of one shooting are described together
        sig = _signature(c, lex)
        if sig is not None and all(_distinct(sig, s) for _, s in parts):
            parts.append((c, sig))
    if len(parts) < 2:
        return None
    first, last = parts[0][0], max((p for p, _ in parts), key=lambda p: p.end)
    if lex.pattern("casualties", "several_shootings_patterns").search(text.lower()):
        return None  # "four separate shootings", "another shooting in the 5100 block": other incidents
    same = len({p.attributed_to for p, _ in parts}) == 1
    return replace(first, id=f"{first.id}:each", value=len(parts), qualifier="exact", subject="people, one by one",
                   end=last.end, quote=text[first.start:last.end],
                   attributed_to=first.attributed_to if same else None,
                   attributed_mention=first.attributed_mention if same else None)


def wounded_were_dead(injured: list, dead: list, lex) -> set[str]:
    """Ids of the body's counts of one person hurt that a headline reporting one death
    speaks of ("Sheriff: 6-year-old playing with gun shot and killed"; the body: "a boy
    apparently shot himself"), for a body that states no death itself: a person who
    later dies is killed, not injured.  Kept: a count whose sentence names someone else
    ("an adult man was also shot"), says the person survived, or whose person the
    headline's dead is told apart from by sex or role (police, a suspect)."""
    if not dead or max(c.value for c in dead) != 1:
        return set()
    other_re = lex.pattern("casualties", "other_people_patterns")
    survived_re = lex.pattern("casualties", "survived_patterns")
    roles = lex.set("casualties", "perpetrator_nouns") | lex.set("casualties", "police_nouns")
    dead_heads = {(c.subject or "").split(" ")[-1] for c in dead}
    dead_sex = {_sex(h, lex) for h in dead_heads} - {None}
    out = set()
    for c in injured:
        if c.value != 1:
            continue
        q = c.quote.lower()
        if other_re.search(q) or survived_re.search(q):
            continue
        head = (c.subject or "").split(" ")[-1]
        sex = _sex(head, lex)
        if (head in roles and head not in dead_heads) or (sex is not None and dead_sex and sex not in dead_sex):
            continue
        out.add(c.id)
    return out


def _lists_the_shooter(toll: str, suicide: str, lex) -> bool:
    """Whether a list of the dead names the grown-up who then killed himself or herself
    ("a mother and her two children" then "an adult female likely killed herself"; "two
    children and an adult male" then "the man ... died of a self-inflicted gunshot
    wound"): the toll already counts the shooter."""
    q, s = toll.lower(), suicide.lower()
    if " and " not in q:
        return False
    adults = lex.set("casualties", "adult_nouns")
    sex = "f" if re.search(r"\bherself\b", s) else "m" if re.search(r"\bhimself\b", s) else None
    if sex is None:
        sex = next((_sex(w, lex) for w in re.findall(r"[a-z]+", s) if w in adults and _sex(w, lex)), None)
    if sex is None:
        return False
    words = re.findall(r"[a-z]+", q)
    # a grown-up of the shooter's sex joined by "and" to the others ("a mother and her two
    # children"), not the killer before the list ("a man killed his wife and two children")
    return any(w in adults and _sex(w, lex) == sex and ("and" in words[i + 1 : i + 2] or "and" in words[max(0, i - 3) : i])
               for i, w in enumerate(words))


def _add_also_dead(killed: list, perp_words: frozenset[str], lex) -> None:
    """One or two more dead told after the article's toll ("German Booker, a customer at
    the shop, was also killed") join it: the claim counts the highest toll stated before
    it plus its own, unless an ordinal already counts them ("a third person was also
    killed"), it has a time of its own ("back on July 4"), it names an animal, a
    perpetrator (left to the rules for a killed suspect) or another shooting."""
    also = lex.pattern("casualties", "also_dead_patterns")
    apart = lex.pattern("casualties", "also_dead_apart_patterns")
    other = lex.pattern("casualties", "several_shootings_patterns")
    before = {c.id: c.value for c in killed}  # the tolls as stated, not as raised here
    for k in killed:
        if not 0 < k.value <= 2 or k.subject == "shooter":
            continue
        q = k.quote.lower()
        if not also.search(q) or apart.search(q) or other.search(q):
            continue
        if (k.subject or "").split(" ")[-1] in perp_words:
            continue
        earlier = [before[c.id] for c in killed if c is not k and c.start < k.start and before[c.id] > 0]
        if not earlier:
            continue
        k.value = max(earlier) + k.value
        k.subject = f"{k.subject or 'people'} and those killed before"


def reconcile_counts(claims: list, background: set[str], text: str, lex) -> list:
    """Counts of one article read together (the ``claims`` of its mentions not in
    ``background``); returns the claims to keep.

    - A shooter who killed himself, reported apart from the people he killed ("Police
      said he then turned the gun on himself"), is added to the article's highest death
      toll, unless that toll already counts him ("murder-suicide", "including the
      gunman") - the Gun Violence Archive's and ACLED's practice.
    - A death the article reports as a first, since corrected or updated, figure
      ("Police initially said the man had died") is dropped.
    - One or two more dead told after the toll ("X was also killed") join it.
    - Injured counts about some of the wounded ("one man was shot in the ankle") are
      parts of the article's larger count of wounded ("four people were shot and
      wounded"), not other tolls: they are dropped for that reason, as is "no one else
      was hurt" once someone was.
    """
    inc_re = lex.words_pattern("casualties", "includes_shooter")
    # a death first reported and then corrected or updated ("Police initially said the man
    # had died", "Earlier, the attorney general said 13 people had been killed", "despite
    # earlier reports that the boy had died") is no toll
    superseded = lex.pattern("casualties", "superseded_patterns")
    gone = {c.id for c in claims if c.attribute == "killed" and superseded.search(c.quote.lower())}
    if gone:
        claims = [c for c in claims if c.id not in gone]
    live = [c for c in claims if c.mention not in background and isinstance(c.value, int) and not isinstance(c.value, bool)]
    killed = [c for c in live if c.attribute == "killed"]
    shooter = [c for c in killed if c.subject == "shooter"]
    # the people he killed are reported before (or in the sentence of) his suicide, or
    # anywhere in an article that calls it a murder-suicide ("deputies found Durcan dead
    # from an apparent self-inflicted gunshot wound. A deceased 17-month-old child was found
    # with him")
    low = text.lower()
    murder_suicide = "murder-suicide" in low or "murder suicide" in low
    others = [c for c in killed if c.subject != "shooter" and c.value > 0 and shooter
              and (c.start <= shooter[0].start or murder_suicide)]
    other_re = lex.pattern("casualties", "other_people_patterns")
    if shooter and others and (lex.pattern("casualties", "sequence_patterns").search(shooter[0].quote.lower()) or murder_suicide):
        top = max(others, key=lambda c: c.value)
        sh = shooter[0]
        counted = (top.subject or "").endswith("the shooter") or inc_re.search(top.quote.lower()) is not None \
            or _lists_the_shooter(top.quote, sh.quote, lex)
        if not counted:
            sh.value = top.value + 1
            sh.qualifier = top.qualifier
            sh.subject = f"{top.subject or 'people'} and the shooter"
    # "three of four members of a family were shot and killed ..." then "the suspect died
    # after being shot by police": the perpetrator adds to the victims' toll
    perp_words = lex.set("casualties", "perpetrator_nouns")
    # (a shooter who shot himself is left to the rule above: he may be the only victim,
    # "a 3-year-old boy fatally shot himself")
    perps = [c for c in killed if c.value == 1 and " and " not in (c.subject or "") and c.subject != "shooter"
             and (c.subject or "").split(" ")[-1] in perp_words]
    victims = [c for c in killed if c not in perps and c.value > 0 and c.subject != "shooter"]
    if perps and victims and not (shooter and others):
        top = max(victims, key=lambda c: c.value)
        q = top.quote.lower()
        counted = (top.subject or "").endswith("the shooter") or any(re.search(rf"\b{re.escape(w)}\b", q) for w in perp_words) \
            or inc_re.search(q) is not None
        # reported after the victims (a lead about a killed suspect makes him the victim)
        if not counted and all(p.start > top.start for p in perps):
            p = perps[0]
            p.value = top.value + 1
            p.qualifier = top.qualifier
            p.subject = f"{top.subject or 'people'} and the {p.subject.split(' ')[-1]}"
    injured = [c for c in live if c.attribute == "injured"]
    drop: set[str] = set()
    reduced: set[str] = set()
    # "All four victims were taken to a hospital" then "One of the victims later died": the
    # dead were among the wounded counted before
    for k in killed:
        head = (k.subject or "").split(" ")[-1]
        if k.value <= 0 or not head.endswith("s") or head in ("people", "others"):
            continue
        q = k.quote.lower()
        if not re.search(rf"\bof (?:the|those|these) (?:[a-z-]+ )?{re.escape(head)}\b", q) or other_re.search(q) \
                or re.search(r"\bmore\b", q):
            continue  # only "one of the victims", not "three more students were shot, one fatally"
        # "a shooting that left four injured" (people) then "one of the victims later died",
        # unless a death was reported before ("a man was killed and three people wounded")
        told_dead = any(x is not k and x.value > 0 and x.start < k.start for x in killed)

        def named(c) -> bool:  # "the two students", counted as people
            c_head = (c.subject or "").split(" ")[-1]
            q = c.quote.lower()
            if c.start > k.start and re.search(r"\b(?:other|others|another|additional|more)\b", q):
                return False  # "three other victims showed up at the hospital": the rest
            return c_head == head or c_head == "people" and re.search(rf"\b{re.escape(head)}\b", q) is not None

        for c in injured:
            c_head = (c.subject or "").split(" ")[-1]
            # (the victims named again, even after the death, hold it too: "one of the
            # students died ... the two students who received gunshot wounds were taken to ...")
            if c.value > k.value and (c.start < k.start and (c_head == head or c_head == "people" and not told_dead)
                                      or named(c)) and (c.qualifier or "exact") == "exact":
                group = [c] + [x for x in injured if x is not c and x.id not in reduced and x.value == c.value
                               and named(x) and (x.qualifier or "exact") == "exact"]
                for x in group:
                    x.value -= k.value
                    x.subject = f"{x.subject}, less {k.value} who died"
                    reduced.add(x.id)
                break
    if injured and any(c.value > 0 for c in killed):
        # "a boy was shot in the head ... and was in critical condition" then "the boy
        # has died": one victim, counted among the killed (a person who later dies is
        # killed, not injured) - unless the sentence names someone else, or the two are
        # told apart by sex or role ("a man was killed ... a woman was wounded")
        dead_sents = {c.start for c in killed if c.value > 0}
        dead_heads = {(c.subject or "").split(" and the ")[0].split(" ")[-1] for c in killed if c.value > 0}
        dead_sex = {_sex(h, lex) for h in dead_heads} - {None}

        # someone else is said to have been shot too ("another 15-year-old was also shot")
        second = _second_victim_re(lex).search(low) is not None

        roles = perp_words | lex.set("casualties", "police_nouns")

        def same_victim(c) -> bool:
            head = (c.subject or "person").split(" ")[-1]
            if c.value == 1 and head.endswith("s") and head[:-1] in roles | person_nouns(lex):
                head = head[:-1]  # "striking one of the suspects": a suspect
            if head in dead_heads | _GENERIC:
                return True
            # a name or a word for a person may be the one who died; a role (the
            # suspect, an officer) is someone else
            if second or head in roles or dead_heads & roles or len(dead_sex) > 1:
                return False
            sex = _sex(head, lex)
            return sex is None or not dead_sex or sex in dead_sex
        # the shooter who killed himself is one of the dead, but not one of his victims
        # ("killed his daughter before turning the gun on himself" then "the girl with a
        # gunshot wound"), and the suspect reported wounded is the shooter who died
        shooter_dead = any(c.subject == "shooter" or (c.subject or "").endswith("and the shooter")
                           for c in killed if c.value > 0)
        n_dead = max(c.value - ((c.subject or "").endswith("and the shooter")) for c in killed if c.value > 0)

        def same_dead(c) -> bool:
            head = (c.subject or "person").split(" ")[-1]
            if shooter_dead and head in perp_words:
                return True
            return same_victim(c) if n_dead <= 1 else head in dead_heads | _GENERIC
        # a lone victim, or a group as large as the dead ("two men with gunshot wounds"
        # then "the two men died"), reported wounded before the deaths are the dead
        survived_re = lex.pattern("casualties", "survived_patterns")
        found_re = lex.pattern("casualties", "found_wounded_patterns")
        drop |= {c.id for c in injured if c.start not in dead_sents
                 and not other_re.search(c.quote.lower()) and not survived_re.search(c.quote.lower())
                 and (c.value == 1 and same_dead(c) or c.value == n_dead > 1
                      and ((c.subject or "").split(" ")[-1] in dead_heads - _GENERIC or found_re.search(c.quote.lower())))}
        injured = [c for c in injured if c.id not in drop]
    if injured:
        # victims described one by one ("A 29-year-old man was shot in the leg ... A
        # 19-year-old woman was shot in the arm"): told apart by age or sex, they add up
        added = _one_by_one(injured, text, lex)
        if added is not None and added.value > max(c.value for c in injured):
            claims = claims + [added]
            injured = injured + [added]
    if injured:
        top = max(injured, key=lambda c: c.value)
        k_top = max((c.value for c in killed if c.value > 0), default=0)
        tops = [c for c in injured if c.value == top.value]
        carried = lex.pattern("casualties", "carried_group_patterns")
        # (one more than the survivors counted apart only when the larger count is of
        # everyone carried to care: "both shooting victims were taken to ..." after "an
        # 18-year-old woman was also hit" and the other's death)
        everyone = all(carried.search(c.quote.lower()) for c in tops)
        if k_top and top.value - k_top >= (1 if everyone else 2) and any(c.value == top.value - k_top for c in injured) \
                and not any(c.id in reduced or not everyone and other_re.search(c.quote.lower()) for c in tops):
            # "six people were shot ... one man dead" and "five were wounded": the larger
            # count holds the dead too (not "... and three others were injured")
            drop |= {c.id for c in tops}
            injured = [c for c in injured if c.id not in drop]
            top = max(injured, key=lambda c: c.value)
        if top.value > 1:
            drop |= {c.id for c in injured if 0 < c.value < top.value}
        if top.value > 0:
            # beside people wounded, "no one else was hurt", "no officers were injured",
            # "none suffered life-threatening injuries", "debris hit her finger, but nobody
            # was hurt", "no one inside the community center was injured" speak of some of
            # the people or places, not of the article's toll; "no casualties were reported"
            # (no one dead either) speaks of a happening of its own and stays
            whole = {k.start for k in killed if k.value == 0}
            drop |= {c.id for c in injured if c.value == 0 and c.start not in whole}
    # (after the wounded are read against the tolls as stated)
    _add_also_dead(killed, perp_words, lex)
    # a sentence the page repeats (a photo caption under every image, a teaser above the
    # story) states its figure once
    seen: set[tuple] = set()
    for c in live:
        if c.attribute not in ("killed", "injured") or c.id in drop:
            continue
        key = (c.attribute, c.value, c.qualifier, c.subject, " ".join(c.quote.lower().split())[-50:])
        if key in seen:
            drop.add(c.id)
        seen.add(key)
    if not drop:
        return claims
    return [c for c in claims if c.id not in drop]
