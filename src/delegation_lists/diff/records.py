"""The diff against the adjustment records (spec §6): is every difference decided?

Each fact of the diff (facts.py) is covered by a change of a record of either version (a record of the old
version was applied earlier; one of the new version is this change's decision), or it is unrecorded. A record
with no `basis` is not a decision yet: what only it covers stays unrecorded, with its id named. A change of a
record new in the new version that covers no fact is unmatched: the change it records did not happen (or
names an item neither version has). What each action covers is in `covers`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..model.adjustments import AdjustmentChange
from .changes import RecordedRename
from .facts import Fact, facts_of
from .results import DiffResult
from .side import Side, SideRecord

Why = Literal["no_difference", "unknown_item"]


@dataclass(frozen=True)
class Covered:
    """A fact and the record that decided it."""

    fact: Fact
    record: str
    basis: str
    reason: str | None
    derived: bool = False  # covered through the parent item it takes on (a township entry of a withdrawal)


@dataclass(frozen=True)
class Unrecorded:
    """A fact no decided record covers; `drafts`: records that cover it but name no basis yet."""

    fact: Fact
    drafts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Unmatched:
    """A change of a new record that matches no difference."""

    record: str
    action: str
    item: str
    file: str
    index: int  # the record's index in the file's `adjustments:`
    reason: Why
    name: str = ""  # the item's name in either version


@dataclass
class RecordCheck:
    """The records against the diff."""

    covered: list[Covered] = field(default_factory=list)
    unrecorded: list[Unrecorded] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    records: int = 0  # the records of the new version

    @property
    def clean(self) -> bool:
        """Every difference decided and every new record's change seen: the CI gate's question."""
        return not self.unrecorded and not self.unmatched


def check_records(result: DiffResult, old: Side, new: Side) -> RecordCheck:
    """Each fact of `result` covered by a record, or unrecorded; each new record's change matched, or not. The
    versions are read for their records and region files only: what the check needs of their items is in
    `result` (its `names`, `modes` and `record_names`)."""
    names = {name: code for side in (old, new) for code, name in side.places.items()}
    records = _unique(old.records + new.records)
    earlier = {r.record.id for r in old.records}
    facts = facts_of(result, old, new)
    check = RecordCheck(records=len(new.records))
    used: set[tuple[str, int, int]] = set()
    by_code: dict[str, list[tuple[SideRecord, int, AdjustmentChange]]] = {}
    for r in records:
        for j, c in enumerate(r.record.changes):
            by_code.setdefault(c.target, []).append((r, j, c))
    for fact in facts:
        near = by_code.get(fact.item, []) + (by_code.get(fact.source, []) if fact.source else [])
        found = [(r, j, c) for r, j, c in near if covers(c, fact, names)]
        used |= {(r.file, r.index, j) for r, j, _ in found}
        decided = next(((r, c) for r, _, c in found if r.record.basis), None)
        if decided is not None:
            r, c = decided
            through_parent = fact.source == c.target and c.jurisdiction != fact.jurisdiction  # a child entry it brings along
            check.covered.append(Covered(fact, r.record.id, r.record.basis or "", r.record.reason, through_parent))
        else:
            check.unrecorded.append(Unrecorded(fact, tuple(dict.fromkeys(r.record.id for r, _, _ in found))))
    left = [(r, j, c) for r in new.records if r.record.id not in earlier
            for j, c in enumerate(r.record.changes) if (r.file, r.index, j) not in used]
    codes = result.record_names  # the names of the items and duty entries the new records name (known codes only)
    for r, _, c in left:
        reason: Why = "unknown_item" if c.target not in codes else "no_difference"
        check.unmatched.append(Unmatched(r.record.id, c.action, c.target, r.file, r.index, reason, codes.get(c.target, "")))
    return check


def recorded_renames(old: Side, new: Side) -> tuple[RecordedRename, ...]:
    """The renames with a new code the records of either version name (`{action: rename, item: NEW, old: OLD}`):
    the diff makes the removal of OLD and the addition of NEW one renamed item (changes.py), whatever their names."""
    return tuple(dict.fromkeys(RecordedRename(c.old, c.item, c.jurisdiction) for r in _unique(old.records + new.records)
                               for c in r.record.changes if c.action == "rename" and c.old and c.item and c.old != c.item))


def named_by_records(old: Side, new: Side) -> frozenset[str]:
    """The codes the changes of the records new in the new version name (the diff finds their names)."""
    earlier = {r.record.id for r in old.records}
    return frozenset(c.target for r in new.records if r.record.id not in earlier for c in r.record.changes)


def _unique(records: Iterable[SideRecord]) -> list[SideRecord]:
    """The records of both versions, a record in both once (the new version's)."""
    out: dict[str, SideRecord] = {}
    for r in records:
        out[r.record.id] = r
    return list(out.values())


def covers(change: AdjustmentChange, fact: Fact, names: dict[str, str]) -> bool:
    """Whether a recorded change decides a fact:
    - add: the item added; remove: the item removed (or made inactive: a `status` change), its delegations
      ending and the child entries taking it on removed;
    - rename (更名): the change of the item's `name` (its code kept), and the item renamed to its code (from
      `old` when given; the diff makes a removal of `old` and an addition of the item one renamed item,
      `recorded_renames`); change: the fields named (all when none is);
    - delegate: the item newly delegated to the children named (all when none is; in `mode` when given), its
      mode changed to `mode`, its `delegation` field, and the child entries it brings (added, or a `mode` change);
    - withdraw: the item withdrawn from the children named (all when none is), its `delegation` field, and the
      child entries taking it on removed;
    - move: the duty entry placed in `part` (any part when none is given), and the entries of the children taking
      it on with `source` that move with it.
    """
    code = change.target
    # a child's entry taking the item on (`source: CODE`, its code defaulting to CODE) is not the item itself
    own = fact.item == code and fact.source != code
    if change.jurisdiction and own and fact.jurisdiction != change.jurisdiction:
        return False
    if change.action == "add":
        return own and fact.type == "added"
    if change.action == "remove":
        return ((own and (fact.type in ("removed", "withdrawn") or (fact.type == "changed" and _within(fact.field, "status"))))
                or (fact.source == code and fact.type == "removed"))
    if change.action == "rename":
        return own and ((fact.type == "changed" and _within(fact.field, "name"))
                        or (fact.type == "renamed" and (change.old is None or change.old == fact.old_item)))
    if change.action == "change":
        return own and fact.type == "changed" and (not change.fields or any(_within(fact.field, f) for f in change.fields))
    if change.action == "delegate":
        if own:
            return ((fact.type == "changed" and _within(fact.field, "delegation"))
                    or (fact.type in ("delegated", "mode_changed") and _named(change.to, fact.target, names)
                    and (change.mode is None or change.mode == fact.mode)))
        return fact.source == code and _named(change.to, fact.jurisdiction, names) and (
            fact.type == "added" or (fact.type == "changed" and _within(fact.field, "mode")))
    if change.action == "move":
        return (fact.type == "part_moved" and (own or fact.source == code)
                and (change.part is None or change.part == fact.part))
    if change.action == "withdraw":
        if own:
            return ((fact.type == "changed" and _within(fact.field, "delegation"))
                    or (fact.type == "withdrawn" and _named(change.from_, fact.target, names)))
        return fact.source == code and fact.type == "removed" and _named(change.from_, fact.jurisdiction, names)
    return False


def _named(children: list[str] | None, code: str | None, names: dict[str, str]) -> bool:
    """Whether `code` is among the children named (codes or names; none, or `all`: every child)."""
    if not children or "all" in children:
        return True
    return code in children or code in {names.get(c) for c in children}


def _within(changed: str | None, name: str) -> bool:
    """Whether the field changed is `name` or a part of it (`delegation.to` is within `delegation`)."""
    return changed is not None and (changed == name or changed.startswith(f"{name}.") or changed.startswith(f"{name}["))
