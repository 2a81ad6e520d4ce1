"""Duty counts per jurisdiction and part: a township's 基本 / 配合 / 收回, a village's 自治 / 协助 / 证明 / 负面 /
小微权力; the county average of the townships, the national reference."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog import Catalog
from ..model.codes import TOWNSHIP_PARTS, VILLAGE_PARTS

PARTS = TOWNSHIP_PARTS


@dataclass
class DutyCounts:
    """One jurisdiction's duty list: how many entries in each part of its level (guides are not counted; an
    entry in another level's part, DL505, is not counted either), and how many whose part is not known: their
    `source` names no guide entry (DL311) and they write no part. Those are counted where they are listed, in
    `unresolved` and the total, so every command counts a list's entries alike (`reconcile` counts them too)."""

    jurisdiction: str
    name: str
    parent: str | None
    basic: int = 0
    cooperate: int = 0
    recalled: int = 0
    autonomy: int = 0
    assist: int = 0
    certificate: int = 0
    negative: int = 0
    micro_power: int = 0
    village: bool = False
    unresolved: int = 0

    @property
    def parts(self) -> tuple[str, ...]:
        """The parts of this jurisdiction's level."""
        return VILLAGE_PARTS if self.village else TOWNSHIP_PARTS

    @property
    def total(self) -> int:
        return sum(self.of(p) for p in self.parts) + self.unresolved

    def of(self, part: str) -> int:
        return int(getattr(self, part))


#: the national averages per township (中央编办, 2025): 117 basic, 99 cooperating, 124 recalled; 340 in all
NATIONAL = DutyCounts("national", "全国平均", None, 117, 99, 124)


def duty_counts(cat: Catalog, only: str | None = None) -> list[DutyCounts]:
    """Counts per jurisdiction with a (non-guide) duty list, townships and villages alike, in code order
    (`only`: that jurisdiction, or its villages when it is a township)."""
    rows: dict[str, DutyCounts] = {}
    villages = cat.duties.villages
    for e in cat.duties.entries:
        if e.in_guide or (only is not None and only not in (e.jurisdiction, cat.parent_code(e.jurisdiction))):
            continue
        row = rows.get(e.jurisdiction)
        if row is None:
            place = cat.places.get(e.jurisdiction)
            row = rows[e.jurisdiction] = DutyCounts(e.jurisdiction, place.name if place else e.jurisdiction,
                                                    place.parent if place else None, village=e.jurisdiction in villages)
        part = e.part
        if part is None:
            row.unresolved += 1
        elif part in row.parts:
            setattr(row, part, row.of(part) + 1)
    return sorted(rows.values(), key=lambda r: (len(r.jurisdiction), r.jurisdiction))


def township_rows(rows: list[DutyCounts]) -> list[DutyCounts]:
    """The rows of townships (and any other jurisdiction that is not a village)."""
    return [r for r in rows if not r.village]


def village_rows(rows: list[DutyCounts]) -> list[DutyCounts]:
    """The rows of villages (and communities)."""
    return [r for r in rows if r.village]


def average(rows: list[DutyCounts], name: str = "平均") -> DutyCounts | None:
    """The average of the townships' rows, per part (rounded), or None without rows."""
    rows = township_rows(rows)
    if not rows:
        return None
    n = len(rows)
    basic, cooperate, recalled = (round(sum(r.of(p) for r in rows) / n) for p in PARTS)
    return DutyCounts("average", name, None, basic, cooperate, recalled, unresolved=round(sum(r.unresolved for r in rows) / n))
