"""Knowledge-base commands: thin wrappers named after the library call each one makes
(`ingest.ingest`, `query.*`, `export.export`, `resolution.explain.*`). Tables by default,
``--json`` for scripts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer

from partnergraph.cli import app

DB_HELP = "Knowledge base file (default: $PARTNERGRAPH_DB or ./partnergraph.db)."
DbOption = typer.Option(None, "--db", help=DB_HELP)
JsonOption = typer.Option(False, "--json", help="Print JSON instead of a table.")
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


def _table(title: str, columns: list[str], rows: list[list]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, title=title, title_justify="left")
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    Console().print(table)


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders of articles (read recursively)."),
    db: Path | None = DbOption,
    input_format: str | None = typer.Option(
        None, "--input-format", help="Read every input as this format instead of guessing by suffix."),
    backend: str = typer.Option("rules", "--backend", help="Extraction backend (see `partnergraph backends`)."),
    batch_size: int = typer.Option(200, "--batch-size", min=1, help="Documents per transaction."),
    workers: int | None = typer.Option(
        None, "--workers", min=1, help="Extraction processes (default: one per CPU)."),
    relevance: bool | None = typer.Option(
        None, "--relevance/--no-relevance",
        help="Skip pages that cannot report cooperation (default: web inputs only; skips are counted)."),
) -> None:
    """Extract articles and store them in the knowledge base (idempotent, restartable)."""
    from partnergraph.ingest import ingest as run
    from partnergraph.sources import SourceStats

    stats = SourceStats()
    with _open(db, create=True) as store:
        report = run(paths, store, backend=backend, input_format=input_format,
                     batch_size=batch_size, workers=workers, progress_min=5,
                     relevance=relevance, stats=stats)
    for failure in report.failures:
        typer.echo(f"Error: {failure.source}: {failure.reason}", err=True)
    if stats.skipped:
        typer.echo(f"Sources: {stats.summary()}", err=True)
    typer.echo(f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged, "
               f"{report.copies} copies of stored documents, {len(report.failures)} failed "
               f"→ {_db(db)}", err=True)
    if report.failures:
        raise typer.Exit(1)


@app.command()
def partners(
    org: str = typer.Argument(..., help="Organization name, alias or acronym."),
    since: str | None = typer.Option(None, "--since", help="From this date (YYYY[-MM[-DD]])."),
    until: str | None = typer.Option(None, "--until", help="Up to this date, inclusive."),
    type: str | None = typer.Option(None, "--type", help="agreement, visit, meeting or joint_entity."),
    db: Path | None = DbOption,
    as_json: bool = JsonOption,
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
           [[p.org.name, p.org.kind, p.events, p.first, p.last, ", ".join(p.types)] for p in rows])


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
             ", ".join(s.doc_id for s in e.sources)] for e in rows])


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
           [[r.org.name, r.org.kind, r.partners, r.events] for r in rows])


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
) -> None:
    """Who the articles name at an organization, with their titles."""
    from partnergraph import query

    with _read(db) as store:
        rows = query.people(store, org)
    if as_json:
        return _print_json(rows)
    _table(f"People at {org}", ["name", "titles", "documents", "last seen"],
           [[x.name, "; ".join(x.titles), x.documents, x.last_seen] for x in rows])


@app.command()
def search(
    text: str = typer.Argument(..., help="Word or phrase (any language)."),
    limit: int = typer.Option(20, "--limit", help="At most this many articles."),
    db: Path | None = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Full-text search over the stored articles."""
    from partnergraph import query

    with _read(db) as store:
        hits = query.search(store, text, limit=limit)
    if as_json:
        return _print_json(hits)
    _table(f"Articles containing {text!r}", ["document", "published", "title", "snippet"],
           [[h.doc_id, h.published, h.title, h.snippet] for h in hits])


@app.command()
def stats(db: Path | None = DbOption, as_json: bool = JsonOption) -> None:
    """How much the knowledge base holds."""
    from partnergraph import query

    with _read(db) as store:
        counts = query.stats(store)
    if as_json:
        return _print_json(counts)
    _table("Knowledge base", ["what", "count"], [[k, v] for k, v in counts.items()])


@app.command()
def export(
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, graphml, gexf or parquet."),
    out: Path = typer.Option(".", "--out", help="Folder to write into."),
    db: Path | None = DbOption,
) -> None:
    """Export the organization graph and flat tables."""
    from partnergraph.export import export as run

    with _read(db) as store:
        for path in run(store, format, out):
            typer.echo(str(path))


@app.command()
def resolve(
    db: Path | None = DbOption,
    force: bool = typer.Option(False, "--force", help="Rebuild even when the store is up to date."),
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
) -> None:
    """Treat two names as one organization from now on (kept across re-ingestion)."""
    from partnergraph.resolution.explain import merge as run

    with _open(db) as store:
        e = run(store, a, b)
    typer.echo(f"merged: {a!r} and {b!r} are now {e.entity_a!r}")


@app.command()
def split(
    a: str = typer.Argument(..., help="The name to detach."),
    db: Path | None = DbOption,
) -> None:
    """Detach a name from the organization it was joined with (kept across re-ingestion)."""
    from partnergraph.query import find_org
    from partnergraph.resolution.explain import split as run

    with _open(db) as store:
        run(store, a)
        now = find_org(store, a).name
    typer.echo(f"split: {a!r} is now its own organization ({now!r})")
