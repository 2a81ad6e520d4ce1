""".xls (Excel 97-2003, OLE WPS .et) and .ods with python-calamine (the `xls` extra): one maintained reader for
the binary and OpenDocument sheets. An .ods is checked before calamine opens it (zip bomb, content.xml through
defusedxml, each table's extent with its repeats, refused past the limits of extent.py; its merged cells come
from that scan); an .xls is bounded by its format (65,536 rows x 256 columns) and checked against the same
limits once loaded. Rows go through grid.py like every sheet's."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..said import msg
from . import xmlsafe
from .extent import Extent, refuse_sparse
from .grid import sheet_rows
from .ods_scan import OdsScan
from .table import ReadError, Table, need
from .xls_scan import xls_extents
from .zipped import check_zip


def ods_extents(path: Path) -> dict[str, Extent]:
    """Each table's extent and merges (content.xml scanned; every other XML part checked)."""
    check_zip(path, "ods")
    try:
        with zipfile.ZipFile(path) as zf:
            found: list[Extent] = xmlsafe.scan(zf, "content.xml", OdsScan(), path)
            refuse_sparse(found)  # calamine holds every sheet dense
            xmlsafe.check_parts(zf, path, skip=frozenset({"content.xml"}))
    except (zipfile.BadZipFile, OSError, KeyError, EOFError) as exc:
        raise ReadError(msg("import.read.unreadable", fmt="ods", error=str(exc)), path) from None
    return {e.sheet: e for e in found}


def calamine_rows(sheet: Any) -> Iterator[tuple[int, list[Any]]]:
    """A calamine sheet's rows with their numbers, each from column A (calamine starts at the first value)."""
    start = sheet.start
    if start is None:
        return
    pad = [None] * start[1]
    for number, row in enumerate(sheet.iter_rows(), start=start[0] + 1):
        yield number, pad + list(row)


def loaded_extent(sheet: Any) -> Extent:
    """An .xls sheet's extent and merges as calamine loaded them, held to the same limits."""
    extent = Extent(sheet.name)
    if sheet.end is not None:
        extent.value_at(sheet.end[0] + 1, sheet.end[1] + 1)
    for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
        extent.merge((r0 + 1, c0 + 1), (r1 + 1, c1 + 1))
    return extent.finish()


@contextmanager
def calamine_errors(path: Path, fmt: str) -> Iterator[None]:
    """calamine's errors (and its panics: pyo3's PanicException is a BaseException) as ReadErrors."""
    import python_calamine as calamine

    try:
        yield
    except calamine.PasswordError:
        raise ReadError(msg("import.read.encrypted"), path) from None
    except (calamine.CalamineError, ValueError, OSError, TypeError) as exc:
        raise ReadError(msg("import.read.unreadable_save", fmt=fmt, error=str(exc)), path) from None
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":
            raise
        raise ReadError(msg("import.read.panic", fmt=fmt), path) from None


def read_calamine(path: Path, fmt: str) -> list[Table]:
    """The sheets of an .xls or .ods workbook."""
    calamine = need("python_calamine", "xls", f".{fmt}")
    extents = ods_extents(path) if fmt == "ods" else None
    if fmt == "xls":
        xls_extents(path)  # refuses a sheet past the limits before calamine holds it dense
    tables = []
    with calamine_errors(path, fmt), path.open("rb") as fh, calamine.CalamineWorkbook.from_filelike(fh) as wb:
        for index, name in enumerate(wb.sheet_names):
            if extents is not None and not extents.get(name, Extent(name)).rows:
                tables.append(Table(name, []))
                continue
            sheet = wb.get_sheet_by_index(index)
            extent = extents[name] if extents is not None else loaded_extent(sheet)
            tables.append(Table(name, sheet_rows(calamine_rows(sheet), extent)))
    return tables
