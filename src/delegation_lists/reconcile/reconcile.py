"""`reconcile`: a parent's delegations against each child's list (spec §4). Returns data; never prints.

Per child: matched, mode mismatch, missing (delegated, not taken on: 有责无权 seen from the county), unbacked
(taken on, not delegated to it: 无权执法), the child's own items, and name-similarity suggestions for own items.
"""

from __future__ import annotations

from collections import defaultdict

from ..catalog import Catalog, Entry
from ..catalog.holding import inactive, taken_mode
from ..memory import paused_gc
from ..problems import MessageError, msg
from .duties import duty_check
from .results import ChildResult, Coverage, ModeMismatch, ReconcileResult, Suggestion, Unbacked
from .suggest import Suggester

DEFAULT_THRESHOLD = 0.6


class ReconcileError(MessageError):
    """The parent or a child cannot be found (exit code 2)."""


def parents(cat: Catalog) -> list[str]:
    """The default parents: every jurisdiction whose lists delegate something to a child that is not a village
    (each county of a province catalog; a township handing items to its village stations is not one: villages
    keep no item lists, their assist work is checked by DL504), or else the region root."""
    delegating = sorted({e.jurisdiction for e in cat.delegating if e.jurisdiction in cat.places
                         and any(c not in cat.duties.villages for c in cat.targets(e)[0])})
    if delegating:
        return delegating
    roots = sorted(p.code for p in cat.places.values() if p.parent is None and p.children)
    if not roots:
        raise ReconcileError(msg("cli.reconcile.no_children"))
    return roots


def _parent_code(cat: Catalog, parent: str) -> str:
    place = cat.find_place(parent)
    if place is None:
        raise ReconcileError(msg("cli.reconcile.no_parent", parent=parent))
    return place.code


@paused_gc()
def reconcile_all(cat: Catalog, threshold: float = DEFAULT_THRESHOLD) -> list[ReconcileResult]:
    """Every default parent against all its children."""
    by_jur = _by_jurisdiction(cat)
    return [_reconcile(cat, code, None, threshold, by_jur) for code in parents(cat)]


def _by_jurisdiction(cat: Catalog) -> dict[str, list[Entry]]:
    by_jur: dict[str, list[Entry]] = defaultdict(list)
    for e in cat.entries:
        by_jur[e.jurisdiction].append(e)
    return by_jur


@paused_gc()
def reconcile(cat: Catalog, parent: str | None = None, children: list[str] | None = None,
              threshold: float = DEFAULT_THRESHOLD) -> ReconcileResult:
    """Reconcile `parent` (default: the parent of the children named, else the only delegating jurisdiction)
    against its children (default: all)."""
    if parent is None and children:
        above = {place.parent for c in children if (place := cat.find_place(c)) is not None}
        parent = above.pop() if len(above) == 1 else None
    if parent is None:
        found = parents(cat)
        if len(found) > 1:
            named = [f"{code} {cat.places[code].name}" if code in cat.places else code for code in found[:5]]
            raise ReconcileError(msg("cli.reconcile.several", parents=", ".join(named) + ("..." if len(found) > 5 else "")))
        parent = found[0]
    return _reconcile(cat, _parent_code(cat, parent), children or None, threshold, _by_jurisdiction(cat))


def _reconcile(cat: Catalog, pcode: str, children: list[str] | None, threshold: float,
               by_jur: dict[str, list[Entry]]) -> ReconcileResult:
    place = cat.places[pcode]
    chosen = place.children
    if children is not None:
        wanted = [cat.find_place(c) for c in children]
        bad = [c for c, p in zip(children, wanted, strict=True) if p is None or p.parent != pcode]
        if bad:
            raise ReconcileError(msg("cli.reconcile.not_child", parent=place.name, children=", ".join(bad)))
        chosen = [p.code for p in wanted if p is not None]
    delegated: dict[str, list[Entry]] = defaultdict(list)
    for e in by_jur[pcode]:
        if e.raw.delegation is not None and inactive(e, cat.as_of) is None:
            for child in cat.targets(e)[0]:
                delegated[child].append(e)
    suggester = Suggester(cat, by_jur[pcode], threshold)
    depts: dict[int, str] = {}  # id(entry) -> department name: each parent item is offered to many children
    listed = {d.header.jurisdiction for d in cat.docs if d.header is not None}
    results = [_child(cat, c, by_jur[c], delegated[c], suggester, depts) for c in chosen]
    for r in results:
        r.listed = r.jurisdiction in listed
    return ReconcileResult(pcode, place.name, results, _names(by_jur[pcode], [e for c in chosen for e in by_jur[c]]))


def _names(parent_items: list[Entry], child_items: list[Entry]) -> dict[str, str]:
    """Item code -> name for every code a result can show: the parent's items, and the children's items that
    name themselves (their own items, and those taking a source that is not found)."""
    names = {e.code: e.raw.name or "" for e in parent_items}
    for e in child_items:
        if e.raw.name and e.code not in names:
            names[e.code] = e.raw.name
    return names


def _child(cat: Catalog, code: str, entries: list[Entry], delegated: list[Entry], suggester: Suggester,
           depts: dict[int, str]) -> ChildResult:
    res = ChildResult(code, cat.places[code].name)
    offered = {e.code: e for e in delegated}
    taken: set[str] = set()
    for e in entries:
        src = e.source
        if e.raw.source is None:
            res.own.append(e.code)
            hit = suggester.suggest(e)
            if hit is not None:
                res.suggestions.append(Suggestion(e.code, hit[0], round(hit[1], 3)))
        elif src is None:
            res.unbacked.append(Unbacked(e.code, e.raw.source, "source not found in the parent's lists", "not_found"))
        elif (why := inactive(src, cat.as_of)) is not None:
            res.unbacked.append(Unbacked(e.code, src.code, f"source is {why.reason()}", "inactive", why.reason()))
        elif src.code not in offered:
            res.unbacked.append(Unbacked(e.code, src.code, f"not delegated to {res.name}"))
        else:
            taken.add(src.code)
            deleg = offered[src.code].item.delegation
            mode = taken_mode(e)
            if deleg is not None and mode != deleg.mode:
                res.mode_mismatch.append(ModeMismatch(e.code, deleg.mode, str(mode)))
            else:
                res.matched.append(e.code)
    res.missing = [c for c in offered if c not in taken]
    res.duties = duty_check(cat, code, entries, taken)
    res.coverage = round(len(taken) / len(offered), 4) if offered else 1.0
    for e in delegated:
        name = depts.get(id(e))
        if name is None:
            name = depts[id(e)] = cat.department_name(e)
        dep = res.departments.setdefault(name, Coverage())
        dep.delegated += 1
        dep.taken += e.code in taken
    return res
