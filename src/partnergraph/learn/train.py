"""Training: fit the weight tables on gold articles (development time; needs scikit-learn).

Per language: a kinds model on the gold organizations' names; a CRF name tagger on the gold
name mentions; then, for every gold article, the rule engine and the tagger run as they would at
extraction time, and their organizations and partner pairs become candidates labelled by the
gold (an organization is right when one of its names is a gold name or alias; a pair when both
are gold parties of one gold event, the type being that event's). The tagger output used for
these examples is out-of-fold (a tagger trained on the other folds), so the scorers learn how
far to trust the tagger on articles it has not seen. Logistic regressions score the candidates;
given validation articles, the thresholds are chosen there (`choose_thresholds`). Sorted inputs, fixed solvers and rounded weights: the same corpus, the same model.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from partnergraph.errors import BackendUnavailable, ConfigError
from partnergraph.extraction.rules import RuleBackend
from partnergraph.extraction.stages import name_spans
from partnergraph.learn.bounds import alias_features, alias_owners, trim_features, trim_proposals
from partnergraph.learn.candidates import (
    EVENT_TYPES,
    Context,
    event_features,
    org_features,
    pair_features,
    person_candidates,
    person_features,
    typed,
)
from partnergraph.learn.decide import context_for, decide, rule_name_spans, score_candidates, tagged_spans
from partnergraph.learn.gold import document_of, mentions
from partnergraph.learn.linear import LinearModel, TypedModel
from partnergraph.learn.modelfile import DEFAULT_THRESHOLDS, TAGGER_FILE, LanguageModel, save_model
from partnergraph.learn.names import is_part_of, clean_name, name_features
from partnergraph.learn.scoring import Resolver, evaluate, norm_person
from partnergraph.learn.tagger import Tagger, train_tagger
from partnergraph.learn.text import sentences
from partnergraph.models import ORG_KINDS, Document, Extraction

C_ORGS = 0.5
C_PAIRS = 0.5
C_EVENTS = 0.5
C_PEOPLE = 0.5
C_KINDS = 1.0
C_BOUNDS = 0.5
FOLDS = 3  # out-of-fold tagger output for the scorers' training examples
# weights below this are dropped from the shipped tables: on val the figures did not move, and the
# Chinese pair table fell from 33k to 12k rows (start-up time is mostly reading these tables)
_MIN_WEIGHT = 0.01


@dataclass
class Examples:
    orgs: list[tuple[dict, int]] = field(default_factory=list)
    pairs: list[tuple[dict, int]] = field(default_factory=list)
    events: list[tuple[dict, int]] = field(default_factory=list)
    people: list[tuple[dict, int]] = field(default_factory=list)


def lang_of(gold: dict) -> str:
    return "zh" if gold.get("lang") == "zh" else "en"


Item = tuple[dict, Document, Extraction]


def run_rules(golds: list[dict]) -> list[Item]:
    rules = RuleBackend()
    out = []
    for g in golds:
        doc = document_of(g)
        out.append((g, doc, rules.extract(doc)))
    return out


def examples(pairs: list[tuple[dict, Context]]) -> Examples:
    ex = Examples()
    for gold, ctx in pairs:
        pred = {"organizations": [o.model_dump(include={"name", "aliases"}) for o in ctx.orgs]}
        r = Resolver(gold, pred)
        gold_ids = [r.resolve(o.name) for o in ctx.orgs]
        for i in range(len(ctx.orgs)):
            ex.orgs.append((org_features(ctx, i), int(isinstance(gold_ids[i], int))))
        gold_types: set[tuple[frozenset, str]] = set()
        for e in gold.get("events") or []:
            ids = sorted(i for i in {r.gold_index(p) for p in e.get("parties") or []} if isinstance(i, int))
            gold_types.update((frozenset((a, b)), e.get("type")) for a in ids for b in ids if a < b)
        gold_posts: dict[str, set] = {}
        for p in gold.get("people") or []:
            gold_posts.setdefault(norm_person(p.get("name")), set()).add(
                r.gold_index(p["org"]) if p.get("org") else None)
        for k, person in enumerate(ctx.rules.people):
            posts = gold_posts.get(norm_person(person.name))
            if posts is None:
                continue  # not a person of the gold: nothing to learn about their post
            for rank, i in enumerate(person_candidates(ctx, k)):
                ex.people.append((person_features(ctx, k, i, rank), int(gold_ids[i] in posts)))
        gold_events = [(e.get("type"), {r.gold_index(p) for p in e.get("parties") or []})
                       for e in gold.get("events") or []]
        for k, ev in enumerate(ctx.rules.events):
            ids = {gold_ids[ctx.index[p]] for p in ev.parties if p in ctx.index}
            ids = {i for i in ids if isinstance(i, int)}
            hit = any(t == ev.type and len(ids & ps) >= 2 for t, ps in gold_events)
            ex.events.append((event_features(ctx, k), int(hit)))
        for a, b in ctx.pair_candidates():
            ga, gb = gold_ids[a], gold_ids[b]
            f = pair_features(ctx, a, b)
            for t in EVENT_TYPES:
                ex.pairs.append((typed(f, t), int(ga != gb and (frozenset((ga, gb)), t) in gold_types)))
    return ex


def _fit(rows: list[tuple[dict, object]], c: float, labels: tuple[str, ...] | None = None) -> LinearModel:
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as err:
        raise BackendUnavailable(
            "training needs scikit-learn, which is not installed",
            hint="pip install 'partnergraph[train]' (make installs it)",
        ) from err
    y = [lab for _, lab in rows]
    classes = sorted(set(y), key=str)
    if labels is None and len(classes) < 2:  # one label only: a constant model
        return LinearModel(("no", "yes"), (10.0 if classes and classes[0] == 1 else -10.0,), {})
    if labels is not None and len(classes) < 2:
        return LinearModel(tuple(labels), tuple(10.0 if classes and lab == classes[0] else -10.0 for lab in labels), {})
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([f for f, _ in rows])
    names = vec.get_feature_names_out()
    clf = LogisticRegression(C=c, solver="lbfgs", random_state=0, max_iter=3000)
    clf.fit(x, y)
    if labels is None:
        w = {n: (float(v),) for n, v in zip(names, clf.coef_[0]) if abs(v) >= _MIN_WEIGHT}
        return LinearModel(("no", "yes"), (float(clf.intercept_[0]),), w)
    fitted = [str(k) for k in clf.classes_]
    coef = clf.coef_ if len(fitted) > 2 else [-clf.coef_[0] / 2, clf.coef_[0] / 2]
    icpt = clf.intercept_ if len(fitted) > 2 else [-clf.intercept_[0] / 2, clf.intercept_[0] / 2]
    bias = tuple(float(icpt[fitted.index(lab)]) if lab in fitted else -10.0 for lab in labels)
    w = {}
    for j, n in enumerate(names):
        row = tuple(float(coef[fitted.index(lab)][j]) if lab in fitted else 0.0 for lab in labels)
        if any(abs(v) >= _MIN_WEIGHT for v in row):
            w[n] = row
    return LinearModel(tuple(labels), bias, w)


def bounds_examples(items: list[Item], spans_of: dict[int, list]) -> list[tuple[dict, int]]:
    """Trim and short-form examples labelled by the gold: a glued prefix is to be cut when the
    rest is a gold name and the whole is not (kept when the whole is a gold name); a tagged name
    is a known organization's short form when the gold names both for one organization."""
    rows: list[tuple[dict, int]] = []
    for k, (g, doc, ex) in enumerate(items):
        r = Resolver(g, None)
        spans = spans_of.get(k, [])
        orgs = ex.organizations
        for i, cut, j in trim_proposals(doc.text, orgs, spans):
            whole, rest = r.gold_index(orgs[i].name), r.gold_index(orgs[i].name[cut:])
            if isinstance(whole, int) or isinstance(rest, int):
                rows.append((trim_features(ex, orgs, i, cut, j), int(isinstance(rest, int) and not isinstance(whole, int))))
        named = name_spans(orgs)
        seen: set[str] = set()
        for s, e, typ in spans:
            if typ != "ORG" or any(a < e and s < b for a, b in named):
                continue
            name = clean_name(doc.text, s, e)
            if name in seen or any(is_part_of(name, n) for o in orgs for n in [o.name, *o.aliases]):
                continue
            seen.add(name)
            owners = alias_owners(name, orgs)
            gi = r.gold_index(name)
            for o, form, at in owners:
                same = isinstance(gi, int) and gi == r.gold_index(orgs[o].name)
                rows.append((alias_features(name, orgs[o], form, at, len(owners)), int(same)))
    return rows


