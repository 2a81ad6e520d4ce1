"""Where the pages of a printed sheet break. Rows have the heights the export gives them and the sheet prints at
100 %, so the export knows every page break before any program prints it: it writes them as manual page breaks
and the page count into the footer ("第 1 页 共 3 页"), which then counts the pages of its own list in every
program, Excel and LibreOffice alike (LibreOffice's page-count field counts the whole workbook)."""

from __future__ import annotations

from .measure import CELL_PADDING, Measure, column_pt, wrapped
from .model import MARGINS, Paper, PublishedTable

SAFETY = 0.97  # of the page's height: renderers round row heights


def usable_height(paper: Paper) -> float:
    """The height (pt) a page leaves for rows between its top and bottom margins."""
    return (paper.size[1] - (MARGINS[2] + MARGINS[3]) * 72) * SAFETY


def paginate(heights: list[float], header: int, keep: set[int], usable: float) -> list[int]:
    """The rows before which a page breaks. Page 1 holds the rows up to the header row and as many after it as
    fit; each next page starts with the header row again (repeated); a row in `keep` (a section heading) is never
    the last row of a page."""
    breaks: list[int] = []
    start = header + 1
    used = sum(heights[:start])
    for i in range(start, len(heights)):
        if used + heights[i] > usable and i > start:
            at = i
            while at - 1 > start and at - 1 in keep:
                at -= 1
            breaks.append(at)
            start = at
            used = heights[header] + sum(heights[at:i])
        used += heights[i]
    return breaks


#: a Word document's fixed line heights (exact line spacing: every program lays them out alike), in points
WORD_LINE = {10.0: 14.0, 14.0: 20.0, 16.0: 24.0}
WORD_CELL_MARGIN = 1.5  # pt above and below a cell's text


def word_pages(table: PublishedTable) -> int:
    """The pages a list takes in the Word document: its paragraphs and rows at their exact line heights, the
    columns as wide as the workbook's (Excel's widths), rows never broken, the header row repeated."""
    measure = Measure()
    shown = [c for c in table.columns if not c.hidden]
    across = sum(column_pt(c.width) + CELL_PADDING for c in shown) - CELL_PADDING
    heights: list[float] = []
    for text, size in ((table.attachment, 14.0), (table.title, 16.0), (table.issuer, 10.0), *((line, 10.0) for line in table.lines)):
        if text:
            heights.append(wrapped(text, across, size) * WORD_LINE[size])
    header = len(heights)
    keep: set[int] = set()

    def row(cells: list[tuple[str, float]]) -> float:
        lines = max((measure.lines(t, w) for t, w in cells), default=1)
        return lines * WORD_LINE[10.0] + 2 * WORD_CELL_MARGIN + 0.5

    heights.append(row([(c.label, c.width) for c in shown]))
    for section in table.sections:
        keep.add(len(heights))
        heights.append(wrapped(section.title(), across, 10.0) * WORD_LINE[10.0] + 2 * WORD_CELL_MARGIN + 0.5)
        for r in section.rows:
            heights.append(row([(str(v), c.width) for v, c in zip(r.cells, table.columns, strict=True) if not c.hidden]))
    heights.append(row([]))
    heights += [wrapped(note, across, 10.0) * WORD_LINE[10.0] for note in table.notes]
    return len(paginate(heights, header, keep, usable_height(table.paper))) + 1
