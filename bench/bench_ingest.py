"""The ingest path at scale (issue 13): disk written per document, search latency, re-ingest
of an unchanged folder, and ingest with one and two workers.

    .venv/bin/python bench/bench_ingest.py store --docs 100000 [--db PATH]   # writes + search
    .venv/bin/python bench/bench_ingest.py search --db PATH                   # search only
    .venv/bin/python bench/bench_ingest.py folder --docs 10000 [--backend learned]

`store`: synthetic extractions (no backend: the figures are about the store) written through
`ingest_extractions` with the default batch size and the near-duplicate check, as an ingest
writes them. Each document is ~1.2 KB of text drawn from a Zipf-skewed vocabulary of 4,000
invented words plus cooperation phrases at fixed rates ("memorandum of understanding" in 20%
of documents, "joint laboratory" in 8%), one event between two of 20,000 organizations.
The bytes this process wrote (/proc/self/io: `wchar`, what went to write(), and
`write_bytes`, what reached the block layer) are read at every checkpoint (1k, 2k, 5k, 10k,
20k, 50k, 100k documents), so the figure per document is the marginal cost at that store
size. Resolution runs once at the end and is counted apart. Then search: each query of
`QUERIES` 20 times after a warm-up, median and max.

`folder`: `--docs` article files written by `bench_store.write_articles` (English and
Chinese, invented names), ingested into a new store with `--jobs 1` and `--jobs 2`, then the
same folder ingested again. CPU seconds are reported per process (the parent: reading,
writing, resolution; the workers: extraction), wall seconds too: the machine is shared, so
the wall figures are labelled with the load average at the start of each run.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import PROV, org_names, pick_event, write_articles  # noqa: E402

from partnergraph import query  # noqa: E402
from partnergraph.ingest import StoreLSH, ingest, ingest_extractions  # noqa: E402
from partnergraph.models import Event, Extraction, Organization, Person  # noqa: E402
from partnergraph.resolution import resolve_store  # noqa: E402
from partnergraph.store import open_store  # noqa: E402

CHECKPOINTS = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000)
PHRASES = [("memorandum of understanding", 0.20), ("joint laboratory", 0.08),
           ("strategic cooperation agreement", 0.15), ("talent training", 0.10)]
QUERIES = ["memorandum of understanding", '"memorandum of understanding"', "joint laboratory",
           "talent", "lab*", "zorblat", "签署合作协议"]
SYLLABLES = ["ka", "lo", "mi", "ter", "van", "su", "rin", "do", "pe", "sha", "gu", "nel", "ox", "bri"]


def vocabulary(n: int, rng: random.Random) -> list[str]:
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(2, 5))))
    return sorted(words)


def io_counters() -> dict[str, int]:
    with open("/proc/self/io") as f:
        return {k: int(v) for k, v in (line.split(": ") for line in f)}


def synthetic(n_docs: int, orgs: list, seed: int = 1):
    rng = random.Random(seed)
    vocab = vocabulary(4000, random.Random(7))
    weights = [1 / (i + 1) for i in range(len(vocab))]
    for i in range(n_docs):
        (a, ka), (b, kb), day, typ = pick_event(orgs, rng)
        body = rng.choices(vocab, weights, k=180)
        for phrase, rate in PHRASES:
            if rng.random() < rate:
                body.insert(rng.randrange(len(body)), phrase)
        text = f"{a} and {b} {typ} on {day}. " + " ".join(body) + "."
        yield Extraction(
            id=f"doc{i:06d}", url=f"https://news.example/{i}", text=text, published=day,
            title=f"{a} and {b}", provenance=PROV,
            organizations=[Organization(name=a, kind=ka), Organization(name=b, kind=kb)],
            people=[Person(name=f"Person {rng.randrange(50000)}", title="President", org=a)],
            events=[Event(type=typ, date=day, parties=[a, b], topics=[rng.choice(vocab)])],
        )


def bench_store(db: str, n_docs: int) -> None:
    orgs = org_names(20_000, random.Random(0))
    store = open_store(db)
    marks = [c for c in CHECKPOINTS if c < n_docs] + [n_docs]
    rows = []
    last = (0, io_counters(), time.process_time())

    def counted():
        nonlocal last
        for i, ex in enumerate(synthetic(n_docs, orgs), start=1):
            # the batch ending at a mark (a multiple of 200) is written when the next document
            # is asked for: read the counters then
            if i - 1 in marks:
                done, io, cpu = i - 1, io_counters(), time.process_time()
                n = done - last[0]
                rows.append((done, (io["wchar"] - last[1]["wchar"]) / n,
                             (io["write_bytes"] - last[1]["write_bytes"]) / n, (cpu - last[2]) / n))
                last = (done, io, cpu)
            yield ex

    report = ingest_extractions(store, counted(), near=StoreLSH(store), resolve=False)
    io, cpu = io_counters(), time.process_time()
    n = n_docs - last[0]
    rows.append((n_docs, (io["wchar"] - last[1]["wchar"]) / n,
                 (io["write_bytes"] - last[1]["write_bytes"]) / n, (cpu - last[2]) / n))
    print(f"stored {report.added} documents ({report.copies} near/exact copies)")
    print("store size (docs) | written per doc since the previous mark: wchar KB, write_bytes KB"
          " | CPU ms per doc")
    for done, wchar, wbytes, cpu_per in rows:
        print(f"{done:>9,} | {wchar / 1024:8.1f} {wbytes / 1024:8.1f} | {cpu_per * 1000:6.2f}")
    before = io_counters()
    t = time.process_time()
    resolve_store(store)
    io = io_counters()
    print(f"resolution: {time.process_time() - t:.1f} CPU s, wrote {(io['wchar'] - before['wchar']) / 2**20:.0f} MB"
          f" (wchar), {(io['write_bytes'] - before['write_bytes']) / 2**20:.0f} MB (write_bytes)")
    total = io_counters()
    size = sum(os.path.getsize(p) for p in (db, db + "-wal") if os.path.exists(p))
    print(f"total written {total['wchar'] / 2**30:.2f} GB (wchar) for a {size / 2**30:.2f} GB store")
    store.close()


def bench_search(db: str, repeat: int = 20) -> None:
    with open_store(db, read_only=True) as store:
        n = store.stats()["documents"]
        print(f"search over {n:,} documents, {repeat} runs each after a warm-up (ms; CPU: this"
              f" process's CPU time, the figure to compare on a shared machine; load {os.getloadavg()[0]:.1f}):")
        for q in QUERIES:
            hits = query.search(store, q)
            times, cpu = [], []
            for _ in range(repeat):
                t, c = time.perf_counter(), time.process_time()
                query.search(store, q)
                times.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
            print(f"  {q!r:36} {len(hits):>3} hits  median {statistics.median(times):7.2f}  "
                  f"max {max(times):7.2f}  CPU median {statistics.median(cpu):7.2f}")


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _timed_ingest(folder: Path, db: Path, jobs: int, backend: str) -> tuple[float, float, float, object]:
    load = os.getloadavg()[0]
    store = open_store(db)
    wall, cpu, kids = time.perf_counter(), time.process_time(), _children_cpu()
    report = ingest([folder], store, workers=jobs, backend=backend)
    wall, cpu, kids = time.perf_counter() - wall, time.process_time() - cpu, _children_cpu() - kids
    store.close()
    return wall, cpu, kids, (report, load)


def bench_folder(n: int, backend: str, jobs: list[int]) -> None:
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(folder, n)
        first = {}
        for j in jobs:
            db = Path(tmp) / f"jobs{j}.db"
            wall, cpu, kids, (report, load) = _timed_ingest(folder, db, j, backend)
            first[j] = wall
            print(f"ingest --jobs {j} ({backend}): {report.added} added in {wall:.1f} s wall "
                  f"(load {load:.1f} at start); CPU: parent {cpu:.1f} s, workers {kids:.1f} s")
        j = jobs[0]
        wall, cpu, kids, (report, load) = _timed_ingest(folder, Path(tmp) / f"jobs{j}.db", j, backend)
        print(f"again, unchanged (--jobs {j}): {report.unchanged} unchanged, {report.added} added in "
              f"{wall:.2f} s wall = {100 * wall / first[j]:.1f}% of the first (load {load:.1f}); "
              f"CPU parent {cpu:.2f} s, workers {kids:.2f} s")
        if len(jobs) > 1:
            print(f"speed-up --jobs {jobs[1]} over --jobs {jobs[0]} (wall): {first[jobs[0]] / first[jobs[1]]:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    s = sub.add_parser("store")
    s.add_argument("--docs", type=int, default=100_000)
    s.add_argument("--db", default=None, help="keep the generated store here (a new path)")
    q = sub.add_parser("search")
    q.add_argument("--db", required=True)
    f = sub.add_parser("folder")
    f.add_argument("--docs", type=int, default=10_000)
    f.add_argument("--backend", default="rules")
    f.add_argument("--jobs", default="1,2", help="worker counts to compare, first is the baseline")
    args = ap.parse_args()
    if args.what == "search":
        bench_search(args.db)
    elif args.what == "folder":
        bench_folder(args.docs, args.backend, [int(j) for j in args.jobs.split(",")])
    else:
        with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
            db = args.db or str(Path(tmp) / "bench.db")
            if Path(db).exists():
                raise SystemExit(f"{db} exists: give a new path")
            bench_store(db, args.docs)
            bench_search(db)


if __name__ == "__main__":
    main()
