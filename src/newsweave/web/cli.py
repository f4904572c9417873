"""``newsweave serve``: the web UI and JSON API over a store, on loopback by default."""
from __future__ import annotations

import os
import sys

import click


def register(main: click.Group) -> None:
    """Add the ``serve`` command to the CLI group."""

    @main.command()
    @click.option("--db", default=None, help="Store URL (default sqlite:///newsweave.db or $NEWSWEAVE_DB).")
    @click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; loopback unless told otherwise.")
    @click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
    @click.option("--write-token", default=None, envvar="NEWSWEAVE_WRITE_TOKEN",
                  help="Enable write endpoints for requests carrying 'Authorization: Bearer TOKEN'.")
    @click.option("--debug", is_flag=True, help="Show tracebacks.")
    def serve(db, host, port, write_token, debug):
        """Serve the web UI and the JSON API (OpenAPI docs at /docs) over what analyze stored."""
        import uvicorn

        from newsweave.config import default_db
        from newsweave.web.app import create_app

        url = db or default_db()
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            path = url[len("sqlite:///"):].split("?", 1)[0]
            if not os.path.exists(path):
                click.echo(f"newsweave: no store at {path}; run 'newsweave analyze' first or give --db", err=True)
                sys.exit(2)
        try:
            app = create_app(url, write_token=write_token)
        except Exception as exc:  # one line; the traceback only with --debug
            if debug:
                raise
            click.echo(f"newsweave: cannot serve {url}: {exc}", err=True)
            sys.exit(2)
        if host not in ("127.0.0.1", "localhost", "::1"):
            click.echo(f"newsweave: serving on {host}: reachable from other machines", err=True)
        uvicorn.run(app, host=host, port=port, log_level="info" if debug else "warning",
                    server_header=False, proxy_headers=False)
