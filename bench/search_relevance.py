"""Search relevance on a dozen queries: the share of the top hits an analyst would want.

    .venv/bin/python bench/search_relevance.py --db KB.db [-k 5] [--show]

Build the knowledge base first, e.g. `partnergraph ingest ../shared/eval/unlabeled
../shared/corpus --db /tmp/kb.db`. Each query comes with what a relevant article must say (a
pattern over its text, written for the query's intent: "MIT" wants the Massachusetts Institute
of Technology, not "committee"). Relevance@k is the share of the top k hits whose text says it;
it is measured for `query.search` (word index, BM25) and, as the baseline, for the trigram
substring search the store had before (the same `documents_fts` table, ranked by its bm25).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

QUERIES: list[tuple[str, str]] = [
    ("MIT", r"Massachusetts Institute of Technology|\bMIT\b"),
    ("AI", r"\bAI\b|artificial intelligence|人工智"),
    ("joint laboratory", r"joint (?:\w+ )?lab"),
    ('"memorandum of understanding"', r"memorandum of understanding"),
    ("robot*", r"\brobot"),
    ("battery", r"\bbatter(?:y|ies)\b"),
    ("hospital", r"\bhospitals?\b"),
    ("Huawei", r"\bHuawei\b"),
    ("Tsinghua", r"\bTsinghua\b"),
    ("签约", r"签约"),
    ("华为", r"华为"),
    ("人才培养", r"人才培养|人才培養"),
]


def run(db: Path, k: int, show: bool) -> int:
    from partnergraph.query import search
    from partnergraph.store import open_store

    totals = {"words": [0, 0], "trigram": [0, 0]}
    with open_store(db, create=False) as store:
        for q, intent in QUERIES:
            want = re.compile(intent, re.IGNORECASE)
            hits = search(store, q, limit=k)
            texts = {d: t for d, t in store.conn.execute("SELECT id, text FROM documents")}
            good = sum(1 for h in hits if want.search(texts[h.doc_id]))
            phrase = '"' + q.strip('"*').replace('"', '""') + '"'
            base = [r[0] for r in store.conn.execute(
                "SELECT d.id FROM documents_fts JOIN documents d ON d.doc_key=documents_fts.rowid"
                " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?", (phrase, k))] \
                if len(q.strip('"*')) >= 3 else [r[0] for r in store.conn.execute(
                    "SELECT id FROM documents WHERE instr(lower(text), lower(?)) > 0"
                    " ORDER BY published DESC LIMIT ?", (q.strip('"*'), k))]
            base_good = sum(1 for d in base if want.search(texts[d]))
            totals["words"][0] += good
            totals["words"][1] += len(hits)
            totals["trigram"][0] += base_good
            totals["trigram"][1] += len(base)
            print(f"{q:<32} now {good}/{len(hits)}   before {base_good}/{len(base)}")
            if show:
                for h in hits:
                    mark = "+" if want.search(texts[h.doc_id]) else "-"
                    print(f"   {mark} {h.doc_id:<16} {h.snippet[:150]}")
    for name, (good, n) in totals.items():
        label = "now (words, BM25)" if name == "words" else "before (trigram substring)"
        print(f"{label:<28} relevant {good}/{n} = {good / n if n else 0:.3f}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--show", action="store_true", help="print each hit with its snippet")
    args = ap.parse_args()
    if not args.db.exists():
        print(f"no knowledge base at {args.db}: run `partnergraph ingest ... --db {args.db}` first",
              file=sys.stderr)
        return 2
    return run(args.db, args.k, args.show)


if __name__ == "__main__":
    sys.exit(main())
