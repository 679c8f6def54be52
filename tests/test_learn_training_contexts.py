"""The scorers learn from contexts built as at extraction, on data the tests write.

A training article's candidates (its organizations' kinds, the tagger's names typed and merged,
the Chinese glued prefixes cut) are read by the kinds and bounds models. Fitted on all the gold,
those models learnt the article's own names and boundaries, which no model knows of an article
it extracts; the scorers then learnt to trust candidates cleaner than they will ever see. Each
article's examples come from models fitted on the other folds (`train.held_out_contexts`).
"""

from __future__ import annotations

import json

import pytest

from learn_corpus import write_corpus
from partnergraph.learn import train as training
from partnergraph.learn.gold import read_gold

pytest.importorskip("sklearn")


def _corpus(tmp_path):
    folder = tmp_path / "gold"
    for k, path in enumerate(sorted(write_corpus(folder))):
        gold = json.loads(path.read_text(encoding="utf-8"))
        gold["url"] = f"https://www.site{k % 3}-news.com/{gold['id']}.html"
        path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return read_gold([folder])[0]


@pytest.mark.parametrize("select", ["val+oof", "val", "cv"])
def test_no_training_example_comes_from_a_context_built_by_models_that_saw_its_article(tmp_path, monkeypatch,
                                                                                      select):
    fitted_on: dict[int, set[str]] = {}  # id of each kinds model -> the articles it learnt
    models: list = []  # held, so no id is reused

    def fit_kinds(items, lang, fit=training._fit_kinds):
        model = fit(items, lang)
        models.append(model)
        fitted_on[id(model)] = {str(g["id"]) for g, _, _ in items}
        return model

    built: dict[int, tuple[str, int]] = {}  # id of each context -> (its article, its kinds model)

    def context_for(doc, rules, lm, spans=None, build=training.context_for):
        ctx = build(doc, rules, lm, spans)
        built[id(ctx)] = (doc.id, id(lm.kinds))
        return ctx

    learnt: list = []

    def examples(pairs, make=training.examples):
        learnt.extend(ctx for _, ctx in pairs)
        return make(pairs)

    monkeypatch.setattr(training, "_fit_kinds", fit_kinds)
    monkeypatch.setattr(training, "context_for", context_for)
    monkeypatch.setattr(training, "examples", examples)
    golds = _corpus(tmp_path)
    training.train(golds, str(tmp_path / "m"), val=golds[::2], tagger=False, select=select)
    assert len(learnt) == len(golds)
    for ctx in learnt:
        article, kinds = built[id(ctx)]
        assert article not in fitted_on[kinds], (select, article)
