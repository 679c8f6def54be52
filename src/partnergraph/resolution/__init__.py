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


def resolve_store(store: Store) -> None:
    """Rebuild entities, people and events from the stored mentions and user overrides."""
    from partnergraph.resolution.entities import resolve, resolve_people
    from partnergraph.resolution.events import dedup_events

    entities = resolve(store.iter_org_names(), store.overrides())
    cross, apart = cross_language(store, entities.key_to_entity)
    if cross or apart:
        entities = resolve(store.iter_org_names(), store.overrides(), cross, apart)
    people = resolve_people(store.iter_person_mentions(), entities.key_to_entity)
    events = dedup_events(store.iter_event_mentions(), entities.key_to_entity)
    store.write_resolution(entities, people, events)


def cross_language(store: Store, key_to_entity: dict[str, int]) -> tuple[list, list]:
    """Links (and pairs left apart) between Chinese and English names, as `entities.Link`s
    with rule "cross-language" (see `resolution.crosslang`)."""
    from partnergraph.resolution.crosslang import cross_links
    from partnergraph.resolution.entities import Link

    links, apart = cross_links(store.iter_org_names(), store.iter_event_mentions(), key_to_entity)
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
        resolve_store(store)
        return True
    return False
