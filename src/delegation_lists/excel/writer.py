"""Write a `Book` to .xlsx: xlsxwriter lays the workbook out (styles, columns, panes, merges, validations, page
setup, properties, the very hidden layout sheet) and the rows of each sheet are streamed into it as text
(sheet_xml.py, package.py), the same rows xlsxwriter writes cell by cell in constant-memory mode, five times
faster; `cells="xlsxwriter"` writes every cell through xlsxwriter (the reference the tests compare with). A
sheet with formulas is written cell by cell either way.

Text is always written as text: a value starting with = + - @, a tab or CR never becomes a formula (CSV/Excel
injection); only `Formula` cells are formulas. Document times are fixed, so the same book gives the same bytes.
The file is written beside the target and renamed over it only on success.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import quote_sheetname, xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from ..atomic import atomic_path, scratch_folder
from ..memory import paused_gc
from ..publish.measure import Measure
from .frame import FrameWorksheet, TextWorksheet, Workbook
from .model import Book, Chart, Formula, Sheet, sheet_title
from .package import assemble, close_unfinished_zip, deflated
from .sheet_xml import ROW_MAX, RowText, extent, plain, sheet_rows

FIXED_TIME = dt.datetime(2000, 1, 1)
FONT = "SimSun"  # 宋体: what published lists use; LibreOffice substitutes a CJK font where it is missing
#: the workbook's default font, whose digit width is Excel's unit of column width: Arial 10 is 7 px wide in Excel
#: and has a metric twin (Liberation Sans) wherever LibreOffice is installed, so columns print alike (measure.py)
DEFAULT_FONT = {"font_name": "Arial", "font_size": 10}
STYLES: dict[str, dict[str, Any]] = {
    "cell": {"valign": "vcenter", "text_wrap": True, "border": 1},
    "center": {"valign": "vcenter", "align": "center", "text_wrap": True, "border": 1},
    "wrap": {"valign": "top", "text_wrap": True, "border": 1},
    "header": {"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "border": 1, "bg_color": "#D9E1F2"},
    "title": {"bold": True, "font_size": 16, "align": "center", "valign": "vcenter", "text_wrap": True},
    "section": {"bold": True, "align": "left", "valign": "vcenter", "text_wrap": True, "border": 1, "bg_color": "#F2F2F2"},
    "attachment": {"bold": True, "font_size": 14, "align": "left", "valign": "vcenter"},
    "line": {"align": "left", "valign": "vcenter", "text_wrap": True},
    "line_right": {"align": "right", "valign": "vcenter", "text_wrap": True},
    "total": {"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "border": 1},
    "note": {"align": "left", "valign": "top", "text_wrap": True},
    "old": {"valign": "top", "text_wrap": True, "border": 1, "bg_color": "#FFC7CE", "font_color": "#9C0006"},
    "new": {"valign": "top", "text_wrap": True, "border": 1, "bg_color": "#C6EFCE", "font_color": "#006100"},
    "good": {"bg_color": "#C6EFCE", "font_color": "#006100"},
    "bad": {"bg_color": "#FFC7CE", "font_color": "#9C0006"},
    "neutral": {"bg_color": "#FFEB9C", "font_color": "#9C5700"},
    "percent": {"valign": "vcenter", "align": "center", "border": 1, "num_format": "0%"},
}


def _write_cell(ws: Worksheet, r: int, c: int, value: Any, fmt: Any) -> None:
    if value is None or value == "":
        ws.write_blank(r, c, None, fmt)
    elif isinstance(value, Formula):
        ws.write_formula(r, c, value.text, fmt, value.value)
    elif isinstance(value, bool):
        ws.write_boolean(r, c, value, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value, fmt)
    else:
        ws.write_string(r, c, str(value), fmt)


def row_height(row: Sequence[Any], widths: list[float], measure: Measure | None = None) -> float | None:
    """The height a row needs for its wrapped text (Excel does not grow rows of written files by itself);
    None for a row of one line."""
    measure = measure or Measure()
    cells = [(value, width) for value, width in zip(row, widths, strict=False) if type(value) is str and len(value) * 2 > width]
    height = measure.height(cells) if cells else 0.0
    return height if height > measure.height([]) else None


def _layout(ws: Worksheet, sheet: Sheet, formats: dict[str, Any]) -> None:
    """Everything xlsxwriter needs before the first row: widths, panes, filter, validations, page setup."""
    last_col = len(sheet.columns) - 1
    last_row = len(sheet.rows) - 1 if sheet.data_end is None else sheet.data_end
    for i, column in enumerate(sheet.columns):
        ws.set_column(i, i, column.width, None, {"hidden": True} if column.hidden else None)
    ws.freeze_panes(sheet.header_row + 1, 0)
    first_data = sheet.header_row + 1
    if sheet.autofilter and last_col >= 0:
        ws.autofilter(sheet.header_row, 0, max(last_row, sheet.header_row), last_col)
    end = max(last_row, first_data)
    for col, values in sheet.validations:
        ws.data_validation(first_data, col, end, col, {"validate": "list", "source": values})
    for col, value, style in sheet.highlights:
        ws.conditional_format(first_data, col, end, col, {"type": "cell", "criteria": "==", "value": f'"{value}"', "format": formats[style]})
    for col in sheet.data_bars:
        ws.conditional_format(first_data, col, end, col, {"type": "data_bar", "bar_color": "#63BE7B", "bar_solid": True,
                                                          "min_type": "num", "min_value": 0, "max_type": "num", "max_value": 1})
    _page_setup(ws, sheet)


def _page_setup(ws: Worksheet, sheet: Sheet) -> None:
    page = sheet.print
    ws.set_paper(page.paper)
    if page.landscape:
        ws.set_landscape()
    if page.fit_width:
        ws.fit_to_pages(1, 0)
    if page.repeat_rows is not None:
        ws.repeat_rows(*page.repeat_rows)
    if page.margins is not None:
        ws.set_margins(*page.margins)
    if page.breaks:
        ws.set_h_pagebreaks(page.breaks)
    if page.first_page is not None:
        ws.set_start_page(page.first_page)
    if page.center:
        ws.center_horizontally()
    if page.footer:
        header, footer = page.header_footer or (0.3, 0.3)
        ws.set_header("", {"margin": header})
        ws.set_footer(page.footer, {"margin": footer})


def _write_sheet(ws: Worksheet, sheet: Sheet, formats: dict[str, Any]) -> None:
    if sheet.hidden:
        ws.very_hidden()
    _layout(ws, sheet, formats)
    _write_rows(ws, sheet, formats, range(len(sheet.rows)), row_heights(sheet))
    # merged ranges across rows cannot be written through merge_range in constant-memory mode (it writes the
    # rows below before the row is done): their cells are written above, the ranges are recorded here
    ws.merge.extend([list(m) for m in sheet.merges])


def _write_rows(ws: Worksheet, sheet: Sheet, formats: dict[str, Any], rows: Iterable[int], heights: list[float | None]) -> None:
    """Write the rows `rows` of `sheet` cell by cell (banners merged across every column)."""
    last_col = len(sheet.columns) - 1
    col_formats = [formats[c.style] for c in sheet.columns]
    ncols = len(col_formats)
    # xlsxwriter 3's undecorated writers (the public ones only add A1-notation parsing), public ones otherwise
    write_string = getattr(ws, "_write_string", ws.write_string)
    write_blank = getattr(ws, "_write_blank", ws.write_blank)
    write_number = getattr(ws, "_write_number", ws.write_number)
    styled = bool(sheet.styles)
    for r in rows:
        row = sheet.rows[r]
        if heights[r]:
            ws.set_row(r, heights[r])
        if r in sheet.banners:
            fmt = formats[sheet.banners[r]]
            if last_col > 0:
                ws.merge_range(r, 0, r, last_col, "", fmt)
            _write_cell(ws, r, 0, row[0] if row else "", fmt)
            continue
        row_fmts = [formats["header"]] * len(row) if r == sheet.header_row else col_formats
        for c, value in enumerate(row):
            fmt = formats[sheet.styles[(r, c)]] if styled and (r, c) in sheet.styles else row_fmts[c if c < ncols else -1]
            kind = type(value)  # the common cases first, without dispatch
            if kind is str:
                (write_string if value else write_blank)(r, c, value, fmt)
            elif kind is int:
                write_number(r, c, value, fmt)
            else:
                _write_cell(ws, r, c, value, fmt)


def write_book(book: Book, target: str | Path, cells: str = "streamed") -> None:
    """Write `book` to `target` (.xlsx), atomically. `cells`: "streamed" (rows as text into the workbook
    xlsxwriter lays out) or "xlsxwriter" (every cell through xlsxwriter: the reference). xlsxwriter's own
    temporary files go to a folder beside the target, removed however the writing ends; a write that fails (a
    full disk) is the OSError that failed it."""
    if cells not in ("streamed", "xlsxwriter"):
        raise ValueError(f"cells must be streamed or xlsxwriter, not {cells!r}")
    with atomic_path(target) as tmp, scratch_folder(tmp) as scratch, paused_gc():
        try:
            if cells == "xlsxwriter":
                _workbook(book, str(tmp), {}, scratch).close()
                return
            frame = io.BytesIO()
            rows: dict[str, Iterable[str]] = {}
            _workbook(book, frame, rows, scratch).close()
            assemble(frame.getvalue(), tmp, rows, {f"xl/worksheets/sheet{i + 1}.xml": part for i, part in book.packed.items()})
        except xlsxwriter.exceptions.FileCreateError as exc:
            failed = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else OSError(str(exc))
            close_unfinished_zip(failed)
            raise OSError(failed.errno, failed.strerror or str(failed), str(target)) from None
        except BaseException as exc:  # Ctrl-C, SIGTERM, a full disk, any error while zipping
            close_unfinished_zip(exc)
            raise


def _workbook(book: Book, output: str | io.BytesIO, streamed: dict[str, Iterable[str]],
              scratch: Path | None = None) -> xlsxwriter.Workbook:
    """The workbook of `book`, every sheet laid out; the rows of each sheet written cell by cell, or, when
    `streamed` is a dict, the rows of each plain sheet left out of it and put in `streamed` by part name."""
    frame = isinstance(output, io.BytesIO)
    wb = Workbook(output, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                           "strings_to_numbers": False, "default_format_properties": dict(DEFAULT_FONT),
                           **({"tmpdir": str(scratch)} if scratch is not None else {})}, frame)
    wb.set_properties({"created": FIXED_TIME})
    for key, value in book.properties.items():
        wb.set_custom_property(key, value)
    formats = {name: wb.add_format({"font_name": FONT, "font_size": 10, **spec}) for name, spec in STYLES.items()}
    formats["title"].set_font_size(16)
    # every style numbered now, in one order (xlsxwriter numbers them as cells first use them otherwise): the
    # streamed rows and xlsxwriter's cells name them alike, whichever sheet or row uses one first
    xf = {name: fmt._get_xf_index() for name, fmt in formats.items()}
    used: set[str] = set()
    titles: dict[int, str] = {}
    text = RowText()
    for n, sheet in enumerate(book.sheets, start=1):
        titles[id(sheet)] = sheet_title(sheet.title, used)
        ws = wb.add_worksheet(titles[id(sheet)], worksheet_class=FrameWorksheet if frame else TextWorksheet)
        if frame and n - 1 in book.packed:
            _layout(ws, sheet, formats)  # (for the workbook's parts: its part is written already)
        elif frame and plain(sheet):
            rows = _laid_out(ws, sheet, formats, xf, text)
            if rows is not None:
                streamed[f"xl/worksheets/sheet{n}.xml"] = rows
        else:
            _write_sheet(ws, sheet, formats)
    for chart in book.charts:
        _write_chart(wb, chart, titles[id(chart.sheet)], sheet_title(chart.title, used))
    return wb


def packed_sheets(sheets: list[Sheet]) -> list[tuple[bytes, int, int] | None]:
    """The worksheet part of each sheet as `write_book` writes it, deflated (data, CRC-32, size), for a worker
    process to make beside the sheets (`Book.packed`); None for a sheet it cannot make alike: one whose cells
    xlsxwriter writes, one with conditional formats (numbered across the workbook). The sheets are laid out
    after one other sheet, as no workbook's first sheet (which is selected) would be."""
    frame, rows = io.BytesIO(), dict[str, Iterable[str]]()
    _workbook(Book([Sheet("first", []), *sheets]), frame, rows).close()
    out: list[tuple[bytes, int, int] | None] = []
    with zipfile.ZipFile(frame) as parts:
        for n, sheet in enumerate(sheets, start=2):
            name = f"xl/worksheets/sheet{n}.xml"
            plainly = name in rows and not sheet.highlights and not sheet.data_bars
            out.append(deflated(parts.read(name), rows[name]) if plainly else None)
    return out


