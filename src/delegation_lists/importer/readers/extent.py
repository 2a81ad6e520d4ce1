"""How big a sheet really is, read from its XML before any reader loads it: the last row and column that hold a
value (not the `<dimension>` the file claims, not cells that only carry a style) and its merged ranges.

A reader (calamine, openpyxl) holds a sheet as a dense grid from A1 to its last cell, so one value at XFD1048576
in a 5 KB file is 17 billion cells. A list has a few dozen columns; a sheet whose values reach past column 200,
or whose extent (rows x columns up to its last value) exceeds 10,000,000 cells, is refused with the place of
the farthest value. Merged ranges are kept clipped to that extent: a merge A3:XFD1048576 over a short list
covers the list's rows and columns only."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..said import msg
from .table import ReadError

MAX_COLUMNS = 200
MAX_CELLS = 10_000_000
MAX_ROWS = 1_048_576  # Excel's and Calc's own limit
MAX_MERGES = 1_000_000
#: a sheet is sparse when its extent is over a million cells and over 20 cells per value: calamine would hold it
#: dense (about 64 bytes a cell), so .xlsx is streamed by openpyxl instead and .xls is refused
DENSE_FLOOR = 1_000_000
DENSE_RATIO = 20
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})$")


class TooBig(ReadError):
    """A sheet over the documented limits."""


def column_number(letters: str) -> int:
    """'A' -> 1, 'XFD' -> 16384."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def column_letters(n: int) -> str:
    """1 -> 'A', 16384 -> 'XFD'."""
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def cell_ref(ref: str) -> tuple[int, int] | None:
    """'B12' -> (12, 2), 1-based; None for anything else."""
    match = _REF.match(ref.strip())
    return (int(match[2]), column_number(match[1])) if match else None


@dataclass
class Extent:
    """A sheet's values: how far they reach (1-based, 0 when none), how many cells hold one, its merges
    (first row, first col, last row, last col; 1-based, inclusive; clipped to the extent by `finish`)."""

    sheet: str
    rows: int = 0
    columns: int = 0
    values: int = 0
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)

    def value_at(self, row: int, column: int) -> None:
        """Count a value at (row, column) and refuse the sheet as soon as it goes past a limit."""
        self.values += 1
        if row > self.rows:
            self.rows = row
        if column > self.columns:
            self.columns = column
        if column > MAX_COLUMNS or row > MAX_ROWS:
            raise TooBig(msg("import.sheet.far_value", sheet=self.sheet, cell=f"{column_letters(column)}{row}",
                             columns=MAX_COLUMNS, rows=f"{MAX_ROWS:,}"))
        if self.rows * self.columns > MAX_CELLS:
            raise TooBig(msg("import.sheet.too_many_cells", sheet=self.sheet, cell=f"{column_letters(self.columns)}{self.rows}",
                             rows=f"{self.rows:,}", columns=self.columns, limit=f"{MAX_CELLS:,}"))

    def sparse(self) -> bool:
        """More than a million cells to its last value, and more than 20 of them per value."""
        cells = self.rows * self.columns
        return cells > DENSE_FLOOR and cells > DENSE_RATIO * self.values

    def corner(self) -> str:
        """Its last row and column as a cell reference ('GR50000')."""
        return f"{column_letters(self.columns)}{self.rows}"

    def merge(self, first: tuple[int, int], last: tuple[int, int]) -> None:
        if len(self.merges) >= MAX_MERGES:
            raise TooBig(msg("import.sheet.many_merges", sheet=self.sheet, limit=f"{MAX_MERGES:,}"))
        r0, c0 = min(first[0], last[0]), min(first[1], last[1])
        r1, c1 = max(first[0], last[0]), max(first[1], last[1])
        if (r1 > r0 or c1 > c0) and r0 <= MAX_ROWS and c0 <= MAX_COLUMNS:
            self.merges.append((r0, c0, r1, c1))

    def finish(self) -> Extent:
        """Once every value and merge is seen: the merges that start inside the extent, cut to it; refused when
        they overlap over more cells than a sheet may have (merges of one sheet never overlap in Excel)."""
        self.merges = [(r0, c0, min(r1, self.rows), min(c1, self.columns)) for r0, c0, r1, c1 in self.merges
                       if r0 <= self.rows and c0 <= self.columns]
        if sum((r1 - r0 + 1) * (c1 - c0 + 1) for r0, c0, r1, c1 in self.merges) > MAX_CELLS:
            raise TooBig(msg("import.sheet.merges_overlap", sheet=self.sheet, limit=f"{MAX_CELLS:,}"))
        return self


def _attribute(attributes: list[str], name: str) -> str:
    """An attribute of expat's flat list ('' when absent)."""
    for i in range(0, len(attributes), 2):
        if attributes[i] == name:
            return attributes[i + 1]
    return ""


def refuse_sparse(extents: Iterable[Extent]) -> None:
    """For a reader that holds every sheet dense (calamine on .xls and .ods): refuse a sparse one."""
    for e in extents:
        if e.sparse():
            raise TooBig(msg("import.sheet.sparse", sheet=e.sheet, cell=e.corner(), values=f"{e.values:,}",
                             cells=f"{e.rows * e.columns:,}"))


class XlsxScan:
    """A parser target over a worksheet part (`<row r>`, `<c r>` with a `<v>` or `<is>` child, `<mergeCell
    ref>`); rows and cells without `r` follow the one before, as Excel reads them. Its `start` is set as expat's
    own start handler (`xmlsafe.scan`): a worksheet has millions of elements, so the tag is looked up whole."""

    def __init__(self, sheet: str) -> None:
        self.extent = Extent(sheet)
        self.row = 0
        self.column = 0
        self.cell: str | None = None  # the open cell's reference ('' without one), until a value is seen in it
        self.kinds: dict[str, str] = {}  # tag with its namespace -> its local name

    def start(self, tag: str, attributes: list[str]) -> None:
        """expat's start handler (namespaces as 'uri}name', attributes as a flat [name, value, ...] list)."""
        name = self.kinds.get(tag)
        if name is None:
            name = self.kinds[tag] = tag[tag.rfind("}") + 1:]
        if name == "c":
            self.cell = attributes[1] if attributes and attributes[0] == "r" else _attribute(attributes, "r")
            self.column += 1
        elif (name == "v" or name == "is") and self.cell is not None:
            self._value(self.cell)
            self.cell = None
        elif name == "row":
            r = attributes[1] if attributes and attributes[0] == "r" else _attribute(attributes, "r")
            self.row = int(r) if r.isdigit() else self.row + 1
            self.column = 0
            if self.row > MAX_ROWS:
                raise TooBig(msg("import.sheet.far_row", sheet=self.extent.sheet, row=f"{self.row:,}", limit=f"{MAX_ROWS:,}"))
        elif name == "mergeCell":
            ends = [cell_ref(p) for p in _attribute(attributes, "ref").split(":")]
            if len(ends) == 2 and ends[0] is not None and ends[1] is not None:
                self.extent.merge(ends[0], ends[1])

    def _value(self, ref: str) -> None:
        found = cell_ref(ref) if ref else None
        if found is None:
            found = (self.row, self.column)
        else:
            self.column = found[1]
        self.extent.value_at(found[0], found[1])

    def close(self) -> Extent:
        return self.extent.finish()
