#!/usr/bin/env python3
"""Where the learned layer's events differ from the rules' and from the gold, out of fold on train.

    bench/event_losses.py --gold build/gold/train --lang zh [--folds 3] [--examples N]

Each article is read by a model trained on the other folds (thresholds as the shipped model's,
`out_of_fold.py`). Per event type it counts:
- `rules right` / `rules wrong`: the rules' events that hold a gold event (its type, every gold
  party among theirs) and those that hold none;
- `lost`: gold events some rule event holds that no learned event holds (the events or party
  scorers dropped it); with --examples, each with the events model's score of the rule event and
  its trigger's sentence;
- `gained`: gold events no rule event holds that a learned event holds (pairs the pairs model
  joined);
- `no rule event`: gold events no rule event holds, split by whether every party is an
  organization candidate at all (`candidates`) or not (`never`): a proposer's ceiling;
- and the rule events kept at events thresholds .3 to .7 (right, wrong): how well the events
  model's score separates them, whatever the threshold chosen.
Use it on train only: it prints article ids and sentences (`--examples`), i.e. errors to read.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from partnergraph.learn.backend import shipped_model_path
from partnergraph.learn.modelfile import load_model
from partnergraph.learn.scoring import Resolver
from partnergraph.learn.train import run_rules

sys.path.insert(0, str(Path(__file__).resolve().parent))
from out_of_fold import golds_of, scored_out_of_fold  # noqa: E402

CURVE = (0.3, 0.4, 0.5, 0.6, 0.7)


def compare(gold: dict, rule_events: list[dict], pred: dict, candidates: list[str],
            event_p: list[float]) -> tuple[Counter, list[tuple[str, float, int]], list[tuple[float, bool]]]:
    """(counts keyed (what, type), the lost gold events as (type, best rule score, rule event
    index), each rule event's (score, holds a gold event)) for one article."""
    r_pred = Resolver(gold, pred)
    r_rules = Resolver(gold, {"organizations": [{"name": n} for n in candidates]})
    gold_events = [(e.get("type"), {r_rules.gold_index(p) for p in e.get("parties") or [] if p})
                   for e in gold.get("events") or []]

    def held(ev: dict, r: Resolver) -> list[int]:
        ps = {r.resolve(p) for p in ev.get("parties") or []}
        return [j for j, (t, gp) in enumerate(gold_events) if t == ev.get("type") and gp <= ps]

    c: Counter = Counter()
    by_rules: dict[int, list[int]] = {}
    scored = []
    for k, ev in enumerate(rule_events):
        hits = held(ev, r_rules)
        c[("rules right" if hits else "rules wrong", ev["type"])] += 1
        scored.append((event_p[k], bool(hits)))
        for j in hits:
            by_rules.setdefault(j, []).append(k)
    by_learned = {j for ev in pred.get("events") or [] for j in held(ev, r_pred)}
    known = {r_rules.resolve(n) for n in candidates}
    lost = []
    for j, (t, gp) in enumerate(gold_events):
        c[("gold", t)] += 1
        if j in by_rules and j not in by_learned:
            c[("lost", t)] += 1
            k = max(by_rules[j], key=lambda i: event_p[i])
            lost.append((t, event_p[k], k))
        elif j not in by_rules:
            c[("gained" if j in by_learned else "no rule event", t)] += 1
            if j not in by_learned:
                c[("no rule event: candidates" if gp <= known else "no rule event: never", t)] += 1
    return c, lost, scored


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("build/gold/train"))
    ap.add_argument("--lang", default="zh")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--examples", type=int, default=0, help="print this many lost gold events")
    args = ap.parse_args(argv)
    golds = golds_of(args.gold, args.lang)
    lm = load_model(shipped_model_path()).languages[args.lang]
    total: Counter = Counter()
    scored_all: list[tuple[float, bool]] = []
    examples = []
    for g, ctx, scores, pred in scored_out_of_fold(run_rules(golds), args.lang, args.folds, lm.thresholds):
        event_p = scores[2]
        c, lost, scored = compare(g, [e.model_dump() for e in ctx.rules.events], pred,
                                  [o.name for o in ctx.orgs], event_p)
        total.update(c)
        scored_all.extend(scored)
        for t, p, k in lost:
            si = ctx.event_sent[k]
            sent = ctx.doc.text[slice(*ctx.sents[si])] if si is not None else ""
            examples.append((g["id"], t, p, ctx.rules.events[k].parties, sent.strip()[:160]))
    types = sorted({t for _, t in total})
    rows = ("gold", "rules right", "rules wrong", "lost", "gained", "no rule event",
            "no rule event: candidates", "no rule event: never")
    print(f"{args.lang} train out of fold, {len(golds)} articles, thresholds {lm.thresholds}")
    print(f"{'':28s}" + "".join(f"{t:>14s}" for t in types))
    for row in rows:
        print(f"{row:28s}" + "".join(f"{total[(row, t)]:14d}" for t in types))
    print("rule events kept by the events model's score (right / wrong):")
    for th in CURVE:
        kept = [ok for p, ok in scored_all if p >= th]
        print(f"  >= {th:.1f}: {sum(kept):4d} / {len(kept) - sum(kept):4d}")
    for doc_id, t, p, parties, sent in examples[:args.examples]:
        print(f"  lost {doc_id} {t:12s} score {p:.2f} {parties} | {sent}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
