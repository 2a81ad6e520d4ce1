"""Suggestions for a township's own items: which parent item each one most likely is (reconcile)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalog.matching import MARGIN, ItemMatcher

if TYPE_CHECKING:
    from ..catalog import Catalog, Entry


class Suggester:
    """The parent item an own item of a child most likely is: the sure match of `catalog/matching.ItemMatcher`
    (the scorer `import --into` links by), given the item's name, kind and department."""

    def __init__(self, cat: Catalog, parent_items: list[Entry], threshold: float) -> None:
        self.cat, self.threshold = cat, threshold
        self.matcher = ItemMatcher(cat, parent_items)

    def suggest(self, entry: Entry) -> tuple[str, float] | None:
        """(parent item code, score) when one parent item is sure, else None."""
        it = entry.item
        found = self.matcher.match(it.name or "", it.kind, self._department(entry), self.threshold - MARGIN)
        best = found.sure(self.threshold)
        return (best.code, best.score) if best is not None else None

    def _department(self, entry: Entry) -> str | None:
        """The department the item names, unless it is one of the child's own (named after it: 赵湾镇人民政府,
        观湖街道综合行政执法队), which no parent item has."""
        name = self.cat.department_name(entry)
        place = self.cat.places.get(entry.jurisdiction)
        if place is not None and name.startswith((place.name, place.name.removesuffix("办事处"))):
            return None
        return name
