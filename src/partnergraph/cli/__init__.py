"""The command line: thin Typer wrappers over library calls.

`main()` is the one place that turns a `PartnergraphError` into ``Error: …`` / ``Hint: …``
and exit 1. Command modules register themselves on `app`; heavy imports stay inside the
commands so `partnergraph --help` starts fast.
"""

from __future__ import annotations

import sys

import typer

from partnergraph.errors import PartnergraphError

app = typer.Typer(
    name="partnergraph",
    help="Turn news about cooperation between organizations into a source-grounded partnership graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# command modules: importing them registers their commands on `app`
from partnergraph.cli import extract as _extract  # noqa: E402,F401
from partnergraph.cli import kb as _kb  # noqa: E402,F401
from partnergraph.cli import learn as _learn  # noqa: E402,F401
from partnergraph.cli import serve as _serve  # noqa: E402,F401
from partnergraph.cli import web as _web  # noqa: E402,F401


def main(argv: list[str] | None = None) -> None:
    try:
        app(args=argv, standalone_mode=True)
    except PartnergraphError as err:
        typer.echo(f"Error: {err.message}", err=True)
        if err.hint:
            typer.echo(f"Hint: {err.hint}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(130)
