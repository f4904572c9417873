"""spaCy model loading and component selection."""
from newsweave.nlp.model import load_nlp, MODEL_NAME

__all__ = ["load_nlp", "MODEL_NAME"]
