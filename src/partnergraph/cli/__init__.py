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
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# command modules: importing them registers their commands on `app`
from partnergraph.cli import extract as _extract  # noqa: E402,F401
from partnergraph.cli import kb as _kb  # noqa: E402,F401
from partnergraph.cli import learn as _learn  # noqa: E402,F401
from partnergraph.cli import serve as _serve  # noqa: E402,F401
from partnergraph.cli import spark as _spark  # noqa: E402,F401
from partnergraph.cli import web as _web  # noqa: E402,F401


def _version(value: bool) -> None:
    if value:
        from partnergraph import __version__

        typer.echo(f"partnergraph {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Turn news about cooperation between organizations into a source-grounded partnership graph."""


def _fail(message: str, hint: str | None, code: int, as_json: bool) -> None:
    """Report an error the one way: ``Error:``/``Hint:`` lines, or a JSON object with --json."""
    if as_json:
        import json

        typer.echo(json.dumps({"error": message, "hint": hint, "exit_code": code}, ensure_ascii=False),
                   err=True)
    else:
        typer.echo(f"Error: {message}", err=True)
        if hint:
            typer.echo(f"Hint: {hint}", err=True)
    sys.exit(code)


def main(argv: list[str] | None = None, prog_name: str | None = None) -> None:
    """Run the CLI. Exit codes: 0 done, 1 an error or a failed input, 2 a usage error,
    130 interrupted (docs/cli.md)."""
    # the click exception classes, whether typer vendors click or depends on it
    usage_error = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
    click_error = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
    args = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in args
    try:
        code = app(args=args, standalone_mode=False, prog_name=prog_name)
    except PartnergraphError as err:
        _fail(err.message, err.hint, 1, as_json)
    except usage_error as err:
        if not as_json:
            err.show()
            sys.exit(err.exit_code)
        _fail(err.format_message(), "see --help", err.exit_code, as_json)
    except click_error as err:
        _fail(err.format_message(), None, err.exit_code, as_json)
    except typer.Abort:
        typer.echo("Interrupted.", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
