"""Fusion: event mentions -> events, within and across documents, with reasons.

Two stages, each explainable:

1. *Within a document* mentions of one event are joined in reading order: a mention
   joins the most recent compatible group of its type (an anaphoric "the strikes"
   refers to the last strikes mentioned).  Speech acts (ACCUSE, THREATEN, ...) join
   only when they share an actor.
2. *Across documents* the document-level groups are compared only inside blocks
   (same type and date, same place, same participant, same victim), pairs are merged
   best-first with union-find, and a merge of two clusters is refused when any pair
   across them conflicts (different dates or places, an attack and its retaliation,
   two groups one article kept apart).  So fusion stays near-linear and no chain of
   weak links can join two events a single article tells apart.

Every merge records its reason in ``Event.merge_reasons``.
"""
from newsweave.fuse.fusion import fuse_events, candidate_for
from newsweave.fuse.disagree import find_disagreements, fatalities_for

__all__ = ["fuse_events", "candidate_for", "find_disagreements", "fatalities_for"]
