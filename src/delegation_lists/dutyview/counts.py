"""Duty counts per jurisdiction and part (基本 / 配合 / 收回), the county average, the national reference."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog import Catalog

PARTS = ("basic", "cooperate", "recalled")


@dataclass
class DutyCounts:
    """One jurisdiction's duty list: how many entries in each part (guides are not counted)."""

    jurisdiction: str
    name: str
    parent: str | None
    basic: int = 0
    cooperate: int = 0
    recalled: int = 0

    @property
    def total(self) -> int:
        return self.basic + self.cooperate + self.recalled

    def of(self, part: str) -> int:
        return int(getattr(self, part))


#: the national averages per township (中央编办, 2025): 117 basic, 99 cooperating, 124 recalled; 340 in all
NATIONAL = DutyCounts("national", "全国平均", None, 117, 99, 124)


def duty_counts(cat: Catalog, only: str | None = None) -> list[DutyCounts]:
    """Counts per jurisdiction with a (non-guide) duty list, in code order (`only`: that jurisdiction)."""
    rows: dict[str, DutyCounts] = {}
    for e in cat.duties.entries:
        if e.in_guide or (only is not None and e.jurisdiction != only):
            continue
        row = rows.get(e.jurisdiction)
        if row is None:
            place = cat.places.get(e.jurisdiction)
            row = rows[e.jurisdiction] = DutyCounts(e.jurisdiction, place.name if place else e.jurisdiction,
                                                    place.parent if place else None)
        part = e.part
        if part in PARTS:
            setattr(row, part, row.of(part) + 1)
    return sorted(rows.values(), key=lambda r: (len(r.jurisdiction), r.jurisdiction))


def average(rows: list[DutyCounts], name: str = "平均") -> DutyCounts | None:
    """The average of the rows, per part (rounded), or None without rows."""
    if not rows:
        return None
    n = len(rows)
    return DutyCounts("average", name, None, *(round(sum(r.of(p) for r in rows) / n) for p in PARTS))
