"""Inputs that once stopped a whole batch (issue 12): each is reported with its file, line or
URL and a reason, every other input is extracted and ingested, and the exit code is 1.

Real subprocesses, as a user runs them; every input is written here (invented names)."""

from __future__ import annotations

import gzip
import json
import sqlite3
import subprocess
import sys
import zlib

import pytest

import partnergraph
from partnergraph.pipeline import read_documents
from partnergraph.sources.html import decode_html
from partnergraph.sources.warc import read_warc_file


def article(n: int) -> str:
    return (f"Orvel University {n} and Brantic Group {n} Sign Agreement\n\n"
            f"On May 3, 2024, Orvel University {n} and Brantic Group {n} signed a strategic "
            "cooperation agreement on robotics.\n")


# one input of each crash class found by the hostile-input run
CRASHERS: dict[str, bytes] = {
    "deep.jsonl": b'{"text": "x", "nested": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n",
    "bigint.jsonl": b'{"text": "Orvel University signed.", "n": ' + b"9" * 5000 + b"}\n",
    "zeros.warc.gz": gzip.compress(b"\0" * (8 * 1024 * 1024)),
}
# inputs that are fine once read right: they must be extracted, not failed
SURVIVORS: dict[str, bytes] = {
    "surrogate.jsonl": json.dumps({"id": "surrogate", "text": article(90) + " \ud800 end"}).encode(),
    "baddate.jsonl": json.dumps({"id": "baddate", "text": article(91), "published": "2024-02-30"}).encode(),
    "rot13.html": b'<html><head><meta charset="rot13"></head><body><p>Orvel Rotten \xff</p></body></html>',
    "base64.html": b'<html><head><meta charset="base64"></head><body><p>Orvel Based \xff</p></body></html>',
}
KEPT = ["a_01", "a_02", "a_03", "baddate", "m_base64", "m_rot13", "surrogate", "z_04", "z_05", "z_06"]


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "partnergraph", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=300, check=False)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """a_01.txt ... with the crashing files sorted in the middle of the batch."""
    root = tmp_path_factory.mktemp("batch")
    for n in range(1, 4):
        (root / f"a_{n:02d}.txt").write_text(article(n), encoding="utf-8")
    for name, data in {**CRASHERS, **SURVIVORS}.items():
        (root / f"m_{name}").write_bytes(data)
    for n in range(4, 7):
        (root / f"z_{n:02d}.txt").write_text(article(n), encoding="utf-8")
    return root


def test_extract_goes_on_past_every_crashing_file(batch):
    res = run("extract", batch, "--no-relevance")
    assert res.returncode == 1
    assert "Traceback" not in res.stderr, res.stderr
    ids = [json.loads(line)["id"] for line in res.stdout.splitlines()]
    assert ids == KEPT
    for name in CRASHERS:
        assert f"m_{name}" in res.stderr, name
    assert "m_deep.jsonl:1: invalid JSON: nested too deeply" in res.stderr
    assert "m_bigint.jsonl:1: invalid JSON" in res.stderr
    assert "not a WARC" in res.stderr or "decompression bomb" in res.stderr
    assert "published '2024-02-30' is not a date; ignored" in res.stderr
    assert f"{len(CRASHERS)} input(s) failed" in res.stderr


def test_ingest_stores_every_other_file(batch, tmp_path):
    db = tmp_path / "kb.db"
    res = run("ingest", batch, "--db", db, "--no-relevance")
    assert res.returncode == 1
    assert "Traceback" not in res.stderr, res.stderr
    with sqlite3.connect(db) as conn:
        ids = sorted(r[0] for r in conn.execute("SELECT id FROM documents"))
        (text,) = conn.execute("SELECT text FROM documents WHERE id='surrogate'").fetchone()
    assert ids == KEPT
    assert "\ufffd end" in text


def test_an_unexpected_reader_error_fails_that_file_only(tmp_path, monkeypatch):
    """Whatever a reader raises (a library's bug, a limit nobody knew), the batch goes on."""
    from partnergraph import sources

    (tmp_path / "a.txt").write_text(article(1), encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "c.txt").write_text(article(2), encoding="utf-8")

    def broken(path):
        raise RecursionError("maximum recursion depth exceeded")
        yield  # a generator, as readers are

    monkeypatch.setitem(sources.READERS, "html", broken)
    items = list(read_documents([tmp_path], relevance=False))
    assert [getattr(i, "id", None) for i in items] == ["a", None, "c"]
    assert items[1].source.endswith("b.html") and "RecursionError" in items[1].reason


