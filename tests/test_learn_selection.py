"""Model selection by grouped cross-validation (learn/selection.py), on data the tests write."""

from __future__ import annotations

import json
import random

import pytest

from learn_corpus import write_corpus
from partnergraph.learn.decide import decide
from partnergraph.learn.fitting import Design
from partnergraph.learn.gold import read_gold
from partnergraph.learn.linear import LinearModel
from partnergraph.learn.scoring import score_article
from partnergraph.learn.selection import (
    SCORER_GRID,
    article_weights,
    capped_counts,
    false_alarm_rate,
    fold_count,
    grouped_folds,
    headline_objective,
    select_scorer,
    site_of,
    smoothed_best,
    smoothed_best_grid,
    weighted_f1,
)
from partnergraph.learn.train import train

pytest.importorskip("sklearn")


@pytest.mark.parametrize("url, site", [
    ("https://www.harlow-news.com/2024/05/story.html", "harlow-news.com"),
    ("http://english.corvane.gov.cn/a?b=1", "corvane.gov.cn"),
    ("https://big5.www.corvane.gov.cn/x", "corvane.gov.cn"),
    ("https://news.stennis.ac.uk/", "stennis.ac.uk"),
    ("https://marlow.de:8080/x", "marlow.de"),
    ("http://192.0.2.7/page", "192.0.2.7"),
    ("HTTPS://WWW.Lindell.EDU./news", "lindell.edu"),
])
def test_site_is_the_registrable_domain(url, site):
    assert site_of({"id": "x", "url": url}) == site


@pytest.mark.parametrize("url", [None, "", "not a url", "file:///tmp/a.txt"])
def test_an_article_without_a_host_is_its_own_site(url):
    assert site_of({"id": "en-7", "url": url}) == "article:en-7"
    assert site_of({"id": "en-7", "url": url}) != site_of({"id": "en-8", "url": url})


def test_folds_keep_each_site_whole_and_balance_articles():
    sites = ["a"] * 5 + ["b"] * 3 + ["c"] * 3 + [f"s{i}" for i in range(9)]
    folds = grouped_folds(sites, 4)
    for s in set(sites):
        assert len({f for f, t in zip(folds, sites) if t == s}) == 1
    sizes = [folds.count(f) for f in range(4)]
    assert sorted(sizes) == [5, 5, 5, 5]


def test_folds_do_not_depend_on_the_articles_order():
    sites = [f"site{i % 7}" for i in range(30)] + [f"lone{i}" for i in range(11)]
    folds = dict(zip(sites, grouped_folds(sites, 5)))
    shuffled = sites[:]
    random.Random(3).shuffle(shuffled)
    assert dict(zip(shuffled, grouped_folds(shuffled, 5))) == folds


def test_fold_count_is_bounded_by_the_sites():
    assert fold_count(["a", "a", "b"], 5) == 2
    assert fold_count(["a", "a"], 5) == 1
    assert fold_count([f"s{i}" for i in range(9)], 5) == 5


def test_a_long_article_counts_like_a_capped_one():
    # one article of 153 gold pairs, all found, and nine short ones each missed: the micro F1
    # would call this split good; capped, the nine misses weigh almost as much as it
    long = {"pairs": (153, 153, 153)}
    short = [{"pairs": (0, 1, 1)}] * 9
    micro = 2 * 153 / (162 + 153)
    assert micro > 0.95
    assert weighted_f1([long, *short], "pairs", cap=10) == pytest.approx(2 * 10 / (19 + 19))
    # wrong items are capped too: an article's hundred false pairs count as ten
    assert capped_counts(0, 100, 0, cap=10) == (0, 10, 0)
    assert capped_counts(2, 3, 4, cap=10) == (2, 3, 4)


def test_article_weights_cap_at_the_median():
    assert article_weights([2, 4, 4, 40, 0]) == [1.0, 1.0, 1.0, 0.1, 1.0]


def test_smoothed_best_prefers_a_plateau_to_a_spike():
    grid = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
    curve = {0.1: 0.1, 0.2: 0.9, 0.3: 0.1, 0.4: 0.6, 0.5: 0.7, 0.6: 0.6, 0.7: 0.2}
    assert smoothed_best(grid, curve.__getitem__, lambda t: -abs(t - 0.5)) == 0.5
    flat = smoothed_best(grid, lambda t: 0.5, lambda t: -abs(t - 0.5))
    assert flat == 0.5


