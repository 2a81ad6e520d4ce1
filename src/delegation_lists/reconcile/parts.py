"""Reconciling every parent of a large catalog part by part (catalog/parts.py): each part answers for the
children it owns, and the parts' answers are joined per parent, in the order one pass over the whole catalog
gives them."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog import Catalog
from .reconcile import _by_jurisdiction, _reconcile, parents, reconcile_all
from .results import ChildResult, ReconcileResult


@dataclass
class PartResults:
    """One part's reconciliations: a result per parent (with only the children the part owns), and whether its
    parents delegate (False: no list of the part delegates anything, and the region roots stand in)."""

    results: list[ReconcileResult]
    delegating: bool


def reconcile_part(threshold: float, cat: Catalog, own: frozenset[str] | None) -> PartResults:
    """Every default parent (`parents`) against the children of it that `own` names (all when None)."""
    if own is None:
        return PartResults(reconcile_all(cat, threshold), True)
    by_jur = _by_jurisdiction(cat)
    delegating = any(e.item.delegation is not None and e.jurisdiction in cat.places for e in cat.entries)
    found = []
    for code in parents(cat):
        mine = [c for c in cat.places[code].children if c in own]
        if mine:
            found.append(_reconcile(cat, code, mine, threshold, by_jur))
    return PartResults(found, delegating)


def merge_parts(parts: list[PartResults], tree: Catalog) -> list[ReconcileResult]:
    """The parts' results joined per parent, parents in code order, each parent's children in its region
    order; when any part delegates, the region roots standing in for parents elsewhere are dropped."""
    delegating = any(p.delegating for p in parts)
    joined: dict[str, ReconcileResult] = {}
    for part in parts:
        if delegating and not part.delegating:
            continue
        for r in part.results:
            into = joined.setdefault(r.parent, ReconcileResult(r.parent, r.parent_name, [], {}))
            into.children.extend(r.children)
            into.names.update(r.names)
    for r in joined.values():
        order = {c: i for i, c in enumerate(tree.places[r.parent].children)}
        r.children.sort(key=lambda c: order.get(c.jurisdiction, len(order)))
    return [joined[p] for p in sorted(joined)]


__all__ = ["ChildResult", "PartResults", "merge_parts", "reconcile_part"]
