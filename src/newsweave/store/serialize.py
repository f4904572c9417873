"""JSON for the records of ``records.py``, with exact round trips.

Why JSON and not pickle: a store outlives the code that wrote it and may be
shared by a team, and unpickling runs arbitrary code.  The codec is driven by
the dataclasses' type hints, so a field added to a record (with a default) needs
no change here; a stored payload that lacks the new field gets its default.

Two details make the round trip exact rather than merely equal:

* values typed ``Any`` (``Claim.value``, ``EventMention.attributes``) keep
  dates, tuples, sets and non-string dict keys through tagged objects
  (``{"$t": "date", "v": "2021-06-27"}``);
* inside one ``DocAnalysis`` a span of the analysed article is written as
  ``[start, end]`` when its text is exactly ``article.text[start:end]`` (the
  invariant of ``records.py``) and read back from the article, which makes a
  payload several times smaller; any other span is written in full (a span of
  the headline, ``field == "title"``, with its field);
* inside one ``DocAnalysis`` an event's actor, place or time that *is* one of
  the analysis' own entity, place or time mentions is written as a reference
  (``{"$ref": "entities/3"}``) and read back as that same object, so that
  resolution, which fills ``EntityMention.entity`` in place, still reaches the
  event arguments after a trip through the store.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import sys
import types
import typing
from typing import Any, Callable, Optional, TypeVar, Union

from newsweave import records
from newsweave.records import DocAnalysis

T = TypeVar("T")



class _Ctx:
    """What is known while coding the inside of one DocAnalysis.

    ``refs`` maps id(object) -> "list/i" when encoding and "list/i" -> object
    when decoding; ``doc`` and ``text`` are the article's id and text, against
    which a span of that article is written as just ``[start, end]``.
    """

    __slots__ = ("refs", "doc", "text")

    def __init__(self, refs: dict, doc: str, text: str):
        self.refs, self.doc, self.text = refs, doc, text


# ``enc(value, ctx)`` and ``dec(data, ctx)``; ctx is None outside a DocAnalysis.
Encoder = Callable[[Any, Optional[_Ctx]], Any]
Decoder = Callable[[Any, Optional[_Ctx]], Any]

_NO_DEFAULT = object()
_RECORD_CLASSES: dict[str, type] = {
    name: obj
    for name, obj in vars(records).items()
    if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == records.__name__
}

# --------------------------------------------------------------------------- Any values


def _order(x: Any) -> tuple[str, str]:
    """Sets are written sorted, so that equal records always give the same JSON."""
    return (type(x).__name__, repr(x))


def _enc_any(v: Any) -> Any:
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, list):
        return [_enc_any(x) for x in v]
    if isinstance(v, dict):
        if "$t" not in v and "$ref" not in v and all(isinstance(k, str) for k in v):
            return {k: _enc_any(x) for k, x in v.items()}
        return {"$t": "dict", "v": [[_enc_any(k), _enc_any(x)] for k, x in v.items()]}
    if isinstance(v, tuple):
        return {"$t": "tuple", "v": [_enc_any(x) for x in v]}
    if isinstance(v, dt.datetime):
        return {"$t": "datetime", "v": v.isoformat()}
    if isinstance(v, dt.date):
        return {"$t": "date", "v": v.isoformat()}
    if isinstance(v, frozenset):
        return {"$t": "frozenset", "v": [_enc_any(x) for x in sorted(v, key=_order)]}
    if isinstance(v, set):
        return {"$t": "set", "v": [_enc_any(x) for x in sorted(v, key=_order)]}
    name = type(v).__name__
    if dataclasses.is_dataclass(v) and _RECORD_CLASSES.get(name) is type(v):
        return {"$t": "record", "cls": name, "v": to_data(v)}
    raise TypeError(f"newsweave cannot store a value of type {name}: {v!r}")


_ANY_DECODERS: dict[str, Callable[[Any], Any]] = {
    "dict": lambda v: {_dec_any(k): _dec_any(x) for k, x in v},
    "tuple": lambda v: tuple(_dec_any(x) for x in v),
    "datetime": dt.datetime.fromisoformat,
    "date": dt.date.fromisoformat,
    "frozenset": lambda v: frozenset(_dec_any(x) for x in v),
    "set": lambda v: {_dec_any(x) for x in v},
}


def _dec_any(d: Any) -> Any:
    if isinstance(d, list):
        return [_dec_any(x) for x in d]
    if isinstance(d, dict):
        tag = d.get("$t")
        if tag is None:
            return {k: _dec_any(x) for k, x in d.items()}
        if tag == "record":
            return from_data(_RECORD_CLASSES[d["cls"]], d["v"])
        return _ANY_DECODERS[tag](d["v"])
    return d


# --------------------------------------------------------------------------- typed codecs


def _is_optional(tp: Any) -> tuple[bool, Any]:
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(args) < len(typing.get_args(tp)):
            return True, args[0]
    return False, tp


@functools.lru_cache(maxsize=None)
def _codec(tp: Any) -> tuple[Encoder, Decoder]:
    optional, inner = _is_optional(tp)
    if optional:
        enc_i, dec_i = _codec(inner)
        return (lambda v, r: None if v is None else enc_i(v, r)), (lambda d, r: None if d is None else dec_i(d, r))
    if tp is Any:
        return (lambda v, r: _enc_any(v)), (lambda d, r: _dec_any(d))
    origin = typing.get_origin(tp)
    if origin is typing.Literal or tp is str:
        return (lambda v, r: v), (lambda d, r: _intern(d))
    if tp in (int, bool):
        return (lambda v, r: v), (lambda d, r: d)
    if tp is float:
        return (lambda v, r: v), (lambda d, r: d)
    if tp is dt.date:
        return (lambda v, r: v.isoformat()), (lambda d, r: dt.date.fromisoformat(d))
    if tp is dt.datetime:
        return (lambda v, r: v.isoformat()), (lambda d, r: dt.datetime.fromisoformat(d))
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        enc_i, dec_i = _codec(item)
        return (lambda v, r: [enc_i(x, r) for x in v]), (lambda d, r: [dec_i(x, r) for x in d])
    if origin is frozenset or origin is set:
        (item,) = typing.get_args(tp) or (Any,)
        enc_i, dec_i = _codec(item)
        ctor = frozenset if origin is frozenset else set
        return (lambda v, r: [enc_i(x, r) for x in sorted(v, key=_order)]), (lambda d, r: ctor(dec_i(x, r) for x in d))
    if origin is dict:
        key_tp, val_tp = typing.get_args(tp) or (str, Any)
        if key_tp is not str:
            return (lambda v, r: _enc_any(v)), (lambda d, r: _dec_any(d))
        enc_v, dec_v = _codec(val_tp)
        return (
            (lambda v, r: {k: enc_v(x, r) for k, x in v.items()}),
            (lambda d, r: {k: dec_v(x, r) for k, x in d.items()}),
        )
    if tp is records.Span:
        return _span_codec()
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_codec(tp)
    raise TypeError(f"newsweave.store.serialize has no codec for the type {tp!r}")


_INTERN_MAX = 64


def _intern(d: Any) -> Any:
    """Short strings read back (types, labels, keys, ids, document ids) are shared
    rather than one copy per record: fusion holds every stored extraction at once,
    and these repeat across thousands of mentions."""
    return sys.intern(d) if type(d) is str and len(d) <= _INTERN_MAX else d


def _span_codec() -> tuple[Encoder, Decoder]:
    """Spans are most of a payload: one of the analysed article is written ``[start, end]``."""
    Span = records.Span

    def enc(v: Any, ctx: Optional[_Ctx]) -> Any:
        if v.field != "text":  # a stretch of the headline: written in full, with its field
            return {"doc": v.doc, "start": v.start, "end": v.end, "text": v.text, "field": v.field}
        if ctx is not None and v.doc == ctx.doc and 0 <= v.start <= v.end and ctx.text[v.start : v.end] == v.text:
            return [v.start, v.end]
        return {"doc": v.doc, "start": v.start, "end": v.end, "text": v.text}

    def dec(d: Any, ctx: Optional[_Ctx]) -> Any:
        if isinstance(d, list):
            return Span(ctx.doc, d[0], d[1], ctx.text[d[0] : d[1]])
        return Span(_intern(d["doc"]), d["start"], d["end"], d["text"], _intern(d.get("field", "text")))

    return enc, dec


_SIMPLE_DEFAULTS = (type(None), bool, int, float, str)


def _dataclass_codec(cls: type) -> tuple[Encoder, Decoder]:
    """Fields are written by name; a field equal to its simple default (None, False, "") is left out."""
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, Encoder, Decoder, Any]] = []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        e, dc = _codec(hints[f.name])
        default = f.default if isinstance(f.default, _SIMPLE_DEFAULTS) else _NO_DEFAULT
        plan.append((f.name, e, dc, default))

    def enc(v: Any, ctx: Optional[_Ctx]) -> Any:
        if ctx is not None and ctx.refs:
            ref = ctx.refs.get(id(v))
            if ref is not None:
                return {"$ref": ref}
        out = {}
        for name, e, _, default in plan:
            value = getattr(v, name)
            if value is default or (type(value) is type(default) and value == default):
                continue
            out[name] = e(value, ctx)
        return out

    def dec(d: Any, ctx: Optional[_Ctx]) -> Any:
        if ctx is not None and "$ref" in d:
            return ctx.refs[d["$ref"]]
        return cls(**{name: dc(d[name], ctx) for name, _, dc, _ in plan if name in d})

    return enc, dec


# --------------------------------------------------------------------------- DocAnalysis

_REF_LISTS = (("entities", records.EntityMention), ("places", records.PlaceMention), ("times", records.TimeMention))


def _analysis_to_data(a: DocAnalysis) -> dict[str, Any]:
    out: dict[str, Any] = {"article": to_data(a.article)}
    ctx = _Ctx({}, a.article.id, a.article.text)
    for name, cls in _REF_LISTS:
        items = getattr(a, name)
        enc, _ = _codec(cls)
        out[name] = [enc(x, ctx) for x in items]  # written in full: refs are added only after
    for name, _ in _REF_LISTS:
        for i, x in enumerate(getattr(a, name)):
            ctx.refs.setdefault(id(x), f"{name}/{i}")
    enc_events, _ = _codec(list[records.EventMention])
    enc_claims, _ = _codec(list[records.Claim])
    out["events"] = enc_events(a.events, ctx)
    out["claims"] = enc_claims(a.claims, ctx)
    return out


def _analysis_from_data(d: dict[str, Any]) -> DocAnalysis:
    article = from_data(records.Article, d["article"])
    ctx = _Ctx({}, article.id, article.text)
    parts: dict[str, Any] = {"article": article}
    for name, cls in _REF_LISTS:
        _, dec = _codec(cls)
        items = [dec(x, ctx) for x in d.get(name, [])]
        parts[name] = items
        for i, x in enumerate(items):
            ctx.refs[f"{name}/{i}"] = x
    _, dec_events = _codec(list[records.EventMention])
    _, dec_claims = _codec(list[records.Claim])
    parts["events"] = dec_events(d.get("events", []), ctx)
    parts["claims"] = dec_claims(d.get("claims", []), ctx)
    return DocAnalysis(**parts)


# --------------------------------------------------------------------------- public API


def to_data(obj: Any) -> Any:
    """A record (or list of records) as JSON-ready data."""
    if isinstance(obj, DocAnalysis):
        return _analysis_to_data(obj)
    if isinstance(obj, list):
        return [to_data(x) for x in obj]
    enc, _ = _codec(type(obj))
    return enc(obj, None)


def from_data(cls: type[T], data: Any) -> T:
    """The record of class ``cls`` that ``to_data`` turned into ``data``."""
    if cls is DocAnalysis:
        return _analysis_from_data(data)  # type: ignore[return-value]
    _, dec = _codec(cls)
    return dec(data, None)


def dumps(data: Any) -> str:
    """Compact JSON; falls back to ASCII escapes for text that is not valid UTF-8 (lone surrogates)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text


def to_json(obj: Any) -> str:
    """A record as a JSON string (see the module docstring for what is kept)."""
    return dumps(to_data(obj))


def from_json(cls: type[T], text: str) -> T:
    """The record of class ``cls`` that ``to_json`` wrote."""
    return from_data(cls, json.loads(text))


def value_to_data(value: Any) -> Any:
    """A free-form value (``Claim.value``, an attribute) as JSON-ready data."""
    return _enc_any(value)


def value_from_data(data: Any) -> Any:
    """The inverse of ``value_to_data``."""
    return _dec_any(data)
