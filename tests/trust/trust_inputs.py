"""The folder of bad and hostile inputs beside good ones (loaded by path by the trust tests)."""
from __future__ import annotations

import os
import pathlib
import random
import shutil
import sqlite3

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "bad_inputs"
DEPTH = 5000  # nesting of the generated deep HTML: far beyond what any real page needs


def build_bad_folder(root: pathlib.Path) -> pathlib.Path:
    """Copy the committed fixtures to ``root/in`` and add the files that are generated at run time.

    Generated: binary data, undecodable bytes, a text over the article size limit, a
    file over the byte limit (sparse, so it costs no disk), deeply nested HTML, a
    file mixing UTF-8 with Latin-1 bytes (good: it must be read), a symlink loop,
    a self-referencing link, and an unreadable file (meaningless when run as root).
    """
    folder = root / "in"
    shutil.copytree(FIXTURES, folder, symlinks=True)
    rng = random.Random(8)
    bad = folder / "bad"
    (bad / "binary.txt").write_bytes(rng.randbytes(4096))
    (bad / "undecodable.txt").write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4096)))
    (bad / "huge.txt").write_text("The militia said it shelled the town. " * 12_000)  # ~456k characters
    with open(bad / "huge_bytes.jsonl", "wb") as fh:  # over the 64 MiB file limit, sparse
        fh.truncate(65 * 1024 * 1024)
    (bad / "deep.html").write_text(
        "<html><body>" + "<div>" * DEPTH
        + "<p>Soldiers clashed with rebels near the border on Friday, killing six fighters, the army said.</p>"
        + "</div>" * DEPTH + "</body></html>"
    )
    (folder / "good" / "mixed_encoding.txt").write_bytes(
        "Troops entered the café district of Port Lorne on Monday, officials said, after clashes that killed two.\n\n".encode()
        + "The délégué of the ministry said the army controlled the area.\n".encode("latin-1")
    )
    loop = folder / "loop"
    loop.mkdir()
    (loop / "again").symlink_to("..", target_is_directory=True)
    (loop / "self.txt").symlink_to("self.txt")
    if os.geteuid() != 0:  # root reads every file: there, this would be a good article
        unreadable = bad / "unreadable.txt"
        unreadable.write_text("Nobody may read this file.")
        unreadable.chmod(0)
    return folder


# path (relative to the folder) -> words the reason on stderr must contain
EXPECTED_BAD: dict[str, str] = {
    "bad/empty.txt": "empty",
    "bad/whitespace.txt": "empty",
    "bad/truncated.json": "malformed JSON",
    "bad/malformed.json": "malformed JSON",
    "bad/not_articles.json": "record 1",
    "bad/no_article.html": "no article",
    "bad/binary.txt": "binary",
    "bad/undecodable.txt": "undecodable",
    "bad/huge.txt": "over the limit",
    "bad/huge_bytes.jsonl": "over the limit",
    "bad/deep.html": "no article",
    "good/lines.jsonl:2": "malformed JSON line",
    "good/lines.jsonl:4": "malformed JSON line",
    "good/lines.jsonl:5": "no text field",
    "good/lines.jsonl:6": "expected a JSON object",
    "loop/again": "symlink loop",
    "loop/self.txt": "broken link",
    "manifest.csv": "missing file: missing.txt",
    "manifest.csv:4": "leaves the manifest's folder",
    "manifest.csv:5": "leaves the manifest's folder",
    "manifest.csv:6": "leaves the manifest's folder",
}
if os.geteuid() != 0:
    EXPECTED_BAD["bad/unreadable.txt"] = "permission denied"

# the documents every run must analyse: file stems and JSON ids
EXPECTED_GOOD = {"checkpoint", "market", "rally-1", "hostile", "jl-1", "jl-2", "mixed_encoding"}


def integrity(db_path: str) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchall()