def _tagger_items(items: list[Item]):
    for g, doc, ex in items:
        yield doc.text, sentences(doc, []), rule_name_spans(ex), mentions(g)


def choose_thresholds(lm: LanguageModel, val: list[tuple[dict, Context]]) -> dict[str, float]:
    """The event threshold, then the pair threshold, with the best mean of pair and event F1 on
    val; the rule events' party threshold and the other-type threshold on the same figure; then
    the org threshold with the best org F1, and the people threshold with the best people F1."""
    scored = [(g, ctx, score_candidates(ctx, lm)) for g, ctx in val]

    def f1(th: dict[str, float], fields: tuple[str, ...]) -> float:
        rows = [(g, decide(ctx, lm, s, th).model_dump()) for g, ctx, s in scored]
        report = evaluate(rows)["all"]
        return sum(report[f]["f1"] for f in fields) / len(fields)

    grid = [round(0.1 + 0.05 * k, 2) for k in range(15)]
    best = dict(lm.thresholds)
    headline = ("pairs", "events")  # both headline figures: pairs alone would buy recall with events
    best["events"] = max(grid, key=lambda t: (f1(dict(best, events=t), headline), -abs(t - 0.5)))
    best["pairs"] = max(grid, key=lambda t: (f1(dict(best, pairs=t), headline), -abs(t - 0.5)))
    # each off (party 0, extra 1.01) unless it helps
    best["party"] = max([0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3], key=lambda t: (f1(dict(best, party=t), headline), -t))
    best["extra"] = max(grid + [1.01], key=lambda t: (f1(dict(best, extra=t), headline), t))
    best["orgs"] = max(grid, key=lambda t: (f1(dict(best, orgs=t), ("orgs",)), -abs(t - 0.5)))
    best["people"] = max(grid, key=lambda t: (f1(dict(best, people=t), ("people",)), -abs(t - 0.5)))
    return best


