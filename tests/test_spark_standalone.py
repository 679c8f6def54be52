"""The Spark job on a real standalone cluster (a master and two one-core workers on 127.0.0.1,
started with the pip pyspark's spark-class): executors are other processes in other working
directories, and the output still equals single-process `extract`, record for record.

Skipped only when pyspark or Java is missing or no loopback port can be bound; about a
minute on an idle machine (three JVMs start). Deselect with `-m "not spark_cluster"`."""

from __future__ import annotations

import importlib.util
import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from mixed_corpus import write_corpus

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Java is not installed (pyspark needs Java 17+)", allow_module_level=True)
try:
    with socket.socket() as _s:
        _s.bind(("127.0.0.1", 0))
except OSError:
    pytest.skip("no loopback port can be bound", allow_module_level=True)

import pyarrow.parquet as pq  # noqa: E402

from partnergraph.extraction.backend import DEFAULT_BACKEND, load_backend  # noqa: E402
from partnergraph.learn.backend import shipped_model_path  # noqa: E402
from partnergraph.runner import extract_all  # noqa: E402

pytestmark = pytest.mark.spark_cluster

_SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "spark_standalone.py"
_spec = importlib.util.spec_from_file_location("spark_standalone", _SCRIPT)
standalone = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(standalone)


def test_standalone_cluster_output_equals_extract_with_relative_inputs_and_model(tmp_path, monkeypatch):
    write_corpus(tmp_path / "corpus", copies=1)
    # a --model folder given relative to the driver's working directory: executors run in the
    # worker's work/app-ID/N folder, where that relative path does not exist
    shutil.copytree(shipped_model_path(), tmp_path / "model")
    with standalone.standalone_cluster(workers=2, cores=1, memory="1g", logs=tmp_path / "cluster") as url:
        driver = subprocess.Popen(
            [str(Path(sys.executable).with_name("partnergraph")), "spark", "corpus", "--master", url,
             "--output", "out", "--model", "model", "--partitions", "4", "--json"],
            cwd=tmp_path, env=standalone.cluster_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        stdout, stderr = driver.communicate(timeout=900)
    assert driver.returncode == 1, stderr[-3000:]  # 1: the corrupt inputs failed, the rest was written
    report = json.loads(stdout.strip().splitlines()[-1])

    monkeypatch.chdir(tmp_path)  # `extract corpus`, spelt as the job was given it
    expected, expected_failures = {}, set()
    for result in extract_all(["corpus"], load_backend(DEFAULT_BACKEND)):
        if result.failure is not None:
            expected_failures.add((result.failure.source, result.failure.reason))
        else:
            expected[result.extraction.id] = result.extraction.model_dump(mode="json")
    got = {r["id"]: json.loads(r["extraction"]) for r in pq.read_table(tmp_path / "out" / "documents").to_pylist()}
    assert len(expected) >= 10 and got.keys() == expected.keys()
    for doc_id, record in expected.items():
        assert got[doc_id] == record, doc_id
    failures = {(r["source"], r["reason"]) for r in pq.read_table(tmp_path / "out" / "failures").to_pylist()}
    assert failures == expected_failures
    assert {"corpus/part000/broken.warc.gz", "corpus/part000/image.txt"} <= {s for s, _ in failures}

    # executors are processes of their own, each building the backend once
    loads = report["backend_loads"]
    assert 1 <= len(loads) <= 2 and set(loads.values()) == {1}, loads
    assert not any(worker.endswith(f":{driver.pid}") for worker in loads)
    assert report["counts"]["documents"] == len(expected)
