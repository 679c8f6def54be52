"""Gold articles read out-of-fold by the learned layer, for the error-analysis scripts
(miss_reasons, event_losses, org_errors, people_misses): the articles are split into folds and
each fold is read by a model trained on the others, with the thresholds given, so no article is
read by a model that saw it."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from partnergraph.learn.decide import context_for, decide, score_candidates
from partnergraph.learn.gold import read_gold
from partnergraph.learn.train import fit_language


SPLITS = Path(__file__).resolve().parents[1] / "corpus" / "splits.tsv"


def corpus_splits(splits: Path | None = None) -> dict[str, str]:
    """Corpus article id (`en-0001`, as in the gold files) -> its split, from corpus/splits.tsv."""
    out = {}
    for line in (splits or SPLITS).read_text(encoding="utf-8").splitlines()[1:]:
        file, _lang, _domain, split = line.split("\t")
        out[file.removesuffix(".txt").replace("/", "-")] = split
    return out


def train_only(golds: list[dict], splits: Path | None = None) -> list[dict]:
    """`golds`, refused when a corpus article of val or test is among them: error analysis reads
    train only (a --gold folder is read recursively, so build/gold would bring in every split).
    Articles that are not the corpus's (a user's own gold) pass."""
    split_of = corpus_splits(splits)
    held = sorted({split_of[str(g["id"])] for g in golds if split_of.get(str(g["id"]), "train") != "train"})
    if held:
        n = sum(split_of.get(str(g["id"]), "train") != "train" for g in golds)
        raise SystemExit(f"error analysis reads train only: {n} of these gold articles are in "
                         f"{' and '.join(held)} (corpus/splits.tsv); give --gold build/gold/train")
    return golds


def golds_of(path: Path, lang: str) -> list[dict]:
    """The training gold articles of one language under `path`, in id order (the folds follow it)."""
    golds = train_only(read_gold([path])[0])
    return sorted((g for g in golds if (g.get("lang") or "en") == lang), key=lambda g: str(g["id"]))


def out_of_fold(items: list, lang: str, folds: int, thresholds: dict) -> Iterator[tuple[dict, object, dict]]:
    """(gold, decision context, prediction) for each (gold, document, rules extraction) of
    `train.run_rules`, fold by fold."""
    for gold, ctx, _, pred in scored_out_of_fold(items, lang, folds, thresholds):
        yield gold, ctx, pred


def scored_out_of_fold(items: list, lang: str, folds: int,
                       thresholds: dict) -> Iterator[tuple[dict, object, tuple, dict]]:
    """As `out_of_fold`, with the fold model's scores (`decide.score_candidates`) before the
    prediction: (gold, context, scores, prediction)."""
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
                scores = score_candidates(ctx, lm)
                yield gold, ctx, scores, decide(ctx, lm, scores).model_dump()
        print(f"fold {fold + 1}/{folds} done", file=sys.stderr)
