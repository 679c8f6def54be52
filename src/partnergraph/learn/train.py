"""Training: fit the weight tables on gold articles (development time; needs scikit-learn).

Per language: a kinds model on the gold organizations' names; a CRF name tagger on the gold
name mentions; then, for every gold article, the rule engine and the tagger run as they would at
extraction time, and their organizations and partner pairs become candidates labelled by the
gold (an organization is right when one of its names is a gold name or alias; a pair when both
are gold parties of one gold event, the type being that event's). The tagger output used for
these examples is out-of-fold (a tagger trained on the other folds, folds of whole sites), so the
scorers learn how far to trust the tagger on sites it has not seen; so are the kinds model and the
Chinese bounds model that build each article's context (`held_out_contexts`: fitted on all the
gold, they knew the article's own names and boundaries, which no model knows at extraction). Every article is also one
documents example, labelled by whether its gold has any event: articles without cooperation
(results, rankings, appointments) teach the gate that silences them, which the rule events'
and pairs' examples cannot (the rules, written on these articles, rarely fire on them).
Logistic regressions score the candidates; their regularisation and article weighting, and the decision thresholds, are
chosen by grouped cross-validation over the training articles (`cross_validate`, selection.py;
thresholds by `choose_thresholds`, false alarms on articles without cooperation counted), or on
validation articles if asked (`thresholds_on_val`). Sorted inputs, fixed solvers and
rounded weights: the same corpus, the same model.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import statistics
import tempfile
import time
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

from partnergraph.errors import ConfigError
from partnergraph.extraction.rules import RuleBackend
from partnergraph.extraction.stages import name_spans
from partnergraph.learn.bounds import (
    alias_features,
    alias_owners,
    apply_trims,
    kept_apart,
    merge_features,
    merge_proposals,
    trim_features,
    trim_proposals,
)
from partnergraph.learn.candidates import (
    EVENT_TYPES,
    Context,
    document_features,
    event_features,
    org_features,
    pair_features,
    person_candidates,
    person_features,
    typed,
)
from partnergraph.learn.decide import Scores, context_for, decide, rule_name_spans, score_candidates, tagged_spans
from partnergraph.learn.fitting import Design, fit_linear
from partnergraph.learn.gold import document_of, mentions
from partnergraph.learn.linear import LinearModel, TypedModel
from partnergraph.learn.modelfile import DEFAULT_THRESHOLDS, TAGGER_FILE, LanguageModel, save_model
from partnergraph.learn.names import is_part_of, clean_name, name_features
from partnergraph.learn.people import TAGGED_STAGE
from partnergraph.learn.scoring import Resolver, Tally, evaluate, norm_person, score_article
from partnergraph.learn.selection import (
    ScorerChoice,
    article_weights,
    fold_count,
    grouped_folds,
    headline_objective,
    select_scorer,
    site_of,
    smoothed_best,
    smoothed_best_grid,
    weighted_f1,
    weighted_report,
)
from partnergraph.learn.tagger import Tagger, train_tagger
from partnergraph.learn.text import sentences
from partnergraph.models import ORG_KINDS, Document, Extraction

log = logging.getLogger(__name__)

C_ORGS = 0.5
C_PAIRS = 0.5
C_EVENTS = 0.5
C_PEOPLE = 0.5
C_KINDS = 1.0
C_BOUNDS = 0.5
C_DOCUMENTS = 0.3  # one row per article, the article's words among its features: fewer rows, a firmer prior
# folds of whole sites: out-of-fold tagger output for the scorers' training examples, and the
# cross-validation that chooses the scorers' C and the thresholds (selection.py)
FOLDS = 4
LEGACY_FOLDS = 3  # --select val: the tagger's folds as before cross-validation (k-th article in fold k % 3)
SELECTIONS = ("cv", "val", "val+oof")
SCORERS = ("orgs", "pairs", "events", "people", "documents")
DEFAULT_C = {"orgs": C_ORGS, "pairs": C_PAIRS, "events": C_EVENTS, "people": C_PEOPLE, "documents": C_DOCUMENTS}


@dataclass
class Examples:
    orgs: list[tuple[dict, int]] = field(default_factory=list)
    pairs: list[tuple[dict, int]] = field(default_factory=list)
    events: list[tuple[dict, int]] = field(default_factory=list)
    people: list[tuple[dict, int]] = field(default_factory=list)
    documents: list[tuple[dict, int]] = field(default_factory=list)


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
        gold_ids = [r.resolve(o.name) for o in ctx.orgs + ctx.post_places]
        ex.documents.append((document_features(ctx), int(bool(gold.get("events")))))
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
        for k, person in enumerate(ctx.people):
            posts = gold_posts.get(norm_person(person.name))
            if posts is None and person.stage != TAGGED_STAGE:
                continue  # a rules person not in the gold: nothing to learn about their post
            # a tagged name that is no gold person holds no post anywhere
            posts = posts or set()
            for rank, i in enumerate(person_candidates(ctx, k)):
                ex.people.append((person_features(ctx, k, i, rank), int(gold_ids[i] in posts)))
        gold_events = [(e.get("type"), {r.gold_index(p) for p in e.get("parties") or []})
                       for e in gold.get("events") or []]
        for k, ev in enumerate(ctx.candidate_events):  # the rules' events, then the proposed ones
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
        # a rules name that may be another's short form: one when the gold names both for one
        # organization (read after the glued prefixes the gold would cut, as `refine` reads it)
        trimmed = apply_trims(doc.text, ex, [(i, cut, j) for i, cut, j in trim_proposals(doc.text, orgs, spans)
                                             if isinstance(r.gold_index(orgs[i].name[cut:]), int)
                                             and not isinstance(r.gold_index(orgs[i].name), int)])
        torgs = trimmed.organizations
        for i, o, form, at, n in merge_proposals(torgs, kept_apart(doc.text, trimmed)):
            gi = r.gold_index(torgs[i].name)
            same = isinstance(gi, int) and gi == r.gold_index(torgs[o].name)
            rows.append((merge_features(torgs, i, o, form, at, n), int(same)))
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


Scored = list[tuple[dict, Context, Scores]]


class ArticleOutcomes:
    """One scored article's counts (`score_article`) under any thresholds, `decide` run once per
    distinct outcome: every decision compares a score with a threshold, so thresholds that fall
    between the same two of the article's scores decide alike."""

    def __init__(self, gold: dict, ctx: Context, scores: Scores) -> None:
        org_p, pair_p, event_p, post_p, self.document = scores
        self.gold, self.ctx, self.scores = gold, ctx, scores
        self.events, self.pairs, self.orgs = sorted(event_p), sorted(pair_p.values()), sorted(org_p)
        self.people = sorted(p for _, p in filter(None, post_p))
        self.memo: dict[tuple, dict] = {}

    def counts(self, lm: LanguageModel, th: dict[str, float]) -> dict[str, tuple[int, int, int]]:
        key = (bisect_left(self.events, th["events"]), bisect_left(self.pairs, th["pairs"]),
               th["party"] > 0, bisect_left(self.pairs, th["party"]), bisect_left(self.pairs, th["extra"]),
               bisect_left(self.orgs, th["orgs"]), bisect_left(self.orgs, th["orgs"] / 2),  # decide's two-party drop
               bisect_left(self.people, th["people"]),
               bisect_left(self.people, th["tagged"]), self.document >= th.get("document", 0.0),
               bisect_left(self.pairs, th.get("backed", 1.01)))
        if key not in self.memo:
            self.memo[key] = score_article(self.gold, decide(self.ctx, lm, self.scores, th).model_dump())
        return self.memo[key]


