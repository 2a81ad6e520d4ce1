"""The results of a reconciliation (spec §4), as typed records: per child the parent items it takes on as
delegated, in another mode, not at all; the items it takes on without a delegation; its own items, and the
parent item each own item most likely is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Category = Literal["matched", "mode_mismatch", "missing", "unbacked", "own", "suggestions"]
#: the sets a reconciliation sorts a child's items into (spec §4), in report order
CATEGORIES: tuple[Category, ...] = ("matched", "mode_mismatch", "missing", "unbacked", "own", "suggestions")


@dataclass(frozen=True)
class ModeMismatch:
    """A delegated item the child takes on in another mode."""

    item: str
    delegated: str
    taken: str


Why = Literal["not_found", "inactive", "not_delegated"]


@dataclass(frozen=True)
class Unbacked:
    """A child item whose source is not delegated to it: `why` not found, not in force (`inactive` says how), or
    not delegated to this child; `reason` says it in English (the JSON contract's text)."""

    item: str
    source: str
    reason: str
    why: Why = "not_delegated"
    inactive: str = ""


@dataclass(frozen=True)
class Suggestion:
    """An own item of the child that looks like a parent item (name similarity `score`, 0..1)."""

    item: str
    source: str
    score: float


@dataclass
class Coverage:
    """How many of a department's delegated items a child takes on."""

    delegated: int = 0
    taken: int = 0


@dataclass(frozen=True)
class RecalledTaken:
    """A recalled duty (上级部门收回) whose power item the child still takes on: linked by `item:` (`by` "item") or
    by name (`by` "name", with the names' `score`)."""

    duty: str
    name: str
    item: str
    by: Literal["item", "name"]
    score: float


@dataclass
class DutyCheck:
    """A child's duty list against the powers it takes on (reconcile/duties.py)."""

    duties: int  # entries of its duty list
    recalled_taken: list[RecalledTaken] = field(default_factory=list)
    with_duty: int = 0  # items taken on that a duty lists
    without_duty: list[str] = field(default_factory=list)  # items taken on that no duty lists (the parent's codes)


@dataclass
class ChildResult:
    """One child against what its parent delegates to it."""

    jurisdiction: str
    name: str
    matched: list[str] = field(default_factory=list)
    mode_mismatch: list[ModeMismatch] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unbacked: list[Unbacked] = field(default_factory=list)
    own: list[str] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    coverage: float = 1.0
    departments: dict[str, Coverage] = field(default_factory=dict)  # department name -> its coverage
    listed: bool = True  # whether the child has a list at all (a child without one misses everything)
    duties: DutyCheck | None = None  # its duty list against its powers; None without a duty list

    @property
    def clean(self) -> bool:
        """Nothing missing, unbacked or mismatched, and no recalled duty whose item it still takes on."""
        recalled = self.duties.recalled_taken if self.duties is not None else []
        return not (self.mode_mismatch or self.missing or self.unbacked or recalled)

    @property
    def delegated(self) -> int:
        """Items the parent delegates to this child (taken on, in another mode, or missing)."""
        return len(self.matched) + len(self.mode_mismatch) + len(self.missing)

    def count(self, category: Category) -> int:
        return len(getattr(self, category))


@dataclass(frozen=True)
class Totals:
    """The counts of every child of one or more parents added up."""

    counts: dict[Category, int]
    children: int
    delegated: int
    recalled_taken: int = 0  # recalled duties whose item is still taken on (children with duty lists)
    without_duty: int = 0  # items taken on that no duty lists

    @property
    def coverage(self) -> float:
        taken = self.counts["matched"] + self.counts["mode_mismatch"]
        return round(taken / self.delegated, 4) if self.delegated else 1.0

    @classmethod
    def of(cls, children: list[ChildResult]) -> Totals:
        checks = [c.duties for c in children if c.duties is not None]
        return cls({k: sum(c.count(k) for c in children) for k in CATEGORIES}, len(children), sum(c.delegated for c in children),
                   sum(len(d.recalled_taken) for d in checks), sum(len(d.without_duty) for d in checks))


@dataclass
class ReconcileResult:
    """A parent against its children."""

    parent: str
    parent_name: str
    children: list[ChildResult]
    names: dict[str, str] = field(default_factory=dict)  # item code -> name, for every code the result shows

    def name(self, code: str) -> str:
        """`name (code)`, or the code alone when its name is not known."""
        found = self.names.get(code)
        return f"{found} ({code})" if found else code

    @property
    def unlisted(self) -> list[ChildResult]:
        """The children that have no list at all."""
        return [c for c in self.children if not c.listed]

    def totals(self) -> Totals:
        return Totals.of(self.children)

    @property
    def clean(self) -> bool:
        return all(c.clean for c in self.children)
