""".xls (Excel 97-2003, OLE WPS .et) and .ods with python-calamine (the `xls` extra): one maintained reader for
the binary and OpenDocument sheets, merged cells filled like .xlsx."""

from __future__ import annotations

from pathlib import Path

from .table import ReadError, Table, need
from .xlsx import fill_merged
from .zipped import check_zip


def read_calamine(path: Path, fmt: str) -> list[Table]:
    """The sheets of an .xls or .ods workbook."""
    calamine = need("python_calamine", "xls", f".{fmt} workbooks")
    if fmt == "ods":
        check_zip(path, ".ods workbook")
    try:
        wb = calamine.CalamineWorkbook.from_path(str(path))
        tables = []
        for index, name in enumerate(wb.sheet_names):
            sheet = wb.get_sheet_by_index(index)
            grid = [list(row) for row in sheet.to_python(skip_empty_area=False)]
            merged = sheet.merged_cell_ranges or []
            fill_merged(grid, [(a[0], a[1], b[0], b[1]) for a, b in merged])
            tables.append(Table(name, list(enumerate(grid, start=1))))
    except calamine.PasswordError:
        raise ReadError(f"{path}: the workbook is password-protected; open it and save it without a password") from None
    except (calamine.CalamineError, calamine.XmlError, calamine.ZipError, ValueError, OSError, TypeError) as exc:
        raise ReadError(f"{path}: not a readable .{fmt} workbook ({exc}); if it opens in Excel or WPS, save it as"
                        " .xlsx") from None
    return tables