def row_heights(sheet: Sheet) -> list[float | None]:
    """Each row's height (points): its own, else as high as its wrapped text (banners: one line; rows of a very
    hidden sheet: only their own); None: one line, as Excel draws a row it is told nothing of."""
    if sheet.hidden:  # (very hidden: never shown nor printed)
        return [sheet.heights.get(r) or None for r in range(len(sheet.rows))]
    widths = [c.width for c in sheet.columns]
    measure = Measure()
    return [sheet.heights.get(r) or (None if r in sheet.banners else row_height(row, widths, measure)) or None
            for r, row in enumerate(sheet.rows)]


def _laid_out(ws: Worksheet, sheet: Sheet, formats: dict[str, Any], xf: dict[str, int], text: RowText) -> Iterable[str] | None:
    """`_write_sheet` but for the rows, which it returns as text to stream (None: no cells): the sheet's extent
    and merges recorded as xlsxwriter records them writing the cells."""
    if sheet.hidden:
        ws.very_hidden()
    _layout(ws, sheet, formats)
    heights = row_heights(sheet)
    last_col = len(sheet.columns) - 1
    if last_col > 0:
        ws.merge.extend([r, 0, r, last_col] for r in sorted(sheet.banners) if r < min(len(sheet.rows), ROW_MAX))
    ws.merge.extend([list(m) for m in sheet.merges])
    cells = extent(sheet, heights)
    if cells is None:
        return None
    ws._check_dimensions(cells[0], 0)
    ws._check_dimensions(cells[1], cells[2])
    return sheet_rows(sheet, xf, heights, text)


