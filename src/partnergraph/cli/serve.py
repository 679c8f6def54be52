"""`partnergraph serve`: the web app and JSON API over a knowledge base (extra [web])."""

from __future__ import annotations

from pathlib import Path

import typer

from partnergraph.cli import app
from partnergraph.cli.kb import DbOption, _db
from partnergraph.errors import ConfigError


@app.command()
def serve(
    db: Path | None = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every network)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    allow_edits: bool = typer.Option(
        False, "--allow-edits", help="Offer merge and split on the explain pages (the store is read-only otherwise)."),
) -> None:
    """Serve the web app (search, organizations, graph, events with their evidence) and the JSON API.

    Read-only: every request reads the store through its own read-only connection. API
    docs are at /api/docs.
    """
    try:
        import uvicorn

        from partnergraph.web import create_app
        from partnergraph.web.assets import INSTALL_HINT, missing
    except ImportError as err:
        raise ConfigError(f"the web app needs the web extra ({err.name} is not installed)",
                          hint="pip install 'partnergraph[web]' (make installs it)") from err
    path = _db(db)
    application = create_app(path, allow_edits=allow_edits)
    absent = missing()
    if absent:
        typer.echo(f"Warning: {', '.join(absent)} not installed: the graph page and the API docs "
                   f"will not work; {INSTALL_HINT}", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"Warning: listening on {host}: anyone who can reach this machine can read "
                   "the knowledge base", err=True)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"partnergraph: serving {path} at http://{shown}:{port}/ "
               f"({'merge and split allowed' if allow_edits else 'read-only'}; API docs at /api/docs; "
               "Ctrl-C stops)", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning", access_log=False)
