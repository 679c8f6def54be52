"""What ingest writes to disk (issue 13): the per-document savepoint journal is kept in memory
and the WAL is copied back in large steps while batches are written; resolution and everything
after run with SQLite's defaults again. Texts written for these tests."""

from __future__ import annotations

import importlib
from partnergraph.ingest import ingest_extractions
from partnergraph.models import Extraction, Provenance
from partnergraph.store import BULK_CHECKPOINT_PAGES, open_store

PROV = Provenance(backend="test", version="0")
ingest_module = importlib.import_module("partnergraph.ingest")


def settings(store):
    return (store.conn.execute("PRAGMA temp_store").fetchone()[0],
            store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])


def test_batches_journal_in_memory_and_checkpoint_in_large_steps(tmp_path, monkeypatch):
    seen = []
    store_one = ingest_module._store

    def spying(store, ex, source, near):
        seen.append(settings(store))
        return store_one(store, ex, source, near)

    monkeypatch.setattr(ingest_module, "_store", spying)
    docs = [Extraction(id=f"d{i}", text=f"Note {i}: Orvane University met Telmar Group on harbour robotics.",
                       provenance=PROV) for i in range(5)]
    # a document the database refuses (a lone surrogate) is still undone alone
    docs.insert(2, Extraction(id="bad", text="Lone \udc80 surrogate", provenance=PROV))
    with open_store(tmp_path / "kb.db") as s:
        before = settings(s)
        report = ingest_extractions(s, docs, batch_size=10)
        assert set(seen) == {(2, BULK_CHECKPOINT_PAGES)}  # 2: MEMORY
        assert settings(s) == before == (0, 1000)
        assert report.added == 5 and len(report.failures) == 1
        assert s.stats()["documents"] == 5
