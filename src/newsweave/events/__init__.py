"""newsweave.events: event mentions (PLOVER-typed, with arguments, place and time) and
the claims each document makes about them (counts, perpetrator, target, weapon,
responsibility), with who the document says them from."""
from newsweave.events.extract import extract_events
from newsweave.events.lexicon import Lexicon, load_lexicon

__all__ = ["extract_events", "load_lexicon", "Lexicon"]
