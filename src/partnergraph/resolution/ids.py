"""Ids of entities, events and people that follow from what they are, not from the order the
store was built in (issue 13): users link to /org/ID and /event/ID, and exports carry ids, so
a store grown batch by batch and one rebuilt from scratch must number everything alike.

Each thing has a canonical key, a string that only it holds among the live things of its table:
- an entity: its smallest name key (a name belongs to one entity);
- an event: its type and its earliest report (publication date, the document's content hash,
  the report's place in it): a report belongs to one event, and later reports seldom move it;
- a person: the name key and the canonical key of the organization, or, for a person no
  organization holds, the name key and the one document naming them.

The id is `bucket << RANK_BITS | rank`: the bucket a hash of the canonical key in
1 .. 2**HASH_BITS - 1, the rank its place in sorted order among the live keys that share the
bucket. Two keys sharing a bucket (about n**2 / 2**46 of n keys) are so told apart the same way
whichever came first; a later key that sorts before an earlier one moves it to the next rank, as
a rebuild would number it (`resolution.incremental` renumbers it then). Ids stay below 2**53, so
JavaScript reads them exactly, and above 2**RANK_BITS, so no id of the numbering before them
(1, 2, 3 ...) is taken for one of these.

A document's own row number (`doc_key`) still follows ingest order; the keys name documents by
content hash and id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from hashlib import blake2b
from typing import TypeVar

HASH_BITS = 45
RANK_BITS = 8

T = TypeVar("T")

# a canonical key: the part hashed, and a tie-break for two equal hashed parts (two stored
# documents with one content, the replaced version of one and another)
Canon = tuple[str, str]


def bucket(hashed: str) -> int:
    digest = blake2b(hashed.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return 1 + int.from_bytes(digest, "big") % ((1 << HASH_BITS) - 1)


def bucket_of(id_: int) -> int:
    return id_ >> RANK_BITS


def bucket_bounds(b: int) -> tuple[int, int]:
    """The smallest and largest id of bucket `b`."""
    return b << RANK_BITS, ((b + 1) << RANK_BITS) - 1


def number(canons: Mapping[T, Canon]) -> dict[T, int]:
    """The id of each thing, given the canonical keys of every live thing of its buckets."""
    by_bucket: dict[int, list[tuple[Canon, T]]] = defaultdict(list)
    for thing, canon in canons.items():
        by_bucket[bucket(canon[0])].append((canon, thing))
    out: dict[T, int] = {}
    for b, members in by_bucket.items():
        if len(members) > 1 << RANK_BITS:
            raise ValueError(f"{len(members)} keys share id bucket {b}")
        members.sort(key=lambda m: m[0])
        for rank, (_canon, thing) in enumerate(members):
            out[thing] = b << RANK_BITS | rank
    return out


def buckets(canons: Iterable[Canon]) -> set[int]:
    return {bucket(c[0]) for c in canons}


# -- canonical keys -------------------------------------------------------------------------
def entity_canon(members: Iterable[str]) -> Canon:
    return (min(members), "")


def report_key(published: str | None, content_hash: str, idx: int) -> str:
    """A report by its document's publication date (undated last), content and place."""
    return f"{published or '~'}\x1f{content_hash}\x1f{idx}"


def event_canon(type_: str, reports: Iterable[tuple[str, str]]) -> Canon:
    """`reports`: (report_key, document id) of the event's reports."""
    key, doc_id = min(reports)
    return (f"{type_}\x1f{key}", doc_id)


def person_canon(name_key: str, org_canon: str | None, doc: tuple[str, str] | None) -> Canon:
    """A person at an organization (its canonical key), or named alone in document `doc`
    (report_key without a place, document id)."""
    if org_canon is not None:
        return (f"{name_key}\x1f{org_canon}", "")
    assert doc is not None
    return (f"{name_key}\x1f\x1f{doc[0]}", doc[1])


# -- the records resolution makes -----------------------------------------------------------
Docs = Mapping[int, tuple[str, str | None, str]]  # doc_key -> (id, published, content_hash)


def entity_canons(key_to_entity: Mapping[str, int]) -> dict[int, Canon]:
    members: dict[int, list[str]] = defaultdict(list)
    for key, entity in key_to_entity.items():
        members[entity].append(key)
    return {entity: entity_canon(keys) for entity, keys in members.items()}


def event_canons(events: list, docs: Docs) -> dict[int, Canon]:
    """Position in `events` (`events.EventRecord`) -> canonical key."""
    return {n: event_canon(e.type, [(report_key(docs[d][1], docs[d][2], i), docs[d][0])
                                    for d, i, _rule in e.sources])
            for n, e in enumerate(events)}


def person_canons(people: list, docs: Docs, org_canon: Mapping[int, str]) -> dict[int, Canon]:
    """Position in `people` (`entities.PersonRecord`) -> canonical key; `org_canon`: entity id
    -> its canonical key."""
    from partnergraph.resolution.names import name_key

    out = {}
    for n, p in enumerate(people):
        if p.entity_id is not None:
            out[n] = person_canon(name_key(p.name), org_canon[p.entity_id], None)
        else:
            doc_id, published, content_hash = docs[p.titles[0][1]]
            out[n] = person_canon(name_key(p.name), None,
                                  (report_key(published, content_hash, -1), doc_id))
    return out


def successors(old: Mapping[int, Iterable[T]], holder: Mapping[T, int], live: set[int]
               ) -> dict[int, int]:
    """Retired id -> the id now holding the first of what it held (its names, its reports),
    for each old id no longer in use whose things live on somewhere."""
    out = {}
    for old_id, parts in old.items():
        if old_id in live:
            continue
        now = next((holder[p] for p in sorted(parts) if p in holder), None)
        if now is not None:
            out[old_id] = now
    return out
