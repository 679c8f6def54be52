"""Two outputs of `partnergraph spark` hold the same rows, and those equal single-process `extract`.

    .venv/bin/python scripts/spark_compare.py OUT_A OUT_B [--extract INPUT...] [--backend B]

Every table (documents, organizations, people, events, evidence, failures, skipped) is read
with its month partition and compared as a multiset of rows, every column included (the
near-duplicate signatures and the input order too). With --extract, the documents' records
and the failures are compared with `extract` over the same INPUTs, spelt as the job got them
(run it from the same working directory). Prints one JSON line; exit 1 on any difference.
Used by scripts/spark_standalone.sh (cluster against local mode).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

TABLES = ("documents", "organizations", "people", "events", "evidence", "failures", "skipped")


def rows(out: Path, table: str) -> list[str]:
    """The table's rows as canonical JSON strings, sorted (bytes as hex)."""
    import pyarrow.dataset as ds

    dataset = ds.dataset(str(out / table), format="parquet", partitioning="hive")
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False, default=lambda b: b.hex())
                  for r in dataset.to_table().to_pylist())


def differences(a: Path, b: Path) -> dict[str, str]:
    """{table: what differs} between two outputs; empty when every table is equal."""
    found = {}
    for table in TABLES:
        ra, rb = rows(a, table), rows(b, table)
        if ra != rb:
            only_a, only_b = set(ra) - set(rb), set(rb) - set(ra)
            found[table] = f"{len(ra)} vs {len(rb)} rows; {len(only_a)} only in A, {len(only_b)} only in B"
    return found


def against_extract(out: Path, inputs: list[str], backend: str) -> dict[str, str]:
    """{what: how it differs} between the job's documents and failures and `extract`'s."""
    from partnergraph.extraction.backend import load_backend
    from partnergraph.runner import extract_all

    expected, failures = {}, set()
    for result in extract_all(inputs, load_backend(backend)):
        if result.failure is not None:
            failures.add((result.failure.source, result.failure.reason))
        else:
            expected[result.extraction.id] = result.extraction.model_dump(mode="json")
    got = {json.loads(r)["id"]: json.loads(json.loads(r)["extraction"]) for r in rows(out, "documents")}
    got_failures = {(f["source"], f["reason"]) for f in map(json.loads, rows(out, "failures"))}
    found = {}
    if got.keys() != expected.keys():
        found["document ids"] = f"{len(got)} vs {len(expected)} from extract"
    unequal = [i for i in expected.keys() & got.keys() if expected[i] != got[i]]
    if unequal:
        found["records"] = f"{len(unequal)} differ, e.g. {sorted(unequal)[:3]}"
    if got_failures != failures:
        found["failures"] = f"{sorted(got_failures ^ failures)[:3]}"
    return found


def main() -> int:
    from partnergraph.extraction.backend import DEFAULT_BACKEND

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--extract", nargs="+", metavar="INPUT", help="compare with `extract` over these inputs")
    parser.add_argument("--backend", default=DEFAULT_BACKEND)
    args = parser.parse_args()
    found = differences(args.a, args.b)
    if args.extract:
        found.update({f"extract: {k}": v for k, v in against_extract(args.a, args.extract, args.backend).items()})
    counts = {t: len(rows(args.a, t)) for t in TABLES}
    print(json.dumps({"equal": not found, "rows": counts, "differences": found}))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
