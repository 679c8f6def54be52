"""The search indexes at ingest (issue 13): a batch's documents are indexed in one go when it
commits (not one FTS5 segment per document), a document undone at its savepoint leaves no
index entry, and the trigram index holds only documents with a CJK character. Texts
invented for these tests."""

from __future__ import annotations

import sqlite3

from partnergraph.ingest import ingest_extractions
from partnergraph.migrations import LATEST
from partnergraph.models import Extraction, Organization, Provenance
from partnergraph.query import search
from partnergraph.store import open_store

PROV = Provenance(backend="test", version="0")


def doc(i: int, text: str, **kw) -> Extraction:
    return Extraction(id=f"d{i}", text=text, provenance=PROV, **kw)


def indexed(store, table: str) -> int:
    """Documents an FTS5 table holds (its per-document size rows)."""
    return store.conn.execute(f"SELECT count(*) FROM {table}_docsize").fetchone()[0]


def consistent(store, table: str) -> None:
    """FTS5's check of the index against the documents it was given (raises when corrupt)."""
    store.conn.execute(f"INSERT INTO {table}({table}, rank) VALUES('integrity-check', 1)")


def test_a_batch_is_indexed_as_one_segment():
    docs = [doc(i, f"Kestrel Port and Lumio Labs {i} opened a joint lab 联合实验室{i}.") for i in range(60)]
    with open_store(":memory:") as s:
        ingest_extractions(s, docs, resolve=False, batch_size=200)
        for table in ("documents_words", "documents_fts"):
            # a savepoint per document made FTS5 write a segment per document (15 after merges)
            assert s.conn.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0] == 1
            assert indexed(s, table) == 60
        assert len(search(s, "joint lab", limit=100)) == 60


def test_a_document_undone_at_its_savepoint_leaves_no_index_entry():
    bad = doc(2, "Zorvexa Institute 独有词汇合作 signed nothing.",
              organizations=[Organization(name="Lone \udc80 surrogate")])  # refused after its text
    docs = [doc(i, f"Talvin College {i} 与 Orrin Group 签署合作协议 on robotics.") for i in (0, 1)] + [bad] + \
        [doc(i, f"Talvin College {i} 与 Orrin Group 签署合作协议 on robotics.") for i in (3, 4)]
    with open_store(":memory:") as s:
        report = ingest_extractions(s, docs, resolve=False)
        assert report.added == 4 and [f.source for f in report.failures] == ["d2"]
        assert search(s, "Zorvexa") == [] and search(s, "独有词汇") == []
        assert [h.doc_id for h in search(s, "签署合作协议", limit=10)] == ["d0", "d1", "d3", "d4"]
        for table in ("documents_words", "documents_fts"):
            consistent(s, table)
            assert indexed(s, table) == 4


def test_the_trigram_index_holds_only_documents_with_a_cjk_character():
    docs = [doc(0, "Harlow University and Venn Robotics signed a memorandum of understanding."),
            doc(1, "Harlow University signed with Venn Robotics.", title="哈洛大学与文恩机器人签约"),
            doc(2, "哈洛大学与文恩机器人签署合作备忘录。"),
            doc(3, "Venn Robotics opened an office; the report calls it ロボット研究所.")]
    with open_store(":memory:") as s:
        ingest_extractions(s, docs, resolve=False)
        assert indexed(s, "documents_fts") == 3 and indexed(s, "documents_words") == 4
        assert {h.doc_id for h in search(s, "文恩机器人")} == {"d1", "d2"}
        assert [h.doc_id for h in search(s, "ロボット")] == ["d3"]
        assert {h.doc_id for h in search(s, "Venn Robotics")} == {"d0", "d1", "d3"}
        # new versions: the English one gains Chinese text, the mixed one loses it
        ingest_extractions(s, [doc(0, "哈洛大学 and Venn Robotics signed a memorandum."),
                               doc(1, "Harlow University signed with Venn Robotics again.")], resolve=False)
        assert {h.doc_id for h in search(s, "哈洛大学")} == {"d0", "d2"}
        assert [h.doc_id for h in search(s, "文恩机器人")] == ["d2"]
        assert indexed(s, "documents_fts") == 3
        consistent(s, "documents_words")
        assert s.conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '\"Harlow\"'"
                              ).fetchone()[0] == 0


def test_upgrading_a_store_drops_documents_without_cjk_from_the_trigram_index(tmp_path):
    db = tmp_path / "kb.db"
    docs = [doc(0, "Harlow University and Venn Robotics signed a memorandum of understanding."),
            doc(1, "哈洛大学与文恩机器人签署合作备忘录。"),
            doc(2, "Ostrel Port met Venn Robotics.", title="奥斯特尔港")]
    with open_store(db) as s:
        ingest_extractions(s, docs, resolve=False)
        # the store as version 10 wrote it: every document in the trigram index
        s.conn.execute("INSERT INTO documents_fts(documents_fts) VALUES('rebuild')")
        s.conn.execute("PRAGMA user_version = 10")
        assert indexed(s, "documents_fts") == 3
        before = [[h.doc_id for h in search(s, q)] for q in ("文恩机器人", "奥斯特尔", "Venn")]
    with open_store(db) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert indexed(s, "documents_fts") == 2
        assert [[h.doc_id for h in search(s, q)] for q in ("文恩机器人", "奥斯特尔", "Venn")] == before
        ingest_extractions(s, [doc(0, "Harlow University and Venn Robotics renewed it.")], resolve=False)
        assert indexed(s, "documents_fts") == 2
    conn = sqlite3.connect(db)  # a plain connection (no partnergraph function) reads it
    assert conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '\"文恩机\"'"
                        ).fetchone()[0] == 1
    conn.close()
