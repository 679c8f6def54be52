"""The organization name index and the content hash index in levels (issue 13, disk written
per document): merged from level to level they give every lookup resolution, ingest and the
queries make the answer one plain index gives (the SQL before the levels, kept here as the
reference), hold each row in exactly one level, lose the rows of replaced and deleted
documents, and a store from before the levels (tests/data/store_v12.db.gz) is upgraded in
place. Records written here with invented names (tests/test_incremental_resolution.py)."""

from __future__ import annotations

import gzip
import sqlite3
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import pytest
from test_incremental_resolution import corrected, generated
from test_stable_ids import raw, rebuilt

import partnergraph.store as store_module
from partnergraph.ingest import ingest_extractions
from partnergraph.models import Extraction, Organization, Provenance
from partnergraph.resolution import incremental
from partnergraph.store import INDEX_LEVELS, open_store

DATA = Path(__file__).parent / "data"
PROV = Provenance(backend="test", version="0")


@pytest.fixture
def always_incremental(monkeypatch):
    monkeypatch.setattr(incremental, "FULL_RUN_SHARE", 1.0)


@pytest.fixture
def small_levels(monkeypatch):
    """Levels of 6, 12, 24 ... rows: a few batches of the corpora here reach the last one."""
    monkeypatch.setattr(store_module, "INDEX_LEVEL0_ROWS", 6)
    monkeypatch.setattr(store_module, "INDEX_GROWTH", 2)


def level_rows(s, table: str) -> list[tuple[int, tuple]]:
    return [(level, r) for level in range(INDEX_LEVELS)
            for r in s.conn.execute(f"SELECT * FROM {table}_{level}")]


# -- the reads as one plain index answered them (main before the levels) -------------------
def plain_name_totals(s, keys):
    surfaces: dict = defaultdict(Counter)
    kinds: dict = defaultdict(Counter)
    marks = ",".join("?" * len(keys))
    for key, name, n in s.conn.execute(
            "SELECT key, name, COUNT(*) FROM (SELECT key, name, MIN(idx * 4294967296 + rowid)"
            f" FROM org_names WHERE key IN ({marks}) GROUP BY key, doc_key) GROUP BY key, name",
            keys):
        surfaces[key][name] = n
    for key, kind, n in s.conn.execute(
            "SELECT n.key, m.kind, SUM(n.role='name') FROM org_names n JOIN org_mentions m"
            f" ON m.doc_key=n.doc_key AND m.idx=n.idx WHERE n.key IN ({marks})"
            " GROUP BY n.key, m.kind", keys):
        kinds[key][kind] = n
    return surfaces, kinds


def plain_first_shared(s, a, b):
    row = s.conn.execute(
        "SELECT d.doc_key FROM org_names x JOIN org_names y ON y.key=?"
        " AND y.doc_key=x.doc_key JOIN documents d ON d.doc_key=x.doc_key WHERE x.key=?"
        " ORDER BY d.id, d.doc_key LIMIT 1", (b, a)).fetchone()
    return row[0] if row else None


def check_index(s) -> None:
    """Every row in one level, and every read through the levels as through one index."""
    q = s.conn.execute
    names = sorted(set(q("SELECT key, doc_key FROM org_names")))
    hashes = sorted((h[:16], d) for d, h in q("SELECT doc_key, content_hash FROM documents"))
    assert sorted(r for _, r in level_rows(s, "org_keys")) == names
    assert sorted(r for _, r in level_rows(s, "doc_hashes")) == hashes
    keys = sorted({k for k, _ in names})
    assert keys and s.all_name_keys() == keys
    for k in keys + ["no such name"]:
        docs = {d for (d,) in q("SELECT doc_key FROM org_names WHERE key=?", (k,))}
        assert s.docs_with_keys([k]) == docs
        assert s.n_docs_of([k]) == len(docs)
        assert s.docs_for_key(k, 2) == [r[0] for r in q(
            "SELECT d.id FROM (SELECT DISTINCT doc_key FROM org_names WHERE key=?"
            " ORDER BY doc_key LIMIT 2) n JOIN documents d ON d.doc_key=n.doc_key", (k,))]
    assert s.docs_with_keys(keys) == {d for _, d in names}
    assert s.n_docs_of(keys[::2]) == len({d for k, d in names if k in set(keys[::2])})
    assert s.name_totals(keys) == plain_name_totals(s, keys)
    pairs = list(combinations(keys, 2))
    want = {(a, b): plain_first_shared(s, a, b) for a, b in pairs}
    assert s.first_shared_docs(pairs) == {p: d for p, d in want.items() if d is not None}
    assert any(d is not None for d in want.values())
    for (h,) in q("SELECT DISTINCT content_hash FROM documents"):
        assert s.doc_key_by_hash(h) == q(
            "SELECT MIN(doc_key) FROM documents WHERE content_hash=?", (h,)).fetchone()[0]
        assert s.doc_key_by_hash(h[:16] + "0" * (len(h) - 16)) is None  # same prefix only
    assert s.doc_key_by_hash("f" * 64) is None


def test_levels_answer_as_one_index_across_merges(small_levels):
    docs = generated(60, 3)
    with open_store(":memory:") as s:
        ingest_extractions(s, docs[:25], batch_size=4, resolve=False)
        check_index(s)
        ingest_extractions(s, docs[25:], batch_size=4, resolve=False)
        used = {level for level, _ in level_rows(s, "org_keys")}
        assert INDEX_LEVELS - 1 in used and len(used) >= 3  # merged down to the last level
        assert len({level for level, _ in level_rows(s, "doc_hashes")}) >= 3
        for table in ("org_keys", "doc_hashes"):  # a commit leaves no level over its size
            for level in range(INDEX_LEVELS - 1):
                assert sum(lv == level for lv, _ in level_rows(s, table)) <= 6 * 2 ** level
        check_index(s)


