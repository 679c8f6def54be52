"""Reads never write: queries and exports answer from the last resolution, say when it is
stale, and leave the database file byte for byte as it was; `resolve` is the explicit step."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys

import pytest

from partnergraph import query
from partnergraph.errors import StoreError
from partnergraph.export import export
from partnergraph.ingest import ingest_extractions
from partnergraph.models import Event, Extraction, Organization, Provenance
from partnergraph.store import open_store

PROV = Provenance(backend="test", version="0")


def ex(doc_id: str, a: str, b: str) -> Extraction:
    text = f"{a} and {b} signed an agreement."
    return Extraction(id=doc_id, text=text, provenance=PROV,
                      organizations=[Organization(name=a, kind="university"),
                                     Organization(name=b, kind="company")],
                      events=[Event(type="agreement", date="2024-05-01", parties=[a, b])])


def fingerprint(path) -> list[str]:
    """Digest of the database and of its write-ahead log (where a write would land; SQLite
    may leave an empty log behind a reader, which holds nothing)."""
    out = []
    for suffix in ("", "-wal"):
        p = path.parent / (path.name + suffix)
        data = p.read_bytes() if p.exists() else b""
        out.append(hashlib.sha256(data).hexdigest())
    return out


def run(*args):
    return subprocess.run([sys.executable, "-m", "partnergraph", *map(str, args)],
                          capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture
def stale_db(tmp_path):
    """A store resolved once, then given a batch that was never resolved (a killed ingest)."""
    db = tmp_path / "kb.db"
    with open_store(db) as s:
        ingest_extractions(s, [ex("a", "Alpha University", "Beta Group")])
        ingest_extractions(s, [ex("b", "Gamma University", "Beta Group")], resolve=False)
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def test_queries_on_a_stale_store_answer_from_the_last_resolution_and_write_nothing(stale_db, tmp_path):
    before = fingerprint(stale_db)
    with open_store(stale_db, read_only=True) as s:
        assert "partnergraph resolve" in query.staleness(s)
        assert [p.org.name for p in query.partners(s, "Beta Group")] == ["Alpha University"]
        assert len(query.events(s)) == 1
        assert query.stats(s)["documents"] == 2
        export(s, "jsonl", tmp_path / "out")
        assert s.is_stale()
    assert fingerprint(stale_db) == before


def test_a_read_only_store_refuses_writes(stale_db):
    with open_store(stale_db, read_only=True) as s:
        with pytest.raises(sqlite3.OperationalError):
            s.conn.execute("DELETE FROM entities")


def test_cli_reads_warn_on_a_stale_store_and_resolve_brings_it_up_to_date(stale_db):
    before = fingerprint(stale_db)
    for args in (["stats"], ["partners", "Beta Group"], ["events"], ["org", "Beta Group"],
                 ["search", "signed"]):
        res = run(*args, "--db", stale_db)
        assert res.returncode == 0, (args, res.stderr)
        assert "Warning:" in res.stderr and "partnergraph resolve" in res.stderr, args
    assert fingerprint(stale_db) == before

    res = run("resolve", "--db", stale_db)
    assert res.returncode == 0, res.stderr
    assert "resolved 2 documents into 3 organizations" in res.stderr
    res = run("partners", "Beta Group", "--db", stale_db, "--json")
    assert res.stderr == ""
    assert sorted(p["org"]["name"] for p in json.loads(res.stdout)) == ["Alpha University",
                                                                      "Gamma University"]
    res = run("resolve", "--db", stale_db)
    assert res.returncode == 0 and "up to date" in res.stderr


def test_an_older_schema_is_refused_by_reads_and_upgraded_by_resolve(tmp_path):
    db = tmp_path / "old.db"
    with open_store(db) as s:
        ingest_extractions(s, [ex("a", "Alpha University", "Beta Group")])
        s.conn.execute("PRAGMA user_version = 4")
    with pytest.raises(StoreError) as err:
        open_store(db, read_only=True)
    assert "partnergraph resolve" in err.value.hint
    res = run("stats", "--db", db)
    assert res.returncode == 1 and "Hint: run `partnergraph resolve" in res.stderr
    assert "Traceback" not in res.stderr
    assert run("resolve", "--db", db).returncode == 0
    with open_store(db, read_only=True) as s:
        assert query.staleness(s) is None
        assert query.stats(s)["organizations"] == 2


def test_read_only_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError):
        open_store(tmp_path / "none.db", read_only=True)
    assert not (tmp_path / "none.db").exists()