THRESHOLD_GRID = [round(0.1 + 0.05 * k, 2) for k in range(15)]
HEADLINE_GRID = [round(0.1 + 0.05 * k, 2) for k in range(17)]  # events and pairs: .1 to .9
PARTY_GRID = [0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3]
EXTRA_GRID = THRESHOLD_GRID + [1.01]
DOCUMENT_GRID = [0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5]
HEADLINE_ROUNDS = 3  # passes over (events, pairs), party, extra until none moves
POOL_SMOOTH = False  # --select val+oof: thresholds_steady (True: the neighbour-smoothed best point; docs/selection.md)
# `train --floor`: the F1 the floor articles keep: issue 9's bar on the dev set for pairs and
# events; people as bench/eval_dev.py pins the English learned floor
FLOOR_F1 = {"pairs": 0.95, "events": 0.95, "people": 0.80}


def choose_thresholds(lm: LanguageModel, scored: Scored, by_article: bool = True) -> dict[str, float]:
    """The decision thresholds on the scored articles.

    With `by_article` (cross-validation): the thresholds that decide what is reported (events,
    pairs, party, extra) maximise `headline_objective` (capped pair and event F1 of the articles
    with gold events, and silence on those without: false alarms count), the events and pairs
    thresholds chosen together on a grid, then party, then extra, repeated until none moves; each
    choice is the best point of the objective averaged over its neighbours (`smoothed_best_grid`).
    Then the org, people and tagged-people thresholds by their own capped F1. Without
    (`--select val`, as it has always chosen): micro F1 on the articles, one threshold after the other (`thresholds_on_val`).
    "backed" (a rule event kept below the events threshold when the pairs model backs it) is
    chosen with the thresholds that decide what is reported, off (1.01) unless it helps."""
    if not by_article:
        return thresholds_on_val(lm, scored)
    articles = [ArticleOutcomes(g, ctx, s) for g, ctx, s in scored]

    def counts(th: dict[str, float]) -> list[dict]:
        return [a.counts(lm, th) for a in articles]

    def headline(**moved: float) -> float:
        return headline_objective(counts(dict(best, **moved)))

    best = dict(lm.thresholds)
    for _ in range(HEADLINE_ROUNDS):
        before = dict(best)
        best["events"], best["pairs"] = smoothed_best_grid(
            [HEADLINE_GRID, HEADLINE_GRID], lambda t: headline(events=t[0], pairs=t[1]),
            lambda t: -abs(t[0] - 0.5) - abs(t[1] - 0.5))
        # each off (party 0, extra 1.01, document 0) unless it helps
        best["party"] = smoothed_best(PARTY_GRID, lambda t: headline(party=t), lambda t: -t)
        best["extra"] = smoothed_best(EXTRA_GRID, lambda t: headline(extra=t), lambda t: t)
        best["document"] = smoothed_best(DOCUMENT_GRID, lambda t: headline(document=t), lambda t: -t)
        best["backed"] = smoothed_best(EXTRA_GRID, lambda t: headline(backed=t), lambda t: t)
        if best == before:
            break
    middle = lambda t: -abs(t - 0.5)  # noqa: E731  (ties: the threshold nearer the middle)
    for part in ("orgs", "people"):  # neither changes the events, pairs or false alarms
        best[part] = smoothed_best(THRESHOLD_GRID, lambda t, part=part: weighted_f1(counts(dict(best, **{part: t})), part),
                                   middle)
    best["tagged"] = smoothed_best(THRESHOLD_GRID + [1.01],
                                   lambda t: weighted_f1(counts(dict(best, tagged=t)), "people"), middle)
    return best