def _design(n_articles: int, seed: int) -> Design:
    """Rows whose label follows 'cue' with noise, plus one feature unique to each article."""
    rng = random.Random(seed)
    per_article = []
    for a in range(n_articles):
        rows = []
        for _ in range(rng.randint(2, 9)):
            cue = rng.random() < 0.5
            label = int(cue if rng.random() < 0.85 else not cue)
            rows.append(({"cue": float(cue), f"own={a}": 1.0, "noise": rng.random()}, label))
        per_article.append(rows)
    return Design.of(per_article)


def test_scorer_selection_is_out_of_fold_and_deterministic():
    design = _design(24, seed=5)
    sites = [f"site{a // 2}" for a in range(24)]  # two articles per site
    folds = grouped_folds(sites, 4)
    choice, models = select_scorer(design, folds, 4)
    assert (choice.c, choice.weighting) in SCORER_GRID
    assert len(models) == 4
    for f, model in enumerate(models):
        assert model.weights["cue"][0] > 0  # the cue is learnt in every fold
        # a fold's model has no weight for a feature only its held-out articles have
        for a in range(24):
            if folds[a] == f:
                assert f"own={a}" not in model.weights
    again, models_again = select_scorer(_design(24, seed=5), folds, 4)
    assert again == choice and models_again == models


def test_scorer_selection_prefers_weak_regularisation_when_the_data_is_clean():
    rng = random.Random(1)
    per_article = [[({"cue": float(c)}, int(c)) for c in (rng.random() < 0.5 for _ in range(6))]
                   for _ in range(20)]
    choice, _ = select_scorer(Design.of(per_article), grouped_folds([str(a) for a in range(20)], 4), 4)
    assert choice.c == max(c for c, _ in SCORER_GRID)


def _corpus_with_sites(tmp_path):
    """The tiny invented corpus, its articles spread over a few invented sites."""
    folder = tmp_path / "gold"
    paths = write_corpus(folder)
    for k, path in enumerate(sorted(paths)):
        gold = json.loads(path.read_text(encoding="utf-8"))
        gold["url"] = f"https://www.site{k % 3}-news.com/{gold['id']}.html"
        path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return read_gold([folder])[0]


def test_training_selects_by_cross_validation_and_records_it(tmp_path):
    golds = _corpus_with_sites(tmp_path)
    meta = train(golds, str(tmp_path / "m1"), val=golds, name="cv")
    for lang in ("en", "zh"):
        report = meta["selection"][lang]
        assert report["thresholds_from"] == "cross-validation"
        assert report["folds"] == 3 and report["sites"] == 3
        assert set(report["scorers"]) == {"orgs", "pairs", "events", "people", "documents"}
        for fig in (report["out_of_fold"], report["val"]):
            assert set(fig["micro"]) == set(fig["per_article"]) == {"orgs", "people", "pairs", "events"}
    # the same corpus, the same model, byte for byte
    train(golds, str(tmp_path / "m2"), val=golds, name="cv")
    for f in sorted((tmp_path / "m1").rglob("*.json")):
        assert f.read_bytes() == (tmp_path / "m2" / f.relative_to(tmp_path / "m1")).read_bytes(), f
    saved = json.loads((tmp_path / "m1" / "meta.json").read_text(encoding="utf-8"))
    assert saved["selection"] == meta["selection"]


def test_training_on_one_site_falls_back_to_val(tmp_path):
    golds = [dict(g, url="https://one.example.org/x") for g in _corpus_with_sites(tmp_path)]
    meta = train(golds, str(tmp_path / "m"), val=golds, name="one-site", tagger=False)
    assert {r["thresholds_from"] for r in meta["selection"].values()} == {"val"}
    meta = train(golds, str(tmp_path / "m"), name="one-site", tagger=False)
    assert {r["thresholds_from"] for r in meta["selection"].values()} == {"defaults"}


def test_selection_on_val_is_still_available(tmp_path):
    golds = _corpus_with_sites(tmp_path)
    meta = train(golds, str(tmp_path / "m"), val=golds, name="val", tagger=False, select="val")
    assert {r["thresholds_from"] for r in meta["selection"].values()} == {"val"}


