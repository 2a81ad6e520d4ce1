"""Which columns a published list shows and how wide they may be: the columns of its kind of list, those no row
fills left out, the values every row shares stated once (above the table, or in each section's heading) instead
of in each row."""

from __future__ import annotations

from dataclasses import dataclass

from ..excel.labels import label
from .model import Col, PublishedTable


@dataclass(frozen=True)
class Spec:
    """How a column is laid out: its alignment, the fewest characters per line it is given (0: as wide as its
    widest value, never wrapped: codes and dates), its share of the room left once every column is as wide as
    its longest value."""

    align: str
    chars: int
    grow: float = 0.0


SPECS: dict[str, Spec] = {
    "seq": Spec("center", 2), "code": Spec("center", 0), "main_item": Spec("left", 6, 1), "name": Spec("left", 8, 3),
    "department": Spec("center", 5, 1), "legal_basis": Spec("left", 10, 4), "statutory_days": Spec("center", 5),
    "promised_days": Spec("center", 5), "violation": Spec("left", 8, 3), "penalty_types": Spec("left", 5, 1),
    "mode_parent": Spec("center", 4), "mode": Spec("center", 4), "targets": Spec("left", 6, 2), "basis": Spec("left", 8, 2),
    "since": Spec("center", 0), "scope": Spec("left", 6, 1), "status": Spec("center", 2), "notes": Spec("left", 6, 1),
}

#: the columns of each kind of list, in order: a parent's (where each item goes), a child's (how it takes each
#: item on), a child's that hands items on again (a township to its villages' service stations: both), a
#: township's own items (no 承接方式)
KEYS: dict[str, tuple[str, ...]] = {
    "parent": ("seq", "code", "main_item", "name", "department", "legal_basis", "statutory_days", "promised_days",
               "violation", "penalty_types", "mode_parent", "targets", "basis", "since", "scope", "status", "notes"),
    "child": ("seq", "code", "main_item", "name", "department", "legal_basis", "statutory_days", "promised_days",
              "violation", "penalty_types", "mode", "scope", "status", "notes"),
    "relay": ("seq", "code", "main_item", "name", "department", "legal_basis", "statutory_days", "promised_days",
              "violation", "penalty_types", "mode", "mode_parent", "targets", "basis", "since", "scope", "status", "notes"),
    "own": ("seq", "code", "main_item", "name", "department", "legal_basis", "statutory_days", "promised_days",
            "violation", "penalty_types", "status", "notes"),
}
ALWAYS = ("seq", "name")
#: columns whose value, when every row (or every row of each section) has the same one, is stated once
STATED = ("basis", "since")
#: the columns hidden first when a list does not fit A3 landscape at 9 pt (the least a reader misses)
SPARE = ("since", "code", "scope", "main_item", "penalty_types", "status", "basis", "statutory_days", "violation", "notes")


def columns(role: str, rows: list[list[str | int]], lang: str) -> tuple[list[Col], list[int]]:
    """The columns of a list of `role` whose cells (all of its columns, in `KEYS[role]` order) are `rows`: those
    some row fills, with the positions of their cells."""
    keys = KEYS[role]
    kept = [i for i, k in enumerate(keys) if k in ALWAYS or any(r[i] not in ("", None) for r in rows)]
    return [Col(keys[i], label(keys[i], lang), SPECS[keys[i]].align) for i in kept], kept


def state_shared(table: PublishedTable, lang: str) -> None:
    """Values of `STATED` columns that every row shares are stated once, and their column hidden: above the table
    when the whole list shares one, in each section's heading when each section shares one."""
    if table.count < 2:
        return
    for key in STATED:
        at = table.column(key)
        if at is None:
            continue
        per_section = [{row.cells[at] for row in s.rows} for s in table.sections]
        if any(len(values) != 1 or "" in values for values in per_section):
            continue
        values = [next(iter(v)) for v in per_section]
        table.columns[at].hidden = True
        stated = f"{table.columns[at].label}{label('colon', lang)}"
        if len(set(values)) == 1:
            table.lines.append(f"{stated}{values[0]}")
        else:
            for section, value in zip(table.sections, values, strict=True):
                section.stated.append(f"{stated}{value}")
