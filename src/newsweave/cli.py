"""Command line: thin; every command calls the pipeline, the store or the reports."""
from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from typing import Optional

import click

from newsweave import __version__
from newsweave.config import Options, default_db
from newsweave.errors import NewsweaveError
from newsweave.records import InputProblem


def _parse_date(ctx, param, value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")


def _problem(item: InputProblem) -> None:
    click.echo(f"newsweave: skipped {item}", err=True)


class _Progress:
    """A progress bar on stderr, shown only for runs long enough to need one."""

    def __init__(self, total: int, quiet: bool, label: str = "articles"):
        self.bar = None
        if not quiet and total > 20:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=" " + label, file=sys.stderr, delay=2.0, leave=False)

    def __call__(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsweave")
def main() -> None:
    """newsweave: turn many outlets' coverage of world events into one record."""


@main.command()
@click.argument("inputs", nargs=-1, required=False, type=click.Path())
@click.option("--manifest", type=click.Path(), help="CSV or JSONL with outlet, url, title, published per file.")
@click.option("--out", "out_dir", default="newsweave-out", show_default=True, help="Folder for analysis.json and reports.")
@click.option("--db", default=None, help="Store URL (default sqlite:///newsweave.db or $NEWSWEAVE_DB).")
@click.option("--published-default", callback=_parse_date, help="Publication date (YYYY-MM-DD) for articles that give none.")
@click.option("--max-chars", type=int, default=Options().max_chars, show_default=True, help="Size limit per article, in characters.")
@click.option("--workers", type=int, default=1, show_default=True, help="Processes for per-article work.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where per-article work runs: this machine, or Dask tasks.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler (tcp://host:8786) for --engine dask; default a LocalCluster of --workers processes.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no summary.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="Fetch the new articles of an RSS/Atom feed (repeatable).")
@click.option("--urls", "urls_file", type=click.Path(), help="Fetch the articles listed in FILE, one URL per line.")
@click.option("--allow-private", is_flag=True, help="Allow fetching from loopback, private and link-local addresses.")
def analyze(inputs, manifest, out_dir, db, published_default, max_chars, workers, engine, scheduler, quiet, debug, feeds,
            urls_file, allow_private):
    """Read, clean, annotate and fuse articles; write OUT/analysis.json and reports."""
    from newsweave.runner import run_analyze

    if not inputs and not feeds and not urls_file:
        raise click.UsageError("give at least one INPUT, --feed URL or --urls FILE.")

    options = Options(
        out=out_dir,
        db=db or default_db(),
        published_default=published_default,
        max_chars=max_chars,
        n_process=max(1, workers),
        engine=engine,
        scheduler=scheduler,
        quiet=quiet,
        debug=debug,
    )
    try:
        code = run_analyze(list(inputs), options, manifest=manifest, on_problem=_problem, progress_factory=_Progress,
                           feeds=list(feeds), urls=urls_file, allow_private=allow_private)
    except NewsweaveError as exc:
        if debug:
            traceback.print_exc()
        click.echo(f"newsweave: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("newsweave: interrupted; nothing of the unfinished batch was stored", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug: one line, the traceback only with --debug
        if debug:
            traceback.print_exc()
        click.echo(f"newsweave: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
        sys.exit(1)
    sys.exit(code)


def _register_optional_commands() -> None:
    """Commands that live with their stage (eval, serve, export) register themselves here."""
    import importlib

    for module in ("newsweave.eval.cli", "newsweave.web.cli", "newsweave.report.cli"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("newsweave"):
                continue
            raise
        mod.register(main)


_register_optional_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
