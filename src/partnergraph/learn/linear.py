"""Weight tables: logistic scores of named features, computed in plain Python.

A model is trained at development time (scikit-learn, the `train` extra) and shipped as a
table of weights per feature name, so inference needs no numerical library and costs a few
dictionary look-ups per candidate. Binary models have one weight per feature; multiclass models
one per class (softmax). A typed binary model (`TypedModel`) asks one yes/no question per type
with features shared by all types plus their copies joined with each type, stored as one row per
feature (shared weight, then one per type) so a candidate costs one look-up per feature for all
types at once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]  # binary: ("no", "yes"); multiclass: the labels
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    @property
    def binary(self) -> bool:
        return len(self.classes) == 2 and len(self.bias) == 1

    def __post_init__(self) -> None:
        if self.binary:  # the one weight of each feature, looked up without a tuple
            object.__setattr__(self, "_flat", {k: w[0] for k, w in self.weights.items()})

    def margins(self, features: dict[str, float]) -> list[float]:
        out = list(self.bias)
        for name, value in features.items():
            w = self.weights.get(name)
            if w is not None:
                for k, wk in enumerate(w):
                    out[k] += wk * value
        return out

    def probability(self, features: dict[str, float]) -> float:
        """P(yes) of a binary model."""
        flat = self._flat
        z = self.bias[0]
        if list(features.values()).count(1.0) == len(features):
            # every value 1.0 (x * 1.0 is x), as most candidates' are: the weights found looked
            # up and filtered at C level (a weight 0.0 left out adds nothing), added in the
            # features' order
            for w in filter(None, map(flat.get, features)):
                z += w
            return _sigmoid(z)
        for name, value in features.items():
            w = flat.get(name)
            if w is not None:
                z += w * value
        return _sigmoid(z)

    def predict(self, features: dict[str, float]) -> tuple[str, float]:
        """The most likely class of a multiclass model and its probability."""
        z = self.margins(features)
        top = max(z)
        exp = [math.exp(v - top) for v in z]
        k = max(range(len(z)), key=lambda i: (z[i], -i))
        return self.classes[k], exp[k] / sum(exp)

    def to_json(self) -> dict:
        return {
            "classes": list(self.classes),
            "bias": [round(b, 6) for b in self.bias],
            "weights": {k: [round(x, 6) for x in w] for k, w in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: dict) -> LinearModel:
        classes = tuple(str(c) for c in data["classes"])
        bias = tuple(float(b) for b in data["bias"])
        width = len(bias)
        if width not in (1, len(classes)) or (width == 1 and len(classes) != 2):
            raise ValueError(f"{len(classes)} classes but {width} bias values")
        weights = {name: tuple(w) for name, w in data["weights"].items()}
        _check_rows(weights, width)
        return cls(classes, bias, weights)


def _check_rows(weights: dict, width: int) -> None:
    """Every row holds `width` numbers (one pass; a damaged file fails here, not mid-extraction)."""
    for name, w in weights.items():
        if len(w) != width or not all(type(x) in (float, int) for x in w):
            raise ValueError(f"feature {name!r} has weights {list(w)[:6]}, expected {width} numbers")


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@dataclass(frozen=True)
class TypedModel:
    """Binary questions per type: P(yes | features, type) for every type in one pass."""

    types: tuple[str, ...]
    bias: tuple[float, ...]  # per type: the intercept plus the type's own weight
    weights: dict[str, tuple[float, ...]]  # per feature: (shared, one per type)

    def __post_init__(self) -> None:
        # each feature's weight for each type (shared + own), added up once here rather than per
        # candidate: the same sums, so the same scores to the last bit
        rows = {name: tuple(w[0] + wk for wk in w[1:]) for name, w in self.weights.items()}
        object.__setattr__(self, "_rows", rows)
        object.__setattr__(self, "_positive", None)  # `positive_sums`' table, made when first asked

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        rows = self._rows
        if len(self.types) != 4:
            z = list(self.bias)
            for name, value in features.items():
                w = rows.get(name)
                if w is not None:
                    for k, wk in enumerate(w):
                        z[k] += wk * value
            return {t: _sigmoid(z[k]) for k, t in enumerate(self.types)}
        z0, z1, z2, z3 = self.bias
        if list(features.values()).count(1.0) == len(features):
            # every value 1.0 (x * 1.0 is x), as a pair's features are: the rows found (non-empty
            # tuples) looked up and filtered at C level, added in the features' order
            for w0, w1, w2, w3 in filter(None, map(rows.get, features)):
                z0 += w0
                z1 += w1
                z2 += w2
                z3 += w3
            t = self.types
            return {t[0]: _sigmoid(z0), t[1]: _sigmoid(z1), t[2]: _sigmoid(z2), t[3]: _sigmoid(z3)}
        for name, value in features.items():
            w = rows.get(name)
            if w is not None:
                if value == 1.0:  # x * 1.0 is x: the common case skips four products
                    z0 += w[0]
                    z1 += w[1]
                    z2 += w[2]
                    z3 += w[3]
                else:
                    z0 += w[0] * value
                    z1 += w[1] * value
                    z2 += w[2] * value
                    z3 += w[3] * value
        t = self.types
        return {t[0]: _sigmoid(z0), t[1]: _sigmoid(z1), t[2]: _sigmoid(z2), t[3]: _sigmoid(z3)}

    def positive_sums(self, names: Iterable[str]) -> tuple[float, ...]:
        """Per type, the sum of the positive weights of `names` (each counted as it comes): at
        least what they add to that type's margin with value 1.0, whichever of them a candidate
        has. Summed at C level in any order: a bound (`upper_margin`), not a score."""
        positive = self._positive
        if positive is None:  # each row's positive weights, made when first asked
            positive = {name: tuple(max(0.0, w) for w in row) for name, row in self._rows.items() if max(row) > 0}
            object.__setattr__(self, "_positive", positive)
        found = list(filter(None, map(positive.get, names)))
        return tuple(map(sum, zip(*found))) if found else (0.0,) * len(self.types)

    def upper_margin(self, features: dict[str, float], sums: Iterable[tuple[float, ...]]) -> float:
        """An upper bound of the highest type's margin of a candidate with `features` and some
        other features (values 1.0), whose positive weights per type `sums` hold (`positive_sums`).
        Summed at C level in any order: the margins' own sums (`probabilities`) differ from it by
        rounding alone."""
        rows = self._rows
        if list(features.values()).count(1.0) == len(features):
            found = [*filter(None, map(rows.get, features)), *sums]
        else:
            found = [tuple(wk * value for wk in w) for w, value in zip(map(rows.get, features), features.values())
                     if w is not None] + list(sums)
        if not found:
            return max(self.bias)
        return max(map(sum, zip(self.bias, *found)))

    def to_json(self) -> dict:
        return {
            "layout": "typed",
            "types": list(self.types),
            "bias": [round(b, 6) for b in self.bias],
            "weights": {k: [round(x, 6) for x in w] for k, w in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: dict) -> TypedModel:
        if data.get("layout") != "typed":
            raise ValueError("not a typed model")
        types = tuple(str(t) for t in data["types"])
        bias = tuple(float(b) for b in data["bias"])
        if len(bias) != len(types):
            raise ValueError(f"{len(types)} types but {len(bias)} bias values")
        weights = {name: tuple(w) for name, w in data["weights"].items()}
        _check_rows(weights, len(types) + 1)
        return cls(types, bias, weights)

    @classmethod
    def from_binary(cls, model: LinearModel, types: tuple[str, ...]) -> TypedModel:
        """Fold a binary model over `typed()` features (`f`, `t|f`, `type=t`) into rows."""
        flat = {k: w[0] for k, w in model.weights.items()}
        bias = tuple(model.bias[0] + flat.get("type=" + t, 0.0) for t in types)
        names = {k for k in flat if not k.startswith("type=") and k.split("|", 1)[0] not in types}
        names |= {k.split("|", 1)[1] for k in flat if "|" in k and k.split("|", 1)[0] in types}
        rows = {}
        for name in names:
            row = (flat.get(name, 0.0), *(flat.get(f"{t}|{name}", 0.0) for t in types))
            if any(row):
                rows[name] = row
        return cls(types, bias, rows)
