"""``json.dumps(value, ensure_ascii=False, indent=1)``, byte for byte, faster.

The standard library's C encoder is used only without ``indent``; with it, every
value goes through the pure-Python generator encoder, one small string per token,
which made writing analysis.json and the JSON exports a visible share of a run.
This encoder builds the same text recursively into one list (strings escaped by
the C ``encode_basestring``) for the types the reports hold: dicts, lists,
tuples, strings, numbers, booleans and None.  Anything else raises ``TypeError``
like ``json.dumps`` without a ``default``.
"""
from __future__ import annotations

from json.encoder import encode_basestring
from typing import Any

_INF = float("inf")


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o == _INF:
        return "Infinity"
    if o == -_INF:
        return "-Infinity"
    return float.__repr__(o)


def _key(k: Any) -> str:
    if isinstance(k, str):
        return k
    if isinstance(k, float):
        return _float(k)
    if k is True:
        return "true"
    if k is False:
        return "false"
    if k is None:
        return "null"
    if isinstance(k, int):
        return int.__repr__(k)
    raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")


def _encode(o: Any, nl: str, out: list[str]) -> None:
    """Append ``o`` as JSON; ``nl`` is the newline and indentation of ``o``'s own level."""
    if isinstance(o, str):
        out.append(encode_basestring(o))
    elif o is None:
        out.append("null")
    elif o is True:
        out.append("true")
    elif o is False:
        out.append("false")
    elif isinstance(o, int):
        out.append(int.__repr__(o))
    elif isinstance(o, float):
        out.append(_float(o))
    elif isinstance(o, (list, tuple)):
        if not o:
            out.append("[]")
            return
        inner = nl + " "
        sep = "[" + inner
        for item in o:
            out.append(sep)
            sep = "," + inner
            if isinstance(item, str):
                out.append(encode_basestring(item))
            else:
                _encode(item, inner, out)
        out.append(nl + "]")
    elif isinstance(o, dict):
        if not o:
            out.append("{}")
            return
        inner = nl + " "
        sep = "{" + inner
        for k, v in o.items():
            out.append(sep)
            sep = "," + inner
            out.append(encode_basestring(_key(k)))
            out.append(": ")
            if isinstance(v, str):
                out.append(encode_basestring(v))
            else:
                _encode(v, inner, out)
        out.append(nl + "}")
    else:
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")


def dumps_indented(value: Any, prefix: str = "") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=1)`` with every line after the
    first prefixed by ``prefix`` (the indentation of the place it is written at)."""
    out: list[str] = []
    _encode(value, "\n" + prefix, out)
    return "".join(out)
