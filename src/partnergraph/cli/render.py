"""Rich tables for people reading results in a terminal."""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.table import Table

from partnergraph.models import Extraction


def extraction_table(records: list[Extraction], file: IO[str] | None = None) -> None:
    console = Console(file=file, width=160 if file else None)
    for rec in records:
        head = f"[bold]{rec.id}[/bold]  {rec.lang}  published {rec.published or '?'}"
        if rec.title:
            head += f"\n{rec.title}"
        console.print(head)
        orgs = Table("organization", "kind", "aliases", title="Organizations", title_justify="left")
        for o in rec.organizations:
            orgs.add_row(o.name, o.kind, ", ".join(o.aliases))
        people = Table("person", "title", "organization", title="People", title_justify="left")
        for p in rec.people:
            people.add_row(p.name, p.title or "", p.org or "")
        events = Table("type", "date", "parties", "location", "topics / entity",
                       title="Events", title_justify="left")
        for e in rec.events:
            extra = ", ".join(e.topics) + (f" [{e.entity}]" if e.entity else "")
            events.add_row(e.type, e.date or "", " ↔ ".join(e.parties), e.location or "", extra)
        for t in (orgs, people, events):
            if t.row_count:
                console.print(t)
        console.print()
