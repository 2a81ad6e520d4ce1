"""The rows of a worksheet as SpreadsheetML text, exactly as xlsxwriter writes them in constant-memory mode (inline
strings, cell references, style indexes, row heights, the `_xHHHH_` escapes of control characters, strings cut
at 32,767 UTF-16 units, rows past Excel's last row left out), but from a template per cell kind instead of one
object per cell. `writer.write_book` streams this into the workbook xlsxwriter lays out around it.

A sheet holding anything else than text, numbers, booleans and blanks (a formula) is not written here: the writer
leaves it to xlsxwriter (`plain`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import Any

from xlsxwriter.utility import xl_col_to_name

from .model import Sheet

ROW_MAX = 1_048_576  # Excel's rows: xlsxwriter leaves out what is written below
TEXT_MAX = 32_767  # UTF-16 units of a cell's text: xlsxwriter cuts what is longer
CHUNK = 1 << 20  # characters of row text handed on at once

_SPECIAL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff&<>]|_x[0-9a-fA-F]{4}_")
_ESCAPED = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")
PLAIN_TYPES = frozenset((str, int, float, bool, type(None)))


def plain(sheet: Sheet) -> bool:
    """Whether every cell of `sheet` is text, a number, a boolean or blank (what this module writes)."""
    return set(map(type, chain.from_iterable(sheet.rows))) <= PLAIN_TYPES


def escape_text(text: str) -> str:
    """A cell's text as xlsxwriter writes it inside `<t>`: control characters as `_xHHHH_` (and a literal
    `_xHHHH_` with its underscore escaped), the two non-characters likewise, then & < > as entities."""
    if not _SPECIAL.search(text):
        return text
    text = _ESCAPED.sub(r"_x005F\1", text)
    text = _CONTROL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", text)
    text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cut(text: str) -> str:
    """`text` cut to what a cell holds (32,767 UTF-16 units), as xlsxwriter cuts it."""
    if len(text) <= TEXT_MAX // 2 or len(text.encode("utf-16-le")) // 2 <= TEXT_MAX:
        return text
    out, units = [], 0
    for ch in text:
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > TEXT_MAX:
            break
        out.append(ch)
    return "".join(out)


def text_tail(text: str) -> str:
    """What follows a text cell's reference and style: `t="inlineStr"><is><t>TEXT</t></is></c>`."""
    text = escape_text(cut(text))
    space = ' xml:space="preserve"' if text and (text[0].isspace() or text[-1].isspace()) else ""
    return f' t="inlineStr"><is><t{space}>{text}</t></is></c>'


def value_tail(value: Any) -> str | None:
    """What follows a cell's reference and style for a number or a boolean; None for a blank."""
    if value is None or value == "":
        return None
    if type(value) is bool:
        return f' t="b"><v>{int(value)}</v></c>'
    return f"><v>{value:.16G}</v></c>"


def height_attr(points: float | None) -> str:
    """The `<row>` attributes of a height in points, as xlsxwriter rounds it (to whole pixels)."""
    if points is None:
        return ""
    pixels = int(points * 4.0 / 3.0 + 0.5)
    return "" if pixels == 20 else f' ht="{pixels * 0.75:.16g}" customHeight="1"'


