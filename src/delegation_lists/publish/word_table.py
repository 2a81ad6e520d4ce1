"""A published table as a Word table, its rows written as WordprocessingML directly (python-docx's row and cell
objects look every cell of the table up again for each row: a 20,000-row list took minutes). Every row is kept
whole on a page (`cantSplit`), the header row repeats (`tblHeader`), section and 合计 rows span the table
(`gridSpan`), equal departments of neighbouring rows of a section are one cell (`vMerge`)."""

from __future__ import annotations

import re
from typing import Any

from .measure import CELL_PADDING, column_pt
from .model import PublishedTable
from .pages import WORD_CELL_MARGIN, WORD_LINE

FONT = "SimSun"
BODY = 10.0
HEADER_SHADE, SECTION_SHADE = "D9E1F2", "F2F2F2"
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML


class _Xml:
    """Element makers for the w: namespace."""

    def __init__(self) -> None:
        from docx.oxml.ns import qn
        from lxml import etree

        self.qn, self.sub = qn, etree.SubElement

    def el(self, parent: Any, tag: str, **attrs: str) -> Any:
        child = self.sub(parent, self.qn(f"w:{tag}"))
        for key, value in attrs.items():
            child.set(self.qn(f"w:{key}") if key != "space" else "{http://www.w3.org/XML/1998/namespace}space", value)
        return child


def _cell(x: _Xml, tr: Any, text: str, width: int, align: str = "left", bold: bool = False, shade: str | None = None,
          span: int = 1, merge: str | None = None) -> None:
    tc = x.el(tr, "tc")
    props = x.el(tc, "tcPr")
    x.el(props, "tcW", w=str(width), type="dxa")
    if span > 1:
        x.el(props, "gridSpan", val=str(span))
    if merge is not None:
        x.el(props, "vMerge", **({"val": merge} if merge else {}))
    if shade:
        x.el(props, "shd", val="clear", color="auto", fill=shade)
    x.el(props, "vAlign", val="center")
    p = x.el(tc, "p")
    ppr = x.el(p, "pPr")
    x.el(ppr, "spacing", before="0", after="0", line=str(int(WORD_LINE[BODY] * 20)), lineRule="exact")
    x.el(ppr, "jc", val="center" if align == "center" else "left")
    if merge == "":
        return  # a continued merged cell: its text is the first cell's
    for i, line in enumerate(UNWRITABLE.sub("", text).split("\n")):
        run = x.el(p, "r")
        rpr = x.el(run, "rPr")
        x.el(rpr, "rFonts", ascii=FONT, hAnsi=FONT, eastAsia=FONT)
        if bold:
            x.el(rpr, "b")
        x.el(rpr, "sz", val=str(int(BODY * 2)))
        x.el(rpr, "szCs", val=str(int(BODY * 2)))
        if i:
            x.el(run, "br")
        x.el(run, "t", space="preserve").text = line


def _row(x: _Xml, tbl: Any, header: bool = False) -> Any:
    tr = x.el(tbl, "tr")
    props = x.el(tr, "trPr")
    x.el(props, "cantSplit", val="true")
    if header:
        x.el(props, "tblHeader", val="true")
    return tr


def _widths(table: PublishedTable) -> list[int]:
    """The shown columns' widths in twentieths of a point, as Excel prints the workbook's."""
    return [int((column_pt(c.width) + CELL_PADDING) * 20) for c in table.columns if not c.hidden]


def fill_table(grid: Any, table: PublishedTable, lang: str) -> None:
    """Write the rows of `table` into the (empty) python-docx table `grid`."""
    x = _Xml()
    tbl = grid._tbl
    props = tbl.tblPr
    margins = x.el(props, "tblCellMar")
    for side, points in (("top", WORD_CELL_MARGIN), ("left", 2.0), ("bottom", WORD_CELL_MARGIN), ("right", 2.0)):
        x.el(margins, side, w=str(int(points * 20)), type="dxa")
    widths = _widths(table)
    for col, width in zip(tbl.tblGrid.findall(x.qn("w:gridCol")), widths, strict=True):
        col.set(x.qn("w:w"), str(width))
    shown = [(i, c) for i, c in enumerate(table.columns) if not c.hidden]
    whole = sum(widths)
    header = _row(x, tbl, header=True)
    for (_, col), width in zip(shown, widths, strict=True):
        _cell(x, header, col.label, width, "center", bold=True, shade=HEADER_SHADE)
    merged = {i for i, c in shown if c.key in table.merged}
    for section in table.sections:
        _cell(x, _row(x, tbl), section.title(lang), whole, bold=True, shade=SECTION_SHADE, span=len(shown))
        rows = [[str(r.cells[i]) for i, _ in shown] for r in section.rows]
        for n, cells in enumerate(rows):
            tr = _row(x, tbl)
            for at, ((i, col), text, width) in enumerate(zip(shown, cells, widths, strict=True)):
                merge = None
                if i in merged and text:
                    same_above = n > 0 and rows[n - 1][at] == text
                    same_below = n + 1 < len(rows) and rows[n + 1][at] == text
                    merge = "" if same_above else "restart" if same_below else None
                _cell(x, tr, text, width, col.align, merge=merge)
    tr = _row(x, tbl)
    _cell(x, tr, table.total[0], widths[0], "center", bold=True)
    if len(widths) > 1:
        _cell(x, tr, table.total[1], whole - widths[0], "center", bold=True, span=len(widths) - 1)
