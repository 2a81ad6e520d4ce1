"""Workbooks of the other commands, on the same model and writer: the diff (one row per change and field, old
and new cells highlighted, and its delegation impact), the reconciliation (a summary, one sheet per child) and
the counts of `stats` (the kind table, a chart of items per jurisdiction)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..diff import TYPES, DiffResult, FieldChange
from ..diff.records import RecordCheck
from ..publish.measure import text_pt, units_for
from ..reconcile import CATEGORIES, ChildResult, ReconcileResult
from ..render.diff import impact_cells, show, summary_rows
from ..render.labels import field_name, label, mode
from ..render.reconcile import DUTY_HEADER, count_row
from ..render.reconcile import duty_rows as rec_duty_rows
from .adjustments import adjustment_sheet
from .model import Book, Chart, Column, Sheet

SIZE = 10.0  # pt, the cells' text
CODE_MARGIN = 1.0  # a unit of room beside the longest code (fonts that set digits wider than measured)


def fit(units: float, header: str, values: Sequence[Any] = ()) -> float:
    """A column `units` wide, or wider where its longest value (a code: never wrapped) or the longest word of its
    header would not fit on one line (measured as publish/measure.py measures: Latin at 0.64 em)."""
    words = [w for w in header.split() if w] or [header]
    longest = max((text_pt(str(v), SIZE) for v in [*values, *words] if v is not None), default=0.0)
    return max(float(units), round(units_for(longest) + CODE_MARGIN, 1))


def _cells(value: Any) -> str:
    """A value as a cell: a list as 、-separated text, nothing as an empty cell (never JSON)."""
    return show(value)


def diff_book(result: DiffResult, old: str, new: str, records: RecordCheck | None = None) -> Book:
    """Summary (counts by jurisdiction x change type), changes (one row per changed field, old and new side by
    side), impact; headers in the user's language, items and townships by name; with the records checked, the
    调整对照表 first (excel/adjustments.py)."""
    summary = Sheet(label("summary_sheet"), [Column(label("jurisdiction"), 16), *[Column(label(t), 10, "center") for t in TYPES]])
    summary.add_banner(f"{old} → {new}", "section")
    summary.add_header()
    summary.rows += summary_rows(result)
    cols = [("change", 10), ("jurisdiction", 14), ("code", 20), ("item", 30), ("old_code", 20), ("file", 30), ("line", 6),
            ("field", 18), ("old", 40), ("new", 40)]
    changes = Sheet(label("changes_sheet"), [Column(label(h), w, "wrap" if h in ("old", "new", "item") else "cell") for h, w in cols])
    changes.add_header()
    for c in result.changes:
        lead = [label(c.type), result.place(c.jurisdiction), c.item or "", c.name, c.old_item or "", c.file, c.line]
        for f in c.fields or [FieldChange("", None, None)]:
            r = len(changes.rows)
            old_v, new_v = (f.removed, f.added) if f.added is not None else (f.old, f.new)
            changes.rows.append([*lead, field_name(f.field) if f.field else "", _cells(old_v), _cells(new_v)])
            if f.field:
                changes.styles[(r, 8)], changes.styles[(r, 9)] = "old", "new"
    heads = ["township", "newly_delegated", "withdrawn", "mode_changed", "orphaned"]
    impact = Sheet(label("impact"), [Column(label(h), 30 if i else 14, "wrap" if i else "cell") for i, h in enumerate(heads)])
    impact.add_header()
    impact.rows += [[result.place(row.target), *["\n".join(cells) for cells in impact_cells(row, result)]] for row in result.impact]
    table = [adjustment_sheet(result, records, f"清单调整对照表（{old} → {new}）")] if records is not None else []
    return Book([*table, summary, changes, impact])


def reconcile_book(results: list[ReconcileResult]) -> Book:
    """A summary sheet, then one sheet per child with a list: every item by name and code with its category (a
    filterable column); headers in the user's language."""
    heads = ["parent", "child", "code", "delegated", *CATEGORIES, "coverage"]
    styles = ["cell"] * 3 + ["center"] * (len(heads) - 4) + ["percent"]
    codes = [c.jurisdiction for r in results for c in r.children]
    summary = Sheet(label("summary_sheet"), [Column(label(h), fit(14 if i < 2 else 10, label(h), codes if h == "code" else ()), styles[i])
                                             for i, h in enumerate(heads)])
    summary.add_header()
    summary.data_bars.append(len(heads) - 1)
    sheets = [summary]
    for result in results:
        summary.rows += [[result.parent_name, *count_row(c)[:-1], float(c.coverage)] for c in result.children]
        for c in result.children:
            if c.listed:
                sheets.append(_child_sheet(result, c))
    charts = [Chart(label("coverage_chart"), summary, 1, len(heads) - 1, 1, len(summary.rows) - 1)] if len(summary.rows) > 1 else []
    duty_rows = [[r.parent_name, *row] for r in results for row in rec_duty_rows(r)]
    if duty_rows:
        heads = ["parent", *DUTY_HEADER]
        duty = Sheet(label("duties.check")[:31], [Column(label(h), fit(14 if i < 3 else 12, label(h), [r[i] for r in duty_rows] if i < 3 else ()),
                                                         "cell" if i < 3 else "center") for i, h in enumerate(heads)])
        duty.add_header()
        duty.rows += duty_rows
        sheets.insert(1, duty)
    return Book(sheets, charts=charts)


