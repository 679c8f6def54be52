"""`partnergraph extract` and `partnergraph backends`."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from partnergraph.cli import app
from partnergraph.extraction.backend import DEFAULT_BACKEND


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


# Below this many inputs a progress bar is noise.
PROGRESS_MIN = 5


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Files or folders (read recursively)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    format: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="jsonl, json or table."),
    input_format: Optional[str] = typer.Option(
        None, "--input-format", help="Read every input as this format instead of guessing by suffix."
    ),
    backend: str = typer.Option(DEFAULT_BACKEND, "--backend", help="Extraction backend (see `partnergraph backends`)."),
    model: Optional[Path] = typer.Option(
        None, "--model", help="A model folder written by `partnergraph train` (implies --backend learned)."),
    relevance: Optional[bool] = typer.Option(
        None, "--relevance/--no-relevance",
        help="Skip pages that cannot report cooperation (default: web inputs only; skips are counted).",
    ),
    published: Optional[str] = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD) of articles that give none, so "
                                  "relative dates ('on Tuesday', 'March 5') resolve."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Extraction processes (output keeps the input order)."),
) -> None:
    """Extract organizations, people and cooperation events from articles.

    A record's id is its file's path under the folder given (en/001 for FOLDER/en/001.txt) and
    `source` names the file. Exit code 1 when an input failed or nothing could be read.
    """
    from partnergraph.cli.render import extraction_table
    from partnergraph.extraction.backend import load_backend
    from partnergraph.errors import ConfigError, PartnergraphError
    from partnergraph.runner import check_published, extract_all, run
    from partnergraph.sources import SourceStats

    published = check_published(published)
    if model is not None and backend != "learned":
        raise typer.BadParameter(f"--model is for the learned backend, not {backend!r}", param_hint="--model")
    engine = load_backend(backend, {"model": str(model)} if model else None)
    records, failures = [], []
    stats = SourceStats()
    try:
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
    except OSError as err:
        raise ConfigError(f"cannot write {output}: {err.strerror or err}",
                          hint="create its folder first, or give another --output") from err
    extracted = 0
    try:
        options = {"model": str(model)} if model else None
        results = extract_all(paths, engine, input_format=input_format, progress_min=PROGRESS_MIN,
                              relevance=relevance, stats=stats, published=published) if jobs == 1 else run(
            paths, backend, jobs=jobs, backend_options=options, input_format=input_format,
            progress_min=PROGRESS_MIN, relevance=relevance, stats=stats, published=published)
        for result in results:
            if result.failure is not None:
                failures.append(result.failure)
                typer.echo(f"Error: {result.failure.source}: {result.failure.reason}", err=True)
                continue
            extracted += 1
            for w in result.extraction.warnings:
                typer.echo(f"Warning: {result.extraction.id}: {w}", err=True)
            if format is OutputFormat.jsonl:
                out.write(result.extraction.model_dump_json() + "\n")
            else:
                records.append(result.extraction)
        if format is OutputFormat.json:
            json.dump([r.model_dump(mode="json") for r in records], out, ensure_ascii=False, indent=2)
            out.write("\n")
        elif format is OutputFormat.table:
            extraction_table(records, file=out if output else None)
    finally:
        if output:
            out.close()
    if stats.skipped:
        typer.echo(f"Sources: {stats.summary()}", err=True)
    if failures:
        typer.echo(f"{len(failures)} input(s) failed; the others were extracted.", err=True)
        raise typer.Exit(1)
    if extracted == 0:
        raise PartnergraphError(
            "nothing was read: " + (f"skipped {stats.summary().split('; skipped ', 1)[-1]}"
                                    if stats.skipped else "no article in the paths given"),
            hint="give text (.txt, .md), HTML, WARC, JSON Lines or RSS/Atom files, "
                 "or --input-format to read other files as one of these")


@app.command()
def backends(as_json: bool = typer.Option(False, "--json", help="Print a JSON list.")) -> None:
    """List the extraction backends that can be loaded."""
    from partnergraph.extraction.backend import available_backends

    names = available_backends()
    if as_json:
        typer.echo(json.dumps(names))
        return
    for name in names:
        typer.echo(name)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the extraction record (docs/schema.json is this output)."""
    from partnergraph.models import Extraction

    typer.echo(json.dumps(Extraction.model_json_schema(), indent=2, ensure_ascii=False))
