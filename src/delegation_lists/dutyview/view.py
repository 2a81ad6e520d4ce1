"""The department view of the duty lists (部门履职事项): for each county department, the cooperating duties it
leads and the duties it took back, per township; guide duties that townships place in different parts;
townships far from the county's typical counts; and each township's view of its villages (villages.py)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from ..catalog import Catalog
from ..catalog.duties import DutyEntry
from .counts import PARTS, DutyCounts, duty_counts, township_rows
from .villages import TownshipVillages, village_view


@dataclass(frozen=True, slots=True)
class DutyRef:
    """One township's duty, as the department view lists it."""

    jurisdiction: str
    township: str
    code: str
    name: str
    lead_duty: str = ""  # cooperate: the department's duty
    duty: str = ""  # cooperate: the township's duty
    how: str = ""  # recalled: how the department does it now


@dataclass
class DepartmentDuties:
    department: str  # the full name (short names expanded)
    leads: list[DutyRef] = field(default_factory=list)
    took_back: list[DutyRef] = field(default_factory=list)


@dataclass(frozen=True)
class Inconsistent:
    """A guide duty that townships place in different parts: jurisdiction -> part."""

    code: str
    name: str
    parts: dict[str, str]


@dataclass(frozen=True)
class Outlier:
    """A township whose count in one part is far from the typical (median) count of its county's townships."""

    jurisdiction: str
    name: str
    part: str
    count: int
    typical: int


@dataclass
class DutyView:
    townships: list[DutyCounts]
    departments: list[DepartmentDuties]
    inconsistent: list[Inconsistent]
    outliers: list[Outlier]
    villages: list[TownshipVillages] = field(default_factory=list)  # each township's view of its villages


@dataclass
class DutyPart:
    """The department view of the jurisdictions one part of a catalog answers for (catalog/parts.py): their
    counts, the duties each department leads or took back, where they place each guide duty, their villages."""

    counts: list[DutyCounts]
    departments: dict[str, DepartmentDuties]
    placed: dict[str, dict[str, str]]  # guide duty code -> jurisdiction -> part
    guide_names: dict[str, str]
    villages: list[TownshipVillages]


def duty_view(cat: Catalog) -> DutyView:
    """The department view of every (non-guide) duty list of the catalog."""
    return merge_duty_parts([duty_part(cat)])


def duty_part(cat: Catalog, own: frozenset[str] | None = None) -> DutyPart:
    """The view of the duty lists of the jurisdictions `own` names (all when None)."""
    departments: dict[str, DepartmentDuties] = {}
    placed: dict[str, dict[str, str]] = defaultdict(dict)
    guide_names: dict[str, str] = {}
    for e in cat.duties.entries:
        if own is not None and e.jurisdiction not in own:
            continue
        part = e.part
        if e.source is not None and e.source.in_guide and part:
            placed[e.source.code][e.jurisdiction] = part
            guide_names[e.source.code] = e.source.duty.name or ""
        if e.in_guide:
            continue
        d = e.duty
        if d.part == "cooperate" and d.lead:
            _dept(departments, cat, e, d.lead).leads.append(_ref(cat, e))
        elif d.part == "recalled" and d.taken_by:
            _dept(departments, cat, e, d.taken_by).took_back.append(_ref(cat, e))
    counts = [r for r in duty_counts(cat) if own is None or r.jurisdiction in own]
    villages = [v for v in village_view(cat) if own is None or v.jurisdiction in own]
    return DutyPart(counts, departments, dict(placed), guide_names, villages)


def merge_duty_parts(parts: list[DutyPart]) -> DutyView:
    """The parts' views as the view of the whole: jurisdictions in code order, each department's duties in tree
    order (a jurisdiction's in list order), guide duties placed in more than one part, outlying townships."""
    departments: dict[str, DepartmentDuties] = {}
    placed: dict[str, dict[str, str]] = defaultdict(dict)
    for part in parts:
        for name, dept in part.departments.items():
            into = departments.setdefault(name, DepartmentDuties(name))
            into.leads += dept.leads
            into.took_back += dept.took_back
        for code, where in part.placed.items():
            placed[code].update(where)
    for dept in departments.values():
        dept.leads.sort(key=_tree_order)
        dept.took_back.sort(key=_tree_order)
    names = {code: name for part in parts for code, name in part.guide_names.items()}
    inconsistent = [Inconsistent(code, names[code], dict(sorted(where.items())))
                    for code, where in sorted(placed.items()) if len(set(where.values())) > 1]
    counts = township_rows(sorted((r for p in parts for r in p.counts), key=lambda r: (len(r.jurisdiction), r.jurisdiction)))
    villages = sorted((v for p in parts for v in p.villages), key=lambda v: (len(v.jurisdiction), v.jurisdiction))
    return DutyView(counts, sorted(departments.values(), key=lambda x: x.department), inconsistent, _outliers(counts), villages)


def _tree_order(ref: DutyRef) -> tuple[int, str]:
    return len(ref.jurisdiction), ref.jurisdiction


def _dept(found: dict[str, DepartmentDuties], cat: Catalog, e: DutyEntry, name: str) -> DepartmentDuties:
    full = cat.full_department(e.doc, name)
    return found.setdefault(full, DepartmentDuties(full))


def _ref(cat: Catalog, e: DutyEntry) -> DutyRef:
    d = e.duty
    place = cat.places.get(e.jurisdiction)
    return DutyRef(e.jurisdiction, place.name if place else e.jurisdiction, e.code, d.name or "", d.lead_duty or "",
                   d.duty or "", d.how or "")


def _outliers(rows: list[DutyCounts]) -> list[Outlier]:
    """Townships whose count in a part is under half or over one and a half times the median of the townships
    of the same county (counties of three townships or more)."""
    by_parent: dict[str | None, list[DutyCounts]] = defaultdict(list)
    for r in rows:
        by_parent[r.parent].append(r)
    out = []
    for group in by_parent.values():
        if len(group) < 3:
            continue
        for part in PARTS:
            typical = round(statistics.median(r.of(part) for r in group))
            for r in group:
                if typical and not 0.5 * typical <= r.of(part) <= 1.5 * typical:
                    out.append(Outlier(r.jurisdiction, r.name, part, r.of(part), typical))
    return out