def test_cli_train_selects_by_cross_validation_and_refuses_an_unknown_selection(tmp_path):
    from typer.testing import CliRunner

    from partnergraph.cli import app

    _corpus_with_sites(tmp_path)
    runner = CliRunner()
    bad = runner.invoke(app, ["train", str(tmp_path / "gold"), "--out", str(tmp_path / "m"), "--select", "test"])
    assert bad.exit_code != 0 and "--select" in bad.output and "Traceback" not in bad.output
    assert not (tmp_path / "m").exists()
    help_text = runner.invoke(app, ["train", "--help"]).output
    assert "cross-validation" in help_text and "--select" in help_text
    ok = runner.invoke(app, ["train", str(tmp_path / "gold"), "--out", str(tmp_path / "m")])
    assert ok.exit_code == 0, ok.output
    meta = json.loads((tmp_path / "m" / "meta.json").read_text(encoding="utf-8"))
    assert {r["thresholds_from"] for r in meta["selection"].values()} == {"cross-validation"}
    assert "out-of-fold" in ok.output


def test_headline_objective_counts_a_false_alarm_as_a_whole_article():
    found = {"pairs": (1, 1, 1), "events": (1, 1, 1), "false_alarm": (0, 0, 0)}
    missed = {"pairs": (0, 0, 1), "events": (0, 0, 1), "false_alarm": (0, 0, 0)}
    silent = {"pairs": (0, 0, 0), "events": (0, 0, 0), "false_alarm": (0, 1, 1)}
    alarm = {"pairs": (0, 1, 0), "events": (0, 1, 0), "false_alarm": (1, 1, 1)}
    assert headline_objective([found, found, silent, silent]) == 1.0
    # one alarm on a negative article costs as much as missing one positive article outright
    with_alarm = headline_objective([found, found, silent, alarm])
    assert with_alarm == pytest.approx(0.75)
    assert headline_objective([found, missed, silent, silent]) == pytest.approx(0.5 * 2 / 3 + 0.5)
    assert false_alarm_rate([found, silent, alarm]) == 0.5
    assert false_alarm_rate([found]) == 0.0


def test_smoothed_best_grid_chooses_a_plateau_in_two_dimensions():
    axis = [0.1, 0.2, 0.3, 0.4, 0.5]
    spike, plateau = (0.1, 0.5), {(0.3, 0.3), (0.3, 0.4), (0.4, 0.3), (0.4, 0.4), (0.3, 0.2), (0.2, 0.3)}

    def objective(t):
        return 1.0 if t == spike else 0.8 if t in plateau else 0.1

    assert smoothed_best_grid([axis, axis], objective, lambda t: 0) in {(0.3, 0.3)}


_SIGNED = "{a} and {b} signed a cooperation agreement on 3 May 2024."


def _scored_articles():
    """Invented articles with rule events scored by hand: on each of four positive articles one
    sure event (.6) and one doubtful but true (.2); on each of four negative articles one doubtful
    and false (.2). Taking the doubtful ones gains pair and event F1 and fires on every negative."""
    from partnergraph.extraction.rules import RuleBackend
    from partnergraph.learn.candidates import Context
    from partnergraph.learn.gold import document_of

    rules, out = RuleBackend(), []
    for k in range(8):
        names = [f"Harlow{k} University", f"Osgood{k} Bank", f"Lindell{k} College", f"Peyton{k} Group"]
        positive = k < 4
        text = _SIGNED.format(a=names[0], b=names[1])
        if positive:
            text += " " + _SIGNED.format(a=names[2], b=names[3])
        gold = {"id": f"en-{k}", "lang": "en", "text": text, "published": None,
                "organizations": [{"name": n, "aliases": [], "kind": "other"} for n in names],
                "people": [],
                "events": [{"type": "agreement", "date": "2024-05-03", "parties": names[2 * i: 2 * i + 2]}
                           for i in range(2 if positive else 0)]}
        ex = rules.extract(document_of(gold))
        assert len(ex.events) == (2 if positive else 1)
        ctx = Context.build(document_of(gold), ex)
        events = [0.6 if positive and names[0] in ev.parties else 0.2 for ev in ex.events]
        out.append((gold, ctx, ([0.9] * len(ctx.orgs), {}, events, [None] * len(ex.people), 1.0)))
    return out