def thresholds_on_val(lm: LanguageModel, scored: Scored, smooth: bool = False,
                      floor: Scored = ()) -> dict[str, float]:
    """`--select val`'s thresholds: the event threshold, then the pair threshold, with the best
    mean of pair and event micro F1 on the scored articles; the rule events' party threshold, the
    other-type threshold, the document gate and the backed threshold on the same figure; then the
    org threshold with the best org F1, and the people and tagged-people thresholds with the best
    people F1. With `smooth`, each value's figure is averaged with its grid neighbours'
    (`smoothed_best`). With `floor` (scored articles, `train --floor`), a threshold that keeps
    their F1 at `FLOOR_F1` or above (pairs and events for the headline thresholds, people for the
    people thresholds) beats any that does not: a regression set the choice may not break. Each article
    is decided once per distinct outcome (`ArticleOutcomes`); the figures are `evaluate`'s,
    rounded alike."""
    articles = [ArticleOutcomes(g, ctx, s) for g, ctx, s in scored]
    floor_articles = [ArticleOutcomes(g, ctx, s) for g, ctx, s in floor]

    def f1(th: dict[str, float], fields: tuple[str, ...]) -> float:
        return _mean_f1(_report(lm, th, articles), fields)

    def held(th: dict[str, float], fields: tuple[str, ...]) -> float:
        """The val figure of `fields`, one lower when the floor articles fall under their floor."""
        below = bool(floor_articles) and _below_floor(_report(lm, th, floor_articles), fields)
        return f1(th, fields) - (1.0 if below else 0.0)

    def best_of(grid: list[float], objective, prefer) -> float:
        if smooth:
            return smoothed_best(grid, objective, prefer)
        return max(grid, key=lambda t: (objective(t), prefer(t)))

    grid = THRESHOLD_GRID
    best = dict(lm.thresholds)
    headline = ("pairs", "events")  # both headline figures: pairs alone would buy recall with events
    middle = lambda t: -abs(t - 0.5)  # noqa: E731  (ties: the threshold nearer the middle)
    best["events"] = best_of(grid, lambda t: held(dict(best, events=t), headline), middle)
    best["pairs"] = best_of(grid, lambda t: held(dict(best, pairs=t), headline), middle)
    # each off (party 0, extra 1.01, document 0) unless it helps
    best["party"] = best_of(PARTY_GRID, lambda t: held(dict(best, party=t), headline), lambda t: -t)
    best["extra"] = best_of(EXTRA_GRID, lambda t: held(dict(best, extra=t), headline), lambda t: t)
    best["document"] = best_of(DOCUMENT_GRID, lambda t: held(dict(best, document=t), headline), lambda t: -t)
    best["backed"] = best_of(EXTRA_GRID, lambda t: held(dict(best, backed=t), headline), lambda t: t)
    best["orgs"] = best_of(grid, lambda t: f1(dict(best, orgs=t), ("orgs",)), middle)
    best["people"] = best_of(grid, lambda t: held(dict(best, people=t), ("people",)), middle)
    best["tagged"] = best_of(grid + [1.01], lambda t: held(dict(best, tagged=t), ("people",)), middle)
    return best


