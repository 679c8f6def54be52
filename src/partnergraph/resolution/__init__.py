"""Stage 4: resolution across documents — one entity per organization, one person per name
at an organization, one event per happening — each join explained and overridable.

The rules are pure functions over rows (`entities.resolve`, `entities.resolve_people`,
`events.dedup_events`); `resolve_store` is the one place that feeds them from a store and
writes their result back, in a single transaction.

Resolution is an explicit step taken by the commands that write: at the end of an ingest,
after a merge or split, and by `partnergraph resolve`. Reads never resolve: a query over a
store left behind (a killed ingest) answers from the last resolution and says it is stale
(`query.staleness`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from partnergraph.store import Store


def resolve_store(store: Store, *, full: bool = False):
    """Bring entities, people and events up to date with the stored mentions and the user's
    overrides: only what changed since the last run (`resolution.incremental`), or all of it
    with `full`, on a store whose name index is not built yet, or when most of the store
    changed. Returns the incremental run's `Stats`, None after a full run."""
    from partnergraph.resolution import incremental

    if (not full and store.incremental_ready()
            and store.dirty_share() <= incremental.FULL_RUN_SHARE):
        return incremental.update(store)
    full_resolution(store)
    return None


def full_resolution(store: Store) -> None:
    """Rebuild entities, people and events from every stored mention and override, and the
    name index incremental runs work from."""
    from partnergraph.resolution import crosslang, ids, incremental
    from partnergraph.resolution.entities import resolve, resolve_people
    from partnergraph.resolution.events import dedup_events

    # the documents' links, made once for both passes and the name index
    links = incremental._links_by_doc(store.iter_org_names())
    entities = resolve(store.iter_org_names(), store.overrides(), links=links)
    keys = store.all_name_keys()
    found = crosslang.candidates([k for k in keys if crosslang._is_zh(k)],
                                 [k for k in keys if crosslang._is_en(k)])
    provs = crosslang.provisional_labels(found, entities.key_to_entity, keys)
    doc_order = store.doc_ids()
    cross, apart = cross_language_links(store.iter_org_names(), store.iter_event_mentions(),
                                        entities.key_to_entity, found, doc_order)
    if cross or apart:
        entities = resolve(store.iter_org_names(), store.overrides(), cross, apart, links=links)
    org_canon = _number_entities(entities)
    people = resolve_people(store.iter_person_mentions(), entities.key_to_entity)
    events = dedup_events(store.iter_event_mentions(), entities.key_to_entity,
                          doc_order=doc_order)
    docs = store.doc_identities()
    _number(people, ids.person_canons(people, docs, org_canon))
    _number(events, ids.event_canons(events, docs))
    redirects = {
        "entity": ids.successors(store.entity_members(), entities.key_to_entity,
                                 {e.id for e in entities.entities}),
        "event": ids.successors(store.event_reports_by_event(),
                                {(d, i): e.id for e in events for d, i, _r in e.sources},
                                {e.id for e in events})}
    store.write_resolution(entities, people, events,
                           index=(provs, *incremental.full_index(store, keys, found, links)),
                           redirects=redirects)


def _number(records: list, canons: dict) -> None:
    """Give events or people (`records`, numbered by position) their ids (`resolution.ids`)."""
    from partnergraph.resolution import ids

    for n, i in ids.number(canons).items():
        records[n].id = i


def _number_entities(entities) -> dict[int, str]:
    """Give an `EntityResolution`'s entities their ids (`resolution.ids`), in place; returns
    each one's canonical key by id."""
    from partnergraph.resolution import ids

    canons = ids.entity_canons(entities.key_to_entity)
    new = ids.number(canons)
    for e in entities.entities:
        e.id = new[e.id]
    entities.key_to_entity = {k: new[v] for k, v in entities.key_to_entity.items()}
    return {new[i]: c[0] for i, c in canons.items()}


def cross_language_links(org_names, events, key_to_entity: dict[str, int],
                         found: list | None = None,
                         doc_order: dict[int, str] | None = None) -> tuple[list, list]:
    """Links (and pairs left apart) between Chinese and English names, as `entities.Link`s
    with rule "cross-language" (see `resolution.crosslang`)."""
    from partnergraph.resolution.crosslang import cross_links
    from partnergraph.resolution.entities import Link

    links, apart = cross_links(org_names, events, key_to_entity, found, doc_order)
    return ([Link(c.zh, c.en, "cross-language", c.doc_key, c.detail) for c in links],
            [Link(c.zh, c.en, "cross-language", c.doc_key, c.detail) for c in apart])


def ensure_resolved(store: Store) -> bool:
    """For writers: resolve when documents or overrides changed since the last run (e.g. a
    killed ingest); True when it ran.

    While another process is ingesting into the store, readers keep the last resolution:
    that ingest resolves when it finishes, and a reader resolving mid-run would hold the
    write lock for seconds between its batches, over and over.
    """
    if store.is_stale() and not store.ingest_running_elsewhere():
        resolve_store(store)
        return True
    return False


def resolve(store: Store, *, force: bool = False) -> bool:
    """The `resolve` command: bring the derived tables up to date (rebuild them all with
    `force`); True when resolution ran, False when the store was already current."""
    if force or store.is_stale():
        resolve_store(store, full=force)
        return True
    return False
