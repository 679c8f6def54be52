"""Issue 13: entity, event and person ids are a function of what the store holds, not of the
order it was built in. A store grown batch by batch (incremental resolution) in one order, one
grown in another order and batching, and one built from scratch hold the same raw ids, the
same members under each id and the same links between ids. An id that resolution retires (two
entities merged) redirects to the one that took its place.

Records are written here (not extracted), with invented names.
"""

from __future__ import annotations

import gzip
import random
import sqlite3
from pathlib import Path

import pytest
from test_incremental_resolution import corrected, generated

from partnergraph.ingest import ingest_extractions
from partnergraph.models import Event, Extraction, Organization, Person, Provenance
from partnergraph.resolution import full_resolution, ids, incremental, resolve
from partnergraph.resolution.explain import merge
from partnergraph.store import open_store

PROV = Provenance(backend="test", version="0")
DATA = Path(__file__).parent / "data"


def raw(store) -> dict:
    """The derived tables as stored, ids and all; a document is named by its id (its row
    number in `documents` follows the order it came in)."""
    q = store.conn.execute
    doc = dict(q("SELECT doc_key, id FROM documents"))

    def rows(sql: str, doc_col: int | None = None) -> list:
        out = [list(r) for r in q(sql)]
        if doc_col is not None:
            for r in out:
                r[doc_col] = doc.get(r[doc_col])
        return sorted(map(tuple, out), key=repr)

    return {
        "entities": rows("SELECT * FROM entities"),
        "entity_names": rows("SELECT * FROM entity_names"),
        "entity_aliases": rows("SELECT * FROM entity_aliases"),
        "entity_links": rows("SELECT * FROM entity_links", 4),
        "entity_conflicts": rows("SELECT * FROM entity_conflicts", 3),
        "people": rows("SELECT * FROM people"),
        "person_keys": rows("SELECT * FROM person_keys"),
        "person_titles": rows("SELECT * FROM person_titles", 2),
        "events": rows("SELECT * FROM events"),
        "event_parties": rows("SELECT * FROM event_parties"),
        "event_sources": rows("SELECT * FROM event_sources", 1),
        "event_groups": rows("SELECT * FROM event_groups"),
        "partner_pairs": rows("SELECT * FROM partner_pairs"),
    }


@pytest.fixture
def always_incremental(monkeypatch):
    """Resolve incrementally however much of a small store changed."""
    monkeypatch.setattr(incremental, "FULL_RUN_SHARE", 1.0)


def grown(docs: list, seed: int) -> dict:
    """A store that took `docs` in a shuffled order, in batches of random sizes, each resolved
    incrementally after a first full run."""
    rnd = random.Random(seed)
    docs = docs[:]
    rnd.shuffle(docs)
    cuts = sorted(rnd.sample(range(1, len(docs)), 4)) + [len(docs)]
    with open_store(":memory:") as s:
        start = 0
        for cut in cuts:
            ingest_extractions(s, docs[start:cut])
            start = cut
        return raw(s)


def rebuilt(docs: list) -> dict:
    with open_store(":memory:") as s:
        ingest_extractions(s, docs)  # one batch: a full run
        return raw(s)


@pytest.mark.parametrize("seed", range(6))
def test_ids_do_not_depend_on_ingest_order(always_incremental, seed):
    docs = generated(40, seed)
    scratch = rebuilt(docs)
    assert scratch["entities"] and scratch["events"] and scratch["people"]
    assert grown(docs, seed) == scratch
    assert grown(docs, seed + 100) == scratch


def test_a_replaced_document_gives_the_ids_of_a_store_that_had_the_new_version(always_incremental):
    docs = generated(30, 11)
    changed = corrected(docs[4], 4)
    with open_store(":memory:") as s:
        ingest_extractions(s, docs[:10])
        ingest_extractions(s, docs[10:])
        assert ingest_extractions(s, [changed]).replaced == 1
        assert raw(s) == rebuilt(docs[:4] + [changed] + docs[5:])


