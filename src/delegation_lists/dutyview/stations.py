"""A township's village service stations (村级便民服务站): the items handled at village level, by how the station
handles them: 直办 (a window extended to the village, `delegation.mode: extend`), 代办 (received and forwarded,
`assist`), 协办 (the villages' assist work on a power item, linked with `item:`, that is not handed to them)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..catalog import Catalog, Entry
from ..catalog.holding import inactive
from ..catalog.tree import lineage
from ..model.codes import STATION_MODE_OF


@dataclass
class StationService:
    """One item handled at the stations: how (direct | proxy | cooperate), the item, the villages whose station
    handles it (all the township's villages, or some)."""

    mode: str
    code: str
    name: str
    kind: str
    department: str
    villages: list[str] = field(default_factory=list)  # names, in the region's order
    everywhere: bool = False  # every village of the township


@dataclass
class StationList:
    """A township's village-station service list."""

    jurisdiction: str
    name: str
    villages: list[str]  # every village of the township (names)
    services: list[StationService]


def station_lists(cat: Catalog, only: set[str] | None = None) -> list[StationList]:
    """Every township (any jurisdiction with villages) that hands items to its villages or whose villages link
    assist work to power items; `only` by code."""
    out = []
    for code, place in sorted(cat.places.items(), key=lambda kv: (len(kv[0]), kv[0])):
        children = [c for c in place.children if c in cat.duties.villages]
        if not children or (only and code not in only):
            continue
        services = _handed(cat, code, children) + _cooperating(cat, code, children)
        if services:
            out.append(StationList(code, place.name, [cat.places[c].name for c in children], services))
    return out


def _handed(cat: Catalog, township: str, children: list[str]) -> list[StationService]:
    """The township's items delegated to its villages by extend (直办) or assist (代办)."""
    out = []
    for e in cat.delegating:
        deleg = e.raw.delegation
        if e.jurisdiction != township or deleg is None or deleg.mode not in STATION_MODE_OF or inactive(e, cat.as_of):
            continue
        targets = set(cat.targets(e)[0])
        out.append(_service(cat, e, STATION_MODE_OF[deleg.mode], [c for c in children if c in targets], children))
    return out


def _cooperating(cat: Catalog, township: str, children: list[str]) -> list[StationService]:
    """The power items the villages' assist work names (`item:`) that are not handed to those villages (协办)."""
    handed = {(e.code, c) for e in cat.delegating if e.jurisdiction == township for c in cat.targets(e)[0]}
    handed |= {(e.raw.source or "", c) for e in cat.delegating if e.jurisdiction == township for c in cat.targets(e)[0]}
    carriers: dict[str, set[str]] = defaultdict(set)
    for village in children:
        for d in cat.duties.of(village):
            item = d.get("item")
            if not d.in_guide and d.part == "assist" and item and (item, village) not in handed:
                carriers[item].add(village)
    out = []
    for item, villages in sorted(carriers.items()):
        found = _power_item(cat, township, item)
        if found is not None:
            out.append(_service(cat, found, "cooperate", [c for c in children if c in villages], children))
    return out


def _power_item(cat: Catalog, township: str, code: str) -> Entry | None:
    """The power item a code names, in the township's lists or the lists above it (nearest first)."""
    for place in lineage(cat.places, township):
        found = cat.index.get((place, code))
        if found:
            return found[0]
    return None


def _service(cat: Catalog, e: Entry, mode: str, villages: list[str], children: list[str]) -> StationService:
    return StationService(mode, e.code, e.item.name or "", e.item.kind or "", cat.department_name(e),
                          [cat.places[c].name for c in villages], set(villages) == set(children))
