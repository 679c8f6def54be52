"""Knowledge-base commands: thin wrappers named after the library call each one makes
(`ingest.ingest`, `query.*`, `export.export`, `resolution.explain.*`). Tables by default,
``--json`` for scripts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer

from partnergraph.cli import app
from partnergraph.extraction.backend import DEFAULT_BACKEND
from partnergraph.errors import PartnergraphError

DB_HELP = "Knowledge base file (default: $PARTNERGRAPH_DB or ./partnergraph.db)."
DbOption = typer.Option(None, "--db", help=DB_HELP)
JsonOption = typer.Option(False, "--json", help="Print JSON instead of a table (errors too).")
CsvOption = typer.Option(False, "--csv", help="Print CSV (a header line, then one line a row) instead of a table.")
EvidenceOption = typer.Option(
    False, "--evidence", help="Quote the sentence behind each event, with the article's title and URL.")
# shared events quoted per partner with --evidence (the latest ones)
PARTNER_QUOTES = 3


def _db(db: Path | None) -> str:
    return str(db) if db else os.environ.get("PARTNERGRAPH_DB", "partnergraph.db")


def _open(db: Path | None, create: bool = False):
    from partnergraph.store import open_store

    return open_store(_db(db), create=create)


def _read(db: Path | None):
    """The store opened read-only for a query; warns on stderr when it is not resolved."""
    from partnergraph.query import staleness
    from partnergraph.store import open_store

    store = open_store(_db(db), read_only=True)
    note = staleness(store)
    if note:
        typer.echo(f"Warning: {note}", err=True)
    return store


def _print_json(value) -> None:
    from partnergraph.query import as_json

    typer.echo(json.dumps(as_json(value), ensure_ascii=False, indent=2))


def _shell(name: str) -> str:
    import shlex

    return shlex.quote(name)


def _table(title: str, columns: list[str], rows: list[list], csv: bool = False) -> None:
    """A rich table for people, or with `csv` the same columns as CSV for spreadsheets."""
    if csv:
        import csv as csvlib
        import sys

        writer = csvlib.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, title=title, title_justify="left")
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    Console().print(table)


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(None, help="Files or folders of articles (read recursively)."),
    db: Path | None = DbOption,
    input_format: str | None = typer.Option(
        None, "--input-format", help="Read every input as this format instead of guessing by suffix."),
    backend: str = typer.Option(DEFAULT_BACKEND, "--backend", help="Extraction backend (see `partnergraph backends`)."),
    from_parquet: Path | None = typer.Option(
        None, "--from-parquet", help="Load the output folder of `partnergraph spark` instead of extracting PATHS."),
    batch_size: int = typer.Option(200, "--batch-size", min=1, help="Documents per transaction."),
    workers: int | None = typer.Option(
        None, "--workers", min=1, help="Extraction processes (default: one per CPU)."),
    relevance: bool | None = typer.Option(
        None, "--relevance/--no-relevance",
        help="Skip pages that cannot report cooperation (default: web inputs only; skips are counted)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON on stdout."),
    published: str | None = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD) of articles that give none."),
) -> None:
    """Extract articles and store them in the knowledge base (idempotent, restartable)."""
    from partnergraph.ingest import ingest as run
    from partnergraph.sources import SourceStats

    from partnergraph.runner import check_published

    published = check_published(published)
    if bool(paths) == (from_parquet is not None):
        raise typer.BadParameter("give PATHS to extract, or --from-parquet DIR (not both)", param_hint="PATHS")
    stats = SourceStats()
    if from_parquet is not None:
        from partnergraph.ingest import ingest_extractions, near_index
        from partnergraph.spark.tables import read_documents

        items = read_documents(from_parquet)
        first = next(items, None)  # a folder that is not the job's output fails before the store is made
        with _open(db, create=True) as store:
            report = ingest_extractions(store, _chain(first, items) if first is not None else [],
                                        batch_size=batch_size, near=near_index(store))
    else:
        with _open(db, create=True) as store:
            report = run(paths, store, backend=backend, input_format=input_format,
                         batch_size=batch_size, workers=workers, progress_min=5,
                         relevance=relevance, stats=stats, published=published)
    if as_json:
        _print_json({"added": report.added, "replaced": report.replaced, "unchanged": report.unchanged,
                     "unread_files": report.unread_files, "copies": report.copies, "skipped": dict(stats.skipped),
                     "failed": [f.model_dump() for f in report.failures], "db": _db(db)})
    else:
        for failure in report.failures:
            typer.echo(f"Error: {failure.source}: {failure.reason}", err=True)
        if stats.skipped:
            typer.echo(f"Sources: {stats.summary()}", err=True)
        unread = f" ({report.unread_files} files known, not read again)" if report.unread_files else ""
        typer.echo(f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged{unread}, "
                   f"{report.copies} copies of stored documents, {len(report.failures)} failed "
                   f"→ {_db(db)}", err=True)
    if report.failures:
        raise typer.Exit(1)
    if report.seen == 0:
        raise PartnergraphError(
            "nothing was read: " + (f"skipped {stats.summary().split('; skipped ', 1)[-1]}"
                                    if stats.skipped else "no article in the paths given"),
            hint="give text (.txt, .md), HTML, WARC, JSON Lines or RSS/Atom files, "
                 "or --input-format to read other files as one of these")


def _chain(first, rest):
    yield first
    yield from rest


@app.command()
def partners(
    org: str = typer.Argument(..., help="Organization name, alias or acronym."),
    since: str | None = typer.Option(None, "--since", help="From this date (YYYY[-MM[-DD]])."),
    until: str | None = typer.Option(None, "--until", help="Up to this date, inclusive."),
    type: str | None = typer.Option(None, "--type", help="agreement, visit, meeting or joint_entity."),
    db: Path | None = DbOption,
    as_json: bool = JsonOption,
    as_csv: bool = CsvOption,
    evidence: bool = EvidenceOption,
) -> None:
    """Who an organization cooperated with, by number of events."""
    from partnergraph import query
    from partnergraph.cli.render import print_evidence

    with _read(db) as store:
        rows = query.partners(store, org, since=since, until=until, type=type,
                              evidence=PARTNER_QUOTES if evidence else 0)
        name = query.find_org(store, org).name
    if as_json:
        return _print_json(rows)
    if evidence:
        for p in rows:
            typer.echo(f"{p.org.name} ({p.org.kind}): {p.events} event{'s' if p.events != 1 else ''}"
                       f", {p.first or '?'} … {p.last or '?'}, {', '.join(p.types)}")
            print_evidence(p.evidence, indent="  ")
            if p.events > len(p.evidence):
                typer.echo(f"  … {p.events - len(p.evidence)} earlier: partnergraph events "
                           f"--org {_shell(name)} --with {_shell(p.org.name)} --evidence")
            typer.echo("")
        return
    _table(f"Partners of {name}", ["partner", "kind", "events", "first", "last", "types"],
           [[p.org.name, p.org.kind, p.events, p.first, p.last, ", ".join(p.types)] for p in rows], csv=as_csv)


@app.command()
def events(
    org: str | None = typer.Option(None, "--org", help="Only events this organization is party to."),
    with_org: str | None = typer.Option(
        None, "--with", help="Only events this organization is also party to (with --org)."),
    type: str | None = typer.Option(None, "--type", help="agreement, visit, meeting or joint_entity."),
    since: str | None = typer.Option(None, "--since", help="From this date (YYYY[-MM[-DD]])."),
    until: str | None = typer.Option(None, "--until", help="Up to this date, inclusive."),
    topic: str | None = typer.Option(None, "--topic", help="Only events whose topics contain this."),
    kind: str | None = typer.Option(None, "--kind", help="Only events with a party of this kind."),
    limit: int = typer.Option(200, "--limit", help="At most this many events."),
    db: Path | None = DbOption,
    as_json: bool = JsonOption,
    as_csv: bool = CsvOption,
    evidence: bool = EvidenceOption,
) -> None:
    """Cooperation events, oldest first, with the articles that report each."""
    from partnergraph import query
    from partnergraph.cli.render import print_evidence

    with _read(db) as store:
        rows = query.events(store, org=org, with_org=with_org, type=type, since=since,
                            until=until, topic=topic, kind=kind, limit=limit, evidence=evidence)
    if as_json:
        return _print_json(rows)
    if evidence:
        return print_evidence(rows)
    _table("Events", ["date", "type", "parties", "topics / entity", "sources"],
           [[e.date or (f"({e.sort_date})" if e.sort_date else ""), e.type, " ↔ ".join(e.parties),
             ", ".join(e.topics) + (f" [{e.entity}]" if e.entity else ""),
             ", ".join(s.doc_id for s in e.sources)] for e in rows], csv=as_csv)


@app.command()
def orgs(
    kind: str | None = typer.Option(None, "--kind", help="Only organizations of this kind."),
    partner_kind: str | None = typer.Option(None, "--partner-kind", help="Count only partners of this kind."),
    type: str | None = typer.Option(None, "--type", help="agreement, visit, meeting or joint_entity."),
    since: str | None = typer.Option(None, "--since", help="From this date (YYYY[-MM[-DD]])."),
    until: str | None = typer.Option(None, "--until", help="Up to this date, inclusive."),
    min_partners: int = typer.Option(1, "--min-partners", min=1, help="At least this many partners."),
    limit: int = typer.Option(100, "--limit", help="At most this many organizations."),
    db: Path | None = DbOption,
    as_json: bool = JsonOption,
    as_csv: bool = CsvOption,
) -> None:
    """Organizations ranked by number of distinct partners.

    Companies that signed with more than three universities this year:
    --kind company --partner-kind university --type agreement --since 2024 --min-partners 4
    """
    from partnergraph import query

    with _read(db) as store:
        rows = query.organizations(store, kind=kind, partner_kind=partner_kind, type=type,
                                   since=since, until=until, min_partners=min_partners,
                                   limit=limit)
    if as_json:
        return _print_json(rows)
    _table("Organizations", ["organization", "kind", "partners", "events"],
           [[r.org.name, r.org.kind, r.partners, r.events] for r in rows], csv=as_csv)


@app.command("org")
def org_profile(
    name: str = typer.Argument(..., help="Organization name, alias or acronym."),
    db: Path | None = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """An organization's profile: aliases, kind, partners, timeline, people."""
    from rich.console import Console

    from partnergraph import query

    with _read(db) as store:
        p = query.org(store, name)
    if as_json:
        return _print_json(p)
    Console().print(f"[bold]{p.org.name}[/bold]  ({p.org.kind}, {p.documents} documents, "
                    f"{p.n_events} events with {p.n_partners} partners)")
    _table("Aliases", ["name", "documents", "e.g."],
           [[a.name, a.documents, ", ".join(a.examples)] for a in p.aliases])
    _table("Partners", ["partner", "kind", "events", "first", "last"],
           [[x.org.name, x.org.kind, x.events, x.first, x.last] for x in p.partners])
    _table("Timeline (latest)", ["date", "type", "parties"],
           [[e.date or e.sort_date, e.type, " ↔ ".join(e.parties)] for e in p.timeline])
    _table("People", ["name", "titles", "documents", "last seen"],
           [[x.name, "; ".join(x.titles), x.documents, x.last_seen] for x in p.people])


