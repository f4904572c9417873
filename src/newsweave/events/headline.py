"""The headline, read as a small article of its own when the page's body reports no event.

A page whose body is a subscription wall, a login form or a video player still has
its headline, and "Man, 24, shot and killed in Springfield" states the event.  When
the body reports no asserted event (current or recalled) of a type the headline's
words can name, the headline is read as a small article of its own (same id, date,
address and outlet) by the same extraction, and what it reports of the missing
types joins the article's analysis.  Its spans point into the title
(``Span.field == "title"``) and its ids differ from the body's ("{doc}:t{start}").
The body always wins: a type the body reports is never read from the headline, and
an article whose body reports its event costs one set lookup per headline word.
A body that reports its attack but no death takes the headline's death toll, and its lone
person shot is then the one who died; one that counts no one dead or hurt takes the
headline's wounded ("Five shot during party"); one that counts its dead one by one
and states a smaller toll than its headline ("2 dead, 2 injured in ... shooting") also
states the headline's.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable, Optional

from newsweave.clean.title import capitalised_share
from newsweave.events.claims import REFLEXIVE, person_nouns
from newsweave.events.numbers import word_value
from newsweave.records import Article, DateRange, DocAnalysis, EntityMention, PlaceMention, Span, TimeMention

if TYPE_CHECKING:
    from newsweave.pipeline import Resources

# parses a headline's text with the resources' model: (text, resources) -> spaCy Doc
Parser = Callable[[str, "Resources"], Any]


def read_headline(da: DocAnalysis, res: "Resources", parse: Parser) -> None:
    """Add to ``da`` what its headline reports of the event types its body lacks, or the
    headline's death toll for a body that reports its attack but no death (in place)."""
    missing = _headline_types(da.article, da.events, res)
    if missing:
        _add_headline(da, missing, res, parse)
    elif _toll_only_in_headline(da, res):
        _add_headline_toll(da, res, parse, "killed")
        _drop_wounded_dead(da, res)
    elif _wounded_only_in_headline(da, res):
        _add_headline_toll(da, res, parse, "injured")
    elif _counted_toll_in_headline(da, res):
        _add_headline_toll(da, res, parse, "killed", above=_body_toll(da))


def _body_toll(da: DocAnalysis) -> int:
    """The highest death toll the body states for a current attack."""
    current = {m.id for m in _current_attacks(da.events)}
    return max((c.value for c in da.claims if c.attribute == "killed" and c.mention in current
                and isinstance(c.value, int) and not isinstance(c.value, bool)), default=0)


def _counted_toll_in_headline(da: DocAnalysis, res: "Resources") -> bool:
    """Whether a body that counts its dead one by one ("One was pronounced dead on
    scene ... He later died at the hospital") may state a smaller toll than its headline
    ("2 dead, 2 injured in West Palm Beach shooting"): the headline names a death and
    a number.  Only then is it parsed."""
    title = da.article.title
    if not title or len(title) > MAX_HEADLINE_CHARS or not _current_attacks(da.events):
        return False
    lex = res.lexicon
    words = _HEADLINE_WORD.findall(title.lower())
    deaths = lex.set("casualties", "headline_death_words")
    if not set(words) & deaths:
        return False
    # a number of two or more ("2", "two", "double"): a higher toll than one; or a list
    # of the dead ending on the killer ("Man kills woman, her son, himself")
    return any((v := word_value(w, lex.numbers)) is not None and v[0] >= 2 for w in words) \
        or ("," in title and bool(REFLEXIVE.intersection(words)))


# a longer "title" is a paragraph or debris, not a headline
MAX_HEADLINE_CHARS = 400
_HEADLINE_WORD = re.compile(r"[a-z0-9]+(?:['\u2019-][a-z0-9]+)*")


def headline_event_words(lex) -> frozenset[str]:
    """The words a headline is read for: trigger and casualty forms (a site name trailing
    a headline holds none of them, see ``clean.title.title_debris``)."""
    return lex.built("headline_words", lambda lx: frozenset(lx.trigger_forms | lx.casualty_forms))


