"""`diff`: two versions of a catalog, item by item and field by field (spec §4). Returns data; never prints.

Items are matched by (jurisdiction, code); a rename pass then pairs removed and added items of one
jurisdiction whose name, department and kind are the same or very close. Items that only changed file are
`moved`. Whitespace-only and order-only changes are ignored unless asked for.
"""


from __future__ import annotations

from typing import Any

from ..memory import paused_gc
from ..model.similarity import grams, score
from .duties import duty_moves
from .fields import Options, field_changes
from .impact import impact
from .lines import item_lines, place_lines
from .results import TYPES, BrokenFile, Change, ChangeType, DiffResult, DutyMove, FieldChange, ModeChange, Summary, TargetImpact
from .side import Side, SideItem, load_side, load_sides

RENAME_MIN = 0.8


@paused_gc()
def diff(old: Side, new: Side, opts: Options | None = None) -> DiffResult:
    """Every change from `old` to `new`, in (jurisdiction, item) order, with the delegation impact."""
    opts = opts or Options()
    changes: list[Change] = []
    # a file that did not load on one side says nothing about its items: they are neither removed nor added
    removed = [k for k in old.items if k not in new.items and old.items[k].file not in new.broken]
    added = [k for k in new.items if k not in old.items and new.items[k].file not in old.broken]
    renamed = _renames(old, new, removed, added)
    for (ok, nk) in renamed:
        at = new.items[nk]
        changes.append(_change("renamed", nk, ok[1], at, field_changes(old.data(ok), new.data(nk), opts), new.name_of(nk)))
    gone = {ok for ok, _ in renamed}
    came = {nk for _, nk in renamed}
    for k in removed:
        if k not in gone:
            changes.append(_change("removed", k, None, old.items[k], [], old.name_of(k)))
    for k in added:
        if k not in came:
            changes.append(_change("added", k, None, new.items[k], [], new.name_of(k)))
    for k in old.items.keys() & new.items.keys():
        was, now = old.items[k], new.items[k]
        if was.file == now.file and was.item.__dict__ == now.item.__dict__:
            continue  # the common case: untouched (no need to dump the items to compare them field by field)
        odata, ndata = old.data(k), new.data(k)
        if was.file == now.file and odata == ndata:
            continue
        fields = field_changes(odata, ndata, opts)
        if was.file != now.file:
            changes.append(_change("moved", k, None, now, [FieldChange("file", was.file, now.file), *fields], new.name_of(k)))
        elif fields:
            changes.append(_change("changed", k, None, now, fields, new.name_of(k)))
    changes += _region_changes(old, new, opts)
    unnamed = _names({c.item for c in changes if c.item and not c.name}, old, new)  # a source whose file did not load
    for c in changes:
        c.name = c.name or unnamed.get(c.item or "", "")
    changes.sort(key=lambda c: (c.jurisdiction, c.item or "", c.type))
    place_lines(changes)
    effect = impact(old, new)
    shown = {code for r in effect for code in [*r.delegated, *r.withdrawn, *(m.item for m in r.mode_changed), *r.orphaned]}
    return DiffResult(changes, effect, _broken(old, new), {**old.places, **new.places}, _names(shown, old, new),
                      duty_moves(old, new))


def _change(kind: ChangeType, key: tuple[str, str], old_item: str | None, at: SideItem, fields: list[FieldChange],
            name: str) -> Change:
    return Change(kind, key[0], key[1], old_item, at.file, 0, fields, at.doc, at.index, name)


def _broken(old: Side, new: Side) -> list[BrokenFile]:
    return [BrokenFile("old", f, p) for f, p in sorted(old.broken.items())] + [BrokenFile("new", f, p) for f, p in sorted(new.broken.items())]


def _names(codes: set[str], old: Side, new: Side) -> dict[str, str]:
    """Item code -> name for the given codes (new side first; items of any jurisdiction)."""
    out: dict[str, str] = {}
    for side in (old, new):
        for key in side.items:
            if key[1] in codes:
                name = side.name_of(key)
                if name:
                    out[key[1]] = name
    return out


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


__all__ = [
    "TYPES", "BrokenFile", "Change", "ChangeType", "DiffResult", "DutyMove", "FieldChange", "ModeChange", "Options", "Side", "Summary", "TargetImpact",
    "diff", "field_changes", "impact", "item_lines", "load_side", "load_sides",
]
