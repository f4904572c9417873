"""Article text is untrusted: markup in it shows as text in brief.md and brief.html."""
from __future__ import annotations

import html as htmllib
import re

from newsweave.report.brief import render_brief_html, render_brief_md
from newsweave.report.escape import MdSafe, md_escape

RAW = ("<script", "</script>", "<img", "onerror=alert(1)>")


def test_report_md_escape_neutralises_markup():
    out = md_escape('<script>alert(1)</script> <img src=x onerror=alert(1)> a|b *x* [l](javascript:x) `c`')
    assert "<" not in out and ">" not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert r"a\|b" in out and r"\*x\*" in out and r"\[l\]" in out and r"\`c\`" in out
    assert md_escape("line\nbreak") == "line break"
    assert md_escape("# heading") == r"\# heading" and md_escape("-2.5") == "-2.5"
    assert md_escape(MdSafe("[^1]")) == "[^1]"


def test_report_brief_md_shows_markup_as_text(fx):
    md = render_brief_md(fx.make_hostile_analysis(), "T")
    for raw in RAW:
        assert raw not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "&lt;img src=x onerror=alert(1)&gt;" in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md), "a link must not survive escaping"
    assert r"\[link\](javascript:" in md
    # table rows keep their column count although the text holds a pipe
    for line in md.splitlines():
        if line.startswith("| Hiiraan") or line.startswith("| Outlet &lt;script"):
            assert len(re.findall(r"(?<!\\)\|", line)) == 7


def test_report_brief_html_shows_markup_as_text(fx):
    page = render_brief_html(fx.make_hostile_analysis(), "T")
    for raw in RAW:
        assert raw not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 6
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    # what a reader sees (the unescaped text) still says it
    assert "<script>alert(1)</script>" in htmllib.unescape(page)


def test_report_md_escape_keeps_straight_quotes_readable():
    # a quoted sentence reads as written; markup still cannot open
    assert md_escape('" These escalations come," he said.') == '" These escalations come," he said.'
    assert md_escape('<img alt="x" onerror="y">') == '&lt;img alt="x" onerror="y"&gt;'
