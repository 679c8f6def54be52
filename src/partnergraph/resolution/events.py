"""Stage 4 (resolution), events: the same happening reported by several articles is one event.

Each party's own site reports a signing, often a day apart, sometimes with a different date
precision ("2024-03" on one, "2024-03-15" on the other). Two reports are one event when they
have the same type, the same set of resolved parties, and dates within `WINDOW_DAYS` of the
first report of the cluster. A report without a date uses its article's publication date.
Two reports in one article are never merged: the backend already told them apart.
The result does not depend on the order reports arrive in (sorted before clustering).
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from partnergraph.resolution.names import name_key

# A partner's own release about a signing comes out on the same day or within a couple of
# days of the other's (the "a day apart" case); a week would start joining a signing with
# the follow-up visit of the same pair, so the window stays at three days.
WINDOW_DAYS = 3

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(slots=True)
class EventRecord:
    id: int
    type: str
    date: str | None
    sort_date: str | None
    location: str | None
    topics: list[str]
    entity: str | None
    parties: list[int]
    sources: list[tuple[int, int, str]] = field(default_factory=list)  # (doc_key, idx, rule)


def doc_rank(doc_order: dict[int, str] | None):
    """A sort key for documents by `doc_order` (their ids), by row number without it."""
    if doc_order is None:
        return lambda doc_key: ("", doc_key)
    return lambda doc_key: (doc_order.get(doc_key, ""), doc_key)


def date_range(value: str | None) -> tuple[int, int] | None:
    """An ISO date, month or year → its first and last day as ordinals; else None."""
    if not value:
        return None
    m = _ISO.match(value.strip())
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            o = date(y, int(mo), int(d)).toordinal()
            return o, o
        if mo:
            last = calendar.monthrange(y, int(mo))[1]
            return date(y, int(mo), 1).toordinal(), date(y, int(mo), last).toordinal()
        return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
    except ValueError:
        return None


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two ranges (0 when they overlap)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _precision(value: str | None) -> int:
    return len(value) if value and _ISO.match(value) else 0


def dedup_events(
    rows: Iterable[tuple],
    key_to_entity: dict[str, int],
    window_days: int = WINDOW_DAYS,
    doc_order: dict[int, str] | None = None,
) -> list[EventRecord]:
    """Cluster event reports into events.

    `rows`: (doc_key, idx, type, date, parties, location, topics, entity, published) as
    `Store.iter_event_mentions` yields them; parties are names, resolved through
    `key_to_entity` (a name resolution never saw becomes no party). `doc_order`: each
    document's id, which orders reports of one day (their row numbers follow the order the
    documents were ingested in, so a store built in another order would cluster otherwise).
    """
    rank = doc_rank(doc_order)
    groups: dict[tuple, list] = defaultdict(list)
    for doc_key, idx, type_, date_, parties, location, topics, entity, published in rows:
        ids = sorted({key_to_entity[k] for k in map(name_key, parties) if k in key_to_entity})
        when = date_range(date_) or date_range(published)
        groups[(type_, tuple(ids))].append(
            (when, doc_key, idx, date_, published, location, topics, entity))

    out: list[EventRecord] = []
    for (type_, parties), reports in sorted(groups.items()):
        # dated reports by date, then undated ones, each alone
        reports.sort(key=lambda r: (r[0] is None, r[0] or (0, 0), rank(r[1]), r[2]))
        clusters: list[list] = []
        for r in reports:
            placed = False
            if r[0] is not None and parties and len(parties) >= 2:
                for c in reversed(clusters):
                    first = c[0][0]
                    if first is None or first[0] > r[0][1] + window_days:
                        continue
                    if _gap(first, r[0]) <= window_days and all(x[1] != r[1] for x in c):
                        c.append(r)
                        placed = True
                        break
                    if r[0][0] - first[1] > window_days:
                        break
            if not placed:
                clusters.append([r])
        for c in clusters:
            out.append(_event(type_, list(parties), c, window_days))
    out.sort(key=lambda e: (e.sort_date or "\uffff", e.type, e.parties, e.sources))
    for i, e in enumerate(out, start=1):
        e.id = i
    return out


def _event(type_: str, parties: list[int], cluster: list, window: int) -> EventRecord:
    dates = [r[3] for r in cluster if date_range(r[3])]
    # the most precise date any report gives, earliest among equals
    best = min(dates, key=lambda d: (-_precision(d), d)) if dates else None
    published = sorted(r[4] for r in cluster if r[4])
    sort_date = best or (published[0] if published else None)
    if best is None:  # a date without a year ("--05-20") is kept as given, sorted by publication
        best = next((r[3] for r in cluster if r[3]), None)
    topics: list[str] = []
    for r in cluster:
        for t in r[6]:
            if t not in topics:
                topics.append(t)
    location = next((r[5] for r in cluster if r[5]), None)
    entity = next((r[7] for r in cluster if r[7]), None)
    sources = []
    first = cluster[0]
    for n, r in enumerate(cluster):
        if n == 0:
            rule = "first report"
        else:
            rule = (f"same type ({type_}), same parties, dates {first[3] or first[4]} and "
                    f"{r[3] or r[4]} within {window} days")
        sources.append((r[1], r[2], rule))
    return EventRecord(0, type_, best, sort_date, location, topics, entity, parties, sources)