def _report(lm: LanguageModel, th: dict[str, float], articles: list[ArticleOutcomes]) -> dict:
    """`evaluate`'s report of the articles decided at thresholds `th`."""
    tally = Tally()
    for a in articles:
        tally.add(a.counts(lm, th))
    return tally.report()


def _mean_f1(rep: dict, fields: tuple[str, ...]) -> float:
    """The mean F1 of `fields` in a report (a field with no items counts 1)."""
    return sum(rep[f]["f1"] if f in rep else 1.0 for f in fields) / len(fields)


def _below_floor(rep: dict, fields: tuple[str, ...]) -> bool:
    """Whether a floor articles' report falls under `FLOOR_F1` on any of `fields`."""
    return any(f in rep and rep[f]["f1"] < FLOOR_F1[f] for f in fields)


STEADY_GROUPS = 5  # groups of whole sites the pool is dealt into, to see how a choice holds from site to site
# a figure of a threshold choice: the pooled one and one per group of sites
Figure = tuple[float, list[float]]
STEADY_SE = 1.0  # a value within this many standard errors of the best is as good as the best


def thresholds_steady(lm: LanguageModel, scored: Scored, floor: Scored = (), groups: int = STEADY_GROUPS,
                      se: float = STEADY_SE, anchors: dict[str, float] | None = None, *,
                      floor_margin: int = 0, smooth: int = 0, joint: bool = False) -> dict[str, float]:
    """The thresholds `thresholds_on_val` chooses (the same figures, order and floor), each shrunk
    toward its default (`DEFAULT_THRESHOLDS`, or `anchors`) as far as the articles allow: the
    one-standard-error rule, with the error measured across sites.

    The scored articles are dealt into `groups` groups of whole sites (`grouped_folds`). For each
    candidate value the figure is computed on the whole pool and on each group; a value is *as
    good as the best* when its pooled figure is within `se` standard errors of the best value's,
    the standard error being that of its per-group differences from the best value (a value that
    wins on one site and loses on the others is not better). Among those, the value nearest the
    default is taken: .5 for the scores, off for the switches (party, extra, document gate,
    backed), which are then on only when they help on most sites. A flat figure, whose best point
    any small change of the scores moves across the plateau, leaves the threshold at its default.
    The events and pairs thresholds are chosen again until neither moves (at most
    `HEADLINE_ROUNDS` passes). The floor articles (`train --floor`) constrain each choice as in
    `thresholds_on_val`: only values that keep them at `FLOOR_F1` compete when some do; when no
    events (pairs) value keeps them at the pairs (events) threshold of the moment, those that keep
    them with some pairs (events) value do, so a floor that only the two together keep is found
    (one after the other, each gave up the floor at the other's value)."""
    anchors = dict(DEFAULT_THRESHOLDS, **(anchors or {}))
    articles = [ArticleOutcomes(g, ctx, s) for g, ctx, s in scored]
    floor_articles = [ArticleOutcomes(g, ctx, s) for g, ctx, s in floor]
    sites = [site_of(g) for g, _, _ in scored]
    k = fold_count(sites, groups)
    group = grouped_folds(sites, k) if k >= 2 else [0] * len(articles)
    k = max(k, 1)

    def figure(th: dict[str, float], fields: tuple[str, ...]) -> Figure:
        total, parts = Tally(), [Tally() for _ in range(k)]
        for a, g in zip(articles, group):
            c = a.counts(lm, th)
            total.add(c)
            parts[g].add(c)
        return _mean_f1(total.report(), fields), [_mean_f1(t.report(), fields) for t in parts]

    def keeps_floor(th: dict[str, float], fields: tuple[str, ...]) -> bool:
        return not _below_floor(_report(lm, th, floor_articles), fields)

    # a point is a tuple of threshold values (one for a threshold chosen alone, two for events and
    # pairs chosen together), each on the grid of its threshold
    def around(q: tuple[float, ...], grid: list[float], radius: int) -> list[tuple[float, ...]]:
        """The points at most `radius` grid steps from `q` along every axis, `q` among them."""
        return list(product(*(grid[max(0, grid.index(t) - radius):grid.index(t) + radius + 1] for t in q)))

    def smoothed(figs: dict[tuple[float, ...], Figure], grid: list[float]) -> dict[tuple[float, ...], Figure]:
        """Each point's figures averaged with those of its neighbours `smooth` steps away at most."""
        if not smooth:
            return figs
        out = {}
        for q in figs:
            near = [figs[u] for u in around(q, grid, smooth)]
            out[q] = (statistics.fmean(f[0] for f in near), [statistics.fmean(col) for col in zip(*(f[1] for f in near))])
        return out

    def with_margin(allowed: list[tuple[float, ...]], grid: list[float]) -> list[tuple[float, ...]]:
        """The allowed points whose neighbours `floor_margin` steps away are allowed too (the floor
        kept with room), or all of them when none is."""
        if not floor_margin:
            return allowed
        ok = set(allowed)
        return [q for q in allowed if all(u in ok for u in around(q, grid, floor_margin))] or allowed

    def one_se(figs: dict[tuple[float, ...], Figure], allowed: list[tuple[float, ...]], near, order) -> tuple[float, ...]:
        """Among the allowed points as good as the best (within `se` standard errors of its
        figure, the error that of the per-group differences), the last by `order`."""
        top = max(allowed, key=lambda q: (round(figs[q][0], 9), near(q)))

        def as_good(q: tuple[float, ...]) -> bool:
            diffs = [a - b for a, b in zip(figs[q][1], figs[top][1])]
            err = statistics.stdev(diffs) / math.sqrt(len(diffs)) if len(diffs) >= 2 else 0.0
            return figs[q][0] >= figs[top][0] - se * err - 1e-9

        return max((q for q in allowed if as_good(q)), key=order)

    def steady(key: str, grid: list[float], fields: tuple[str, ...], floor_fields: tuple[str, ...],
               partner: str | None = None) -> float:
        figs = smoothed({(t,): figure(dict(best, **{key: t}), fields) for t in grid}, grid)
        allowed = [(t,) for t in grid if keeps_floor(dict(best, **{key: t}), floor_fields)]
        if floor_fields:
            allowed = with_margin(allowed, grid)
        if not allowed and partner is not None:
            # none keeps the floor at the partner's value of the moment: those that keep it with
            # some value of it (events .1 where only pairs .6 or more drops a floor article's
            # extra pair event), which the partner's own choice then takes
            allowed = [(t,) for t in grid if any(keeps_floor(dict(best, **{key: t, partner: u}), floor_fields)
                                                 for u in grid)]
        allowed = allowed or [(t,) for t in grid]
        near = lambda q: -abs(q[0] - anchors[key])  # noqa: E731
        return one_se(figs, allowed, near, lambda q: (near(q), round(figs[q][0], 9)))[0]

    def steady_pair() -> tuple[float, float]:
        """(events, pairs) chosen together: the one-standard-error rule over the grid's pairs of
        values, the nearest to the defaults (the sum of the distances) among those as good as the best."""
        points = [(e, p) for e in grid for p in grid]
        figs = smoothed({q: figure(dict(best, events=q[0], pairs=q[1]), headline) for q in points}, grid)
        allowed = with_margin([q for q in points if keeps_floor(dict(best, events=q[0], pairs=q[1]), headline)], grid)
        near = lambda q: -abs(q[0] - anchors["events"]) - abs(q[1] - anchors["pairs"])  # noqa: E731
        events, pairs = one_se(figs, allowed or points, near, lambda q: (round(near(q), 9), round(figs[q][0], 9), -q[0]))
        return events, pairs

    grid = THRESHOLD_GRID
    best = dict(lm.thresholds)
    headline = ("pairs", "events")
    if joint:
        best["events"], best["pairs"] = steady_pair()
    for _ in range(0 if joint else HEADLINE_ROUNDS):
        before = (best["events"], best["pairs"])
        best["events"] = steady("events", grid, headline, headline, partner="pairs")
        best["pairs"] = steady("pairs", grid, headline, headline, partner="events")
        if (best["events"], best["pairs"]) == before:
            break
    best["party"] = steady("party", PARTY_GRID, headline, headline)
    best["extra"] = steady("extra", EXTRA_GRID, headline, headline)
    best["document"] = steady("document", DOCUMENT_GRID, headline, headline)
    best["backed"] = steady("backed", EXTRA_GRID, headline, headline)
    best["orgs"] = steady("orgs", grid, ("orgs",), ())
    best["people"] = steady("people", grid, ("people",), ("people",))
    best["tagged"] = steady("tagged", grid + [1.01], ("people",), ("people",))
    return best


