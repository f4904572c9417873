"""Escaping for Markdown output: article text is untrusted.

A Markdown file is often rendered to HTML by whoever opens it, so text taken from
articles must not be able to open a tag (``<script>``, ``<img onerror=...>``), an
entity, a link or emphasis, nor break a table cell or a footnote.  Every value the
Markdown template prints goes through :func:`md_escape` (the template
environment's ``finalize``) unless the code marks it :class:`MdSafe`.
"""
from __future__ import annotations

import re

_WS = re.compile(r"\s+")
# CommonMark lets a backslash escape any ASCII punctuation; these are the ones that
# start inline markup, links, footnotes, table cells or strike-through.
_MD_PUNCT = re.compile(r"([\\`*_\[\]|~^$])")
# (a straight quote stays: with "<" escaped no tag, hence no attribute, can open)
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_HTML_RE = re.compile(r"[&<>]")
# block markers only count at the start of a line and before a space
_LINE_START = re.compile(r"^([#+\-])(?=\s|$)")
_LINE_NUMBER = re.compile(r"^(\d+)([.)])(?=\s|$)")


class MdSafe(str):
    """Markdown the report code wrote itself (never article text); printed as is."""


def md_escape(value: object, inline: bool = True) -> str:
    """Text shown literally in Markdown (and in any HTML a renderer makes of it)."""
    if isinstance(value, MdSafe):
        return str(value)
    text = "" if value is None else str(value)
    if inline:
        text = _WS.sub(" ", text).strip()
    text = _HTML_RE.sub(lambda m: _HTML[m.group(0)], text)
    text = _MD_PUNCT.sub(r"\\\1", text)
    text = _LINE_NUMBER.sub(r"\1\\\2", text)
    return _LINE_START.sub(r"\\\1", text)
