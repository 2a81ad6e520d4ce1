"""The delegation impact of a diff: per township, items newly delegated, withdrawn, with a changed mode,
and the township items a withdrawal orphans."""

from __future__ import annotations

from .results import ModeChange, TargetImpact
from .side import Side


def _children(sides: tuple[Side, ...]) -> dict[str, list[tuple[str, str]]]:
    """jurisdiction -> [(child code, child name)] from the region.yaml files of both versions."""
    out: dict[str, list[tuple[str, str]]] = {}
    for side in sides:
        for code, region in side.regions.items():
            known = out.setdefault(code, [])
            known += [kid for kid in region["children"].items() if kid not in known]
    return out


def _delegations(side: Side, children: dict[str, list[tuple[str, str]]]) -> dict[tuple[str, str], tuple[str, list[str]]]:
    """(jurisdiction, item) -> (mode, child codes) of every active delegation; `all` and names resolved."""
    out = {}
    for (jur, code), at in side.items.items():
        item = at.item
        d = item.delegation
        if d is not None and item.status == "active":
            kids = children.get(jur, [])
            names = {name: c for c, name in kids}
            to = [c for c, _ in kids] if d.to_all else [names.get(t, t) for t in d.to]
            out[(jur, code)] = (d.mode, to)
    return out


def _unknown(key: tuple[str, str], old: Side, new: Side) -> bool:
    """Whether one side cannot say anything of the item: it is on one side only, and its file did not load on the
    other (its delegations are then neither withdrawn nor new)."""
    was, now = old.items.get(key), new.items.get(key)
    return (now is None and was is not None and was.file in new.broken) or (was is None and now is not None and now.file in old.broken)


def impact(old: Side, new: Side) -> list[TargetImpact]:
    """Per delegation target: items newly delegated, withdrawn, or with a changed mode, and the child items
    (in the new version) whose source was withdrawn. Items of a file that did not load on one side are left out."""
    children = _children((old, new))
    before, after = _delegations(old, children), _delegations(new, children)
    rows: dict[str, TargetImpact] = {}

    def row(target: str) -> TargetImpact:
        return rows.setdefault(target, TargetImpact(target))

    for key in before.keys() | after.keys():
        if _unknown(key, old, new):
            continue
        (om, ot), (nm, nt) = before.get(key, ("", [])), after.get(key, ("", []))
        for t in nt:
            if t not in ot:
                row(t).delegated.append(key[1])
            elif om != nm:
                row(t).mode_changed.append(ModeChange(key[1], om, nm))
        for t in ot:
            if t not in nt:
                row(t).withdrawn.append(key[1])
    for (jur, code), at in new.items.items():
        if jur in rows and at.item.source in rows[jur].withdrawn:
            rows[jur].orphaned.append(code)
    for r in rows.values():
        r.delegated.sort()
        r.withdrawn.sort()
        r.mode_changed.sort(key=lambda m: str({"item": m.item, "old": m.old, "new": m.new}))
        r.orphaned.sort()
    return [r for _, r in sorted(rows.items()) if r]
