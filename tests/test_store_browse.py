"""The store as a database a person browses (datasette, sqlite3): derived tables declare their
foreign keys and two views give names instead of ids (issue 10)."""

from __future__ import annotations

from partnergraph.ingest import ingest_extractions
from partnergraph.models import Event, Extraction, Organization, Provenance
from partnergraph.store import open_store


def test_foreign_keys_and_views():
    s = open_store(":memory:")
    ingest_extractions(s, [Extraction(
        id="a", text="x", provenance=Provenance(backend="t", version="0"),
        organizations=[Organization(name="Alpha University"), Organization(name="Beta Group")],
        events=[Event(type="agreement", date="2024-01-02", parties=["Alpha University", "Beta Group"])])])
    fks = {(t, r[2]) for t in ("event_parties", "event_sources", "entity_aliases", "people",
                               "partner_pairs", "document_sources")
           for r in s.conn.execute(f"PRAGMA foreign_key_list({t})")}
    assert ("event_parties", "events") in fks and ("event_parties", "entities") in fks
    assert ("event_sources", "documents") in fks and ("document_sources", "documents") in fks
    assert ("partner_pairs", "entities") in fks and ("entity_aliases", "entities") in fks
    assert s.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    rows = s.conn.execute("SELECT organization, partner, events FROM partners ORDER BY 1").fetchall()
    assert rows == [("Alpha University", "Beta Group", 1), ("Beta Group", "Alpha University", 1)]
    [(parties, sources)] = s.conn.execute("SELECT parties, sources FROM event_list").fetchall()
    assert set(parties.split(" | ")) == {"Alpha University", "Beta Group"} and sources == "a"
    s.close()