def thresholds_on_pool(lm: LanguageModel, val: Scored, oof: Scored, smooth: bool = POOL_SMOOTH,
                       floor: Scored = ()) -> dict[str, float]:
    """`--select val+oof`'s thresholds, chosen on the val articles (scored by the final models)
    pooled with every training article scored out of fold (by scorers fitted on the other folds):
    about four times as many articles as val alone, so one event no longer moves the best point.
    Each is `thresholds_steady`'s: the value nearest its default among those within one standard
    error (across groups of sites) of the best, so a flat figure no longer lets a small change of
    the scores move it across the plateau (with `smooth`, `thresholds_on_val`'s neighbour-smoothed
    best point, as before session 13)."""
    if smooth:
        return thresholds_on_val(lm, list(val) + list(oof), smooth=True, floor=floor)
    return thresholds_steady(lm, list(val) + list(oof), floor=floor)


def _scorers(lm: LanguageModel, models: dict[str, LinearModel]) -> LanguageModel:
    """`lm` with the given scorers (its kinds, bounds and thresholds; no tagger: the contexts are built)."""
    return LanguageModel(orgs=models["orgs"], events=models["events"],
                         pairs=TypedModel.from_binary(models["pairs"], EVENT_TYPES), kinds=lm.kinds,
                         people=models["people"], thresholds=dict(lm.thresholds), bounds=lm.bounds,
                         documents=models["documents"])


