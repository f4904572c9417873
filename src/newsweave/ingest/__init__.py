"""Ingest: files, folders, JSON(L), HTML, feeds and a manifest -> ``Article`` records.

Bad input never raises: every problem becomes an ``InputProblem`` with the path,
a one-sentence reason and, for JSON lines, the line number, and the run goes on.

Ids are derived from content, never from order:

* a file's article is named by the file stem (``reports/a.txt`` -> ``a``);
* a JSON/JSONL record by its ``id``/``doc_id`` field, else by a content hash
  (first 16 hex digits of the sha256 of the whitespace-normalised text);
* a feed entry by a hash of its guid/link, else by its content hash.

When two inputs in one run would get the same id (``x/a.txt`` and ``y/a.txt``),
every one of them is renamed ``<id>~<first 8 hex of sha256 of its source path>``,
so the result does not depend on which was read first.
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections import Counter
from typing import Iterator, Optional

from newsweave.config import Options
from newsweave.ingest.dates import parse_date
from newsweave.ingest.decode import DecodeError, decode_bytes
from newsweave.ingest.formats import KNOWN_EXTENSIONS, Found, NoArticle, reader_for
from newsweave.ingest.manifest import MANIFEST_FIELDS, Manifest, load_manifest
from newsweave.records import Article, InputProblem

__all__ = ["read_inputs", "collect_files", "content_id", "parse_date"]

_ID_HASH_LEN = 16
_SUFFIX_HASH_LEN = 8


def content_id(text: str) -> str:
    """First 16 hex digits of the sha256 of the whitespace-normalised text."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:_ID_HASH_LEN]


def _short_hash(value: str, n: int = _SUFFIX_HASH_LEN) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:n]


def _hidden(name: str) -> bool:
    return name.startswith(".")


def collect_files(paths: list[str]) -> tuple[list[tuple[str, str]], list[InputProblem]]:
    """Expand inputs to ``(path as given or joined, real path)`` in sorted order.

    Folders are walked recursively in sorted order, hidden entries skipped, files
    with unknown extensions inside folders ignored.  Symlinks are followed, but a
    folder already on the current walk (a loop) is not entered again, and a file
    reached twice (two links, or given twice) is read once.
    """
    files: list[tuple[str, str]] = []
    problems: list[InputProblem] = []
    seen_files: set[str] = set()

    def add(path: str, real: str) -> None:
        if real not in seen_files:
            seen_files.add(real)
            files.append((path, real))

    def walk(folder: str, ancestors: frozenset[str]) -> None:
        real_folder = os.path.realpath(folder)
        if real_folder in ancestors:
            problems.append(InputProblem(folder, "symlink loop; folder not read again"))
            return
        ancestors = ancestors | {real_folder}
        try:
            names = sorted(os.listdir(folder))
        except OSError as exc:
            problems.append(InputProblem(folder, f"cannot read folder: {exc.strerror or exc}"))
            return
        for name in names:
            if _hidden(name):
                continue
            child = os.path.join(folder, name)
            try:
                st = os.stat(child)
            except OSError:
                problems.append(InputProblem(child, "broken link or unreadable entry"))
                continue
            if stat.S_ISDIR(st.st_mode):
                walk(child, ancestors)
            elif stat.S_ISREG(st.st_mode) and os.path.splitext(name)[1].lower() in KNOWN_EXTENSIONS:
                add(child, os.path.realpath(child))

    for path in paths:
        if not os.path.exists(path):
            problems.append(InputProblem(path, "no such file or folder"))
        elif os.path.isdir(path):
            walk(path, frozenset())
        elif os.path.isfile(path):
            add(path, os.path.realpath(path))
        else:
            problems.append(InputProblem(path, "not a regular file or folder"))
    return files, problems


def _read_file(path: str, options: Options) -> str:
    """The decoded text of one file; ``OSError``/``DecodeError``/``NoArticle`` on failure."""
    size = os.path.getsize(path)
    if size > options.max_file_bytes:
        raise NoArticle(f"file is {size:,} bytes, over the limit of {options.max_file_bytes:,} (--max-file-bytes)")
    with open(path, "rb") as fh:
        data = fh.read()
    if not data.strip():
        raise NoArticle("empty")
    return decode_bytes(data)


