"""English rule engine: sentences → organizations → people → events, each with evidence.

`extract_items(document)` is the entry point the rule backend calls for English documents.
Stages, each in its own module: `text` (paragraphs, sentences, tokens); organizations in
`names` (head-noun names), `aliases` (acronyms, short forms, variants), `slots` (head-less
names in an organization's slot), all kept in an `orgtable.OrgTable`; `people` (name, title,
organization of each post, read around titles), `affiliations` (people read around an
organization's mention) and `posts` (the post record and name/title reader they share);
`events` (triggers, parties, date, location, topics).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from partnergraph.extraction.rules.english import aliases, names, orgtable, selfref, slots
from partnergraph.extraction.rules.english.events import extract_events
from partnergraph.extraction.rules.english.people import extract_people
from partnergraph.extraction.rules.english.text import read
from partnergraph.extraction.stages import Mention, MentionFinder, found_mentions
from partnergraph.models import Document, Event, Organization, Person

# Evidence kept per organization: enough to highlight every use in a news article.
_MAX_SPANS = 100
_PAREN = re.compile(r"\(\s*\"?\s*([A-Za-z][A-Za-z&.\- ]{0,30}?)\s*\"?\s*\)")


def extract_items(document: Document, finders: Sequence[MentionFinder] = ()
                  ) -> tuple[list[Organization], list[Person], list[Event]]:
    """One English document's organizations, people and events; the names `finders` propose
    join the rules' own before aliases (see `extraction.stages`)."""
    art = read(document)
    if not art.sentences:
        return [], [], []
    table = orgtable.OrgTable()
    names.head_mentions(art, table)
    if finders:
        _take_found(art, table, found_mentions(document, finders))
    aliases.merge_variants(table)
    not_org = _non_org_acronyms(art, table)
    aliases.acronym_aliases(art, table, not_org)
    aliases.short_forms(art, table)
    slots.context_orgs(art, table, not_org)
    aliases.merge_variants(table)
    mentions = orgtable.drop_sources(art, table, orgtable.locate(art, table))

    # "the Group", "the University": the one organization of the article it can stand for, read
    # as a mention by people and events (not an evidence span of the organization itself); an
    # owner ("the Group's chairman", "the university's conference") counts in events like a
    # person's organization, as a party of a signing or visit only
    described = selfref.resolve(art, table, mentions)
    owners = [d for d in described if art.view.startswith(("'s", "’s"), d[1])]
    subjects = sorted(mentions + [d for d in described if d not in owners])
    named_kinds = {idx: table.orgs[idx].kind for _, _, idx in mentions}
    posts = extract_people(art, sorted(mentions + described), {i: table.orgs[i].name for i in table.live()}, named_kinds)
    person_orgs = _person_orgs(art, posts)
    evs = extract_events(art, table, subjects, sorted(person_orgs + owners))
    organizations, spans_of = _organizations(art.text, table, mentions)
    named = {table.orgs[i].name for i in table.live() if i in spans_of}
    return organizations, _people(table, posts, named), _events(art.text, table, evs, named)


def _person_orgs(art, posts) -> list[tuple[int, int, int]]:
    """Every later use of a person's name stands for the organization of the post."""
    person_orgs = []
    seen_names: set[str] = set()
    for p in posts:
        if p.org is None or not p.explicit or p.name in seen_names:
            continue
        seen_names.add(p.name)
        pos = art.view.find(p.name)
        while pos >= 0:
            person_orgs.append((pos, pos + len(p.name), p.org))
            pos = art.view.find(p.name, pos + len(p.name))
    return person_orgs


