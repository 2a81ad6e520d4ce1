"""Which parent item a row of a child's list is: by code, then by the same name (normalised: width, brackets,
punctuation, the penalty frame), then by the closest name above a threshold with a margin over the next, scored by
`catalog/matching.ItemMatcher` (the scorer `reconcile` suggests by). Within the row's kind when the row states
one (near names: see the matcher for kinds that may differ), within its department when it names one of the
parent's, however written; an item delegated to this child first."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..catalog.matching import Candidate, ItemMatcher
from ..model.similarity import normalise

if TYPE_CHECKING:
    from ..catalog import Catalog, Entry

How = Literal["code", "name", "near"]


@dataclass(frozen=True)
class Link:
    """A row's parent item: how it was found, and (found by a near name) how close the names are."""

    entry: Entry
    how: How
    score: float = 1.0

    @property
    def code(self) -> str:
        return self.entry.code

    @property
    def name(self) -> str:
        return self.entry.item.name or ""


@dataclass(frozen=True)
class Found:
    """What the search found for one row: a link (or none), and for an unlinked row its closest candidate."""

    link: Link | None = None
    closest: Link | None = None  # below the threshold, or several items of the same name
    ambiguous: tuple[str, ...] = ()  # codes of the items of the same name when there are several


class ParentItems:
    """The items of the parent jurisdiction a child's rows are linked to."""

    def __init__(self, cat: Catalog, parent: str, child: str) -> None:
        self.cat = cat
        self.entries = [e for e in cat.entries if e.jurisdiction == parent and e.code]
        self.by_code = {e.code: e for e in self.entries}
        self.to_child = {e.code for e in self.entries if child in cat.targets(e)[0]}
        self.by_name: dict[str, list[Entry]] = defaultdict(list)
        for e in self.entries:
            self.by_name[normalise(e.item.name or "")].append(e)
        self.matcher = ItemMatcher(cat, self.entries)

    def _full(self, name: str | None) -> str | None:
        """A department as the row writes it, a short name declared in region.yaml expanded."""
        return self.cat.full_department(self.entries[0].doc, name) if name and self.entries else None

    def department(self, name: str | None) -> str | None:
        """The parent's department the row's department means (a short name expanded, or written another way)."""
        return self.matcher.department(self._full(name))

    def _fits(self, e: Entry, kind: str | None, department: str | None) -> bool:
        return (kind is None or e.item.kind == kind) and (department is None or self.cat.department_name(e) == department)

    def _prefer(self, found: list[Entry]) -> list[Entry]:
        """Of several items, those delegated to this child (when that narrows them)."""
        mine = [e for e in found if e.code in self.to_child]
        return mine or found

    def find(self, code: str | None, name: str, kind: str | None, department: str | None, threshold: float) -> Found:
        """The parent item of a row (see the module's doc)."""
        if code and code in self.by_code:
            return Found(Link(self.by_code[code], "code"))
        dept = self.department(department)
        same = self._prefer([e for e in self.by_name.get(normalise(name), []) if self._fits(e, kind, dept)])
        if len(same) == 1:
            return Found(Link(same[0], "name"))
        if same:
            return Found(ambiguous=tuple(sorted(e.code for e in same)))
        found = self.matcher.match(name, kind, self._full(department), threshold / 2)
        best = found.best
        if best is None or best.score < threshold / 2:  # nothing like it: a candidate this far is noise
            return Found()
        if found.sure(threshold) is not None:
            return Found(link=_near(best))
        return Found(closest=_near(best), ambiguous=found.close_to_best())


def _near(c: Candidate) -> Link:
    return Link(c.entry, "near", round(c.score, 2))