def _headline_types(article: Article, events: list, res: "Resources") -> set[str]:
    """The event types the headline's words may name that the body reports no
    asserted mention of (empty when nothing is to be read)."""
    title = article.title
    lex = getattr(res, "lexicon", None)
    if not title or not title.strip() or lex is None or len(title) > MAX_HEADLINE_CHARS:
        return set()
    named: set[str] = set()
    for w in _HEADLINE_WORD.findall(title.lower()):
        for part in (w, *w.split("-")) if "-" in w else (w,):
            trig = lex.triggers.get(lex.lemma(part)) if part in lex.trigger_forms else None
            if trig is not None:
                named.add(trig.type)
            elif part in lex.casualty_forms:
                named.add("ASSAULT")  # "killed", "wounded": an attack's toll
    if not named:
        return set()
    # an event the body recalls as background is one the body has: the headline of a
    # follow-up ("Man sentenced in son's shooting death") cannot tell it is old
    have = {m.type for m in events if not (m.negated or m.hypothetical)}
    return named - have


def headline_article(article: Article, res: "Resources") -> Article:
    """The headline as an article of its own: the same id, date, address and outlet,
    the title as its text, the site's name trailing it blanked (``clean.title``)."""
    from newsweave.clean.title import title_debris

    title = article.title or ""
    return Article(id=article.id, source=article.source, text=title, outlet=article.outlet, title=article.title,
                   byline=article.byline, published=article.published, language=article.language, url=article.url,
                   removed=title_debris(title, article.outlet, article.url, headline_event_words(res.lexicon)),
                   fixed=article.fixed, content_hash=article.content_hash, posted=article.posted,
                   drafted=article.drafted)


_TITLE_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")
# share of a headline's longer words capitalised (``clean.title.capitalised_share``) above
# which its event and function words are lower-cased for the parser: a low bar, since
# lower-casing "Shot" in a half-capitalised headline costs nothing (geocoding sets a
# higher one, ``geo.find.TITLE_CASE_SHARE``, before it doubts a capitalised name)
TITLE_CASE_MIN = 0.6


def _sentence_case(text: str, event_words: frozenset[str]) -> str:
    """A Title Case headline ("2 Men Shot At Party In Compton") with its event words
    and function words lower-cased, as running text writes them: the tagger, trained
    on running text, takes "Shot" and "At" for parts of a name.  Other words keep
    their case (names); the length never changes, so offsets hold."""
    if capitalised_share(text) < TITLE_CASE_MIN:
        return text
    words = list(_TITLE_WORD.finditer(text))
    from spacy.lang.en.stop_words import STOP_WORDS

    out = list(text)
    for m in words[1:]:
        w = m.group()
        low = w.lower()
        if w[0].isupper() and not w.isupper() and (low in event_words or low in STOP_WORDS) and len(low) == len(w):
            out[m.start():m.end()] = low
    return "".join(out)


def _headlinese(doc, event_words: frozenset[str], persons: frozenset[str] = frozenset(),
                body_parts: frozenset[str] = frozenset(), scenes: frozenset[str] = frozenset()) -> None:
    """Headlines drop the auxiliary of the passive ("Man shot while hunting" is "a man
    was shot"), which the parser, trained on running text, reads as an active past
    tense with the victim as its subject.  An event verb in the past tense with a
    subject but no object, auxiliary or "at" ("shot at officers" is active) is read as
    the headline's passive: a past participle whose subject is passive; so is "shot"
    taken for a noun counted by a number ("Five Shot During Party").  (One hanging on
    the noun before it, "4 people shot in Fresno", is read as a reduced relative by the
    claims reader itself, in headlines and bodies alike.)  A "shot" the parser made the
    head of a compound with a person before it ("Two arrested after child shot") is
    that person shot (``persons``: the words for a person).  An "at" after a wound's
    place on the body (``body_parts``: "Man shot in leg at training facility") is where
    it happened, not whom the subject shot at; so is an "at" before a place or an
    occasion (``scenes``: "Teen shot at party", not "Gunman shot at officers")."""
    for t in doc:
        if t.lower_ not in event_words:
            continue
        if t.tag_ == "NN" and t.lower_ == "shot" and any(
                c.dep_ == "nummod" and c.i < t.i and c.lower_ not in ("one", "1") for c in t.children):
            # "Five Shot During Party": people shot, not five gunshots (which are "shots")
            t.tag_, t.pos_ = "VBN", "VERB"
            for c in t.children:
                if c.dep_ == "nummod":
                    c.dep_ = "nsubjpass"
            continue
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if t.tag_ == "NN" and t.lower_ == "shot" and (after is None or after.pos_ in ("ADP", "PUNCT", "SCONJ")):
            who = next((c for c in t.children if c.dep_ == "compound" and c.i == t.i - 1 and c.lower_ in persons), None)
            if who is not None:
                # "Two arrested after child shot": a person shot, not a "child shot"
                t.tag_, t.pos_ = "VBN", "VERB"
                who.dep_ = "nsubjpass"
                continue
        if t.tag_ != "VBD":
            continue
        kids = list(t.children)
        # "shot in leg at training facility": a wound's place on the body says the
        # subject was shot, whatever "at" follows
        wounded = any(c.dep_ == "prep" and (c.lower_ == "in" and any(p.lower_ in body_parts for p in c.children)
                                            or c.lower_ == "at" and any(p.dep_ == "pobj" and p.lower_ in scenes
                                                                         for p in c.children))
                      for c in kids)
        if any(c.dep_ in ("dobj", "aux", "auxpass", "nsubjpass", "dative") or c.lower_ == "at" and not wounded
               for c in kids):
            continue
        subj = [c for c in kids if c.dep_ == "nsubj"]
        if not subj:
            continue
        t.tag_ = "VBN"
        for c in subj:
            c.dep_ = "nsubjpass"


