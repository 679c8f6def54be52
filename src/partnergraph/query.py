"""The read API of the knowledge base: questions across articles, answered as plain records.

`partners`, `events`, `org`, `people`, `search` and `stats` are what the CLI, the web app and
notebooks call; they take names as users write them ("HUST", "华中科技大学", "the Huazhong
University of Science and Technology") and resolve them through the same `name_key` the
store was built with. An unknown name is an error whose hint lists the closest known names.
Reads never write: they answer from the last resolution, and `staleness` says when an ingest
or an override has left it behind (`partnergraph resolve` brings it up to date).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field

from partnergraph.errors import ConfigError, MovedId, PartnergraphError
from partnergraph.evidence import Mark, Piece, pieces, quote
from partnergraph.models import EVENT_TYPES, ORG_KINDS
from partnergraph.resolution.names import name_key
from partnergraph.store import Store

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(slots=True)
class OrgRef:
    id: int
    name: str
    kind: str


@dataclass(slots=True)
class Partner:
    org: OrgRef
    events: int
    first: str | None
    last: str | None
    types: list[str]
    evidence: list[EventRow] = field(default_factory=list)  # shared events, when asked


@dataclass(slots=True)
class Source:
    doc_id: str
    url: str | None
    rule: str


@dataclass(slots=True)
class Quote:
    """The sentence an article reported an event in, with the evidence spans inside it."""
    doc_id: str
    title: str | None
    url: str | None
    published: str | None
    lang: str | None
    sentence: str
    start: int  # offset of the sentence in the article text
    marks: list[Mark]


@dataclass(slots=True)
class EventRow:
    id: int
    type: str
    date: str | None
    sort_date: str | None
    parties: list[str]
    location: str | None
    topics: list[str]
    entity: str | None
    sources: list[Source] = field(default_factory=list)
    party_ids: list[int] = field(default_factory=list)
    evidence: list[Quote] = field(default_factory=list)  # filled when asked (evidence=True)


@dataclass(slots=True)
class PersonRow:
    name: str
    titles: list[str]
    documents: int
    last_seen: str | None


@dataclass(slots=True)
class Alias:
    name: str
    documents: int
    examples: list[str]


@dataclass(slots=True)
class OrgProfile:
    org: OrgRef
    documents: int
    aliases: list[Alias]
    partners: list[Partner]
    timeline: list[EventRow]
    people: list[PersonRow]
    n_partners: int = 0
    n_events: int = 0


@dataclass(slots=True)
class SearchHit:
    doc_id: str
    title: str | None
    url: str | None
    published: str | None
    snippet: str


def as_json(value) -> object:
    """A query result (dataclass or list of them) as JSON-ready data."""
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    return value


def _check(since: str | None, until: str | None, type: str | None, kind: str | None = None) -> None:
    for label, d in (("--since", since), ("--until", until)):
        if d is not None and not _is_date(d):
            raise ConfigError(f"{label} {d!r} is not a date",
                              hint="write YYYY, YYYY-MM or YYYY-MM-DD (a real month and day), "
                                   "e.g. --since 2022 or --since 2021-03")
    if type is not None and type not in EVENT_TYPES:
        raise ConfigError(f"unknown event type {type!r}", hint=f"use one of: {', '.join(EVENT_TYPES)}")
    if kind is not None and kind not in ORG_KINDS:
        raise ConfigError(f"unknown organization kind {kind!r}",
                          hint=f"use one of: {', '.join(ORG_KINDS)}")


LANGS = ("en", "zh")


def _check_lang(lang: str | None) -> None:
    if lang is not None and lang not in LANGS:
        raise ConfigError(f"unknown language {lang!r}", hint=f"use one of: {', '.join(LANGS)}")


def _is_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day ("2021-13" is none)."""
    if not _DATE.match(value):
        return False
    from datetime import date

    y, m, d = (value.split("-") + ["01", "01"])[:3]
    try:
        date(int(y), int(m), int(d))
    except ValueError:
        return False
    return True