def test_thresholds_weigh_false_alarms_on_negative_articles():
    from partnergraph.learn.modelfile import DEFAULT_THRESHOLDS, LanguageModel
    from partnergraph.learn.train import choose_thresholds

    blank = LinearModel(("no", "yes"), (0.0,), {})
    lm = LanguageModel(orgs=blank, events=blank, pairs=blank, kinds=blank, people=blank,
                       thresholds=dict(DEFAULT_THRESHOLDS))
    scored = _scored_articles()
    chosen = choose_thresholds(lm, scored)
    # F1 alone (capped or micro) takes the doubtful events: .8 against .67
    assert weighted_f1([score_article(g, decide(c, lm, s, dict(chosen, events=0.2)).model_dump())
                        for g, c, s in scored], "events") == pytest.approx(0.8)
    assert 0.2 < chosen["events"] <= 0.6
    counts = [score_article(g, decide(c, lm, s, chosen).model_dump()) for g, c, s in scored]
    assert false_alarm_rate(counts) == 0.0 and weighted_f1(counts, "events") == pytest.approx(2 / 3)


def test_article_outcomes_equal_a_fresh_decision_under_any_thresholds():
    from partnergraph.learn.candidates import EVENT_TYPES
    from partnergraph.learn.modelfile import DEFAULT_THRESHOLDS, LanguageModel
    from partnergraph.learn.train import DOCUMENT_GRID, EXTRA_GRID, HEADLINE_GRID, PARTY_GRID, ArticleOutcomes

    blank = LinearModel(("no", "yes"), (0.0,), {})
    lm = LanguageModel(orgs=blank, events=blank, pairs=blank, kinds=blank, people=blank,
                       thresholds=dict(DEFAULT_THRESHOLDS))
    rng = random.Random(7)
    for gold, ctx, (orgs, _, events, posts, _) in _scored_articles():
        pairs = {(a, b, t): round(rng.random(), 2) for a, b in ctx.pair_candidates() for t in EVENT_TYPES}
        scores = ([round(rng.random(), 2) for _ in orgs], pairs, [round(rng.random(), 2) for _ in events], posts,
                  round(rng.random(), 2))
        outcomes = ArticleOutcomes(gold, ctx, scores)
        for _ in range(40):
            th = {"events": rng.choice(HEADLINE_GRID), "pairs": rng.choice(HEADLINE_GRID),
                  "party": rng.choice(PARTY_GRID), "extra": rng.choice(EXTRA_GRID),
                  "orgs": rng.choice(HEADLINE_GRID), "people": 0.5, "tagged": rng.choice(EXTRA_GRID),
                  "document": rng.choice(DOCUMENT_GRID), "backed": rng.choice(EXTRA_GRID)}
            assert outcomes.counts(lm, th) == score_article(gold, decide(ctx, lm, scores, th).model_dump())


def test_pooled_selection_is_not_decided_by_a_small_val_split():
    """`--select val+oof`: the thresholds are chosen on val pooled with train scored out of fold.
    Here val (one article) rewards a doubtful event score (.2, true there), while on the training
    articles, negative ones, that score only ever fires falsely: the pool keeps them out."""
    from partnergraph.learn.modelfile import DEFAULT_THRESHOLDS, LanguageModel
    from partnergraph.learn.train import thresholds_on_pool, thresholds_on_val

    blank = LinearModel(("no", "yes"), (0.0,), {})
    lm = LanguageModel(orgs=blank, events=blank, pairs=blank, kinds=blank, people=blank,
                       thresholds=dict(DEFAULT_THRESHOLDS))
    scored = _scored_articles()
    val, oof = scored[:1], scored[4:]
    assert thresholds_on_val(lm, val)["events"] <= 0.2
    pooled = thresholds_on_pool(lm, val, oof)
    assert 0.2 < pooled["events"] <= 0.6
    counts = [score_article(g, decide(c, lm, s, pooled).model_dump()) for g, c, s in val + oof]
    assert false_alarm_rate(counts) == 0.0


