"""Weight tables: logistic scores of named features, computed in plain Python.

A model is trained at development time (scikit-learn, the `train` extra) and shipped as a
table of weights per feature name, so inference needs no numerical library and costs a few
dictionary look-ups per candidate. Binary models have one class weight per feature; multiclass
models one per class (softmax).
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]  # binary: ("no", "yes"); multiclass: the labels
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    @property
    def binary(self) -> bool:
        return len(self.classes) == 2 and len(self.bias) == 1

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
        z = self.margins(features)[0]
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def predict(self, features: dict[str, float]) -> tuple[str, float]:
        """The most likely class of a multiclass model and its probability."""
        z = self.margins(features)
        top = max(z)
        exp = [math.exp(v - top) for v in z]
        k = max(range(len(z)), key=lambda i: (z[i], -i))
        return self.classes[k], exp[k] / sum(exp)

    def top_features(self, features: dict[str, float], n: int = 5, k: int = 0) -> list[tuple[str, float]]:
        """The features that moved the score most, for explanations."""
        contrib = [(name, self.weights[name][k] * v) for name, v in features.items() if name in self.weights]
        return sorted(contrib, key=lambda kv: (-abs(kv[1]), kv[0]))[:n]

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
        weights = {}
        for name, w in data["weights"].items():
            w = tuple(float(x) for x in w)
            if len(w) != width:
                raise ValueError(f"feature {name!r} has {len(w)} weights, expected {width}")
            weights[str(name)] = w
        return cls(classes, bias, weights)