def _base_id(found: Found, stem: str, in_container: bool) -> str:
    if found.extra.get("feed_entry"):
        key = found.id or found.url
        return _short_hash(key, _ID_HASH_LEN) if key else content_id(found.text)
    if found.id:
        return found.id
    return content_id(found.text) if in_container else stem


def _article(found: Found, path: str, article_id: str, manifest_row: Optional[dict[str, object]]) -> Article:
    source = f"{path}:{found.line}" if found.line is not None else path
    article = Article(
        id=article_id,
        source=source,
        text=found.text,
        outlet=found.outlet,
        title=found.title,
        byline=found.byline,
        published=parse_date(found.published),
        language=found.language,
        url=found.url,
    )
    if manifest_row:
        for key in MANIFEST_FIELDS:
            if key in manifest_row:
                setattr(article, key, manifest_row[key])
        article.fixed = frozenset(k for k in MANIFEST_FIELDS if k in manifest_row)
    return article


def read_inputs(paths: list[str], options: Options, manifest: str | None = None) -> Iterator[Article | InputProblem]:
    """Yield every article found in ``paths`` (files or folders) and every problem met."""
    man: Optional[Manifest] = load_manifest(manifest) if manifest else None
    if man:
        yield from man.problems
    files, problems = collect_files(list(paths))
    yield from problems
    if man:
        known = {real for _, real in files}
        for real in man.files():
            if real not in known:
                known.add(real)
                files.append((os.path.relpath(real), real))

    # file stems shared by two inputs are disambiguated for all of them
    stem_of = {real: os.path.splitext(os.path.basename(path))[0] for path, real in files}
    stem_counts = Counter(stem_of.values())
    used: set[str] = set()
    matched_names: set[str] = set()

    for path, real in files:
        row = man.lookup(real) if man else None
        if man and row is not None and real not in man.by_path:
            matched_names.add(os.path.basename(real))
        try:
            text = _read_file(path, options)
        except PermissionError:
            yield InputProblem(path, "permission denied")
            continue
        except OSError as exc:
            yield InputProblem(path, f"cannot read file: {exc.strerror or exc}")
            continue
        except (DecodeError, NoArticle) as exc:
            yield InputProblem(path, str(exc))
            continue
        ext = os.path.splitext(path)[1].lower()
        reader = reader_for(ext)
        in_container = reader.__name__ in ("read_json", "read_jsonl", "read_feed")
        stem = stem_of[real]
        try:
            for found in reader(text, path):
                if isinstance(found, InputProblem):
                    yield found
                    continue
                where = path if found.line is None else f"{path}:{found.line}"
                if not found.text.strip():
                    yield InputProblem(path, "empty", found.line)
                    continue
                if found.text.startswith("\ufeff"):
                    found.text = found.text[1:]
                if len(found.text) > options.max_chars:
                    yield InputProblem(
                        path,
                        f"article is {len(found.text):,} characters, over the limit of {options.max_chars:,} (--max-chars)",
                        found.line,
                    )
                    continue
                article_id = _base_id(found, stem, in_container)
                if not in_container and not found.id and stem_counts[stem] > 1:
                    article_id = f"{article_id}~{_short_hash(path)}"
                if article_id in used:
                    article_id = f"{article_id}~{_short_hash(where)}"
                    n = 2
                    while article_id in used:  # the same source twice cannot happen; stay total anyway
                        article_id = f"{article_id}~{n}"
                        n += 1
                used.add(article_id)
                yield _article(found, path, article_id, row)
        except NoArticle as exc:
            yield InputProblem(path, str(exc))
        except Exception as exc:  # a parser library failing on hostile input is a bad input, not a crash
            yield InputProblem(path, f"could not parse file ({type(exc).__name__}: {str(exc)[:120]})")

    if man:
        for name in sorted(set(man.by_name) - matched_names):
            yield InputProblem(man.path, f"manifest names a missing file: {name}")
