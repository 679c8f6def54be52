"""`partnergraph spark`: the extraction as an Apache Spark job writing Parquet (see partnergraph.spark)."""

from __future__ import annotations

from typing import Optional

import typer

from partnergraph.cli import app
from partnergraph.extraction.backend import DEFAULT_BACKEND


@app.command()
def spark(
    inputs: list[str] = typer.Argument(..., help="Files or folders on any Hadoop path (local, hdfs://, s3a://)."),
    output: str = typer.Option(..., "--output", "-o", help="Folder (any Hadoop path) for the Parquet tables."),
    master: Optional[str] = typer.Option(
        None, "--master", help="Spark master, e.g. local[*] or spark://host:7077 "
                               "(default: the one spark-submit set, else local[*])."),
    input_format: Optional[str] = typer.Option(
        None, "--input-format", help="Read every input as this format instead of guessing by suffix."),
    backend: str = typer.Option(DEFAULT_BACKEND, "--backend", help="Extraction backend."),
    model: Optional[str] = typer.Option(
        None, "--model", help="A model folder written by `partnergraph train`, on every executor: relative "
                     "to its working directory (--archives) or at the driver's absolute path."),
    relevance: Optional[bool] = typer.Option(
        None, "--relevance/--no-relevance", help="Skip pages that cannot report cooperation (default: web inputs)."),
    published: Optional[str] = typer.Option(None, "--published", help="Date (YYYY-MM-DD) for articles without one."),
    partitions: Optional[int] = typer.Option(
        None, "--partitions", min=1, help="Repartition the input files into this many tasks."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace the tables already in --output."),
    as_json: bool = typer.Option(False, "--json", help="Print the counts as one JSON object."),
) -> None:
    """Run the extraction on Apache Spark and write Parquet tables: documents, organizations,
    people, events and evidence (partitioned by publication month), failures and skipped.

    Needs the spark extra (pip install 'partnergraph[spark]') and Java 17+. Exit code 1 when
    an input failed (the failures table says which and why).
    """
    import json

    from partnergraph.runner import check_published
    from partnergraph.sources import READERS

    published = check_published(published)
    if input_format is not None and input_format not in READERS:
        raise typer.BadParameter(f"use one of: {', '.join(sorted(READERS))}", param_hint="--input-format")
    if model is not None and backend != "learned":
        raise typer.BadParameter(f"--model is for the learned backend, not {backend!r}", param_hint="--model")
    from partnergraph.extraction.backend import load_backend
    from partnergraph.spark.job import require_pyspark, run_job, session

    require_pyspark()

    load_backend(backend, {"model": model} if model else None)  # a bad backend fails here, not per task
    import os

    spark_session = session(master or (None if os.environ.get("SPARK_ENV_LOADED") else "local[*]"))
    spark_session.sparkContext.setLogLevel("ERROR")
    report = run_job(spark_session, inputs, output, backend=backend, model=model, input_format=input_format,
                     relevance=relevance, published=published, partitions=partitions,
                     mode="overwrite" if overwrite else "errorifexists")
    if as_json:
        typer.echo(json.dumps({"counts": report.counts, "skipped": report.skipped, "output": output,
                               "backend_loads": report.backend_loads}))
    else:
        parts = ", ".join(f"{n} {t}" for t, n in report.counts.items())
        typer.echo(f"Wrote {output}: {parts}")
        typer.echo(f"Backend built {sum(report.backend_loads.values())} time(s) in "
                   f"{len(report.backend_loads)} executor Python worker(s)", err=True)
        if report.skipped:
            typer.echo("Skipped: " + ", ".join(f"{r}: {n}" for r, n in sorted(report.skipped.items())), err=True)
    if report.counts.get("failures"):
        typer.echo(f"{report.counts['failures']} input(s) failed; see {output}/failures.", err=True)
        raise typer.Exit(1)
