"""Diff results -> JSON data (the spec §4 contract), summary rows, Markdown for a pull-request comment."""

from __future__ import annotations

import json
from typing import Any

from ..diff import TYPES, Change, DiffResult, FieldChange, Summary, TargetImpact
from .tables import markdown

IMPACT_KEYS = ("delegated", "withdrawn", "mode_changed", "orphaned")


def field_json(f: FieldChange) -> dict[str, Any]:
    out: dict[str, Any] = {"field": f.field, "old": f.old, "new": f.new}
    if f.added is not None:
        out["added"], out["removed"] = f.added, f.removed
    return out


def change_json(c: Change) -> dict[str, Any]:
    return {"type": c.type, "jurisdiction": c.jurisdiction, "item": c.item, "old_item": c.old_item, "file": c.file,
            "line": c.line, "fields": [field_json(f) for f in c.fields]}


def impact_json(r: TargetImpact) -> dict[str, Any]:
    return {"target": r.target, "delegated": r.delegated, "withdrawn": r.withdrawn,
            "mode_changed": [{"item": m.item, "old": m.old, "new": m.new} for m in r.mode_changed], "orphaned": r.orphaned}


def summary_json(s: Summary) -> dict[str, Any]:
    counts: dict[str, Any] = {str(k): v for k, v in s.by_type.items()}
    return {"total": s.total, **counts, "by_jurisdiction": s.by_jurisdiction}


def to_json(result: DiffResult, stat: bool = False) -> dict[str, Any]:
    """`{"summary", "changes", "impact"}` (only the summary with `stat`)."""
    if stat:
        return {"summary": summary_json(result.summary())}
    return {"summary": summary_json(result.summary()), "changes": [change_json(c) for c in result.changes],
            "impact": [impact_json(r) for r in result.impact]}


def show(value: Any) -> str:
    """A field value as one line of text."""
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


SUMMARY_HEADER = ["jurisdiction", *TYPES]


def summary_rows(result: DiffResult) -> list[list[object]]:
    """A row per jurisdiction (SUMMARY_HEADER), then the totals."""
    s = result.summary()
    rows: list[list[object]] = [[jur, *[counts.get(t, 0) for t in TYPES]] for jur, counts in sorted(s.by_jurisdiction.items())]
    rows.append(["total", *[s.by_type[t] for t in TYPES]])
    return rows


def impact_cells(r: TargetImpact) -> list[list[str]]:
    """Each impact list of a target as text cells, in IMPACT_KEYS order."""
    modes = [show({"item": m.item, "old": m.old, "new": m.new}) for m in r.mode_changed]
    return [r.delegated, r.withdrawn, modes, r.orphaned]


def to_markdown(result: DiffResult, old: str, new: str, stat: bool) -> str:
    if not result.changes:
        return f"### Catalog diff `{old}` → `{new}`\n\nNo differences."
    parts = [f"### Catalog diff `{old}` → `{new}`", "", markdown(SUMMARY_HEADER, summary_rows(result))]
    if not stat:
        detail = [[c.type, c.jurisdiction, f"{c.old_item} → {c.item}" if c.old_item else (c.item or ""),
                   "<br>".join(f"{f.field}: {show(f.old)} → {show(f.new)}" for f in c.fields)] for c in result.changes]
        parts += ["", f"<details><summary>{len(detail)} changes</summary>", "", markdown(["change", "jurisdiction", "item", "fields"], detail), "", "</details>"]
        if result.impact:
            imp = [[r.target, *[", ".join(cells) for cells in impact_cells(r)]] for r in result.impact]
            parts += ["", "**Delegation impact**", "", markdown(["township", "newly delegated", "withdrawn", "mode changed", "orphaned items"], imp)]
    return "\n".join(parts)
