"""The layout part of a Word document `dlists export` wrote (publish/word_layout.py): which jurisdiction each
list (table) is of, and the rows of the workbook's `_dlists` sheet (which file and position each row comes from).

The part comes with the document, so nothing in it is trusted: it is parsed by defusedxml, each value is cut to
`MAX_TEXT` characters, the jurisdictions are codes checked like a workbook's properties (importer/run.py,
model/code_syntax.py) and the rows go through importer/layout.py like a layout sheet's (plain relative `.yaml`
paths only, headers and regions that validate; else the layout is not used and a note says why)."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import xmlsafe
from .table import Table

NS = "urn:delegation-lists:layout:1"
PART = re.compile(r"customXml/item\d{1,4}\.xml")
MAX_TEXT = 40_000  # characters of one value kept (a JSON cell of a list header is at most 32,000)
NUMBER = re.compile(r"\d{1,9}")


@dataclass
class WordLayout:
    """Each table's jurisdiction (code, name) by the table's name, and the layout rows."""

    tables: dict[str, tuple[str, str]] = field(default_factory=dict)
    rows: list[list[Any]] = field(default_factory=list)

    def apply(self, tables: list[Table]) -> list[Table]:
        """`tables` with their jurisdictions set, and the layout as a table of kind "layout" after them."""
        for table in tables:
            code, name = self.tables.get(table.name, ("", ""))
            table.jurisdiction, table.jurisdiction_name = code or None, name or None
        rows = [(n, cells) for n, cells in enumerate(self.rows, start=1)]
        return [*tables, Table("_dlists", rows, kind="layout")] if rows else tables


def _cell(text: str | None) -> Any:
    value = (text or "")[:MAX_TEXT]
    return int(value) if NUMBER.fullmatch(value) else value


def read_word_layout(zf: zipfile.ZipFile, path: Path) -> WordLayout | None:
    """The layout part of the package, if it has one (the first custom XML part in dlists' namespace)."""
    for name in sorted(n for n in zf.namelist() if PART.fullmatch(n)):
        root = xmlsafe.parse(zf, name, path)
        if root.tag != f"{{{NS}}}layout":
            continue
        layout = WordLayout()
        for element in root:
            if element.tag == f"{{{NS}}}table":
                key = element.get("name", "")[:MAX_TEXT]
                layout.tables[key] = (element.get("jurisdiction", "")[:MAX_TEXT], element.get("jurisdiction-name", "")[:MAX_TEXT])
            elif element.tag == f"{{{NS}}}row":
                layout.rows.append([_cell(c.text) for c in element if c.tag == f"{{{NS}}}c"])
        return layout
    return None