def _child_sheet(result: ReconcileResult, c: ChildResult) -> Sheet:
    names = result.names
    rows: list[Sequence[Any]] = [[label("matched"), code, names.get(code, ""), ""] for code in c.matched]
    rows += [[label("mode_mismatch"), m.item, names.get(m.item, ""), label("mm_detail", delegated=mode(m.delegated), taken=mode(m.taken))]
             for m in c.mode_mismatch]
    rows += [[label("missing"), code, names.get(code, ""), label("missing_detail")] for code in c.missing]
    rows += [[label("unbacked"), u.item, names.get(u.item, ""), label(f"unbacked_{u.why}", source=result.name(u.source), how=u.inactive, child=c.name)]
             for u in c.unbacked]
    rows += [[label("own"), code, names.get(code, ""), ""] for code in c.own]
    rows += [[label("suggestion"), s.item, names.get(s.item, ""), label("suggest_detail", source=result.name(s.source), score=f"{s.score:.2f}")]
             for s in c.suggestions]
    if c.duties is not None:
        rows += [[label("recalled_taken"), r.item, names.get(r.item, ""),
                  label(f"recalled_taken_{r.by}", duty=f"{r.name} ({r.duty})", score=f"{r.score:.2f}")] for r in c.duties.recalled_taken]
        rows += [[label("no_duty"), code, names.get(code, ""), label("no_duty_detail")] for code in c.duties.without_duty]
    sheet = Sheet(c.name, [Column(label("category"), fit(12, label("category"), [r[0] for r in rows])),
                           Column(label("code"), fit(20, label("code"), [r[1] for r in rows])), Column(label("item"), 40, "wrap"),
                           Column(label("detail"), 50, "wrap")])
    sheet.add_header()
    sheet.rows += rows
    return sheet


def stats_book(header: list[str], rows: list[list[Any]]) -> Book:
    """The counts by jurisdiction and kind (`render/stats.kind_table`: code, jurisdiction by name, level, one column
    per kind, total) with data bars on the total, and a chart sheet of the totals per jurisdiction."""
    sheet = Sheet(label("by_kind"), [Column(h, 14 if i < 2 else 10, "cell" if i < 3 else "center") for i, h in enumerate(header)])
    sheet.add_header()
    sheet.rows += rows
    sheet.data_bars.append(len(header) - 1)
    charts = [Chart(label("items_chart"), sheet, 1, len(header) - 1, 1, len(rows), counts=True)] if rows else []
    return Book([sheet], charts=charts)
