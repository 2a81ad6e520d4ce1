"""Precision and recall of source suggestions on a labelled set of name pairs (used by a test and a benchmark)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model.similarity import NameIndex


@dataclass
class Quality:
    threshold: float
    positives: int
    suggested: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.suggested if self.suggested else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.positives if self.positives else 1.0


def evaluate(candidates: Iterable[str], pairs: list[tuple[str, str | None]], threshold: float) -> Quality:
    """`pairs` are (variant, true source name or None); candidates are the parent item names."""
    index = NameIndex((name, name) for name in candidates)
    suggested = correct = 0
    for variant, source in pairs:
        hit = index.best(variant)
        if hit is not None and hit[1] >= threshold:
            suggested += 1
            correct += hit[0] == source
    return Quality(threshold, sum(1 for _, s in pairs if s), suggested, correct)
