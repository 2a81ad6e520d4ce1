"""PDF tables with pdfplumber (the `pdf` extra): the ruled table of every page, one table across pages — the
header repeated on each page dropped, a row broken across a page joined, a cell merged across rows (or pages)
filled down, across columns filled right — and the text above the first table and under the last as title and
note rows. A PDF without a text layer (a scan) or without a ruled table is refused with a message saying so."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..said import msg
from ..stated import stated_line
from .table import ReadError, Table, need

PAGE_NUMBER = re.compile(r"^[-—–\s]*\d+[-—–\s]*$|^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$"
                         r"|^Page\s+\d+(\s+of\s+\d+)?$", re.I)
POINT = re.compile(r"^(?:\d+[.、．](?!\d)|[（(]\d+[)）]|[一二三四五六七八九十]+、)")  # (4.5吨 is a number, not point 4)
WIDE = re.compile(r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]")
MAX_PAGES = 5000
#: a line that starts a paragraph of its own (附件2, 填表单位, 注, a numbered point; Attachment 2, Note); "附件2" alone ends one
ALONE = re.compile(r"\s*(?:附\s*件\s*[\d一二三四五六七八九十]*|(?:Attachment|Annex)\s*\d*)\s*[:：]?\s*", re.I)
STARTS = re.compile(r"^\s*(?:附\s*件|填|制表|注|备注|说明|\d+[.、．]|[（(]\d+[)）]|(?:Attachment|Annex|Notes?|Issued by)\b)", re.I)
#: a line that ends a paragraph: a title with its total ("……清单（共92项）")
ENDS = re.compile(r"[（(]\s*共\s*\d+\s*项\s*[)）]\s*$|\(\d+ items\)\s*$")


def goes_on(paragraph: str, line: str) -> bool:
    """Whether `line` is the wrapped rest of `paragraph`: not when it starts one of its own (附件, 注, a numbered
    point, a stated value "下放依据：……"), nor after "附件2" alone or a title ending in its total."""
    return not (STARTS.match(line) or ALONE.fullmatch(paragraph) or ENDS.search(paragraph) or stated_line(line))


def unwrap(text: str | None) -> str | None:
    """A cell's lines as the PDF wrapped them -> its text: a wrap between Chinese characters vanishes, one
    between Latin words is a space (one after a hyphen is none); a line break before a numbered point or after 。/； is kept."""
    if text is None or "\n" not in text:
        return text
    lines = text.split("\n")
    out = lines[0]
    for line in lines[1:]:
        if POINT.match(line):
            out += "\n" + line
        elif WIDE.match(out[-1:] or " ") or WIDE.match(line[:1] or " ") or out.endswith("-"):
            out += line  # (a break after a hyphen, as in 2023-07-|01 or a code, is no space either)
        else:
            out += " " + line
    return out


@dataclass
class Grid:
    """A page's table: its cells, and the columns whose last row is part of a cell merged over several rows
    (which an empty cell in the first row of the next page continues)."""

    cells: list[list[str | None]]
    merged_at_end: set[int] = field(default_factory=set)


def _grid(page: Any, table: Any) -> Grid:
    """The table's cells; a cell covered by its left neighbour's span takes its text; a run of rows under no
    ruled cell (a merged cell cut by the page end) takes the text found in that band of its column; one covered
    from above stays None (filled down later, possibly from the previous page), as does an empty merged cell."""
    text = [[unwrap(c) for c in row] for row in table.extract()]
    if not text:
        return Grid(text)
    starts: dict[int, float] = {}
    ends: dict[int, float] = {}
    for row in table.rows:
        for c, box in enumerate(row.cells):
            if box is not None:
                starts[c] = min(starts.get(c, box[0]), box[0])
                ends[c] = min(ends.get(c, box[2]), box[2])
    for r, row in enumerate(table.rows):
        for c, box in enumerate(row.cells):
            if box is None and c > 0:
                left = next((k for k in range(c - 1, -1, -1) if row.cells[k] is not None), None)
                if left is not None and row.cells[left][2] > starts.get(c, 1e9) + 1:
                    text[r][c] = text[r][left]
            elif box is not None and not (text[r][c] or "").strip() and box[3] > _row_bottom(row) + 1:
                text[r][c] = None  # an empty cell over several rows: the rest of a cell from the page before
    for c in starts:
        _uncovered(page, table, text, c, (starts[c], ends[c]))
    return Grid(text, _merged_at_end(table, len(text[-1])))


def _merged_at_end(table: Any, width: int) -> set[int]:
    """The columns whose cell in the table's last row is covered from above (or by nothing: cut by the page)."""
    if len(table.rows) < 2:
        return set()
    last = table.rows[-1].cells
    return {c for c in range(width) if c >= len(last) or last[c] is None}