@pytest.mark.parametrize("seed", range(4))
def test_colliding_ids_are_told_apart_whatever_the_order(always_incremental, monkeypatch, seed):
    """With 4 hash values, most entities, events and people share one with another: the
    rank among the sorted keys of a hash value tells them apart, as a rebuild ranks them."""
    monkeypatch.setattr(ids, "HASH_BITS", 2)
    docs = generated(40, seed)
    scratch = rebuilt(docs)
    assert len({i >> ids.RANK_BITS for (i, *_r) in scratch["entities"]}) <= 4
    assert grown(docs, seed) == scratch
    assert grown(docs, seed + 100) == scratch


def test_ids_fit_a_javascript_number():
    docs = generated(40, 3)
    scratch = rebuilt(docs)
    for table in ("entities", "events", "people"):
        assert all(0 < r[0] < 2 ** 53 for r in scratch[table])


def _doc(i: int, orgs: list[tuple[str, list[str]]], parties: tuple[str, str] | None = None,
         person: str | None = None) -> Extraction:
    return Extraction(
        id=f"m{i}", text=f"merging article {i}", published=f"2024-05-{i + 1:02d}",
        provenance=PROV,
        organizations=[Organization(name=n, aliases=a) for n, a in orgs],
        events=[Event(type="agreement", date=f"2024-05-{i + 1:02d}", parties=list(parties))]
        if parties else [],
        people=[Person(name=person, org=orgs[0][0])] if person else [])


MERGING = [
    _doc(0, [("Zerwick Polytechnic Institute", []), ("Lunde Shipyards", [])],
         ("Zerwick Polytechnic Institute", "Lunde Shipyards"), "Ilse Varga"),
    _doc(1, [("ZPI", []), ("Lunde Shipyards", [])], ("ZPI", "Lunde Shipyards"), "Ilse Varga"),
    # joins the acronym to the full name: two entities become one
    _doc(2, [("Zerwick Polytechnic Institute", ["ZPI"])]),
]


def test_a_merge_gives_the_rebuilds_id_and_the_old_one_redirects(always_incremental):
    with open_store(":memory:") as s:
        ingest_extractions(s, MERGING[:2])
        before = dict(s.conn.execute("SELECT key, entity_id FROM entity_names"))
        event_ids = {r[0] for r in s.conn.execute("SELECT id FROM events")}
        ingest_extractions(s, MERGING[2:])
        after = raw(s)
        assert after == rebuilt(MERGING)
        merged = s.entity_id_by_key("zpi")
        assert merged == s.entity_id_by_key("zerwick polytechnic institute")
        gone = {before["zpi"], before["zerwick polytechnic institute"]} - {merged}
        assert len(gone) == 1
        retired = gone.pop()
        assert s.entity(retired) is None
        assert s.moved_id("entity", retired) == merged
        assert s.moved_id("entity", merged) is None  # in use: no redirect
        # the two reports are one event now: a retired event id leads to it
        (event_id,) = {r[0] for r in s.conn.execute("SELECT id FROM events")}
        assert len(event_ids) == 2 and event_id in event_ids  # its earliest report's id
        (retired,) = event_ids - {event_id}
        assert s.moved_id("event", retired) == event_id
        assert s.moved_id("entity", 12345) is None


def test_a_user_merge_redirects_and_equals_a_rebuild_with_it(always_incremental):
    with open_store(":memory:") as s:
        ingest_extractions(s, MERGING[:2])
        old = s.entity_id_by_key("lunde shipyards")
        merge(s, "Lunde Shipyards", "ZPI")
        state = raw(s)
        new = s.entity_id_by_key("lunde shipyards")
        if new != old:
            assert s.moved_id("entity", old) == new
    with open_store(":memory:") as s:
        ingest_extractions(s, MERGING[:2], resolve=False)
        s.add_override("merge", "Lunde Shipyards", "ZPI")
        full_resolution(s)
        assert raw(s) == state


