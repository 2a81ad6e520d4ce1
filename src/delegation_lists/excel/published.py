"""The `published` template: each published table (publish/tables.py) as a sheet that prints without hand work.

附件N line, title with the total, issuer and date, the values every row shares, the header row (repeated on every
page), section rows ("一、行政许可（共31项）"), 序号 restarting per section, equal departments of neighbouring rows
merged (within a page), the 合计 row and the notes. Every row as high as its wrapped text (publish/measure.py),
all cells centred vertically; printed at 100 % on the paper the table was fitted to, centred, with page breaks
placed by the export and each sheet numbering its own pages ("第 1 页 共 3 页").
"""

from __future__ import annotations

from collections.abc import Sequence

from ..catalog import Catalog
from ..memory import paused_gc
from ..publish.measure import CELL_PADDING, NARROW_PAD, NARROW_PT, Measure, row_height, wrapped
from ..publish.model import HEADER_FOOTER, MARGINS, Options, Paper, PublishedTable
from ..publish.pages import paginate, usable_height
from ..publish.tables import published_tables
from .labels import label
from .layout import layout_sheet
from .model import Book, Column, Print, Sheet, sheet_title

TITLE_PT, ATTACHMENT_PT, BODY_PT = 16.0, 14.0, 10.0


class _Rows:
    """A sheet being filled, with the height of each row as it is added."""

    def __init__(self, table: PublishedTable, title: str) -> None:
        self.table = table
        self.sheet = Sheet(title, [Column(c.label, c.width, "center" if c.align == "center" else "cell", c.hidden)
                                   for c in table.columns], autofilter=False)
        self.measure = Measure()
        shown = [c.width for c in table.columns if not c.hidden]
        self.across = sum(NARROW_PT * w + NARROW_PAD for w in shown) - CELL_PADDING  # text room of a banner
        self.keep: set[int] = set()

    def banner(self, text: str, style: str, size: float = BODY_PT, room: float | None = None) -> None:
        self.sheet.heights[len(self.sheet.rows)] = row_height(wrapped(text, room or self.across, size), size) + (4 if size > BODY_PT else 0)
        self.sheet.add_banner(text, style)

    def cells(self, cells: Sequence[str | int], styles: dict[int, str] | None = None) -> int:
        at = len(self.sheet.rows)
        shown = [(str(v), c.width) for v, c in zip(cells, self.table.columns, strict=True) if not c.hidden]
        self.sheet.heights[at] = self.measure.height(shown)
        self.sheet.rows.append(list(cells))
        self.sheet.styles.update({(at, c): s for c, s in (styles or {}).items()})
        return at


