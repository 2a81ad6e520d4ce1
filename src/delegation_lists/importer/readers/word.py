""".docx (and zip-based WPS .wps) tables with python-docx (the `docx` extra): the paragraphs above a table are
title rows, the ones under it note rows; merged cells (vertical and horizontal) hold their value in every
position; a nested table's text joins its cell's; tables of one width in a row (a list split into one table per
page or section) are one table, unless the next one opens with a header row of its own after a list title
("……清单（共37项）") or after a section break and paragraphs of its own: then it is another list (a document of several lists, one a section), and
the paragraphs up to the section break stay under the list before. A document `dlists export` wrote carries
its layout (docx_layout.py): each list's jurisdiction, each row's file. Every XML part is read by defusedxml
before python-docx opens the file (xmlsafe.py): lxml leaves an external entity unexpanded and silently drops
its text."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from ..headers import find_header
from ..said import msg
from . import xmlsafe
from .docx_layout import read_word_layout
from .table import ReadError, Table, need
from .zipped import check_zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: a paragraph that is a list's title: a new list follows it (when its table opens with a header row)
LIST_TITLE = re.compile(r"(?:清单|目录|[（(]\s*共\s*\d+\s*项\s*[)）]|\(\d+ items\))\s*$")


def _cell_text(cell: Any) -> str:
    """A cell's paragraphs, one per line, then the text of any table nested in it."""
    lines = [p.text for p in cell.paragraphs]
    for inner in cell.tables:
        lines += ["　".join(dict.fromkeys(c.text for c in row.cells)) for row in inner.rows]
    return "\n".join(line for line in lines if line.strip())


def _rows(table: Any) -> list[list[str]]:
    out = []
    for row in table.rows:
        seen: dict[int, str] = {}  # a merged cell is one object: its text is computed once
        out.append([seen.setdefault(id(c._tc), _cell_text(c)) for c in row.cells])
    return out


class _Collector:
    """Paragraphs and tables in document order -> Tables (one per run of tables of the same width)."""

    def __init__(self) -> None:
        self.tables: list[Table] = []
        self.pending: list[str] = []  # paragraphs since the last table
        self.width = 0
        self.count = 0
        self.broken = False  # a section break since the last table

    def paragraph(self, text: str, ends_section: bool = False) -> None:
        if text.strip():
            self.pending.append(text.strip())
        if ends_section and self.tables:  # what came since the last table is under it; a new list may follow
            self._flush(self.tables[-1])
            self.broken = True

    def _new_list(self, rows: list[list[str]]) -> bool:
        """A table that opens with a header row, after a list's title or after a section break and text of its
        own (a list split over two sections, its header repeated, goes on as one)."""
        apart = (self.broken and bool(self.pending)) or any(LIST_TITLE.search(p) for p in self.pending)
        return apart and bool(rows) and find_header([(1, rows[0])], {}, limit=1) is not None

    def table(self, rows: list[list[str]]) -> None:
        self.count += 1
        width = max((len(r) for r in rows), default=0)
        if not self.tables or width != self.width or self._new_list(rows):
            self.tables.append(Table(f"表{self.count}", [], kind="word"))
            self.width = width
        current = self.tables[-1]
        self._flush(current)
        self.broken = False
        for n, cells in enumerate(rows, start=1):
            number = len(current.rows) + 1
            current.rows.append((number, cells))
            current.places[number] = f"表{self.count} 第{n}行"

    def _flush(self, table: Table) -> None:
        for text in self.pending:
            number = len(table.rows) + 1
            table.rows.append((number, [text]))
            table.places[number] = f"{table.name}{'上方' if not table.rows[:-1] else '后'}的段落“{text[:12]}”"
        self.pending = []

    def finish(self) -> list[Table]:
        if self.tables:
            self._flush(self.tables[-1])
        return self.tables


def read_docx(path: Path) -> list[Table]:
    """The tables of a Word document, with the paragraphs around them."""
    docx = need("docx", "docx", ".docx")
    check_zip(path, "docx")
    with zipfile.ZipFile(path) as zf:  # python-docx parses with lxml: each part through defusedxml first
        xmlsafe.check_parts(zf, path)
        layout = read_word_layout(zf, path)
    from docx.opc.exceptions import OpcError
    from lxml.etree import LxmlError

    try:
        document = docx.Document(str(path))
    except (OpcError, LxmlError, KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise ReadError(msg("import.read.unreadable", fmt="docx", error=f"{type(exc).__name__}: {exc}"), path) from None
    from docx.table import Table as WordTable
    from docx.text.paragraph import Paragraph

    collect = _Collector()
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            collect.paragraph(Paragraph(child, document).text, child.find(f"{W}pPr/{W}sectPr") is not None)
        elif tag == "tbl":
            collect.table(_rows(WordTable(child, document)))
    tables = collect.finish()
    if not tables:
        raise ReadError(msg("import.read.no_table"), path)
    return layout.apply(tables) if layout is not None else tables
