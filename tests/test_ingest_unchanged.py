"""Ingest recognises files it stored before (issue 13): an unchanged, touched, renamed or
moved file is not extracted again; a changed file is, and replaces what it held. Texts
written for these tests (invented names)."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from partnergraph import runner
from partnergraph.ingest import ingest
from partnergraph.store import open_store

ARTICLES = {
    "en/a1.txt": "Amberfield University and Corvane Group signed a cooperation agreement on May 3, 2024 "
                 "to build a joint laboratory for coastal robotics.\n",
    "en/a2.txt": "Delmora Institute and Estrava Motors signed a memorandum of understanding on June 9, "
                 "2024 on battery recycling research.\n",
    "zh/b1.txt": "2024年5月4日，北岭大学与海川集团签署战略合作协议，双方将共建联合实验室。\n",
}
RECORDS = [
    {"id": "r1", "url": "https://news.example/r1", "published": "2024-03-01",
     "text": "Fenwick University and Galtor Energy signed an agreement on solar storage research."},
    {"id": "r2", "url": "https://news.example/r2", "published": "2024-03-02",
     "text": "Harlow Institute and Ivenmark Group held a meeting on port automation cooperation."},
    {"id": "r3", "url": "https://news.example/r3", "published": "2024-03-03",
     "text": "Juniper College and Kestrow Logistics signed a memorandum of understanding on training."},
]


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "news"
    for name, text in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return root


@pytest.fixture
def calls(monkeypatch):
    """Documents the backend was run on (ingest with one worker runs in this process)."""
    seen: list[str] = []
    extract = runner.process_raw

    def counted(raw, backend, published=None):
        seen.append(raw.id)
        return extract(raw, backend, published)

    monkeypatch.setattr(runner, "process_raw", counted)
    return seen


def run(store, *paths, **kw):
    return ingest(list(paths), store, workers=1, backend="rules", **kw)


def snapshot(store):
    c = store.conn
    return (store.stats(),
            sorted(c.execute("SELECT id, text FROM documents")),
            sorted(c.execute("SELECT doc_id, kind, d.id FROM document_sources s JOIN documents d USING (doc_key)")),
            sorted(c.execute("SELECT d.id, m.name FROM org_mentions m JOIN documents d USING (doc_key)")),
            sorted(c.execute("SELECT type, coalesce(date, '') FROM events")))


def test_an_unchanged_folder_is_not_extracted_again(folder, tmp_path, calls):
    with open_store(tmp_path / "kb.db") as s:
        first = run(s, folder)
        assert first.added == 6 and len(calls) == 6
        before = snapshot(s)
        calls.clear()
        again = run(s, folder)
        assert calls == []  # nothing read nor extracted
        assert (again.unchanged, again.added, again.replaced, again.unread_files) == (6, 0, 0, 4)
        assert snapshot(s) == before


def test_a_touched_file_is_recognised_by_its_hash(folder, tmp_path, calls):
    with open_store(tmp_path / "kb.db") as s:
        run(s, folder)
        before = snapshot(s)
        calls.clear()
        for f in (folder / "en/a1.txt", folder / "feed.jsonl"):
            st = f.stat()
            os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
        again = run(s, folder)
        assert calls == [] and again.unchanged == 6
        assert snapshot(s) == before
        calls.clear()
        run(s, folder)  # the new modification time was recorded: the quick check passes again
        assert calls == []


def test_a_changed_file_is_extracted_and_replaces_its_records(folder, tmp_path, calls):
    with open_store(tmp_path / "kb.db") as s:
        run(s, folder)
        calls.clear()
        (folder / "en/a1.txt").write_text(
            "Amberfield University and Lumora Shipping signed a cooperation agreement on July 1, 2024 "
            "on autonomous ferries.\n", encoding="utf-8")
        report = run(s, folder)
        assert calls == ["en/a1"]
        assert (report.replaced, report.unchanged, report.added) == (1, 5, 0)
        [text] = s.conn.execute("SELECT text FROM documents WHERE id='en/a1'").fetchone()
        assert "Lumora" in text
        names = {n for (n,) in s.conn.execute(
            "SELECT name FROM org_mentions JOIN documents USING (doc_key) WHERE id='en/a1'")}
        assert any("Lumora" in n for n in names) and not any("Corvane" in n for n in names)
        assert s.stats()["documents"] == 6


def test_a_changed_container_replaces_changed_records_and_forgets_removed_ones(folder, tmp_path, calls):
    with open_store(tmp_path / "kb.db") as s:
        run(s, folder)
        calls.clear()
        edited = [dict(RECORDS[0], text=RECORDS[0]["text"] + " A joint laboratory opens in Fenwick."),
                  RECORDS[2]]  # r1 changed, r2 removed, r3 as it was
        (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in edited), encoding="utf-8")
        report = run(s, folder)
        assert sorted(calls) == ["r1", "r3"]  # only the changed file is read, the article files are not
        assert (report.replaced, report.unchanged) == (1, 4)
        ids = {i for (i,) in s.conn.execute("SELECT id FROM documents")}
        assert ids == {"en/a1", "en/a2", "zh/b1", "r1", "r3"}  # r2 is gone, nothing doubled
        assert s.conn.execute("SELECT COUNT(*) FROM document_sources WHERE doc_id='r2'").fetchone()[0] == 0
        assert not any("Harlow" in n for (n,) in s.conn.execute("SELECT name FROM org_mentions"))
        calls.clear()
        run(s, folder)
        assert calls == []


def test_a_removed_record_reported_elsewhere_keeps_its_document(folder, tmp_path, calls):
    with open_store(tmp_path / "kb.db") as s:
        run(s, folder)
        # r2's text arrives under another id in a second file, then leaves the first file
        (folder / "more.jsonl").write_text(json.dumps(dict(RECORDS[1], id="r2-copy", url=None)) + "\n",
                                           encoding="utf-8")
        assert run(s, folder).copies == 1
        (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in (RECORDS[0], RECORDS[2])),
                                           encoding="utf-8")
        run(s, folder)
        row = s.conn.execute("SELECT d.id FROM document_sources s JOIN documents d USING (doc_key)"
                             " WHERE s.doc_id='r2-copy'").fetchone()
        assert row == ("r2-copy",)  # the copy now stands for the document
        assert s.stats()["documents"] == 6


def test_renamed_and_moved_files_are_recognised_by_hash(folder, tmp_path, calls):
    with open_store(tmp_path / "kb.db") as s:
        run(s, folder)
        calls.clear()
        (folder / "en/a2.txt").rename(folder / "en/a2-renamed.txt")
        (folder / "archive").mkdir()
        shutil.move(folder / "feed.jsonl", folder / "archive/feed.jsonl")
        report = run(s, folder)
        assert calls == []
        # the renamed article is one more source of the stored document, as extracting it makes it;
        # the moved container's records keep their ids
        assert (report.copies, report.unchanged, report.added) == (1, 5, 0)
        sources = dict(s.conn.execute("SELECT doc_id, kind FROM document_sources"))
        assert sources["en/a2-renamed"] == "exact" and sources["r1"] == "self"
        calls.clear()
        run(s, folder)
        assert calls == []


def test_recognising_gives_the_store_extraction_gives(folder, tmp_path, calls):
    # the same moves, once recognised and once extracted from scratch into a store that saw the
    # old layout: the same documents, sources and mentions
    with open_store(tmp_path / "known.db") as known, open_store(tmp_path / "fresh.db") as fresh:
        run(known, folder)
        run(fresh, folder)
        (folder / "zh/b1.txt").rename(folder / "zh/b1-moved.txt")
        run(known, folder)
        fresh.conn.execute("DELETE FROM input_files")  # forget every file: extract all again
        run(fresh, folder)
        assert snapshot(known) == snapshot(fresh)


def test_a_file_with_a_failure_is_read_again_and_reported_again(folder, tmp_path, calls):
    (folder / "feed.jsonl").write_text(
        json.dumps(RECORDS[0]) + "\n{not json\n", encoding="utf-8")
    with open_store(tmp_path / "kb.db") as s:
        assert len(run(s, folder).failures) == 1
        calls.clear()
        again = run(s, folder)
        assert len(again.failures) == 1 and calls == ["r1"]


def test_another_backend_or_setting_reads_the_files_again(folder, tmp_path, calls):
    with open_store(tmp_path / "kb.db") as s:
        run(s, folder)
        calls.clear()
        run(s, folder, published="2024-01-01")
        assert len(calls) == 6
        calls.clear()
        ingest([folder], s, workers=1, backend="learned", published="2024-01-01")
        assert len(calls) == 6


def test_ingest_with_workers_recognises_files_too(folder, tmp_path):
    with open_store(tmp_path / "kb.db") as s:
        ingest([folder], s, workers=2, backend="rules")
        before = snapshot(s)
        again = ingest([folder], s, workers=2, backend="rules")
        assert (again.unchanged, again.unread_files) == (6, 4) and snapshot(s) == before


def _documents(items):
    return [(d.id, d.source, d.text, d.html, d.warnings) if hasattr(d, "html") else d for d in items]


def test_the_ledger_hands_the_hashed_bytes_to_the_reader(folder, tmp_path, monkeypatch):
    """A text file is opened once: the bytes hashed are the bytes read (not a second open),
    and they make the same documents as reading the path, bad input included."""
    from pathlib import Path

    from partnergraph.ingest_files import FileLedger
    from partnergraph.sources import iter_sources

    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (folder / "gb.txt").write_bytes("北岭大学与海川集团签署战略合作协议。".encode("gb18030"))
    (folder / "page.html").write_text("<html><body><p>Lumora University and Norwick Labs signed an "
                                      "agreement.</p></body></html>", encoding="utf-8")
    from_paths = _documents(iter_sources([folder]))
    with open_store(tmp_path / "kb.db") as store:
        ledger = FileLedger(store, made_by="rules test", relevance=False, published=None)
        answers = {}

        def check(path, root, fmt):
            answers[path.name] = ledger.read_file(path, root, fmt)
            return answers[path.name]

        opened = []
        real_open = Path.open
        monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self.name) or real_open(self, *a, **k))
        from_bytes = _documents(iter_sources([folder], read_file=check))
    assert from_bytes == from_paths
    assert answers["a1.txt"] == ARTICLES["en/a1.txt"].encode() and answers["empty.txt"] == b""
    assert answers["feed.jsonl"] is True  # a container is read by its reader, in records
    assert opened.count("a1.txt") == 1 and opened.count("feed.jsonl") == 2


def test_a_file_changed_between_stat_and_read_gives_the_hashed_content(folder, tmp_path, monkeypatch):
    """The documents are made of the bytes whose hash is recorded (before, the reader opened
    the file again and could read a third version); the size and time recorded are the stat's,
    so the next run hashes the file again."""
    import hashlib

    from partnergraph import ingest_files

    target = folder / "en" / "a1.txt"
    new_text = ARTICLES["en/a2.txt"].replace("Delmora", "Quillon")
    real_hash = ingest_files._file_hash

    def changed_then_hashed(path, *rest):
        if path == target:
            target.write_text(new_text, encoding="utf-8")
            out = real_hash(path, *rest)
            target.write_text("Third version, never hashed: Ostrel College.\n", encoding="utf-8")
            return out
        return real_hash(path, *rest)

    monkeypatch.setattr(ingest_files, "_file_hash", changed_then_hashed)
    with open_store(tmp_path / "kb.db") as store:
        run(store, folder)
        (text,) = store.conn.execute("SELECT d.text FROM documents d JOIN document_sources s "
                                     "ON s.doc_key = d.doc_key WHERE s.doc_id = 'en/a1'").fetchone()
        row = store.input_file(os.path.abspath(target))
    assert "Quillon" in text and "Ostrel" not in text
    assert row[3] == hashlib.sha256(new_text.encode()).hexdigest() and row[1] == len(ARTICLES["en/a1.txt"].encode())
