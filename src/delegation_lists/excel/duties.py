"""The department view of the duty lists as a workbook: the counts per township, then one sheet per department
(the cooperating duties it leads, with both duties, and the duties it took back)."""

from __future__ import annotations

from ..dutyview import DutyView
from ..render.duties import counts_header, counts_rows
from ..render.labels import label
from .model import Book, Column, Print, Sheet, sheet_title


def department_book(view: DutyView) -> Book:
    """Summary sheet, then a sheet per department (by full name), headers in the user's language."""
    used: set[str] = set()
    summary = Sheet(sheet_title(label("summary_sheet"), used), [Column(h, 16 if i < 2 else 12, "cell" if i < 2 else "center")
                                                               for i, h in enumerate(counts_header())])
    summary.add_banner(label("duties.title"), "title")
    summary.add_header()
    summary.rows += counts_rows(view.townships)
    sheets = [summary]
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
    return Book(sheets)