def test_training_with_val_pooled_with_out_of_fold_train(tmp_path):
    golds = _corpus_with_sites(tmp_path)
    val = golds[::2]
    meta = train(golds, str(tmp_path / "m1"), val=val, name="pool", tagger=False, select="val+oof")
    for lang in ("en", "zh"):
        report = meta["selection"][lang]
        n_train = sum(1 for g in golds if g["lang"] == lang)
        n_val = sum(1 for g in val if g["lang"] == lang)
        assert report["thresholds_from"] == "val+out-of-fold" and report["folds"] == 3
        assert report["pooled_articles"] == n_train + n_val
        assert report["out_of_fold"]["articles"] == n_train and report["val"]["articles"] == n_val
    # deterministic: the same corpus, the same model, byte for byte
    train(golds, str(tmp_path / "m2"), val=val, name="pool", tagger=False, select="val+oof")
    for f in sorted((tmp_path / "m1").rglob("*.json")):
        assert f.read_bytes() == (tmp_path / "m2" / f.relative_to(tmp_path / "m1")).read_bytes(), f
    # without val: the training articles out of fold alone
    meta = train(golds, str(tmp_path / "m3"), name="pool", tagger=False, select="val+oof")
    assert {r["thresholds_from"] for r in meta["selection"].values()} == {"out-of-fold"}


def test_cli_train_accepts_the_pooled_selection(tmp_path):
    from typer.testing import CliRunner

    from partnergraph.cli import app

    _corpus_with_sites(tmp_path)
    runner = CliRunner()
    assert "val+oof" in runner.invoke(app, ["train", "--help"]).output
    ok = runner.invoke(app, ["train", str(tmp_path / "gold"), "--out", str(tmp_path / "m"), "--val",
                             str(tmp_path / "gold"), "--select", "val+oof"])
    assert ok.exit_code == 0, ok.output
    meta = json.loads((tmp_path / "m" / "meta.json").read_text(encoding="utf-8"))
    assert {r["thresholds_from"] for r in meta["selection"].values()} == {"val+out-of-fold"}


def test_a_floor_set_overrules_val_when_val_would_break_it():
    """`train --floor`: val (one article) rewards the doubtful event score (.2, true there); the
    floor articles (negative ones, where that score only fires falsely) would fall from F1 1.0 to
    0 on events with it, so a threshold above .2 is chosen, though val scores it lower."""
    from partnergraph.learn.modelfile import DEFAULT_THRESHOLDS, LanguageModel
    from partnergraph.learn.train import thresholds_on_pool, thresholds_on_val

    blank = LinearModel(("no", "yes"), (0.0,), {})
    lm = LanguageModel(orgs=blank, events=blank, pairs=blank, kinds=blank, people=blank,
                       thresholds=dict(DEFAULT_THRESHOLDS))
    scored = _scored_articles()
    val, floor = scored[:1], scored[4:]
    assert thresholds_on_val(lm, val)["events"] <= 0.2
    kept = thresholds_on_val(lm, val, floor=floor)
    assert 0.2 < kept["events"] <= 0.6
    assert false_alarm_rate([score_article(g, decide(c, lm, s, kept).model_dump()) for g, c, s in floor]) == 0.0
    assert 0.2 < thresholds_on_pool(lm, val, [], floor=floor)["events"] <= 0.6
    # a floor no threshold can keep leaves val's choice
    impossible = scored[1:2] + scored[4:]  # a positive article whose doubtful event is true
    assert thresholds_on_val(lm, val, floor=impossible)["events"] == thresholds_on_val(lm, val)["events"]


def test_training_records_the_floor_articles_figures(tmp_path):
    golds = _corpus_with_sites(tmp_path)
    meta = train(golds, str(tmp_path / "m"), val=golds[::2], name="floor", tagger=False, select="val",
                 floor=golds[1::2])
    for lang in ("en", "zh"):
        fig = meta["selection"][lang]["floor"]
        assert fig["articles"] == sum(1 for g in golds[1::2] if g["lang"] == lang)
        assert set(fig["micro"]) == {"orgs", "people", "pairs", "events"}
    assert meta["floor_articles"] == len(golds[1::2])


def test_cli_train_floor_needs_val_selection(tmp_path):
    from typer.testing import CliRunner

    from partnergraph.cli import app

    _corpus_with_sites(tmp_path)
    runner = CliRunner()
    gold = str(tmp_path / "gold")
    bad = runner.invoke(app, ["train", gold, "--out", str(tmp_path / "m"), "--floor", gold])
    assert bad.exit_code != 0 and "--floor" in bad.output and "Traceback" not in bad.output
    assert not (tmp_path / "m").exists()
    ok = runner.invoke(app, ["train", gold, "--out", str(tmp_path / "m"), "--val", gold, "--select", "val",
                             "--floor", gold])
    assert ok.exit_code == 0, ok.output
    assert "en floor" in ok.output