@app.command("people")
def people_at(
    org: str = typer.Argument(..., help="Organization name, alias or acronym."),
    db: Path | None = DbOption,
    as_json: bool = JsonOption,
    as_csv: bool = CsvOption,
) -> None:
    """Who the articles name at an organization, with their titles."""
    from partnergraph import query

    with _read(db) as store:
        rows = query.people(store, org)
    if as_json:
        return _print_json(rows)
    _table(f"People at {org}", ["name", "titles", "documents", "last seen"],
           [[x.name, "; ".join(x.titles), x.documents, x.last_seen] for x in rows], csv=as_csv)


@app.command()
def search(
    text: str = typer.Argument(..., help="Word or phrase (any language)."),
    limit: int = typer.Option(20, "--limit", help="At most this many articles."),
    db: Path | None = DbOption,
    as_json: bool = JsonOption,
    as_csv: bool = CsvOption,
) -> None:
    """Full-text search over the stored articles."""
    from partnergraph import query

    with _read(db) as store:
        hits = query.search(store, text, limit=limit)
    if as_json:
        return _print_json(hits)
    _table(f"Articles containing {text!r}", ["document", "published", "title", "snippet"],
           [[h.doc_id, h.published, h.title, h.snippet] for h in hits], csv=as_csv)


@app.command()
def stats(db: Path | None = DbOption, as_json: bool = JsonOption, as_csv: bool = CsvOption) -> None:
    """How much the knowledge base holds."""
    from partnergraph import query

    with _read(db) as store:
        counts = query.stats(store)
    if as_json:
        return _print_json(counts)
    _table("Knowledge base", ["what", "count"], [[k, v] for k, v in counts.items()], csv=as_csv)


