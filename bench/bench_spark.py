"""The Spark job against single-process extract: documents/second and overhead (issue 13).

    .venv/bin/python bench/bench_spark.py [--docs 10000] [--shared ../shared] [--masters 'local[1]' 'local[2]']

Corpus: article-sized English and Chinese texts built as bench_extract.py builds them (the
shared dev and unlabeled articles when present, else the samples), cycled to --docs
documents with distinct ids and written as JSON Lines files of 100 documents (the shape of
a pipeline's output; a crawl's WARC files go through the same stages after reading).
Single-process is `runner.extract_all` over the same folder in this process, after a warm-up
(backend loaded). Spark figures are wall time of `run_job` (extraction, near-duplicate
signatures, and writing every Parquet table) with the session already started; session
start-up is given apart. The overhead is Spark's time over single-process at one worker.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import corpus, sized  # noqa: E402

PER_FILE = 100


def write_inputs(folder: Path, shared: Path, n: int) -> None:
    texts = corpus(shared)
    pool = [("en", t) for t in sized(texts["en"], 3000)] + [("zh", t) for t in sized(texts["zh"], 2000)]
    folder.mkdir(parents=True)
    for f in range(0, n, PER_FILE):
        with (folder / f"part-{f // PER_FILE:05d}.jsonl").open("w", encoding="utf-8") as out:
            for i in range(f, min(n, f + PER_FILE)):
                lang, text = pool[i % len(pool)]
                out.write(json.dumps({"id": f"doc-{i}", "text": text, "lang": lang,
                                      "published": f"2023-{i % 12 + 1:02d}-15"}, ensure_ascii=False) + "\n")


def single_process(folder: Path, backend: str) -> dict:
    from partnergraph.extraction.backend import load_backend
    from partnergraph.runner import extract_all

    engine = load_backend(backend)
    engine_warm = list(extract_all([next(folder.iterdir())], engine, relevance=False))  # warm-up
    assert engine_warm
    t, c = time.perf_counter(), time.process_time()
    docs = sum(1 for r in extract_all([folder], engine, relevance=False) if r.extraction is not None)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    return {"docs": docs, "wall_s": round(wall, 1), "docs_per_s": round(docs / wall, 1),
            "cpu_docs_per_s": round(docs / cpu, 1)}


def spark(folder: Path, master: str, backend: str, out: Path) -> dict:
    from partnergraph.spark.job import run_job, session

    t = time.perf_counter()
    s = session(master, "partnergraph-bench")
    s.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter() - t
    try:
        t = time.perf_counter()
        report = run_job(s, [str(folder)], str(out), backend=backend, relevance=False,
                         partitions=int(s.sparkContext.defaultParallelism) * 4)
        wall = time.perf_counter() - t
    finally:
        s.stop()
    docs = report.counts["documents"]
    return {"master": master, "docs": docs, "session_start_s": round(started, 1), "wall_s": round(wall, 1),
            "docs_per_s": round(docs / wall, 1)}


def main() -> None:
    from partnergraph.extraction.backend import DEFAULT_BACKEND

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    parser.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    parser.add_argument("--backend", default=DEFAULT_BACKEND)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-spark-"))
    try:
        write_inputs(work / "in", args.shared, args.docs)
        results = {"backend": args.backend, "single_process": single_process(work / "in", args.backend)}
        print(json.dumps(results), flush=True)
        for master in args.masters:
            r = spark(work / "in", master, args.backend, work / f"out-{args.masters.index(master)}")
            r["overhead_vs_single"] = round(results["single_process"]["docs_per_s"] / r["docs_per_s"], 2)
            results[master] = r
            print(json.dumps(r), flush=True)
        print(json.dumps(results, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
