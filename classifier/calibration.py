"""Platt-style calibration: a logistic regression over the learned score and lexicon features,
fitted on out-of-fold predictions of the TRAIN split. Stored as plain JSON coefficients."""
from __future__ import annotations

import math
from dataclasses import dataclass


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(z)
    return e / (1 + e)


@dataclass(frozen=True)
class Calibrator:
    coef: tuple[float, ...]
    intercept: float

    def __call__(self, feats: list[float]) -> float:
        return sigmoid(self.intercept + sum(c * f for c, f in zip(self.coef, feats)))

    def to_dict(self) -> dict:
        return {"coef": list(self.coef), "intercept": self.intercept}

    @classmethod
    def from_dict(cls, d: dict) -> "Calibrator":
        return cls(tuple(d["coef"]), float(d["intercept"]))


def fit_calibrator(X: list[list[float]], y: list[int], C: float = 1.0) -> Calibrator:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=C, max_iter=2000)
    lr.fit(X, y)
    return Calibrator(tuple(float(c) for c in lr.coef_[0]), float(lr.intercept_[0]))


def fit_band(probs: list[float], y: list[int], max_error: float = 0.01) -> tuple[float, float, dict]:
    """The narrowest confidence band [1-c, c] such that out-of-fold predictions decided outside it
    err at most max_error; inside it the screener says "uncertain — refer to experts"."""
    best = None
    for step in range(50, 100):
        c = step / 100
        decided = [(p, t) for p, t in zip(probs, y) if max(p, 1 - p) >= c]
        if not decided:
            break
        err = sum((p >= 0.5) != bool(t) for p, t in decided) / len(decided)
        if err <= max_error:
            best = (c, err, len(decided) / len(probs))
            break
    if best is None:
        best = (0.95, float("nan"), 0.0)
    c, err, coverage = best
    return 1 - c, c, {"confidence": c, "oof_error_decided": err, "oof_coverage": coverage}


def expected_calibration_error(probs: list[float], y: list[int], bins: int = 10) -> float:
    """Top-label ECE of a binary classifier: |confidence - accuracy| over 10 equal-width bins."""
    n = len(probs)
    if n == 0:
        return float("nan")
    conf = [max(p, 1 - p) for p in probs]
    correct = [int((p >= 0.5) == bool(t)) for p, t in zip(probs, y)]
    total = 0.0
    for b in range(bins):
        lo, hi = 0.5 + b * 0.5 / bins, 0.5 + (b + 1) * 0.5 / bins
        idx = [i for i, c in enumerate(conf) if lo <= c < hi or (b == bins - 1 and c >= hi)]
        if idx:
            total += len(idx) / n * abs(sum(conf[i] for i in idx) / len(idx) - sum(correct[i] for i in idx) / len(idx))
    return total
