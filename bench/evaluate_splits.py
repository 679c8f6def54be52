#!/usr/bin/env python3
"""Scores of the rules-only and the learned backend on each corpus split, side by side.

    bench/evaluate_splits.py --gold build/gold --splits train val [test] [--model DIR] [--curve]

`--gold` holds one folder of gold files per split (`make gold` writes them). Read the test split
only to report: nothing may be tuned on what it shows. `--curve` also trains models on 25%, 50%
and 100% of train (articles in a fixed order) and scores each on the other splits, to show whether
more annotation would still help. Every figure is given twice: micro F1 over all items (the
usual view) and article-weighted F1 (`scoring.evaluate(..., per_article=True)`, as `partnergraph
evaluate` prints it: each article counts at most 10 gold and 10 wrong items per field, so one
long article does not decide a split's figure).
Figures go to stdout as tables and, with --json-out, a file.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from partnergraph.extraction.backend import load_backend
from partnergraph.learn.gold import document_of, read_gold
from partnergraph.learn.scoring import evaluate
from partnergraph.learn.selection import ARTICLE_CAP
from partnergraph.pipeline import process_document

FIELDS = ("orgs", "people", "pairs", "events")


def score(backend, golds):
    rows = [(g, process_document(document_of(g), backend).model_dump()) for g in golds]
    report = evaluate(rows, per_article=True)
    return report, {g: r.pop("per_article") for g, r in report.items()}


def weighted_row(weighted, group):
    r = weighted.get(group) or {}
    return [f"{r.get(f, float('nan')):.3f}" for f in FIELDS]


def row(report, group):
    r = report.get(group) or {}
    cells = [f"{(r.get(f) or {}).get('f1', float('nan')):.3f}" for f in FIELDS]
    cells.append(f"{(r.get('dates') or {}).get('accuracy') or 0:.3f}")
    fa = (r.get("false_alarm") or {}).get("rate")
    cells.append("-" if fa is None else f"{fa:.3f}")
    return cells


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("build/gold"))
    ap.add_argument("--splits", nargs="+", default=["train", "val"])
    ap.add_argument("--model", type=Path, help="model folder (default: the shipped one)")
    ap.add_argument("--curve", action="store_true")
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args(argv)
    golds = {s: read_gold([args.gold / s])[0] for s in args.splits}
    backends = {"rules": load_backend("rules"),
                "learned": load_backend("learned", {"model": str(args.model)} if args.model else None)}
    results, weighted_lines = {}, []
    print(f"{'backend':8s} {'split':6s} {'lang':4s} " + " ".join(f"{f:>7s}" for f in FIELDS)
          + f" {'dates':>7s} {'f.alarm':>7s}  articles")
    for name, backend in backends.items():
        for split, gs in golds.items():
            rep, weighted = score(backend, gs)
            results[f"{name}/{split}"] = rep
            results[f"{name}/{split}/article-weighted"] = weighted
            for lang in ("en", "zh", "all"):
                if lang in rep:
                    print(f"{name:8s} {split:6s} {lang:4s} " + " ".join(f"{c:>7s}" for c in row(rep, lang))
                          + f"  {rep[lang]['articles']['n']}")
                    weighted_lines.append(f"{name:8s} {split:6s} {lang:4s} "
                                          + " ".join(f"{c:>7s}" for c in weighted_row(weighted, lang)))
    if args.curve and "train" in golds:
        from partnergraph.learn.train import train
        order = sorted(golds["train"], key=lambda g: str(g["id"]))
        for share in (0.25, 0.5, 1.0):
            subset = [g for k, g in enumerate(order) if (k % 4) < round(share * 4)]
            with tempfile.TemporaryDirectory() as tmp:
                train(subset, tmp, val=golds.get("val"), name=f"curve-{share}")
                backend = load_backend("learned", {"model": tmp})
                for split in args.splits:
                    if split == "train":
                        continue
                    rep, weighted = score(backend, golds[split])
                    results[f"curve{share}/{split}"] = rep
                    results[f"curve{share}/{split}/article-weighted"] = weighted
                    for lang in ("en", "zh"):
                        if lang in rep:
                            print(f"{'curve':8s} {split:6s} {lang:4s} " + " ".join(f"{c:>7s}" for c in row(rep, lang))
                                  + f"  train {len(subset)} ({int(share * 100)}%)")
                            weighted_lines.append(
                                f"{'curve':8s} {split:6s} {lang:4s} "
                                + " ".join(f"{c:>7s}" for c in weighted_row(weighted, lang))
                                + f"  train {len(subset)} ({int(share * 100)}%)")
    print(f"\narticle-weighted F1 (each article counts at most {ARTICLE_CAP} gold and {ARTICLE_CAP} wrong items per field)")
    print(f"{'backend':8s} {'split':6s} {'lang':4s} " + " ".join(f"{f:>7s}" for f in FIELDS))
    for line in weighted_lines:
        print(line)
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
