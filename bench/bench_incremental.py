"""Incremental resolution (issue 13): the cost of adding documents to a large store, against
one full resolution of it.

    .venv/bin/python bench/bench_incremental.py --docs 10000 [--db PATH] [--adds 1 100]

1. build: `--docs` generated extractions (below) written with `ingest_extractions` without
   resolution (near-duplicate check off: its cost is ingest-path's, not resolution's);
2. full: one full resolution of that store (`resolve --force`: what every ingest paid before);
3. add N: N more generated documents ingested the ordinary way (store + incremental
   resolution), for each N of `--adds`, one after the other.
Each step runs in a fresh process, so its CPU time (user + system) and peak resident set
size are its own; the figures are CPU seconds, not wall time, as the machine is shared.

The records are generated here, nothing is read or downloaded: organizations drawn with a
Zipf-like skew (a tenth of all picks on the first 0.1%, so hubs are named in thousands of
documents) from a pool of English names (three words and a head word, a third with an
acronym alias) and Chinese names whose English form spells their pinyin (青川光 + 大学 /
"Qingchuanguang University"), so cross-language candidates are found and linked; a Chinese
document names the Chinese form, an English one the English form, one in twenty both (an
alias). Each document has one event between its first two organizations on one of 3,000
days, a person at its first organization, and about 300 bytes of text.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["river", "stone", "cloud", "field", "light", "metal", "glass", "paper", "water",
         "green", "quiet", "rapid", "solar", "wind", "grain", "harbor", "valley", "bridge",
         "tower", "garden", "signal", "carbon", "silicon", "ocean", "forest", "summit", "north",
         "south", "east", "west", "lake", "mountain", "star", "pearl", "jade", "golden"]
HEADS = [("University", "university"), ("Group", "company"), ("Institute", "research"),
         ("Technology Co., Ltd.", "company"), ("Bureau", "government")]
ZH_HEADS = [("大学", "University", "university"), ("集团", "Group", "company"),
            ("研究院", "Research Institute", "research")]
# characters with one reading each, so a generated English form spells exactly one name
ZH_CHARS = "青川华海江山明泰龙云星光新宇锦凤湖洋林峰"


def org_pool(n: int, rng: random.Random) -> list[tuple[str, list[str], str, str | None]]:
    """(English name, its aliases, kind, Chinese name or None), half English only."""
    from pypinyin import lazy_pinyin

    pool: dict[str, tuple] = {}
    while len(pool) < n:
        if rng.random() < 0.5:
            head, kind = rng.choice(HEADS)
            words = [rng.choice(WORDS).title() for _ in range(3)]
            name = f"{' '.join(words)} {head}"
            aliases = ["".join(w[0] for w in words) + head[0]] if rng.random() < 0.33 else []
            pool.setdefault(name, (name, aliases, kind, None))
        else:
            chars = "".join(rng.choice(ZH_CHARS) for _ in range(3))
            zh_head, en_head, kind = rng.choice(ZH_HEADS)
            name = f"{''.join(lazy_pinyin(chars)).title()} {en_head}"
            pool.setdefault(name, (name, [], kind, chars + zh_head))
    return sorted(pool.values())


def pick(orgs: list, rng: random.Random):
    return orgs[int(len(orgs) * rng.random() ** 3)]


def extractions(start: int, n: int, orgs: list, seed: int):
    from partnergraph.models import Event, Extraction, Organization, Person, Provenance

    prov = Provenance(backend="bench", version="0")
    rng = random.Random(seed)
    for i in range(start, start + n):
        picks = []
        while len(picks) < rng.choice((2, 2, 3)):
            o = pick(orgs, rng)
            if o not in picks:
                picks.append(o)
        zh = rng.random() < 0.4
        both = rng.random() < 0.05
        names, organizations = [], []
        for en, aliases, kind, cn in picks:
            if cn and zh:
                names.append(cn)
                organizations.append(Organization(name=cn, kind=kind, aliases=[en] if both else []))
            else:
                names.append(en)
                organizations.append(Organization(name=en, kind=kind, aliases=aliases + (
                    [cn] if cn and both else [])))
        day = f"20{rng.randrange(16, 24)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        typ = rng.choice(["agreement", "visit", "meeting", "joint_entity"])
        filler = " ".join(rng.choice(WORDS) + str(rng.randrange(1000)) for _ in range(30))
        yield Extraction(
            id=f"doc{i:07d}", text=f"{names[0]} and {names[1]} {typ} on {day}. {filler}",
            published=day, lang="zh" if zh else "en", provenance=prov,
            organizations=organizations,
            people=[Person(name=f"Person {rng.randrange(50_000)}", title="President", org=names[0])],
            events=[Event(type=typ, date=day, parties=names[:2])])


def usage() -> dict:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu_s": round(r.ru_utime + r.ru_stime, 2), "peak_rss_mb": round(r.ru_maxrss / 1024)}


def phase(args) -> dict:
    """One step in this process; prints its figures as JSON."""
    from partnergraph.ingest import ingest_extractions
    from partnergraph.resolution import resolve_store
    from partnergraph.store import open_store

    orgs = org_pool(args.orgs, random.Random(0))
    store = open_store(args.db)
    before = usage()  # its peak RSS: the imports and the generator's pool of names
    t = time.perf_counter()
    out: dict = {}
    if args.phase == "build":
        report = ingest_extractions(store, extractions(0, args.docs, orgs, seed=1), resolve=False)
        out["added"] = report.added
    elif args.phase == "full":
        resolve_store(store, full=True)
    else:
        n = int(args.phase)
        # the documents are numbered from 0 and never deleted here; COUNT(*) would read a whole
        # index into the page cache, memory the bench would charge to the ingest
        start = store.conn.execute("SELECT COALESCE(MAX(doc_key), 0) FROM documents").fetchone()[0]
        t_store = time.perf_counter()
        report = ingest_extractions(store, extractions(start, n, orgs, seed=start + 7),
                                    resolve=False)
        out["store_s"] = round(time.perf_counter() - t_store, 2)
        cpu0 = usage()["cpu_s"]
        stats = resolve_store(store)
        out["resolution_cpu_s"] = round(usage()["cpu_s"] - cpu0, 2)
        out["added"] = report.added
        out["incremental"] = stats is not None
        if stats is not None:
            out.update(names=stats.names, links_read=stats.links_read, rounds=stats.rounds,
                       entities_written=stats.entities_written,
                       events_written=stats.events_written, event_reports=stats.event_reports,
                       people_written=stats.people_written)
    after = usage()
    out.update(wall_s=round(time.perf_counter() - t, 2), cpu_s=round(after["cpu_s"] - before["cpu_s"], 2),
               peak_rss_mb=after["peak_rss_mb"], rss_before_mb=before["peak_rss_mb"],
               store=store.stats())
    store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--orgs", type=int, default=None, help="pool size (default docs / 5)")
    ap.add_argument("--db", default=None, help="keep the store here (a new path), or reuse one "
                    "built by --phase build")
    ap.add_argument("--adds", type=int, nargs="*", default=[1, 100])
    ap.add_argument("--skip-build", action="store_true", help="--db exists: add and time only")
    ap.add_argument("--phase", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.orgs = args.orgs or max(200, args.docs // 5)
    if args.phase:
        print(json.dumps(phase(args)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        steps = ([] if args.skip_build else ["build"]) + ["full"] + [str(n) for n in args.adds]
        full = None
        for step in steps:
            cmd = [sys.executable, __file__, "--phase", step, "--db", db, "--docs",
                   str(args.docs), "--orgs", str(args.orgs)]
            res = json.loads(subprocess.run(cmd, check=True, capture_output=True,
                                            text=True).stdout.splitlines()[-1])
            if step == "full":
                full = res["cpu_s"]
            label = {"build": "build (store, no resolution)", "full": "full resolution"}.get(
                step, f"add {step} document(s)")
            extra = ""
            if step not in ("build", "full") and full:
                extra = (f"; resolution {res['resolution_cpu_s']} CPU s = "
                         f"{100 * res['resolution_cpu_s'] / full:.1f}% of the full resolution")
            print(f"{label}: {res['cpu_s']} CPU s ({res['wall_s']} s wall), peak RSS "
                  f"{res['peak_rss_mb']} MB (before the step {res['rss_before_mb']} MB){extra}")
            print("   " + json.dumps({k: v for k, v in res.items()
                                      if k not in ("cpu_s", "wall_s", "peak_rss_mb",
                                                   "rss_before_mb")}))


if __name__ == "__main__":
    main()
