"""The differences of a diff as facts a decision must cover (spec §6): one per item added, removed or renamed,
one per field changed, one per township an item is delegated to, withdrawn from or re-delegated in another mode (the change of the
item's `delegation.to` or `delegation.mode` is stated by those, not again as a field), one per duty entry placed in
another part.

A township's item carries the parent item it takes on (`source`), so that the decision on the parent's item
(a delegation, a withdrawal) covers the township entries it brings or removes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .results import DiffResult
from .side import Side

FactType = Literal["added", "removed", "changed", "renamed", "delegated", "withdrawn", "mode_changed", "part_moved"]
FACT_TYPES: tuple[FactType, ...] = ("added", "removed", "changed", "renamed", "delegated", "withdrawn", "mode_changed",
                                    "part_moved")


@dataclass(frozen=True)
class Fact:
    """One difference between two versions that a record must cover."""

    type: FactType
    jurisdiction: str  # the item's jurisdiction (for a delegation fact: the delegating one)
    item: str
    name: str = ""
    target: str | None = None  # delegated / withdrawn / mode_changed: the child
    field: str | None = None  # changed: the field
    old_item: str | None = None  # renamed: the code before
    source: str | None = None  # a child's item: the parent item it takes on
    mode: str | None = None  # delegated / mode_changed: the mode after
    old_mode: str | None = None  # mode_changed: the mode before
    part: str | None = None  # part_moved (a duty entry): the part after
    old_part: str | None = None  # part_moved: the part before


#: fields whose change the per-township facts already state (a delegation's targets and mode)
SHOWN_BY_IMPACT = frozenset(("delegation", "delegation.to", "delegation.mode"))


def facts_of(result: DiffResult, old: Side, new: Side) -> list[Fact]:
    """Every fact of `result` (region changes and items that only moved between files need no decision); the
    versions are read for their region files only (the parent of each target)."""
    out: list[Fact] = []
    moved = {code for row in result.impact for code in [*row.delegated, *row.withdrawn, *(m.item for m in row.mode_changed)]}
    for c in result.changes:
        if c.item is None:
            continue
        source = c.source
        if c.type in ("added", "removed"):
            out.append(Fact(c.type, c.jurisdiction, c.item, c.name, source=source))
        elif c.type == "renamed":
            out.append(Fact("renamed", c.jurisdiction, c.item, c.name, old_item=c.old_item, source=source))
        else:  # changed, or moved with fields changed on the way
            out += [Fact("changed", c.jurisdiction, c.item, c.name, field=f.field, source=source)
                    for f in c.fields if f.field != "file" and not (c.item in moved and f.field in SHOWN_BY_IMPACT)]
    for row in result.impact:
        parent = new.parents.get(row.target) or old.parents.get(row.target) or ""
        out += [Fact("delegated", parent, code, result.names.get(code, ""), target=row.target, mode=result.modes.get((parent, code)))
                for code in row.delegated]
        out += [Fact("withdrawn", parent, code, result.names.get(code, ""), target=row.target) for code in row.withdrawn]
        out += [Fact("mode_changed", parent, m.item, result.names.get(m.item, ""), target=row.target, mode=m.new,
                     old_mode=m.old) for m in row.mode_changed]
    out += [Fact("part_moved", m.jurisdiction, m.duty, m.name, source=m.source, part=m.new, old_part=m.old)
            for m in result.duty_moves]
    return out

