"""Suggestions for a township's own items: which parent item each one most likely is (reconcile)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ..model.similarity import grams, score

if TYPE_CHECKING:
    from ..catalog import Catalog, Entry


class Suggester:
    """Best parent item for a child's own item: same kind, and same department when the child names one. The
    pools are built on the first question (most reconciliations have none to ask); each pool gets its own bigram
    index when first asked about, so a question scores only the pool's items that share a bigram with the name:
    the same answer as a name index over all parent items (`similarity.NameIndex.best` with `allowed`)."""

    def __init__(self, cat: Catalog, parent_items: list[Entry], threshold: float) -> None:
        self.cat, self.threshold, self.parent_items = cat, threshold, parent_items
        self.names: dict[str, str] | None = None
        self.grams: dict[str, frozenset[str]] = {}
        self.indexes: dict[int, dict[str, list[str]]] = {}  # id(pool) -> bigram -> codes
        self.by_kind: dict[str | None, set[str]] = defaultdict(set)
        self.by_kind_dept: dict[tuple[str | None, str], set[str]] = defaultdict(set)

    def _build(self) -> dict[str, str]:
        for e in self.parent_items:
            self.by_kind[e.item.kind].add(e.code)
            self.by_kind[None].add(e.code)
            self.by_kind_dept[(e.item.kind, self.cat.department_name(e))].add(e.code)
        return {e.code: e.item.name or "" for e in self.parent_items}

    def _index(self, pool: set[str], names: dict[str, str]) -> dict[str, list[str]]:
        found = self.indexes.get(id(pool))
        if found is None:
            found = self.indexes[id(pool)] = defaultdict(list)
            for code in sorted(pool):
                theirs = self.grams.get(code)
                if theirs is None:
                    theirs = self.grams[code] = grams(names[code])
                for gram in theirs:
                    found[gram].append(code)
        return found

    def suggest(self, entry: Entry) -> tuple[str, float] | None:
        if self.names is None:
            self.names = self._build()
        it = entry.item
        pool = self.by_kind_dept.get((it.kind, self.cat.department_name(entry))) or self.by_kind.get(it.kind, _NONE)
        mine = grams(it.name or "")
        index = self._index(pool, self.names)
        candidates = {code for gram in mine for code in index.get(gram, ())}
        best = min(((-score(mine, self.grams[code]), code) for code in candidates), default=None)
        if best is None or -best[0] < self.threshold:
            return None
        return best[1], -best[0]


_NONE: set[str] = set()  # the pool of a kind no parent item has (one object: pools are cached by identity)
