"""xlsxwriter's workbook and worksheet as `writer.py` uses them: every text written as text, sheet names checked
once each, and, for the frame of a streamed workbook (everything but the rows: writer.py, package.py), its parts
and the few rows xlsxwriter writes itself kept in memory instead of a temporary file per sheet and per part.

These lean on xlsxwriter's internals (pinned in requirements/constraints.txt); tests/test_excel_streamed.py
compares every part with what plain xlsxwriter writes.
"""

from __future__ import annotations

import io
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import DuplicateWorksheetName
from xlsxwriter.worksheet import Worksheet


class TextWorksheet(Worksheet):  # type: ignore[misc]
    """Every text written as text: in constant-memory mode xlsxwriter writes a text of the form `<r>...</r>` as
    raw markup (its rich strings, which we never write), so a cell could break the sheet."""

    def _xml_rich_inline_string(self, string: str, attributes: list[tuple[str, Any]] | None = None) -> None:
        self._xml_inline_string(string, bool(string) and (string[0].isspace() or string[-1].isspace()), attributes or [])


class FrameWorksheet(TextWorksheet):
    """A worksheet of the frame: the rows xlsxwriter writes itself (a sheet with formulas) kept in memory, not
    in a temporary file per sheet (thousands of sheets: as many files made and removed)."""

    def _initialize(self, init_data: dict[str, Any]) -> None:
        super()._initialize({**init_data, "constant_memory": False})
        self.constant_memory = True
        self.row_data_fh = self.fh = io.StringIO()
        self.row_data_fh_closed = False

    def _opt_close(self) -> None:  # (xlsxwriter closes a sheet's file when the next sheet is added)
        pass

    def _opt_reopen(self) -> None:
        pass

    def _write_optimized_sheet_data(self) -> None:
        if self.dim_rowmin is None:
            self._xml_empty_tag("sheetData")
        else:
            self._xml_start_tag("sheetData")
            self.fh.write(self.row_data_fh.getvalue())
            self._xml_end_tag("sheetData")


class Workbook(xlsxwriter.Workbook):  # type: ignore[misc]
    """xlsxwriter's workbook, each sheet name compared with the others once (xlsxwriter compares every new name
    with every sheet's: 4,000 sheets took 4 s); with `frame`, its parts made in memory."""

    def __init__(self, output: Any, options: dict[str, Any], frame: bool = False) -> None:
        super().__init__(output, options)
        self.names_used: set[str] = set()
        if frame:
            self.in_memory = True  # (after the constructor, which would turn constant_memory off)

    def _check_sheetname(self, sheetname: str | None, is_chartsheet: bool = False) -> str:
        state: dict[str, Any] = self.__dict__  # (the sheets hidden from xlsxwriter's own comparison for the call)
        sheets = state["worksheets_objs"]
        state["worksheets_objs"] = []
        try:
            name: str = super()._check_sheetname(sheetname, is_chartsheet)
        finally:
            state["worksheets_objs"] = sheets
        if name.lower() in self.names_used:
            raise DuplicateWorksheetName(f"Sheetname '{name}', with case ignored, is already in use.")
        self.names_used.add(name.lower())
        return name