def corpus_hash(golds: list[dict]) -> str:
    h = hashlib.sha1()
    for g in sorted(golds, key=lambda g: str(g["id"])):
        h.update(json.dumps(g, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def fit_language(lang: str, items: list[Item], val: list[Item], root: Path, use_tagger: bool) -> tuple[LanguageModel, Examples]:
    kinds_rows = [(name_features(o["name"], lang), o.get("kind") or "other")
                  for g, _, _ in items for o in g.get("organizations") or [] if o.get("name")]
    kinds = _fit(kinds_rows, C_KINDS, labels=ORG_KINDS)
    blank = LinearModel(("no", "yes"), (0.0,), {})
    lm = LanguageModel(orgs=blank, events=blank, pairs=TypedModel(EVENT_TYPES, (0.0,) * len(EVENT_TYPES), {}),
                       kinds=kinds, people=blank,
                       thresholds=dict(DEFAULT_THRESHOLDS))
    oof: dict[int, list] = {}
    has_mentions = any(mentions(g) for g, _, _ in items)
    if use_tagger and has_mentions and len(items) >= FOLDS:
        with tempfile.TemporaryDirectory() as tmp:
            for fold in range(FOLDS):
                rest = [it for k, it in enumerate(items) if k % FOLDS != fold]
                path = Path(tmp) / f"fold{fold}.crfsuite"
                train_tagger(_tagger_items(rest), path, lang)
                fold_lm = LanguageModel(lm.orgs, lm.events, lm.pairs, kinds, lm.people, tagger=Tagger(path, lang))
                for k, (_, doc, ex) in enumerate(items):
                    if k % FOLDS == fold:
                        oof[k] = tagged_spans(doc, ex, fold_lm)
        final = root / lang / TAGGER_FILE
        train_tagger(_tagger_items(items), final, lang)
        lm.tagger = Tagger(final, lang)
    if lang == "zh":
        lm.bounds = _fit(bounds_examples(items, oof), C_BOUNDS)
    ctxs = [(g, context_for(doc, ex, lm, oof.get(k, []))) for k, (g, doc, ex) in enumerate(items)]
    exs = examples(ctxs)
    lm.orgs = _fit(exs.orgs, C_ORGS)
    lm.pairs = TypedModel.from_binary(_fit(exs.pairs, C_PAIRS), EVENT_TYPES)
    lm.events = _fit(exs.events, C_EVENTS)
    lm.people = _fit(exs.people, C_PEOPLE)
    if val:
        lm.thresholds = choose_thresholds(lm, [(g, context_for(doc, ex, lm)) for g, doc, ex in val])
    return lm, exs


def train(golds: list[dict], out: str, val: list[dict] | None = None, name: str = "partnergraph",
          tagger: bool = True) -> dict:
    """Fit a model folder at `out` from gold articles; returns its meta."""
    if not golds:
        raise ConfigError("no training articles", hint="give gold files with text and answers")
    golds = sorted(golds, key=lambda g: str(g["id"]))
    root = Path(out)
    items = run_rules(golds)
    val_items = run_rules(sorted(val, key=lambda g: str(g["id"]))) if val else []
    languages, stats = {}, {}
    for lang in sorted({lang_of(g) for g in golds}):
        lang_items = [it for it in items if lang_of(it[0]) == lang]
        lang_val = [it for it in val_items if lang_of(it[0]) == lang]
        languages[lang], exs = fit_language(lang, lang_items, lang_val, root, tagger)
        stats[lang] = {"orgs": len(exs.orgs), "events": len(exs.events), "pairs": len(exs.pairs),
                       "people": len(exs.people)}
    meta = {
        "name": name,
        "corpus_sha1": corpus_hash(golds),
        "articles": {lang: sum(1 for g in golds if lang_of(g) == lang) for lang in sorted(languages)},
        "examples": stats,
        "val_articles": len(val or []),
        "val_sha1": corpus_hash(val) if val else None,
    }
    save_model(out, meta, languages)
    return meta
