"""`dlists laws --format xlsx`: the laws cited (one row per law, a sheet of the lines not understood), or the
entries citing one law, printable (A4 landscape, the header repeated on every page)."""

from __future__ import annotations

from ..laws.results import LawIndex, LawUses
from ..render.labels import label
from ..render.laws import (
    hit_line,
    index_header,
    index_rows,
    not_found,
    unparsed_header,
    unparsed_rows,
    uses_header,
    uses_rows,
    uses_title,
)
from .model import Book, Column, Print, Sheet, sheet_title


def index_book(index: LawIndex) -> Book:
    """The laws sheet (title, the hit rate, a row per law), then the basis lines in which no law was found."""
    used: set[str] = set()
    header = index_header(index)
    cols = [Column(h, 48 if i == 0 else 30 if i == len(header) - 1 else 10, "wrap" if i in (0, len(header) - 1) else "center")
            for i, h in enumerate(header)]
    sheet = Sheet(sheet_title(label("laws.sheet"), used), cols, print=Print(repeat_rows=(2, 2)))
    sheet.add_banner(label("laws.title"), "title")
    sheet.add_banner(hit_line(index), "section")
    sheet.add_header()
    sheet.rows += index_rows(index)
    sheets = [sheet]
    if index.unparsed:
        cols = [Column(h, w, "wrap") for h, w in zip(unparsed_header(), (14, 22, 60, 40), strict=True)]
        other = Sheet(sheet_title(label("laws.unparsed"), used), cols, print=Print(repeat_rows=(1, 1)))
        other.add_banner(label("laws.unparsed"), "title")
        other.add_header()
        other.rows += unparsed_rows(index)
        sheets.append(other)
    return Book(sheets)


def uses_book(result: LawUses) -> Book:
    """One sheet: the title naming the law (and article), a row per entry citing it, county first."""
    widths = (14, 12, 10, 22, 36, 48, 20)
    styles = ("wrap", "center", "center", "cell", "wrap", "wrap", "wrap")
    cols = [Column(h, w, st) for h, w, st in zip(uses_header(), widths, styles, strict=True)]
    sheet = Sheet(sheet_title(label("laws.uses_sheet"), set()), cols, print=Print(repeat_rows=(1, 1)))
    sheet.add_banner(uses_title(result) if result.uses else not_found(result), "title")
    sheet.add_header()
    sheet.rows += uses_rows(result)
    return Book([sheet])
