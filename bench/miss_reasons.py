#!/usr/bin/env python3
"""Why the learned backend misses gold partner pairs and events, out-of-fold on train.

    bench/miss_reasons.py --gold build/gold/train --lang en [--folds 3] [--examples N]

The articles are split into folds; a model trained on the other folds (thresholds as the
shipped model's) extracts each fold, so every article is read by a model that never saw it.
Each missed gold pair and event gets the first reason that holds:
- `never`: a party is never an organization candidate (no candidate mention overlaps its names);
- `boundary`: a candidate overlaps a name of the party but is another name ("Lumio" for "Lumio
  Labs", "Kestrel University of the Arts" for "Kestrel University");
- `not_proposed`: both parties are candidates but never a pair candidate (named far apart);
- `scorer`: the pair was a candidate (or both parties are candidates, for events) and the
  scorers left it out;
- for events only, `pairs_ok`: every pair of the event was found, but no single event of its
  type holds all its parties (wrong type, or split up).
Also printed: the share of gold parties that are candidates at all (the ceiling of any scorer).
Use it on train only: it prints article ids and names (`--examples`), i.e. errors to read.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

from partnergraph.learn.gold import name_spans
from partnergraph.learn.backend import shipped_model_path
from partnergraph.learn.modelfile import load_model
from partnergraph.learn.scoring import Resolver, evaluate, norm_org
from partnergraph.learn.train import run_rules

sys.path.insert(0, str(Path(__file__).resolve().parent))
from out_of_fold import golds_of, out_of_fold  # noqa: E402


def classify(gold: dict, ctx, pred: dict, pair_set: set) -> tuple[list, list]:
    """(reason, detail) for every missed gold pair and every missed gold event of one article."""
    r_pred = Resolver(gold, pred)
    cand = {"organizations": [o.model_dump(include={"name", "aliases"}) for o in ctx.orgs]}
    r_cand = Resolver(gold, cand)
    gold_orgs = gold.get("organizations") or []
    cand_of = {}  # gold index -> candidate index
    for i, o in enumerate(ctx.orgs):
        g = r_cand.resolve(o.name)
        if isinstance(g, int):
            cand_of.setdefault(g, i)
    spans = name_spans(gold)
    gold_spans: dict[int, list[tuple[int, int]]] = {}
    for s, e, typ, name in spans:
        if typ == "org":
            gi = r_cand.gold_index(name)
            if isinstance(gi, int):
                gold_spans.setdefault(gi, []).append((s, e))

    def party_state(gi) -> tuple[str, str]:
        if isinstance(gi, int) and gi in cand_of:
            return "ok", ""
        name = gold_orgs[gi]["name"] if isinstance(gi, int) else str(gi)
        for s, e in gold_spans.get(gi, []) if isinstance(gi, int) else []:
            for ms, me, i in ctx.mentions:
                if ms < e and s < me:
                    return "boundary", f"{name!r} read as {ctx.orgs[i].name!r}"
        if isinstance(gi, int) and not gold_spans.get(gi):
            return "never", f"{name!r} (not written as such in the text)"
        return "never", repr(name)

    pred_events = [(e.get("type"), {r_pred.resolve(p) for p in e.get("parties") or []})
                   for e in pred.get("events") or []]
    pred_pairs = {frozenset(p) for _, ps in pred_events for p in combinations(sorted(ps, key=str), 2)}
    gold_events = [(e.get("type"), [r_pred.gold_index(p) for p in e.get("parties") or [] if p])
                   for e in gold.get("events") or []]
    pair_out, event_out = [], []
    seen_pairs = set()
    for typ, parties in gold_events:
        for a, b in combinations(sorted(set(parties), key=str), 2):
            key = frozenset((a, b))
            if key in seen_pairs:
                continue
            seen_pairs.add(key)
            if key in pred_pairs:
                continue
            pair_out.append(_pair_reason(a, b, party_state, cand_of, pair_set, typ))
        if any(t == typ and set(parties) <= ps for t, ps in pred_events):
            continue
        states = [party_state(p) for p in set(parties)]
        bad = [s for s in states if s[0] != "ok"]
        if bad:
            worst = "never" if any(s[0] == "never" for s in bad) else "boundary"
            event_out.append((worst, typ, "; ".join(d for s, d in bad if s == worst)))
            continue
        ps = sorted(set(parties), key=str)
        if all(frozenset(p) in pred_pairs for p in combinations(ps, 2)):
            event_out.append(("pairs_ok", typ, ""))
        elif any(tuple(sorted((cand_of[a], cand_of[b]))) not in pair_set for a, b in combinations(ps, 2)):
            event_out.append(("not_proposed", typ, ""))
        else:
            event_out.append(("scorer", typ, ""))
    return pair_out, event_out


def party_candidates(gold: dict, ctx) -> Counter:
    """How many of the article's gold parties there are, and how many are among the candidates."""
    r = Resolver(gold, {"organizations": [o.model_dump(include={"name", "aliases"}) for o in ctx.orgs]})
    parties = {r.gold_index(p) for e in gold.get("events") or [] for p in e.get("parties") or [] if p}
    cands = {r.resolve(o.name) for o in ctx.orgs}
    return Counter(gold=len(parties), candidate=len(parties & cands))


