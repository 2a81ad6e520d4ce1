"""Suggestions for a township's own items: which parent item each one most likely is (reconcile)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from .similarity import grams, score

if TYPE_CHECKING:
    from .catalog import Catalog, Entry


class Suggester:
    """Best parent item for a child's own item: same kind, and same department when the child names one. The
    pools are built on the first question (most reconciliations have none to ask), and names are compared only
    within the pool asked about (bigrams computed once per parent item): the same answer as a name index over
    all parent items (`similarity.NameIndex.best` with `allowed`), without indexing thousands of names."""

    def __init__(self, cat: Catalog, parent_items: list[Entry], threshold: float) -> None:
        self.cat, self.threshold, self.parent_items = cat, threshold, parent_items
        self.names: dict[str, str] | None = None
        self.grams: dict[str, frozenset[str]] = {}
        self.by_kind: dict[str | None, set[str]] = defaultdict(set)
        self.by_kind_dept: dict[tuple[str | None, str], set[str]] = defaultdict(set)

    def _build(self) -> dict[str, str]:
        for e in self.parent_items:
            self.by_kind[e.item.kind].add(e.code)
            self.by_kind[None].add(e.code)
            self.by_kind_dept[(e.item.kind, self.cat.department_name(e))].add(e.code)
        return {e.code: e.item.name or "" for e in self.parent_items}

    def suggest(self, entry: Entry) -> tuple[str, float] | None:
        if self.names is None:
            self.names = self._build()
        it = entry.item
        pool = self.by_kind_dept.get((it.kind, self.cat.department_name(entry))) or self.by_kind.get(it.kind, set())
        mine = grams(it.name or "")
        best: tuple[float, str] | None = None
        for code in pool:
            theirs = self.grams.get(code)
            if theirs is None:
                theirs = self.grams[code] = grams(self.names[code])
            if mine & theirs:
                cand = (-score(mine, theirs), code)
                best = cand if best is None or cand < best else best
        if best is None or -best[0] < self.threshold:
            return None
        return best[1], -best[0]
