"""A workbook as data (sheets of header + rows), written with openpyxl's write-only mode.

Text cells that a spreadsheet would run as a formula (= + - @, tab, CR) are written as text, never as formulas;
document times are fixed so the same data gives the same bytes; the file is written atomically.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..atomic import atomic_path

FIXED_TIME = dt.datetime(2000, 1, 1)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Sheet:
    title: str
    header: list[str]
    rows: list[Sequence[Any]] = field(default_factory=list)
    widths: list[int] | None = None


def _title(name: str, used: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31] or "Sheet"
    out, n = clean, 2
    while out in used:
        out = f"{clean[:28]}~{n}"
        n += 1
    used.add(out)
    return out


def _cell(ws: Any, value: Any, font: Font | None = None, fill: PatternFill | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"  # text, never a formula
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    return cell


def write_book(sheets: list[Sheet], target: str | Path) -> None:
    """Write the sheets to `target` (.xlsx), atomically."""
    wb = Workbook(write_only=True)
    wb.properties.created = wb.properties.modified = FIXED_TIME
    bold, head = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    used: set[str] = set()
    for sheet in sheets:
        ws = wb.create_sheet(_title(sheet.title, used))
        widths = sheet.widths or [max(8, min(60, max([len(str(h)) * 2] + [len(str(r[i])) for r in sheet.rows[:200] if i < len(r)]))) for i, h in enumerate(sheet.header)]
        for i, w in enumerate(widths):
            ws.column_dimensions[get_column_letter(i + 1)].width = w
        ws.freeze_panes = "A2"
        if sheet.header:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.header))}{len(sheet.rows) + 1}"
        ws.append([_cell(ws, h, bold, head) for h in sheet.header])
        for row in sheet.rows:
            ws.append([_cell(ws, v) for v in row])
    with atomic_path(target) as tmp:
        wb.save(tmp)
