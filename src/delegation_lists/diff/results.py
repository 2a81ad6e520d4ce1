"""The results of a diff (spec §4) as typed records: changes item by item and field by field, and the
delegation impact on each township."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from ..load.document import Document
    from ..problems import Message

ChangeType = Literal["added", "removed", "changed", "renamed", "moved"]
TYPES: tuple[ChangeType, ...] = ("added", "removed", "changed", "renamed", "moved")


@dataclass(frozen=True)
class FieldChange:
    """One field, old -> new (JSON values; None when absent); for list fields, the elements that came and went."""

    field: str
    old: Any
    new: Any
    added: list[Any] | None = None
    removed: list[Any] | None = None


@dataclass
class Change:
    """One changed item (or region, with `item` None), at its place in the newer file that holds it."""

    type: ChangeType
    jurisdiction: str
    item: str | None
    old_item: str | None
    file: str
    line: int
    fields: list[FieldChange] = field(default_factory=list)
    doc: Document | None = field(default=None, repr=False, compare=False)  # where to look up the line
    index: int = -1
    name: str = ""  # the item's name (its source's when it inherits it), "" for a region
    source: str | None = None  # the parent item the item takes on (for the records check: facts.py)


@dataclass(frozen=True)
class BrokenFile:
    """A file of one side that did not load: its items are left out of the comparison, never reported removed."""

    side: Literal["old", "new"]
    file: str
    problem: Message  # the first problem that kept it from loading (shown in the language in use)


@dataclass(frozen=True)
class DutyMove:
    """A duty entry placed in another part of its duty list (基本/配合/收回履职事项): by its own `part`, or because
    the guide entry it takes with `source` moved."""

    jurisdiction: str
    duty: str
    name: str
    old: str  # the part before
    new: str  # the part after
    source: str | None  # the guide entry it takes on
    file: str
    line: int = 0


@dataclass(frozen=True)
class ModeChange:
    """An item still delegated to a township, in another mode."""

    item: str
    old: str
    new: str


@dataclass
class TargetImpact:
    """What a diff changes for one delegation target: items newly delegated, withdrawn, with a changed mode, and
    its own items (in the new version) whose source was withdrawn."""

    target: str
    delegated: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    mode_changed: list[ModeChange] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.delegated or self.withdrawn or self.mode_changed or self.orphaned)


@dataclass(frozen=True)
class Summary:
    """Counts of changes by type, overall and per jurisdiction."""

    total: int
    by_type: dict[ChangeType, int]
    by_jurisdiction: dict[str, dict[ChangeType, int]]


@dataclass
class DiffResult:
    changes: list[Change]
    impact: list[TargetImpact]
    broken: list[BrokenFile] = field(default_factory=list)
    places: dict[str, str] = field(default_factory=dict)  # jurisdiction code -> name (both sides)
    names: dict[str, str] = field(default_factory=dict)  # item code -> name, for the items of the impact
    duty_moves: list[DutyMove] = field(default_factory=list)  # duty entries placed in another part
    #: for the records check (records.py, facts.py): the new version's delegation mode of each item newly
    #: delegated, by (delegating jurisdiction, item), and the names of the items the new records name
    modes: dict[tuple[str, str], str] = field(default_factory=dict)
    record_names: dict[str, str] = field(default_factory=dict)

    def place(self, code: str) -> str:
        """A jurisdiction by name, or its code when the name is not known."""
        return self.places.get(code, code)

    def item(self, code: str) -> str:
        """`name (code)` of an impact item, or the code alone."""
        found = self.names.get(code)
        return f"{found} ({code})" if found else code

    def summary(self) -> Summary:
        by_jur: dict[str, dict[ChangeType, int]] = {}
        for c in self.changes:
            row = by_jur.setdefault(c.jurisdiction, dict.fromkeys(TYPES, 0))
            row[c.type] += 1
        return Summary(len(self.changes), {t: sum(1 for c in self.changes if c.type == t) for t in TYPES}, by_jur)

    @property
    def differs(self) -> bool:
        """Whether anything changed beyond items moving between files (the `--exit-code` question)."""
        return any(c.type != "moved" for c in self.changes) or bool(self.duty_moves)

    @property
    def empty(self) -> bool:
        """Nothing to show: no item, region or duty changed."""
        return not self.changes and not self.duty_moves
