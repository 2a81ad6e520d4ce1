"""The parts of a diff (part.py) joined into the result one pass over the whole gives, in its order: changes by
(jurisdiction, item), region changes, impact per target with the names of the items it shows, duty entries
moved, files that did not load.

A part decides alone what only its jurisdictions' files say; what another part's files could have changed is
checked here, and the join answers None (the caller then runs the diff whole) when one part could not have
seen it: a file taken as loaded that another part found broken, a withdrawal from a township made by a
jurisdiction that was not in the township's part, or a code the impact shows held by items of a part that did
not name them.
"""

from __future__ import annotations

from collections.abc import Callable

from ..memory import paused_gc
from .changes import change_order
from .fields import Options, field_changes
from .impact import rows, withdrawn_from
from .part import Named, PartDiff, diff_part
from .records import named_by_records, recorded_renames
from .results import BrokenFile, Change, DiffResult, TargetImpact
from .side import Side

#: the part that owns a jurisdiction's items (None: no part has items of it)
Owner = Callable[[str], "int | None"]


@paused_gc()
def diff(old: Side, new: Side, opts: Options | None = None) -> DiffResult:
    """Every change from `old` to `new` (both loaded whole), in (jurisdiction, item) order, with the delegation
    impact: the join of one part that owns every jurisdiction."""
    opts = opts or Options()
    part = diff_part(old, new, opts, None, named_by_records(old, new), recorded_renames(old, new))
    result = join([part], old, new, opts, lambda _: 0)
    assert result is not None  # one part sees everything
    return result


def join(parts: list[PartDiff], old: Side, new: Side, opts: Options, owner: Owner) -> DiffResult | None:
    """The diff of `old` and `new` (their region files, records and every file's load state) from its parts."""
    if any(p.changes.removal_files & new.broken.keys() or p.changes.addition_files & old.broken.keys() for p in parts):
        return None
    found = [d for p in parts for d in p.delegations]
    orphaned: dict[str, list[str]] = {}
    for target, codes in withdrawn_from(found).items():
        i = owner(target)
        if i is not None:
            if parts[i].withdrawn.get(target, frozenset()) != codes:
                return None
            orphaned[target] = parts[i].orphaned.get(target, [])
    effect = rows(found, orphaned)
    shown = {code for r in effect for code in [*r.delegated, *r.withdrawn, *(m.item for m in r.mode_changed), *r.orphaned]}
    if any(code in p.silent for p in parts for code in shown):
        return None
    changes = [c for p in parts for c in p.changes.changes] + _region_changes(old, new, opts)
    changes.sort(key=change_order)
    broken = [BrokenFile("old", f, p) for f, p in sorted(old.broken.items())] + [BrokenFile("new", f, p) for f, p in sorted(new.broken.items())]
    moves = sorted((m for p in parts for m in p.duty_moves), key=lambda m: (m.jurisdiction, m.duty))
    return DiffResult(changes, effect, broken, {**old.places, **new.places}, _names(parts, shown), moves,
                      _modes(parts, effect, old, new), _record_names(parts))


def _names(parts: list[PartDiff], shown: set[str]) -> dict[str, str]:
    """Item code -> name for the codes shown: the last name met, in the order the names were first met."""
    found: dict[str, list[Named]] = {}
    for p in parts:
        for code, named in p.names.items():
            if code in shown:
                found.setdefault(code, []).append(named)
    order = sorted(found, key=lambda code: min(n.first for n in found[code]))
    return {code: max(found[code], key=lambda n: n.at).name for code in order}


def _modes(parts: list[PartDiff], effect: list[TargetImpact], old: Side, new: Side) -> dict[tuple[str, str], str]:
    """The new delegation mode of each item newly delegated to a target, in the target's parent jurisdiction."""
    known = {key: mode for p in parts for key, mode in p.modes.items()}
    out: dict[tuple[str, str], str] = {}
    for r in effect:
        parent = new.parents.get(r.target) or old.parents.get(r.target) or ""
        out |= {(parent, code): known[(parent, code)] for code in r.delegated if (parent, code) in known}
    return out


def _record_names(parts: list[PartDiff]) -> dict[str, str]:
    """Code a record names -> the name of its duty entries (the last met) or else of its items: the codes known."""
    out: dict[str, str] = {}
    for field in ("record_items", "record_duties"):
        last: dict[str, Named] = {}
        for p in parts:
            for code, named in getattr(p, field).items():
                if code not in last or last[code].at < named.at:
                    last[code] = named
        out |= {code: n.name for code, n in last.items()}
    return out


def _region_changes(old: Side, new: Side, opts: Options) -> list[Change]:
    out = []
    for code in sorted(old.regions.keys() | new.regions.keys()):
        fields = field_changes(old.regions.get(code, {}), new.regions.get(code, {}), opts)
        if fields:
            side = new if code in new.regions else old
            file, line = side.region_files.get(code, ("region.yaml", 0))
            out.append(Change("changed", code, None, None, file, line, fields))
    return out