def _read_headline(article: Article, res: "Resources", parse: Parser) -> Optional[tuple[list, list]]:
    """The headline's event mentions and claims, read as a small article of its own
    (None when nothing of it is left once the site's name is blanked)."""
    from newsweave.entities import extract_entity_mentions
    from newsweave.events import extract_events
    from newsweave.geo import find_places
    from newsweave.time import find_times

    mini = headline_article(article, res)
    if not mini.masked.strip():
        return None
    words = headline_event_words(res.lexicon)
    doc = parse(_sentence_case(mini.masked, words), res)
    doc.user_data["newsweave.headline"] = True
    _headlinese(doc, words, person_nouns(res.lexicon), res.lexicon.set("casualties", "body_parts"),
                res.lexicon.set("casualties", "headline_scene_nouns"))
    entities = extract_entity_mentions(doc, mini, res.actors)
    places = find_places(doc, mini, res.gazetteer)
    times = find_times(doc, mini)
    return extract_events(doc, mini, entities, places, times, res)


def _current_attacks(events: list) -> list:
    return [m for m in events if m.type == "ASSAULT" and not (m.negated or m.hypothetical or m.background)]


def _toll_only_in_headline(da: DocAnalysis, res: "Resources") -> bool:
    """Whether the body reports a current attack but states no death, while the
    headline names one ("Teen dies after shooting"; the body: "was shot Sunday")."""
    title = da.article.title
    if not title or len(title) > MAX_HEADLINE_CHARS or not _current_attacks(da.events):
        return False
    if any(c.attribute == "killed" for c in da.claims):
        return False  # the body counts the dead itself, 0 included
    deaths = res.lexicon.set("casualties", "headline_death_words") | res.lexicon.set("casualties", "headline_fatal_adjs")
    return any(w in deaths for w in _HEADLINE_WORD.findall(title.lower()))


def _wounded_only_in_headline(da: DocAnalysis, res: "Resources") -> bool:
    """Whether the body reports a current attack but counts no one dead or hurt, while
    the headline names people shot or hurt and no death ("Five shot during party";
    the body: "Police are investigating a shooting")."""
    title = da.article.title
    if not title or len(title) > MAX_HEADLINE_CHARS or not _current_attacks(da.events):
        return False
    if any(c.attribute == "injured" or c.attribute == "killed" and c.value != 0 for c in da.claims):
        return False  # the body counts the wounded, or the dead who may be among the people shot
    lex = res.lexicon
    words = set(_HEADLINE_WORD.findall(title.lower()))
    deaths = lex.set("casualties", "headline_death_words") | lex.set("casualties", "headline_fatal_adjs")
    return not words & deaths and bool(words & lex.set("casualties", "headline_wounded_words"))


def _as_headline_claim(c, aid: str, mention: str) -> list[EntityMention]:
    """Make a claim read off the headline one of the document's: about ``mention``,
    with an id apart from the body's ("{doc}:t..."), quoted from the title.  Returns
    the entity mentions it names (its source, its value)."""
    c.mention = mention
    c.id = f"{aid}:t{c.id[len(aid) + 1:]}" if c.id.startswith(f"{aid}:") else f"{aid}:t:{c.id}"
    c.field = "title"
    return [e for e in (c.attributed_mention, c.value_mention) if e is not None]


