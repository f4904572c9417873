"""Bytes to text, and nothing more.

The decoded text is what every offset in newsweave points into, so decoding is
the only change made here: no line-ending normalisation, no unicode fixing.  A
UTF-8 byte-order mark is dropped (it is not text).  Mostly-UTF-8 text with a
few stray bytes of a legacy encoding (a Latin-1 quote pasted into a UTF-8 page:
mixed encodings) is read as UTF-8 with each stray byte read as Windows-1252, so
one bad byte does not turn every accented letter of the file into mojibake.
Anything else that is not UTF-8 goes through charset-normalizer; binary data is
refused with a reason instead of being guessed into mojibake.
"""
from __future__ import annotations

import codecs
import re
from typing import Union

# share of control characters (other than whitespace) above which decoded text is
# treated as binary: real text, even badly scraped, has almost none.
_MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
# stray non-UTF-8 bytes tolerated per valid UTF-8 multi-byte character before a file
# counts as legacy-encoded: text in a legacy encoding makes valid UTF-8 pairs only by
# chance (one in hundreds of its non-ASCII bytes), text mixing encodings far more often.
_MAX_STRAY_PER_UTF8 = 4
# ... and at most this share of all characters: random bytes are half stray bytes
_MAX_STRAY_SHARE = 0.10


class DecodeError(ValueError):
    """The bytes are not text; ``str(error)`` is the reason reported to the user."""


def _stray_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return bytes([byte]).decode("latin-1")


_NON_ASCII = re.compile("[^\x00-\x7f]")
_STRAY = re.compile("[\udc80-\udcff]")  # surrogateescape turns stray byte b into U+DC00+b
# ... and this table reads it back as Windows-1252
_STRAY_TABLE = {0xDC00 + b: _stray_char(b) for b in range(0x80, 0x100)}


def _mixed_utf8(data: bytes) -> str | None:
    """UTF-8 with stray single-byte characters, when the file has valid UTF-8
    multi-byte characters, at most ``_MAX_STRAY_PER_UTF8`` stray bytes for each and
    few stray bytes in all; else None (a legacy-encoded file, where valid UTF-8 pairs are only chance)."""
    escaped = data.decode("utf-8", errors="surrogateescape")  # linear, one pass
    non_ascii = len(_NON_ASCII.findall(escaped))
    stray = len(_STRAY.findall(escaped))
    multibyte = non_ascii - stray
    if multibyte <= 0 or stray > _MAX_STRAY_PER_UTF8 * multibyte or stray > _MAX_STRAY_SHARE * len(escaped):
        return None
    return escaped.translate(_STRAY_TABLE)


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
        mixed = _mixed_utf8(data)
        if mixed is not None:
            text = mixed
        else:
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
