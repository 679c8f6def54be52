"""Which tables and indexes an ingest writes (issue 13, disk written per document): the WAL
frames the commits of `--add` documents append to a store of `--docs`, by b-tree.

    .venv/bin/python bench/bench_wal_pages.py --db PATH --docs 20000 --add 1000

The documents are bench_ingest.py's synthetic ones, written the way its `store` step writes
them (`ingest_extractions` with the near-duplicate index, no resolution); a store at PATH with
fewer documents is filled up to `--docs` first. The WAL is emptied before the measured
ingest and holds every page its commits wrote, as long as they stay under the 64 MB between
checkpoints that `Store.bulk_writes` sets (checked). Each frame's page is attributed to the
b-tree holding it afterwards (SQLite's dbstat); pages freed meanwhile show as "other".
"""

from __future__ import annotations

import argparse
import random
import struct
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ingest import synthetic  # noqa: E402
from bench_store import org_names  # noqa: E402

from partnergraph.ingest import StoreLSH, ingest_extractions  # noqa: E402
from partnergraph.store import BULK_CHECKPOINT_PAGES, open_store  # noqa: E402

FRAME_HEADER, WAL_HEADER = 24, 32


def wal_pages(path: Path) -> tuple[int, list[int]]:
    """(page size, the page number of each frame) of a WAL file."""
    wal = path.read_bytes()
    page = struct.unpack(">I", wal[8:12])[0]
    frames, off = [], WAL_HEADER
    while off + FRAME_HEADER + page <= len(wal):
        frames.append(struct.unpack(">I", wal[off:off + 4])[0])
        off += FRAME_HEADER + page
    return page, frames


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--add", type=int, default=1_000)
    args = ap.parse_args()
    orgs = org_names(20_000, random.Random(0))
    docs = list(synthetic(args.docs + args.add, orgs))
    with open_store(args.db) as store:
        have = store.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        if have < args.docs:
            ingest_extractions(store, docs[have:args.docs], near=StoreLSH(store), resolve=False)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ingest_extractions(store, docs[args.docs:args.docs + args.add], near=StoreLSH(store),
                           resolve=False)
        page, frames = wal_pages(Path(args.db + "-wal"))
        if len(frames) >= BULK_CHECKPOINT_PAGES:
            sys.exit(f"{len(frames)} frames: a checkpoint may have run; use a smaller --add")
        owner = dict((p, name) for name, p in store.conn.execute("SELECT name, pageno FROM dbstat"))
    per_doc = (page + FRAME_HEADER) / args.add / 1024
    print(f"{args.add} documents added to {args.docs}: {len(frames)} WAL frames, "
          f"{len(frames) * per_doc:.1f} KB per document")
    for name, n in Counter(owner.get(p, "other") for p in frames).most_common(20):
        print(f"{name:36s} {n:7d} frames {n * per_doc:6.2f} KB/doc")


if __name__ == "__main__":
    main()