def test_a_store_written_at_schema_11_is_renumbered_in_place(always_incremental, tmp_path):
    """tests/data/store_v11.db.gz: the first two documents of MERGING, ingested by partnergraph
    at schema 11 (main 4ef48d8, before stable ids: ids 1, 2, 3 in the order resolution met
    them). Opened for writing it upgrades; its next resolution is a full one, which gives the
    ids a rebuild gives, and each old id redirects to its successor."""
    db = tmp_path / "old.db"
    db.write_bytes(gzip.decompress((DATA / "store_v11.db.gz").read_bytes()))
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 11
    old_entities = dict(conn.execute("SELECT key, entity_id FROM entity_names"))
    old_events = dict(conn.execute("SELECT doc_key, event_id FROM event_sources"))
    conn.close()
    assert sorted(set(old_entities.values())) == [1, 2, 3]
    with open_store(db) as s:
        assert s.is_stale() and not s.incremental_ready()
        assert resolve(s)
        assert raw(s) == rebuilt(MERGING[:2])
        for key, old in old_entities.items():
            assert s.moved_id("entity", old) == s.entity_id_by_key(key)
        for doc_key, old in old_events.items():
            (now,) = s.conn.execute("SELECT event_id FROM event_sources WHERE doc_key=?",
                                    (doc_key,)).fetchone()
            assert s.moved_id("event", old) == now
        ingest_extractions(s, MERGING[2:])  # incremental from here on
        assert s.incremental_ready()
        assert raw(s) == rebuilt(MERGING)


def test_the_web_app_sends_a_retired_id_to_its_successor(always_incremental, tmp_path):
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    from fastapi.testclient import TestClient

    from partnergraph.web import create_app

    db = tmp_path / "kb.db"
    with open_store(db) as s:
        ingest_extractions(s, MERGING[:2])
        before = dict(s.conn.execute("SELECT key, entity_id FROM entity_names"))
        old_events = {r[0] for r in s.conn.execute("SELECT id FROM events")}
        ingest_extractions(s, MERGING[2:])
        merged = s.entity_id_by_key("zpi")
        (event_id,) = {r[0] for r in s.conn.execute("SELECT id FROM events")}
    (old,) = {before["zpi"], before["zerwick polytechnic institute"]} - {merged}
    (old_event,) = old_events - {event_id}
    client = TestClient(create_app(str(db)), follow_redirects=False)
    for asked, sent in ((f"/org/{old}", f"/org/{merged}"),
                        (f"/org/{old}/explain", f"/org/{merged}/explain"),
                        (f"/api/orgs/{old}/partners?limit=5", f"/api/orgs/{merged}/partners?limit=5"),
                        (f"/graph?focus={old}", f"/graph?focus={merged}"),
                        (f"/api/events?org={old}&limit=3", f"/api/events?org={merged}&limit=3"),
                        (f"/event/{old_event}", f"/event/{event_id}"),
                        (f"/api/events/{old_event}", f"/api/events/{event_id}")):
        r = client.get(asked)
        assert (r.status_code, r.headers["location"]) == (307, sent), asked
        assert client.get(sent).status_code == 200, sent
    assert client.get(f"/api/orgs/{merged}").json()["org"]["id"] == merged
    assert client.get("/org/12345").status_code == 404


def test_a_redirect_changes_the_id_only_where_it_names_one():
    """An old store's ids were 1, 2, 3 ...: a retired 100 must not rewrite limit=100."""
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    from starlette.requests import Request

    from partnergraph.web.app import moved_url

    def url(path: str, query: bytes) -> str:
        return moved_url(Request({"type": "http", "path": path, "query_string": query,
                                  "headers": []}), 100, 7)

    assert url("/api/orgs/100/partners", b"limit=100") == "/api/orgs/7/partners?limit=100"
    assert url("/api/events", b"org=100&with=3&limit=100") == "/api/events?org=7&with=3&limit=100"
    assert url("/graph", b"focus=100") == "/graph?focus=7"
    assert url("/event/100", b"") == "/event/7"
