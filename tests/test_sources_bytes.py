"""Readers over bytes and streams (what a Spark executor holds) give what the file readers give."""

from __future__ import annotations

import io

from mixed_corpus import write_corpus

from partnergraph.pipeline import read_documents, relevant_documents
from partnergraph.sources import SourceStats, format_of, iter_sources, read_bytes, read_one
from partnergraph.sources.jsonl import read_jsonl_stream
from partnergraph.sources.warc import read_warc_stream


def _dump(items):
    return [item.model_dump() for item in items]


def test_every_file_read_as_bytes_equals_the_file_read_from_disk(tmp_path):
    root = write_corpus(tmp_path / "c")
    files = sorted(p for p in root.rglob("*") if p.is_file() and format_of(p.name))
    assert len(files) >= 10
    for path in files:
        from_disk_stats, from_bytes_stats = SourceStats(), SourceStats()
        from_disk = _dump(read_documents([path], stats=from_disk_stats))
        fmt = format_of(path.name)
        records = read_one(str(path), read_bytes(path.read_bytes(), str(path), fmt), from_bytes_stats)
        from_bytes = _dump(relevant_documents(records, from_bytes_stats, relevant=fmt != "text"))
        assert from_bytes == from_disk, path
        assert from_bytes_stats == from_disk_stats
    # the damaged ones are failures, not exceptions
    failed = {r["source"] for p in files for r in _dump(iter_sources([p])) if "reason" in r}
    assert any(s.endswith("broken.warc.gz") for s in failed)
    assert any(s.endswith("image.txt") for s in failed)
    assert any(s.endswith("empty.html") for s in failed)


def test_warc_from_a_stream_that_cannot_seek(tmp_path):
    root = write_corpus(tmp_path / "c")
    data = (root / "part000" / "crawl.warc.gz").read_bytes()

    class OneWay(io.RawIOBase):
        def __init__(self, b):
            self._b = io.BytesIO(b)

        def readable(self):
            return True

        def readinto(self, buf):
            chunk = self._b.read(len(buf))
            buf[: len(chunk)] = chunk
            return len(chunk)

    streamed = [r for r in read_warc_stream(io.BufferedReader(OneWay(data)), "s3a://bucket/crawl.warc.gz")
                if hasattr(r, "html")]
    assert len(streamed) == 4 and all(r.source == "s3a://bucket/crawl.warc.gz" for r in streamed)


def test_jsonl_stream_names_lines_by_the_source_given():
    data = b'{"text": "Alpha Corp and Beta Ltd signed."}\n{bad\n'
    items = list(read_jsonl_stream(io.BytesIO(data), "hdfs://nn/x/pages.jsonl"))
    assert items[0].id == "pages-1" and items[0].source == "hdfs://nn/x/pages.jsonl:1"
    assert items[1].source == "hdfs://nn/x/pages.jsonl:2" and "invalid JSON" in items[1].reason


def test_extract_with_two_jobs_equals_one_job_in_order_without_raw_html(tmp_path):
    from partnergraph.extraction.backend import DEFAULT_BACKEND
    from partnergraph.runner import run

    root = write_corpus(tmp_path / "c", copies=2)
    one = list(run([root], DEFAULT_BACKEND, jobs=1, signatures=True))
    two = list(run([root], DEFAULT_BACKEND, jobs=2, signatures=True))
    assert [(r.extraction, r.failure, r.source, r.signature) for r in one] == \
        [(r.extraction, r.failure, r.source, r.signature) for r in two]
    assert sum(r.extraction is not None for r in two) >= 20 and any(r.failure for r in two)
    assert all(r.raw is None for r in two)  # workers send back results, not the pages


def test_extract_command_jobs(tmp_path):
    import subprocess
    import sys

    root = write_corpus(tmp_path / "c")
    outs = [subprocess.run([sys.executable, "-m", "partnergraph", "extract", str(root), "--jobs", j],
                           capture_output=True, text=True, timeout=300) for j in ("1", "2")]
    assert outs[0].returncode == outs[1].returncode == 1  # the corpus's damaged inputs
    assert outs[0].stdout == outs[1].stdout and outs[0].stdout.count("\n") >= 10
