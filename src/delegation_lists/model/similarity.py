"""Chinese-aware name similarity for suggesting which parent item a township's own item really is.

Names are normalised (full/half width, brackets and punctuation dropped, penalty suffixes such as
"的行政处罚" cut) and compared as sets of character bigrams (Dice coefficient, 0..1). An inverted index over
bigrams keeps the search to candidates that share at least one bigram.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

SUFFIXES = ("的行政处罚", "行为的处罚", "的处罚", "行政处罚")
_DROP = re.compile(r"[\s\u3000()（）\[\]【】《》〈〉<>「」『』“”\"'‘’、，,。.；;：:！!？?/／\\·•—\-_]+")


def normalise(name: str) -> str:
    """NFKC (full-width -> half-width), no brackets, punctuation or spaces, no penalty suffix."""
    text = _DROP.sub("", unicodedata.normalize("NFKC", name)).lower()
    for suffix in SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
            break
    return text


def grams(name: str) -> frozenset[str]:
    """Character bigrams of the normalised name (the name itself if it has one character)."""
    text = normalise(name)
    if len(text) < 2:
        return frozenset([text]) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def score(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two bigram sets."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


class NameIndex:
    """Candidates (key, name) indexed by bigram; `best(name)` returns the closest (key, score)."""

    def __init__(self, candidates: Iterable[tuple[str, str]]) -> None:
        self.grams: dict[str, frozenset[str]] = {}
        self.index: dict[str, set[str]] = defaultdict(set)
        for key, name in candidates:
            g = grams(name)
            self.grams[key] = g
            for gram in g:
                self.index[gram].add(key)

    def best(self, name: str, allowed: set[str] | None = None) -> tuple[str, float] | None:
        """The closest candidate (ties broken by key), among `allowed` keys if given."""
        ranked = self.ranked(name, allowed)
        return ranked[0] if ranked else None

    def ranked(self, name: str, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        """Candidates sharing a bigram with `name`, closest first (ties by key), among `allowed` if given."""
        g = grams(name)
        pool: set[str] = set().union(*(self.index.get(x, set()) for x in g)) if g else set()
        if allowed is not None:
            pool &= allowed
        scored = sorted(((score(g, self.grams[k]), k) for k in pool), key=lambda t: (-t[0], t[1]))
        return [(k, s) for s, k in scored]
