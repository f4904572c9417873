"""Data files: lexicons, dictionaries, gazetteer supplements (each says its source)."""
