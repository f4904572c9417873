"""spaCy model loading and component selection."""
from newsweave.nlp.model import load_nlp, MODEL_NAME
from newsweave.nlp.parse import TwoPass, PosMapper

__all__ = ["load_nlp", "MODEL_NAME", "TwoPass", "PosMapper"]
