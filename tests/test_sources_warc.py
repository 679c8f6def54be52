"""WARC / WARC.gz crawls (sources.warc): archives built with warcio inside the test."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from partnergraph.documents import prepare_raw
from partnergraph.models import RawDocument, SourceFailure
from partnergraph.sources import SourceStats, iter_sources
from partnergraph.sources.warc import read_warc_file

PAGE = ("<html><head><title>T{n}</title></head><body><nav>Home | News</nav><article>"
        "<h1>Sichuan University and Monash University sign agreement {n}</h1>"
        "<p>Sichuan University and Monash University signed a cooperation agreement on joint "
        "research number {n} in Chengdu on 3 May 2022, the two universities announced.</p>"
        "</article><footer>All rights reserved</footer></body></html>")


def _write(path: Path, records: list[tuple[str, str, str, bytes]], gz: bool) -> None:
    """records: (WARC type, URI, HTTP status line or "", body); HTTP headers per content."""
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for rec_type, uri, status, body, *ctype in records:
            http = None
            if status:
                http = StatusAndHeaders(status, [("Content-Type", ctype[0] if ctype else "text/html; charset=utf-8")],
                                        protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body),
                                                          http_headers=http))


def _crawl(n: int) -> list:
    out = []
    for i in range(n):
        out.append(("request", f"https://a.example/{i}", "", b"GET / HTTP/1.1\r\n\r\n"))
        out.append(("response", f"https://a.example/{i}", "200 OK", PAGE.format(n=i).encode()))
    out.append(("response", "https://a.example/logo.png", "200 OK", b"\x89PNG", "image/png"))
    out.append(("response", "https://a.example/old", "301 Moved Permanently", b""))
    out.append(("metadata", "https://a.example/0", "", b"fetchTimeMs: 12"))
    return out


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_html_responses_become_documents_and_the_rest_is_counted(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _write(path, _crawl(5), gz)
    stats = SourceStats()
    items = list(iter_sources([tmp_path], stats=stats))
    assert all(isinstance(i, RawDocument) for i in items) and len(items) == 5
    assert [i.url for i in items] == [f"https://a.example/{i}" for i in range(5)]
    assert all(i.fetched_at and i.fetched_at[:2] == "20" for i in items)  # crawl date (WARC-Date)
    assert len({i.id for i in items}) == 5
    assert stats.skipped == {"request record": 5, "warcinfo record": 1, "metadata record": 1,
                             "not HTML": 1, "HTTP status not 200": 1}
    doc = prepare_raw(items[2])
    assert "research number 2" in doc.text and "All rights reserved" not in doc.text


def test_truncated_gzip_keeps_what_was_read_and_says_where_it_broke(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    _write(whole, _crawl(40), True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    items = list(read_warc_file(cut))
    docs = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, SourceFailure)]
    assert 10 < len(docs) < 40
    assert len(failures) == 1 and items[-1] is failures[0]
    assert "truncated or corrupt after byte" in failures[0].reason and "kept" in failures[0].reason
    assert all("research number" in d.html for d in docs)  # every kept record is whole


def test_uncompressed_archive_cut_inside_a_record(tmp_path):
    whole = tmp_path / "whole.warc"
    _write(whole, _crawl(10), False)
    data = whole.read_bytes()
    at = data.index(b"research number 7")
    (tmp_path / "cut.warc").write_bytes(data[:at])
    items = list(read_warc_file(tmp_path / "cut.warc"))
    assert [i.url for i in items if isinstance(i, RawDocument)] == [f"https://a.example/{i}" for i in range(7)]
    assert isinstance(items[-1], SourceFailure) and "truncated" in items[-1].reason


def test_corrupt_bytes_in_the_middle_are_reported(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    _write(whole, _crawl(30), True)
    data = bytearray(whole.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 200] = b"\x00garbage" * 25
    (tmp_path / "bad.warc.gz").write_bytes(bytes(data))
    items = list(read_warc_file(tmp_path / "bad.warc.gz"))
    assert isinstance(items[-1], SourceFailure)
    assert "broken" in items[-1].reason or "corrupt" in items[-1].reason
    assert sum(isinstance(i, RawDocument) for i in items) >= 5


def test_not_a_warc_at_all(tmp_path):
    (tmp_path / "x.warc.gz").write_bytes(gzip.compress(b"hello, this is not a WARC file\n" * 10))
    (item,) = list(iter_sources([tmp_path]))
    assert isinstance(item, SourceFailure) and "not a WARC" in item.reason


def test_chinese_page_with_gbk_http_charset(tmp_path):
    body = "<html><body><p>四川大学与莫纳什大学签署合作协议，双方将在成都共建联合研究中心并开展学生交流。</p></body></html>"
    _write(tmp_path / "zh.warc", [("response", "https://b.example/zh", "200 OK", body.encode("gbk"),
                                   "text/html; charset=GBK")], False)
    (raw,) = iter_sources([tmp_path / "zh.warc"])
    assert "四川大学与莫纳什大学签署合作协议" in raw.html


def test_gzip_and_chunked_http_bodies_are_decoded(tmp_path):
    body = b"<html><body><p>Fudan University signed an agreement with Yale University in Shanghai.</p></body></html>"
    chunked = b"14\r\n" + body[:20] + b"\r\n" + b"%x\r\n" % (len(body) - 20) + body[20:] + b"\r\n0\r\n\r\n"
    path = tmp_path / "enc.warc"
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=False)
        for uri, payload, header in (("https://c.example/gz", gzip.compress(body), ("Content-Encoding", "gzip")),
                                     ("https://c.example/ch", chunked, ("Transfer-Encoding", "chunked"))):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), header], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                          http_headers=http))
    assert [raw.html.encode() for raw in read_warc_file(path)] == [body, body]
