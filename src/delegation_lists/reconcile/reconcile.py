"""`reconcile`: a parent's delegations against each child's list (spec §4). Returns data; never prints.

Per child: matched, mode mismatch, missing (delegated, not taken on: 有责无权 seen from the county), unbacked
(taken on, not delegated to it: 无权执法), the child's own items, and name-similarity suggestions for own items.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, fields
from typing import Any

from ..catalog import Catalog, Entry
from ..catalog.holding import inactive, taken_mode
from ..memory import paused_gc
from .suggest import Suggester

#: the sets a reconciliation sorts a child's items into (spec §4)
CATEGORIES = ("matched", "mode_mismatch", "missing", "unbacked", "own", "suggestions")
DEFAULT_THRESHOLD = 0.6


class ReconcileError(Exception):
    """The parent or a child cannot be found (exit code 2)."""


@dataclass
class ChildResult:
    jurisdiction: str
    name: str
    matched: list[str] = field(default_factory=list)
    mode_mismatch: list[dict[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unbacked: list[dict[str, str]] = field(default_factory=list)
    own: list[str] = field(default_factory=list)
    suggestions: list[dict[str, Any]] = field(default_factory=list)
    coverage: float = 1.0
    departments: dict[str, dict[str, int]] = field(default_factory=dict)  # department -> delegated / taken

    @property
    def clean(self) -> bool:
        return not (self.mode_mismatch or self.missing or self.unbacked)

    @property
    def delegated(self) -> int:
        """Items the parent delegates to this child (taken on, in another mode, or missing)."""
        return len(self.matched) + len(self.mode_mismatch) + len(self.missing)

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data (the lists themselves, not deep copies: `asdict` took a second for a
        province)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def count_row(self) -> list[object]:
        """[name, code, delegated, one count per category, coverage]: a row of the summary tables."""
        return [self.name, self.jurisdiction, self.delegated, *[len(getattr(self, k)) for k in CATEGORIES], f"{self.coverage:.0%}"]


@dataclass
class ReconcileResult:
    parent: str
    parent_name: str
    children: list[ChildResult]

    def totals(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: sum(len(getattr(c, k)) for c in self.children) for k in CATEGORIES}
        delegated = sum(c.delegated for c in self.children)
        out["children"] = len(self.children)
        out["delegated"] = delegated
        out["coverage"] = round((out["matched"] + out["mode_mismatch"]) / delegated, 4) if delegated else 1.0
        return out

    @property
    def clean(self) -> bool:
        return all(c.clean for c in self.children)

    def to_dict(self) -> dict[str, Any]:
        return {"parent": self.parent, "name": self.parent_name, "children": [c.to_dict() for c in self.children], "totals": self.totals()}


def parents(cat: Catalog) -> list[str]:
    """The default parents: every jurisdiction whose lists delegate something (each county of a province
    catalog), or else the region root."""
    delegating = sorted({e.jurisdiction for e in cat.entries if e.item.delegation is not None and e.jurisdiction in cat.places})
    if delegating:
        return delegating
    roots = sorted(p.code for p in cat.places.values() if p.parent is None and p.children)
    if not roots:
        raise ReconcileError("no jurisdiction with children in this catalog (is region.yaml there?)")
    return roots


def _parent_code(cat: Catalog, parent: str) -> str:
    place = cat.find_place(parent)
    if place is None:
        raise ReconcileError(f"no jurisdiction {parent!r} in this catalog")
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
    """Reconcile `parent` (default: the only delegating jurisdiction) against its children (default: all)."""
    if parent is None:
        found = parents(cat)
        if len(found) > 1:
            raise ReconcileError(f"several parents ({', '.join(found[:5])}{'...' if len(found) > 5 else ''}): choose one with --parent")
        parent = found[0]
    return _reconcile(cat, _parent_code(cat, parent), children, threshold, _by_jurisdiction(cat))


def _reconcile(cat: Catalog, pcode: str, children: list[str] | None, threshold: float,
               by_jur: dict[str, list[Entry]]) -> ReconcileResult:
    place = cat.places[pcode]
    chosen = place.children
    if children:
        wanted = [cat.find_place(c) for c in children]
        bad = [c for c, p in zip(children, wanted, strict=True) if p is None or p.parent != pcode]
        if bad:
            raise ReconcileError(f"not a child of {place.name}: {', '.join(bad)}")
        chosen = [p.code for p in wanted if p is not None]
    delegated: dict[str, list[Entry]] = defaultdict(list)
    for e in by_jur[pcode]:
        if e.item.delegation is not None and inactive(e, cat.as_of) is None:
            for child in cat.targets(e)[0]:
                delegated[child].append(e)
    suggester = Suggester(cat, by_jur[pcode], threshold)
    depts: dict[int, str] = {}  # id(entry) -> department name: each parent item is offered to many children
    results = [_child(cat, c, by_jur[c], delegated[c], suggester, depts) for c in chosen]
    return ReconcileResult(pcode, place.name, results)


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
                res.suggestions.append({"item": e.code, "source": hit[0], "score": round(hit[1], 3)})
        elif src is None:
            res.unbacked.append({"item": e.code, "source": e.raw.source, "reason": "source not found in the parent's lists"})
        elif (why := inactive(src, cat.as_of)) is not None:
            res.unbacked.append({"item": e.code, "source": src.code, "reason": f"source is {why.reason()}"})
        elif src.code not in offered:
            res.unbacked.append({"item": e.code, "source": src.code, "reason": f"not delegated to {res.name}"})
        else:
            taken.add(src.code)
            deleg = offered[src.code].item.delegation
            mode = taken_mode(e)
            if deleg is not None and mode != deleg.mode:
                res.mode_mismatch.append({"item": e.code, "delegated": deleg.mode, "taken": str(mode)})
            else:
                res.matched.append(e.code)
    res.missing = [c for c in offered if c not in taken]
    res.coverage = round(len(taken) / len(offered), 4) if offered else 1.0
    for e in delegated:
        name = depts.get(id(e))
        if name is None:
            name = depts[id(e)] = cat.department_name(e)
        dep = res.departments.setdefault(name, {"delegated": 0, "taken": 0})
        dep["delegated"] += 1
        dep["taken"] += e.code in taken
    return res