def _furniture(rows: _Rows, table: PublishedTable) -> None:
    if table.attachment:
        rows.banner(table.attachment, "attachment", ATTACHMENT_PT)
    rows.banner(table.title, "title", TITLE_PT)
    if table.issuer or table.date:
        last = len(table.columns) - 1
        half = max(0, min(last - 1, last // 2))
        at = rows.cells([table.issuer, *[""] * half, table.date, *[""] * (last - half - 1)],
                        {c: "line" if c <= half else "line_right" for c in range(last + 1)})
        lines = max(wrapped(text, rows.across / 2, BODY_PT) for text in (table.issuer, table.date))
        rows.sheet.heights[at] = row_height(lines, BODY_PT)
        rows.sheet.merges += [m for m in ((at, 0, at, half), (at, half + 1, at, last)) if m[1] < m[3]]
    for line in table.lines:
        rows.banner(line, "line")


def _merge_equal(sheet: Sheet, rows: list[int], col: int, breaks: set[int]) -> None:
    """Merge runs of equal values in column `col` over consecutive `rows`, never across a page break."""
    run: list[int] = []
    for r in [*rows, -1]:
        same = run and r == run[-1] + 1 and r not in breaks and r >= 0 and sheet.rows[r][col] == sheet.rows[run[0]][col]
        if same:
            run.append(r)
            continue
        if len(run) > 1 and sheet.rows[run[0]][col] != "":
            sheet.merges.append((run[0], col, run[-1], col))
            for blank in run[1:]:
                sheet.rows[blank] = [*sheet.rows[blank][:col], "", *sheet.rows[blank][col + 1:]]
        run = [r]


def table_sheet(table: PublishedTable, title: str, lang: str = "zh") -> Sheet:
    """One published table as a sheet."""
    rows = _Rows(table, title)
    sheet = rows.sheet
    _furniture(rows, table)
    sheet.add_header()
    sheet.heights[sheet.header_row] = rows.measure.height([(c.label, c.width) for c in table.columns if not c.hidden])
    runs: list[list[int]] = []
    for section in table.sections:
        rows.keep.add(len(sheet.rows))
        rows.banner(section.title(lang), "section")
        runs.append([])
        for row in section.rows:
            at = rows.cells(row.cells)
            runs[-1].append(at)
            if row.origin is not None:
                sheet.origins[at] = row.origin
    sheet.data_end = len(sheet.rows) - 1
    last = len(table.columns) - 1
    total = rows.cells([table.total[0], table.total[1], *[""] * (last - 1)], dict.fromkeys(range(last + 1), "total"))
    if last > 1:
        sheet.merges.append((total, 1, total, last))
    for note in table.notes:
        rows.banner(note, "note")
    paged(sheet, table.paper, rows.keep, lang)
    for col in [c for c in (table.column(key) for key in table.merged) if c is not None]:
        for run in runs:
            _merge_equal(sheet, run, col, set(sheet.print.breaks))
    return sheet


def paged(sheet: Sheet, paper: Paper, keep: set[int], lang: str) -> None:
    """Print `sheet` (every row's height in `sheet.heights`) at 100 % on `paper`: page breaks placed (never
    after a row of `keep`), the header row repeated, its own pages numbered ("第 1 页 共 N 页")."""
    heights = [sheet.heights[r] for r in range(len(sheet.rows))]
    breaks = paginate(heights, sheet.header_row, keep, usable_height(paper))
    sheet.print = Print(landscape=paper.landscape, fit_width=False, repeat_rows=(sheet.header_row, sheet.header_row),
                        footer=label("footer.n", lang, n=len(breaks) + 1), paper=9 if paper.name == "A4" else 8,
                        breaks=breaks, first_page=1, margins=MARGINS, header_footer=HEADER_FOOTER, center=True)


def _properties(sheets: list[Sheet], tables: list[PublishedTable]) -> dict[str, str]:
    """Custom document properties for `dlists import`: each sheet's jurisdiction code, each code's name."""
    props = {f"dlists:{s.title}": t.jurisdiction for s, t in zip(sheets, tables, strict=True)}
    props.update({f"dlists-name:{t.jurisdiction}": t.name for t in tables})
    return props


@paused_gc()
def published_book(cat: Catalog, only: Sequence[str] = (), lang: str = "zh", drafts: bool = False,
                   options: Options | None = None) -> Book:
    """One sheet per published table (a township's own items on a sheet of their own unless `options.own` is
    "section"); custom properties map each sheet to its jurisdiction (for `dlists import`), and the very hidden
    layout sheet each row to its file."""
    opts = options or Options(lang=lang, drafts=drafts)
    return book_of(cat, published_tables(cat, only, opts), opts.lang)


def book_of(cat: Catalog, tables: list[PublishedTable], lang: str = "zh", sheets: list[Sheet] | None = None) -> Book:
    """The workbook of published tables: a sheet each (`table_sheet`, or `sheets` made already), the layout
    sheet, the properties, notes of hidden columns."""
    used: set[str] = set()
    titles = [sheet_title(t.sheet, used) for t in tables]
    if sheets is None:
        sheets = [table_sheet(t, title, lang) for t, title in zip(tables, titles, strict=True)]
    for sheet, title in zip(sheets, titles, strict=True):
        sheet.title = title
    return Book([*sheets, layout_sheet(cat, sheets)], _properties(sheets, tables), notes=dropped_notes(tables, lang))


def dropped_notes(tables: list[PublishedTable], lang: str) -> list[str]:
    """What to tell the user of columns hidden for want of room."""
    return [label("dropped", lang, sheet=t.sheet, paper=t.paper.name, columns="、".join(t.dropped)) for t in tables if t.dropped]