def _write_chart(wb: xlsxwriter.Workbook, chart: Chart, data_title: str, title: str) -> None:
    """A chart sheet of horizontal bars, one per row, the scale fixed at 0-100%, each bar labelled."""
    bars = wb.add_chart({"type": "bar"})
    bars.add_series({"name": chart.title, "categories": sheet_ref(data_title, chart.labels, chart.first, chart.last),
                     "values": sheet_ref(data_title, chart.values, chart.first, chart.last),
                     "fill": {"color": "#63BE7B"}, "data_labels": {"value": True, "num_format": "0%"}})
    bars.set_title({"name": chart.title, "name_font": {"name": FONT, "size": 14}})
    bars.set_x_axis({"min": 0, "max": 1, "num_format": "0%", "major_gridlines": {"visible": True}})
    bars.set_y_axis({"reverse": True, "num_font": {"name": FONT}})
    bars.set_legend({"none": True})
    sheet = wb.add_chartsheet(title)
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.set_chart(bars)


def sheet_ref(title: str, col: int, first: int, last: int) -> str:
    """An absolute range on another sheet, for summary formulas: 'Sheet'!$G$3:$G$99."""
    letter = xl_col_to_name(col)
    return f"{quote_sheetname(title)}!${letter}${first + 1}:${letter}${last + 1}"