class RowText:
    """Row text of a workbook: a template per row shape (its cells' references and styles, the row number left
    to fill), each text escaped once (a province's township lists repeat their county's texts: the most recent
    KEPT texts are kept), each whole number written once."""

    KEPT = 200_000

    def __init__(self) -> None:
        self.tails: dict[str, str] = {"": "/>"}  # what follows `<c r=".." s=".."` for each text
        self.numbers: dict[int, str] = {}
        self.templates: dict[tuple[int, ...], str] = {}

    def _template(self, styles: tuple[int, ...]) -> str:
        """`<c r="A{0}" s="3"{1}<c r="B{0}" s="4"{2}...` for a row of these styles."""
        template = self.templates.get(styles)
        if template is None:
            cells = (f'<c r="{xl_col_to_name(c)}{{0}}" s="{s}"{{{c + 1}}}' for c, s in enumerate(styles))
            template = self.templates[styles] = "".join(cells) + "</row>"
        return template

    def row(self, r: int, height: str, cells: Sequence[Any], styles: tuple[int, ...]) -> str:
        """`<row>` with a cell per value (blanks too: they carry borders), `styles[c]` the style of cell c."""
        tails, numbers = self.tails, self.numbers
        out = []
        for value in cells:
            kind = type(value)
            if kind is str:
                tail = tails.get(value)
                if tail is None:
                    if len(tails) > self.KEPT:
                        tails.clear()
                        tails[""] = "/>"
                    tail = tails[value] = text_tail(value)
            elif kind is int:
                tail = numbers.get(value)
                if tail is None:
                    tail = numbers[value] = value_tail(value) or "/>"
            else:
                tail = value_tail(value) or "/>"
            out.append(tail)
        return f'<row r="{r + 1}"{height}>' + self._template(styles).format(r + 1, *out)


def sheet_rows(sheet: Sheet, xf: dict[str, int], heights: Sequence[float | None], text: RowText) -> Iterator[str]:
    """The `<row>` elements of `sheet`, in chunks of about CHUNK characters: each row as
    `writer._write_sheet` writes it through xlsxwriter (banners across every column, the header row in
    "header", single cells in their own style); `xf` numbers the styles,
    `heights` gives each row's height in points (None: one line); `text` makes the rows' text."""
    column = tuple(xf[c.style] for c in sheet.columns) or (0,)
    own: dict[int, dict[int, str]] = {}
    for (r, c), name in sheet.styles.items():
        own.setdefault(r, {})[c] = name
    chunk: list[str] = []
    size = 0
    for r, row in enumerate(sheet.rows[:ROW_MAX]):
        points = heights[r]
        if not row and r not in sheet.banners:  # (xlsxwriter keeps a row of no cells only as the first row)
            if r == 0 and points is not None:
                chunk.append(f'<row r="1"{height_attr(points)}/>')
            continue
        cells, styles = _shape(sheet, r, row, column, own.get(r), xf)
        line = text.row(r, height_attr(points), cells, styles)
        chunk.append(line)
        size += len(line)
        if size >= CHUNK:
            yield "".join(chunk)
            chunk, size = [], 0
    if chunk:
        yield "".join(chunk)


def _shape(sheet: Sheet, r: int, row: Sequence[Any], column: tuple[int, ...], own: dict[int, str] | None,
           xf: dict[str, int]) -> tuple[Sequence[Any], tuple[int, ...]]:
    """The cells of row `r` and the style of each: a banner's text and blanks across every column, the header
    row's cells in "header", a data row's in its column's style (the last column's past the last) or its own."""
    style = sheet.banners.get(r)
    if style is not None:
        width = max(len(sheet.columns), 1)
        return [row[0] if row else "", *[""] * (width - 1)], (xf[style],) * width
    if r == sheet.header_row:
        styles = (xf["header"],) * len(row)
    elif len(row) == len(column):
        styles = column
    else:
        styles = column[: len(row)] + (column[-1],) * (len(row) - len(column))
    if own:
        styles = tuple(xf[own[c]] if c in own else s for c, s in enumerate(styles))
    return row, styles


def extent(sheet: Sheet, heights: Sequence[float | None]) -> tuple[int, int, int] | None:
    """(first row, last row, last column) of the cells `sheet_rows` writes and the rows given a height: what
    xlsxwriter's `<dimension>` covers (with the columns it adds itself); None when there are none."""
    last_col = len(sheet.columns) - 1
    rows = sheet.rows[:ROW_MAX]
    used = [r for r, row in enumerate(rows) if row or r in sheet.banners or heights[r] is not None]
    if not used:
        return None
    widest = max((len(row) - 1 for r, row in enumerate(rows) if r not in sheet.banners), default=0)
    if sheet.banners:
        widest = max(widest, last_col)
    return used[0], used[-1], max(widest, 0)
