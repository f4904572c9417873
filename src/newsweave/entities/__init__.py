"""Entities: named actors in each article, and their resolution across articles.

``load_actors`` builds the actor dictionary once; ``extract_entity_mentions`` finds
the actors one parsed article names (spaCy NER + dictionary scan); ``resolve_entities``
groups every mention of every article into entities with stable ids.  Name keys and
the "same person" rules live in ``normalize`` and need no model.
"""
from newsweave.entities.actors import Actor, ActorDictionary, load_actors
from newsweave.entities.extract import extract_entity_mentions
from newsweave.entities.normalize import normalize_name, person_key, same_person, skeleton, strip_titles
from newsweave.entities.resolve import resolve_entities

__all__ = [
    "Actor",
    "ActorDictionary",
    "extract_entity_mentions",
    "load_actors",
    "normalize_name",
    "person_key",
    "resolve_entities",
    "same_person",
    "skeleton",
    "strip_titles",
]
