"""Library ingest over real files and the rules backend: idempotence, replacement, copies,
failures reported per input, and the same store whether extraction runs in one process or
in several."""

from __future__ import annotations

import pytest

from partnergraph import query
from partnergraph.errors import SourceError
from partnergraph.ingest import ingest
from partnergraph.store import open_store

EN = ("Alpha University and Beta Group Sign Agreement\n\n"
      "On May 3, 2024, Alpha University (AU) and Beta Group signed a strategic cooperation "
      "agreement on robotics. President Li Wei of Alpha University attended.\n")
ZH = "阿尔法大学与贝塔集团签署合作协议\n\n2024年5月4日，阿尔法大学与贝塔集团签署战略合作协议。\n"
OTHER = ("Gamma Institute and Delta Motors Sign Agreement\n\n"
         "On June 9, 2024, Gamma Institute and Delta Motors signed a cooperation agreement on batteries.\n")


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "en.txt").write_text(EN, encoding="utf-8")
    (d / "zh.txt").write_text(ZH, encoding="utf-8")
    (d / "other.txt").write_text(OTHER, encoding="utf-8")
    return d


def snapshot(store):
    return (store.stats(),
            sorted(store.conn.execute("SELECT name, kind, n_docs FROM entities")),
            sorted(store.conn.execute("SELECT type, date FROM events")),
            sorted(store.conn.execute("SELECT doc_id, kind FROM document_sources")))


def test_ingest_stores_extracts_and_resolves(folder):
    with open_store(":memory:") as s:
        report = ingest([folder], s, workers=1)
        assert (report.added, report.failures) == (3, [])
        assert s.stats()["documents"] == 3
        names = [p.org.name for p in query.partners(s, "AU")]
        assert names == ["Beta Group"]
        assert [h.doc_id for h in query.search(s, "robotics")] == ["en"]


def test_second_run_changes_nothing_and_an_edited_file_replaces_its_document(folder):
    with open_store(":memory:") as s:
        ingest([folder], s, workers=1)
        before = snapshot(s)
        again = ingest([folder], s, workers=1)
        assert (again.added, again.unchanged) == (0, 3) and snapshot(s) == before
        (folder / "other.txt").write_text(OTHER.replace("Delta Motors", "Epsilon Motors"), encoding="utf-8")
        edited = ingest([folder], s, workers=1)
        assert (edited.replaced, edited.unchanged) == (1, 2)
        assert s.stats()["documents"] == 3
        assert query.search(s, "Delta Motors") == []


def test_copies_are_sources_of_one_document(folder, tmp_path):
    (folder / "syndicated.txt").write_text(EN, encoding="utf-8")
    (folder / "portal.txt").write_text("Portal | News | Contact\n" + EN + "\n(c) Portal\n", encoding="utf-8")
    with open_store(":memory:") as s:
        report = ingest([folder], s, workers=1)
        assert (report.added, report.copies) == (3, 2)
        kinds = dict(s.conn.execute("SELECT doc_id, kind FROM document_sources"))
        assert kinds["syndicated"] == "exact" and kinds["portal"] == "near"
        assert len(query.events(s, org="Alpha University")) == 1


def test_a_missing_input_is_reported_and_the_rest_is_stored(folder, tmp_path):
    with open_store(":memory:") as s:
        report = ingest([tmp_path / "nope", folder], s, workers=1)
        assert report.added == 3
        assert [f.reason for f in report.failures] == ["no such file or folder"]


def test_unknown_input_format_is_an_error_naming_the_formats(folder):
    with open_store(":memory:") as s, pytest.raises(SourceError) as err:
        ingest([folder], s, input_format="pdf", workers=1)
    assert "text" in err.value.hint


def test_worker_processes_give_the_same_store(folder, tmp_path):
    for i in range(70):  # more than one window of the pool (2 workers x 32)
        (folder / f"more{i:02d}.txt").write_text(OTHER.replace("June 9", f"June {i % 28 + 1}")
                                                 .replace("batteries", f"topic {i} " * 40),
                                                 encoding="utf-8")
    serial, parallel = open_store(tmp_path / "one.db"), open_store(tmp_path / "two.db")
    ingest([folder], serial, workers=1)
    ingest([folder], parallel, workers=2, batch_size=7)
    assert snapshot(serial) == snapshot(parallel)


