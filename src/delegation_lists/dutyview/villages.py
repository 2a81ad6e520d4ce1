"""A township's view of its villages' lists: each village's counts per part, and which villages carry which
assist work (协助政府工作事项), taken from the guide or admitted (准入) when and by which document."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from ..catalog import Catalog
from ..catalog.duties import DutyEntry
from ..model.similarity import normalise
from .counts import DutyCounts, duty_counts, village_rows


@dataclass(frozen=True)
class Carrier:
    """One village carrying one assist work: its entry, and its admission when the work is not from the guide."""

    jurisdiction: str
    village: str
    code: str
    basis: str = ""  # 准入文号 ("" when taken from the guide, or not admitted)
    date: dt.date | None = None
    applicant: str = ""

    @property
    def admitted(self) -> bool:
        return bool(self.basis)


@dataclass
class AssistWork:
    """One assist work and the villages carrying it: a guide entry (`guide` its code) or the villages' own work of
    one name (admitted, or not: DL501)."""

    name: str
    guide: str | None
    lead: str
    carriers: list[Carrier] = field(default_factory=list)


@dataclass(frozen=True)
class Village:
    """A village by code and name."""

    jurisdiction: str
    name: str


@dataclass
class TownshipVillages:
    """One township: its villages' counts, the villages without a list, the assist work they carry."""

    jurisdiction: str
    name: str
    villages: list[DutyCounts]
    unlisted: list[Village]  # its villages with no list
    assist: list[AssistWork]


def village_view(cat: Catalog) -> list[TownshipVillages]:
    """Every township (any jurisdiction) with villages that have lists, in code order."""
    counts = village_rows(duty_counts(cat))
    by_parent: dict[str, list[DutyCounts]] = defaultdict(list)
    for r in counts:
        by_parent[r.parent or ""].append(r)
    work: dict[str, dict[str, AssistWork]] = defaultdict(dict)
    for e in cat.duties.entries:
        if e.jurisdiction in cat.duties.villages and not e.in_guide and e.part == "assist":
            _carry(cat, work[cat.parent_code(e.jurisdiction) or ""], e)
    out = []
    for parent in sorted(by_parent, key=lambda c: (len(c), c)):
        place = cat.places.get(parent)
        listed = {r.jurisdiction for r in by_parent[parent]}
        unlisted = [Village(c, cat.places[c].name) for c in (place.children if place else []) if c not in listed]
        works = sorted(work[parent].values(), key=lambda w: (w.guide is None, w.guide or "", w.name))
        for w in works:
            w.carriers.sort(key=lambda c: (len(c.jurisdiction), c.jurisdiction))
        out.append(TownshipVillages(parent, place.name if place else parent, by_parent[parent], unlisted, works))
    return out


def _carry(cat: Catalog, works: dict[str, AssistWork], e: DutyEntry) -> None:
    """Add a village's assist entry to the work it is (its guide entry, or its name)."""
    src = e.source if e.source is not None and e.source.in_guide else None
    name = e.get("name") or ""
    key = f"guide:{src.code}" if src is not None else f"own:{normalise(name)}"
    lead = e.get("lead") or ""
    found = works.get(key)
    if found is None:
        found = works[key] = AssistWork(src.duty.name or "" if src else name, src.code if src else None,
                                        cat.full_department(e.doc, lead) if lead else "")
    adm = e.raw.admitted
    place = cat.places.get(e.jurisdiction)
    applicant = cat.full_department(e.doc, adm.applicant) if adm and adm.applicant else ""
    found.carriers.append(Carrier(e.jurisdiction, place.name if place else e.jurisdiction, e.code,
                                  (adm.basis or "") if adm else "", adm.date if adm else None, applicant))
