"""``newsweave export`` and ``newsweave report``: outputs made from what the store holds.

``analyze`` writes the reports for the documents of one run; these commands make
them from the whole store (or any store URL), at any time, without re-reading
articles.  The store is imported only when a command runs, so ``--help`` stays fast.
"""
from __future__ import annotations

import sys
from typing import Optional

import click

from newsweave.records import Analysis


def _load(db: Optional[str]) -> Analysis:
    from newsweave.config import default_db
    from newsweave.store import Store

    store = Store(db or default_db())
    try:
        return store.load_results()
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()


def _fail(exc: Exception) -> None:
    click.echo(f"newsweave: {exc}", err=True)
    sys.exit(2)


def register(main: click.Group) -> None:
    """Add ``export`` and ``report`` to the ``newsweave`` command group."""
    from newsweave.errors import NewsweaveError
    from newsweave.report.exports import FORMATS

    @main.command("export")
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
                  help="csv: ACLED columns; geojson: events with a place; plover: PLOVER-style records; json: analysis.json.")
    @click.option("--db", default=None, help="Store URL (default sqlite:///newsweave.db or $NEWSWEAVE_DB).")
    @click.option("--out", "out", default="-", show_default=True, help="File to write, or - for standard output.")
    @click.option("--all", "include_all", is_flag=True, help="csv: every event, not only those with an ACLED type.")
    def export_cmd(fmt: str, db: Optional[str], out: str, include_all: bool) -> None:
        """Export the stored events as CSV (ACLED columns), GeoJSON, PLOVER JSON or analysis.json."""
        from newsweave.report.exports import render_export, write_text

        try:
            text = render_export(_load(db), fmt, include_all=include_all)
            if out == "-":
                click.echo(text, nl=False)
            else:
                write_text(out, text)
        except NewsweaveError as exc:
            _fail(exc)
        except OSError as exc:
            _fail(NewsweaveError("E003", f"cannot write {out}: {exc.strerror or exc}"))

    @main.command("report")
    @click.option("--db", default=None, help="Store URL (default sqlite:///newsweave.db or $NEWSWEAVE_DB).")
    @click.option("--out", "out_dir", default="newsweave-out", show_default=True, help="Folder for the brief and exports.")
    def report_cmd(db: Optional[str], out_dir: str) -> None:
        """Write brief.md, brief.html, events.csv, events.geojson and analysis.json from the store."""
        from newsweave.report.outputs import write_outputs

        try:
            paths = write_outputs(_load(db), out_dir)
        except NewsweaveError as exc:
            _fail(exc)
        except OSError as exc:
            _fail(NewsweaveError("E003", f"cannot write to {out_dir}: {exc.strerror or exc}"))
        else:
            for name in sorted(paths):
                click.echo(paths[name])
