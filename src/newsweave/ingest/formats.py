"""Readers for each input format: decoded text in, article candidates out.

Every reader yields ``Found`` (the text plus whatever metadata the format carries)
or ``InputProblem`` for a bad record inside an otherwise good file (a malformed
JSON line), so one bad record never costs the rest of the file.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Optional

from newsweave.ingest.dates import parse_date
from newsweave.records import InputProblem

TEXT_EXTENSIONS = {".txt", ".text"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
JSON_EXTENSIONS = {".json"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
FEED_EXTENSIONS = {".xml", ".rss", ".atom"}
MIN_HTML_WORDS = 5
KNOWN_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | JSON_EXTENSIONS | JSONL_EXTENSIONS | FEED_EXTENSIONS

# JSON field aliases, first match wins (the GVA / SemEval corpus uses doc_id,
# content, dct and uri; news APIs commonly use body, date, link, sitename).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id"),
    "text": ("text", "content", "body"),
    "title": ("title",),
    "published": ("published", "dct", "date"),
    "url": ("url", "uri", "link"),
    "outlet": ("outlet", "source", "sitename"),
    "byline": ("byline", "author"),
    "language": ("language", "lang"),
}


@dataclass(slots=True)
class Found:
    """One article candidate as read from a file, before ids and limits."""

    text: str
    line: Optional[int] = None  # 1-based line (JSONL) or record/entry number (JSON array, feed)
    id: Optional[str] = None
    title: Optional[str] = None
    byline: Optional[str] = None
    published: Any = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    language: Optional[str] = None
    extra: dict[str, Any] = field(default_factory=dict)


class NoArticle(ValueError):
    """The file was read but holds no article; ``str(error)`` is the reason."""


def _as_str(value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
        if value is None:
            return None
    text = str(value).strip()
    return text or None


def read_text(text: str, path: str) -> Iterator[Found | InputProblem]:
    yield Found(text=text)


# --------------------------------------------------------------------------- html


def read_html(text: str, path: str) -> Iterator[Found | InputProblem]:
    """Main text and metadata with trafilatura; no article text is an input problem."""
    import trafilatura

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, include_tables=True)
    body = getattr(doc, "text", None) if doc is not None else None
    # a page whose "main text" is a menu word or two holds no article
    if not body or len(body.split()) < MIN_HTML_WORDS:
        raise NoArticle("no article text found in HTML")
    yield Found(
        text=body,
        title=_as_str(getattr(doc, "title", None)),
        byline=_as_str(getattr(doc, "author", None)),
        published=getattr(doc, "date", None),
        url=_as_str(getattr(doc, "url", None)),
        outlet=_as_str(getattr(doc, "sitename", None)),
        language=_as_str(getattr(doc, "language", None)),
    )


_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article", "pre"}


def html_fragment_to_text(fragment: str) -> str:
    """Visible text of a small HTML fragment (a feed entry), one block per line."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several unrelated types on broken markup
        return fragment.strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().split("\n")]
    return "\n".join(line for line in lines if line).strip()


# --------------------------------------------------------------------------- json


def _found_from_object(obj: Any, line: Optional[int]) -> Found:
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    values: dict[str, Any] = {}
    for name, aliases in FIELD_ALIASES.items():
        for alias in aliases:
            if obj.get(alias) not in (None, ""):
                values[name] = obj[alias]
                break
    text = values.get("text")
    if not isinstance(text, str):
        raise ValueError("no text field (text, content or body)")
    return Found(
        text=text,
        line=line,
        id=_as_str(values.get("id")),
        title=_as_str(values.get("title")),
        byline=_as_str(values.get("byline")),
        published=values.get("published"),
        url=_as_str(values.get("url")),
        outlet=_as_str(values.get("outlet")),
        language=_as_str(values.get("language")),
    )


def read_json(text: str, path: str) -> Iterator[Found | InputProblem]:
    """An object, or an array of objects (each an article)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NoArticle(f"malformed JSON ({exc.msg}; line {exc.lineno}, column {exc.colno})") from None
    if isinstance(data, dict):
        yield _found_from_object(data, None)
        return
    if not isinstance(data, list):
        raise NoArticle("JSON holds neither an object nor an array of objects")
    for n, obj in enumerate(data, start=1):
        try:
            yield _found_from_object(obj, n)
        except ValueError as exc:
            yield InputProblem(path, f"record {n}: {exc}")


def read_jsonl(text: str, path: str) -> Iterator[Found | InputProblem]:
    """One object per line; a bad line is reported with its number, the rest still count."""
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(path, f"malformed JSON line ({exc.msg})", n)
            continue
        try:
            yield _found_from_object(obj, n)
        except ValueError as exc:
            yield InputProblem(path, str(exc), n)


# --------------------------------------------------------------------------- feeds


def read_feed(text: str, path: str) -> Iterator[Found | InputProblem]:
    """RSS/Atom read locally: each entry with content or a summary is an article."""
    import feedparser

    parsed = feedparser.parse(text)
    entries = parsed.get("entries") or []
    if not entries:
        reason = "no feed entries found"
        if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
            reason += f" ({str(parsed['bozo_exception']).splitlines()[0][:120]})"
        raise NoArticle(reason)
    outlet = _as_str((parsed.get("feed") or {}).get("title"))
    language = _as_str((parsed.get("feed") or {}).get("language"))
    for n, entry in enumerate(entries, start=1):
        html = ""
        for content in entry.get("content") or []:
            if content.get("value"):
                html = content["value"]
                break
        html = html or entry.get("summary") or entry.get("description") or ""
        body = html_fragment_to_text(html)
        if not body:
            yield InputProblem(path, f"feed entry {n} has no content or summary")
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("published")
        yield Found(
            text=body,
            line=n,
            id=_as_str(entry.get("id")),
            title=_as_str(entry.get("title")),
            byline=_as_str(entry.get("author")),
            published=published,
            url=_as_str(entry.get("link")),
            outlet=outlet,
            language=language,
            extra={"feed_entry": True},
        )


def reader_for(extension: str) -> Callable[[str, str], Iterator[Found | InputProblem]]:
    ext = extension.lower()
    if ext in HTML_EXTENSIONS:
        return read_html
    if ext in JSON_EXTENSIONS:
        return read_json
    if ext in JSONL_EXTENSIONS:
        return read_jsonl
    if ext in FEED_EXTENSIONS:
        return read_feed
    return read_text


__all__ = ["Found", "NoArticle", "KNOWN_EXTENSIONS", "reader_for", "parse_date", "html_fragment_to_text"]
