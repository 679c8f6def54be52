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


# how each evidence label is shown in a terminal (plain text when not a terminal)
EVIDENCE_STYLES = {"party": "bold", "trigger": "bold magenta", "date": "cyan", "location": "green",
                   "topic": "yellow", "entity": "bold"}


def print_evidence(events, indent: str = "", file: IO[str] | None = None) -> None:
    """Each event with the sentence every article reported it in, the evidence spans styled,
    and the article's title, date and URL. Article text is shown as text (rich `Text`, no
    markup is parsed from it)."""
    from rich.text import Text

    console = Console(file=file, highlight=False, soft_wrap=True)
    for e in events:
        head = Text(f"{indent}{e.date or e.sort_date or 'no date'}  {e.type}  ")
        head.append(" ↔ ".join(e.parties), style="bold")
        head.append(f"  [event {e.id}]", style="dim")
        console.print(head)
        for q in e.evidence:
            line = Text(f"{indent}  “")
            at = 0
            for m in q.marks:
                if m.start < at:
                    continue
                line.append(q.sentence[at:m.start])
                line.append(q.sentence[m.start:m.end], style=EVIDENCE_STYLES.get(m.field, "bold"))
                at = m.end
            line.append(q.sentence[at:] + "”")
            console.print(line)
            where = " · ".join(x for x in (q.title, q.published, q.url or q.doc_id) if x)
            console.print(Text(f"{indent}    — {where}", style="dim"))
def evaluation_table(report: dict[str, dict], title: str, file: IO[str] | None = None) -> None:
    """F1 (precision/recall) per field, one column per language."""
    console = Console(file=file)
    groups = list(report)
    table = Table(title=title)
    table.add_column("field")
    for g in groups:
        table.add_column(f"{g} ({report[g]['articles']['n']})", justify="right")
    for field in ("orgs", "people", "pairs", "events"):
        row = [field]
        for g in groups:
            v = report[g].get(field) or {}
            row.append(f"{v.get('f1', 0):.3f} ({v.get('p', 0):.2f}/{v.get('r', 0):.2f})")
        table.add_row(*row)
    per_article = bool(groups) and all("per_article" in report[g] for g in groups)
    if per_article:
        for field in ("orgs", "people", "pairs", "events"):
            table.add_row(f"{field}, per article", *(f"{report[g]['per_article'][field]:.3f}" for g in groups))
    for field, key in (("dates", "accuracy"), ("published", "accuracy"), ("false alarms", "rate")):
        row = [field]
        for g in groups:
            v = (report[g].get(field.replace(" alarms", "_alarm")) or {}).get(key)
            row.append("-" if v is None else f"{v:.3f}")
        table.add_row(*row)
    console.print(table)
    console.print("F1 (precision/recall); dates: accuracy on matched events; false alarms: share of "
                  "articles without gold events that got one")
    if per_article:
        from partnergraph.learn.selection import ARTICLE_CAP

        console.print(f"per article: F1 with each article counting at most {ARTICLE_CAP} gold and "
                      f"{ARTICLE_CAP} wrong items of a field, so that one long article does not decide it")
