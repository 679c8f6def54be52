"""`partnergraph fetch` and `partnergraph feed`: download politely, keep the pages, ingest them.

Each command chains library calls: `sources.web.fetch_pages` / `fetch_feed` (robots.txt,
pacing, caps) → `pipeline.relevant_documents` → `sources.jsonl.write_jsonl` (the pages are kept as
JSON Lines, `--save`, so a crawl is never downloaded twice) → `ingest.ingest` on that file.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Optional

import typer

from partnergraph.cli import app
from partnergraph.extraction.backend import DEFAULT_BACKEND
from partnergraph.cli.kb import DbOption, _db

SaveOption = typer.Option(None, "--save", help="Keep the downloaded pages in this JSON Lines file "
                          "(readable by `extract` and `ingest`).")
IngestOption = typer.Option(True, "--ingest/--no-ingest", help="Store the pages in the knowledge base.")
RelevanceOption = typer.Option(True, "--relevance/--no-relevance",
                               help="Skip pages without any word about cooperation (counted).")
DelayOption = typer.Option(1.0, "--delay", help="Seconds between two requests to one site "
                           "(robots.txt Crawl-delay can raise it).", min=0.0)
TimeoutOption = typer.Option(20.0, "--timeout", help="Seconds of silence before a request gives up.", min=0.1)
RetriesOption = typer.Option(2, "--retries", help="Retries after a timeout, 429 or 5xx, with back-off.", min=0)
MaxBytesOption = typer.Option(4 * 1024 * 1024, "--max-bytes", help="Largest page or feed to download.", min=1)
UserAgentOption = typer.Option(None, "--user-agent", help="Name this crawler differently (keep contact details).")
ContactOption = typer.Option(None, "--contact", envvar="PARTNERGRAPH_CONTACT",
                             help="How sites can reach you (e-mail or URL), sent in the User-Agent as polite "
                             "crawlers do; also read from $PARTNERGRAPH_CONTACT.")
JsonOption = typer.Option(False, "--json", help="Print the report as JSON on stdout (errors too).")
BackendOption = typer.Option(DEFAULT_BACKEND, "--backend", help="Extraction backend (see `partnergraph backends`).")


def _fetcher(delay: float, timeout: float, retries: int, max_bytes: int, user_agent: Optional[str],
             contact: Optional[str] = None):
    from partnergraph.sources.fetch import FetchPolicy, Fetcher
    from partnergraph.sources.fetch import user_agent as default_agent

    if not contact and not user_agent:
        typer.echo("Warning: no --contact given (or $PARTNERGRAPH_CONTACT): sites cannot reach you "
                   "about this crawler, and some block crawlers that give none", err=True)
    policy = FetchPolicy(delay=delay, read_timeout=timeout, connect_timeout=min(timeout, 10.0),
                         deadline=max(3 * timeout, 30.0), retries=retries, max_bytes=max_bytes)
    return Fetcher(replace(policy, user_agent=user_agent or default_agent(contact)))


def _run(documents, *, save: Optional[Path], ingest: bool, relevance: bool, db, backend: str,
         as_json: bool = False) -> None:
    """Shared tail of both commands: filter, save, report, ingest. Each failure is reported
    once (its URL, its reason), the summary once; a counter shows progress while fetching."""
    from partnergraph.cli.kb import _print_json
    from partnergraph.models import SourceFailure
    from partnergraph.pipeline import relevant_documents
    from partnergraph.runner import with_progress
    from partnergraph.sources import SourceStats, tally
    from partnergraph.sources.jsonl import write_jsonl

    if not save and not ingest:
        raise typer.BadParameter("with --no-ingest, give --save FILE, or nothing is kept")
    stats = SourceStats()
    failures = 0
    failed: list[dict] = []
    report = None
    with tempfile.TemporaryDirectory(prefix="partnergraph-fetch-") as tmp:
        target = save or Path(tmp) / "pages.jsonl"
        # downloads are paced by the network: judging the main text here costs nothing extra
        pages = with_progress(relevant_documents(tally(documents, stats), stats, relevance, main_text=True), 0)
        for item in write_jsonl(pages, target):
            if isinstance(item, SourceFailure):
                failures += 1
                failed.append(item.model_dump())
                if not as_json:
                    typer.echo(f"Error: {item.source}: {item.reason}", err=True)
        if not as_json:
            typer.echo(f"Fetched {stats.summary()}; {failures} failed"
                       + (f" → {save}" if save else ""), err=True)
        if ingest and stats.documents:
            from partnergraph.ingest import ingest as run
            from partnergraph.store import open_store

            with open_store(_db(db), create=True) as store:
                # the pages were judged above (or the user said not to): no second filter
                report = run([target], store, backend=backend, input_format="jsonl",
                             relevance=False)
            failures += len(report.failures)
            failed += [f.model_dump() for f in report.failures]
            if not as_json:
                for failure in report.failures:
                    typer.echo(f"Error: {failure.source}: {failure.reason}", err=True)
                typer.echo(f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged, "
                           f"{report.copies} copies of stored documents, {len(report.failures)} failed "
                           f"→ {_db(db)}", err=True)
    if as_json:
        _print_json({"documents": stats.documents, "skipped": dict(stats.skipped), "failed": failed,
                     "saved": str(save) if save else None,
                     "ingested": None if report is None else {
                         "added": report.added, "replaced": report.replaced, "unchanged": report.unchanged,
                         "copies": report.copies, "db": _db(db)}})
    if failures:
        raise typer.Exit(1)


@app.command()
def fetch(
    urls: Path = typer.Argument(..., help="Text file with one page URL a line (# comments allowed)."),
    db: Optional[Path] = DbOption,
    save: Optional[Path] = SaveOption,
    ingest: bool = IngestOption,
    relevance: bool = RelevanceOption,
    delay: float = DelayOption,
    timeout: float = TimeoutOption,
    retries: int = RetriesOption,
    max_bytes: int = MaxBytesOption,
    user_agent: Optional[str] = UserAgentOption,
    contact: Optional[str] = ContactOption,
    backend: str = BackendOption,
    as_json: bool = JsonOption,
) -> None:
    """Download web pages politely (robots.txt, one request at a time per site), then ingest them."""
    from partnergraph.sources.web import fetch_pages, read_url_list

    with _fetcher(delay, timeout, retries, max_bytes, user_agent, contact) as fetcher:
        _run(fetch_pages(read_url_list(urls), fetcher), save=save, ingest=ingest,
             relevance=relevance, db=db, backend=backend, as_json=as_json)


@app.command()
def feed(
    feed: str = typer.Argument(..., help="RSS/Atom feed URL or file."),
    follow: bool = typer.Option(True, "--follow/--no-follow",
                                help="Download each item's page (else use the feed's own text)."),
    db: Optional[Path] = DbOption,
    save: Optional[Path] = SaveOption,
    ingest: bool = IngestOption,
    relevance: bool = RelevanceOption,
    delay: float = DelayOption,
    timeout: float = TimeoutOption,
    retries: int = RetriesOption,
    max_bytes: int = MaxBytesOption,
    user_agent: Optional[str] = UserAgentOption,
    contact: Optional[str] = ContactOption,
    backend: str = BackendOption,
    as_json: bool = JsonOption,
) -> None:
    """Read an RSS/Atom feed, download its items' pages politely, then ingest them."""
    from partnergraph.sources.web import fetch_feed

    with _fetcher(delay, timeout, retries, max_bytes, user_agent, contact) as fetcher:
        _run(fetch_feed(feed, fetcher, follow=follow), save=save, ingest=ingest,
             relevance=relevance, db=db, backend=backend, as_json=as_json)