def _check_limit(limit: int | None) -> None:
    if limit is not None and limit < 1:
        raise ConfigError(f"--limit {limit} is not a number of results",
                          hint="give a positive number, e.g. --limit 20 (leave it out for the default)")


def find_org(store: Store, name: str | int) -> OrgRef:
    """The entity a user's name (or an entity id, as the web app links them) refers to, or an
    error naming the closest known ones."""
    if isinstance(name, int):
        row = store.entity(name)
        if row is None and (moved := store.moved_id("entity", name)) is not None:
            raise MovedId("entity", name, moved)
        if row is None:
            raise PartnergraphError(f"no organization with id {name} in {store.path}",
                                    hint="search by name (`partnergraph orgs`, `partnergraph search TEXT`)")
        return OrgRef(name, row[2], row[3])
    entity_id = store.entity_id_by_key(name_key(name))
    if entity_id is None:
        raise PartnergraphError(f"no organization called {name!r} in {store.path}",
                                hint=_closest_hint(store, name))
    _, _key, display, kind, _n = store.entity(entity_id)
    return OrgRef(entity_id, display, kind)


def _closest_hint(store: Store, name: str) -> str:
    from rapidfuzz import fuzz, process

    choices = store.entity_choices()
    if not choices:
        return "the knowledge base has no organizations yet: run `partnergraph ingest ARTICLES`"
    # WRatio 60: below it the "closest" names share a letter or two, not a word (a Latin
    # query against Chinese names scores 0; a one-letter typo scores over 90)
    best = process.extract(name, [c[0] for c in choices], scorer=fuzz.WRatio, limit=8,
                           processor=lambda s: s.casefold(), score_cutoff=60)
    names: list[str] = []
    for match, _score, _i in best:
        if match not in names:
            names.append(match)
    if not names:
        return ("no known name is close to it; `partnergraph search TEXT` looks in the articles, "
                "`partnergraph stats` shows what the knowledge base holds")
    return "closest names: " + ", ".join(repr(n) for n in names[:5]) + \
        " (or `partnergraph search TEXT` to look in the articles)"


def partners(store: Store, org: str | int, *, since: str | None = None, until: str | None = None,
             type: str | None = None, limit: int | None = None, offset: int = 0,
             evidence: int = 0) -> list[Partner]:
    """Who `org` cooperated with, by number of events, with the first and last date;
    `evidence`: with the latest that many shared events of each, quoted from their articles."""
    _check(since, until, type)
    _check_limit(limit)
    ref = find_org(store, org)
    rows = store.partners(ref.id, since, until, type, limit, offset)
    out = [Partner(OrgRef(pid, name, kind), n, first, last, types.split(","))
           for pid, name, kind, n, first, last, types in rows]
    for p in out if evidence else ():
        shared = store.events(ref.id, with_id=p.org.id, type=type, since=since, until=until,
                              limit=evidence, newest_first=True)[::-1]
        p.evidence = _event_rows(store, shared, evidence=True)
    return out


@dataclass(slots=True)
class OrgActivity:
    org: OrgRef
    partners: int
    events: int


def organizations(store: Store, *, kind: str | None = None, partner_kind: str | None = None,
                  type: str | None = None, since: str | None = None, until: str | None = None,
                  min_partners: int = 1, limit: int | None = None,
                  offset: int = 0) -> list[OrgActivity]:
    """Organizations ranked by how many distinct partners they have, e.g. the companies
    that signed with more than three universities this year:
    ``organizations(kind="company", partner_kind="university", type="agreement",
    since="2024", min_partners=4)``."""
    _check(since, until, type, kind)
    _check(None, None, None, partner_kind)
    _check_limit(limit)
    rows = store.organizations(kind=kind, partner_kind=partner_kind, type=type, since=since,
                               until=until, min_partners=min_partners, limit=limit,
                               offset=offset)
    return [OrgActivity(OrgRef(i, name, k), n_partners, n_events)
            for i, name, k, n_partners, n_events in rows]


