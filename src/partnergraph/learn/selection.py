"""Model selection by grouped cross-validation over the training articles.

Thresholds and regularisation chosen on a small validation split follow its accidents: one
Chinese val article with 18 parties holds 153 of the split's 263 partner pairs, so a threshold
chosen there is chosen for that article. Instead `partnergraph train` chooses them on the
training articles themselves, the way they will be used, on sites never seen:

- articles are grouped by site (`site_of`: the registrable domain of their url) and the groups
  are dealt into folds (`grouped_folds`), so no site is on both sides of a fold;
- each scorer's regularisation strength and article weighting (`SCORER_GRID`) is the one whose
  models, trained on the other folds, give the held-out articles the lowest log loss, every
  article weighing alike (`article_weights`: an article counts at most as many rows as a typical
  one);
- the decision thresholds are chosen on the out-of-fold scores of every training article, by
  the mean score of an article (`headline_objective`): capped pair and event F1 on the articles
  with cooperation (`capped_counts`: an article counts at most `ARTICLE_CAP` gold items and
  `ARTICLE_CAP` wrong ones per field), silence on those without (a false alarm costs a whole
  article), each choice at the best point of the objective averaged over its neighbours
  (`smoothed_best_grid`), so a lucky spike does not decide.

Everything is computed in a fixed order with fixed solvers: the same corpus gives the same choices.
"""

from __future__ import annotations

import ipaddress
import itertools
import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from partnergraph.learn.fitting import Design
from partnergraph.learn.linear import LinearModel

ARTICLE_CAP = 10
# (C, weighting) per scorer: a grid around the former fixed C (0.5), as each fit of the pair
# scorer costs seconds; it reaches down to 0.01 because the pair scorer chose its lowest value
# (0.1) when the grid stopped there (smaller C fits faster, so the cost grows little)
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
WEIGHTINGS = ("none", "articles")
SCORER_GRID = tuple((c, w) for w in WEIGHTINGS for c in C_GRID)
# second-level labels under a country code that are not the site itself (gov.cn, ac.uk, com.au)
_GENERIC = frozenset({"ac", "co", "com", "edu", "gov", "net", "org", "or", "ne", "go", "mil", "gob", "nic"})


def site_of(gold: dict) -> str:
    """The site an article comes from: the registrable domain of its url (news.example.com.cn
    and www.example.com.cn are one site); an article without a url is its own site."""
    host = (urlsplit(str(gold.get("url") or "")).hostname or "").rstrip(".").lower()
    if not host:
        return f"article:{gold.get('id')}"
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _GENERIC else 2
    return ".".join(labels[-keep:])


def grouped_folds(sites: Sequence[str], k: int) -> list[int]:
    """The fold of each article, 0..k-1: whole sites dealt, largest first (then by name), to the
    fold with the fewest articles so far (then the lowest number)."""
    sizes: dict[str, int] = {}
    for s in sites:
        sizes[s] = sizes.get(s, 0) + 1
    fold_of: dict[str, int] = {}
    load = [0] * k
    for site in sorted(sizes, key=lambda s: (-sizes[s], s)):
        f = min(range(k), key=lambda i: (load[i], i))
        fold_of[site] = f
        load[f] += sizes[site]
    return [fold_of[s] for s in sites]


def fold_count(sites: Sequence[str], wanted: int) -> int:
    """`wanted` folds, fewer when there are fewer sites; below 2 there is nothing to hold out."""
    return min(wanted, len(set(sites)))


def article_weights(rows_per_article: Sequence[int]) -> list[float]:
    """A weight per article for its rows: 1, or less for an article with more rows than the
    median article, so that each counts at most as much as a typical one."""
    sizes = [n for n in rows_per_article if n > 0]
    cap = max(1.0, statistics.median(sizes)) if sizes else 1.0
    return [min(1.0, cap / n) if n else 1.0 for n in rows_per_article]


def capped_counts(tp: float, pred: float, gold: float, cap: float = ARTICLE_CAP) -> tuple[float, float, float]:
    """One article's (true positives, predicted, gold) scaled so that it counts at most `cap`
    gold items, and at most `cap` false ones: a long article no longer outweighs a dozen short."""
    w = min(1.0, cap / gold) if gold else 1.0
    wrong = min(w * (pred - tp), cap)
    return w * tp, w * tp + wrong, w * gold


def f1_of(counts: Sequence[tuple[float, float, float]]) -> float:
    tp = sum(c[0] for c in counts)
    pred = sum(c[1] for c in counts)
    gold = sum(c[2] for c in counts)
    if not pred and not gold:
        return 1.0
    return 2 * tp / (pred + gold) if pred + gold else 0.0


def weighted_f1(article_counts: Sequence[dict[str, tuple[int, int, int]]], field: str,
                cap: float = ARTICLE_CAP) -> float:
    """F1 of one field over articles, each article capped (`capped_counts`)."""
    return f1_of([capped_counts(*c[field], cap=cap) for c in article_counts])


