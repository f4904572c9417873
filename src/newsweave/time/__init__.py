"""Time expressions, resolved against the publication date.

``find_times`` finds every time expression in a parsed article (spaCy's DATE/TIME
entities widened and merged with the patterns of ``data/time_lexicon.yaml``) and
dates each one; ``resolve_expression`` is the pure, model-free rule set behind it.
"""
from newsweave.time.find import explain_times, find_times
from newsweave.time.resolve import Resolution, parse_anchor_dates, resolve, resolve_expression

__all__ = ["find_times", "explain_times", "resolve_expression", "resolve", "parse_anchor_dates", "Resolution"]
