"""The near-duplicate band index in levels (issue 13, disk written per document): rows merged
from level to level give the same answers as one index, every row is in exactly one level,
replaced and deleted documents leave no rows, and a store from before the levels keeps its
bands. Texts generated here from invented words."""

from __future__ import annotations

import json
import random

import pytest

import partnergraph.store as store_module
from partnergraph.ingest import StoreLSH, ingest_extractions
from partnergraph.models import Extraction, Provenance
from partnergraph.store import NEAR_LEVELS, open_store

PROV = Provenance(backend="test", version="0")
WORDS = ["river", "stone", "cloud", "metal", "glass", "solar", "grain", "tower", "amber", "delta"]


def corpus(n: int, seed: int = 3) -> list[Extraction]:
    """`n` documents; every fifth is a portal's copy (header and footer added) of an earlier one."""
    rng = random.Random(seed)
    bodies, docs = [], []
    for i in range(n):
        if i % 5 == 4:
            body = "Portal News | Home | About\n" + rng.choice(bodies) + f"\nCopyright portal {i}"
        else:
            body = " ".join(rng.choice(WORDS) + str(rng.randrange(5000)) for _ in range(120))
            bodies.append(body)
        docs.append(Extraction(id=f"d{i:03d}", text=body, provenance=PROV))
    return docs


def sources(store) -> dict[str, tuple[str, int]]:
    return {doc_id: (kind, key) for doc_id, kind, key in
            store.conn.execute("SELECT doc_id, kind, doc_key FROM document_sources")}


def band_rows(store) -> list[tuple[int, int, int]]:
    return sorted((level, h, d) for level in range(NEAR_LEVELS)
                  for h, d in store.conn.execute(f"SELECT band_hash, doc_key FROM near_bands_{level}"))


def expected_rows(store) -> list[tuple[int, int]]:
    return sorted((h, d) for d, bands in store.conn.execute("SELECT doc_key, bands FROM near_doc_bands")
                  for h in set(json.loads(bands)))


def ingest(docs, **kw):
    s = open_store(":memory:")
    ingest_extractions(s, docs, near=StoreLSH(s), resolve=False, batch_size=7, **kw)
    return s


def test_merged_levels_answer_as_one_index(monkeypatch):
    docs = corpus(90)
    whole = ingest(docs)  # everything stays in level 0 at the real sizes
    assert {level for level, _, _ in band_rows(whole)} == {0}
    monkeypatch.setattr(store_module, "NEAR_LEVEL0_ROWS", 40)
    monkeypatch.setattr(store_module, "NEAR_GROWTH", 2)
    leveled = ingest(docs)
    rows = band_rows(leveled)
    used = {level for level, _, _ in rows}
    assert NEAR_LEVELS - 1 in used and len(used) >= 2  # merges went down to the last level
    assert sources(leveled) == sources(whole)
    kinds = [kind for kind, _ in sources(leveled).values()]
    assert kinds.count("near") == 18 and kinds.count("self") == 72
    # every band row is in exactly one level, none lost, none twice
    assert sorted((h, d) for _, h, d in rows) == expected_rows(leveled)
    for level in range(NEAR_LEVELS - 1):
        assert sum(1 for lv, _, _ in rows if lv == level) <= 40 * 2 ** level
    whole.close()
    leveled.close()


def test_a_replaced_or_deleted_document_leaves_no_band_rows(monkeypatch):
    monkeypatch.setattr(store_module, "NEAR_LEVEL0_ROWS", 40)
    monkeypatch.setattr(store_module, "NEAR_GROWTH", 2)
    docs = [d for d in corpus(40) if not d.text.startswith("Portal")]
    s = ingest(docs)
    changed = docs[3].model_copy(update={"text": " ".join(reversed(docs[3].text.split()))})
    ingest_extractions(s, [changed], near=StoreLSH(s), resolve=False)
    key = sources(s)[docs[3].id][1]
    mine = {h for _, h, d in band_rows(s) if d == key}
    assert mine == set(json.loads(s.conn.execute(
        "SELECT bands FROM near_doc_bands WHERE doc_key=?", (key,)).fetchone()[0]))
    with s.transaction():
        s.delete_document(key)
    assert [r for r in band_rows(s) if r[2] == key] == []
    assert sorted((h, d) for _, h, d in band_rows(s)) == expected_rows(s)
    s.close()


@pytest.mark.parametrize("level0", [8192, 40])
def test_a_store_from_before_the_levels_keeps_its_bands(tmp_path, monkeypatch, level0):
    monkeypatch.setattr(store_module, "NEAR_LEVEL0_ROWS", level0)
    docs = corpus(30)
    path = tmp_path / "kb.db"
    with open_store(path) as s:
        ingest_extractions(s, docs[:14], near=StoreLSH(s), resolve=False)
        before = band_rows(s)
        # back to schema 9: one table of band rows, no bands by document
        s.conn.executescript(
            "CREATE TABLE near_bands(band_hash INTEGER NOT NULL, doc_key INTEGER NOT NULL);"
            "INSERT INTO near_bands " + " UNION ALL ".join(
                f"SELECT band_hash, doc_key FROM near_bands_{lv}" for lv in range(NEAR_LEVELS)) + ";"
            "CREATE INDEX near_bands_hash ON near_bands(band_hash);"
            "CREATE INDEX near_bands_doc ON near_bands(doc_key);"
            + "".join(f"DROP TABLE near_bands_{lv};" for lv in range(NEAR_LEVELS)) +
            "DROP TABLE near_doc_bands; PRAGMA user_version = 9;")
    with open_store(path) as s:
        assert band_rows(s) == sorted((NEAR_LEVELS - 1, h, d) for _, h, d in before)
        assert sorted((h, d) for _, h, d in band_rows(s)) == expected_rows(s)
        ingest_extractions(s, docs[14:], near=StoreLSH(s), resolve=False)
        assert sources(s) == sources(ingest(docs))
