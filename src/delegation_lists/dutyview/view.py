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


@dataclass(frozen=True)
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


def duty_view(cat: Catalog) -> DutyView:
    """The department view of every (non-guide) duty list of the catalog."""
    departments: dict[str, DepartmentDuties] = {}
    for e in cat.duties.entries:
        if e.in_guide:
            continue
        d = e.duty
        if d.part == "cooperate" and d.lead:
            _dept(departments, cat, e, d.lead).leads.append(_ref(cat, e))
        elif d.part == "recalled" and d.taken_by:
            _dept(departments, cat, e, d.taken_by).took_back.append(_ref(cat, e))
    counts = township_rows(duty_counts(cat))
    return DutyView(counts, sorted(departments.values(), key=lambda x: x.department), _inconsistent(cat), _outliers(counts),
                    village_view(cat))


def _dept(found: dict[str, DepartmentDuties], cat: Catalog, e: DutyEntry, name: str) -> DepartmentDuties:
    full = cat.full_department(e.doc, name)
    return found.setdefault(full, DepartmentDuties(full))


def _ref(cat: Catalog, e: DutyEntry) -> DutyRef:
    d = e.duty
    place = cat.places.get(e.jurisdiction)
    return DutyRef(e.jurisdiction, place.name if place else e.jurisdiction, e.code, d.name or "", d.lead_duty or "",
                   d.duty or "", d.how or "")


def _inconsistent(cat: Catalog) -> list[Inconsistent]:
    """Guide duties that the townships taking them place in more than one part."""
    placed: dict[str, dict[str, str]] = defaultdict(dict)
    guides: dict[str, DutyEntry] = {}
    for e in cat.duties.entries:
        part = e.part
        if e.source is not None and e.source.in_guide and part:
            placed[e.source.code][e.jurisdiction] = part
            guides[e.source.code] = e.source
    return [Inconsistent(code, guides[code].duty.name or "", dict(sorted(parts.items())))
            for code, parts in sorted(placed.items()) if len(set(parts.values())) > 1]


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
