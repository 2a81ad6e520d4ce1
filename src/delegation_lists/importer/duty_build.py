"""Duty records -> a `duties:` document (spec §5) and the region.yaml beside it: entries in the list's order, a
code for each (the row's own, else `{jurisdiction}-{JB|PH|SH}-{001}` per part, as the examples number them), the
departments the list names (牵头部门, 承接部门) declared in the region so the list validates, every entry under a
comment saying where its row was."""

from __future__ import annotations

from typing import Any

from .build import Built, Owner
from .duty_rows import DutyRead, DutyRecord
from .headers import ONE_LINE, one_line
from .rows import RowIssue
from .said import Text, msg
from .yaml_out import COMMENT

DUTY_ORDER = ("code", "name", "part", "domain", "basis", "office", "lead", "lead_duty", "duty", "taken_by", "how", "notes")
ABBR = {"basic": "JB", "cooperate": "PH", "recalled": "SH"}


def _entry(rec: DutyRecord, source: str) -> dict[str, Any]:
    f = {**rec.fields, "part": rec.part}
    f |= {k: one_line(f[k]) for k in ONE_LINE if isinstance(f.get(k), str)}
    return {COMMENT: f"来源：{source} {rec.where}".strip(), **{k: f[k] for k in DUTY_ORDER if f.get(k)}}


def _entries(read: DutyRead, jurisdiction: str, source: str) -> tuple[list[dict[str, Any]], list[RowIssue]]:
    """Every record as an entry with a code; a row repeating an earlier row's code is not imported."""
    seen: dict[str, int] = {}
    entries, issues = [], []
    for rec in read.records:
        code = rec.fields.get("code")
        if code in seen:
            taken = msg("import.row.code_taken", code=code, row=seen[code])
            issues.append(RowIssue(rec.table, rec.row, taken, rec.place))
            continue
        if code:
            seen[code] = rec.row
        entries.append(_entry(rec, source))
    counters = dict.fromkeys(ABBR, 0)
    for n, e in enumerate(entries):
        if "code" not in e:
            part = e["part"]
            code = ""
            while not code or code in seen:
                counters[part] += 1
                code = f"{jurisdiction}-{ABBR[part]}-{counters[part]:03d}"
            entries[n] = {COMMENT: e[COMMENT], "code": code, **{k: v for k, v in e.items() if k != COMMENT}}
    return entries, issues


def build_duties(read: DutyRead, owner: Owner, source: str) -> Built:
    """The duty list of `owner` and its region document."""
    entries, repeated = _entries(read, owner.code, source)
    header: dict[str, Any] = {"jurisdiction": owner.code, "level": owner.level}
    if read.title:
        header["title"] = read.title
    region: dict[str, Any] = {"region": {"code": owner.code, "name": owner.name, "level": owner.level}}
    departments = dict.fromkeys(e[k] for e in entries for k in ("lead", "taken_by") if e.get(k))
    if departments:
        region["departments"] = [{"name": d} for d in departments]
    lists = {f"{owner.code}/duties.yaml": {"list": header, "duties": entries}} if entries else {}
    return Built(region, lists, [*read.issues, *repeated], len(entries))


def duty_notes(read: DutyRead) -> list[Text]:
    """The 注 lines, and each part whose section title states another count than was read."""
    notes: list[Text] = [msg("import.note.note_only", text=n) for n in read.notes]
    for part, stated in read.stated.items():
        got = sum(1 for r in read.records if r.part == part)
        if stated != got:
            notes.append(msg("import.note.part_total", part=part, stated=stated, read=got))
    return notes