def _organizations(text: str, table: orgtable.OrgTable, mentions
                   ) -> tuple[list[Organization], dict[int, list[tuple[int, int]]]]:
    """The table's organizations the text names, each with its mentions as evidence (and the
    mentions by organization, which decide what people and events may name)."""
    # the mentions of each organization, in order (one pass, not one scan per organization)
    spans_of: dict[int, list[tuple[int, int]]] = {}
    for s, e, i in mentions:
        spans_of.setdefault(i, []).append((s, e))
    organizations = []
    for idx in table.live():
        org = table.orgs[idx]
        spans = spans_of.get(idx, [])[:_MAX_SPANS]
        if not spans:
            continue
        evidence = []
        for s, e in spans:
            field = "name" if text[s:e] == org.name else "alias"
            evidence.append({"start": s, "end": e, "field": field})
        other_names = [" ".join(a.split()) for a in org.aliases if a != org.name]
        organizations.append(Organization(
            name=" ".join(org.name.split()), aliases=other_names, kind=org.kind, evidence=evidence,
            confidence=0.9 if org.headed else 0.6, stage=org.stage,
        ))
    return organizations, spans_of


def _out_name(table: orgtable.OrgTable, i: int) -> str:
    return " ".join(table.orgs[i].name.split())


def _people(table: orgtable.OrgTable, posts, named: set[str]) -> list[Person]:
    """Each post as a person; an organization the text never names is left open."""
    people = []
    for p in posts:
        org_name = table.orgs[p.org].name if p.org is not None else None
        if org_name is not None and org_name not in named:
            org_name = None
        org_name = _out_name(table, p.org) if org_name is not None else None
        people.append(Person(
            name=" ".join(p.name.split()), title=" ".join(p.title.split()) if p.title else None, org=org_name,
            evidence=[{"start": s, "end": e, "field": f} for s, e, f in p.spans],
            confidence=0.85 if p.explicit else 0.5,
        ))
    return people


def _events(text: str, table: orgtable.OrgTable, evs, named: set[str]) -> list[Event]:
    """Each event with two or more named parties, its fields quoted from the text."""
    events = []
    for ev in evs:
        parties = [_out_name(table, i) for i in ev.parties if table.orgs[i].name in named]
        if len(parties) < 2:
            continue
        evidence = [{"start": ev.trigger[0], "end": ev.trigger[1], "field": "trigger"}]
        evidence += [{"start": s, "end": e, "field": "party"} for s, e in ev.party_spans[:_MAX_SPANS]]
        if ev.date_span:
            evidence.append({"start": ev.date_span[0], "end": ev.date_span[1], "field": "date"})
        location = None
        if ev.location:
            location = " ".join(text[ev.location[0]:ev.location[1]].split())
            evidence.append({"start": ev.location[0], "end": ev.location[1], "field": "location"})
        topics = []
        for s, e in ev.topics:
            t = " ".join(text[s:e].split())
            if t not in topics:
                topics.append(t)
                evidence.append({"start": s, "end": e, "field": "topic"})
        entity = None
        if ev.entity is not None and table.orgs[ev.entity].name:
            entity = _out_name(table, ev.entity)
        events.append(Event(
            type=ev.type, date=ev.date, parties=parties, location=location, topics=topics,
            entity=entity, evidence=evidence, confidence=0.7,
        ))
    return events


def _take_found(art, table: orgtable.OrgTable, found: list[Mention]) -> None:
    """Names a mention finder proposes join the table before aliases, slots, people and events
    read it, as names found without a head noun (a span the rules already name stays theirs);
    an organization the table did not know records the finder in its `stage`."""
    named = bytearray(len(art.text) + 1)
    for org in table.orgs:
        for s, e, _ in org.spans:
            named[s:e] = b"\x01" * (e - s)
    for m in found:
        if any(named[m.start:m.end]):
            continue
        known = len(table.orgs)
        idx = table.add(" ".join(art.text[m.start:m.end].split()), m.kind or "company", m.start, m.end, headed=False)
        if idx >= known:
            table.orgs[idx].stage = m.stage
        named[m.start:m.end] = b"\x01" * (m.end - m.start)


def _non_org_acronyms(art, table: orgtable.OrgTable) -> set[str]:
    """Acronyms defined after a phrase that is no organization: "(MoU)", "(ICT)", "(AI)"."""
    out = set()
    for m in _PAREN.finditer(art.view):
        inner = m.group(1).strip()
        if table.find(inner) is None:
            out.add(inner)
    return out