def weighted_report(pairs: Sequence[tuple[dict, dict | None]], fields: Sequence[str],
                    cap: float = ARTICLE_CAP) -> dict[str, dict[str, float]]:
    """Article-weighted F1 per language and over all: {"all": {field: f1}, "en": ..., "zh": ...}."""
    from partnergraph.learn.scoring import score_article

    groups: dict[str, list[dict]] = {}
    for gold, pred in pairs:
        c = score_article(gold, pred)
        for g in ("all", gold.get("lang") or "?"):
            groups.setdefault(g, []).append(c)
    return {g: {f: round(weighted_f1(cs, f, cap), 3) for f in fields} for g, cs in sorted(groups.items())}


def headline_objective(article_counts: Sequence[dict[str, tuple[int, int, int]]]) -> float:
    """What the decision thresholds maximise: the mean score of an article, every article counting
    alike. An article with gold events scores the mean of its capped pair and event F1 (pooled
    over those articles, `weighted_f1`); an article without any (a negative one) scores 1 when
    nothing is reported on it and 0 when anything is (a false alarm). So the false-alarm rate
    weighs as much as the share of negative articles: reporting on one more negative article
    costs as much as missing one whole positive article."""
    positives = [c for c in article_counts if not c["false_alarm"][2]]
    negatives = len(article_counts) - len(positives)
    if not article_counts:
        return 1.0
    f1 = statistics.fmean(weighted_f1(positives, f) for f in ("pairs", "events")) if positives else 1.0
    alarms = sum(c["false_alarm"][0] for c in article_counts)
    return (len(positives) * f1 + negatives - alarms) / len(article_counts)


def false_alarm_rate(article_counts: Sequence[dict[str, tuple[int, int, int]]]) -> float:
    negatives = sum(c["false_alarm"][2] for c in article_counts)
    return sum(c["false_alarm"][0] for c in article_counts) / negatives if negatives else 0.0


def smoothed_best_grid(axes: Sequence[Sequence[float]], objective: Callable[[tuple[float, ...]], float],
                       prefer: Callable[[tuple[float, ...]], float]) -> tuple[float, ...]:
    """The point of the grid (the product of `axes`) whose objective, averaged over its
    neighbourhood (each coordinate one step away at most), is highest (ties: the best point
    itself, then `prefer`): a plateau wins over a lucky spike."""
    index = list(itertools.product(*(range(len(a)) for a in axes)))
    point = {p: tuple(a[i] for a, i in zip(axes, p)) for p in index}
    values = {p: objective(point[p]) for p in index}

    def smooth(p: tuple[int, ...]) -> float:
        near = itertools.product(*(range(max(0, i - 1), min(len(a), i + 2)) for a, i in zip(axes, p)))
        return statistics.fmean(values[q] for q in near)

    best = max(index, key=lambda p: (round(smooth(p), 9), round(values[p], 9), prefer(point[p])))
    return point[best]


def smoothed_best(grid: Sequence[float], objective: Callable[[float], float],
                  prefer: Callable[[float], float]) -> float:
    """The grid value whose objective, averaged with its neighbours', is highest (ties: `prefer`)."""
    return smoothed_best_grid([grid], lambda t: objective(t[0]), lambda t: prefer(t[0]))[0]


@dataclass(frozen=True)
class ScorerChoice:
    c: float
    weighting: str
    log_loss: float  # article-weighted, out of fold

    def to_json(self) -> dict:
        return {"C": self.c, "weighting": self.weighting, "oof_log_loss": round(self.log_loss, 4)}


def _log_loss(p: float, y: int) -> float:
    p = min(1 - 1e-6, max(1e-6, p))
    return -math.log(p if y else 1 - p)


def select_scorer(design: Design, folds: Sequence[int], k: int,
                  grid: Sequence[tuple[float, str]] = SCORER_GRID) -> tuple[ScorerChoice, list[LinearModel]]:
    """The (C, weighting) of `grid` with the lowest article-weighted log loss out of fold, and
    its k fold models (fold f's model never saw fold f's articles). Within a fold and weighting
    the C values are fitted in increasing order, each from the previous solution (warm start)."""
    n_articles = max(design.article, default=-1) + 1
    per_article = [0] * n_articles
    for a in design.article:
        per_article[a] += 1
    art_w = article_weights(per_article)
    row_w = [art_w[a] for a in design.article]
    total = sum(row_w) or 1.0
    held = [[i for i, a in enumerate(design.article) if folds[a] == f] for f in range(k)]
    fitted = [[i for i, a in enumerate(design.article) if folds[a] != f] for f in range(k)]
    loss = {g: 0.0 for g in range(len(grid))}
    models: dict[int, list[LinearModel]] = {g: [] for g in range(len(grid))}
    for weighting in dict.fromkeys(w for _, w in grid):
        ladder = sorted((c, g) for g, (c, w) in enumerate(grid) if w == weighting)
        for f in range(k):
            weights = [row_w[i] for i in fitted[f]] if weighting == "articles" else None
            warm = None
            for c, g in ladder:
                clf, model, warm = design.fit(fitted[f], c, weights, warm)
                models[g].append(model)
                probs = design.probabilities(clf, model, held[f])
                loss[g] += sum(row_w[i] * _log_loss(p, design.y[i]) for i, p in zip(held[f], probs)) / total
    best = min(range(len(grid)), key=lambda g: (round(loss[g], 9), g))
    return ScorerChoice(grid[best][0], grid[best][1], loss[best]), models[best]
