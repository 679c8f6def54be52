#!/usr/bin/env python3
"""Organization false positives and misses by cause, on train (out-of-fold for the learned layer).

    bench/org_errors.py --gold build/gold/train --lang zh [--backend rules|learned] [--examples N]

Each predicted organization that matches no gold one (or a gold one an earlier prediction
already took) and each gold organization left unmatched gets the first cause that holds:
- false positives: `split` (a gold organization already matched: a short form not joined to
  its name), `glued_prefix` (a gold name ends the prediction: 与甲大学), `glued_suffix` (one
  opens it: 甲集团举行), `wider` (one is inside it), `person` (a gold person's name is in it:
  张三乙公司), `fragment` (it is inside a gold name), `in_word` (Han characters go on after each
  of its mentions: 大学 of 大学生), `place`, else `other`;
- misses: `boundary` (a prediction overlaps one of its names), `absent` (none of its names is in
  the text as written: assembled by the annotator), `dropped` (a candidate of the learned layer
  the organizations model dropped), else `never`.
The learned layer is trained on the other folds (`--folds`, shipped thresholds), so every
article is read by a model that never saw it. Use it on train only: it prints names to read.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from partnergraph.learn.backend import shipped_model_path
from partnergraph.learn.modelfile import load_model
from partnergraph.learn.scoring import forms, norm_org, norm_person
from partnergraph.learn.train import run_rules

sys.path.insert(0, str(Path(__file__).resolve().parent))
from out_of_fold import golds_of, out_of_fold  # noqa: E402

_PLACE_END = tuple("省市区县州国镇乡村")


def _in_word(text: str, name: str) -> bool:
    """Every occurrence of `name` in `text` is followed or preceded by a Han character (a piece
    of a longer word, or a name cut from a phrase)."""
    i, seen = text.find(name), 0
    while i >= 0:
        seen += 1
        j = i + len(name)
        after = j < len(text) and "\u3400" <= text[j] <= "\u9fff"
        if not after:
            return False
        i = text.find(name, i + 1)
    return seen > 0


def false_positive_cause(o: dict, gold: dict, used: set[int], gforms: list[set[str]], text: str) -> str:
    pf = forms(o)
    if any(pf & gf for gf in gforms):
        return "split"
    name = norm_org(o.get("name"))
    all_gold = [(i, f) for i, fs in enumerate(gforms) for f in fs if len(f) >= 2]
    if any(name.endswith(f) and name != f for _, f in all_gold):
        return "glued_prefix"
    if any(name.startswith(f) and name != f for _, f in all_gold):
        return "glued_suffix"
    if any(f in name for _, f in all_gold):
        return "wider"
    people = [norm_person(p.get("name")) for p in gold.get("people") or []]
    if any(p and len(p) >= 2 and p in name for p in people):
        return "person"
    if any(name in f for _, f in all_gold):
        return "fragment"
    if name.endswith(_PLACE_END) and len(name) <= 5:
        return "place"
    if _in_word(text, o.get("name") or ""):
        return "in_word"
    return "other"


def miss_cause(g: dict, preds: list[dict], cands: list[str], text: str) -> tuple[str, str]:
    gf = forms(g)
    for o in preds:
        n = norm_org(o.get("name"))
        if any(n in f or f in n for f in gf if f):
            return "boundary", o.get("name")
    if not any(norm_org(f) and (f in text) for f in [g.get("name"), *(g.get("aliases") or [])] if f):
        return "absent", ""
    if any(norm_org(c) in gf for c in cands):
        return "dropped", ""
    for c in cands:
        n = norm_org(c)
        if any(n in f or f in n for f in gf if f):
            return "boundary_candidate", c
    return "never", ""


def analyse(gold: dict, pred: dict, cands: list[str]) -> tuple[list, list]:
    text = gold.get("text") or ""
    gorgs = gold.get("organizations") or []
    gforms = [forms(o) for o in gorgs]
    used: set[int] = set()
    fps = []
    preds = pred.get("organizations") or []
    for o in preds:
        pf = forms(o)
        hit = next((i for i, gf in enumerate(gforms) if i not in used and pf & gf), None)
        if hit is not None:
            used.add(hit)
            continue
        fps.append((false_positive_cause(o, gold, used, gforms, text), o.get("name"), o.get("kind")))
    misses = []
    for i, g in enumerate(gorgs):
        if i in used:
            continue
        cause, detail = miss_cause(g, preds, cands, text)
        misses.append((cause, g.get("name"), detail))
    return fps, misses


def predictions(golds, lang, backend, folds):
    items = run_rules(golds)
    if backend == "rules":
        return [(g, ex.model_dump(), [o.name for o in ex.organizations]) for g, _, ex in items]
    thresholds = load_model(shipped_model_path()).languages[lang].thresholds
    return [(g, pred, [o.name for o in ctx.orgs]) for g, ctx, pred in out_of_fold(items, lang, folds, thresholds)]


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("build/gold/train"))
    ap.add_argument("--lang", default="zh")
    ap.add_argument("--backend", default="rules", choices=("rules", "learned"))
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--examples", type=int, default=0, help="examples printed per cause")
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args(argv)
    golds = golds_of(args.gold, args.lang)
    rows = predictions(golds, args.lang, args.backend, args.folds)
    fp_c, miss_c = Counter(), Counter()
    fp_ex: dict[str, list] = {}
    miss_ex: dict[str, list] = {}
    n_pred = n_gold = 0
    for g, pred, cands in rows:
        fps, misses = analyse(g, pred, cands)
        n_pred += len(pred.get("organizations") or [])
        n_gold += len(g.get("organizations") or [])
        for cause, name, kind in fps:
            fp_c[cause] += 1
            fp_ex.setdefault(cause, []).append((g["id"], name, kind))
        for cause, name, detail in misses:
            miss_c[cause] += 1
            miss_ex.setdefault(cause, []).append((g["id"], name, detail))
    fp, fn = sum(fp_c.values()), sum(miss_c.values())
    tp = n_pred - fp
    p, r = tp / max(1, n_pred), tp / max(1, n_gold)
    print(f"{args.lang} {args.backend} train{' out-of-fold' if args.backend == 'learned' else ''}: "
          f"{len(rows)} articles, predicted {n_pred}, gold {n_gold}; P {p:.3f} R {r:.3f} "
          f"F1 {2 * p * r / max(1e-9, p + r):.3f}")
    print(f"false positives {fp}: " + ", ".join(f"{k} {v}" for k, v in fp_c.most_common()))
    print(f"misses          {fn}: " + ", ".join(f"{k} {v}" for k, v in miss_c.most_common()))
    for title, ex in (("FP", fp_ex), ("MISS", miss_ex)):
        for cause, rows_ in sorted(ex.items(), key=lambda kv: -len(kv[1])):
            for row in rows_[:args.examples]:
                print(f"  {title} {cause:18s} " + "  ".join(str(x) for x in row))
    if args.json_out:
        args.json_out.write_text(json.dumps({"fp": fp_ex, "miss": miss_ex}, ensure_ascii=False, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
