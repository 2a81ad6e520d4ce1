"""The paper and column widths of a published list, chosen by its content so that no text is printed under 9 pt:
every list is printed at 100 % with 10-pt text, on A4 landscape when its columns fit there at their narrowest,
else on A3 landscape, else with the columns a reader misses least hidden (`columns.SPARE`) until it fits A3.

Each column is first as narrow as it may be (its fewest characters per line, its longest unbreakable piece), then
widened toward its longest value, the room shared in proportion to how much text the column holds (which saves
the most lines), then the room left goes to the columns that grow (names, bases), again by how much they hold. Widths of Chinese columns are
whole numbers of characters, so that Excel and LibreOffice wrap them alike (measure.py)."""

from __future__ import annotations

from dataclasses import dataclass

from .columns import SPARE, SPECS
from .measure import CELL_PADDING, NARROW_PAD, NARROW_PT, WIDE_PAD, WIDE_PT, longest_piece, text_pt, units_for
from .model import MARGINS, Paper, PublishedTable

BODY = 10.0  # pt: the text of the cells
BOLD = 1.1  # a bold word (the header) is about this much wider than the same word in the body
FILL = 0.97  # of the printable width: renderers differ a little, fonts may be substituted
MOST = 180.0  # pt: a code column wider than this wraps (long platform codes: two lines) instead of taking the page
PAPERS = {"a4": (Paper("A4"),), "a3": (Paper("A3"),), "auto": (Paper("A4"), Paper("A3"))}
#: printed width of a column as a function of its text room: SLOPE * room + OFFSET (LibreOffice, the wider)
SLOPE = WIDE_PT / NARROW_PT
OFFSET = WIDE_PT * (CELL_PADDING - NARROW_PAD) / NARROW_PT + WIDE_PAD


@dataclass
class Need:
    """What one shown column needs, in points of text room."""

    index: int
    least: float
    natural: float
    volume: float
    grow: float
    whole_chars: bool


def needs(table: PublishedTable) -> list[Need]:
    """The needs of the shown columns (each distinct text measured once)."""
    out = []
    for i, col in enumerate(table.columns):
        if col.hidden:
            continue
        spec = SPECS[col.key]
        values = [str(r.cells[i]) for s in table.sections for r in s.rows]
        widths = {v: text_pt(v, BODY) for v in set(values)}
        natural = max([_widest_line(v, w) for v, w in widths.items()] + [text_pt(col.label, BODY)])
        piece = min(max([*(longest_piece(v, BODY) for v in widths), *(BOLD * longest_piece(h, BODY) for h in _heads(table, i))]), MOST)
        least = min(natural, MOST) if spec.chars == 0 else max(min(spec.chars * BODY, natural), piece)
        natural = min(natural, MOST) if spec.chars == 0 else natural  # (codes wrap at their hyphens beyond)
        volume = sum(map(widths.__getitem__, values))  # (in row order: the same sum as ever)
        out.append(Need(i, least, max(natural, least), volume, spec.grow, spec.chars > 0))
    return out


def _heads(table: PublishedTable, i: int) -> list[str]:
    """The bold texts set in column `i` besides its cells: its header, and in the first column the total row's
    word ("Total" must not break into "Tot" / "al")."""
    first = next(n for n, c in enumerate(table.columns) if not c.hidden)
    return [table.columns[i].label, *([table.total[0]] if i == first and table.total[0] else [])]


def _widest_line(text: str, width: float) -> float:
    """The width of the widest line of `text` (`width`: of the whole text, when it has one line)."""
    return width if "\n" not in text else max(text_pt(line, BODY) for line in text.split("\n"))


def room(paper: Paper, columns: int) -> float:
    """The text room (sum over the columns, pt) a paper's printable width leaves for `columns` columns."""
    printable = paper.size[0] - (MARGINS[0] + MARGINS[1]) * 72
    return (printable * FILL - columns * (OFFSET + SLOPE * 0.5)) / SLOPE


def spread(cols: list[Need], total: float) -> list[float]:
    """Text room per column: each its least, then toward its natural width in proportion to its text, then the
    rest to the columns that grow."""
    widths = [c.least for c in cols]
    extra = total - sum(widths)
    for _ in range(len(cols)):
        open_ = [i for i, c in enumerate(cols) if widths[i] < c.natural - 0.01]
        if extra <= 0.01 or not open_:
            break
        weight = sum(max(cols[i].volume, 1.0) for i in open_)
        given = 0.0
        for i in open_:
            share = min(extra * max(cols[i].volume, 1.0) / weight, cols[i].natural - widths[i])
            widths[i] += share
            given += share
        extra -= given
    growing = sum(c.grow * c.volume for c in cols)
    if extra > 0 and growing:
        widths = [w + extra * c.grow * c.volume / growing for w, c in zip(widths, cols, strict=True)]
    return [(max((w // BODY) * BODY, c.least) if c.whole_chars else w) + 0.5 for w, c in zip(widths, cols, strict=True)]


def fit(table: PublishedTable, choice: str = "auto") -> None:
    """Choose the paper and every shown column's width (Excel character units); hide spare columns when even
    the largest paper allowed is too narrow."""
    papers = PAPERS.get(choice, PAPERS["auto"])
    cols = needs(table)
    paper = next((p for p in papers if sum(c.least for c in cols) <= room(p, len(cols))), None)
    if paper is None:
        paper = papers[-1]
        for key in SPARE:
            at = table.column(key)
            if at is None or table.columns[at].hidden:
                continue
            table.columns[at].hidden = True
            table.dropped.append(table.columns[at].label)
            cols = needs(table)
            if sum(c.least for c in cols) <= room(paper, len(cols)):
                break
    table.paper = paper
    for need, width in zip(cols, spread(cols, room(paper, len(cols))), strict=True):
        col = table.columns[need.index]
        col.width = round(units_for(width), 2)
        if "（" in col.label and text_pt(col.label, BODY) > width and not col.label.startswith("（"):
            col.label = col.label.replace("（", "\n（", 1)  # "法定时限\n（工作日）": broken where a reader expects
