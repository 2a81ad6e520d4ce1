"""`stats`: item counts by jurisdiction x kind, by department and by delegation mode (data only)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .catalog import Catalog
from .catalog.holding import held_mode
from .dutyview.counts import DutyCounts, duty_counts
from .memory import paused_gc

#: the kind or department of an entry that neither writes it nor resolves a source that does
UNKNOWN = "?"


@dataclass
class ModeCount:
    """Items held in one mode: how many, from how many departments (known ones), of which kinds."""

    items: int = 0
    departments: set[str] = field(default_factory=set)
    kinds: Counter[str] = field(default_factory=Counter)


@dataclass
class JurisdictionStats:
    code: str
    name: str
    level: str
    total: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    departments: Counter[str] = field(default_factory=Counter)
    modes: dict[str, ModeCount] = field(default_factory=dict)
    delegated: Counter[str] = field(default_factory=Counter)  # items this jurisdiction hands down, by mode
    #: of `total`, the entries whose `source` names no item of the parent's lists (DL201: nothing to resolve
    #: them from), counted where they are listed, under their own kind and department or "?" when they write none
    unresolved: int = 0



@paused_gc()
def stats(cat: Catalog, jurisdiction: str | None = None) -> list[JurisdictionStats]:
    """Counts per jurisdiction (all of them, or the one named by code or name), in region-tree order."""
    rows: dict[str, JurisdictionStats] = {}
    wanted = None
    if jurisdiction is not None:
        place = cat.find_place(jurisdiction)
        if place is None:
            raise KeyError(jurisdiction)
        wanted = place.code
    for e in cat.entries:
        if wanted is not None and e.jurisdiction != wanted:
            continue
        row = rows.get(e.jurisdiction)
        if row is None:
            place = cat.places.get(e.jurisdiction)
            row = rows[e.jurisdiction] = JurisdictionStats(e.jurisdiction, place.name if place else "?", place.level if place else "?")
        kind, dept = e.field("kind") or UNKNOWN, cat.department_name(e) or UNKNOWN  # (read without merging the item)
        row.total += 1
        if e.source is None and e.raw.source is not None:
            row.unresolved += 1
        row.kinds[kind] += 1
        row.departments[dept] += 1
        held = held_mode(e)
        mc = row.modes.get(held)
        if mc is None:  # (not setdefault: a ModeCount and its Counter made for every item)
            mc = row.modes[held] = ModeCount()
        mc.items += 1
        if dept != UNKNOWN:
            mc.departments.add(dept)
        mc.kinds[kind] += 1
        if e.raw.delegation is not None:  # (never inherited)
            row.delegated[e.raw.delegation.mode] += 1
    return sorted(rows.values(), key=lambda r: (len(r.code), r.code))


@dataclass
class Counts:
    """What `dlists stats` shows: item counts per jurisdiction and duty counts per duty list."""

    rows: list[JurisdictionStats]
    duties: list[DutyCounts]
    unknown: bool = False  # the jurisdiction asked for is not in the catalog


def counts(jurisdiction: str | None, cat: Catalog, own: frozenset[str] | None = None) -> Counts:
    """Item and duty counts of the jurisdictions `own` names (all when None): one part of a large catalog
    (catalog/parts.py), whose results `merge_counts` joins."""
    try:
        rows = stats(cat, jurisdiction)
    except KeyError:
        return Counts([], [], unknown=True)
    only = cat.find_place(jurisdiction) if jurisdiction else None
    duties = duty_counts(cat, only.code if only is not None else None)
    if own is None:
        return Counts(rows, duties)
    return Counts([r for r in rows if r.code in own], [d for d in duties if d.jurisdiction in own])


def merge_counts(parts: list[Counts]) -> Counts:
    """The parts' counts as one, in the order `stats` and `duty_counts` give them."""
    rows = sorted((r for p in parts for r in p.rows), key=lambda r: (len(r.code), r.code))
    duties = sorted((d for p in parts for d in p.duties), key=lambda d: (len(d.jurisdiction), d.jurisdiction))
    return Counts(rows, duties, unknown=any(p.unknown for p in parts))
