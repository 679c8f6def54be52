"""The store: schema versions, idempotent writes, replacement, copies, atomic batches, and a
real ingest process killed with SIGKILL and run again."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from partnergraph.errors import StoreError
from partnergraph.ingest import StoreLSH, ingest_extractions
from partnergraph.migrations import LATEST
from partnergraph.models import Event, Extraction, Organization, Provenance
from partnergraph.store import open_store

PROV = Provenance(backend="test", version="0")


def ex(id, text, orgs=("Alpha University", "Beta Group"), date="2024-03-01", url=None):
    return Extraction(
        id=id, url=url, text=text, published=date, provenance=PROV,
        organizations=[Organization(name=o) for o in orgs],
        events=[Event(type="agreement", date=date, parties=list(orgs))],
    )


def count(store, table):
    return store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_new_database_is_at_the_latest_schema_in_wal_mode(tmp_path):
    path = tmp_path / "kb.db"
    with open_store(path) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with open_store(path) as s:  # reopening migrates nothing and keeps data
        assert s.stats()["documents"] == 0


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "kb.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert "newer" in err.value.message and err.value.hint


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError) as err:
        open_store(tmp_path / "none.db", create=False)
    assert "partnergraph ingest" in err.value.hint


def test_same_document_twice_is_stored_once():
    s = open_store(":memory:")
    r1 = ingest_extractions(s, [ex("a", "Alpha University and Beta Group signed.")])
    r2 = ingest_extractions(s, [ex("a", "Alpha University and Beta Group signed.")])
    assert (r1.added, r2.added, r2.unchanged) == (1, 0, 1)
    assert count(s, "documents") == 1 and count(s, "org_mentions") == 2 and count(s, "events") == 1


def test_changed_document_replaces_its_old_extraction():
    s = open_store(":memory:")
    ingest_extractions(s, [ex("a", "Alpha University and Beta Group signed.")])
    report = ingest_extractions(s, [ex("a", "Alpha University and Gamma Labs signed.",
                                       orgs=("Alpha University", "Gamma Labs"))])
    assert report.replaced == 1
    names = {n for (n,) in s.conn.execute("SELECT name FROM entities")}
    assert names == {"Alpha University", "Gamma Labs"}
    assert count(s, "documents") == 1 and count(s, "event_mentions") == 1
    assert [h[0] for h in s.search_words('"gamma"', 5)] == ["a"]
    assert s.search_words('"beta" AND "group"', 5) == [] and s.search_substring("Beta Group", 5) == []


def test_a_new_backend_version_re_extracts_an_unchanged_document():
    s = open_store(":memory:")
    ingest_extractions(s, [ex("a", "Alpha University and Beta Group signed.")])
    newer = ex("a", "Alpha University and Beta Group signed.").model_copy(
        update={"provenance": Provenance(backend="test", version="1")})
    assert ingest_extractions(s, [newer]).replaced == 1
    assert ingest_extractions(s, [newer]).unchanged == 1
    assert s.extraction("a").provenance.version == "1" and count(s, "documents") == 1


def test_changed_page_at_the_same_url_replaces_it():
    s = open_store(":memory:")
    ingest_extractions(s, [ex("old-id", "first version of the page", url="https://x.org/news/1")])
    report = ingest_extractions(s, [ex("new-id", "second version of the page", url="https://x.org/news/1")])
    assert report.replaced == 1
    assert [r[0] for r in s.conn.execute("SELECT id FROM documents")] == ["new-id"]


def test_exact_copy_under_another_id_is_one_document_with_two_sources():
    s = open_store(":memory:")
    report = ingest_extractions(s, [ex("site-a", "same release text"), ex("site-b", "same release text")])
    assert (report.added, report.copies) == (1, 1)
    assert count(s, "documents") == 1
    assert sorted(s.conn.execute("SELECT doc_id, kind FROM document_sources")) == [
        ("site-a", "self"), ("site-b", "exact")]


def test_near_duplicate_release_is_stored_once_with_all_sources():
    rng = random.Random(7)
    words = [rng.choice(["river", "stone", "cloud", "metal", "glass", "solar", "grain", "tower"]) +
             str(rng.randrange(1000)) for _ in range(300)]
    body = " ".join(words)
    s = open_store(":memory:")
    near = StoreLSH(s)
    report = ingest_extractions(s, [
        ex("partner-site", body),
        ex("portal", "Portal News | Home | About\n" + body + "\nCopyright portal 2024"),
        ex("other", " ".join(reversed(words))),
    ], near=near)
    assert (report.added, report.copies) == (2, 1)
    kinds = dict(s.conn.execute("SELECT doc_id, kind FROM document_sources"))
    assert kinds == {"partner-site": "self", "portal": "near", "other": "self"}


def test_a_failed_batch_writes_nothing():
    s = open_store(":memory:")

    def items():
        yield ex("a", "one")
        raise RuntimeError("backend crashed")

    with pytest.raises(RuntimeError):
        ingest_extractions(s, items(), batch_size=10)
    assert count(s, "documents") == 0 and count(s, "org_mentions") == 0


def test_store_is_stale_until_resolved():
    from partnergraph.resolution import ensure_resolved

    s = open_store(":memory:")
    ingest_extractions(s, [ex("a", "one")], resolve=False)
    assert s.is_stale() and count(s, "entities") == 0
    ensure_resolved(s)
    assert not s.is_stale() and count(s, "entities") == 2


# -- kill -9 and run again --------------------------------------------------------------------
WORDS = ["alpha", "beta", "gamma", "delta", "river", "stone", "cloud", "field", "light", "metal", "glass", "paper", "water", "green", "quiet", "rapid", "solar", "wind", "grain", "harbor", "valley", "bridge", "tower", "garden", "signal", "carbon", "ocean"]
N_DOCS, BATCH = 400, 20


def write_articles(folder, n):
    for i in range(n):
        r = random.Random(i)
        a = f"{r.choice(WORDS).title()} {r.choice(WORDS).title()} University"
        b = f"{r.choice(WORDS).title()} {r.choice(WORDS).title()} Group"
        filler = " ".join(r.choice(WORDS) + str(r.randrange(100)) for _ in range(80))
        (folder / f"doc{i:04d}.txt").write_text(
            f"{a} and {b} Sign Agreement\n\nOn March {1 + i % 28}, 2024, {a} and {b} signed a "
            f"cooperation agreement.\n\n{filler}.\n", encoding="utf-8")


def ingest_cmd(folder, db):
    return [sys.executable, "-m", "partnergraph", "ingest", str(folder), "--db", str(db),
            "--batch-size", str(BATCH)]


def documents_in(db):
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def mentions_per_document(store):
    """document id → (org, person, event mention counts)."""
    return {row[0]: row[1:] for row in store.conn.execute(
        "SELECT d.id, (SELECT COUNT(*) FROM org_mentions m WHERE m.doc_key=d.doc_key),"
        " (SELECT COUNT(*) FROM person_mentions m WHERE m.doc_key=d.doc_key),"
        " (SELECT COUNT(*) FROM event_mentions m WHERE m.doc_key=d.doc_key) FROM documents d")}


def snapshot(db):
    with open_store(db) as s:
        from partnergraph.resolution import ensure_resolved

        ensure_resolved(s)
        return (s.stats(),
                sorted(s.conn.execute("SELECT name, kind, n_docs FROM entities")),
                sorted(s.conn.execute("SELECT type, date, n_sources FROM events")),
                sorted(s.conn.execute("SELECT id, content_hash FROM documents")))


def test_ingest_killed_at_any_moment_then_rerun_loses_and_duplicates_nothing(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    write_articles(articles, N_DOCS)
    db = tmp_path / "killed.db"
    proc = subprocess.Popen(ingest_cmd(articles, db), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while documents_in(db) < 2 * BATCH and time.time() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed: make N_DOCS larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    # consistent: whole batches only, every document with its mentions and index entry
    with open_store(db) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        s.conn.execute("INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')")
        n = count(s, "documents")
        assert 0 < n < N_DOCS and n % BATCH == 0
        assert count(s, "document_sources") == n
        killed_mentions = mentions_per_document(s)

    rerun = subprocess.run(ingest_cmd(articles, db), capture_output=True, text=True, timeout=300,
                           check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{N_DOCS - n} added" in rerun.stderr and f"{n} unchanged" in rerun.stderr

    clean = tmp_path / "clean.db"
    once = subprocess.run(ingest_cmd(articles, clean), capture_output=True, text=True, timeout=300,
                          check=False)
    assert once.returncode == 0, once.stderr
    assert snapshot(db) == snapshot(clean)
    assert snapshot(db)[0]["documents"] == N_DOCS
    # every document committed before the kill had all its mentions
    with open_store(clean) as s:
        complete = mentions_per_document(s)
    assert killed_mentions == {k: complete[k] for k in killed_mentions}


def test_readers_leave_resolution_to_a_running_ingest(tmp_path):
    from partnergraph.resolution import ensure_resolved

    s = open_store(tmp_path / "kb.db")
    ingest_extractions(s, [ex("a", "one")], resolve=False)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        s.conn.execute("INSERT OR REPLACE INTO meta VALUES ('ingest_pid', ?)", (str(other.pid),))
        assert s.ingest_running_elsewhere()
        ensure_resolved(s)
        assert s.is_stale() and count(s, "entities") == 0
    finally:
        other.kill()
        other.wait()
    assert not s.ingest_running_elsewhere()  # killed: its work is committed, resolve now
    ensure_resolved(s)
    assert not s.is_stale() and count(s, "entities") == 2