def _row_bottom(row: Any) -> float:
    """Where a row ends: its lowest cell's bottom edge that is highest (a merged cell reaches further)."""
    return float(min(b[3] for b in row.cells if b is not None))


def _band_text(page: Any, band: tuple[float, float, float, float], to_page_end: bool) -> str | None:
    """The text in a band of the page; for a band that reaches the page's end, also the text LibreOffice set
    below the page (a merged cell's text centred in the part of it on later pages)."""
    found = unwrap((page.within_bbox(band).extract_text() or "").strip())
    if not found and to_page_end:
        from pdfplumber.utils.text import extract_text

        below = [ch for ch in page.chars if ch["top"] >= page.height and band[0] - 1 <= ch["x0"] and ch["x1"] <= band[2] + 1]
        found = unwrap(extract_text(below).strip()) if below else None
    return found or None


def _uncovered(page: Any, table: Any, text: list[list[str | None]], c: int, span: tuple[float, float]) -> None:
    """Runs of rows of column `c` that no ruled cell covers get the text in their band of the column."""
    bottom, run = 0.0, []
    for r, row in enumerate([*table.rows, None]):
        box = row.cells[c] if row is not None and c < len(row.cells) else None
        if row is not None and box is None and text[r][c] is None and row.bbox[1] >= bottom - 1:
            run.append(r)
            continue
        if run:
            band = (span[0], table.rows[run[0]].bbox[1], span[1], table.rows[run[-1]].bbox[3])
            found = _band_text(page, band, run[-1] == len(table.rows) - 1)
            for k in run:
                text[k][c] = found
            run = []
        if box is not None:
            bottom = box[3]


def _lines(page: Any, top: float, bottom: float) -> list[str]:
    """The text lines of a band of the page (page numbers dropped), a wrapped paragraph joined."""
    if bottom - top < 1:
        return []
    def inside(obj: dict[str, Any]) -> bool:  # by its middle: Word sets a note's first line into the rule
        return obj.get("object_type") != "char" or top <= (obj["top"] + obj["bottom"]) / 2 <= bottom

    band = page.filter(inside)
    lines = [line.strip() for line in (band.extract_text() or "").split("\n")]
    paragraphs: list[str] = []
    for line in (x for x in lines if x and not PAGE_NUMBER.match(x)):
        if paragraphs and goes_on(paragraphs[-1], line):
            paragraphs[-1] = unwrap(paragraphs[-1] + "\n" + line) or line  # a wrapped line of the paragraph
        else:
            paragraphs.append(line)
    return paragraphs


