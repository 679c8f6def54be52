"""The Spark job in local mode gives what single-process `extract` gives, record for record.

One SparkSession for the module (JVM start-up is most of the cost); skipped only when pyspark
or Java is missing (the core suite runs without the spark extra)."""

from __future__ import annotations

import json
import shutil

import pytest
from mixed_corpus import write_corpus
from typer.testing import CliRunner

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Java is not installed (pyspark needs Java 17+)", allow_module_level=True)

import pyarrow.parquet as pq  # noqa: E402

from partnergraph.cli import app  # noqa: E402
from partnergraph.extraction.backend import DEFAULT_BACKEND, load_backend  # noqa: E402
from partnergraph.runner import extract_all  # noqa: E402
from partnergraph.sources import SourceStats  # noqa: E402
from partnergraph.spark.job import run_job, session  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    s = session("local[2]", "partnergraph-tests")
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("spark") / "corpus", copies=1)


def _table(out, name):
    return pq.read_table(out / name).to_pylist()


def test_parquet_equals_single_process_extract_record_for_record(spark, corpus, tmp_path):
    out = tmp_path / "out"
    missing = str(corpus.parent / "missing")
    report = run_job(spark, [str(corpus), missing], str(out), backend=DEFAULT_BACKEND, partitions=3)

    expected, expected_failures, stats = {}, set(), SourceStats()
    for result in extract_all([str(corpus), missing], load_backend(DEFAULT_BACKEND), stats=stats):
        if result.failure is not None:
            expected_failures.add((result.failure.source, result.failure.reason))
        else:
            expected[result.extraction.id] = result.extraction.model_dump(mode="json")
    assert len(expected) >= 10

    documents = _table(out, "documents")
    got = {row["id"]: json.loads(row["extraction"]) for row in documents}
    assert got.keys() == expected.keys()
    for doc_id, record in expected.items():
        assert got[doc_id] == record, doc_id
    failures = {(r["source"], r["reason"]) for r in _table(out, "failures")}
    assert failures == expected_failures
    # the corrupt inputs are reported, not fatal: a cut WARC, a binary .txt, an empty page, a bad JSON line
    reasons = " ".join(r for _, r in failures)
    assert "archive truncated" in reasons and "binary file" in reasons and "empty file" in reasons
    assert "invalid JSON" in reasons and (missing, "no such file or folder") in failures

    # flat tables agree with the extractions; partitions by publication month
    assert len(_table(out, "organizations")) == sum(len(r["organizations"]) for r in expected.values())
    assert len(_table(out, "events")) == sum(len(r["events"]) for r in expected.values())
    assert len(_table(out, "people")) == sum(len(r["people"]) for r in expected.values())
    evidence = _table(out, "evidence")
    assert len(evidence) == sum(len(x["evidence"]) for r in expected.values()
                                for k in ("organizations", "people", "events") for x in r[k])
    assert all(row["quote"] == got[row["document_id"]]["text"][row["start"]:row["end"]] for row in evidence)
    months = {p.name for p in (out / "documents").iterdir() if p.is_dir()}
    assert "month=2023-03" in months and "month=undated" in months
    assert all(row["near_signature"] for row in documents)
    assert not any("<html" in row["text"] for row in documents)  # no raw HTML reaches the tables
    skipped = {r["reason"]: r["count"] for r in _table(out, "skipped")}
    # the same skips, but a folder's files of no known type are not even listed by the job
    assert skipped == {r: n for r, n in stats.skipped.items() if not r.startswith("not an article file")}
    assert skipped["not about cooperation"] == 1
    assert report.counts["documents"] == len(expected) and report.counts["failures"] == len(expected_failures)
    # local[2]: at most two Python workers, each built the backend once (not once per task)
    assert 1 <= len(report.backend_loads) <= 2 and set(report.backend_loads.values()) == {1}


def test_ingest_from_parquet_gives_the_store_a_single_machine_ingest_gives(spark, corpus, tmp_path):
    from partnergraph.export import export
    from partnergraph.ingest import ingest
    from partnergraph.store import open_store

    out = tmp_path / "out"
    run_job(spark, [str(corpus)], str(out), backend=DEFAULT_BACKEND, partitions=2)
    result = CliRunner().invoke(app, ["ingest", "--from-parquet", str(out), "--db", str(tmp_path / "p.db"), "--json"])
    assert result.exit_code == 0, result.output
    with open_store(tmp_path / "d.db") as store:
        ingest([corpus], store, workers=1)
    tables = {}
    for name in ("p", "d"):
        with open_store(tmp_path / f"{name}.db") as store:
            export(store, "jsonl", tmp_path / f"export-{name}")
        tables[name] = {f.name: sorted((tmp_path / f"export-{name}" / f.name).read_text().splitlines())
                        for f in (tmp_path / f"export-{name}").iterdir()}
    assert tables["p"].keys() == tables["d"].keys()
    for table in tables["p"]:
        assert tables["p"][table] == tables["d"][table], table
    assert len(tables["p"]["events.jsonl"]) >= 3

    bad = tmp_path / "not-output"
    bad.mkdir()
    refused = CliRunner().invoke(app, ["ingest", "--from-parquet", str(bad), "--db", str(tmp_path / "x.db")])
    assert refused.exit_code != 0 and "holds no documents table" in str(refused.exception)
    assert not (tmp_path / "x.db").exists()


def test_command_reports_counts_and_exits_1_on_failures(spark, corpus, tmp_path):
    out = tmp_path / "cli"
    runner = CliRunner()
    inputs = [str(corpus / "part000" / "en"), str(corpus / "part000" / "image.txt")]  # image.txt is binary
    result = runner.invoke(app, ["spark", *inputs, "--output", str(out), "--json"])
    assert result.exit_code == 1, result.output
    counts = json.loads(result.stdout.strip().splitlines()[-1])["counts"]
    assert counts["documents"] == 4 and counts["failures"] == 1
    again = runner.invoke(app, ["spark", *inputs, "--output", str(out)])
    assert again.exit_code == 1 and "already holds tables" in str(again.exception)