def test_a_replaced_or_deleted_document_leaves_no_index_rows(small_levels):
    docs = generated(40, 8)
    with open_store(":memory:") as s:
        ingest_extractions(s, docs, batch_size=5, resolve=False)
        old = s.lookup_source(docs[6].id)
        assert s.doc_key_by_hash(old[1]) == old[0]
        assert ingest_extractions(s, [corrected(docs[6], 6)], resolve=False).replaced == 1
        assert s.doc_key_by_hash(old[1]) is None
        with s.transaction():
            for d in (docs[0], docs[17], docs[33]):
                s.delete_document(s.lookup_source(d.id)[0])
        check_index(s)


def test_the_same_text_twice_is_one_document_whichever_level_holds_it(small_levels):
    docs = generated(30, 4)
    with open_store(":memory:") as s:
        ingest_extractions(s, docs, batch_size=3, resolve=False)
        first = s.lookup_source(docs[0].id)[0]
        assert 0 not in {lv for lv, (_h, d) in level_rows(s, "doc_hashes") if d == first}
        copy = docs[0].model_copy(update={"id": "copy-of-doc0"})
        report = ingest_extractions(s, [copy], resolve=False)
        assert report.copies == 1 and s.lookup_source("copy-of-doc0")[0] == first


def test_resolution_over_small_levels_equals_a_rebuild(always_incremental, small_levels):
    docs = generated(40, 9)
    changed = corrected(docs[12], 12)
    with open_store(":memory:") as s:
        for start in range(0, 40, 8):
            ingest_extractions(s, docs[start:start + 8], batch_size=3)
        assert ingest_extractions(s, [changed]).replaced == 1
        assert raw(s) == rebuilt(docs[:12] + [changed] + docs[13:])


# the b-trees of the name and hash indexes, in levels and (main before them) plain
INDEXES = ("org_keys", "doc_hashes", "org_names_key", "documents_hash")


def test_batch_writes_to_the_indexes_do_not_grow_with_the_store(tmp_path):
    """The pages one batch's commit writes to the WAL for the name and hash indexes: with one
    plain index on random keys they grew with the store (every page of it, once it held a few
    batches); in levels they stay near level 0's size."""
    def batch(start: int, n: int) -> list[Extraction]:
        return [Extraction(id=f"b{i}", text=f"short text {i}", provenance=PROV,
                           organizations=[Organization(name=f"Organization Number {i * 7919 % 100003}"),
                                          Organization(name=f"Institute {i * 104729 % 99991}")])
                for i in range(start, start + n)]

    db = tmp_path / "kb.db"
    frames = {}
    with open_store(db) as s:
        done = 0
        for size in (400, 4000):
            ingest_extractions(s, batch(done, size - done), batch_size=200, resolve=False)
            s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            # three batches: a merge falls in some of them (its cost is spread over the others)
            ingest_extractions(s, batch(size, 600), batch_size=200, resolve=False)
            done = size + 600
            wal = Path(str(db) + "-wal").read_bytes()
            page = int.from_bytes(wal[8:12], "big")
            pages = [int.from_bytes(wal[o:o + 4], "big")
                     for o in range(32, len(wal) - page, 24 + page)]
            owner = dict((p, n) for n, p in s.conn.execute("SELECT name, pageno FROM dbstat"))
            frames[size] = sum(1 for p in pages if owner.get(p, "").startswith(INDEXES))
    assert frames[400] > 0
    # one plain index each: 93 frames at 400 documents, 469 at 4,000; in levels 59 and 78
    assert frames[4000] <= 1.5 * frames[400], frames


def test_a_store_written_at_schema_12_gets_its_index_levels(always_incremental, tmp_path):
    """tests/data/store_v12.db.gz: documents 0-29 of `generated(40, 5)`, ingested and resolved
    by partnergraph at schema 12 (main b89b82f) in two batches, then document 4 replaced by
    `corrected(docs[4], 4)` and an exact copy of document 7 stored as "copy7". Opened for
    writing it upgrades: every row goes to the last level, the plain indexes are gone, reads
    answer as before, and it grows on incrementally to what a rebuild holds."""
    db = tmp_path / "old.db"
    db.write_bytes(gzip.decompress((DATA / "store_v12.db.gz").read_bytes()))
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 12
    old_indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"org_names_key", "documents_hash"} <= old_indexes
    conn.close()
    docs = generated(40, 5)
    final = docs[:4] + [corrected(docs[4], 4)] + docs[5:]
    with open_store(db) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == 13
        assert not s.is_stale()
        indexes = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert not indexes & {"org_names_key", "documents_hash"}
        for table in ("org_keys", "doc_hashes"):
            assert {level for level, _ in level_rows(s, table)} == {INDEX_LEVELS - 1}
        check_index(s)
        assert raw(s) == rebuilt(final[:30])
        copy = docs[9].model_copy(update={"id": "copy9"})
        assert ingest_extractions(s, [copy]).copies == 1
        assert ingest_extractions(s, docs[30:]).added == 10
        assert s.incremental_ready() and not s.is_stale()
        check_index(s)
        assert raw(s) == rebuilt(final)


def test_the_migration_runs_again_over_its_own_result(tmp_path):
    db = tmp_path / "kb.db"
    with open_store(db) as s:
        ingest_extractions(s, generated(20, 2), resolve=False)
        before = {t: sorted(r for _, r in level_rows(s, t)) for t in ("org_keys", "doc_hashes")}
        s.conn.execute("PRAGMA user_version = 12")
    with open_store(db) as s:
        assert {t: sorted(r for _, r in level_rows(s, t)) for t in ("org_keys", "doc_hashes")} == before
        check_index(s)
