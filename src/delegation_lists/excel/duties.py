"""The department view of the duty lists as a workbook: the counts per township, then one sheet per department
(the cooperating duties it leads, with both duties, and the duties it took back); with village lists, the
villages' counts and one sheet per township of its villages' assist work (a row per village and work)."""

from __future__ import annotations

from ..dutyview import DutyView, TownshipVillages
from ..render.duties import counts_header, counts_rows
from ..render.labels import label
from ..render.villages import carrier_header, carrier_rows, village_counts_header, village_counts_rows
from .model import Book, Column, Print, Sheet, sheet_title


def department_book(view: DutyView) -> Book:
    """Summary sheet, then a sheet per department (by full name), headers in the user's language."""
    used: set[str] = set()
    summary = Sheet(sheet_title(label("summary_sheet"), used), [Column(h, 16 if i < 2 else 12, "cell" if i < 2 else "center")
                                                               for i, h in enumerate(counts_header(view.townships))])
    summary.add_banner(label("duties.title"), "title")
    summary.add_header()
    summary.rows += counts_rows(view.townships)
    sheets = [summary] if view.townships or not view.villages else []
    for d in view.departments:
        cols = [Column(label("category"), 12), Column(label("township"), 14), Column(label("code"), 20),
                Column(label("item"), 36, "wrap"), Column(label("duties.lead_duty"), 36, "wrap"),
                Column(label("duties.duty"), 36, "wrap")]
        sheet = Sheet(sheet_title(d.department, used), cols, print=Print(repeat_rows=(1, 1)))
        sheet.add_banner(d.department, "title")
        sheet.add_header()
        sheet.rows += [[label("duties.cooperate"), r.township, r.code, r.name, r.lead_duty, r.duty] for r in d.leads]
        sheet.rows += [[label("duties.recalled"), r.township, r.code, r.name, r.how, ""] for r in d.took_back]
        sheets.append(sheet)
    if view.villages:
        sheets += village_sheets(view.villages, used)
    return Book(sheets)


def village_sheets(view: list[TownshipVillages], used: set[str]) -> list[Sheet]:
    """The villages' counts (a township column first), then per township its villages' assist work."""
    every = [r for t in view for r in t.villages]
    heads = [label("villages.township"), *village_counts_header(every)]
    counts = Sheet(sheet_title(label("villages.stats_title"), used),
                   [Column(h, 14 if i < 3 else 10, "cell" if i < 3 else "center") for i, h in enumerate(heads)])
    counts.add_banner(label("villages.stats_title"), "title")
    counts.add_header()
    flagged = any(r.unresolved for r in every)
    counts.rows += [[t.name, *row] for t in view for row in village_counts_rows(t.villages, flagged)]
    sheets = [counts]
    for t in view:
        widths = (30, 14, 24, 12, 20, 24, 12, 20)
        sheet = Sheet(sheet_title(label("villages.title", name=t.name).split("：")[0] + label("villages.sheet"), used),
                      [Column(h, w, "wrap" if w >= 24 else "cell") for h, w in zip(carrier_header(), widths, strict=True)],
                      print=Print(repeat_rows=(1, 1)))
        sheet.add_banner(label("villages.title", name=t.name), "title")
        sheet.add_header()
        sheet.rows += carrier_rows(t)
        sheets.append(sheet)
    return sheets
