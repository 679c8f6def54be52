#!/usr/bin/env python3
"""How well each way of choosing the decision thresholds holds on articles it did not choose on.

    bench/selection_pool.py --gold build/gold --lang en [--json-out FILE]

Trains one language as `make train` does with `--select val+oof` (scorers at their default C,
tagger folds by article order), keeping what the thresholds are chosen on: the val articles
scored by the final models and every train article scored out of fold. Then each way of choosing
(val alone, val pooled with train out of fold, train out of fold alone; with --smooth each also
with neighbour smoothing) is scored where it did not choose:
- nested train: for each of the train folds, thresholds chosen on the other folds' out-of-fold
  scores (and all of val), applied to that fold;
- nested val: val split into 3 folds of whole sites, thresholds chosen on the other two (and all
  of train out of fold), applied to the third (val alone then chooses on 40 articles, not 60).
Micro F1 of pairs, events, orgs and the false-alarm rate on negative articles. Reads train and
val only.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import partnergraph.learn.train as training
from partnergraph.learn.decide import decide
from partnergraph.learn.gold import read_gold
from partnergraph.learn.modelfile import DEFAULT_THRESHOLDS
from partnergraph.learn.scoring import evaluate
from partnergraph.learn.selection import grouped_folds, site_of

sys.path.insert(0, str(Path(__file__).resolve().parent))
from out_of_fold import train_only  # noqa: E402


def figures(lm, rows_th) -> dict:
    """Micro F1 and the false-alarm rate of scored articles, each decided at its own thresholds."""
    rep = evaluate([(g, decide(ctx, lm, s, th).model_dump()) for (g, ctx, s), th in rows_th])["all"]
    out = {f: rep[f]["f1"] for f in ("pairs", "events", "orgs", "people")}
    out["false_alarm"] = (rep.get("false_alarm") or {}).get("rate")
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("build/gold"))
    ap.add_argument("--lang", choices=("en", "zh"), required=True)
    ap.add_argument("--json-out", type=Path)
    ap.add_argument("--ways", nargs="+", default=["val", "pool", "oof"], choices=("val", "pool", "oof"),
                    help="val alone, val pooled with train out of fold, train out of fold alone")
    ap.add_argument("--smooth", action="store_true", help="each way also with neighbour smoothing")
    args = ap.parse_args(argv)

    def golds(split):
        gs = read_gold([args.gold / split])[0]
        if split == "train":
            gs = train_only(gs)
        return sorted((g for g in gs if (g.get("lang") or "en") == args.lang), key=lambda g: str(g["id"]))

    items, val_items = training.run_rules(golds("train")), training.run_rules(golds("val"))
    captured = {}

    def capture(lm, val, oof, smooth=False, floor=()):
        captured.update(lm=lm, val=list(val), oof=list(oof))
        return training.thresholds_on_val(lm, list(val) + list(oof), smooth=smooth, floor=floor)

    training.thresholds_on_pool = capture
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / args.lang).mkdir()
        training.fit_language(args.lang, items, val_items, Path(tmp), True, select="val+oof")
    lm, val, oof = captured["lm"], captured["val"], captured["oof"]
    lm.thresholds = dict(DEFAULT_THRESHOLDS)  # every choice starts where training starts
    k = training.LEGACY_FOLDS
    oof_fold = [a % k for a in range(len(oof))]
    val_fold = grouped_folds([site_of(g) for g, _, _ in val], 3)

    def choose(train_part, val_part, how, smooth):
        pool = {"val": val_part, "pool": val_part + train_part, "oof": train_part}[how]
        return training.thresholds_on_val(lm, pool, smooth=smooth)

    results = {}
    for how in args.ways:
        for smooth in (False, True) if args.smooth else (False,):
            name = how + (" smooth" if smooth else "")
            nested_train, chosen = [], []
            for f in range(k):
                th = choose([r for r, x in zip(oof, oof_fold) if x != f], val, how, smooth)
                chosen.append(th)
                nested_train += [(r, th) for r, x in zip(oof, oof_fold) if x == f]
            nested_val = []
            for f in range(3):
                th = choose(oof, [r for r, x in zip(val, val_fold) if x != f], how, smooth)
                nested_val += [(r, th) for r, x in zip(val, val_fold) if x == f]
            full = choose(oof, val, how, smooth)
            results[name] = {"nested_train": figures(lm, nested_train), "nested_val": figures(lm, nested_val),
                             "in_sample_val": figures(lm, [(r, full) for r in val]), "thresholds": full,
                             "fold_events_pairs": [(t["events"], t["pairs"]) for t in chosen]}
    print(f"{args.lang}: {len(oof)} train articles out of fold, {len(val)} val")
    head = f"{'selection':12s} | nested train pairs events orgs f.al | nested val pairs events orgs f.al | events/pairs chosen (train folds)"
    print(head)
    for name, r in results.items():
        nt, nv = r["nested_train"], r["nested_val"]
        cell = lambda d: f"{d['pairs']:.3f} {d['events']:.3f} {d['orgs']:.3f} {d['false_alarm'] or 0:.3f}"  # noqa: E731
        print(f"{name:12s} | {cell(nt)} | {cell(nv)} | {r['fold_events_pairs']} full: "
              f"{ {t: r['thresholds'][t] for t in ('events', 'pairs', 'party', 'extra', 'document', 'orgs')} }")
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
