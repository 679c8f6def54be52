#!/usr/bin/env python3
"""Matched events whose date is wrong, on train: gold date, predicted date, and the text.

    bench/date_misses.py --gold build/gold/train [--lang en|zh] [--backend rules|learned]
                         [--folds 3] [--cache build/date_folds] [--limit N]

An event counts for date accuracy once it matches a gold event (type and parties, as
`score.py` matches them); its date is then compared exactly. For every such event whose date
differs this prints the article, gold and predicted published dates, gold and predicted event
date, which stage made the event, and the text around its date evidence and its trigger (or
sentence). `--backend learned` reads each article with a model trained on the other folds
(out-of-fold, the shipped thresholds; `--backend shipped` uses the shipped model, which saw
train), kept under `--cache` so a rerun after a change to the
date rules need not train again (the date is no input of the models). A summary counts the
misses by kind (no date predicted, date where gold has none, wrong year/month/day, precision).
Use it on train only: it prints article text, i.e. errors to read.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from partnergraph.extraction.backend import load_backend
from partnergraph.learn.backend import shipped_model_path
from partnergraph.learn.gold import document_of, read_gold
from partnergraph.learn.scoring import Resolver
from partnergraph.pipeline import process_document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from out_of_fold import train_only  # noqa: E402

CONTEXT = 90


def matched(gold: dict, pred: dict) -> list[tuple[dict, dict]]:
    """(gold event, predicted event) pairs as the scorer matches them."""
    r = Resolver(gold, pred)
    pool = [(e, {r.resolve(p) for p in e.get("parties") or [] if p}) for e in pred.get("events") or []]
    out = []
    for g in gold.get("events") or []:
        parties = {r.gold_index(p) for p in g.get("parties") or [] if p}
        for k, (e, ps) in enumerate(pool):
            if e.get("type") == g.get("type") and parties <= ps:
                out.append((g, e))
                del pool[k]
                break
    return out


def kind_of(gold_date: str | None, pred_date: str | None) -> str:
    if not pred_date:
        return "none predicted"
    if not gold_date:
        return "gold has none"
    if len(gold_date) != len(pred_date):
        return f"precision {len(gold_date)} vs {len(pred_date)}"
    if gold_date[:4] != pred_date[:4] and gold_date[4:] == pred_date[4:]:
        return "year"
    if gold_date[:7] == pred_date[:7]:
        return "day"
    return "other date"


def snippet(text: str, start: int, end: int) -> str:
    a, b = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    return (text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]).replace("\n", " / ")


def fold_backends(golds: list[dict], folds: int, cache: Path) -> dict[str, object]:
    """Article id -> a learned backend trained without that article's fold."""
    from partnergraph.learn.train import train

    shipped = json.loads((shipped_model_path() / "meta.json").read_text(encoding="utf-8"))["thresholds"]
    order = sorted(golds, key=lambda g: str(g["id"]))
    out = {}
    for fold in range(folds):
        path = cache / f"fold{fold}of{folds}"
        if not (path / "meta.json").is_file():
            rest = [g for k, g in enumerate(order) if k % folds != fold]
            train(rest, str(path), select="val")
            meta_path = path / "meta.json"
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            meta["thresholds"] = {lang: shipped[lang] for lang in meta["thresholds"] if lang in shipped}
            meta_path.write_text(json.dumps(meta, sort_keys=True, indent=1, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
            print(f"fold {fold + 1}/{folds} trained", file=sys.stderr)
        backend = load_backend("learned", {"model": str(path)})
        out.update((str(g["id"]), backend) for k, g in enumerate(order) if k % folds == fold)
    return out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("build/gold/train"))
    ap.add_argument("--lang", choices=("en", "zh"))
    ap.add_argument("--backend", choices=("rules", "learned", "shipped"), default="rules",
                    help="learned: out-of-fold models; shipped: the shipped model (in-sample on train)")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--cache", type=Path, default=Path("build/date_folds"))
    ap.add_argument("--limit", type=int, default=10**6, help="print at most this many misses")
    ap.add_argument("--quiet", action="store_true", help="the summary only")
    args = ap.parse_args(argv)
    golds = train_only(read_gold([args.gold])[0])
    if args.backend == "learned":
        backends = fold_backends(golds, args.folds, args.cache)
    else:
        one = load_backend("rules" if args.backend == "rules" else "learned")
        backends = {str(g["id"]): one for g in golds}
    kinds, totals, printed = Counter(), Counter(), 0
    for g in sorted(golds, key=lambda g: str(g["id"])):
        lang = g.get("lang") or "en"
        if args.lang and lang != args.lang:
            continue
        pred = process_document(document_of(g), backends[str(g["id"])])
        dumped = pred.model_dump()
        text = g["text"]
        for gev, pev in matched(g, dumped):
            totals[lang] += 1
            if (gev.get("date") or None) == (pev.get("date") or None):
                continue
            kind = kind_of(gev.get("date"), pev.get("date"))
            stage = pev.get("stage") or "rules"
            kinds[(lang, kind, "rules" if stage.startswith("rules") else "learned")] += 1
            if args.quiet or printed >= args.limit:
                continue
            printed += 1
            spans = {s["field"]: s for s in pev.get("evidence") or []}
            print(f"{g['id']} {gev['type']}: gold {gev.get('date')} pred {pev.get('date')} "
                  f"(published gold {g.get('published')} pred {dumped.get('published')}; {stage})")
            for field in ("date", "trigger", "sentence"):
                if field in spans:
                    print(f"   {field:8s} {snippet(text, spans[field]['start'], spans[field]['end'])}")
                    if field == "trigger":
                        break
            print(f"   head     {text[:160]!r}")
    print("\nmisses by (language, kind, stage):")
    for (lang, kind, stage), n in sorted(kinds.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {lang} {kind:22s} {stage:10s} {n}")
    for lang, n in sorted(totals.items()):
        wrong = sum(v for k, v in kinds.items() if k[0] == lang)
        print(f"{lang}: {n} matched events, {wrong} dates wrong, accuracy {(n - wrong) / max(1, n):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
