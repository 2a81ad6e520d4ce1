"""A sheet's rows as a reader gives them -> a Table's rows: cut to the sheet's extent (extent.py), empty rows
left out (their numbers kept), merged ranges filled from their top-left cell. Every spreadsheet reader goes
through here, so calamine and openpyxl give the same rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from .extent import Extent

Row = tuple[int, list[Any]]


def _value(value: Any) -> Any:
    """An empty string is an empty cell; a date-time at midnight (a date cell, as openpyxl reads it) a date."""
    if value == "":
        return None
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    return value


def sheet_rows(rows: Iterable[tuple[int, Sequence[Any]]], extent: Extent) -> list[Row]:
    """`rows` (row number, cells from column A) -> the table's rows, every one as wide as the extent."""
    width = extent.columns
    grid: dict[int, list[Any]] = {}
    for number, row in rows:
        if number > extent.rows:
            break
        cells = [_value(v) for v in row[:width]]
        if any(c is not None for c in cells):
            grid[number] = cells + [None] * (width - len(cells))
    _fill(grid, extent, width)
    return sorted(grid.items())


def _fill(grid: dict[int, list[Any]], extent: Extent, width: int) -> None:
    """Every cell of a merged range gets the range's top-left value (a row only the merge fills is added).
    The merges are those `Extent.finish` kept: inside the extent, their area bounded."""
    for r0, c0, r1, c1 in extent.merges:
        top = grid.get(r0)
        value = top[c0 - 1] if top is not None else None
        for r in range(r0, r1 + 1):
            row = grid.get(r)
            if row is None:
                if value is None:
                    continue
                row = grid[r] = [None] * width
            row[c0 - 1:c1] = [value] * (c1 - c0 + 1)
