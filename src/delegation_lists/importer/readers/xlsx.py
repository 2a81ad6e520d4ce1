""".xlsx (and zip-based WPS .et) with openpyxl: every sheet, merged cells filled from their top-left cell, and a
dlists export's document properties (which sheet is which jurisdiction) and layout sheet (which file each row
comes from: a table of kind "layout")."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from .table import ReadError, Table
from .zipped import check_zip

LAYOUT = "_dlists"  # the very hidden sheet of a dlists export: which file each row comes from (excel/layout.py)


def fill_merged(grid: list[list[Any]], ranges: list[tuple[int, int, int, int]]) -> None:
    """Every cell of a merged range (first row, first col, last row, last col; 0-based, inclusive) gets the
    range's top-left value."""
    for r0, c0, r1, c1 in ranges:
        if r0 >= len(grid) or c0 >= len(grid[r0]):
            continue
        value = grid[r0][c0]
        for r in range(r0, min(r1 + 1, len(grid))):
            row = grid[r]
            for c in range(c0, min(c1 + 1, len(row))):
                row[c] = value


def read_xlsx(path: Path) -> list[Table]:
    """The sheets of an .xlsx workbook."""
    from openpyxl import load_workbook

    check_zip(path, ".xlsx workbook")
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with path.open("rb") as fh:  # a file object: openpyxl judges a path by its extension, we by content
            wb = load_workbook(fh, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, OSError) as exc:
        raise ReadError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    props = {p.name: getattr(p, "value", None) for p in wb.custom_doc_props.props} if wb.custom_doc_props else {}
    tables = []
    for ws in wb.worksheets:
        grid = [list(r) for r in ws.iter_rows(values_only=True)]
        fill_merged(grid, [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges])
        code = props.get(f"dlists:{ws.title}")
        name = props.get(f"dlists-name:{code}") if code else None
        layout = ws.sheet_state == "veryHidden" and ws.title == LAYOUT and bool(props)
        tables.append(Table(ws.title, list(enumerate(grid, start=1)), jurisdiction=str(code) if code else None,
                            jurisdiction_name=str(name) if name else None, kind="layout" if layout else "sheet"))
    return tables