def test_same_file_name_in_two_folders_is_two_documents(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "zh").mkdir()
    (tmp_path / "en" / "001.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "zh" / "001.txt").write_text(ZH, encoding="utf-8")
    with open_store(":memory:") as s:
        first = ingest([tmp_path / "en", tmp_path / "zh"], s, workers=1)
        assert (first.added, first.replaced) == (2, 0)
        again = ingest([tmp_path / "en", tmp_path / "zh"], s, workers=1)
        assert (again.added, again.replaced, again.unchanged) == (0, 0, 2)
        ids = sorted(r[0] for r in s.conn.execute("SELECT id FROM documents"))
        assert ids[0] == "001" and ids[1].startswith("001~")
        (tmp_path / "zh" / "001.txt").write_text(ZH.replace("贝塔集团", "伽马集团"), encoding="utf-8")
        edited = ingest([tmp_path / "zh"], s, workers=1)
        assert (edited.added, edited.replaced) == (0, 1) and s.stats()["documents"] == 2


def test_a_page_fetched_again_from_another_file_replaces_its_old_version(tmp_path):
    import json

    one, two = tmp_path / "crawl1.jsonl", tmp_path / "crawl2.jsonl"
    page = {"id": "web-x-1", "url": "https://x.org/news/1", "text": EN}
    one.write_text(json.dumps(page) + "\n", encoding="utf-8")
    two.write_text(json.dumps({**page, "text": EN.replace("robotics", "batteries")}) + "\n",
                   encoding="utf-8")
    with open_store(":memory:") as s:
        assert ingest([one], s, workers=1).added == 1
        report = ingest([two], s, workers=1)
        assert (report.added, report.replaced) == (0, 1)
        assert [r[0] for r in s.conn.execute("SELECT id FROM documents")] == ["web-x-1"]


UNI = ("Riverside University Signs Agreement with Northwind Robotics\n\nRelease Time: 2024-03-15\n\n"
       "On March 14, 2024, Riverside University and Northwind Robotics Co., Ltd. signed a strategic "
       "cooperation agreement on intelligent manufacturing. President Anna Lee of Riverside "
       "University attended the ceremony.\n")
CO = ("Northwind Robotics partners with Riverside University\n\nRelease Time: 2024-03-16\n\n"
      "On March 15, 2024, Northwind Robotics and Riverside University signed a cooperation "
      "agreement to build talent training programs. Chairman Tom Hart of Northwind Robotics "
      "spoke at the event.\n")


def test_each_partys_own_release_a_day_apart_is_one_event_with_two_sources(tmp_path):
    (tmp_path / "uni.txt").write_text(UNI, encoding="utf-8")
    (tmp_path / "co.txt").write_text(CO, encoding="utf-8")
    with open_store(":memory:") as s:
        ingest([tmp_path], s, workers=1)
        [event] = query.events(s, org="Northwind Robotics", type="agreement")
        assert event.date == "2024-03-14"
        assert [x.doc_id for x in event.sources] == ["uni", "co"]
        assert event.sources[0].rule == "first report" and "within 3 days" in event.sources[1].rule


def test_a_batch_holds_batch_size_documents_and_its_last_files_end_mark():
    # the stream carries file marks, failures and unchanged counts between the documents; they
    # neither count as documents nor split a file's last document from its end mark
    from partnergraph.ingest import _batches
    from partnergraph.ingest_files import Unchanged
    from partnergraph.models import SourceFailure
    from partnergraph.sources import FileEnd, FileStart

    stream = []
    for k in range(5):
        stream += [FileStart(f"f{k}"), ("doc", k), FileEnd(f"f{k}")]
    stream[3:3] = [SourceFailure(source="bad", reason="unreadable"), Unchanged(3)]
    batches = list(_batches(iter(stream), 2))
    docs = [[x for x in b if isinstance(x, tuple)] for b in batches]
    assert docs == [[("doc", 0), ("doc", 1)], [("doc", 2), ("doc", 3)], [("doc", 4)]]
    assert all(isinstance(b[-1], FileEnd) for b in batches)
    assert [x for b in batches for x in b] == stream  # nothing lost, nothing repeated