@dataclass
class Selection:
    """What the cross-validation chose, and the out-of-fold scores it chose the thresholds on."""

    choices: dict[str, ScorerChoice]
    scored: Scored
    folds: int
    sites: int


def _fit_kinds(items: list[Item], lang: str) -> LinearModel:
    rows = [(name_features(o["name"], lang), o.get("kind") or "other")
            for g, _, _ in items for o in g.get("organizations") or [] if o.get("name")]
    return fit_linear(rows, C_KINDS, labels=ORG_KINDS)


def held_out_contexts(lang: str, items: list[Item], folds: list[int], k: int, lm: LanguageModel,
                      spans: dict[int, list]) -> list[tuple[dict, Context]]:
    """Every article's context as a model that never saw its fold builds it: the kinds model (and
    for Chinese the bounds model) fitted on the other folds' gold, the tagger's out-of-fold spans.
    (The kinds model learns the gold organizations' names: fitted on all of train, it would know
    the held-out article's names.)"""
    out: list = [None] * len(items)
    for f in range(k):
        rest = [a for a in range(len(items)) if folds[a] != f]
        fold_lm = LanguageModel(lm.orgs, lm.events, lm.pairs, _fit_kinds([items[a] for a in rest], lang), lm.people,
                                thresholds=dict(lm.thresholds))
        if lang == "zh":
            fold_lm.bounds = fit_linear(bounds_examples([items[a] for a in rest],
                                                        {j: spans.get(a, []) for j, a in enumerate(rest)}), C_BOUNDS)
        for a, (g, doc, ex) in enumerate(items):
            if folds[a] == f:
                out[a] = (g, context_for(doc, ex, fold_lm, spans.get(a, [])))
    return out


def cross_validate(ctxs: list[tuple[dict, Context]], per_article: list[Examples], folds: list[int], k: int,
                   lm: LanguageModel, grids: dict[str, tuple] | None = None) -> Selection:
    """Each scorer's (C, weighting) by grouped cross-validation, then every article scored by the
    fold models that never saw its fold (`selection.py`), in its context `ctxs` (`held_out_contexts`:
    as a model that never saw it builds it). `grids`: each scorer's (C, weighting) candidates
    (`SCORER_GRID` when not given)."""
    choices, fold_models = {}, {}
    for part in SCORERS:
        t0 = time.process_time()
        design = Design.of([getattr(ex, part) for ex in per_article])
        choices[part], fold_models[part] = select_scorer(design, folds, k, *([grids[part]] if grids else []))
        log.info("%s: %s chosen in %.1f CPU s", part, choices[part].to_json(), time.process_time() - t0)
    scored: Scored = []
    for f in range(k):
        fold_lm = _scorers(lm, {part: fold_models[part][f] for part in SCORERS})
        scored += [(g, ctx, score_candidates(ctx, fold_lm)) for a, (g, ctx) in enumerate(ctxs) if folds[a] == f]
    order = {id(g): a for a, (g, _) in enumerate(ctxs)}
    scored.sort(key=lambda row: order[id(row[0])])
    return Selection(choices, scored, k, len(set(folds)))


