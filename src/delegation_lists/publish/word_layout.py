"""Where each row of a Word export comes from, carried inside the .docx as a custom XML part
(`customXml/itemN.xml`): the same rows as the workbook's `_dlists` sheet (excel/layout.py: each file's list header
and region document, `item | TABLE | ROW | FILE | INDEX`) and, for each list, the jurisdiction it is of. Word has no
custom property per table and no hidden sheet: with this part `dlists import` gives each list of a whole-catalog
document to its own jurisdiction and writes each row back to its file, as it does for a workbook.

TABLE is `表N`, N the list's place in the document (one Word table per list), and ROW the row's number as the
import counts a Word list's rows: the paragraphs above the table (each a row), then the table's rows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..catalog import Catalog
from ..excel.layout import layout_sheet
from ..excel.model import Sheet
from .model import PublishedTable

NS = "urn:delegation-lists:layout:1"
PART = "/customXml/item%d.xml"  # the next free one (the default template has a customXml/item1.xml)
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML


def table_name(n: int) -> str:
    """The name the import gives the `n`-th table of a Word document (1-based): 表1, 表2, ..."""
    return f"表{n}"


def paragraphs_above(table: PublishedTable) -> list[str]:
    """The paragraphs written above a list's table, in order: 附件 line, title, issuer and date (one paragraph,
    a tab between), the values every row shares."""
    issued = [f"{table.issuer}\t{table.date}"] if table.issuer or table.date else []
    return [p for p in [table.attachment, table.title, *issued, *table.lines] if p.strip()]


def _origins(table: PublishedTable) -> dict[int, tuple[str, int]]:
    """Row number - 1 (as excel/layout.py takes them) -> the item's file and index, for each item row."""
    row = len(paragraphs_above(table)) + 1  # the header row
    origins = {}
    for section in table.sections:
        row += 1  # the section's heading row
        for item in section.rows:
            row += 1
            if item.origin is not None:
                origins[row - 1] = item.origin
    return origins


def word_layout(cat: Catalog, tables: Sequence[PublishedTable]) -> bytes:
    """The custom XML part of a Word export of `tables` (from `cat`)."""
    sheets = []
    for n, table in enumerate(tables, start=1):
        sheet = Sheet(table_name(n), [])
        sheet.origins = _origins(table)
        sheets.append(sheet)
    from lxml import etree  # (python-docx's own XML library: the `docx` extra)

    root = etree.Element(f"{{{NS}}}layout", nsmap={None: NS})
    for n, table in enumerate(tables, start=1):
        etree.SubElement(root, f"{{{NS}}}table", {"name": table_name(n), "jurisdiction": _text(table.jurisdiction),
                                                  "jurisdiction-name": _text(table.name)})
    for cells in layout_sheet(cat, sheets).rows:
        row = etree.SubElement(root, f"{{{NS}}}row")
        for cell in cells:
            etree.SubElement(row, f"{{{NS}}}c").text = _text(cell)
    return bytes(etree.tostring(root, encoding="utf-8", xml_declaration=True))


def _text(value: Any) -> str:
    return UNWRITABLE.sub("", str(value))


def add_layout(document: Any, blob: bytes) -> None:
    """Add the layout part to a python-docx Document, related from its main part."""
    from docx.opc.part import Part

    package = document.part.package
    part = Part(package.next_partname(PART), "application/xml", blob, package)
    document.part.relate_to(part, RELATIONSHIP)
