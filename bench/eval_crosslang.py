"""Precision and recall of cross-language organization links on labelled name pairs.

    .venv/bin/python bench/eval_crosslang.py [--pairs bench/data/crosslang_pairs.tsv] [--check] [-v]

Every name of the pair file becomes an organization of its own article (Chinese names in
Chinese articles, English ones in English articles, no article holding two: the names alone
must carry the link), the store's resolution runs with its cross-language step
(`resolution.crosslang`), and a pair counts as linked when both names end in one entity.
All names are resolved together, as in a knowledge base, so a look-alike that makes a name
ambiguous (恒通集团 next to 亨通集团) weighs on the result. --check exits 1 below the floor
the issue sets (precision 0.98).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PRECISION_FLOOR = 0.98


def load(path: Path) -> list[tuple[str, str, bool, str]]:
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zh, en, same, origin = line.split("\t")
        rows.append((zh, en, same == "1", origin))
    return rows


def linked(pairs: list[tuple[str, str, bool, str]]) -> tuple[dict[tuple[str, str], bool], dict]:
    """(zh, en) -> linked, and (zh key, en key) -> the link's explanation."""
    from partnergraph.resolution.crosslang import cross_links
    from partnergraph.resolution.entities import Link, resolve
    from partnergraph.resolution.names import name_key

    names = sorted({n for zh, en, *_ in pairs for n in (zh, en)})
    rows = [(doc, 0, "name", n, name_key(n), "other") for doc, n in enumerate(names, start=1)]
    first = resolve(rows)
    links, apart = cross_links(rows, [], first.key_to_entity)
    final = resolve(rows, (), [Link(c.zh, c.en, "cross-language", c.doc_key, c.detail) for c in links],
                    [Link(c.zh, c.en, "cross-language", c.doc_key, c.detail) for c in apart])
    ent = final.key_to_entity
    out = {(zh, en): ent[name_key(zh)] == ent[name_key(en)] for zh, en, *_ in pairs}
    why = {(c.zh, c.en): c.detail for c in links + apart}
    return out, why


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=Path, default=ROOT / "data" / "crosslang_pairs.tsv")
    ap.add_argument("--check", action="store_true", help=f"exit 1 when precision < {PRECISION_FLOOR}")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every pair with its verdict")
    args = ap.parse_args()
    from partnergraph.resolution.names import name_key

    pairs = load(args.pairs)
    got, why = linked(pairs)
    tp = sum(1 for zh, en, same, _ in pairs if same and got[(zh, en)])
    fp = sum(1 for zh, en, same, _ in pairs if not same and got[(zh, en)])
    fn = sum(1 for zh, en, same, _ in pairs if same and not got[(zh, en)])
    for zh, en, same, origin in pairs:
        verdict = ("TP" if same else "FP") if got[(zh, en)] else ("FN" if same else "TN")
        if args.verbose or verdict in ("FP", "FN"):
            detail = why.get((name_key(zh), name_key(en)), "no alignment")
            print(f"{verdict}  {zh}  |  {en}  [{origin}]  {detail}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    n_true = sum(1 for p in pairs if p[2])
    print(f"pairs {len(pairs)} ({n_true} same, {len(pairs) - n_true} look-alikes)  "
          f"linked {tp + fp}  precision {precision:.3f}  recall {recall:.3f}")
    if args.check and precision < PRECISION_FLOOR:
        print(f"precision {precision:.3f} is under the floor {PRECISION_FLOOR}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
