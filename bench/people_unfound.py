#!/usr/bin/env python3
"""Why the gold people no prediction names were never found: on train only, out of fold.

    bench/people_unfound.py --gold build/gold/train --lang en [--folds 3] [--examples N]

Each gold person whose name no predicted person holds (people_misses' `name_not_found` and
`boundary`) gets the first cause that holds:
- `not_in_text`: the name is not written in the article as the gold spells it (an alias, a
  transliteration);
- `tagged_dropped`: the tagger named it and it became a candidate, whose best post scored below
  the tagged threshold (`no_post` when no organization was a candidate at all);
- `tagged_skipped`: the tagger named it (or an overlapping span) but no candidate was made: the
  span overlaps an organization's mention, a known person's name, or the name looks implausible;
- `tagged_org` / `tagged_title`: the tagger read the name (or part of it) as an organization or a
  title;
- `rules_dropped`: the rules found it but the decision left it out (not expected: rule people
  are always kept);
- `not_tagged`: nothing the tagger found overlaps the name.
The tagger's span and the title beside it are printed, so the name forms can be read.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from partnergraph.learn.backend import shipped_model_path
from partnergraph.learn.people import TAGGED_STAGE, trimmed
from partnergraph.learn.scoring import evaluate, norm_person
from partnergraph.learn.train import run_rules

sys.path.insert(0, str(Path(__file__).resolve().parent))
from out_of_fold import golds_of, scored_out_of_fold  # noqa: E402


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    low, key = text.casefold(), name.casefold()
    out, at = [], low.find(key)
    while at >= 0 and key:
        out.append((at, at + len(key)))
        at = low.find(key, at + 1)
    return out


def classify(gold: dict, ctx, scores, pred: dict, threshold: float) -> list[tuple[str, str]]:
    text = ctx.doc.text
    predicted = [norm_person(p.get("name")) for p in pred.get("people") or []]
    out = []
    for gp in gold.get("people") or []:
        key = norm_person(gp.get("name"))
        if any(key == n or (n and (n in key or key in n)) for n in predicted):
            continue
        desc = f"{gp['name']} | {gp.get('title')} | {gp.get('org')}"
        occ = _occurrences(text, gp["name"])
        if not occ:
            out.append(("not_in_text", desc))
            continue
        cands = [k for k, p in enumerate(ctx.people) if norm_person(p.name) == key
                 or (norm_person(p.name) and (norm_person(p.name) in key or key in norm_person(p.name)))]
        rule_c = [k for k in cands if ctx.people[k].stage != TAGGED_STAGE]
        tag_c = [k for k in cands if ctx.people[k].stage == TAGGED_STAGE]
        if rule_c:
            out.append(("rules_dropped", desc))
            continue
        if tag_c:
            k = tag_c[0]
            best = scores[3][k]
            p = ctx.people[k]
            if best is None:
                out.append(("no_post", f"{desc} <- {p.name!r} title {p.title!r}"))
            else:
                o = ctx.org_at(best[0]).name
                out.append(("tagged_dropped", f"{desc} <- {p.name!r} title {p.title!r} best {o!r} {best[1]:.2f}"))
            continue
        over = [(s, e, lab) for s, e, lab in ctx.tagged for a, b in occ if s < b and a < e]
        ctx_s = max(0, occ[0][0] - 40)
        window = text[ctx_s:occ[0][1] + 30].replace("\n", " ")
        if any(lab == "PER" for _, _, lab in over):
            s, e, _ = next(x for x in over if x[2] == "PER")
            ts, te = trimmed(text, s, e, ctx.lang, ctx.lower_words)
            out.append(("tagged_skipped", f"{desc} <- PER {text[s:e]!r} trimmed {text[ts:te]!r} | {window}"))
        elif over:
            labs = sorted({lab for _, _, lab in over})
            kind = "tagged_org" if "ORG" in labs else "tagged_" + labs[0].lower()
            out.append((kind, f"{desc} <- {[(text[s:e], lab) for s, e, lab in over]} | {window}"))
        else:
            out.append(("not_tagged", f"{desc} | {window}"))
    return out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("build/gold/train"))
    ap.add_argument("--lang", default="en")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--model", type=Path, default=shipped_model_path(), help="whose thresholds to use")
    ap.add_argument("--examples", type=int, default=0, help="print this many of each cause")
    args = ap.parse_args(argv)
    golds = golds_of(args.gold, args.lang)
    meta = json.loads((args.model / "meta.json").read_text(encoding="utf-8"))
    thresholds = meta["thresholds"][args.lang]
    causes: Counter = Counter()
    shown: dict[str, list[str]] = {}
    scored = []
    for gold, ctx, scores, pred in scored_out_of_fold(run_rules(golds), args.lang, args.folds, thresholds):
        scored.append((gold, pred))
        for cause, detail in classify(gold, ctx, scores, pred, thresholds["tagged"]):
            causes[cause] += 1
            shown.setdefault(cause, []).append(f"{gold['id']}: {detail}")
    print(f"{args.lang} train, out of fold, {len(golds)} articles; gold people not found {sum(causes.values())}")
    rep = evaluate(scored)[args.lang]
    print("out-of-fold F1: " + ", ".join(f"{f} {rep[f]['f1']:.3f} (P {rep[f]['p']:.3f} R {rep[f]['r']:.3f})"
                                         for f in ("people", "orgs", "pairs", "events")))
    print("by cause: " + ", ".join(f"{k} {v}" for k, v in causes.most_common()))
    for cause, lines in sorted(shown.items()):
        for line in lines[:args.examples]:
            print(f"  {cause:15s} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
