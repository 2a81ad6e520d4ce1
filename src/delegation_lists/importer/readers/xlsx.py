""".xlsx (and zip-based WPS .et): the package checked first (zip bomb, every XML part through defusedxml, each
sheet's real extent and merged ranges scanned from its XML and refused past the limits of extent.py), then the
cell values read by python-calamine when it is installed (the `xls` extra: Rust, a fraction of openpyxl's time
and memory), else by openpyxl in read-only mode (streamed). Either way the sheets, their visibility, the merged
ranges and the custom document properties (a dlists export names each sheet's jurisdiction there) come from
our own defusedxml reading of the package, and every row goes through grid.py: both readers give the same
tables. A dlists export's layout sheet (which file each row comes from) is a table of kind "layout"."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ..said import msg
from . import xmlsafe
from .calamine import calamine_errors, calamine_rows
from .extent import Extent, XlsxScan
from .grid import sheet_rows
from .ooxml import Workbook, read_workbook
from .table import ReadError, Table
from .zipped import check_zip

LAYOUT = "_dlists"  # the very hidden sheet of a dlists export: which file each row comes from (excel/layout.py)
#: the value readers, in the order tried (the tests run the import on each alone)
ENGINES: tuple[str, ...] = ("calamine", "openpyxl")
Grids = dict[str, list[tuple[int, list[Any]]]]


def inspect(path: Path) -> tuple[Workbook, dict[str, Extent]]:
    """The workbook's sheets and properties and each worksheet's extent, every XML part checked on the way."""
    check_zip(path, "xlsx")
    try:
        with zipfile.ZipFile(path) as zf:
            book = read_workbook(zf, path)
            extents = {s.name: xmlsafe.scan(zf, s.part, XlsxScan(s.name), path) for s in book.sheets if s.part}
            xmlsafe.check_parts(zf, path, skip=frozenset(s.part for s in book.sheets))
    except (zipfile.BadZipFile, OSError, KeyError, EOFError) as exc:
        raise ReadError(msg("import.read.unreadable", fmt="xlsx", error=str(exc)), path) from None
    return book, extents


def _calamine_rows(path: Path, extents: dict[str, Extent]) -> Grids | None:
    """Each sheet's rows read by calamine; None when it is not installed."""
    try:
        import python_calamine as calamine
    except ImportError:
        return None
    out = {}
    with calamine_errors(path, "xlsx"), path.open("rb") as fh, calamine.CalamineWorkbook.from_filelike(fh) as wb:
        for name in wb.sheet_names:
            extent = extents.get(name)
            if extent is not None and extent.rows:
                out[name] = sheet_rows(calamine_rows(wb.get_sheet_by_name(name)), extent)
    return out


def _openpyxl_rows(path: Path, extents: dict[str, Extent]) -> Grids:
    """Each sheet's rows up to its extent, streamed by openpyxl (read-only: no cell objects, no merged-cell
    objects, the claimed dimensions ignored)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    out = {}
    try:
        with path.open("rb") as fh:  # a file object: openpyxl judges a path by its extension, we by content
            wb = load_workbook(fh, read_only=True, data_only=True)
            for ws in wb.worksheets:
                extent = extents.get(ws.title)
                if extent is None or extent.rows == 0:
                    continue
                ws.reset_dimensions()
                rows = ws.iter_rows(max_row=extent.rows, max_col=extent.columns, values_only=True)
                out[ws.title] = sheet_rows(enumerate(rows, start=1), extent)
            wb.close()
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, OSError, SyntaxError) as exc:
        raise ReadError(msg("import.read.unreadable", fmt="xlsx", error=f"{type(exc).__name__}: {exc}"), path) from None
    return out


def read_xlsx(path: Path) -> list[Table]:
    """The sheets of an .xlsx workbook."""
    book, extents = inspect(path)
    grids = None
    sparse = any(e.sparse() for e in extents.values())  # calamine would hold it dense: streamed by openpyxl
    for engine in [e for e in ENGINES if not (sparse and e == "calamine")] or ENGINES:
        grids = _calamine_rows(path, extents) if engine == "calamine" else _openpyxl_rows(path, extents)
        if grids is not None:
            break
    if grids is None:
        raise ReadError(msg("import.read.no_engine", engines=", ".join(ENGINES)), path)
    props = book.properties
    tables = []
    for sheet in book.sheets:
        if sheet.name not in extents:
            continue  # a chart sheet
        code = props.get(f"dlists:{sheet.name}")
        name = props.get(f"dlists-name:{code}") if code else None
        layout = sheet.state == "veryHidden" and sheet.name == LAYOUT and bool(props)
        tables.append(Table(sheet.name, grids.get(sheet.name, []), jurisdiction=code or None,
                            jurisdiction_name=name or None, kind="layout" if layout else "sheet"))
    return tables
