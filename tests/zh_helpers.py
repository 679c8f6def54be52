"""What the Chinese rule tests read off a record: one copy for every test module."""

from __future__ import annotations

from partnergraph import extract


def zh(text: str, published: str | None = None):
    return extract(text, published=published, lang="zh")


def org_names(x) -> list[str]:
    return [o.name for o in x.organizations]


def aliases(x) -> dict[str, list[str]]:
    return {o.name: o.aliases for o in x.organizations}


def people(x) -> set[tuple[str, str | None]]:
    return {(p.name, p.org) for p in x.people}


def dated_events(x) -> list[tuple[str, str | None, frozenset[str]]]:
    """Type, date and parties, in the record's order."""
    return [(e.type, e.date, frozenset(e.parties)) for e in x.events]


def event_pairs(x) -> set[tuple[str, frozenset[str]]]:
    """Type and parties, as a set."""
    return {(e.type, frozenset(e.parties)) for e in x.events}