@pytest.mark.parametrize("label", ["rot13", "base64", "hex", "zlib", "bz2", "uu", "undefined",
                                   "unicode_escape", "idna", "utf-7", "no-such-charset"])
def test_a_charset_that_is_no_text_encoding_is_ignored(label):
    data = "<p>Orvel Universität</p>".encode("latin-1")
    text, warnings = decode_html(data, "page.html", label)
    assert "Orvel Universit" in text and warnings


@pytest.mark.parametrize("published", ["2024-02-30", "2024-13-01", "0000-00-00", "soon", "2023-02-29"])
def test_the_library_drops_a_published_value_that_is_no_date(published):
    text = ("Orvel University and Brantic Group signed a cooperation agreement on Monday. "
            "Last week Orvel University and Brantic Group met.")
    record = partnergraph.extract(text, published=published)
    assert record.published is None
    assert any("is not a date" in w for w in record.warnings)
    assert partnergraph.extract(text, published="2024-02-29T10:00:00Z").published == "2024-02-29"


def test_a_lone_surrogate_becomes_a_replacement_character():
    record = partnergraph.extract("Orvel University \ud800 signed with Brantic Group.", title="T\udfff")
    assert "\ud800" not in record.text and "\ufffd" in record.text
    record.model_dump_json()  # serialisable


def _warc_record(declared: int, body: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/x\r\n"
            b"WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % declared) + http + body


def test_a_warc_gzip_bomb_is_stopped_in_bounded_memory(tmp_path):
    """A record declaring 2 GiB of zeros, gzipped to ~200 KB: refused after reading a bounded
    amount, never held (the old reader took gigabytes)."""
    import resource

    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [c.compress(_warc_record(2 * 1024**3, b""))]
    zeros = b"\0" * (1 << 20)
    parts += [c.compress(zeros) for _ in range(200)]
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(b"".join(parts) + c.flush())
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = list(read_warc_file(path))
    grew_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert len(items) == 1 and "decompression bomb" in items[0].reason
    assert grew_mb < 150


def test_a_warc_record_declaring_2_gib_is_not_read_whole(tmp_path):
    path = tmp_path / "short.warc"
    path.write_bytes(_warc_record(2 * 1024**3, b"<html><body><p>Orvel</p></body></html>"))
    (item,) = list(read_warc_file(path))
    assert "truncated" in item.reason


def test_a_page_of_too_many_elements_is_read_as_plain_text():
    """trafilatura walks a page many times (~50 us an element): 480,000 tiny paragraphs took
    33 s. Past `MAX_ELEMENTS` the page is read as plain text in linear time, with a warning."""
    from partnergraph.documents import prepare_raw
    from partnergraph.documents.html import MAX_ELEMENTS
    from partnergraph.models import RawDocument

    body = "<p>Orvel University and Brantic Group signed a cooperation agreement.</p>" * (MAX_ELEMENTS + 10)
    raw = RawDocument(id="big", html=f"<html><head><title>Orvel news</title></head><body>{body}</body></html>")
    document = prepare_raw(raw)
    assert document.title == "Orvel news"
    assert document.text.startswith("Orvel University and Brantic Group signed")
    assert any("read as plain text" in w for w in document.warnings)


def test_a_page_the_relevance_screen_chokes_on_fails_alone(monkeypatch):
    """`fetch` and `feed` screen pages by their main text: one page's error is that page's."""
    from partnergraph.documents import relevance
    from partnergraph.models import RawDocument
    from partnergraph.pipeline import relevant_documents
    from partnergraph.sources import SourceStats

    def screen(raw):
        if "bad" in raw.id:
            raise RecursionError("maximum recursion depth exceeded")
        return raw

    monkeypatch.setattr(relevance, "screen", screen)
    pages = [RawDocument(id=i, url=f"http://orvel.example/{i}", html="<p>cooperation agreement</p>")
             for i in ("one", "bad", "two")]
    out = list(relevant_documents(pages, SourceStats(), True, main_text=True))
    assert [getattr(o, "id", None) for o in out] == ["one", None, "two"]
    assert "http://orvel.example/bad" in out[1].source and "RecursionError" in out[1].reason
