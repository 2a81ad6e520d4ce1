"""The item-by-item changes between two versions: added, removed, renamed, changed field by field, moved
between files; each at its line in the file that holds it.

Items are matched by (jurisdiction, code); the removal of a code and the addition of another that an adjustment
record's rename names (`old` -> `item`) are one renamed item; a rename pass then pairs the other removed and added
items of one jurisdiction whose name, department and kind are the same or very close. Everything here is decided
within one jurisdiction, so a part of the catalog (diff/parts.py) answers for the jurisdictions it owns alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model.similarity import grams, score
from .fields import Options, field_changes
from .lines import place_lines
from .results import Change, ChangeType, FieldChange
from .side import Side, SideItem

RENAME_MIN = 0.8

Key = tuple[str, str]


@dataclass(frozen=True)
class RecordedRename:
    """A rename an adjustment record names (`{action: rename, item: NEW, old: OLD}`), in `jurisdiction` when
    the record names one (else in any jurisdiction that removed OLD and added NEW)."""

    old: str
    new: str
    jurisdiction: str | None = None


@dataclass
class ItemChanges:
    """The changes of the items of some jurisdictions, and the files of the items found only in the old version
    (`removal_files`) or only in the new one (`addition_files`) that were taken as loaded in the other version
    (the join checks that no part of the catalog found one of them broken)."""

    changes: list[Change] = field(default_factory=list)
    removal_files: set[str] = field(default_factory=set)
    addition_files: set[str] = field(default_factory=set)


def item_changes(old: Side, new: Side, opts: Options, own: frozenset[str] | None = None,
                 recorded: Sequence[RecordedRename] = ()) -> ItemChanges:
    """Every change of the items of the jurisdictions in `own` (all when None), in (jurisdiction, item) order;
    `recorded`: the renames the adjustment records name (of both versions)."""
    out = ItemChanges()
    changes = out.changes
    def mine(key: Key) -> bool:
        return own is None or key[0] in own

    # a file that did not load on one side says nothing about its items: they are neither removed nor added
    gone = [k for k in old.items if k not in new.items and mine(k)]
    came = [k for k in new.items if k not in old.items and mine(k)]
    removed = [k for k in gone if old.items[k].file not in new.broken]
    added = [k for k in came if new.items[k].file not in old.broken]
    out.removal_files = {old.items[k].file for k in removed}
    out.addition_files = {new.items[k].file for k in added}
    renamed = _recorded(old, new, removed, added, recorded)
    paired = {k for pair in renamed for k in pair}
    renamed += _renames(old, new, [k for k in removed if k not in paired], [k for k in added if k not in paired])
    for (ok, nk) in renamed:
        changes.append(_change("renamed", nk, ok[1], new.items[nk], field_changes(old.data(ok), new.data(nk), opts), new.name_of(nk)))
    paired_old, paired_new = {ok for ok, _ in renamed}, {nk for _, nk in renamed}
    changes += [_change("removed", k, None, old.items[k], [], old.name_of(k)) for k in removed if k not in paired_old]
    changes += [_change("added", k, None, new.items[k], [], new.name_of(k)) for k in added if k not in paired_new]
    for k, was in old.items.items():
        now = new.items.get(k)
        if now is None or (was.item is now.item and was.file == now.file) or not mine(k):
            continue  # the common case: the very item of an unchanged file, or an unchanged item of a changed one
        if was.file == now.file and was.item.__dict__ == now.item.__dict__:
            continue  # untouched (no need to dump the items to compare them field by field)
        odata, ndata = old.data(k), new.data(k)
        if was.file == now.file and odata == ndata:
            continue
        fields = field_changes(odata, ndata, opts)
        if was.file != now.file:
            changes.append(_change("moved", k, None, now, [FieldChange("file", was.file, now.file), *fields], new.name_of(k)))
        elif fields:
            changes.append(_change("changed", k, None, now, fields, new.name_of(k)))
    for c in changes:
        c.name = c.name or _other_name(old, new, c)
    changes.sort(key=change_order)
    place_lines(changes)
    for c in changes:
        c.doc = None  # its line is placed: the document is not kept (nor sent back from a worker process)
    return out


def _other_name(old: Side, new: Side, c: Change) -> str:
    """A name for a change whose version did not say one (a township item whose source's file did not load there):
    the other version's, else its source's in the parent jurisdiction, in either version."""
    if c.item is None:
        return ""
    key = (c.jurisdiction, c.item)
    for side in (new, old):
        if name := side.name_of(key):
            return name
    for side in (new, old):
        at = side.items.get((side.parents.get(c.jurisdiction, ""), c.item))
        if at is not None and at.item.name:
            return at.item.name
    return ""


def change_order(c: Change) -> tuple[str, str, str]:
    """Changes are shown by jurisdiction, then item, then type."""
    return (c.jurisdiction, c.item or "", c.type)


def _change(kind: ChangeType, key: Key, old_item: str | None, at: SideItem, fields: list[FieldChange], name: str) -> Change:
    return Change(kind, key[0], key[1], old_item, at.file, 0, fields, at.doc, at.index, name, at.item.source)


def _recorded(old: Side, new: Side, removed: list[Key], added: list[Key], recorded: Sequence[RecordedRename]) -> list[tuple[Key, Key]]:
    """Pair the removal of a code and the addition of another in one jurisdiction that a recorded rename names,
    whatever their names: the record decided they are one item (the code and the name changed at once). An entry
    taking an item on (`source: CODE`, its code defaulting to CODE) is not an item of its own: never paired here."""
    if not recorded:
        return []
    gone: dict[str, list[Key]] = {}  # code -> its removals (one per jurisdiction)
    for k in removed:
        if old.items[k].item.source != k[1]:
            gone.setdefault(k[1], []).append(k)
    came = {k for k in added if new.items[k].item.source != k[1]}
    pairs: list[tuple[Key, Key]] = []
    taken: set[Key] = set()
    for r in recorded:
        for ok in gone.get(r.old, ()):
            nk = (ok[0], r.new)
            if r.jurisdiction not in (None, ok[0]):
                continue
            if nk in came and ok not in taken and nk not in taken:
                taken |= {ok, nk}
                pairs.append((ok, nk))
    return pairs


def _renames(old: Side, new: Side, removed: list[Key], added: list[Key]) -> list[tuple[Key, Key]]:
    """Pair removed and added items of one jurisdiction with the same kind and department and a very close name."""
    pairs = []
    taken: set[Key] = set()
    pools: dict[tuple[str, Any, Any], list[Key]] = {}  # (jurisdiction, kind, department) -> added
    for nk in added:
        n = new.data(nk)
        pools.setdefault((nk[0], _key(n.get("kind")), _key(n.get("department"))), []).append(nk)
    for ok in removed:
        o = old.data(ok)
        best, best_score = None, RENAME_MIN
        for nk in pools.get((ok[0], _key(o.get("kind")), _key(o.get("department"))), ()):
            if nk in taken:
                continue
            n = new.data(nk)
            s = 1.0 if o.get("name") == n.get("name") else score(grams(o.get("name") or ""), grams(n.get("name") or ""))
            if s >= best_score:
                best, best_score = nk, s
        if best is not None:
            taken.add(best)
            pairs.append((ok, best))
    return pairs


def _key(value: Any) -> Any:
    """A value as a dictionary key (a list or mapping written where text belongs compares by its text)."""
    return value if value is None or isinstance(value, (str, int, float)) else repr(value)
