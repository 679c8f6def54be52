"""Ingest with workers (issue 13): a worker sends each document as the rows the store writes
(JSON, name keys, content hash and near-duplicate band hashes made there), so the one writing
process neither unpickles the extraction's models nor builds its rows; what is stored is the
same as from the extraction itself. Texts written for these tests."""

from __future__ import annotations

import multiprocessing

import pytest

from partnergraph.documents.neardup import band_hashes, signature
from partnergraph.ingest import ingest, ingest_extractions
from partnergraph.models import Event, Extraction, Organization, Person, Provenance, Span
from partnergraph.runner import run
from partnergraph.store import open_store
from partnergraph.store.rows import document_rows

PROV = Provenance(backend="test", version="0")
fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers are forked")


def articles(folder, n: int) -> None:
    folder.mkdir()
    words = ["Amber", "Birch", "Cedar", "Dune", "Ember", "Fjord", "Grove", "Heath"]
    for i in range(n):
        a, b = words[i % 8] + " " + words[i // 8 % 8], words[(i + 3) % 8] + " " + words[(i // 8 + 5) % 8]
        (folder / f"a{i:03d}.txt").write_text(
            f"{a} University and {b} Group signed an agreement on May {1 + i % 28}, 2024. "
            f"President Lena Moss of {a} University attended. Case {i}.\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\xff\xfe\x00\x01 not text")


@fork
def test_workers_send_the_store_rows_not_the_extraction(tmp_path):
    articles(tmp_path / "in", 12)
    serial = {r.source: r for r in run([tmp_path / "in"], "rules", jobs=1, signatures=True) if r.extraction}
    pooled = [r for r in run([tmp_path / "in"], "rules", jobs=2, signatures=True, store_rows=True)]
    docs = [r for r in pooled if r.failure is None]
    assert len(docs) == 12 and len(pooled) == 13  # the bad file is still a failure
    for r in docs:
        assert r.extraction is None and r.rows == document_rows(serial[r.source].extraction)
        assert r.signature == serial[r.source].signature and r.bands == band_hashes(r.signature)


@fork
def test_a_store_written_from_worker_rows_equals_one_written_from_extractions(tmp_path):
    articles(tmp_path / "in", 40)
    tables = ("documents", "document_sources", "org_mentions", "org_names", "person_mentions",
              "event_mentions", "near_signatures", "near_doc_bands", "near_bands_0")

    def dump(s):
        out = {t: sorted(map(repr, s.conn.execute(f"SELECT * FROM {t}"))) for t in tables[1:]}
        out["documents"] = sorted(map(repr, s.conn.execute(  # all but ingested_at
            "SELECT doc_key, id, url, source, title, published, lang, text, content_hash, backend,"
            " backend_version, warnings FROM documents")))
        return out

    with open_store(tmp_path / "one.db") as one, open_store(tmp_path / "two.db") as two:
        ingest([tmp_path / "in"], one, workers=1, backend="rules", batch_size=7)
        ingest([tmp_path / "in"], two, workers=2, backend="rules", batch_size=7)
        a, b = dump(one), dump(two)
    assert a == b and len(a["documents"]) == 40 and len(a["org_names"]) > 40


def test_rows_hold_what_the_extraction_stores_back():
    ex = Extraction(
        id="r1", text="Tarn University and Ostra Group signed a pact. Dean Ivo Lark of Tarn spoke.",
        provenance=PROV, title="Pact", published="2024-05-02", warnings=["a warning"],
        organizations=[Organization(name="Tarn University", kind="university", aliases=["Tarn"],
                                    evidence=[Span(start=0, end=15)])],
        people=[Person(name="Ivo Lark", title="Dean", org="Tarn University", evidence=[Span(start=53, end=61)])],
        events=[Event(type="agreement", date="2024-05-02", parties=["Tarn University", "Ostra Group"],
                      topics=["pacts"], evidence=[Span(start=0, end=46)])])
    rows = document_rows(ex)
    assert [r[:2] for r in rows.organizations] == [(0, "Tarn University"), (1, "Ostra Group")]  # implicit party
    assert rows.organizations[1][-1] == 1 and [n[1:3] for n in rows.names] == [
        ("name", "Tarn University"), ("alias", "Tarn"), ("name", "Ostra Group")]
    with open_store(":memory:") as s:
        ingest_extractions(s, [(rows, None, signature(ex.text))], resolve=False)
        assert s.extraction("r1") == ex


@fork
def test_a_worker_that_dies_fails_the_run_instead_of_hanging_it(tmp_path, monkeypatch):
    import os
    import threading

    from partnergraph import runner

    articles(tmp_path / "in", 12)
    extract = runner.process_raw

    def dying(raw, backend, published=None):
        if raw.id == "a005":
            os._exit(3)  # a backend crashing its process (a C extension's fault)
        return extract(raw, backend, published)

    monkeypatch.setattr(runner, "process_raw", dying)
    outcome: list = []

    def ingesting():
        with open_store(tmp_path / "kb.db") as s:
            try:
                ingest([tmp_path / "in"], s, workers=2, backend="rules", batch_size=4)
            except Exception as err:  # noqa: BLE001 - the test looks at what it was
                outcome.append(err)

    thread = threading.Thread(target=ingesting, daemon=True)
    thread.start()
    thread.join(timeout=120)
    assert not thread.is_alive(), "ingest waits forever for a dead worker's documents"
    assert outcome and "terminated abruptly" in str(outcome[0])
