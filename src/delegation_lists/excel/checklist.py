"""The `checklist` template: the working list for reconciling or reviewing.

A summary sheet first (each list's whole title and jurisdiction, its item count and the count of each status as
live COUNTIF formulas over the item sheets, a 合计 row summing them), then one sheet per list: its title, the
header row (repeated on every page, filtered), the items in the published order (by kind, as the sections of the
published list) with their kind, department and mode (a township's own items: 自有), a status column restricted to the configured values (data
validation, default 已承接 / 未承接 / 待核实, prefilled with the last one) and coloured by value, a remarks column,
and a 合计 row. Printed at 100 % on A4 landscape with rows as high as their text, each sheet numbering its pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..catalog import Catalog
from ..memory import paused_gc
from ..publish.measure import Measure
from ..publish.model import Paper
from ..publish.tables import split_own
from .labels import kind_label, label
from .layout import layout_sheet
from .lists import PublishedList, by_kind, field_value, properties, published_lists, sheet_names
from .model import Book, Column, Formula, Sheet, sheet_title
from .published import paged
from .writer import sheet_ref

KEYS = ("seq", "code", "name", "kind", "department", "mode", "check", "remarks")
WIDTHS = {"seq": 5, "code": 18, "name": 31, "kind": 12, "department": 17, "mode": 9, "check": 10, "remarks": 24}
CENTERED = ("seq", "kind", "mode", "check")
FILLS = ("good", "bad", "neutral")


def _heights(sheet: Sheet, measure: Measure) -> None:
    widths = [c.width for c in sheet.columns]
    for r, row in enumerate(sheet.rows):
        if r not in sheet.heights:
            sheet.heights[r] = measure.height([(str(v), w) for v, w in zip(row, widths, strict=False) if isinstance(v, str)])


def _total_row(sheet: Sheet, first: str, rest: list[object], style: str = "total") -> None:
    at = len(sheet.rows)
    sheet.rows.append([first, *rest])
    sheet.styles.update({(at, c): style for c in range(len(sheet.columns))})


def _item_sheet(cat: Catalog, pl: PublishedList, statuses: list[str], lang: str, title: str) -> Sheet:
    cols = [Column(label(k, lang), WIDTHS[k], "center" if k in CENTERED else "cell") for k in KEYS]
    sheet = Sheet(title, cols)
    sheet.add_banner(label("checklist.title", lang, title=pl.title + label("total", lang, n=len(pl.entries))), "title")
    sheet.heights[0] = 30
    sheet.add_header()
    entries = [e for _, group in by_kind(pl.entries) for e in group]
    own = {id(e) for e in split_own(pl)[1]}
    for seq, entry in enumerate(entries, start=1):
        sheet.origins[len(sheet.rows)] = (str(entry.doc.path), entry.index)
        mode = label("own.mode", lang) if id(entry) in own else field_value(cat, entry, "mode", lang)
        sheet.rows.append([seq, entry.code, entry.item.name or "", kind_label(entry.item.kind, lang), entry.item.department or "",
                           mode, statuses[-1], ""])
    sheet.data_end = len(sheet.rows) - 1
    _total_row(sheet, label("sum", lang), [label("sum.count", lang, n=len(entries)), *[""] * (len(KEYS) - 2)])
    sheet.merges.append((len(sheet.rows) - 1, 1, len(sheet.rows) - 1, len(KEYS) - 1))
    status_col = KEYS.index("check")
    sheet.validations.append((status_col, statuses))
    sheet.highlights += [(status_col, s, FILLS[min(i, 2)]) for i, s in enumerate(statuses)]
    _heights(sheet, Measure())
    paged(sheet, Paper("A4"), set(), lang)
    return sheet


def _summary(sheets: list[Sheet], lists: list[PublishedList], statuses: list[str], lang: str, title: str) -> Sheet:
    cols = [Column(label("sheet", lang), 44), Column(label("jurisdiction", lang), 14, "center"), Column(label("items", lang), 10, "center")]
    cols += [Column(s, 10, "center") for s in statuses]
    summary = Sheet(title, cols)
    summary.add_header()
    code_col, status_col = KEYS.index("code"), KEYS.index("check")
    for sheet, pl in zip(sheets, lists, strict=True):
        first, last = sheet.header_row + 1, max(sheet.data_end or 0, sheet.header_row + 1)
        codes, checks = sheet_ref(sheet.title, code_col, first, last), sheet_ref(sheet.title, status_col, first, last)
        n = len(pl.entries)
        counts = [Formula(f'=COUNTIF({checks},"{s}")', n if s == statuses[-1] else 0) for s in statuses]
        summary.rows.append([pl.title, pl.name, Formula(f"=COUNTA({codes})", n), *counts])
    summary.data_end = len(summary.rows) - 1
    end = len(summary.rows)
    sums = [Formula(f"=SUM({col}2:{col}{end})", v) for col, v in
            zip("CDEFGHIJKLMNOPQRSTUVWXYZ", [sum(len(pl.entries) for pl in lists), *(sum(len(pl.entries) for pl in lists) if s == statuses[-1] else 0
                                                                                    for s in statuses)], strict=False)]
    _total_row(summary, label("sum", lang), ["", *sums])
    _heights(summary, Measure())
    paged(summary, Paper("A4"), set(), lang)
    return summary


@paused_gc()
def checklist_book(cat: Catalog, only: Sequence[str] = (), lang: str = "zh", statuses: Sequence[str] = (),
                   drafts: bool = False) -> Book:
    """Summary sheet first, then one item sheet per list (drafts only when `drafts`)."""
    values = list(statuses) or label("statuses", lang).split(",")
    used = {label("summary", lang).lower()}
    lists = published_lists(cat, only, lang, drafts)
    sheets = [_item_sheet(cat, pl, values, lang, sheet_title(name, used)) for pl, name in zip(lists, sheet_names(lists), strict=True)]
    summary = _summary(sheets, lists, values, lang, label("summary", lang))
    props = properties([s.title for s in sheets], lists)
    return Book([summary, *sheets, layout_sheet(cat, sheets)], props)
