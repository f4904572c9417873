"""Bytes to text, and nothing more.

The decoded text is what every offset in newsweave points into, so decoding is
the only change made here: no line-ending normalisation, no unicode fixing.  A
UTF-8 byte-order mark is dropped (it is not text); anything that is not UTF-8
goes through charset-normalizer; binary data is refused with a reason instead
of being guessed into mojibake.
"""
from __future__ import annotations

import codecs
from typing import Union

# share of control characters (other than whitespace) above which decoded text is
# treated as binary: real text, even badly scraped, has almost none.
_MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


class DecodeError(ValueError):
    """The bytes are not text; ``str(error)`` is the reason reported to the user."""


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    return bad / len(sample)


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` to text, or raise ``DecodeError`` with a one-line reason."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"undecodable UTF-16 text ({exc.reason})") from None
    if b"\x00" in data[:65536]:
        raise DecodeError("binary file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise DecodeError("undecodable (not UTF-8, and no other text encoding fits)") from None
        text = str(best)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise DecodeError("binary file")
    return text


def decode_any(data: Union[bytes, str]) -> str:
    return data if isinstance(data, str) else decode_bytes(data)
