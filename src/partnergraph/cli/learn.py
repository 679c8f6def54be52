"""`partnergraph train` and `partnergraph evaluate`: adapt the models to your own articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from partnergraph.cli import app


@app.command()
def train(
    gold: list[Path] = typer.Argument(..., help="Gold JSON files or folders (the annotation guidelines' form)."),
    out: Path = typer.Option(..., "--out", "-o", help="The model folder to write."),
    val: Optional[list[Path]] = typer.Option(
        None, "--val", help="Validation gold files or folders (repeatable): scored and recorded in meta.json; "
        "with --select val, the thresholds are chosen on them (with val+oof, on them and the training "
        "articles scored out of fold)."),
    select: str = typer.Option(
        "cv", "--select", help="How the scorers' regularisation and the decision thresholds are chosen: cv = "
        "cross-validation over the training articles grouped by site, each article weighing alike (needs "
        "two sites or more, else as val); val = thresholds on --val (default regularisation); val+oof = "
        "thresholds on --val pooled with every training article scored by models fitted on the other folds "
        "(default regularisation)."),
    name: str = typer.Option("partnergraph", "--name", help="A name recorded in the model's meta.json."),
    floor: Optional[list[Path]] = typer.Option(
        None, "--floor", help="Regression gold files or folders (repeatable; with --select val or val+oof): a "
        "threshold keeping their pair and event F1 at 0.95 or above (people 0.80) is preferred to any that does not, "
        "whatever val says; their figures are printed and recorded."),
) -> None:
    """Train the learned backend's models on annotated articles (needs the `train` extra).

    By default the choices a model depends on (each scorer's regularisation strength and article
    weighting, the decision thresholds per language) are made by cross-validation over the
    training articles, folds of whole sites (the host of each article's `url`), so they hold on
    sites the model has not seen; meta.json records them, their out-of-fold figures and, with
    --val, the val figures."""
    from partnergraph.learn.gold import read_gold
    from partnergraph.learn.train import train as fit

    golds, problems = read_gold(gold)
    for p in problems:
        typer.echo(f"Warning: {p}", err=True)
    if select not in ("cv", "val", "val+oof"):
        raise typer.BadParameter("use cv, val or val+oof", param_hint="--select")
    val_golds = read_gold(val)[0] if val else None
    floor_golds = read_gold(floor)[0] if floor else None
    if floor_golds and not (val_golds and select in ("val", "val+oof")):
        raise typer.BadParameter("--floor needs --val and --select val or val+oof", param_hint="--floor")
    meta = fit(golds, str(out), val=val_golds, name=name, select=select, floor=floor_golds)
    typer.echo(f"Trained on {sum(meta['articles'].values())} articles "
               f"({', '.join(f'{k} {v}' for k, v in meta['articles'].items())}); model written to {out}", err=True)
    for lang, report in sorted(meta["selection"].items()):
        for source in ("out_of_fold", "val", "floor"):
            if source in report:
                fig = report[source]
                typer.echo(f"{lang} {source.replace('_', '-')} ({fig['articles']} articles): "
                           + ", ".join(f"{f} {fig['micro'][f]:.3f} ({fig['per_article'][f]:.3f} per article)"
                                       for f in ("orgs", "pairs", "events", "people")), err=True)
    typer.echo(f"Use it: partnergraph extract FILES --backend learned --model {out}", err=True)


@app.command()
def evaluate(
    gold: list[Path] = typer.Argument(..., help="Gold JSON files or folders to score against."),
    backend: str = typer.Option("learned", "--backend", help="Extraction backend (see `partnergraph backends`)."),
    model: Optional[Path] = typer.Option(None, "--model", help="A model folder for the learned backend."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as one JSON object."),
    predictions: Optional[Path] = typer.Option(None, "--predictions", help="Also write the output as JSON Lines."),
) -> None:
    """Extract the gold articles' texts and print precision, recall and F1 per field and language.

    Also F1 per article, each article counting alike (at most 10 gold and 10 wrong items of a
    field), so that one long article does not decide the figure; --json gives it as "per_article"."""
    from partnergraph.cli.render import evaluation_table
    from partnergraph.extraction.backend import load_backend
    from partnergraph.learn.gold import document_of, read_gold
    from partnergraph.learn.scoring import evaluate as score
    from partnergraph.pipeline import process_many

    golds, problems = read_gold(gold)
    for p in problems:
        typer.echo(f"Warning: {p}", err=True)
    engine = load_backend(backend, {"model": str(model)} if model else None)
    rows = []
    out = open(predictions, "w", encoding="utf-8") if predictions else None
    try:
        for g, ex in zip(golds, process_many((document_of(g) for g in golds), engine), strict=True):
            if out:
                out.write(ex.model_dump_json() + "\n")
            rows.append((g, ex.model_dump()))
    finally:
        if out:
            out.close()
    report = score(rows, per_article=True)
    if as_json:
        typer.echo(json.dumps(report, sort_keys=True))
    else:
        evaluation_table(report, title=f"{engine.name} {engine.version} on {len(golds)} articles")
