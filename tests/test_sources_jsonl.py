"""JSON Lines input (sources.jsonl): good lines read, bad lines reported by number."""

from __future__ import annotations

import json

from partnergraph.models import RawDocument, SourceFailure
from partnergraph.sources import iter_sources
from partnergraph.sources.jsonl import read_jsonl_file, write_jsonl

TEXT = "Wuhan University and the University of Toronto signed a cooperation agreement in Wuhan."
HTML = "<html><body><p>Wuhan University met a delegation from the University of Toronto to discuss joint research.</p></body></html>"


def test_good_and_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "url": "https://x.example/a", "text": TEXT, "published": "2023-02-01"}),
        "",
        "{not json",
        json.dumps({"id": "c", "html": HTML, "extra": "ignored"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "e", "text": "   "}),
        json.dumps({"id": 7, "text": TEXT}),
        json.dumps({"text": TEXT, "published": 20230201}),
        json.dumps({"text": TEXT}),
        json.dumps({"id": "d1", "text": TEXT, "published": "2023-02-01T10:00:00Z"}),
        json.dumps({"id": "d2", "text": TEXT, "published": "March 5, 2023"}),
        json.dumps({"id": "d3", "text": TEXT, "published": "soon"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_jsonl_file(path))
    docs = {i.id: i for i in items if isinstance(i, RawDocument)}
    failures = {i.source.rsplit(":", 1)[1]: i.reason for i in items if isinstance(i, SourceFailure)}
    assert set(docs) == {"a", "c", "7", "batch-9", "d1", "d2", "d3"}
    assert (docs["d1"].published, docs["d2"].published, docs["d3"].published) == ("2023-02-01", "2023-03-05", None)
    assert docs["d3"].warnings == ["published 'soon' is not a date; ignored"]
    assert docs["a"].published == "2023-02-01" and docs["a"].url == "https://x.example/a"
    assert docs["c"].html == HTML and docs["c"].text is None
    assert docs["batch-9"].source.endswith("batch.jsonl:9")
    assert set(failures) == {"3", "5", "6", "8"}
    assert "invalid JSON" in failures["3"] and "JSON object" in failures["5"]
    assert '"text" or "html"' in failures["6"] and "published" in failures["8"]


def test_not_utf8_and_oversized_lines(tmp_path, monkeypatch):
    from partnergraph.sources import jsonl

    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 200)
    monkeypatch.setattr(jsonl, "CHUNK", 64)
    path = tmp_path / "odd.jsonl"
    path.write_bytes(b'{"id": "gb", "text": "' + "合作".encode("gbk") + b'"}\n'
                     + json.dumps({"id": "big", "text": "x" * 1000}).encode() + b"\n"
                     + json.dumps({"id": "ok", "text": TEXT}).encode() + b"\n")
    items = list(read_jsonl_file(path))
    assert [type(i).__name__ for i in items] == ["SourceFailure", "SourceFailure", "RawDocument"]
    assert "not UTF-8" in items[0].reason and "limit" in items[1].reason and items[2].id == "ok"


def test_written_pages_read_back_through_iter_sources(tmp_path):
    path = tmp_path / "pages.jsonl"
    docs = [RawDocument(id="p1", url="https://x.example/1", html=HTML, fetched_at="2024-01-01T00:00:00Z"),
            SourceFailure(source="https://x.example/2", reason="HTTP 404")]
    assert list(write_jsonl(docs, path)) == docs  # passed through unchanged
    (back,) = iter_sources([path])
    assert back.id == "p1" and back.html == HTML and back.fetched_at == "2024-01-01T00:00:00Z"
