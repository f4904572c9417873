"""Mixed encodings: UTF-8 text with stray legacy bytes keeps its UTF-8 characters."""
from __future__ import annotations

import pytest

from newsweave.ingest.decode import DecodeError, decode_bytes


def test_trust_decode_utf8_with_stray_latin1_bytes():
    data = "The café said the délégué left.\n".encode() + "Le naïf résumé.\n".encode("latin-1")
    assert decode_bytes(data) == "The café said the délégué left.\nLe naïf résumé.\n"


def test_trust_decode_stray_cp1252_punctuation_in_utf8():
    data = "Officials in Zürich said: ".encode() + b"\x93no comment\x94 \x96 twice."
    assert decode_bytes(data) == "Officials in Zürich said: \u201cno comment\u201d \u2013 twice."


@pytest.mark.parametrize("text, encoding", [
    ("Военные заявили, что в результате обстрела погибли три человека. " * 20, "cp1251"),
    ("Die Polizei sagte, drei Menschen seien getötet worden. Später äußerte sich niemand. " * 20, "cp1252"),
])
def test_trust_decode_legacy_files_are_not_read_as_mixed(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text


def test_trust_decode_random_high_bytes_still_refused():
    import random

    rng = random.Random(3)
    with pytest.raises(DecodeError):
        decode_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4096)))
