"""Gold articles read out-of-fold by the learned layer, for the error-analysis scripts
(miss_reasons, org_errors, people_misses): the articles are split into folds and each fold is
read by a model trained on the others, with the thresholds given, so no article is read by a
model that saw it."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from partnergraph.learn.decide import context_for, decide, score_candidates
from partnergraph.learn.gold import read_gold
from partnergraph.learn.train import fit_language


def golds_of(path: Path, lang: str) -> list[dict]:
    """The gold articles of one language under `path`, in id order (the folds follow it)."""
    return sorted((g for g in read_gold([path])[0] if (g.get("lang") or "en") == lang), key=lambda g: str(g["id"]))


def out_of_fold(items: list, lang: str, folds: int, thresholds: dict) -> Iterator[tuple[dict, object, dict]]:
    """(gold, decision context, prediction) for each (gold, document, rules extraction) of
    `train.run_rules`, fold by fold."""
    for fold in range(folds):
        rest = [it for k, it in enumerate(items) if k % folds != fold]
        held = [it for k, it in enumerate(items) if k % folds == fold]
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / lang).mkdir()
            # the shipped way (--select val: default C, tagger folds by order), the thresholds given
            lm, _, _ = fit_language(lang, rest, [], Path(tmp), True, select="val")
            lm.thresholds = dict(thresholds)
            for gold, doc, ex in held:
                ctx = context_for(doc, ex, lm)
                yield gold, ctx, decide(ctx, lm, score_candidates(ctx, lm)).model_dump()
        print(f"fold {fold + 1}/{folds} done", file=sys.stderr)