def corpus_hash(golds: list[dict]) -> str:
    h = hashlib.sha1()
    for g in sorted(golds, key=lambda g: str(g["id"])):
        h.update(json.dumps(g, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def fit_language(lang: str, items: list[Item], val: list[Item], root: Path, use_tagger: bool,
                 select: str = "cv", floor: list[Item] = ()) -> tuple[LanguageModel, Examples, dict]:
    """The models of one language, and a report of how they were chosen (and their val figures;
    with `floor`, whether the thresholds chosen on val keep those articles at the floor)."""
    kinds = _fit_kinds(items, lang)
    blank = LinearModel(("no", "yes"), (0.0,), {})
    lm = LanguageModel(orgs=blank, events=blank, pairs=TypedModel(EVENT_TYPES, (0.0,) * len(EVENT_TYPES), {}),
                       kinds=kinds, people=blank,
                       thresholds=dict(DEFAULT_THRESHOLDS))
    sites = [site_of(g) for g, _, _ in items]
    if select == "cv":
        k = fold_count(sites, FOLDS)
        folds = grouped_folds(sites, k)
    else:  # as --select val has always trained: the tagger's folds by article order
        k = LEGACY_FOLDS if len(items) >= LEGACY_FOLDS else 0
        folds = [a % LEGACY_FOLDS for a in range(len(items))]
    oof: dict[int, list] = {}
    has_mentions = any(mentions(g) for g, _, _ in items)
    if use_tagger and has_mentions:
        with tempfile.TemporaryDirectory() as tmp:
            for fold in range(k if k >= 2 else 0):
                rest = [it for a, it in enumerate(items) if folds[a] != fold]
                path = Path(tmp) / f"fold{fold}.crfsuite"
                train_tagger(_tagger_items(rest), path, lang)
                fold_lm = LanguageModel(lm.orgs, lm.events, lm.pairs, kinds, lm.people, tagger=Tagger(path, lang))
                for a, (_, doc, ex) in enumerate(items):
                    if folds[a] == fold:
                        oof[a] = tagged_spans(doc, ex, fold_lm)
        final = root / lang / TAGGER_FILE
        train_tagger(_tagger_items(items), final, lang)
        lm.tagger = Tagger(final, lang)
    if lang == "zh":
        lm.bounds = fit_linear(bounds_examples(items, oof), C_BOUNDS)
    # the scorers learn from each article's context as a model that never saw the article builds
    # it, as at extraction: the kinds model (which learns the gold organizations' names, and types
    # the tagger's names) and the Chinese bounds model (which learns the gold's boundaries) fitted
    # on the other folds, like the tagger's out-of-fold spans
    if k >= 2:
        ctxs = held_out_contexts(lang, items, folds, k, lm, oof)
    else:
        ctxs = [(g, context_for(doc, ex, lm, oof.get(a, []))) for a, (g, doc, ex) in enumerate(items)]
    per_article = [examples([pair]) for pair in ctxs]
    chosen = None
    log.info("%s: %d articles from %d sites in %d folds; contexts built (%.1f CPU s so far)",
             lang, len(items), len(set(sites)), k, time.process_time())
    pool = None
    if select == "cv" and k >= 2:
        chosen = cross_validate(ctxs, per_article, folds, k, lm)
    elif select == "val+oof" and k >= 2:  # the scorers at their default C, fitted on the other folds
        pool = cross_validate(ctxs, per_article, folds, k, lm,
                              grids={part: ((DEFAULT_C[part], "none"),) for part in SCORERS}).scored
    for part in SCORERS:
        rows = [getattr(ex, part) for ex in per_article]
        choice = chosen.choices[part] if chosen else None
        weights = None
        if choice is not None and choice.weighting == "articles":
            weights = [w for w, r in zip(article_weights([len(r) for r in rows]), rows) for _ in r]
        model = fit_linear([row for r in rows for row in r], choice.c if choice else DEFAULT_C[part], weights=weights)
        setattr(lm, part, TypedModel.from_binary(model, EVENT_TYPES) if part == "pairs" else model)
    report: dict = {"thresholds_from": "cross-validation" if chosen else "val" if val else "defaults"}
    if chosen:
        lm.thresholds = choose_thresholds(lm, chosen.scored)
        log.info("%s: thresholds %s (%.1f CPU s so far)", lang, lm.thresholds, time.process_time())
        oof_rows = [(g, decide(ctx, lm, s).model_dump()) for g, ctx, s in chosen.scored]
        report.update(folds=chosen.folds, sites=len(set(sites)),
                      scorers={part: chosen.choices[part].to_json() for part in SCORERS},
                      out_of_fold=_figures(oof_rows))
    val_rows = [(g, context_for(doc, ex, lm)) for g, doc, ex in val]
    floor_rows = [(g, context_for(doc, ex, lm)) for g, doc, ex in floor] if val else []
    floor_scored = [(g, ctx, score_candidates(ctx, lm)) for g, ctx in floor_rows]
    if pool is not None:
        lm.thresholds = thresholds_on_pool(lm, [(g, ctx, score_candidates(ctx, lm)) for g, ctx in val_rows], pool,
                                           floor=floor_scored)
        log.info("%s: thresholds %s (%.1f CPU s so far)", lang, lm.thresholds, time.process_time())
        report.update(thresholds_from="val+out-of-fold" if val else "out-of-fold", folds=k,
                      pooled_articles=len(val_rows) + len(pool),
                      # the pooled thresholds saw these articles: not a held-out figure
                      out_of_fold=_figures([(g, decide(ctx, lm, s).model_dump()) for g, ctx, s in pool]))
    elif val and chosen is None:  # asked for, or too few sites to hold any out
        val_scored = [(g, ctx, score_candidates(ctx, lm)) for g, ctx in val_rows]
        lm.thresholds = (thresholds_on_val(lm, val_scored, floor=floor_scored) if select != "cv"
                         else choose_thresholds(lm, val_scored, by_article=True))
    if val:
        report["val"] = _figures([(g, decide(ctx, lm).model_dump()) for g, ctx in val_rows])
    if floor_rows:
        report["floor"] = _figures([(g, decide(ctx, lm).model_dump()) for g, ctx in floor_rows])
    return lm, Examples(*(sum((getattr(ex, part) for ex in per_article), []) for part in
                          ("orgs", "pairs", "events", "people", "documents"))), report


def _figures(rows: list[tuple[dict, dict]]) -> dict:
    """F1 per headline field, over all rows (micro) and with articles weighing alike."""
    fields = ("orgs", "people", "pairs", "events")
    micro = evaluate(rows)["all"]
    return {"articles": len(rows), "micro": {f: micro[f]["f1"] for f in fields},
            "per_article": weighted_report(rows, fields)["all"]}


def train(golds: list[dict], out: str, val: list[dict] | None = None, name: str = "partnergraph",
          tagger: bool = True, select: str = "cv", floor: list[dict] | None = None) -> dict:
    """Fit a model folder at `out` from gold articles; returns its meta.

    `select="cv"`: each scorer's C and the thresholds chosen by grouped cross-validation over the
    training articles (`selection.py`; needs articles from two sites or more, else as "val");
    `select="val"`: defaults for C, thresholds chosen on `val` (defaults without it);
    `select="val+oof"`: defaults for C, thresholds chosen on `val` pooled with the training
    articles scored out of fold (`thresholds_on_pool`; on val alone with fewer than 3 articles). Val figures,
    when val is given, are recorded in the meta either way. `floor`: articles whose pair, event and
    people F1 the thresholds chosen on val keep at `FLOOR_F1` when some choice can (a regression set, the dev
    articles for the shipped model); their figures are recorded as "floor"."""
    if select not in SELECTIONS:
        raise ConfigError(f"unknown selection {select!r}",
                          hint="use cv (cross-validation on train), val or val+oof (val pooled with train out of fold)")
    if not golds:
        raise ConfigError("no training articles", hint="give gold files with text and answers")
    golds = sorted(golds, key=lambda g: str(g["id"]))
    root = Path(out)
    items = run_rules(golds)
    val_items = run_rules(sorted(val, key=lambda g: str(g["id"]))) if val else []
    floor_items = run_rules(sorted(floor, key=lambda g: str(g["id"]))) if floor else []
    languages, stats, selection = {}, {}, {}
    for lang in sorted({lang_of(g) for g in golds}):
        lang_items = [it for it in items if lang_of(it[0]) == lang]
        lang_val = [it for it in val_items if lang_of(it[0]) == lang]
        lang_floor = [it for it in floor_items if lang_of(it[0]) == lang]
        languages[lang], exs, selection[lang] = fit_language(lang, lang_items, lang_val, root, tagger, select, lang_floor)
        stats[lang] = {"orgs": len(exs.orgs), "events": len(exs.events), "pairs": len(exs.pairs),
                       "people": len(exs.people), "documents": len(exs.documents)}
    meta = {
        "name": name,
        "corpus_sha1": corpus_hash(golds),
        "articles": {lang: sum(1 for g in golds if lang_of(g) == lang) for lang in sorted(languages)},
        "examples": stats,
        "val_articles": len(val or []),
        "val_sha1": corpus_hash(val) if val else None,
        **({"floor_articles": len(floor), "floor_sha1": corpus_hash(floor)} if floor else {}),
        "selection": selection,
    }
    save_model(out, meta, languages)
    return meta
