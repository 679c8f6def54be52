"""The Spark job against single-process extract: documents/second and overhead (issue 13).

    .venv/bin/python bench/bench_spark.py [--docs 10000] [--shared ../shared] [--masters 'local[1]' 'local[2]']
        [--standalone 1 2]

--standalone N... also runs the job on a Spark standalone cluster on this machine, one per N:
a master and one worker of N cores on 127.0.0.1 (scripts/spark_standalone.py), so one
executor of N cores in its own processes (a JVM and its Python workers), as on a real cluster.

Corpus: article-sized English and Chinese texts built as bench_extract.py builds them (the
shared dev and unlabeled articles when present, else the samples), cycled to --docs
documents with distinct ids and written as JSON Lines files of 100 documents (the shape of
a pipeline's output; a crawl's WARC files go through the same stages after reading).
CPU is every process's of the run (`tree_cpu`: the driver, the JVMs, the Python workers;
not processes that ended during it), a cost that the machine's other users do not change
as much as the wall time. Each figure comes with the machine's load average (`os.getloadavg`, as `uptime` shows) taken
just before and just after it. Single-process is `runner.extract_all` over the same folder in this process, after a warm-up
(backend loaded). Spark figures are wall time of `run_job` (extraction, near-duplicate
signatures, and writing every Parquet table) with the session already started; session
start-up is given apart. The overhead is Spark's time over single-process at one worker.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
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


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def tree_cpu() -> float:
    """CPU seconds used so far by this process and every live descendant (the Spark JVMs,
    the standalone master, worker and executors, their Python workers), from /proc: on a
    shared machine the wall time says how busy it was, this says what the job cost."""
    ticks = os.sysconf("SC_CLK_TCK")
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                stats[int(entry.name)] = (int(fields[1]), sum(int(f) for f in fields[11:15]))
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    total, todo = 0, [os.getpid()]
    while todo:
        pid = todo.pop()
        total += stats.get(pid, (0, 0))[1]
        todo += children.get(pid, [])
    return total / ticks


def spark(folder: Path, master: str, backend: str, out: Path) -> dict:
    from partnergraph.spark.job import run_job, session

    t = time.perf_counter()
    s = session(master, "partnergraph-bench")
    s.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter() - t
    try:
        t, c = time.perf_counter(), tree_cpu()
        report = run_job(s, [str(folder)], str(out), backend=backend, relevance=False,
                         partitions=int(s.sparkContext.defaultParallelism) * 4)
        wall, cpu = time.perf_counter() - t, tree_cpu() - c  # before stop: the workers are alive
    finally:
        s.stop()
    docs = report.counts["documents"]
    return {"master": master, "docs": docs, "session_start_s": round(started, 1), "wall_s": round(wall, 1),
            "docs_per_s": round(docs / wall, 1), "cpu_s": round(cpu, 1), "cpu_docs_per_s": round(docs / cpu, 1),
            "worker_processes": len(report.backend_loads),
            "backend_loads": sum(report.backend_loads.values())}


@contextlib.contextmanager
def master_for(run: str, logs: Path):
    """The master URL for a run: "local[2]" as it is, "standalone:N" a cluster of one N-core worker."""
    if not run.startswith("standalone:"):
        yield run
        return
    from spark_standalone import cluster_env, standalone_cluster

    saved = dict(os.environ)
    os.environ.update(cluster_env())  # the driver binds 127.0.0.1 too
    try:
        with standalone_cluster(workers=1, cores=int(run.split(":")[1]), memory="4g", logs=logs) as url:
            yield url
    finally:
        os.environ.clear()
        os.environ.update(saved)


def main() -> None:
    from partnergraph.extraction.backend import DEFAULT_BACKEND

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    parser.add_argument("--masters", nargs="*", default=["local[1]", "local[2]"])
    parser.add_argument("--standalone", nargs="*", type=int, default=[], metavar="CORES",
                        help="also on a standalone cluster of one worker with this many cores")
    parser.add_argument("--skip-single", action="store_true", help="leave out the single-process run")
    parser.add_argument("--backend", default=DEFAULT_BACKEND)
    args = parser.parse_args()
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # the driver binds loopback (before the JVM starts)
    work = Path(tempfile.mkdtemp(prefix="bench-spark-"))
    try:
        write_inputs(work / "in", args.shared, args.docs)
        results: dict = {"backend": args.backend}
        if not args.skip_single:
            before = load()
            results["single_process"] = single_process(work / "in", args.backend)
            results["single_process"].update(load_before=before, load_after=load())
            print(json.dumps(results), flush=True)
        runs = args.masters + [f"standalone:{n}" for n in args.standalone]
        for n, run in enumerate(runs):
            with master_for(run, work / f"cluster-{n}") as master:
                before = load()
                r = spark(work / "in", master, args.backend, work / f"out-{n}")
                r.update(run=run, load_before=before, load_after=load())
            if "single_process" in results:
                r["overhead_vs_single"] = round(results["single_process"]["docs_per_s"] / r["docs_per_s"], 2)
            results[run] = r
            print(json.dumps(r), flush=True)
        print(json.dumps(results, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
