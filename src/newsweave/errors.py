"""Errors with codes and one clear sentence each (spaCy style).

A ``NewsweaveError`` is what the CLI turns into one line on stderr; anything else
is a bug and shows a traceback only with ``--debug``.
"""
from __future__ import annotations


class NewsweaveError(Exception):
    """A user-facing error: a code and one sentence."""

    def __init__(self, code: str, message: str):
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


class InputError(NewsweaveError):
    """One input file or record could not be read; the run goes on without it."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}:{line}" if line else path
        super().__init__("E100", f"{where}: {reason}")


E_NO_ARTICLES = "E001"
E_BAD_OPTION = "E002"
E_STORE = "E300"
