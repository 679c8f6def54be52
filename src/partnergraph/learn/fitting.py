"""Logistic regressions fitted with scikit-learn (the `train` extra) and turned into weight tables.

`fit_linear` fits one model on labelled feature rows; `Design` vectorizes the rows of many
articles once, so cross-validation fits subsets of them without vectorizing again (a feature
absent from a subset keeps weight 0 under the L2 penalty: the same fit as on the subset alone).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from partnergraph.errors import BackendUnavailable
from partnergraph.learn.linear import LinearModel

# weights below this are dropped from the shipped tables: on val the figures did not move, and the
# Chinese pair table fell from 33k to 12k rows (start-up time is mostly reading these tables)
MIN_WEIGHT = 0.01


def _sklearn():
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as err:
        raise BackendUnavailable(
            "training needs scikit-learn, which is not installed",
            hint="pip install 'partnergraph[train]' (make installs it)",
        ) from err
    return DictVectorizer, LogisticRegression


def _classifier(c: float):
    return _sklearn()[1](C=c, solver="lbfgs", random_state=0, max_iter=3000)


def _constant(labels: Sequence | None, classes: list) -> LinearModel:
    if labels is None:
        return LinearModel(("no", "yes"), (10.0 if classes and classes[0] == 1 else -10.0,), {})
    return LinearModel(tuple(labels), tuple(10.0 if classes and lab == classes[0] else -10.0 for lab in labels), {})


def binary_table(names: Sequence[str], clf) -> LinearModel:
    """The weight table of a fitted binary classifier (labels 0/1)."""
    w = {n: (float(v),) for n, v in zip(names, clf.coef_[0]) if abs(v) >= MIN_WEIGHT}
    return LinearModel(("no", "yes"), (float(clf.intercept_[0]),), w)


def fit_linear(rows: list[tuple[dict, object]], c: float, labels: tuple[str, ...] | None = None,
               weights: Sequence[float] | None = None) -> LinearModel:
    """A binary (labels None, targets 0/1) or multiclass model of the rows, with optional row weights."""
    dict_vectorizer = _sklearn()[0]
    y = [lab for _, lab in rows]
    classes = sorted(set(y), key=str)
    if len(classes) < 2:  # one label only: a constant model
        return _constant(labels, classes)
    vec = dict_vectorizer(sort=True)
    x = vec.fit_transform([f for f, _ in rows])
    names = vec.get_feature_names_out()
    clf = _classifier(c)
    clf.fit(x, y, sample_weight=None if weights is None else list(weights))
    if labels is None:
        return binary_table(names, clf)
    fitted = [str(k) for k in clf.classes_]
    coef = clf.coef_ if len(fitted) > 2 else [-clf.coef_[0] / 2, clf.coef_[0] / 2]
    icpt = clf.intercept_ if len(fitted) > 2 else [-clf.intercept_[0] / 2, clf.intercept_[0] / 2]
    bias = tuple(float(icpt[fitted.index(lab)]) if lab in fitted else -10.0 for lab in labels)
    w = {}
    for j, n in enumerate(names):
        row = tuple(float(coef[fitted.index(lab)][j]) if lab in fitted else 0.0 for lab in labels)
        if any(abs(v) >= MIN_WEIGHT for v in row):
            w[n] = row
    return LinearModel(tuple(labels), bias, w)


@dataclass
class Design:
    """Binary rows of many articles, vectorized once: `article[i]` is row i's article."""

    x: object  # scipy sparse matrix
    y: list[int]
    article: list[int]
    names: list[str]

    @classmethod
    def of(cls, per_article: Sequence[Sequence[tuple[dict, int]]]) -> Design:
        rows = [(a, f, lab) for a, article_rows in enumerate(per_article) for f, lab in article_rows]
        vec = _sklearn()[0](sort=True)
        x = vec.fit_transform([f for _, f, _ in rows]) if rows else None
        names = list(vec.get_feature_names_out()) if rows else []
        return cls(x, [lab for _, _, lab in rows], [a for a, _, _ in rows], names)

    def fit(self, rows: Sequence[int], c: float, weights: Sequence[float] | None,
            warm=None) -> tuple[object, LinearModel, object]:
        """A classifier of the given rows (None when they hold one label), its weight table, and
        the classifier to pass as `warm` to the next fit of the same rows (started from this one)."""
        y = [self.y[i] for i in rows]
        classes = sorted(set(y))
        if len(classes) < 2:
            return None, _constant(None, classes), None
        clf = warm if warm is not None else _classifier(c)
        clf.set_params(C=c, warm_start=True)
        clf.fit(self.x[list(rows)], y, sample_weight=None if weights is None else list(weights))
        return clf, binary_table(self.names, clf), clf

    def probabilities(self, clf, model: LinearModel, rows: Sequence[int]) -> list[float]:
        if not rows:
            return []
        if clf is None:
            p = 1.0 if model.bias[0] > 0 else 0.0
            return [p] * len(rows)
        return [float(v) for v in clf.predict_proba(self.x[list(rows)])[:, 1]]
