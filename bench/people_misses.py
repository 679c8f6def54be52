#!/usr/bin/env python3
"""Why gold people are missed, and what the wrong people are: on train only.

    bench/people_misses.py --gold build/gold/train --lang en [--backend rules|learned] [--folds 3] [--examples N]

A person is matched by name and organization (score.py: a gold person with `org` null takes any
organization). Each gold person gets the first cause that holds:
- `found`: matched;
- `name_not_found`: no predicted person has the name or a part of it;
- `boundary`: a predicted person's name holds the gold name or lies inside it ("Lin" for "Lin
  Wei", "Prof. Lin Wei Chair" for "Lin Wei");
- `org_empty`: the name is found, the gold has an organization and the prediction none;
- `org_unresolved`: the prediction's organization is no gold organization (not found, or found
  with another boundary: `org_boundary` when its name overlaps a gold name of the post);
- `org_wrong`: the prediction names another gold organization.
Predicted people left over are `spurious` (no gold person has the name), `duplicate` (the name is
matched already) or counted above (the same name with a wrong organization). Titles of found
names are compared too (not scored by score.py: shown for the title finders).
With `--backend learned` the models are out-of-fold (trained on the other folds, the shipped
thresholds), as bench/miss_reasons.py does. Prints article ids and names: errors to read, on
train only.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from partnergraph.learn.backend import shipped_model_path
from partnergraph.learn.scoring import Resolver, norm_org, norm_person
from partnergraph.learn.train import run_rules

sys.path.insert(0, str(Path(__file__).resolve().parent))
from out_of_fold import golds_of, out_of_fold  # noqa: E402


def _overlaps(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


def classify(gold: dict, pred: dict) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]]]:
    """(cause, detail) of every gold person, of every leftover predicted person, and title checks."""
    r = Resolver(gold, pred)
    gold_people = [(norm_person(p.get("name")), r.gold_index(p["org"]) if p.get("org") else None, p)
                   for p in gold.get("people") or []]
    pool = [(norm_person(p.get("name")), r.resolve(p["org"]) if p.get("org") else None, p)
            for p in pred.get("people") or []]
    out, titles = [], []
    gold_names = {n for n, _, _ in gold_people}
    # first the exact matches, so a person with two posts takes the right prediction for each
    todo = []
    for name, org, gp in gold_people:
        hit = next((c for c in pool if c[0] == name and (org is None or c[1] == org)), None)
        if hit is None:
            todo.append((name, org, gp))
            continue
        pool.remove(hit)
        out.append(("found", gp["name"]))
        gt, pt = (gp.get("title") or "").strip(), (hit[2].get("title") or "").strip()
        titles.append(("title_ok" if gt.casefold() == pt.casefold() else "title_diff", f"{gp['name']}: {gt!r} vs {pt!r}"))
    all_pred = [(norm_person(p.get("name")), p) for p in pred.get("people") or []]
    for name, _org, gp in todo:
        same = [p for n, p in all_pred if n == name]
        desc = f"{gp['name']} | {gp.get('title')} | {gp.get('org')}"
        if not same:
            part = [p["name"] for n, p in all_pred if _overlaps(n, name)]
            out.append(("boundary", f"{desc} <- {part}") if part else ("name_not_found", desc))
            continue
        orgs = [p.get("org") for p in same]
        if all(o is None for o in orgs):
            out.append(("org_empty", desc))
            continue
        resolved = [r.resolve(o) for o in orgs if o]
        if any(isinstance(x, int) for x in resolved):
            out.append(("org_wrong", f"{desc} <- {orgs}"))
            continue
        gname = norm_org(gp.get("org"))
        cause = "org_boundary" if any(_overlaps(norm_org(o), gname) for o in orgs if o) else "org_unresolved"
        out.append((cause, f"{desc} <- {orgs}"))
    left = []
    seen = Counter(n for n, _, _ in gold_people)
    for name, _org, p in pool:
        desc = f"{p['name']} | {p.get('title')} | {p.get('org')}"
        if name not in gold_names:
            left.append(("spurious", desc))
        elif seen[name] > 0 and sum(1 for c in pool if c[0] == name) > seen[name]:
            left.append(("duplicate", desc))
        else:
            left.append(("same_name_other_org", desc))
    return out, left, titles


def predictions(golds: list[dict], backend: str, lang: str, folds: int, model: Path) -> list[tuple[dict, dict]]:
    items = run_rules(golds)
    if backend == "rules":
        return [(g, ex.model_dump()) for g, _, ex in items]
    # the shipped thresholds, read as written (the shipped weights may be of older features)
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    thresholds = meta["thresholds"][lang]
    return [(g, pred) for g, _, pred in out_of_fold(items, lang, folds, thresholds)]


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("build/gold/train"))
    ap.add_argument("--lang", default="en")
    ap.add_argument("--backend", default="rules", choices=("rules", "learned"))
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--model", type=Path, default=shipped_model_path(), help="whose thresholds to use")
    ap.add_argument("--examples", type=int, default=0, help="print this many of each cause")
    ap.add_argument("--only", nargs="*", help="print examples of these causes only")
    args = ap.parse_args(argv)
    golds = golds_of(args.gold, args.lang)
    causes, extra, titles = Counter(), Counter(), Counter()
    shown: dict[str, list[str]] = {}
    for g, pred in predictions(golds, args.backend, args.lang, args.folds, args.model):
        got, left, tit = classify(g, pred)
        for kind, counter in ((got, causes), (left, extra), (tit, titles)):
            for cause, detail in kind:
                counter[cause] += 1
                shown.setdefault(cause, []).append(f"{g['id']}: {detail}")
    n = sum(causes.values())
    tp = causes["found"]
    n_pred = tp + sum(v for k, v in extra.items())
    n_pred += sum(v for k, v in causes.items() if k.startswith("org_") and k != "org_empty")
    print(f"{args.lang} train, {args.backend}, {len(golds)} articles; gold people {n}, found {tp}")
    print("gold people by cause: " + ", ".join(f"{k} {v}" for k, v in causes.most_common()))
    print("predicted people left over: " + ", ".join(f"{k} {v}" for k, v in extra.most_common()))
    print("titles of found people: " + ", ".join(f"{k} {v}" for k, v in titles.most_common()))
    for cause, lines in sorted(shown.items()):
        if cause in ("found", "title_ok") or (args.only and cause not in args.only):
            continue
        for line in lines[:args.examples]:
            print(f"  {cause:16s} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
