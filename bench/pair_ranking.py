#!/usr/bin/env python3
"""How well the pairs model ranks partner pairs, out of fold on train.

    bench/pair_ranking.py --gold build/gold/train --lang en [--folds 3] [--cache DIR] [--c 0.5]
                          [--features] [--examples N] [--thresholds-of MODEL_DIR]

As `miss_reasons.py`, the articles are split into folds and every fold is read by models fitted
on the others (the shipped way, thresholds the shipped model's). The contexts of each fold (the
fold's models but the pairs model, the training articles' contexts with out-of-fold tagger
spans, the held-out articles' contexts) are built once and kept in `--cache`, so a change of the
pair features, of C or of the learner is measured by refitting the pairs model alone (seconds).
Printed: the pair candidates' ROC AUC and average precision (per type and over all types), the
out-of-fold pairs and events F1 at the shipped thresholds and at the best pairs threshold, and
with `--features` the features most often present on the gold pairs the model scores low
(missed) against the gold pairs it keeps. Train only: `golds_of` refuses val and test.
"""
from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
from collections import Counter
from dataclasses import fields
from pathlib import Path

from partnergraph.learn import train as train_mod
from partnergraph.learn.backend import shipped_model_path
from partnergraph.learn.candidates import EVENT_TYPES, Context, pair_features, typed
from partnergraph.learn.decide import context_for, decide, score_candidates
from partnergraph.learn.fitting import fit_linear
from partnergraph.learn.linear import TypedModel
from partnergraph.learn.modelfile import load_model
from partnergraph.learn.scoring import Resolver, evaluate

sys.path.insert(0, str(Path(__file__).resolve().parent))
from out_of_fold import golds_of  # noqa: E402

_FIELDS = {f.name for f in fields(Context)}


def _bare(ctx: Context) -> Context:
    """The context without its cached properties (features computed by other code stay out)."""
    for k in [k for k in ctx.__dict__ if k not in _FIELDS]:
        del ctx.__dict__[k]
    return ctx


def prepare(golds: list[dict], lang: str, folds: int, cache: Path | None) -> list[dict]:
    """Per fold: the fold's language model (no tagger), the training contexts and the held-out ones."""
    path = cache / f"{lang}-{folds}.pkl" if cache else None
    if path is not None and path.exists():
        return pickle.loads(path.read_bytes())
    items = train_mod.run_rules(golds)
    out = []
    for fold in range(folds):
        rest = [it for k, it in enumerate(items) if k % folds != fold]
        held = [it for k, it in enumerate(items) if k % folds == fold]
        seen: list = []
        original = train_mod.examples

        def spy(pairs, original=original, seen=seen):
            seen.extend(pairs)
            return original(pairs)

        train_mod.examples = spy
        try:
            with tempfile.TemporaryDirectory() as tmp:
                (Path(tmp) / lang).mkdir()
                lm, _, _ = train_mod.fit_language(lang, rest, [], Path(tmp), True, select="val")
                held_ctx = [(g, _bare(context_for(doc, ex, lm))) for g, doc, ex in held]
        finally:
            train_mod.examples = original
        lm.tagger = None
        out.append({"lm": lm, "train": [(g, _bare(c)) for g, c in seen], "held": held_ctx})
        print(f"fold {fold + 1}/{folds} prepared", file=sys.stderr)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(out))
    return out


def pair_rows(gold: dict, ctx: Context) -> list[tuple[dict, int, tuple]]:
    """(features, label, (a, b, type)) of every pair candidate and type, labelled as `train.examples`."""
    pred = {"organizations": [o.model_dump(include={"name", "aliases"}) for o in ctx.orgs]}
    r = Resolver(gold, pred)
    gold_ids = [r.resolve(o.name) for o in ctx.orgs]
    gold_types: set = set()
    for e in gold.get("events") or []:
        ids = sorted(i for i in {r.gold_index(p) for p in e.get("parties") or []} if isinstance(i, int))
        gold_types.update((frozenset((a, b)), e.get("type")) for a in ids for b in ids if a < b)
    out = []
    for a, b in ctx.pair_candidates():
        ga, gb = gold_ids[a], gold_ids[b]
        f = pair_features(ctx, a, b)
        for t in EVENT_TYPES:
            out.append((f, int(ga != gb and (frozenset((ga, gb)), t) in gold_types), (a, b, t)))
    return out


def auc(scored: list[tuple[float, int]]) -> float:
    """ROC AUC (ties count half)."""
    pos = sum(y for _, y in scored)
    neg = len(scored) - pos
    if not pos or not neg:
        return float("nan")
    rank_sum, k = 0.0, 0
    s = sorted(scored, key=lambda r: r[0])
    while k < len(s):
        j = k
        while j < len(s) and s[j][0] == s[k][0]:
            j += 1
        avg = (k + j + 1) / 2  # 1-based mean rank of the tie group
        rank_sum += avg * sum(y for _, y in s[k:j])
        k = j
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


def average_precision(scored: list[tuple[float, int]]) -> float:
    pos = sum(y for _, y in scored)
    if not pos:
        return float("nan")
    hits, total = 0, 0.0
    for k, (_, y) in enumerate(sorted(scored, key=lambda r: -r[0]), 1):
        if y:
            hits += 1
            total += hits / k
    return total / pos


