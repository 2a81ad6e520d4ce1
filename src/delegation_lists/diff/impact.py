"""The delegation impact of a diff: per township, items newly delegated, withdrawn, with a changed mode,
and the township items a withdrawal orphans."""

from __future__ import annotations

from typing import Any

from .side import Side


def _children(sides: tuple[Side, ...]) -> dict[str, list[tuple[str, str]]]:
    """jurisdiction -> [(child code, child name)] from the region.yaml files of both versions."""
    out: dict[str, list[tuple[str, str]]] = {}
    for side in sides:
        for code, region in side.regions.items():
            kids = [tuple(c.split(" ", 1)) for c in region["children"]]
            out.setdefault(code, [])
            out[code] += [(k[0], k[1] if len(k) > 1 else "") for k in kids if (k[0], k[1] if len(k) > 1 else "") not in out[code]]
    return out


def _delegations(side: Side, children: dict[str, list[tuple[str, str]]]) -> dict[tuple[str, str], tuple[str, list[str]]]:
    """(jurisdiction, item) -> (mode, child codes) of every active delegation; `all` and names resolved."""
    out = {}
    for (jur, code), (_, _, _, item) in side.items.items():
        d = item.delegation
        if d is not None and item.status == "active":
            kids = children.get(jur, [])
            names = {name: c for c, name in kids}
            to = [c for c, _ in kids] if d.to_all else [names.get(t, t) for t in d.to]
            out[(jur, code)] = (d.mode, to)
    return out


def impact(old: Side, new: Side) -> list[dict[str, Any]]:
    """Per delegation target: items newly delegated, withdrawn, or with a changed mode, and the child items
    (in the new version) whose source was withdrawn."""
    children = _children((old, new))
    before, after = _delegations(old, children), _delegations(new, children)
    rows: dict[str, dict[str, list[Any]]] = {}

    def row(target: str) -> dict[str, list[Any]]:
        return rows.setdefault(target, {"delegated": [], "withdrawn": [], "mode_changed": [], "orphaned": []})

    for key in before.keys() | after.keys():
        (om, ot), (nm, nt) = before.get(key, ("", [])), after.get(key, ("", []))
        for t in nt:
            if t not in ot:
                row(t)["delegated"].append(key[1])
            elif om != nm:
                row(t)["mode_changed"].append({"item": key[1], "old": om, "new": nm})
        for t in ot:
            if t not in nt:
                row(t)["withdrawn"].append(key[1])
    for (jur, code), (_, _, _, item) in new.items.items():
        if jur in rows and item.source in rows[jur]["withdrawn"]:
            rows[jur]["orphaned"].append(code)
    return [{"target": t, **{k: sorted(v, key=str) for k, v in r.items()}} for t, r in sorted(rows.items()) if any(r.values())]
