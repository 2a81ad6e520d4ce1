"""Read a file into tables of cells: .xlsx (every sheet, merged cells filled from their top-left cell), .csv
(UTF-8, or GBK/GB18030 as written by Chinese Excel) and .json (a list of objects, or {"items": [...]})."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..load.errors import LoadError
from ..load.text import decode


class ReadError(Exception):
    """The file cannot be read as a table (wrong format, corrupt, unreadable)."""


@dataclass
class Table:
    """One sheet (or the whole CSV/JSON file): rows of cells with their 1-based row numbers."""

    name: str
    rows: list[tuple[int, list[Any]]]
    header: list[str] | None = None  # JSON: the keys are the header
    jurisdiction: str | None = None  # from a dlists export's document properties
    jurisdiction_name: str | None = None
    notes: list[str] = field(default_factory=list)


MAX_XLSX_XML = 512 * 1024 * 1024  # uncompressed bytes: ~1,000,000 rows of a list; more is a bomb or a mistake


def _check_size(path: Path) -> None:
    """Refuse a workbook whose parts unpack to more than MAX_XLSX_XML (zip bombs, runaway sheets) before
    openpyxl loads it into memory."""
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReadError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    if total > MAX_XLSX_XML:
        raise ReadError(f"{path}: unpacks to {total / 2**20:,.0f} MB, more than the {MAX_XLSX_XML / 2**20:,.0f} MB a list"
                        " workbook can need; save the list as .csv, or split it")


def _xlsx(path: Path) -> list[Table]:
    from openpyxl import load_workbook

    _check_size(path)
    try:
        wb = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ReadError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    props = {p.name: getattr(p, "value", None) for p in wb.custom_doc_props.props} if wb.custom_doc_props else {}
    tables = []
    for ws in wb.worksheets:
        grid = [list(r) for r in ws.iter_rows(values_only=True)]
        for rng in ws.merged_cells.ranges:  # unmerge: every cell of a merged range gets the top-left value
            value = grid[rng.min_row - 1][rng.min_col - 1] if rng.min_row <= len(grid) else None
            for r in range(rng.min_row - 1, min(rng.max_row, len(grid))):
                for c in range(rng.min_col - 1, rng.max_col):
                    if c < len(grid[r]):
                        grid[r][c] = value
        code = props.get(f"dlists:{ws.title}")
        name = props.get(f"dlists-name:{code}") if code else None
        tables.append(Table(ws.title, list(enumerate(grid, start=1)), jurisdiction=str(code) if code else None,
                            jurisdiction_name=str(name) if name else None))
    return tables


def _csv(path: Path, encoding: str | None) -> list[Table]:
    raw = path.read_bytes()
    notes = []
    try:
        text = decode(raw, encoding)
    except LoadError:
        if encoding:
            raise
        text = raw.decode("gb18030", errors="strict")
        notes.append("read as GBK (GB18030): the file is not UTF-8")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;") if text.strip() else csv.excel
    rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), dialect)]
    return [Table(path.stem, list(enumerate(rows, start=1)), notes=notes)]


def _json(path: Path, encoding: str | None) -> list[Table]:
    try:
        data = json.loads(decode(path.read_bytes(), encoding))
    except json.JSONDecodeError as exc:
        raise ReadError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    if isinstance(data, dict):
        data = data.get("items", data.get("data"))
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise ReadError(f"{path}: expected a list of objects (or {{\"items\": [...]}})")
    keys = list(dict.fromkeys(k for d in data for k in d))
    rows = [(i, [d.get(k) for k in keys]) for i, d in enumerate(data, start=1)]
    return [Table(path.stem, rows, header=keys)]


def read_tables(path: Path, encoding: str | None = None) -> list[Table]:
    """The tables of `path`, by its extension."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _xlsx(path)
        if suffix in (".csv", ".tsv", ".txt"):
            return _csv(path, encoding)
        if suffix == ".json":
            return _json(path, encoding)
    except (LoadError, UnicodeDecodeError, csv.Error) as exc:
        raise ReadError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ReadError(f"{path}: {exc.strerror or exc}") from None
    hint = " (save it as .xlsx in Excel or LibreOffice first)" if suffix == ".xls" else ""
    what = f"{suffix} files" if suffix else "a file without an extension"
    raise ReadError(f"{path}: cannot import {what}; use .xlsx, .csv or .json{hint}")
