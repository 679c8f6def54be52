#!/usr/bin/env python3
"""Which way of choosing the decision thresholds holds on val when val takes no part in the choice.

    bench/selection_heldout.py --gold build/gold --lang en [--floor /work/shared/eval/dev]
        [--order-seed N] [--cache DIR] [--ways old new ...] [--drop-sites]

Trains one language as `make train` does (`--select val+oof`: scorers at their default C, folds by
article order, every train article scored out of fold by scorers fitted on the other folds), then
chooses the thresholds with each way on **train out of fold only** (and the floor articles, as
`make train` passes them) and scores val with the final models: val took no part in the choice,
so its figures are held out. Also:
- nested out of fold: the out-of-fold train articles in 3 folds of whole sites, thresholds chosen
  on two, applied to the third;
- --drop-sites: how far each threshold moves when one site's articles leave the pool (every site
  with 3 articles or more);
- --order-seed N: the train articles shuffled before the folds are dealt (article k in fold k % 3),
  so another fold assignment: compare the chosen thresholds across seeds.
Reads train, val and the floor articles only, never test.
"""
from __future__ import annotations

import argparse
import json
import pickle
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import partnergraph.learn.train as training
from partnergraph.learn.decide import decide
from partnergraph.learn.gold import read_gold
from partnergraph.learn.modelfile import DEFAULT_THRESHOLDS
from partnergraph.learn.scoring import evaluate
from partnergraph.learn.selection import grouped_folds, site_of

sys.path.insert(0, str(Path(__file__).resolve().parent))
from out_of_fold import train_only  # noqa: E402

KEYS = ("events", "pairs", "party", "extra", "document", "backed", "orgs", "people", "tagged")


def figures(lm, rows_th) -> dict:
    """Micro F1 and the false-alarm rate of scored articles, each decided at its own thresholds."""
    rep = evaluate([(g, decide(ctx, lm, s, th).model_dump()) for (g, ctx, s), th in rows_th])["all"]
    out = {f: rep[f]["f1"] for f in ("pairs", "events", "orgs", "people")}
    out["false_alarm"] = (rep.get("false_alarm") or {}).get("rate") or 0.0
    return out


