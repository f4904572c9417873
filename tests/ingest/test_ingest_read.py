"""Ingest: formats, encodings, ids, limits and bad input (never raises)."""
from __future__ import annotations

import datetime as dt
import os
import pathlib

import pytest

from newsweave.config import Options
from newsweave.ingest import collect_files, content_id, read_inputs
from newsweave.ingest.dates import parse_date
from newsweave.records import Article, InputProblem

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "inputs"


def read(paths, options: Options | None = None, manifest: str | None = None):
    items = list(read_inputs([str(p) for p in paths], options or Options(), manifest=manifest))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputProblem)]


def test_ingest_txt_keeps_text_exactly(tmp_path):
    original = "Headline\r\n\r\nBody line one.\r\nBody line two.\n"
    (tmp_path / "a.txt").write_bytes(original.encode("utf-8"))
    arts, probs = read([tmp_path / "a.txt"])
    assert not probs
    assert arts[0].text == original
    assert arts[0].id == "a"
    assert arts[0].source == str(tmp_path / "a.txt")


def test_ingest_strips_utf8_bom(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfRebels seized the town on Friday.")
    arts, _ = read([tmp_path / "bom.txt"])
    assert arts[0].text == "Rebels seized the town on Friday."


def test_ingest_decodes_legacy_encoding(tmp_path):
    text = "Le président a déclaré que les négociations reprendront à Genève la semaine prochaine, selon l'agence."
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    arts, probs = read([tmp_path / "latin.txt"])
    assert not probs
    assert arts[0].text == text


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"\x00\x01\x02\x03binary\x00\xff" * 50, "binary file"),
        (b"   \n\t\n", "empty"),
        (b"", "empty"),
    ],
)
def test_ingest_bad_files_become_problems(tmp_path, data, reason):
    (tmp_path / "bad.txt").write_bytes(data)
    arts, probs = read([tmp_path / "bad.txt"])
    assert not arts
    assert [p.reason for p in probs] == [reason]


def test_ingest_missing_path_is_a_problem(tmp_path):
    arts, probs = read([tmp_path / "nope.txt"])
    assert not arts and probs[0].reason == "no such file or folder"


