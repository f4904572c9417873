"""What ``newsweave analyze`` does, end to end: read, extract, fuse, store, report."""
from __future__ import annotations

import os
import sys
from typing import Callable, Optional

from newsweave import pipeline
from newsweave.config import Options
from newsweave.records import Article, InputProblem


def run_analyze(inputs: list[str], options: Options, manifest: Optional[str] = None,
                on_problem: Optional[Callable[[InputProblem], None]] = None,
                progress_factory=None) -> int:
    """Run the whole job; returns the exit code of the contract (0, or 2 when no article could be read)."""
    articles: list[Article] = []
    problems: list[InputProblem] = []
    seen: set[str] = set()
    for item in pipeline.read_articles(inputs, options, manifest):
        if isinstance(item, InputProblem):
            problems.append(item)
            if on_problem:
                on_problem(item)
            continue
        if item.content_hash in seen:
            continue
        seen.add(item.content_hash)
        articles.append(item)
    if not articles:
        print("newsweave: no article could be read", file=sys.stderr)
        return 2

    bar = progress_factory(len(articles), options.quiet) if progress_factory else None
    analyses = pipeline.extract_articles(articles, options, progress=bar)
    if bar:
        bar.close()
    analysis = pipeline.resolve_and_fuse(analyses, options)
    analysis.problems = problems

    from newsweave.report import write_outputs

    paths = write_outputs(analysis, options.out)
    if not options.quiet:
        print(
            f"newsweave: {len(analysis.documents)} documents, {len(analysis.entities)} entities, "
            f"{len(analysis.places)} places, {len(analysis.events)} events, {len(analysis.claims)} claims, "
            f"{len(analysis.disagreements)} disagreements",
            file=sys.stderr,
        )
        print(f"newsweave: wrote {os.path.join(options.out, 'analysis.json')}", file=sys.stderr)
    return 0
