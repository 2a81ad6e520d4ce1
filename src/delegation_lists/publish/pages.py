"""Where the pages of a printed sheet break. Rows have the heights the export gives them and the sheet prints at
100 %, so the export knows every page break before any program prints it: it writes them as manual page breaks
and the page count into the footer ("第 1 页 共 3 页"), which then counts the pages of its own list in every
program, Excel and LibreOffice alike (LibreOffice's page-count field counts the whole workbook)."""

from __future__ import annotations

from .model import MARGINS, Paper

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