@app.command()
def export(
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, graphml, gexf or parquet."),
    out: Path = typer.Option(".", "--out", help="Folder to write into (graphml/gexf: or the file, e.g. out.graphml)."),
    db: Path | None = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Print the files written as a JSON list."),
) -> None:
    """Export the organization graph and flat tables (columns: docs/cli.md, "Export columns")."""
    from partnergraph.export import export as run

    with _read(db) as store:
        paths = run(store, format, out)
    if as_json:
        return _print_json([str(p) for p in paths])
    for path in paths:
        typer.echo(str(path))


@app.command()
def resolve(
    db: Path | None = DbOption,
    force: bool = typer.Option(False, "--force", help="Rebuild everything from the stored "
                               "articles, even when the store is up to date (otherwise only what "
                               "changed since the last resolution is resolved again)."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Bring organizations, people and events up to date with the stored articles.

    Ingest, merge and split resolve by themselves; this is for a store an interrupted ingest
    left behind (queries then warn that it is stale) or one written by an older version.
    """
    import time

    from partnergraph.resolution import resolve as run

    with _open(db) as store:
        if store.ingest_running_elsewhere():
            typer.echo("Warning: an ingest is running into this store; it resolves again when "
                       "it finishes", err=True)
        start = time.perf_counter()
        ran = run(store, force=force)
        counts = store.stats()
    if as_json:
        return _print_json({"resolved": ran, "seconds": round(time.perf_counter() - start, 2),
                            "db": _db(db), **counts})
    if not ran:
        typer.echo(f"{_db(db)} is up to date (--force rebuilds it)", err=True)
        return
    typer.echo(f"resolved {counts['documents']} documents into {counts['organizations']} "
               f"organizations, {counts['people']} people and {counts['events']} events in "
               f"{time.perf_counter() - start:.1f} s → {_db(db)}", err=True)


@app.command()
def why(
    a: str = typer.Argument(..., help="An organization name."),
    b: str = typer.Argument(..., help="Another organization name."),
    db: Path | None = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Explain why two names are one organization, or what keeps them apart."""
    from partnergraph.resolution.explain import why as explain

    with _read(db) as store:
        e = explain(store, a, b)
    if as_json:
        return _print_json(e)
    verdict = "the same organization" if e.same else "different organizations"
    typer.echo(f"{a!r} and {b!r} are {verdict}"
               + (f" ({e.entity_a})" if e.same else f" ({e.entity_a} / {e.entity_b})"))
    for step in e.steps:
        typer.echo(f"  - {step}")


@app.command()
def merge(
    a: str = typer.Argument(..., help="An organization name."),
    b: str = typer.Argument(..., help="The name to join with it."),
    db: Path | None = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Treat two names as one organization from now on (kept across re-ingestion;
    `partnergraph corrections` lists it, `corrections undo N` takes it back)."""
    from partnergraph.resolution.explain import merge as run

    with _open(db) as store:
        e = run(store, a, b)
    if as_json:
        return _print_json({"merged": [a, b], "organization": e.entity_a})
    typer.echo(f"merged: {a!r} and {b!r} are now {e.entity_a!r}")


@app.command()
def split(
    a: str = typer.Argument(..., help="The name to detach."),
    db: Path | None = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Detach a name from the organization it was joined with (kept across re-ingestion;
    `partnergraph corrections undo N` takes it back)."""
    from partnergraph.query import find_org
    from partnergraph.resolution.explain import split as run

    with _open(db) as store:
        run(store, a)
        now = find_org(store, a).name
    if as_json:
        return _print_json({"split": a, "organization": now})
    typer.echo(f"split: {a!r} is now its own organization ({now!r})")


corrections_app = typer.Typer(
    help="The merges and splits you made: list them, or undo one (`corrections undo N`).",
    invoke_without_command=True, no_args_is_help=False)
app.add_typer(corrections_app, name="corrections")


@corrections_app.callback()
def corrections(
    ctx: typer.Context,
    db: Path | None = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """List the merges and splits made with `merge` and `split`, oldest first."""
    if ctx.invoked_subcommand is not None:
        return
    from partnergraph.resolution.explain import corrections as listed

    with _read(db) as store:
        rows = listed(store)
    if as_json:
        return _print_json(rows)
    if not rows:
        typer.echo("no corrections: `partnergraph merge A B` and `partnergraph split A` make them", err=True)
        return
    _table("Corrections", ["#", "action", "name", "with", "made"],
           [[c.number, c.action, c.name, c.other, c.made] for c in rows])


@corrections_app.command("undo")
def corrections_undo(
    number: int = typer.Argument(..., help="The correction's number (see `partnergraph corrections`)."),
    db: Path | None = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Undo one merge or split; the store is resolved again without it."""
    from partnergraph.resolution.explain import undo

    with _open(db) as store:
        c = undo(store, number)
    if as_json:
        return _print_json({"undone": c})
    typer.echo(f"undone: #{c.number} {c.action} {c.name!r}" + (f" {c.other!r}" if c.other else ""))
