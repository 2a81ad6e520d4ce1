"""Diff results -> JSON data (the spec §4 contract, with names added), summary rows, lines a person reads, and
Markdown for a pull-request comment."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..diff import TYPES, Change, DiffResult, FieldChange, Summary, TargetImpact
from ..diff.records import RecordCheck
from .labels import label, mode
from .records import records_json, records_markdown
from .tables import markdown

IMPACT_KEYS = ("delegated", "withdrawn", "mode_changed", "orphaned")
#: the labels of the impact lists, in IMPACT_KEYS order
IMPACT_LABELS = ("newly_delegated", "withdrawn", "mode_changed", "orphaned")


def field_json(f: FieldChange) -> dict[str, Any]:
    out: dict[str, Any] = {"field": f.field, "old": f.old, "new": f.new}
    if f.added is not None:
        out["added"], out["removed"] = f.added, f.removed
    return out


def change_json(c: Change) -> dict[str, Any]:
    return {"type": c.type, "jurisdiction": c.jurisdiction, "item": c.item, "old_item": c.old_item, "file": c.file,
            "line": c.line, "fields": [field_json(f) for f in c.fields], "name": c.name}


def impact_json(r: TargetImpact, result: DiffResult) -> dict[str, Any]:
    return {"target": r.target, "delegated": r.delegated, "withdrawn": r.withdrawn,
            "mode_changed": [{"item": m.item, "old": m.old, "new": m.new} for m in r.mode_changed], "orphaned": r.orphaned,
            "target_name": result.places.get(r.target, "")}


def summary_json(s: Summary) -> dict[str, Any]:
    counts: dict[str, Any] = {str(k): v for k, v in s.by_type.items()}
    return {"total": s.total, **counts, "by_jurisdiction": s.by_jurisdiction}


def to_json(result: DiffResult, stat: bool = False, records: RecordCheck | None = None) -> dict[str, Any]:
    """`{"summary", "changes", "impact"}` (only the summary with `stat`), plus `broken` (files of either side that
    did not load), `jurisdictions` (code -> name), `names` (item code -> name of the impact's items) and, when
    the adjustment records were checked, `records` (render/records.py)."""
    broken = [{"side": b.side, "file": b.file, "problem": b.problem} for b in result.broken]
    checked = {"records": records_json(records)} if records is not None else {}
    if stat:
        return {"summary": summary_json(result.summary()), "broken": broken, **checked}
    return {**checked, "summary": summary_json(result.summary()), "changes": [change_json(c) for c in result.changes],
            "impact": [impact_json(r, result) for r in result.impact], "broken": broken,
            "jurisdictions": result.places, "names": result.names}


def show(value: Any) -> str:
    """A field value as one line of text: lists as 、-separated text, nothing as nothing."""
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "、".join(value)
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


def field_line(f: FieldChange) -> str:
    """`field: old → new`; a list field as the elements that came (+) and went (-)."""
    if f.added is not None and f.removed is not None and (f.added or f.removed):
        parts = [f"+{show(f.added)}" if f.added else "", f"-{show(f.removed)}" if f.removed else ""]
        return f"{f.field}: " + " ".join(p for p in parts if p)
    return f"{f.field}: {show(f.old) or '∅'} → {show(f.new) or '∅'}"


SUMMARY_HEADER = ["jurisdiction", *TYPES]


def summary_rows(result: DiffResult) -> list[list[object]]:
    """A row per jurisdiction (by name; SUMMARY_HEADER), then the totals."""
    s = result.summary()
    rows: list[list[object]] = [[result.place(jur), *[counts.get(t, 0) for t in TYPES]] for jur, counts in sorted(s.by_jurisdiction.items())]
    rows.append([label("total"), *[s.by_type[t] for t in TYPES]])
    return rows


def impact_cells(r: TargetImpact, result: DiffResult) -> list[list[str]]:
    """Each impact list of a target as text cells (items by name and code), in IMPACT_KEYS order."""
    modes = [f"{result.item(m.item)}: {mode(m.old)} → {mode(m.new)}" for m in r.mode_changed]
    return [[result.item(c) for c in r.delegated], [result.item(c) for c in r.withdrawn], modes, [result.item(c) for c in r.orphaned]]


@dataclass(frozen=True)
class FileMove:
    """Items that moved together from one file to another without other changes (a renamed file)."""

    old: str
    new: str
    items: int


def file_moves(result: DiffResult) -> tuple[list[FileMove], list[Change]]:
    """The moves that are only a file rename, grouped by (old, new) file, and every other change."""
    groups: dict[tuple[str, str], int] = defaultdict(int)
    rest = []
    for c in result.changes:
        if c.type == "moved" and len(c.fields) == 1:
            groups[(str(c.fields[0].old), str(c.fields[0].new))] += 1
        else:
            rest.append(c)
    return [FileMove(o, n, k) for (o, n), k in sorted(groups.items())], rest


def item_label(c: Change) -> str:
    """The changed item by name and code (`name (new code ← old code)` for a rename; "(region)" for a region)."""
    if c.item is None:
        return label("region_row")
    code = f"{c.old_item} → {c.item}" if c.type == "renamed" else c.item
    return f"{c.name} ({code})" if c.name else code


def broken_lines(result: DiffResult) -> list[str]:
    """One line per file that did not load, for the top of every report."""
    return [label("broken_detail", side=label(b.side), file=b.file, problem=b.problem) for b in result.broken]


def to_markdown(result: DiffResult, old: str, new: str, stat: bool, records: RecordCheck | None = None) -> str:
    parts = [f"### {label('diff.title', old=f'`{old}`', new=f'`{new}`')}"]
    if result.broken:
        parts += ["", f"> **{label('broken')}**", ">", *[f"> - {line}" for line in broken_lines(result)]]
    if records is not None:
        parts += ["", *records_markdown(records, result)]
    if not result.changes:
        return "\n".join([*parts, "", label("no_differences")])
    parts += ["", markdown([label(h) for h in SUMMARY_HEADER], summary_rows(result))]
    if not stat:
        moves, rest = file_moves(result)
        parts += [f"- {label('file_moved', old=f'`{m.old}`', new=f'`{m.new}`', n=m.items)}" for m in moves]
        detail = [[label(c.type), result.place(c.jurisdiction), item_label(c), "<br>".join(field_line(f) for f in c.fields)] for c in rest]
        if detail:
            heads = [label(h) for h in ("change", "jurisdiction", "item", "fields")]
            parts += ["", f"<details><summary>{label('changes', n=len(detail))}</summary>", "", markdown(heads, detail), "", "</details>"]
        if result.impact:
            imp = [[result.place(r.target), *["<br>".join(cells) for cells in impact_cells(r, result)]] for r in result.impact]
            parts += ["", f"**{label('impact')}**", "", markdown([label(h) for h in ("township", *IMPACT_LABELS)], imp)]
    return "\n".join(parts)