def events(store: Store, *, org: str | int | None = None, with_org: str | int | None = None,
           type: str | None = None, since: str | None = None, until: str | None = None,
           topic: str | None = None, kind: str | None = None, lang: str | None = None,
           limit: int | None = None, offset: int = 0, evidence: bool = False) -> list[EventRow]:
    """Events, oldest first, filtered by party (`org`, and `with_org` for the events two
    organizations share: when did LGES and Huayou first meet), type, dates, topic and
    partner kind; `evidence`: with the sentence each article reported it in."""
    _check(since, until, type, kind)
    _check_lang(lang)
    _check_limit(limit)
    entity_id = find_org(store, org).id if org is not None else None
    with_id = find_org(store, with_org).id if with_org is not None else None
    rows = store.events(entity_id, type=type, since=since, until=until, topic=topic, kind=kind,
                        lang=lang, limit=limit, offset=offset, with_id=with_id)
    return _event_rows(store, rows, evidence=evidence)


def _event_rows(store: Store, rows: list[tuple], evidence: bool = False) -> list[EventRow]:
    ids = [r[0] for r in rows]
    parties = store.event_parties(ids)
    sources = store.event_sources(ids)
    out = [EventRow(i, t, d, sd, [n for _, n in parties[i]], loc, json.loads(topics), ent,
                    [Source(*s) for s in sources[i]], [p for p, _ in parties[i]])
           for i, t, d, sd, loc, topics, ent, _n in rows]
    if evidence:
        quotes = _quotes(store, ids)
        for row in out:
            row.evidence = quotes.get(row.id, [])
    return out


def _quotes(store: Store, event_ids: list[int]) -> dict[int, list[Quote]]:
    reports = store.event_reports(event_ids)
    texts = store.document_texts([r[1] for r in reports])
    out: dict[int, list[Quote]] = {}
    for ev, doc_key, _idx, _rule, doc_id, title, url, published, lang, spans in reports:
        sentence, start, marks = quote(texts[doc_key], [tuple(x) for x in json.loads(spans)])
        out.setdefault(ev, []).append(Quote(doc_id, title, url, published, lang, sentence,
                                            start, marks))
    return out


@dataclass(slots=True)
class Report:
    """One article's report of an event: its text cut into pieces at every extracted item."""
    doc_id: str
    title: str | None
    url: str | None
    published: str | None
    lang: str | None
    rule: str
    pieces: list[Piece]


@dataclass(slots=True)
class EventDetail:
    event: EventRow
    parties: list[OrgRef]
    reports: list[Report]


def event(store: Store, event_id: int) -> EventDetail:
    """One event with the full text of every article that reports it, marked at the event's
    evidence (trigger, parties, date, place, topics) and at the people the article names."""
    row = store.event_row(event_id)
    if row is None and (moved := store.moved_id("event", event_id)) is not None:
        raise MovedId("event", event_id, moved)
    if row is None:
        raise PartnergraphError(f"no event {event_id} in {store.path}",
                                hint="event ids are listed by `partnergraph events --json`")
    detail = _event_rows(store, [row])[0]
    parties = [OrgRef(i, *store.entity(i)[2:4]) for i in detail.party_ids]
    reports = store.event_reports([event_id])
    texts = store.document_texts([r[1] for r in reports])
    out = []
    for _ev, doc_key, _idx, rule, doc_id, title, url, published, lang, spans in reports:
        marks = [(a, b, f or "evidence", "event") for a, b, f in json.loads(spans)]
        for _name, _title, _org, person_spans in store.document_people(doc_key):
            marks += [(a, b, "person" if f == "name" else f"person-{f}", "person")
                      for a, b, f in json.loads(person_spans)]
        out.append(Report(doc_id, title, url, published, lang, rule,
                          pieces(texts[doc_key], marks)))
    return EventDetail(detail, parties, out)