def capture(args) -> dict:
    def golds(path, train=False):
        gs = read_gold([path])[0]
        if train:
            gs = train_only(gs)
        return sorted((g for g in gs if (g.get("lang") or "en") == args.lang), key=lambda g: str(g["id"]))

    train_golds = golds(args.gold / "train", train=True)
    if args.order_seed:
        random.Random(args.order_seed).shuffle(train_golds)
    items, val_items = training.run_rules(train_golds), training.run_rules(golds(args.gold / "val"))
    floor_items = training.run_rules(golds(args.floor)) if args.floor else []
    got = {}

    def grab(lm, val, oof, smooth=False, floor=()):
        got.update(lm=lm, val=list(val), oof=list(oof), floor=list(floor))
        return dict(lm.thresholds)

    training.thresholds_on_pool = grab
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / args.lang).mkdir()
        training.fit_language(args.lang, items, val_items, Path(tmp), True, select="val+oof", floor=floor_items)
    got["lm"].tagger = None  # the contexts are built; a tagger holds a file handle
    got["lm"].thresholds = dict(DEFAULT_THRESHOLDS)
    return got


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("build/gold"))
    ap.add_argument("--lang", choices=("en", "zh"), required=True)
    ap.add_argument("--floor", type=Path)
    ap.add_argument("--order-seed", type=int, default=0)
    ap.add_argument("--cache", type=Path, help="keep the scored articles here (pickle) and reuse them")
    ap.add_argument("--ways", nargs="+", default=["old", "new"], choices=sorted(WAYS))
    ap.add_argument("--extra-seeds", type=int, nargs="*", default=[],
                    help="also pool the out-of-fold train articles of these order seeds (cached runs): repeated folds")
    ap.add_argument("--drop-sites", action="store_true")
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args(argv)

    cache = args.cache / f"{args.lang}-seed{args.order_seed}-floor{int(bool(args.floor))}.pkl" if args.cache else None
    if cache and cache.exists():
        got = pickle.loads(cache.read_bytes())
    else:
        got = capture(args)
        if cache:
            cache.parent.mkdir(parents=True, exist_ok=True)
            try:
                cache.write_bytes(pickle.dumps(got))
            except Exception as e:  # noqa: BLE001  (a cache only)
                print(f"not cached: {e}", file=sys.stderr)
    lm, val, oof, floor = got["lm"], got["val"], got["oof"], got["floor"]
    for seed in args.extra_seeds:
        oof = oof + pickle.loads((args.cache / f"{args.lang}-seed{seed}-floor{int(bool(args.floor))}.pkl").read_bytes())["oof"]
    sites = [site_of(g) for g, _, _ in oof]
    nest = grouped_folds(sites, 3)
    print(f"{args.lang}: {len(oof)} train articles out of fold ({len(set(sites))} sites), {len(val)} val, "
          f"{len(floor)} floor; order seed {args.order_seed}")
    results = {}
    for way in args.ways:
        t0 = time.process_time()
        choose = WAYS[way]
        th = choose(lm, oof, floor)
        held = figures(lm, [(r, th) for r in val])
        nested = []
        for f in range(3):
            thf = choose(lm, [r for r, x in zip(oof, nest) if x != f], floor)
            nested += [(r, thf) for r, x in zip(oof, nest) if x == f]
        res = {"thresholds": {k: th[k] for k in KEYS}, "val": held, "nested_oof": figures(lm, nested)}
        if args.drop_sites:
            moved = {k: [] for k in KEYS}
            for s in sorted({s for s in sites if sites.count(s) >= 3}):
                thd = choose(lm, [r for r, x in zip(oof, sites) if x != s], floor)
                for k in KEYS:
                    moved[k].append(thd[k])
            res["drop_site"] = {k: {"mean_abs_move": round(statistics.fmean(abs(v - th[k]) for v in vs), 3),
                                    "range": [min(vs), max(vs)]} for k, vs in moved.items()}
        res["cpu_s"] = round(time.process_time() - t0, 1)
        results[way] = res
        cell = lambda d: " ".join(f"{d[f]:.3f}" for f in ("pairs", "events", "orgs", "people", "false_alarm"))  # noqa: E731
        print(f"{way:10s} val {cell(held)} | nested oof {cell(res['nested_oof'])} | "
              + " ".join(f"{k}={th[k]}" for k in KEYS))
        if args.drop_sites:
            print(" " * 11 + "drop one site, mean |move|: " + " ".join(
                f"{k}={res['drop_site'][k]['mean_abs_move']}" for k in KEYS))
        sys.stdout.flush()
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=1) + "\n")
    return 0


def _old(lm, scored, floor):
    return training.thresholds_on_val(lm, scored, floor=floor)


WAYS = {"old": _old}
if hasattr(training, "thresholds_steady"):
    _VARIANTS = {
        "new": {},  # the default: one standard error across 5 groups of sites, toward the defaults
        "new-se.5": {"se": 0.5},
        "new-se2": {"se": 2.0},
        "new-g8": {"groups": 8},
        # session 16: a margin on the floor, a wider neighbourhood, events and pairs chosen together
        "margin1": {"floor_margin": 1},
        "smooth1": {"smooth": 1},
        "smooth2": {"smooth": 2},
        "smooth3": {"smooth": 3},
        "joint": {"joint": True},
        "joint-smooth1": {"joint": True, "smooth": 1},
        "margin1-smooth1": {"floor_margin": 1, "smooth": 1},
        "margin1-joint": {"floor_margin": 1, "joint": True},
    }
    for _name, _kw in _VARIANTS.items():
        WAYS[_name] = (lambda kw: lambda lm, scored, floor: training.thresholds_steady(lm, scored, floor=floor, **kw))(_kw)
WAYS["old-frozen"] = lambda lm, scored, floor: _frozen_old(lm, scored, floor)


def _frozen_old(lm, scored, floor):
    """The old chooser with the switches held off (fewer free thresholds): it chooses events and
    pairs before them, with them off, so only the switches and what follows them change."""
    th = training.thresholds_on_val(lm, scored, floor=floor)
    return dict(th, **{k: DEFAULT_THRESHOLDS[k] for k in ("party", "extra", "document", "backed")})

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