def test_ingest_unreadable_file_is_a_problem(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    f = tmp_path / "locked.txt"
    f.write_text("Some text.")
    f.chmod(0)
    try:
        arts, probs = read([f])
    finally:
        f.chmod(0o644)
    assert not arts and probs[0].reason == "permission denied"


def test_ingest_max_chars_and_max_file_bytes(tmp_path):
    (tmp_path / "long.txt").write_text("word " * 100)
    arts, probs = read([tmp_path / "long.txt"], Options(max_chars=50))
    assert not arts
    assert probs[0].reason == "article is 500 characters, over the limit of 50 (--max-chars)"
    arts, probs = read([tmp_path / "long.txt"], Options(max_file_bytes=10))
    assert not arts and "over the limit of 10 (--max-file-bytes)" in probs[0].reason


def test_ingest_folder_sorted_recursive_skips_hidden_and_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Second article text.")
    (tmp_path / "a.txt").write_text("First article text.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden folder.")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    arts, probs = read([tmp_path])
    assert [a.id for a in arts] == ["a", "z"]
    assert not probs


def test_ingest_explicit_unknown_extension_is_read_as_text(tmp_path):
    (tmp_path / "story.md").write_text("Troops withdrew from the city on Sunday.")
    arts, _ = read([tmp_path / "story.md"])
    assert arts[0].id == "story"


def test_ingest_symlinks_loop_and_double_links(tmp_path):
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text("An article reached through links.")
    os.symlink(root, root / "sub" / "loop")  # a loop back to the root
    os.symlink(root / "sub" / "a.txt", root / "link.txt")  # a second name for a.txt
    files, problems = collect_files([str(root)])
    assert len(files) == 1
    arts, _ = read([root])
    assert len(arts) == 1


def test_ingest_same_stem_in_two_folders_gets_distinct_ids(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(f"Report from {folder}.")
    arts, _ = read([tmp_path])
    ids = [a.id for a in arts]
    assert len(set(ids)) == 2
    assert all(i.startswith("report~") for i in ids)
    again, _ = read([tmp_path])
    assert [a.id for a in again] == ids  # deterministic


def test_ingest_jsonl_aliases_and_bad_lines():
    arts, probs = read([FIXTURES / "batch.jsonl"])
    assert [a.id for a in arts][:2] == ["w-1", "w-2"]
    first = arts[0]
    assert first.title == "Ceasefire holds in border town"
    assert first.published == dt.date(2022, 11, 2)
    assert first.url == "https://news.example.net/a1"
    assert first.outlet == "Example Net"
    assert first.source.endswith("batch.jsonl:1")
    assert arts[1].published == dt.date(2022, 11, 6)
    assert arts[2].id == content_id(arts[2].text)
    assert sorted(p.line for p in probs) == [3, 4]


def test_ingest_json_object_and_array(tmp_path):
    (tmp_path / "one.json").write_text('{"content": "A bridge collapsed on Monday.", "author": "Sam Lee"}')
    (tmp_path / "many.json").write_text('[{"id": "k1", "text": "First."}, 5, {"id": "k2", "text": "Second."}]')
    (tmp_path / "broken.json").write_text('{"text": ')
    arts, probs = read([tmp_path])
    assert {a.id for a in arts} == {"k1", "k2", content_id("A bridge collapsed on Monday.")}
    assert any(a.byline == "Sam Lee" for a in arts)
    assert len(probs) == 2  # the non-object record and the broken file
    assert any("malformed JSON" in p.reason for p in probs)


def test_ingest_html_main_text_and_metadata():
    arts, probs = read([FIXTURES / "site" / "harbor-fire.html"])
    assert not probs
    a = arts[0]
    assert "destroyed a warehouse at the northern harbor" in a.text
    assert "Sport" not in a.text
    assert a.byline == "Mira Okafor"
    assert a.outlet == "The Coastal Ledger"
    assert a.published == dt.date(2023, 3, 14)


def test_ingest_html_without_article_is_a_problem():
    arts, probs = read([FIXTURES / "site" / "empty-page.html"])
    assert not arts
    assert probs[0].reason == "no article text found in HTML"


def test_ingest_feed_entries_become_articles():
    arts, probs = read([FIXTURES / "wire.rss"])
    assert [a.title for a in arts] == ["Flooding closes mountain pass", "Port strike enters second week"]
    assert arts[0].text.splitlines() == [
        "Heavy rain closed the only mountain pass into the valley on Monday, local authorities said.",
        "Road crews expect to reopen it by Wednesday.",
    ]
    assert arts[0].published == dt.date(2023, 2, 6)
    assert arts[0].url == "https://wire.example.org/flooding-pass"
    assert arts[0].outlet == "Example Wire"
    assert len({a.id for a in arts}) == 2
    assert len(probs) == 1 and probs[0].reason.startswith("feed entry 3")


def test_ingest_manifest_overrides_and_refusals():
    manifest = str(FIXTURES / "manifest.csv")
    arts, probs = read([FIXTURES / "site"], manifest=manifest)
    fire = next(a for a in arts if a.id == "harbor-fire")
    assert fire.outlet == "Harbor Weekly"  # manifest beats the page's site name
    assert fire.published == dt.date(2023, 3, 15)
    assert fire.url == "https://harbor.example.com/fire"
    assert fire.byline == "Mira Okafor"  # not in the manifest: inferred
    assert fire.fixed == frozenset({"outlet", "url", "published", "language"})
    # batch.jsonl is named by the manifest but was not given as input: read too
    assert any(a.id == "w-1" for a in arts)
    reasons = " | ".join(p.reason for p in probs)
    assert "manifest names a missing file: missing.txt" in reasons
    assert "leaves the manifest's folder" in reasons


def test_ingest_manifest_escape_by_absolute_path(tmp_path):
    (tmp_path / "inner").mkdir()
    (tmp_path / "secret.txt").write_text("Not for reading.")
    (tmp_path / "inner" / "m.csv").write_text(f"file,outlet\n{tmp_path / 'secret.txt'},X\n")
    arts, probs = read([], manifest=str(tmp_path / "inner" / "m.csv"))
    assert not arts
    assert "leaves the manifest's folder" in probs[0].reason


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2021-06-28", dt.date(2021, 6, 28)),
        ("2021-06-28T23:10:00+03:00", dt.date(2021, 6, 28)),
        ("June 28, 2021", dt.date(2021, 6, 28)),
        ("Mon, 28 Jun 2021 10:00:00 GMT", dt.date(2021, 6, 28)),
        ("June 28", None),
        ("yesterday", None),
        ("2021-13-45", None),
        ("", None),
        (None, None),
    ],
)
def test_ingest_parse_date(value, expected):
    assert parse_date(value) == expected


def test_ingest_gva_dev_reads_as_is(shared_dir):
    path = shared_dir / "datasets" / "gva-dev" / "docs.jsonl"
    if not path.exists():
        pytest.skip("gva-dev not available")
    arts, probs = read([path])
    assert not probs
    assert len(arts) == 2842
    assert len({a.id for a in arts}) == len(arts)
    assert all(a.published and a.url and a.title for a in arts)
