"""Knowledge-base figures (issue 4): ingest throughput, flat memory, query latency.

    .venv/bin/python bench/bench_store.py [--docs 100000] [--orgs 20000] [--e2e 3000] [--db PATH]
    .venv/bin/python bench/bench_store.py --db PATH --queries-only --e2e 0

1. store: `--docs` generated extractions (one event each between two of `--orgs`
   organizations drawn with a Zipf-like skew, so a few hubs have thousands of events; about
   1 KB of unique text each) are written through `ingest_extractions` with the default batch
   size and near-duplicate check; the resident set size is sampled every 10% of the way.
   Then one resolution over everything is timed.
2. queries: `query.partners` and `query.org` on 300 organizations drawn the same way (hubs
   included), after one warm-up call; median, p95 and max.
3. end to end: `--e2e` generated article files (English and Chinese) through `ingest()`
   with the rules backend — read, clean, extract, store, resolve.
Everything is generated here; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path

from partnergraph import query
from partnergraph.ingest import StoreLSH, ingest, ingest_extractions
from partnergraph.models import Event, Extraction, Organization, Person, Provenance
from partnergraph.resolution import resolve_store
from partnergraph.resolution.names import name_key
from partnergraph.store import open_store

WORDS = ["river", "stone", "cloud", "field", "light", "metal", "glass", "paper", "water", "green", "quiet", "rapid", "solar", "wind", "grain", "harbor", "valley", "bridge", "tower", "garden", "signal", "carbon", "silicon", "ocean", "forest", "summit", "north", "south", "east", "west", "lake", "mountain", "star", "pearl", "jade", "golden", "silver", "crystal"]
HEADS = [("University", "university"), ("Group", "company"), ("Institute", "research"),
         ("Technology Co., Ltd.", "company"), ("Bureau", "government")]
ZH_HEADS = ["大学", "集团", "研究院", "科技有限公司"]
ZH_CHARS = "东南西北湖山海江河华星光明新科信达天宇中安泰和盛锦云龙凤"
PROV = Provenance(backend="bench", version="0")


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def org_names(n: int, rng: random.Random) -> list[tuple[str, str]]:
    names: set[tuple[str, str]] = set()
    while len(names) < n:
        head, kind = rng.choice(HEADS)
        words = " ".join(rng.choice(WORDS).title() for _ in range(3))
        names.add((f"{words} {head}", kind))
    return sorted(names)


def pick(orgs: list, rng: random.Random):
    # Zipf-like: index ~ n * u^3 puts a tenth of all picks on the first 0.1% of organizations
    return orgs[int(len(orgs) * rng.random() ** 3)]


def pick_event(orgs: list, rng: random.Random):
    """Two distinct organizations (name, kind), a day and an event type for one document."""
    (a, ka), (b, kb) = pick(orgs, rng), pick(orgs, rng)
    if a == b:
        b, kb = orgs[(orgs.index((b, kb)) + 1) % len(orgs)]
    day = f"20{rng.randrange(15, 25)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    return (a, ka), (b, kb), day, rng.choice(["agreement", "visit", "meeting", "joint_entity"])


def extractions(n_docs: int, orgs: list, seed: int = 1):
    rng = random.Random(seed)
    for i in range(n_docs):
        (a, ka), (b, kb), day, typ = pick_event(orgs, rng)
        filler = " ".join(rng.choice(WORDS) + str(rng.randrange(1000)) for _ in range(140))
        text = f"{a} and {b} {typ} on {day}. {filler}"
        yield Extraction(
            id=f"doc{i:06d}", url=f"https://news.example/{i}", text=text, published=day,
            provenance=PROV,
            organizations=[Organization(name=a, kind=ka), Organization(name=b, kind=kb)],
            people=[Person(name=f"Person {rng.randrange(50000)}", title="President", org=a)],
            events=[Event(type=typ, date=day, parties=[a, b], topics=[rng.choice(WORDS)])],
        )


def bench_store(db: str, n_docs: int, n_orgs: int) -> list[tuple[str, str]]:
    orgs = org_names(n_orgs, random.Random(0))
    store = open_store(db)
    samples: list[tuple[int, float]] = []
    step = max(1, n_docs // 10)

    def sampled():
        for i, ex in enumerate(extractions(n_docs, orgs), start=1):
            yield ex
            if i % step == 0:
                samples.append((i, rss_mb()))

    t = time.perf_counter()
    report = ingest_extractions(store, sampled(), near=StoreLSH(store), resolve=False)
    took = time.perf_counter() - t
    print(f"store: {report.added} documents stored in {took:.1f} s = "
          f"{report.added / took:,.0f} docs/s (near-duplicate check on, batches of 200)")
    print("rss while ingesting (docs: MB): " + ", ".join(f"{i:,}: {m:.0f}" for i, m in samples))
    t = time.perf_counter()
    resolve_store(store)
    print(f"resolution of everything: {time.perf_counter() - t:.1f} s, rss {rss_mb():.0f} MB; "
          f"{store.stats()}")
    store.close()
    return orgs


def bench_queries(db: str, orgs: list, n: int = 300) -> None:
    store = open_store(db)
    rng = random.Random(5)
    with store:
        names = []
        while len(names) < n:  # organizations drawn as the documents drew them, hubs included
            name = pick(orgs, rng)[0]
            if store.entity_id_by_key(name_key(name)) is not None:
                names.append(name)
        query.partners(store, names[0])
        query.org(store, names[0])
        # two passes: the first reads pages from disk (cold), the second from the cache
        for attempt in ("first pass", "second pass"):
            for label, call in (("partners", query.partners), ("org", query.org)):
                times = []
                for name in names:
                    t = time.perf_counter()
                    call(store, name)
                    times.append((time.perf_counter() - t) * 1000)
                times.sort()
                print(f"{label} ({attempt}): median {statistics.median(times):.2f} ms, "
                      f"p95 {times[int(0.95 * len(times))]:.2f} ms, max {times[-1]:.2f} ms "
                      f"over {n} organizations")
        hub = orgs[0][0]
        print(f"largest hub {hub!r}: {len(query.partners(store, hub))} partners, "
              f"{len(query.events(store, org=hub, limit=None))} events")


def write_articles(folder: Path, n: int) -> None:
    rng = random.Random(3)
    for i in range(n):
        if i % 2:
            a = "".join(rng.choice(ZH_CHARS) for _ in range(3)) + rng.choice(ZH_HEADS)
            b = "".join(rng.choice(ZH_CHARS) for _ in range(3)) + rng.choice(ZH_HEADS)
            filler = "".join(rng.choice(ZH_CHARS) for _ in range(400))
            text = (f"{a}与{b}签署战略合作协议\n\n发布时间：2024-05-20\n\n"
                    f"5月18日，{a}与{b}在{a}签署战略合作协议。双方将在人才培养、科技研发等领域开展合作。\n\n"
                    f"{filler}。\n")
        else:
            a = f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} University"
            b = f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} Group"
            filler = " ".join(rng.choice(WORDS) + str(rng.randrange(100)) for _ in range(150))
            text = (f"{a} and {b} Sign Strategic Cooperation Agreement\n\n"
                    f"On March {1 + i % 28}, 2024, {a} and {b} signed a strategic cooperation "
                    f"agreement in the fields of {rng.choice(WORDS)} research and talent training. "
                    f"President Li Wei of {a} attended the ceremony.\n\n{filler}.\n")
        (folder / f"article{i:06d}.txt").write_text(text, encoding="utf-8")


def bench_e2e(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(folder, n)
        store = open_store(Path(tmp) / "e2e.db")
        samples: list[float] = []
        done = threading.Event()

        def sample() -> None:  # the ingesting process's RSS, every second
            while not done.wait(1.0):
                samples.append(rss_mb())

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        t = time.perf_counter()
        report = ingest([folder], store)
        took = time.perf_counter() - t
        done.set()
        sampler.join()
        tenth = max(1, len(samples) // 10)
        print("end-to-end rss of the ingesting process every ~10% of the run (MB): "
              + ", ".join(f"{m:.0f}" for m in samples[::tenth]))
        print(f"end to end: {report.added} articles read, extracted (rules, {os.cpu_count()} "
              f"workers), stored and resolved in {took:.1f} s = {report.added / took:,.0f} docs/s; "
              f"{store.stats()}")
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--orgs", type=int, default=20_000)
    ap.add_argument("--e2e", type=int, default=3000)
    ap.add_argument("--db", default=None, help="keep the generated database here")
    ap.add_argument("--queries-only", action="store_true",
                    help="time the queries on an existing --db made with the same --orgs")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        if args.queries_only:
            bench_queries(db, org_names(args.orgs, random.Random(0)))
        elif args.docs:
            if args.db and Path(db).exists():
                raise SystemExit(f"{db} exists: give a new path")
            bench_queries(db, bench_store(db, args.docs, args.orgs))
    if args.e2e:
        bench_e2e(args.e2e)


if __name__ == "__main__":
    main()