def _pair_reason(a, b, party_state, cand_of, pair_set, typ):
    sa, sb = party_state(a), party_state(b)
    for state in ("never", "boundary"):
        bad = [d for s, d in (sa, sb) if s == state]
        if bad:
            return state, typ, "; ".join(bad)
    if tuple(sorted((cand_of[a], cand_of[b]))) not in pair_set:
        return "not_proposed", typ, ""
    return "scorer", typ, ""


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("build/gold/train"))
    ap.add_argument("--lang", default="en")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--examples", type=int, default=0, help="print this many 'never'/'boundary' parties")
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args(argv)
    golds = golds_of(args.gold, args.lang)
    items = run_rules(golds)
    thresholds = load_model(shipped_model_path()).languages[args.lang].thresholds
    pairs_c, events_c = Counter(), Counter()
    details = []
    n_pairs = n_events = 0
    scored = []
    sources = Counter()  # (candidate's stage, is a gold organization, is a gold party)
    party_recall = Counter()
    for g, ctx, pred in out_of_fold(items, args.lang, args.folds, thresholds):
        scored.append((g, pred))
        r = Resolver(g, None)
        parties = {r.gold_index(p) for e in g.get("events") or [] for p in e.get("parties") or []}
        for o in ctx.orgs:
            gi = r.gold_index(o.name)
            sources[((o.stage or "rules").split("+")[0], isinstance(gi, int), gi in parties)] += 1
        party_recall.update(party_candidates(g, ctx))
        pair_set = set(ctx.pair_candidates())
        p_out, e_out = classify(g, ctx, pred, pair_set)
        gp = {frozenset(p) for e in g.get("events") or []
              for p in combinations(sorted({norm_org(x) for x in e.get("parties") or []}), 2)}
        n_pairs += len(gp)
        n_events += len(g.get("events") or [])
        pairs_c.update(reason for reason, _, _ in p_out)
        for reason, typ, detail in e_out:
            events_c[reason] += 1
            if detail:
                details.append((reason, g["id"], typ, detail))
    print(f"{args.lang} train out-of-fold, {len(golds)} articles; gold pairs {n_pairs}, gold events {n_events}")
    print(f"missed pairs  {sum(pairs_c.values()):4d}: " + ", ".join(f"{k} {v}" for k, v in pairs_c.most_common()))
    print(f"missed events {sum(events_c.values()):4d}: " + ", ".join(f"{k} {v}" for k, v in events_c.most_common()))
    rep = evaluate(scored)[args.lang]
    print("out-of-fold F1: " + ", ".join(f"{f} {rep[f]['f1']:.3f} (P {rep[f]['p']:.3f} R {rep[f]['r']:.3f})"
                                         for f in ("orgs", "pairs", "events")))
    print(f"gold parties that are candidates: {party_recall['candidate']} of {party_recall['gold']}"
          f" ({party_recall['candidate'] / max(1, party_recall['gold']):.3f})")
    print("candidates by stage (gold organization, gold party): ")
    for stage in sorted({k[0] for k in sources}):
        n = sum(v for k, v in sources.items() if k[0] == stage)
        org = sum(v for k, v in sources.items() if k[0] == stage and k[1])
        party = sum(v for k, v in sources.items() if k[0] == stage and k[2])
        print(f"  {stage:18s} {n:5d}  org {org:4d}  party {party:4d}")
    for reason, doc_id, typ, detail in details[:args.examples]:
        print(f"  {reason:8s} {doc_id} {typ:12s} {detail}")
    if args.json_out:
        args.json_out.write_text(json.dumps({"pairs": pairs_c, "events": events_c, "details": details},
                                            indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
