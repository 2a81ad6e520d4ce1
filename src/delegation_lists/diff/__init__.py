"""`diff`: two versions of a catalog, item by item and field by field (spec §4). Returns data; never prints.

Items are matched by (jurisdiction, code); a rename pass then pairs removed and added items of one
jurisdiction whose name, department and kind are the same or very close. Items that only changed file are
`moved`. Whitespace-only and order-only changes are ignored unless asked for.
"""


from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..load.document import Document
from ..memory import paused_gc
from ..model.similarity import grams, score
from .fields import Options, field_changes
from .impact import impact
from .lines import item_lines, place_lines
from .side import Side, load_side, load_sides

RENAME_MIN = 0.8
TYPES = ("added", "removed", "changed", "renamed", "moved")


@dataclass
class Change:
    type: str
    jurisdiction: str
    item: str | None
    old_item: str | None
    file: str
    line: int
    fields: list[dict[str, Any]] = field(default_factory=list)
    doc: Document | None = field(default=None, repr=False, compare=False)  # where to look up the line
    index: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "jurisdiction": self.jurisdiction, "item": self.item, "old_item": self.old_item,
                "file": self.file, "line": self.line, "fields": self.fields}


@dataclass
class DiffResult:
    changes: list[Change]
    impact: list[dict[str, Any]]

    def summary(self) -> dict[str, Any]:
        by_jur: dict[str, dict[str, int]] = {}
        for c in self.changes:
            row = by_jur.setdefault(c.jurisdiction, dict.fromkeys(TYPES, 0))
            row[c.type] = row.get(c.type, 0) + 1
        totals = {t: sum(1 for c in self.changes if c.type == t) for t in TYPES}
        return {"total": len(self.changes), **totals, "by_jurisdiction": by_jur}

    def to_dict(self) -> dict[str, Any]:
        return {"summary": self.summary(), "changes": [c.to_dict() for c in self.changes], "impact": self.impact}


@paused_gc()
def diff(old: Side, new: Side, opts: Options | None = None) -> DiffResult:
    """Every change from `old` to `new`, in (jurisdiction, item) order, with the delegation impact."""
    opts = opts or Options()
    changes: list[Change] = []
    removed = [k for k in old.items if k not in new.items]
    added = [k for k in new.items if k not in old.items]
    renamed = _renames(old, new, removed, added)
    for (ok, nk) in renamed:
        rel, doc, i, _ = new.items[nk]
        fields = field_changes(old.data(ok), new.data(nk), opts)
        changes.append(_change("renamed", nk, ok[1], rel, doc, i, fields))
    gone = {ok for ok, _ in renamed}
    came = {nk for _, nk in renamed}
    for k in removed:
        if k not in gone:
            rel, doc, i, _ = old.items[k]
            changes.append(_change("removed", k, None, rel, doc, i, []))
    for k in added:
        if k not in came:
            rel, doc, i, _ = new.items[k]
            changes.append(_change("added", k, None, rel, doc, i, []))
    for k in old.items.keys() & new.items.keys():
        (orel, _, _, oitem), (nrel, doc, i, nitem) = old.items[k], new.items[k]
        if orel == nrel and oitem.__dict__ == nitem.__dict__:
            continue  # the common case: untouched (no need to dump the items to compare them field by field)
        odata, ndata = old.data(k), new.data(k)
        if orel == nrel and odata == ndata:
            continue
        fields = field_changes(odata, ndata, opts)
        if orel != nrel:
            changes.append(_change("moved", k, None, nrel, doc, i, [{"field": "file", "old": orel, "new": nrel}, *fields]))
        elif fields:
            changes.append(_change("changed", k, None, nrel, doc, i, fields))
    changes += _region_changes(old, new, opts)
    changes.sort(key=lambda c: (c.jurisdiction, c.item or "", c.type))
    place_lines(changes)
    return DiffResult(changes, impact(old, new))


def _change(kind: str, key: tuple[str, str], old_item: str | None, rel: str, doc: Document, index: int,
            fields: list[dict[str, Any]]) -> Change:
    return Change(kind, key[0], key[1], old_item, rel, 0, fields, doc, index)


def _renames(old: Side, new: Side, removed: list[tuple[str, str]], added: list[tuple[str, str]]) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """Pair removed and added items of one jurisdiction with the same kind and department and a very close name."""
    pairs = []
    taken: set[tuple[str, str]] = set()
    pools: dict[tuple[str, Any, Any], list[tuple[str, str]]] = {}  # (jurisdiction, kind, department) -> added
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


def _region_changes(old: Side, new: Side, opts: Options) -> list[Change]:
    out = []
    for code in sorted(old.regions.keys() | new.regions.keys()):
        fields = field_changes(old.regions.get(code, {}), new.regions.get(code, {}), opts)
        if fields:
            side = new if code in new.regions else old
            file, line = side.region_files.get(code, ("region.yaml", 0))
            out.append(Change("changed", code, None, None, file, line, fields))
    return out


__all__ = ["TYPES", "Change", "DiffResult", "Options", "Side", "diff", "field_changes", "impact", "item_lines", "load_side", "load_sides"]