def fit_pairs(train: list[tuple[dict, Context]], c: float) -> TypedModel:
    rows = [(typed(f, t), y) for g, ctx in train for f, y, (_, _, t) in pair_rows(g, ctx)]
    return TypedModel.from_binary(fit_linear(rows, c), EVENT_TYPES)


def run(prepared: list[dict], c: float, thresholds: dict, grid: list[float]) -> dict:
    scored_pairs: list[tuple[float, int, str]] = []
    per_article = []  # (gold, ctx, scores) with the fold's lm
    lows = []
    for fold in prepared:
        lm = fold["lm"]
        lm.pairs = fit_pairs(fold["train"], c)
        for g, ctx in fold["held"]:
            scores = score_candidates(ctx, lm)
            rows = pair_rows(g, ctx)
            for f, y, (a, b, t) in rows:
                p = scores[1][(a, b, t)]
                scored_pairs.append((p, y, t))
                if y:
                    lows.append((p, f, t, g["id"], ctx.orgs[a].name, ctx.orgs[b].name))
            per_article.append((g, ctx, scores, lm))
    out = {"auc": auc([(p, y) for p, y, _ in scored_pairs]),
           "ap": average_precision([(p, y) for p, y, _ in scored_pairs]),
           "by_type": {t: (auc([(p, y) for p, y, tt in scored_pairs if tt == t]),
                           average_precision([(p, y) for p, y, tt in scored_pairs if tt == t]),
                           sum(y for _, y, tt in scored_pairs if tt == t)) for t in EVENT_TYPES},
           "lows": lows}
    lang = per_article[0][0].get("lang") or "en" if per_article else "en"
    figs = {}
    for th in [None] + grid:
        moved = dict(thresholds) if th is None else dict(thresholds, pairs=th)
        rows = [(g, decide(ctx, lm, s, moved).model_dump()) for g, ctx, s, lm in per_article]
        rep = evaluate(rows)["zh" if lang == "zh" else "en"]
        figs[th] = {f: (rep[f]["f1"], rep[f]["p"], rep[f]["r"]) for f in ("pairs", "events")}
    out["figures"] = figs
    return out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("build/gold/train"))
    ap.add_argument("--lang", default="en")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--cache", type=Path, help="keep the folds' contexts here (rebuild: delete it)")
    ap.add_argument("--c", type=float, default=train_mod.C_PAIRS)
    ap.add_argument("--features", action="store_true", help="features of missed against kept gold pairs")
    ap.add_argument("--examples", type=int, default=0, help="print this many missed gold pairs")
    ap.add_argument("--thresholds-of", type=Path, help="a model folder whose thresholds to use (default: the shipped model's)")
    args = ap.parse_args(argv)
    golds = golds_of(args.gold, args.lang)
    prepared = prepare(golds, args.lang, args.folds, args.cache)
    thresholds = load_model(args.thresholds_of or shipped_model_path()).languages[args.lang].thresholds
    grid = [round(0.2 + 0.05 * k, 2) for k in range(13)]
    res = run(prepared, args.c, thresholds, grid)
    print(f"{args.lang} pair candidates out of fold, C={args.c}: AUC {res['auc']:.4f}  AP {res['ap']:.4f}")
    for t, (a, p, n) in res["by_type"].items():
        print(f"  {t:12s} AUC {a:.4f}  AP {p:.4f}  gold {n}")
    figs = res["figures"]
    shipped = figs[None]
    print(f"thresholds (pairs {thresholds['pairs']}): "
          + ", ".join(f"{f} {v[0]:.3f} (P {v[1]:.3f} R {v[2]:.3f})" for f, v in shipped.items()))
    best = max(grid, key=lambda t: (figs[t]["pairs"][0] + figs[t]["events"][0], -abs(t - 0.5)))
    print(f"best pairs threshold {best}: "
          + ", ".join(f"{f} {v[0]:.3f} (P {v[1]:.3f} R {v[2]:.3f})" for f, v in figs[best].items()))
    print("by pairs threshold: " + " ".join(f"{t}:{figs[t]['pairs'][0]:.3f}/{figs[t]['events'][0]:.3f}"
                                            for t in grid))
    lows = res["lows"]
    cut = thresholds["pairs"]
    if args.features:
        missed = [f for p, f, *_ in lows if p < cut]
        kept = [f for p, f, *_ in lows if p >= cut]
        cm, ck = Counter(k for f in missed for k in f), Counter(k for f in kept for k in f)
        print(f"gold typed pairs: kept {len(kept)}, missed {len(missed)}; features by share (missed vs kept):")
        keys = [k for k in set(cm) | set(ck) if not k.startswith(("w=", "near_w=", "btw=", "pre=", "btw_seq="))]
        keys.sort(key=lambda k: -abs(cm[k] / max(1, len(missed)) - ck[k] / max(1, len(kept))))
        for k in keys[:40]:
            print(f"  {k:40s} missed {cm[k] / max(1, len(missed)):.2f}  kept {ck[k] / max(1, len(kept)):.2f}")
    for p, _, t, doc_id, a, b in sorted(lows, key=lambda r: r[0])[:args.examples]:
        print(f"  {p:.3f} {doc_id} {t:12s} {a!r} -- {b!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
