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
    types = PLAIN_TYPES
    return all(type(v) in types for row in sheet.rows for v in row)


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
    """Row text of one sheet: cell references by column, a style index per cell, texts escaped once each."""

    def __init__(self, columns: int) -> None:
        self.names = [str(xl_col_to_name(c)) for c in range(max(columns, 1))]
        self.tails: dict[str, str] = {}

    def _name(self, c: int) -> str:
        while c >= len(self.names):
            self.names.append(str(xl_col_to_name(len(self.names))))
        return self.names[c]

    def row(self, r: int, height: str, cells: Sequence[Any], styles: Sequence[int]) -> str:
        """`<row>` with a cell per value (blanks too: they carry borders), `styles[c]` the style of column c."""
        n = str(r + 1)
        names = self.names if len(cells) <= len(self.names) else [self._name(c) for c in range(len(cells))]
        tails = self.tails
        out = [f'<row r="{n}"{height}>']
        for c, value in enumerate(cells):
            if type(value) is str:
                if not value:
                    out.append(f'<c r="{names[c]}{n}" s="{styles[c]}"/>')
                    continue
                tail = tails.get(value)
                if tail is None:
                    tail = tails[value] = text_tail(value)
            else:
                tail = value_tail(value)
                if tail is None:
                    out.append(f'<c r="{names[c]}{n}" s="{styles[c]}"/>')
                    continue
            out.append(f'<c r="{names[c]}{n}" s="{styles[c]}"{tail}')
        out.append("</row>")
        return "".join(out)


def sheet_rows(sheet: Sheet, xf: dict[str, int], heights: Sequence[float | None], end: int) -> Iterator[str]:
    """The `<row>` elements of the rows of `sheet` before `end` in chunks of about CHUNK characters: each row as `writer._write_sheet`
    writes it through xlsxwriter (banners across every column, the header row in "header", single cells in
    their own style); `xf` numbers the styles the rows use (`styles_in_order`), `heights` gives each row's
    height in points (None: one line)."""
    last_col = len(sheet.columns) - 1
    text = RowText(len(sheet.columns))
    column = [xf.get(c.style, -1) for c in sheet.columns] or [0]  # (-1: a style no cell uses)
    header = [xf.get("header", -1)] * max(len(sheet.columns), max((len(r) for r in sheet.rows[sheet.header_row:sheet.header_row + 1]), default=0))
    chunk: list[str] = []
    size = 0
    for r, row in enumerate(sheet.rows[:min(end, ROW_MAX)]):
        points = heights[r]
        attrs = height_attr(points)
        style = sheet.banners.get(r)
        if style is not None:
            cells: Sequence[Any] = [row[0] if row else "", *[""] * last_col] if last_col > 0 else [row[0] if row else ""]
            styles: Sequence[int] = [xf[style]] * len(cells)
        else:
            cells = row
            styles = header if r == sheet.header_row else column
            if len(row) > len(styles):
                styles = [*styles, *[styles[-1]] * (len(row) - len(styles))]
            if sheet.styles:
                own = [(c, s) for c in range(len(row)) if (s := sheet.styles.get((r, c))) is not None]
                if own:
                    styles = list(styles)
                    for c, s in own:
                        styles[c] = xf[s]
        if not cells:  # (xlsxwriter keeps a row of no cells only as the first row)
            if r == 0 and points is not None:
                chunk.append(f'<row r="1"{attrs}/>')
            continue
        line = text.row(r, attrs, cells, styles)
        chunk.append(line)
        size += len(line)
        if size >= CHUNK:
            yield "".join(chunk)
            chunk, size = [], 0
    if chunk:
        yield "".join(chunk)


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


def styles_in_order(sheet: Sheet, end: int) -> list[str]:
    """The styles the rows before `end` use, in the order xlsxwriter meets them writing cell by cell (it numbers styles
    as it first writes one): banners, the header row, each column's style at its first data cell, single cells."""
    first: dict[str, tuple[int, int]] = {}

    def seen(name: str, at: tuple[int, int]) -> None:
        if name not in first or at < first[name]:
            first[name] = at

    for r, style in sheet.banners.items():
        if r < end:
            seen(style, (r, 0))
    for (r, c), style in sheet.styles.items():
        if r < end and r not in sheet.banners and c < len(sheet.rows[r]):
            seen(style, (r, c))
    if 0 <= sheet.header_row < min(end, len(sheet.rows)) and sheet.header_row not in sheet.banners:
        for c in range(len(sheet.rows[sheet.header_row])):
            if (sheet.header_row, c) not in sheet.styles:
                seen("header", (sheet.header_row, c))
                break
    for c, column in enumerate(sheet.columns):
        for r, row in enumerate(sheet.rows[:min(end, ROW_MAX)]):
            if len(row) > c and r not in sheet.banners and r != sheet.header_row and (r, c) not in sheet.styles:
                seen(column.style, (r, c))
                break
    return sorted(first, key=lambda name: first[name])
