"""Diff results -> JSON data (the spec §4 contract, with names added), summary rows, lines a person reads, and
Markdown for a pull-request comment."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..diff import TYPES, Change, DiffResult, DutyMove, FieldChange, Summary, TargetImpact
from ..diff.records import RecordCheck
from .labels import field_name, label, mode, part_label
from .records import records_json, records_markdown
from .tables import markdown, md_text

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
    broken = [{"side": b.side, "file": b.file, "problem": b.problem.text()} for b in result.broken]
    checked = {"records": records_json(records)} if records is not None else {}
    if stat:
        return {"summary": summary_json(result.summary()), "broken": broken, **checked}
    return {**checked, "summary": summary_json(result.summary()), "changes": [change_json(c) for c in result.changes],
            "impact": [impact_json(r, result) for r in result.impact], "duty_moves": [duty_move_json(m) for m in result.duty_moves],
            "broken": broken, "jurisdictions": result.places, "names": result.names}


def duty_move_json(m: DutyMove) -> dict[str, Any]:
    return {"jurisdiction": m.jurisdiction, "duty": m.duty, "name": m.name, "old": m.old, "new": m.new,
            "source": m.source, "file": m.file, "line": m.line}


DUTY_MOVE_HEADER = ["jurisdiction", "code", "item", "diff.part_old", "diff.part_new", "file"]


def duty_move_rows(result: DiffResult) -> list[list[object]]:
    """A duty entry placed in another part per row: where, code, name, the two parts, file and line."""
    return [[result.place(m.jurisdiction), m.duty, m.name, part_label(m.old), part_label(m.new), f"{m.file}:{m.line}"]
            for m in result.duty_moves]


def show(value: Any) -> str:
    """A field value as one line of text: lists as 、-separated text, nothing as nothing."""
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "、".join(value)
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


#: the fields whose values are jurisdiction codes (shown by name)
_PLACE_FIELDS = ("to", "from")


def field_line(f: FieldChange, place: Callable[[str], str] | None = None, region: bool = False) -> str:
    """`field: old → new`; a list field as the elements that came (+) and went (-). The field by its Chinese
    name in Chinese (field_name; a `region` change's); with `place`, the townships of `delegation.to` by name,
    code beside."""
    added, removed = f.added, f.removed
    if place is not None and f.field.rsplit(".", 1)[-1] in _PLACE_FIELDS:
        added, removed = _named(added, place), _named(removed, place)
    head = field_name(f.field, region=region)
    if added is not None and removed is not None and (added or removed):
        parts = [f"+{show(added)}" if added else "", f"-{show(removed)}" if removed else ""]
        return f"{head}: " + " ".join(p for p in parts if p)
    return f"{head}: {show(f.old) or '∅'} → {show(f.new) or '∅'}"


def _named(codes: list[Any] | None, place: Callable[[str], str]) -> list[Any] | None:
    """Jurisdiction codes as `name (code)`, as items are shown (a code whose name is not known stays a code)."""
    if not codes:
        return codes
    return [f"{place(c)} ({c})" if isinstance(c, str) and place(c) != c else c for c in codes]


SUMMARY_HEADER = ["jurisdiction", *TYPES]
#: the columns of the impact table (labels)
IMPACT_HEADER = ["township", "newly_delegated", "withdrawn", "mode_changed", "orphaned"]
DETAIL_HEADER = ["change", "jurisdiction", "item", "field"]


def summary_header() -> list[str]:
    """SUMMARY_HEADER in the language in use (辖区、新增、取消……)."""
    return [label(h) for h in SUMMARY_HEADER]


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
        return label("diff.region")
    code = f"{c.old_item} → {c.item}" if c.type == "renamed" else c.item
    return f"{c.name} ({code})" if c.name else code


def broken_lines(result: DiffResult) -> list[str]:
    """One line per file that did not load, for the top of every report."""
    return [label("diff.broken_file", side=label(f"diff.side_{b.side}"), file=b.file, problem=b.problem.text()) for b in result.broken]


def to_markdown(result: DiffResult, old: str, new: str, stat: bool, records: RecordCheck | None = None) -> str:
    """The pull-request comment: title, files that did not load, the records check, the summary table, the changes
    (folded) and the delegation impact; headings and headers in the language in use."""
    parts = [f"### {label('diff.title', old=f'`{old}`', new=f'`{new}`')}"]
    if result.broken:
        parts += ["", f"> **{label('broken')}**:", ">", *[f"> - {md_text(line)}" for line in broken_lines(result)]]
    if records is not None:
        parts += ["", *records_markdown(records, result)]
    if result.empty:
        return "\n".join([*parts, "", label("no_differences_loaded" if result.broken else "no_differences")])
    if result.changes:
        parts += ["", markdown(summary_header(), summary_rows(result))]
    if result.duty_moves:
        parts += ["", f"**{label('diff.duty_moves', n=len(result.duty_moves))}**", "",
                  markdown([label(h) for h in DUTY_MOVE_HEADER], duty_move_rows(result))]
    if not stat:
        moves, rest = file_moves(result)
        parts += ["", *["- " + label("file_moved", old=f"`{m.old}`", new=f"`{m.new}`", n=m.items) for m in moves]] if moves else []
        detail = [[label(c.type), result.place(c.jurisdiction), item_label(c), "\n".join(field_line(f, result.place, c.item is None) for f in c.fields)] for c in rest]
        if detail:
            parts += ["", f"<details><summary>{label('changes', n=len(detail))}</summary>", "",
                      markdown([label(h) for h in DETAIL_HEADER], detail), "", "</details>"]
        if result.impact:
            imp = [[result.place(r.target), *["\n".join(cells) for cells in impact_cells(r, result)]] for r in result.impact]
            parts += ["", f"**{label('impact')}**", "", markdown([label(h) for h in IMPACT_HEADER], imp)]
    return "\n".join(parts)
