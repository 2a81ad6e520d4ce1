"""Workbooks of the other commands, on the same model and writer: the diff (one row per change and field, old
and new cells highlighted, and its delegation impact) and the reconciliation (a summary, one sheet per child)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..diff import TYPES, DiffResult, FieldChange
from ..reconcile import CATEGORIES, ReconcileResult
from ..render.diff import impact_cells, summary_rows
from ..render.reconcile import count_row
from .model import Book, Column, Sheet


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def diff_book(result: DiffResult, old: str, new: str) -> Book:
    """Summary (counts by jurisdiction x change type), changes (one row per changed field), impact."""
    summary = Sheet("summary", [Column("jurisdiction", 16), *[Column(t, 10, "center") for t in TYPES]])
    summary.add_banner(f"{old} → {new}", "section")
    summary.add_header()
    summary.rows += summary_rows(result)
    cols = [("change", 10), ("jurisdiction", 14), ("item", 20), ("old item", 20), ("file", 30), ("line", 6), ("field", 18), ("old", 40), ("new", 40)]
    changes = Sheet("changes", [Column(h, w, "wrap" if h in ("old", "new") else "cell") for h, w in cols])
    changes.add_header()
    for c in result.changes:
        lead = [c.type, c.jurisdiction, c.item or "", c.old_item or "", c.file, c.line]
        for f in c.fields or [FieldChange("", None, None)]:
            r = len(changes.rows)
            old_v, new_v = (f.removed, f.added) if f.added is not None else (f.old, f.new)
            changes.rows.append([*lead, f.field, _text(old_v), _text(new_v)])
            if f.field:
                changes.styles[(r, 7)], changes.styles[(r, 8)] = "old", "new"
    impact = Sheet("impact", [Column(h, 30 if i else 14) for i, h in enumerate(["township", "delegated", "withdrawn", "mode_changed", "orphaned"])])
    impact.add_header()
    impact.rows += [[result.place(row.target), *["\n".join(cells) for cells in impact_cells(row, result)]] for row in result.impact]
    return Book([summary, changes, impact])


def reconcile_book(results: list[ReconcileResult]) -> Book:
    """A summary sheet, then one sheet per child: every item with its category (a filterable column)."""
    summary = Sheet("汇总 summary", [Column(h, 14 if i < 2 else 10, "cell" if i < 3 else "center")
                                   for i, h in enumerate(["parent", "child", "code", "delegated", *CATEGORIES, "coverage"])])
    summary.add_header()
    sheets = [summary]
    for result in results:
        summary.rows += [[result.parent_name, *count_row(c)] for c in result.children]
        for c in result.children:
            rows2: list[Sequence[Any]] = [["matched", code, code, ""] for code in c.matched]
            rows2 += [["mode_mismatch", m.item, m.item, f"delegated {m.delegated}, taken as {m.taken}"] for m in c.mode_mismatch]
            rows2 += [["missing", "", code, "delegated but not taken on"] for code in c.missing]
            rows2 += [["unbacked", u.item, u.source, u.reason] for u in c.unbacked]
            rows2 += [["own", code, "", ""] for code in c.own]
            rows2 += [["suggestion", s.item, s.source, f"score {s.score:.2f}"] for s in c.suggestions]
            sheet = Sheet(c.name, [Column("category", 14), Column("item", 20), Column("parent item", 20), Column("detail", 50)])
            sheet.add_header()
            sheet.rows += rows2
            sheets.append(sheet)
    return Book(sheets)
