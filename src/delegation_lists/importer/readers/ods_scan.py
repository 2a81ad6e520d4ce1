"""The extent of each table of an OpenDocument spreadsheet (content.xml), read before calamine loads it: a cell
repeated with `table:number-columns-repeated` in a row repeated with `table:number-rows-repeated` is one short
element in the file and millions of cells in a reader. Values (a cell with `office:value-type` or a paragraph)
count with their repeats; the empty rows and cells Calc writes to the sheet's end do not. Merged cells
(`number-columns-spanned`/`number-rows-spanned`) are the table's merges."""

from __future__ import annotations

from .extent import Extent

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
MAX_REPEAT = 1 << 24


def _number(attributes: list[str], name: str) -> int:
    """A count attribute (1 when absent or unreadable, at most MAX_REPEAT)."""
    for i in range(0, len(attributes), 2):
        if attributes[i] == name:
            value = attributes[i + 1]
            return min(int(value), MAX_REPEAT) if value.isdigit() and int(value) > 0 else 1
    return 1


def _text(attributes: list[str], name: str) -> str | None:
    for i in range(0, len(attributes), 2):
        if attributes[i] == name:
            return attributes[i + 1]
    return None


class OdsScan:
    """A parser target over content.xml (start and end as expat's own handlers): one Extent per table."""

    def __init__(self) -> None:
        self.extents: list[Extent] = []
        self.depth = 0  # tables nested in a cell (a sub-table) are not sheets
        self.row = 0  # the current row's first number (1-based)
        self.repeat = 1  # how many times the current row is repeated
        self.column = 0  # columns used so far in the row
        self.last = 0  # the last column of the row holding a value
        self.cell: tuple[int, int] | None = None  # an open cell (first column, repeat) not yet known to hold a value

    def start(self, tag: str, attributes: list[str]) -> None:
        if tag == TABLE + "table":
            self.depth += 1
            if self.depth == 1:
                self.extents.append(Extent(_text(attributes, TABLE + "name") or f"Sheet{len(self.extents) + 1}"))
                self.row, self.repeat = 0, 1
        elif self.depth != 1:
            return
        elif tag == TABLE + "table-row":
            self.row += self.repeat if self.row else 1
            self.repeat = _number(attributes, TABLE + "number-rows-repeated")
            self.column = self.last = 0
        elif tag in (TABLE + "table-cell", TABLE + "covered-table-cell"):
            repeat = _number(attributes, TABLE + "number-columns-repeated")
            first = self.column + 1
            self.column += repeat
            self.cell = (first, repeat)
            if _text(attributes, OFFICE + "value-type") is not None:
                self._value()
            rows, columns = _number(attributes, TABLE + "number-rows-spanned"), _number(attributes, TABLE + "number-columns-spanned")
            if rows > 1 or columns > 1:
                self.extents[-1].merge((self.row, first), (self.row + rows - 1, first + columns - 1))
        elif tag == TEXT + "p" and self.cell is not None:
            self._value()

    def _value(self) -> None:
        assert self.cell is not None
        first, repeat = self.cell
        self.last = first + repeat - 1
        extent = self.extents[-1]
        extent.value_at(self.row + self.repeat - 1, self.last)
        extent.values += repeat * self.repeat - 1
        self.cell = None

    def end(self, tag: str) -> None:
        if tag == TABLE + "table":
            self.depth -= 1
        elif tag in (TABLE + "table-cell", TABLE + "covered-table-cell"):
            self.cell = None

    def close(self) -> list[Extent]:
        return [e.finish() for e in self.extents]