def _add_headline_toll(da: DocAnalysis, res: "Resources", parse: Parser, attribute: str,
                       above: Optional[int] = None) -> None:
    """The headline's count of the dead (``attribute`` "killed") or of the wounded
    ("injured"), for a body that reports its attack but not that count: each such
    claim of the headline is a claim of the document, quoted from the headline
    (``field == "title"``), about the body's first current attack.  With ``above``
    (the body's own toll), only exact counts higher than it are taken."""
    read = _read_headline(da.article, res, parse)
    if read is None:
        return
    aid, lead = da.article.id, _current_attacks(da.events)[0]
    for c in read[1]:
        if c.attribute != attribute or not isinstance(c.value, int) or isinstance(c.value, bool) or c.value <= 0:
            continue
        if above is not None and (c.value <= above or (c.qualifier or "exact") != "exact"):
            continue
        for e in _as_headline_claim(c, aid, lead.id):
            e.span.field = "title"
            da.entities.append(e)
        da.claims.append(c)


def _drop_wounded_dead(da: DocAnalysis, res: "Resources") -> None:
    """Once the headline's death toll is the document's, the body's lone person shot is
    the one who died (``claims.wounded_were_dead``): that injured count goes."""
    from newsweave.events.claims import wounded_were_dead

    dead = [c for c in da.claims if c.attribute == "killed" and c.field == "title"]
    if not dead:
        return
    background = {m.id for m in da.events if m.background}
    injured = [c for c in da.claims if c.attribute == "injured" and c.field != "title" and c.mention not in background
               and isinstance(c.value, int) and not isinstance(c.value, bool)]
    drop = wounded_were_dead(injured, dead, res.lexicon)
    if drop:
        da.claims = [c for c in da.claims if c.id not in drop]


def _add_headline(da: DocAnalysis, missing: set[str], res: "Resources", parse: Parser) -> None:
    """Read the headline and add its mentions of the ``missing`` types to ``da``."""
    article = da.article
    read = _read_headline(article, res, parse)
    if read is None:
        return
    events, claims = read
    events = [m for m in events if m.type in missing]
    if not events:
        return
    aid = article.id
    ids: dict[str, str] = {}
    spans: dict[int, Span] = {}
    used_ents: dict[int, EntityMention] = {}
    used_places: dict[int, PlaceMention] = {}
    used_times: dict[int, TimeMention] = {}
    for m in events:
        ids[m.id] = m.id = f"{aid}:t{m.trigger.start}"
        spans[id(m.trigger)] = m.trigger
        spans[id(m.sentence)] = m.sentence
        for e in (*m.actors, *m.targets):
            used_ents[id(e)] = e
        if m.place_mention is not None:
            used_places[id(m.place_mention)] = m.place_mention
        if m.time is not None:
            used_times[id(m.time)] = m.time
        for also in m.attributes.get("also") or []:
            if isinstance(also, dict):
                also["field"] = "title"
    kept = []
    for c in claims:
        mid = ids.get(c.mention)
        if mid is None:
            continue
        for e in _as_headline_claim(c, aid, mid):
            used_ents[id(e)] = e
        kept.append(c)
    for x in (*used_ents.values(), *used_places.values(), *used_times.values()):
        spans[id(x.span)] = x.span
    for sp in spans.values():
        sp.field = "title"
    _date_as_body(events, da.times, article.written)
    da.events.extend(events)
    da.claims.extend(kept)
    da.entities.extend(used_ents.values())
    da.places.extend(used_places.values())
    da.times.extend(used_times.values())


def _date_as_body(events: list, body_times: list, published) -> None:
    """A headline mention its own words do not date is dated as a body mention
    without a time expression would be (``events.mentions.attach_time``): it keeps
    the day the body gives as a whole, or the body's only day, of a procedure; fusion
    then dates the article's attack from the body as for any undated mention."""
    undated = [m for m in events if m.time is None and not m.background]
    for m in undated:  # what the headline alone said of the article's day does not count
        m.attributes.pop("article_day", None)
        if m.attributes.pop("dated_by", None) is not None:
            m.date = DateRange(None, None, "unknown")
    if not undated or not body_times:
        return
    from newsweave.time.find import article_day

    day = article_day(body_times, published)
    pday = article_day(body_times, published, procedures=True) if day is None else None
    for m in undated:
        if day is not None:
            m.attributes["article_day"] = day
        elif pday is not None and m.date.start is None:
            m.date = DateRange(pday, pday, "day")
            m.attributes["dated_by"] = "the article's only day, of a procedure"