def _site_articles(spec):
    """Invented articles from named sites, rule events scored by hand: per article (site, true
    doubtful events, false doubtful events), each article also holding one sure event (.6), true;
    a doubtful event scores .2, whether true or not."""
    from partnergraph.extraction.rules import RuleBackend
    from partnergraph.learn.candidates import Context
    from partnergraph.learn.gold import document_of

    rules, out = RuleBackend(), []
    for k, (site, n_true, n_false) in enumerate(spec):
        pairs = [(f"Harlow{k}x{i} University", f"Osgood{k}x{i} Bank") for i in range(1 + n_true + n_false)]
        text = " ".join(_SIGNED.format(a=a, b=b) for a, b in pairs)
        gold = {"id": f"en-s{k}", "lang": "en", "url": f"https://www.{site}/news/{k}.html", "text": text,
                "published": None,
                "organizations": [{"name": n, "aliases": [], "kind": "other"} for p in pairs for n in p],
                "people": [],
                "events": [{"type": "agreement", "date": "2024-05-03", "parties": list(p)}
                           for p in pairs[:1 + n_true]]}
        ex = rules.extract(document_of(gold))
        assert len(ex.events) == len(pairs)
        ctx = Context.build(document_of(gold), ex)
        events = [0.6 if pairs[0][0] in ev.parties else 0.2 for ev in ex.events]
        out.append((gold, ctx, ([0.9] * len(ctx.orgs), {}, events, [None] * len(ex.people), 1.0)))
    return out


# one site where the doubtful events are all true, four where each article's one is false
_ONE_SITE_WINS = [("harlow-news.com", 4, 0)] + [(f"site{i}.example.org", 0, 1) for i in range(4)]


def _blank_lm():
    from partnergraph.learn.modelfile import DEFAULT_THRESHOLDS, LanguageModel

    blank = LinearModel(("no", "yes"), (0.0,), {})
    return LanguageModel(orgs=blank, events=blank, pairs=blank, kinds=blank, people=blank,
                         thresholds=dict(DEFAULT_THRESHOLDS))


def test_pooled_thresholds_hold_across_sites_not_at_the_best_point_of_one():
    """The pool's best point takes the doubtful events (micro event F1 .82 against .71), a gain
    made on one site and paid for on the four others; the shipped chooser (`thresholds_on_pool`)
    takes the value nearest the default among those as good within the spread across sites,
    which leaves them out."""
    from partnergraph.learn.train import thresholds_on_pool, thresholds_on_val

    lm, scored = _blank_lm(), _site_articles(_ONE_SITE_WINS)
    assert thresholds_on_val(lm, scored)["events"] <= 0.2  # the best point of the pool
    chosen = thresholds_on_pool(lm, scored[:1], scored[1:])
    assert 0.2 < chosen["events"] <= 0.6
    counts = [score_article(g, decide(c, lm, s, chosen).model_dump()) for g, c, s in scored[1:]]
    assert weighted_f1(counts, "events") == pytest.approx(1.0)


def test_steady_thresholds_move_less_when_a_site_leaves():
    """Without the one site that rewards the doubtful events, the best point jumps (.2 -> .5);
    the steady choice, drawn to its default among the values as good as the best, does not."""
    from partnergraph.learn.train import thresholds_on_val, thresholds_steady

    lm, scored = _blank_lm(), _site_articles(_ONE_SITE_WINS)
    old = [thresholds_on_val(lm, s)["events"] for s in (scored, scored[1:])]
    new = [thresholds_steady(lm, s)["events"] for s in (scored, scored[1:])]
    assert abs(new[0] - new[1]) < abs(old[0] - old[1])
    assert abs(new[0] - new[1]) <= 0.05 + 1e-9


def test_steady_thresholds_keep_the_floor_before_their_default():
    """The floor articles (`train --floor`) outrank the pull toward the default: when only a low
    events threshold keeps them at the floor, it is taken."""
    from partnergraph.learn.train import thresholds_steady

    lm, scored = _blank_lm(), _site_articles(_ONE_SITE_WINS)
    assert thresholds_steady(lm, scored[1:])["events"] == 0.5
    assert thresholds_steady(lm, scored[1:], floor=scored[:1])["events"] <= 0.2