class _Pages:
    """Page tables in order -> Tables: one per run of tables of one width."""

    def __init__(self) -> None:
        self.tables: list[Table] = []
        self.header: list[str | None] | None = None
        self.width = 0
        self.page_row = 0  # the row's number on its page, for its place
        self.merged: set[int] = set()  # columns merged over the last rows of the page before

    def _add(self, cells: list[Any], page: int) -> None:
        table = self.tables[-1]
        number = len(table.rows) + 1
        table.rows.append((number, cells))
        self.page_row += 1
        table.places[number] = f"第{page}页 第{self.page_row}行"

    def text(self, lines: list[str], page: int) -> None:
        if not self.tables:
            self.tables.append(Table("PDF", [], kind="pdf"))
        for line in lines:
            rows = self.tables[-1].rows
            if rows and len(rows[-1][1]) == 1 and goes_on(rows[-1][1][0] or "", line):
                rows[-1] = (rows[-1][0], [unwrap(f"{rows[-1][1][0]}\n{line}")])  # a paragraph going on over the page
            else:
                self._add([line], page)

    def table(self, found: Grid, page: int) -> None:
        grid = found.cells
        if not grid:
            return
        width = max(len(r) for r in grid)
        if self.header is not None and width == self.width:  # the table goes on
            if grid[0] == self.header:
                grid = grid[1:]  # its header, repeated on this page
            elif self._continues(grid[0]):
                self._join(grid[0])
                grid = grid[1:]
            if grid:  # an empty first cell under a merged cell of the page before: its continuation
                grid[0] = [None if c in self.merged and not (v or "").strip() else v for c, v in enumerate(grid[0])]
        else:
            if self.header is not None:  # another table, of another width
                self.tables.append(Table(f"PDF表{len(self.tables) + 1}", [], kind="pdf"))
            elif not self.tables:
                self.tables.append(Table("PDF", [], kind="pdf"))
            self.header, self.width = grid[0], width
        for row in grid:
            self._add(row, page)
        self.merged = found.merged_at_end

    def _continues(self, first: list[str | None]) -> bool:
        """A row whose first cell (序号) is empty and others are not: the rest of the last row of the page before."""
        body = self.tables[-1].rows
        return bool(body) and not (first[0] or "").strip() and any((c or "").strip() for c in first[1:])

    def _join(self, rest: list[str | None]) -> None:
        number, last = self.tables[-1].rows[-1]
        joined = [a if not b else b if a is None else unwrap(f"{a}\n{b}") for a, b in zip(last, rest, strict=False)]
        self.tables[-1].rows[-1] = (number, joined)

    def new_page(self) -> None:
        self.page_row = 0

    def finish(self) -> list[Table]:
        for table in self.tables:  # cells merged across rows (and pages): their value in every row they cover
            above: list[Any] = []
            for i, (number, cells) in enumerate(table.rows):
                filled = [above[c] if v is None and c < len(above) and len(cells) > 1 else v for c, v in enumerate(cells)]
                table.rows[i] = (number, filled)
                if len(cells) > 1:
                    above = filled
        return self.tables


def _open(path: Path) -> Any:
    pdfplumber = need("pdfplumber", "pdf", "PDF")
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        return pdfplumber.open(str(path))
    except PDFPasswordIncorrect:
        raise ReadError(msg("import.read.pdf_locked"), path) from None
    except (PdfminerException, ValueError, TypeError, KeyError, OSError) as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if type(cause).__name__ == "PDFPasswordIncorrect":
            raise ReadError(msg("import.read.pdf_locked"), path) from None
        raise ReadError(msg("import.read.pdf_broken", error=f"{type(cause).__name__}: {cause}"), path) from None


def read_pdf(path: Path) -> list[Table]:
    """The tables of a PDF, joined across pages, with the text above and under them."""
    pages = _Pages()
    chars = 0
    with _open(path) as pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise ReadError(msg("import.read.pdf_pages", pages=f"{len(pdf.pages):,}", limit=f"{MAX_PAGES:,}"), path)
        last = len(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            chars += len(page.chars)
            pages.new_page()
            found = sorted(page.find_tables(), key=lambda t: t.bbox[1])
            if not found:
                pages.text(_lines(page, 0, page.height) if number in (1, last) else [], number)
                page.close()
                continue
            if number == 1:
                pages.text(_lines(page, 0, found[0].bbox[1]), number)
            for table in found:
                pages.table(_grid(page, table), number)
            if number == last:
                pages.text(_lines(page, found[-1].bbox[3], page.height), number)
            page.close()  # its parsed objects go: a 300-page list would otherwise hold them all
    if chars == 0:
        raise ReadError(msg("import.read.pdf_scanned"), path)
    tables = [t for t in pages.finish() if len(t.rows) > 1]
    if not tables:
        raise ReadError(msg("import.read.pdf_no_table"), path)
    return tables
