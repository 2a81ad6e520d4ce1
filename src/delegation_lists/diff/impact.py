"""The delegation impact of a diff: per township, items newly delegated, withdrawn, with a changed mode,
and the township items a withdrawal orphans.

Each delegating item's change is a `Delegation` per target it reaches; the items of one jurisdiction give theirs
wherever that jurisdiction is compared (a part of the catalog, diff/parts.py, or the whole), and `rows` joins
them per target. What a withdrawal orphans is found where the township's own items are, from the withdrawals
seen there (its county is always there as context); the join checks they were all of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from .results import ModeChange, TargetImpact
from .side import Side, SideItem

Children = dict[str, list[tuple[str, str]]]


@dataclass(frozen=True)
class Delegation:
    """What the change of one delegating item (`jurisdiction`, `item`) does to one of its targets."""

    jurisdiction: str
    item: str
    target: str
    kind: Literal["delegated", "withdrawn", "mode_changed"]
    old: str = ""  # mode_changed: the mode before and after
    new: str = ""


def children_of(sides: tuple[Side, ...]) -> Children:
    """jurisdiction -> [(child code, child name)] from the region.yaml files of both versions."""
    out: Children = {}
    for side in sides:
        for code, region in side.regions.items():
            known = out.setdefault(code, [])
            known += [kid for kid in region["children"].items() if kid not in known]
    return out


def _delegation(jur: str, at: SideItem | None, children: Children) -> tuple[str, list[str]]:
    """(mode, child codes) of an item's active delegation (`all` and names resolved); ("", []) for none."""
    item = at.item if at is not None else None
    d = item.delegation if item is not None else None
    if d is None or item is None or item.status != "active":
        return "", []
    kids = children.get(jur, [])
    names = {name: c for c, name in kids}
    return d.mode, [c for c, _ in kids] if d.to_all else [names.get(t, t) for t in d.to]


def delegations(old: Side, new: Side, children: Children) -> list[Delegation]:
    """What every item's delegation change (of the items both versions have here) does to its targets."""
    out: list[Delegation] = []

    def compare(key: tuple[str, str], was: SideItem | None, now: SideItem | None) -> None:
        if _unknown(was, now, old, new):
            return
        (om, ot), (nm, nt) = _delegation(key[0], was, children), _delegation(key[0], now, children)
        for t in nt:
            if t not in ot:
                out.append(Delegation(key[0], key[1], t, "delegated"))
            elif om != nm:
                out.append(Delegation(key[0], key[1], t, "mode_changed", om, nm))
        out.extend(Delegation(key[0], key[1], t, "withdrawn") for t in ot if t not in nt)

    for key, was in old.items.items():
        now = new.items.get(key)
        if now is None or now.item is not was.item:  # the same item in both (an unchanged file): nothing to tell
            compare(key, was, now)
    for key, now in new.items.items():
        if key not in old.items:
            compare(key, None, now)
    return out


def _unknown(was: SideItem | None, now: SideItem | None, old: Side, new: Side) -> bool:
    """Whether one side cannot say anything of the item: it is on one side only, and its file did not load on the
    other (its delegations are then neither withdrawn nor new)."""
    return (now is None and was is not None and was.file in new.broken) or (was is None and now is not None and now.file in old.broken)


def withdrawn_from(found: Iterable[Delegation]) -> dict[str, frozenset[str]]:
    """target -> the items withdrawn from it."""
    out: dict[str, set[str]] = defaultdict(set)
    for d in found:
        if d.kind == "withdrawn":
            out[d.target].add(d.item)
    return {t: frozenset(codes) for t, codes in out.items()}


def orphans(new: Side, withdrawn: dict[str, frozenset[str]], mine: Callable[[str], bool]) -> dict[str, list[str]]:
    """target -> its own items (in the new version) whose source was withdrawn from it, for the targets `mine`."""
    out: dict[str, list[str]] = defaultdict(list)
    for (jur, code), at in new.items.items():
        gone = withdrawn.get(jur)
        if gone is not None and at.item.source in gone and mine(jur):
            out[jur].append(code)
    return dict(out)


def rows(found: Iterable[Delegation], orphaned: dict[str, list[str]]) -> list[TargetImpact]:
    """Per target: the delegations' effects and its orphaned items, sorted; targets in code order."""
    by_target: dict[str, TargetImpact] = {}
    for d in found:
        row = by_target.setdefault(d.target, TargetImpact(d.target))
        if d.kind == "mode_changed":
            row.mode_changed.append(ModeChange(d.item, d.old, d.new))
        else:
            (row.delegated if d.kind == "delegated" else row.withdrawn).append(d.item)
    for target, codes in orphaned.items():
        if target in by_target:
            by_target[target].orphaned += codes
    for r in by_target.values():
        r.delegated.sort()
        r.withdrawn.sort()
        r.mode_changed.sort(key=lambda m: str({"item": m.item, "old": m.old, "new": m.new}))
        r.orphaned.sort()
    return [r for _, r in sorted(by_target.items()) if r]


def impact(old: Side, new: Side) -> list[TargetImpact]:
    """Per delegation target: items newly delegated, withdrawn, or with a changed mode, and the child items
    (in the new version) whose source was withdrawn."""
    found = delegations(old, new, children_of((old, new)))
    return rows(found, orphans(new, withdrawn_from(found), lambda _: True))
