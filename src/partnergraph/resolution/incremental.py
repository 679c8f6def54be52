"""Stage 4 (resolution), incremental: re-resolve only the names, people and events that the
documents and overrides changed since the last run touch, with the same result as a full run.

Why it is exact. Every rule of `entities.resolve` and `crosslang.cross_links` joins or parts
names that are connected by a *link candidate*: two names of one mention (alias), a full name
and an acronym of its initials in one document, a Chinese and an English name that share a
blocking key and may align (`crosslang.may_align`), a Chinese name and its form without a
left-out place, a user merge. The connected components of that graph resolve independently
of one another, so re-running the pure rules on the components the change touches gives
what a full run gives there. They are fed what the rules read, kept in the store at ingest:
the links each document gives (`doc_links`, one row per link and document; a repeated link
is decided once), each name's spellings, kinds and documents counted by SQL, the first
document naming both names of a cross-language pair, and the same-day reports of its two
names (`event_keys`); never the rows of every document a name appears in. The one
rule that looks outside a component is the same-event evidence of cross-language links (the
other party of two reports must be one provisional organization): each name's provisional
group is stored (`name_index.prov`), and when a change moves a name to another group, the
components of the names reported with it in an event are re-resolved as well.

Events are grouped by (type, resolved parties) before clustering, so only the groups whose
parties changed or that gained or lost a report are re-clustered; people likewise by (name,
resolved organization). Entities, events and people take the ids a full run gives them
(`resolution.ids`: from their canonical keys, not from the order they were met), so a store
grown batch by batch and one built from scratch hold the same ids. An entity keeps its id while
it keeps its smallest name; a retired id (two entities merged, an event's reports regrouped) is
recorded with its successor (`id_redirects`), which the web app redirects to. Where documents
tie (the first report of a day, the article a link cites), they are ordered by id, not by the
row number ingest gave them.

`Stats` counts what one run re-resolved, so tests can hold the work to what changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from partnergraph.resolution import crosslang, ids
from partnergraph.resolution.names import name_key

if TYPE_CHECKING:
    from partnergraph.store import Store

# Above this share of the stored documents, one run over everything is cheaper than
# following components (a first ingest, a re-extraction with a new backend).
FULL_RUN_SHARE = 0.2

# The detail of a link standing for a group of documents' links (`group_links`): each
# document's own detail takes its place when the rows are written.
GROUP_DETAIL = "\x00link detail\x00"

# SQLite's page cache while an incremental run reads (KiB): what the run needs is its own
# pages; the store's 64 MB cache would fill with pages read once each (the documents of a name
# named in thousands: 68 MB of the 185 MB peak adding 100 documents to 100,000).
CACHE_KIB = 2048


@dataclass
class Stats:
    """What one incremental run looked at."""

    dirty_docs: int = 0
    new_names: int = 0
    names: int = 0            # names re-resolved (the components' sizes, summed)
    links_read: int = 0       # links between names re-decided (once, however many documents give one)
    rounds: int = 0           # re-resolutions (more than one when provisional groups moved)
    entities_written: int = 0
    events_written: int = 0
    event_reports: int = 0    # event mentions re-clustered
    people_written: int = 0
    touched: set[str] = field(default_factory=set)


def update(store: Store) -> Stats:
    """Bring the derived tables up to date with what changed since the last resolution, inside
    one transaction (the store's `dirty_*` tables say what changed)."""
    stats = Stats()
    with store.small_cache(CACHE_KIB), store.transaction():
        dirty_docs, dirty_keys = store.dirty()
        stats.dirty_docs = len(dirty_docs)
        doc_keys = store.keys_of_docs(dirty_docs)
        stats.new_names = _index_new_names(store, doc_keys)
        _index_docs(store, dirty_docs)
        closure = _expand(store, set(dirty_keys) | doc_keys)
        while True:
            stats.rounds += 1
            part = _resolve_part(store, closure)
            extra = (_moved_coparties(store, closure, part)
                     | _displaced_entities(store, closure, part)) - closure
            if not extra:
                break
            closure = _expand(store, closure | extra)
        old_entity = store.entities_of_keys(closure)
        stats.names, stats.links_read = len(closure), part.links_read
        stats.touched = closure
        changed_old, renamed = _write_entities(store, closure, part, old_entity, stats)
        pairs = _write_events(store, dirty_docs, changed_old, stats)
        _write_people(store, dirty_docs, changed_old, stats)
        store.refresh_partner_pairs(pairs, renamed)
        store.set_provs(part.provs, closure)
        store.clear_dirty()
        store.mark_resolved()
    return stats


# -- names -------------------------------------------------------------------------------
def _index_new_names(store: Store, keys: set[str]) -> int:
    """Index names never seen before: their blocking keys, and the cross-language candidates
    they make with names already indexed (each pair is found when its second name arrives)."""
    new = store.unindexed(keys)
    if not new:
        return 0
    blocks, edges = [], []
    for k in new:
        blocks.extend((b, k) for b in crosslang.zh_blocks(k) or crosslang.en_blocks(k))
    store.add_names(new, blocks)  # first, so two new names of one batch find each other
    for k in new:
        if crosslang.zh_blocks(k):
            others = store.keys_with_blocks(crosslang.zh_blocks(k))
            pairs = [(k, e) for e in sorted(others) if crosslang._is_en(e)]
        elif crosslang.en_blocks(k):
            others = store.keys_with_blocks(crosslang.en_blocks(k))
            pairs = [(z, k) for z in sorted(others) if crosslang._is_zh(z)]
        else:
            continue
        for z, e in pairs:
            a = crosslang.align(z, e) if crosslang.may_align(z, e) else None
            if a is not None:
                edges.extend(_edges_of(z, e, a))
    store.add_name_edges(edges)
    return len(new)


def _edges_of(z: str, e: str, a: crosslang.Alignment) -> list[tuple[str, str]]:
    out = [(z, e), (e, z)]
    place = crosslang.left_out_place(a)
    if place:
        out += [(z, z[len(place):]), (z[len(place):], z)]
    return out


def _event_keys(rows: list[tuple]) -> list[tuple]:
    """(name, type, day, other name, doc, idx) of two-party reports with a full date, both ways
    (what `crosslang._same_events` reads)."""
    out = []
    for doc_key, idx, type_, date, parties, *_rest in rows:
        if date and len(date) == 10 and len(parties) == 2:
            a, b = name_key(parties[0]), name_key(parties[1])
            out += [(a, type_, date, b, doc_key, idx), (b, type_, date, a, doc_key, idx)]
    return out


def _links_by_doc(rows: Iterable[tuple]) -> list:
    """`entities.document_links` of each document of `iter_org_names`-ordered rows."""
    from partnergraph.resolution.entities import document_links

    out: list = []
    doc_rows: list[tuple] = []
    for row in rows:
        if doc_rows and row[0] != doc_rows[0][0]:
            out += document_links(doc_rows[0][0], doc_rows)
            doc_rows = []
        doc_rows.append(row)
    if doc_rows:
        out += document_links(doc_rows[0][0], doc_rows)
    return out


def _index_docs(store: Store, doc_keys: list[int]) -> None:
    """Record the new documents' links (as link candidates too) and two-party reports."""
    links = _links_by_doc(store.org_rows(doc_keys))
    store.add_name_edges(sorted({e for k in links for e in ((k.a, k.b), (k.b, k.a))}))
    store.index_docs(links, _event_keys(store.event_rows_of_docs(doc_keys)), doc_keys)


def full_index(store: Store, keys: list[str], found: list, links: list | None = None) -> tuple:
    """A full run's `write_name_index` arguments besides the provisional groups (`links`: the
    documents' links, `_links_by_doc` of every stored name, when the caller has them)."""
    blocks = [(b, k) for k in keys for b in (crosslang.zh_blocks(k) or crosslang.en_blocks(k))]
    if links is None:
        links = _links_by_doc(store.iter_org_names())
    edges = {edge for z, e, a in found for edge in _edges_of(z, e, a)}
    edges |= {e for k in links for e in ((k.a, k.b), (k.b, k.a))}
    event_keys = _event_keys(list(store.iter_event_mentions()))
    return keys, blocks, sorted(edges), links, event_keys


def _expand(store: Store, seeds: set[str]) -> set[str]:
    """The union of the components of `seeds` in the link-candidate graph (plus the names
    each one's current entity holds, so a component that lost a link is seen whole)."""
    closure = set(seeds)
    frontier = set(seeds)
    while frontier:
        nxt = {b for _a, b in store.name_edges_of(frontier)}
        for a, b in store.merges_of(frontier):
            nxt.update((a, b))
        nxt |= store.entity_mates(frontier)
        frontier = nxt - closure
        closure |= frontier
    return closure


class _Totals:
    """`entities.KeyTotals` from the store, for the closure's names."""

    def __init__(self, store: Store, keys: set[str]) -> None:
        self._store = store
        self._surfaces, self._kinds = store.name_totals(keys)

    def __contains__(self, key: str) -> bool:
        return key in self._surfaces

    def keys(self):
        return sorted(self._surfaces)

    def surfaces(self, key: str):
        return self._surfaces[key]

    def kinds(self, key: str):
        return self._kinds[key]

    def n_docs(self, keys: list[str]) -> int:
        return self._store.n_docs_of(keys)


@dataclass
class _Part:
    links_read: int
    entities: list        # entities.Entity of the closure's names
    key_to_entity: dict[str, int]
    links: list
    conflicts: list
    provs: dict[str, str]
    groups: list[tuple[str, str, str]]  # what the links with a negative doc_key stand for


def group_links(groups: list[tuple[str, str, str]]) -> list:
    """One `entities.Link` for each (a, b, rule) of `groups`, standing for every document that
    gives it: `entities.resolve` decides a repeated link once, for all its documents alike, so
    a name given in thousands of documents is decided from one link, not thousands held in
    memory. The link's doc_key is -1 - its place in `groups` and its detail `GROUP_DETAIL`;
    `Store.replace_entities` writes what became of it once per document."""
    from partnergraph.resolution.entities import Link

    return [Link(a, b, rule, -1 - n, GROUP_DETAIL) for n, (a, b, rule) in enumerate(groups)]


def _resolve_part(store: Store, closure: set[str]) -> _Part:
    """`resolve_store`'s rules on the closure's names: fed the links documents give between
    them, and their counts over every document that uses them."""
    from partnergraph.resolution import cross_language_links
    from partnergraph.resolution.entities import resolve

    groups = store.link_groups(closure)
    links = group_links(groups)
    totals = _Totals(store, closure)
    overrides = store.overrides_of(closure)
    entities = resolve((), overrides, totals=totals, links=links)
    present = set(totals.keys())  # a closure name may have no document left
    zh = sorted(k for k in present if crosslang._is_zh(k))
    en = sorted(k for k in present if crosslang._is_en(k))
    found = crosslang.candidates(zh, en)
    pre = {k: v for k, v in entities.key_to_entity.items() if k in closure}
    provs = crosslang.provisional_labels(found, pre, present)
    if found:
        events = store.same_day_reports((z, e) for z, e, _a in found)
        # the other party of a report outside the closure: its stored provisional group,
        # as an id no entity of the closure has
        outside = {p for r in events for p in r[4]} - closure
        label_ids: dict[str, int] = {}
        k2e = dict(pre)
        for k, prov in sorted(store.provs(outside).items()):
            k2e[k] = label_ids.setdefault(prov, -1 - len(label_ids))
        # same-article evidence: the first document naming both, as `cross_links` reads it
        rows = [(d, 0, "name", k, k, "other")
                for (z, e), d in store.first_shared_docs((z, e) for z, e, _a in found).items()
                for k in (z, e)]
        doc_order = store.doc_ids({r[0] for r in rows} | {r[0] for r in events})
        cross, apart = cross_language_links(rows, events, k2e, found, doc_order)
        if cross or apart:
            entities = resolve((), overrides, cross, apart, totals=totals, links=links)
    mine = {entities.key_to_entity[k] for k in closure if k in entities.key_to_entity}
    return _Part(
        links_read=len(links), entities=[e for e in entities.entities if e.id in mine],
        key_to_entity={k: v for k, v in entities.key_to_entity.items() if k in closure},
        links=[k for k in entities.links if k.a in closure],
        conflicts=[k for k in entities.conflicts if k.a in closure or k.b in closure],
        provs=provs, groups=groups)


def _moved_coparties(store: Store, closure: set[str], part: _Part) -> set[str]:
    """Names reported in a two-party event with a closure name whose provisional group moved:
    their same-event evidence may have changed, so their components must be re-resolved."""
    old = store.provs(closure)
    moved = {k for k in closure if old.get(k) != part.provs.get(k)}
    # only a name with a cross-language candidate reported on the same day in an event of the
    # same type has such evidence to gain or lose
    return {me for me, x in store.coparties_with_same_day_candidate(moved)
            if (crosslang._is_zh(me) and crosslang._is_en(x))
            or (crosslang._is_en(me) and crosslang._is_zh(x))}


# -- writing -----------------------------------------------------------------------------
def _entity_ids(store: Store, closure: set[str], part: _Part) -> tuple[dict[int, int], dict]:
    """(the closure's entities' ids by local id, the entities outside the closure that share
    an id bucket with one of them: id -> the id they would take now)."""
    canons = ids.entity_canons(part.key_to_entity)
    old_ids = set(store.entities_of_keys(closure).values())
    outside = store.ids_in_buckets("entities", ids.buckets(canons.values())) - old_ids
    numbered = ids.number({("new", i): c for i, c in canons.items()}
                          | {("old", i): c for i, c in store.entity_canons(outside).items()})
    return ({i: numbered[("new", i)] for i in canons},
            {i: numbered[("old", i)] for i in outside})


def _displaced_entities(store: Store, closure: set[str], part: _Part) -> set[str]:
    """The names of entities outside the closure whose id a new entity moves (a key sorting
    before theirs in their id bucket): they must be written again under their new id."""
    _new, outside = _entity_ids(store, closure, part)
    moved = [i for i, now in outside.items() if now != i]
    return {k for ks in store.members_of(moved).values() for k in ks}


def _write_entities(store: Store, closure: set[str], part: _Part, old_entity: dict[str, int],
                    stats: Stats) -> tuple[set[int], set[int]]:
    """Replace the closure's entities under their ids (`resolution.ids`): an entity with its old
    id and exactly its old names is unchanged. Retired ids redirect to the entity holding
    their first name. Returns (old ids no longer standing for the same names, ids whose name
    or kind another table copies changed)."""
    old_ids = set(old_entity.values())
    old_members = store.members_of(old_ids)
    old_rows = {i: (name, kind) for i, name, kind in store.entity_names_kinds(old_ids)}
    local_to_global, _outside = _entity_ids(store, closure, part)
    key_to_entity = {k: local_to_global[v] for k, v in part.key_to_entity.items()}
    members: dict[int, set[str]] = {}
    for k, i in key_to_entity.items():
        members.setdefault(i, set()).add(k)
    kept: set[int] = set()
    renamed: set[int] = set()
    for e in part.entities:
        i = local_to_global[e.id]
        if old_members.get(i) == members[i]:
            kept.add(i)
            if old_rows.get(i) != (e.name, e.kind):
                renamed.add(i)
    store.replace_entities(old_ids, closure, part.entities, local_to_global, key_to_entity,
                           part.links, part.conflicts, part.groups)
    written = set(local_to_global.values())
    store.add_redirects("entity", ids.successors(old_members, key_to_entity, written), written)
    stats.entities_written = len(part.entities)
    return old_ids - kept, renamed | (old_ids - kept)


def _write_events(store: Store, dirty_docs: list[int], changed_old: set[int],
                  stats: Stats) -> set[tuple[int, int]]:
    """Re-cluster the (type, parties) groups that gained, lost or re-resolved a report;
    returns the party pairs of the events removed and written."""
    from partnergraph.resolution.events import dedup_events

    old_events = store.events_with_parties(changed_old) | store.events_with_sources(dirty_docs)
    rows = store.reports_of_events(old_events) + store.event_rows_of_docs(set(dirty_docs))
    rows = list({(r[0], r[1]): r for r in rows}.values())
    k2e = store.entities_of_keys({name_key(p) for r in rows for p in r[4]})

    def group(r) -> tuple[str, str]:
        ids = sorted({k2e[k] for k in map(name_key, r[4]) if k in k2e})
        return r[2], ",".join(map(str, ids))

    groups = {group(r) for r in rows}
    more = store.events_in_groups(groups) - old_events
    if more:
        old_events |= more
        extra = store.reports_of_events(more)
        k2e.update(store.entities_of_keys({name_key(p) for r in extra for p in r[4]} - set(k2e)))
        rows = list({(r[0], r[1]): r for r in rows + extra}.values())
    events = dedup_events(rows, k2e, doc_order=store.doc_ids({r[0] for r in rows}))
    old_reports = store.event_reports_by_event(old_events)
    moved = _number(store, "events", events, old_events,
                    ids.event_canons(events, store.doc_identities({r[0] for r in rows})),
                    store.event_canons)
    pairs = store.replace_events(old_events, events, moved)
    written = {e.id for e in events}
    store.add_redirects("event", moved | ids.successors(
        old_reports, {(d, i): e.id for e in events for d, i, _r in e.sources}, written), written)
    stats.events_written = len(events)
    stats.event_reports = len(rows)
    return pairs


def _write_people(store: Store, dirty_docs: list[int], changed_old: set[int],
                  stats: Stats) -> None:
    """Re-group the people whose organization changed or who gained or lost a mention."""
    from partnergraph.resolution.entities import resolve_people

    old_people = store.people_of_entities(changed_old) | store.people_of_docs(dirty_docs)
    old_rows = store.person_rows_of_people(old_people)
    new_rows = store.person_rows_of_docs(dirty_docs)
    orgs = {name_key(r[4]) for r in old_rows + new_rows if r[4]}
    k2e = store.entities_of_keys(orgs)

    def pkey(r) -> tuple:
        entity = k2e.get(name_key(r[4])) if r[4] else None
        return (name_key(r[2]), entity) if entity is not None else (name_key(r[2]), None, r[0])

    wanted = {pkey(r) for r in old_rows + new_rows}
    # people already standing for a wanted (name, organization) gain the new mentions
    same = (store.people_named_at({(p[0], p[1]) for p in wanted if p[1] is not None})
            | store.people_unattached({(p[0], p[2]) for p in wanted if p[1] is None})) - old_people
    old_people |= same
    more = store.person_rows_of_people(same)
    k2e.update(store.entities_of_keys({name_key(r[4]) for r in more if r[4]} - set(k2e)))
    rows = {(r[0], r[1]): r for r in old_rows + new_rows + more}
    mine = sorted(r for r in rows.values() if pkey(r) in wanted)
    people = resolve_people(mine, k2e)
    org_canon = {i: c[0] for i, c in store.entity_canons(
        {p.entity_id for p in people if p.entity_id is not None}).items()}
    docs = store.doc_identities({p.titles[0][1] for p in people if p.entity_id is None})
    moved = _number(store, "people", people, old_people,
                    ids.person_canons(people, docs, org_canon), store.person_canons)
    store.replace_people(old_people, people, moved)
    stats.people_written = len(people)


def _number(store: Store, table: str, records: list, replaced: set[int], canons: dict,
            canons_of) -> dict[int, int]:
    """Give the new events or people (`records`) their ids (`resolution.ids`), ranked with the
    others of their id buckets (`canons_of`: the stored ones' canonical keys, by id); returns
    the stored ones a new key moves in its bucket, old id -> new id."""
    outside = store.ids_in_buckets(table, ids.buckets(canons.values())) - replaced
    numbered = ids.number({("new", n): c for n, c in canons.items()}
                          | {("old", i): c for i, c in canons_of(outside).items()})
    for n in canons:
        records[n].id = numbered[("new", n)]
    return {i: numbered[("old", i)] for i in outside if numbered[("old", i)] != i}
