"""The relevance filter is a stage of `pipeline.py` (issue 13), after reading and before
extraction, the same in this process, in a pool of workers and in a Spark partition: the same
documents pass, the same pages are counted as skipped. Corpus written by tests/mixed_corpus.py."""

from __future__ import annotations

from mixed_corpus import write_corpus

from partnergraph.pipeline import NOT_RELEVANT, read_documents
from partnergraph.runner import run
from partnergraph.sources import SourceStats, format_of, iter_sources
from partnergraph.spark.partition import Root, Settings, extract_files


def outcome(results) -> list[str]:
    return [r.extraction.id if r.extraction else f"failed {r.failure.source}" for r in results]


def test_the_stage_passes_and_counts_the_same_serial_pooled_and_in_spark(tmp_path):
    root = write_corpus(tmp_path / "c")
    serial, pooled = SourceStats(), SourceStats()
    one = outcome(run([root], "rules", jobs=1, stats=serial))
    two = outcome(run([root], "rules", jobs=2, stats=pooled))
    assert one == two and serial == pooled
    assert serial.skipped[NOT_RELEVANT] == 1  # the crawl's weather page
    assert serial.documents == sum(1 for x in one if not x.startswith("failed"))

    files = sorted(p for p in root.rglob("*") if p.is_file() and format_of(p.name))
    rows = list(extract_files([(f"file:{p}", p.read_bytes()) for p in files],
                              [Root(f"file:{root}", str(root), True)], Settings(backend="rules")))
    spark_docs = sorted(row["id"] for table, row in rows if table == "documents")
    skipped = {row["reason"]: row["count"] for table, row in rows if table == "skipped"}
    assert spark_docs == sorted(x for x in one if not x.startswith("failed"))
    assert skipped[NOT_RELEVANT] == 1


def test_reading_keeps_every_page_and_the_next_stage_leaves_out_the_off_topic_one(tmp_path):
    root = write_corpus(tmp_path / "c")
    read = [getattr(i, "url", None) for i in iter_sources([root])]
    passed = [getattr(i, "url", None) for i in read_documents([root])]
    assert "https://news.example/0/weather" in read
    assert [u for u in read if u != "https://news.example/0/weather"] == passed
    assert [getattr(i, "url", None) for i in read_documents([root], relevance=False)] == read
