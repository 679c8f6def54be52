"""Write docs/cli.md from the CLI's own --help texts (run by `make docs`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer.main
from typer.testing import CliRunner

from partnergraph.cli import app

OUT = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def _help(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "100", "NO_COLOR": "1"},
                                color=False)
    return "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())


def render() -> str:
    os.environ["TERM"] = "dumb"
    parts = ["# partnergraph command line\n", "Generated from `--help` by `make docs`; do not edit.\n",
             "```text", _help(), "```\n"]
    for name in sorted(typer.main.get_command(app).commands):
        parts += [f"## partnergraph {name}\n", "```text", _help(name), "```\n"]
    return "\n".join(parts)


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {OUT}\n")