def _floor_needing_both():
    """A floor article whose two true signings score .2 on the events model, and where the pairs
    model scores two of their parties that sign nothing together (Harlow with Osgood of the other
    signing) .55 as partners: it keeps the floor only at a low events threshold and a pairs
    threshold above .55, and at neither alone."""
    from partnergraph.extraction.rules import RuleBackend
    from partnergraph.learn.candidates import Context
    from partnergraph.learn.gold import document_of

    pairs = [("Harlow Floor University", "Osgood Floor Bank"), ("Kestrel Floor Institute", "Lumio Floor Group")]
    gold = {"id": "en-floor", "lang": "en", "url": "https://www.floor.example.org/news/1.html",
            "text": " ".join(_SIGNED.format(a=a, b=b) for a, b in pairs), "published": None,
            "organizations": [{"name": n, "aliases": [], "kind": "other"} for p in pairs for n in p],
            "people": [],
            "events": [{"type": "agreement", "date": "2024-05-03", "parties": list(p)} for p in pairs]}
    ex = RuleBackend().extract(document_of(gold))
    assert len(ex.events) == 2
    ctx = Context.build(document_of(gold), ex)
    index = {o.name: i for i, o in enumerate(ctx.orgs)}
    a, b = sorted((index["Harlow Floor University"], index["Lumio Floor Group"]))
    return [(gold, ctx, ([0.9] * len(ctx.orgs), {(a, b, "agreement"): 0.55}, [0.2, 0.2], [], 1.0))]


def test_steady_thresholds_find_a_floor_that_only_events_and_pairs_together_keep():
    """When no events threshold keeps the floor at the pairs threshold of the moment (.5: the
    pair scored .55 makes an event no floor article has), the events values that keep it with
    some pairs threshold compete, and the pairs threshold then follows: events .2 or under and
    pairs above .55, where choosing one threshold after the other under the floor settled on
    neither (events .5, pairs .5: the floor lost both ways)."""
    from partnergraph.learn.train import thresholds_steady

    lm, scored, floor = _blank_lm(), _site_articles(_ONE_SITE_WINS)[1:], _floor_needing_both()
    assert thresholds_steady(lm, scored)["events"] == 0.5
    chosen = thresholds_steady(lm, scored, floor=floor)
    assert chosen["events"] <= 0.2 and chosen["pairs"] > 0.55
    g, c, s = floor[0]
    counts = score_article(g, decide(c, lm, s, chosen).model_dump())
    assert weighted_f1([counts], "events") == pytest.approx(1.0)
    assert weighted_f1([counts], "pairs") == pytest.approx(1.0)


def test_steady_options_of_the_session_16_bench_keep_the_floor():
    """bench/selection_heldout.py's other ways (not shipped: docs/selection.md, session 16):
    events and pairs chosen together (`joint`) find the floor that only both keep in one step; a
    margin on the floor (`floor_margin`) takes a value whose neighbours keep it too; a wider
    neighbourhood (`smooth`) still leaves a flat figure at the default."""
    from partnergraph.learn.train import THRESHOLD_GRID, thresholds_steady

    lm, scored, floor = _blank_lm(), _site_articles(_ONE_SITE_WINS)[1:], _floor_needing_both()
    joint = thresholds_steady(lm, scored, floor=floor, joint=True)
    assert joint["events"] <= 0.2 and joint["pairs"] > 0.55
    plain = thresholds_steady(lm, scored, floor=floor)
    room = thresholds_steady(lm, scored, floor=floor, floor_margin=1)
    i = THRESHOLD_GRID.index(room["pairs"])
    assert room["pairs"] >= plain["pairs"] and 0 < i < len(THRESHOLD_GRID) - 1
    for t in THRESHOLD_GRID[i - 1:i + 2]:
        g, c, s = floor[0]
        counts = score_article(g, decide(c, lm, s, dict(room, pairs=t)).model_dump())
        assert weighted_f1([counts], "pairs") == pytest.approx(1.0)
    assert thresholds_steady(lm, scored, smooth=2)["events"] == 0.5