def people(store: Store, org: str | int, *, limit: int | None = None) -> list[PersonRow]:
    """The people articles name at `org`, with every title they were given."""
    ref = find_org(store, org)
    return [PersonRow(name, sorted(titles.split(",")) if titles else [], n, last)
            for _pid, name, titles, n, last in store.people(ref.id, limit)]


def org(store: Store, name: str | int, *, limit: int = 100) -> OrgProfile:
    """A profile: aliases with their support, kind, partners, timeline, people and titles.

    Partners, timeline events and people are capped at `limit` each (the most active
    partners, the latest events, the most documented people); `n_partners` and `n_events`
    give the totals.
    """
    ref = find_org(store, name)
    _, _key, _display, _kind, n_docs = store.entity(ref.id)
    aliases = [Alias(a, n, store.docs_for_key(k, limit=3)) for a, k, n in store.aliases(ref.id)]
    latest = store.events(ref.id, limit=limit, newest_first=True)[::-1]
    return OrgProfile(
        org=ref, documents=n_docs, aliases=aliases,
        partners=partners(store, name, limit=limit),
        timeline=_event_rows(store, latest),
        people=people(store, name, limit=limit),
        n_partners=store.n_partners(ref.id),
        n_events=store.n_events(ref.id),
    )


def search(store: Store, text: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
    """Articles matching `text`, best first, each with the sentence that matches marked
    (see `partnergraph.fulltext`: whole words and `prefix*` in English, substrings in Chinese)."""
    from partnergraph.fulltext import parse, snippet

    query = parse(text)
    if query is None:
        raise ConfigError("empty search text", hint="give a word or phrase to look for")
    _check_limit(limit)
    rows = (store.search_substring(query.substring, limit, offset) if query.substring is not None
            else store.search_words(query.fts(), limit, offset))
    return [SearchHit(doc_id, title, url, published, snippet(body, query))
            for doc_id, title, url, published, body in rows]


def stats(store: Store) -> dict[str, int]:
    """How many documents, sources, organizations, people and events the store holds."""
    return store.stats()


def staleness(store: Store) -> str | None:
    """None when the derived tables (organizations, people, events) are up to date, else a
    sentence saying why reads may be behind and what brings them up to date."""
    if not store.is_stale():
        return None
    n = store.changes_since_resolved()
    what = f"{n} change{'s' if n != 1 else ''}"
    if store.ingest_running_elsewhere():
        return (f"an ingest is running into {store.path}: results show the last resolution "
                f"({what} behind); the ingest resolves when it finishes")
    return (f"the knowledge base at {store.path} changed since it was last resolved ({what}: "
            f"an interrupted ingest or an upgrade); results may be out of date: "
            f"run `partnergraph resolve --db {store.path}`")


@dataclass(slots=True)
class Suggestion:
    org: OrgRef
    match: str  # the name or alias that matched what was typed
    documents: int


def suggest(store: Store, text: str, *, limit: int = 10) -> list[Suggestion]:
    """Organizations whose name or alias (in any language) starts with or contains `text`,
    names starting with it first, then the most documented."""
    text = text.strip()
    if not text:
        return []
    rows = store.suggest(text.casefold(), limit)
    return [Suggestion(OrgRef(i, name, kind), alias, n) for i, name, kind, alias, n in rows]


@dataclass(slots=True)
class PersonMatch:
    name: str
    titles: list[str]
    documents: int
    org: OrgRef | None


def find_people(store: Store, text: str, *, limit: int = 20, offset: int = 0) -> list[PersonMatch]:
    """People whose name contains `text`, with their organization and titles."""
    text = text.strip()
    if not text:
        raise ConfigError("empty name", hint="give part of a person's name")
    return [PersonMatch(name, sorted(titles.split(",")) if titles else [], n,
                        OrgRef(oid, oname, okind) if oid is not None else None)
            for _pid, name, titles, n, oid, oname, okind in store.people_named(text.casefold(), limit, offset)]


@dataclass(slots=True)
class GraphNode:
    id: int
    name: str
    kind: str
    events: int  # events in the shown graph
    partners: int


@dataclass(slots=True)
class GraphEdge:
    source: int
    target: int
    weight: int
    types: dict[str, int]  # events per type
    main_type: str
    first: str | None
    last: str | None
    event_ids: list[int]
    doc_ids: list[str]


@dataclass(slots=True)
class Graph:
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    total_nodes: int  # before `limit`
    total_edges: int


def graph(store: Store, *, since: str | None = None, until: str | None = None,
          type: str | None = None, lang: str | None = None, kind: str | None = None,
          focus: int | None = None, limit: int = 100) -> Graph:
    """The partnership graph of the events that pass the filters: organizations (the `limit`
    with most events, or `focus` and its partners) and one edge per partner pair, with the
    ids of its events and of the articles that report them."""
    _check(since, until, type, kind)
    _check_lang(lang)
    if focus is not None:
        find_org(store, focus)
    pairs = store.graph_pairs(since=since, until=until, type=type, lang=lang, with_id=focus)
    if kind:
        kinds = store.entities_by_id({x for row in pairs for x in row[:2]})
        pairs = [r for r in pairs if kinds[r[0]][1] == kind or kinds[r[1]][1] == kind]
    degree: dict[int, int] = {}
    partners_of: dict[int, int] = {}
    for a, b, n, *_ in pairs:
        degree[a] = degree.get(a, 0) + n
        degree[b] = degree.get(b, 0) + n
        partners_of[a] = partners_of.get(a, 0) + 1
        partners_of[b] = partners_of.get(b, 0) + 1
    if focus is not None:
        near = {focus} | {b if a == focus else a for a, b, *_ in pairs if focus in (a, b)}
        ranked = sorted(near, key=lambda x: (x != focus, -degree.get(x, 0), x))
    else:
        ranked = sorted(degree, key=lambda x: (-degree[x], x))
    shown = set(ranked[:limit])
    entities = store.entities_by_id(shown)
    nodes = [GraphNode(x, entities[x][0], entities[x][1], degree.get(x, 0), partners_of.get(x, 0))
             for x in ranked[:limit] if x in entities]
    kept = [r for r in pairs if r[0] in shown and r[1] in shown]
    event_ids = {r[0:2]: [int(i) for i in r[5].split(",")] for r in kept}
    docs = store.event_doc_ids([i for ids in event_ids.values() for i in ids])
    edges = []
    for a, b, n, first, last, _ids, *per_type in kept:
        types = {t: c for t, c in zip(EVENT_TYPES, per_type) if c}
        ev = event_ids[(a, b)]
        edges.append(GraphEdge(a, b, n, types, max(types, key=lambda t: (types[t], -EVENT_TYPES.index(t))),
                               first, last, ev, sorted({d for i in ev for d in docs.get(i, ())})))
    return Graph(nodes, edges, len(degree), len(pairs))


@dataclass(slots=True)
class AliasExplanation:
    name: str
    documents: int
    steps: list[str]


def explain_org(store: Store, org: str | int, *, limit: int = 50) -> list[AliasExplanation]:
    """Why each name of an organization is that organization (the `why` chain from its main
    name), its most documented names first."""
    from partnergraph.resolution.explain import why

    ref = find_org(store, org)
    out = []
    for alias, _key, n in store.aliases(ref.id)[:limit]:
        if alias == ref.name:
            out.insert(0, AliasExplanation(alias, n, ["the name shown for this organization"]))
            continue
        out.append(AliasExplanation(alias, n, why(store, ref.name, alias).steps))
    return out
