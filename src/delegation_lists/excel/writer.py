"""Write a `Book` to .xlsx with xlsxwriter in constant-memory mode (rows streamed, shared named formats).

Text is always written as text: a value starting with = + - @, a tab or CR never becomes a formula (CSV/Excel
injection); only `Formula` cells are formulas. Document times are fixed, so the same book gives the same bytes.
The file is written beside the target and renamed over it only on success.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import traceback
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import quote_sheetname, xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from ..atomic import atomic_path, scratch_folder
from ..memory import paused_gc
from .model import Book, Chart, Formula, Sheet, sheet_title

FIXED_TIME = dt.datetime(2000, 1, 1)
FONT = "SimSun"  # 宋体: what published lists use; LibreOffice substitutes a CJK font where it is missing
STYLES: dict[str, dict[str, Any]] = {
    "cell": {"valign": "vcenter", "text_wrap": True, "border": 1},
    "center": {"valign": "vcenter", "align": "center", "text_wrap": True, "border": 1},
    "wrap": {"valign": "top", "text_wrap": True, "border": 1},
    "header": {"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "border": 1, "bg_color": "#D9E1F2"},
    "title": {"bold": True, "font_size": 16, "align": "center", "valign": "vcenter", "text_wrap": True},
    "section": {"bold": True, "align": "left", "valign": "vcenter", "border": 1, "bg_color": "#F2F2F2"},
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


LINE_HEIGHT = 13.5  # points per line of 10-point text


def text_width(text: str) -> float:
    """Display width in Excel's character units: CJK and full-width characters (3 bytes in UTF-8) count 1.8
    (10-point 宋体 as LibreOffice and Excel render it)."""
    return len(text) + (len(text.encode("utf-8")) - len(text)) * 0.4


def _lines(value: str, width: float, cache: dict[tuple[str, float], int]) -> int:
    key = (value, width)
    if key not in cache:
        per_line = max(1.0, width - 1)
        parts = value.split("\n") if "\n" in value else (value,)
        cache[key] = sum(max(1, -int(-text_width(part) // per_line)) for part in parts)
    return cache[key]


def row_height(row: Sequence[Any], widths: list[float], cache: dict[tuple[str, float], int] | None = None) -> float | None:
    """The height a row needs for its wrapped text (Excel does not grow rows of written files by itself)."""
    lines, cache = 1, {} if cache is None else cache
    for value, width in zip(row, widths, strict=False):
        if type(value) is str and len(value) * 2 > width:
            lines = max(lines, _lines(value, width, cache))
    return lines * LINE_HEIGHT if lines > 1 else None


def _layout(ws: Worksheet, sheet: Sheet, formats: dict[str, Any]) -> None:
    """Everything xlsxwriter needs before the first row: widths, panes, filter, validations, page setup."""
    last_col, last_row = len(sheet.columns) - 1, len(sheet.rows) - 1
    for i, column in enumerate(sheet.columns):
        ws.set_column(i, i, column.width)
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
    ws.set_paper(9)  # A4
    if sheet.print.landscape:
        ws.set_landscape()
    if sheet.print.fit_width:
        ws.fit_to_pages(1, 0)
    if sheet.print.repeat_rows is not None:
        ws.repeat_rows(*sheet.print.repeat_rows)
    if sheet.print.footer:
        ws.set_footer(sheet.print.footer)


def _write_sheet(ws: Worksheet, sheet: Sheet, formats: dict[str, Any]) -> None:
    if sheet.hidden:
        ws.very_hidden()
    _layout(ws, sheet, formats)
    last_col = len(sheet.columns) - 1
    col_formats = [formats[c.style] for c in sheet.columns]
    widths = [c.width for c in sheet.columns]
    cache: dict[tuple[str, float], int] = {}  # lists repeat departments, bases and notes
    ncols = len(col_formats)
    # xlsxwriter 3's undecorated writers (the public ones only add A1-notation parsing), public ones otherwise
    write_string = getattr(ws, "_write_string", ws.write_string)
    write_blank = getattr(ws, "_write_blank", ws.write_blank)
    write_number = getattr(ws, "_write_number", ws.write_number)
    for r, row in enumerate(sheet.rows):
        height = sheet.heights.get(r) or (None if r in sheet.banners else row_height(row, widths, cache))
        if height:
            ws.set_row(r, height)
        if r in sheet.banners:
            fmt = formats[sheet.banners[r]]
            if last_col > 0:
                ws.merge_range(r, 0, r, last_col, "", fmt)
            _write_cell(ws, r, 0, row[0] if row else "", fmt)
            continue
        row_fmts = [formats["header"]] * len(row) if r == sheet.header_row else col_formats
        styled = bool(sheet.styles)
        for c, value in enumerate(row):
            fmt = formats[sheet.styles[(r, c)]] if styled and (r, c) in sheet.styles else row_fmts[c if c < ncols else -1]
            kind = type(value)  # the common cases first, without dispatch
            if kind is str:
                (write_string if value else write_blank)(r, c, value, fmt)
            elif kind is int:
                write_number(r, c, value, fmt)
            else:
                _write_cell(ws, r, c, value, fmt)


def write_book(book: Book, target: str | Path) -> None:
    """Write `book` to `target` (.xlsx), atomically; xlsxwriter's own temporary files go to a folder beside it,
    removed however the writing ends. A write that fails (a full disk) is the OSError that failed it."""
    with atomic_path(target) as tmp, scratch_folder(tmp) as scratch, paused_gc():
        try:
            _write_book(book, tmp, scratch)
        except xlsxwriter.exceptions.FileCreateError as exc:
            failed = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else OSError(str(exc))
            _close_unfinished_zip(failed)
            raise OSError(failed.errno, failed.strerror or str(failed), str(target)) from None
        except BaseException as exc:  # Ctrl-C, SIGTERM, any error while zipping
            _close_unfinished_zip(exc)
            raise


def _close_unfinished_zip(error: BaseException) -> None:
    """xlsxwriter leaves its ZipFile open when writing stops (a full disk, an interruption, maybe inside one of
    its parts): close its file here and take it from the ZipFile, so that ZipFile.__del__ does not try to finish
    it later ("Exception ignored in ... ZipFile.__del__"); the file is removed anyway."""
    for frame, _ in traceback.walk_tb(error.__traceback__):
        for value in list(frame.f_locals.values()):
            if isinstance(value, zipfile.ZipFile) and value.fp is not None:
                fp, value.fp = value.fp, None  # (ZipFile.close and __del__ do nothing without it)
                with contextlib.suppress(OSError, ValueError):
                    fp.close()


def _write_book(book: Book, tmp: Path, scratch: Path) -> None:
    """The workbook itself, written to `tmp` (xlsxwriter's temporary files in `scratch`)."""
    wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                       "strings_to_numbers": False, "tmpdir": str(scratch)})
    wb.set_properties({"created": FIXED_TIME})
    for key, value in book.properties.items():
        wb.set_custom_property(key, value)
    formats = {name: wb.add_format({"font_name": FONT, "font_size": 10, **spec}) for name, spec in STYLES.items()}
    formats["title"].set_font_size(16)
    used: set[str] = set()
    titles: dict[int, str] = {}
    for sheet in book.sheets:
        titles[id(sheet)] = sheet_title(sheet.title, used)
        _write_sheet(wb.add_worksheet(titles[id(sheet)]), sheet, formats)
    for chart in book.charts:
        _write_chart(wb, chart, titles[id(chart.sheet)], sheet_title(chart.title, used))
    wb.close()


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
