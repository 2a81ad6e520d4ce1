"""A workbook as data: sheets of rows with named styles, merged banner rows, validations and print settings.

The library builds these (export templates, reconcile and diff workbooks); `writer.write_book` turns one into an
.xlsx file. Nothing here knows about a particular Excel library.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


def sheet_title(name: str, used: set[str], limit: int = 31) -> str:
    """Excel sheet names: at most 31 characters (`limit`: fewer, for a name to be followed by more), none of
    []:*?/\\, unique (case-insensitively)."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'")[:limit] or "Sheet"
    out, n = clean, 2
    while out.lower() in used:
        out = f"{clean[:limit - 3]}~{n}"
        n += 1
    used.add(out.lower())
    return out


@dataclass(frozen=True)
class Formula:
    """A cell holding a formula (with the value it evaluates to, for readers that do not recalculate)."""

    text: str
    value: Any = 0


@dataclass
class Column:
    header: str
    width: float = 12
    style: str = "cell"  # style of the data cells: cell | center | wrap | percent
    hidden: bool = False  # kept in the file (its values read back by `dlists import`), not shown or printed


@dataclass
class Print:
    """Page setup: A4 landscape, fit to one page wide, repeated title rows, page footer."""

    landscape: bool = True
    fit_width: bool = True
    repeat_rows: tuple[int, int] | None = None  # first and last row (0-based) repeated on every page
    footer: str = ""
    paper: int = 9  # Excel's paper code: 9 A4, 8 A3
    breaks: list[int] = field(default_factory=list)  # rows (0-based) a new page starts at
    first_page: int | None = None  # the number of the sheet's first page (1: each sheet numbers its own pages)
    margins: tuple[float, float, float, float] | None = None  # left, right, top, bottom (inches)
    header_footer: tuple[float, float] | None = None  # distances of the header and footer from the edge (inches)
    center: bool = False  # centred between the left and right margins


@dataclass
class Sheet:
    """One worksheet. `rows` are data rows; `banners` are rows (by index in `rows`) merged across all columns
    and drawn in a named style (a title or a section row); `styles` override single cells by (row, column)."""

    title: str
    columns: list[Column]
    rows: list[Sequence[Any]] = field(default_factory=list)
    header_row: int = 0  # index in `rows` of the header; frozen, filtered and styled "header"
    banners: dict[int, str] = field(default_factory=dict)  # row index -> style (title | section)
    styles: dict[tuple[int, int], str] = field(default_factory=dict)
    validations: list[tuple[int, list[str]]] = field(default_factory=list)  # (column, allowed values), data rows
    highlights: list[tuple[int, str, str]] = field(default_factory=list)  # (column, cell value, style) fills
    autofilter: bool = True
    print: Print = field(default_factory=Print)
    heights: dict[int, float] = field(default_factory=dict)
    data_bars: list[int] = field(default_factory=list)  # columns (of fractions 0..1) drawn as a bar in each data cell
    #: row index -> (file, position in it) of the item the row shows, for the layout sheet of a catalog export
    origins: dict[int, tuple[str, int]] = field(default_factory=dict)
    hidden: bool = False  # very hidden: not listed in the spreadsheet's "unhide" (the layout sheet)
    #: ranges (first row, first column, last row, last column) merged, their value in the first cell of `rows`
    #: (the others blank): equal departments of neighbouring rows, the 合计 row's count
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    data_end: int | None = None  # the last data row (validations and highlights stop there), else the last row

    def add_banner(self, text: str, style: str) -> None:
        self.banners[len(self.rows)] = style
        self.rows.append([text])

    def add_header(self) -> None:
        self.header_row = len(self.rows)
        self.rows.append([c.header for c in self.columns])


@dataclass
class Chart:
    """A bar chart on a sheet of its own: one bar per data row of `sheet` from `first` to `last` (indexes in its
    rows), labelled by column `labels`, long as column `values` (fractions 0..1 shown as percentages, unless
    `counts`: numbers from 0)."""

    title: str
    sheet: Sheet
    labels: int
    values: int
    first: int
    last: int
    counts: bool = False


@dataclass
class Book:
    sheets: list[Sheet]
    properties: dict[str, str] = field(default_factory=dict)  # custom document properties (machine-readable)
    charts: list[Chart] = field(default_factory=list)  # chart sheets, after the worksheets
    notes: list[str] = field(default_factory=list)  # what the user is told about it (columns hidden for want of room)
    #: sheet index -> its worksheet part written already, deflated (data, CRC-32, size): made in the worker
    #: process that made the sheet (excel/published_parts.py); the writer lays the sheet out but writes this
    packed: dict[int, tuple[bytes, int, int]] = field(default_factory=dict)
