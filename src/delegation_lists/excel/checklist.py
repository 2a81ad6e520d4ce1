"""The `checklist` template: the working list for reconciling or reviewing.

One sheet per list with a status column restricted to the configured values (data validation, default
已承接 / 未承接 / 待核实, prefilled with the last one) and coloured by value, a remarks column, and a summary sheet
first whose counts are live COUNTIF formulas over the item sheets.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..catalog import Catalog
from ..memory import paused_gc
from .labels import kind_label, label
from .layout import layout_sheet
from .lists import PublishedList, field_value, properties, published_lists, sheet_name
from .model import Book, Column, Formula, Sheet, sheet_title
from .writer import sheet_ref

KEYS = ("seq", "code", "name", "kind", "department", "mode", "check", "remarks")
WIDTHS = {"seq": 6, "code": 18, "name": 36, "kind": 12, "department": 18, "mode": 10, "check": 10, "remarks": 30}
FILLS = ("good", "bad", "neutral")


def _item_sheet(cat: Catalog, pl: PublishedList, statuses: list[str], lang: str, title: str) -> Sheet:
    cols = [Column(label(k, lang), WIDTHS[k], "center" if k in ("seq", "kind", "mode", "check") else "cell") for k in KEYS]
    sheet = Sheet(title, cols)
    sheet.add_header()
    for seq, entry in enumerate(pl.entries, start=1):
        sheet.origins[len(sheet.rows)] = (str(entry.doc.path), entry.index)
        sheet.rows.append([seq, entry.code, entry.item.name or "", kind_label(entry.item.kind, lang), entry.item.department or "",
                           field_value(cat, entry, "mode", lang), statuses[-1], ""])
    status_col = KEYS.index("check")
    sheet.validations.append((status_col, statuses))
    sheet.highlights += [(status_col, s, FILLS[min(i, 2)]) for i, s in enumerate(statuses)]
    return sheet


def _summary(sheets: list[Sheet], lists: list[PublishedList], statuses: list[str], lang: str, title: str) -> Sheet:
    cols = [Column(label("sheet", lang), 24), Column(label("items", lang), 10, "center")]
    cols += [Column(s, 10, "center") for s in statuses]
    summary = Sheet(title, cols)
    summary.add_header()
    code_col, status_col = KEYS.index("code"), KEYS.index("check")
    for sheet, pl in zip(sheets, lists, strict=True):
        last = max(len(sheet.rows) - 1, 1)
        codes, checks = sheet_ref(sheet.title, code_col, 1, last), sheet_ref(sheet.title, status_col, 1, last)
        n = len(pl.entries)
        counts = [Formula(f'=COUNTIF({checks},"{s}")', n if s == statuses[-1] else 0) for s in statuses]
        summary.rows.append([sheet.title, Formula(f"=COUNTA({codes})", n), *counts])
    summary.print.fit_width = True
    return summary


@paused_gc()
def checklist_book(cat: Catalog, only: Sequence[str] = (), lang: str = "zh", statuses: Sequence[str] = ()) -> Book:
    """Summary sheet first, then one item sheet per list, then the very hidden layout sheet (which file each row
    comes from: `dlists import` of the checklist writes the lists back to their files)."""
    values = list(statuses) or label("statuses", lang).split(",")
    used = {label("summary", lang).lower()}
    lists = published_lists(cat, only, lang)
    sheets = [_item_sheet(cat, pl, values, lang, sheet_title(sheet_name(pl, lists), used)) for pl in lists]
    summary = _summary(sheets, lists, values, lang, label("summary", lang))
    props = properties([s.title for s in sheets], lists)
    return Book([summary, *sheets, layout_sheet(cat, sheets)], props)
