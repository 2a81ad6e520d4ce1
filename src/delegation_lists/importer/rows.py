"""Table rows -> item records: find the header, map the columns, follow section rows, normalise values, and
report every row that cannot be placed (with its row number). Nothing is dropped silently."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..model.codes import MODE_LOOKUP, PENALTY_LOOKUP, STATUS_LOOKUP
from .furniture import (
    POINT,
    is_form_line,
    is_own,
    kind_of_title,
    means_all,
    note_text,
    split_points,
    strip_attachment,
    total_count,
)
from .headers import KIND_WORDS, clean, find_header, header_field, is_heading, section_kind
from .mapping import Mapping
from .readers import Table
from .said import Message, Text, msg
from .stated import stated_in_heading, stated_line

LIST_SPLIT = re.compile(r"[、,，;；\n]+")
TOTAL = re.compile(r"\s*[（(]\s*共\s*\d+\s*项\s*[)）]\s*$|\s*\(\d+ items\)\s*$")
LOOKUPS = {"kind": KIND_WORDS, "mode": MODE_LOOKUP, "delegation_mode": MODE_LOOKUP, "status": STATUS_LOOKUP}


@dataclass
class RowIssue:
    table: str
    row: int
    message: Text
    place: str = ""  # where the row is when not '{table} 第{row}行' ('第2页 第40行')
    reason: Text | None = None  # the problem without this row's particulars, when many rows may share it


def no_name(table: str, row: int, cells: list[str], place: str = "") -> RowIssue:
    """A row without an item name, its cells shown on one line (a cell's line breaks as spaces)."""
    shown = " | ".join(" ".join(c.split()) for c in cells if c)[:80]
    return RowIssue(table, row, msg("import.row.no_name", cells=shown), place, msg("import.row.no_name_any"))


def row_place(table: str, row: int, place: str = "") -> str:
    """Where a row is, as an analyst finds it ('Sheet1 第12行'; `place` when the reader said it: '第2页 第40行')."""
    return place or f"{table} 第{row}行"


@dataclass
class Record:
    """One imported item: its fields (values normalised), where it came from."""

    table: str
    row: int
    fields: dict[str, Any]
    jurisdiction: str | None = None
    place: str = ""  # where the row is when not '{table} 第{row}行' ('第2页 第40行')
    title: str | None = None  # the title above its table

    @property
    def where(self) -> str:
        return row_place(self.table, self.row, self.place)


@dataclass
class TableResult:
    records: list[Record] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)
    title: str | None = None
    skipped: Text | None = None  # why the whole table was skipped (no header)
    ignored: list[str] = field(default_factory=list)  # headers that name no field (and are not mapped to null)
    notes: list[str] = field(default_factory=list)  # 注/说明 lines under the table
    stated: int | None = None  # the count its 合计 row states


def _columns(header: list[Any], mapping: Mapping) -> list[str | None]:
    out: list[str | None] = []
    for cell in header:
        raw = clean(cell)
        out.append(mapping.columns[raw] if raw in mapping.columns else header_field(raw))
    return out


def _cell_values(value: Any) -> str:
    """A JSON list (e.g. 实施范围 as an array) becomes lines; everything else is cleaned text."""
    if isinstance(value, list):
        return "\n".join(clean(v) for v in value if clean(v))
    return clean(value)


def _split(text: str) -> list[str]:
    return [p.strip() for p in LIST_SPLIT.split(text) if p.strip()]


def _normalise(name: str, text: str, mapping: Mapping) -> tuple[Any, Text | None]:
    """(value, problem) for one field; value None means 'not set'."""
    mapped = mapping.value(name, text)
    if mapped is None or mapped == "":
        return None, None
    if name in LOOKUPS:
        key = LOOKUPS[name].get(mapped) or LOOKUPS[name].get(mapped.lower())
        return (key, None) if key else (None, msg("import.row.unknown_value", field=name, value=repr(mapped)))
    if name == "legal_basis":
        return [part for line in mapped.split("\n") if line for part in split_points(line)], None
    if name == "targets":
        return (["all"] if means_all(mapped) else _split(mapped)), None
    if name.endswith("_days"):
        digits = re.sub(r"(个)?(工作日|日|天)$", "", mapped)
        return (int(digits), None) if digits.isdigit() else (None, msg("import.row.days", field=name, value=repr(mapped)))
    if name == "since":
        day = mapped.split(" ")[0]  # an Excel date cell reads as '2023-07-01 00:00:00'
        try:
            return dt.date.fromisoformat(day), None  # written as a YAML date, as the catalogs have it
        except ValueError:
            return day, None
    if name == "penalty_types":
        parts = _split(mapped)
        bad = [p for p in parts if p not in PENALTY_LOOKUP]
        return ([PENALTY_LOOKUP[p] for p in parts], None) if not bad else (None, msg("import.row.penalty", value=repr(bad[0])))
    return mapped, None


def _record(cells: list[str], columns: list[str | None], mapping: Mapping) -> tuple[dict[str, Any], list[Text]]:
    raw: dict[str, str] = {}
    for name, text in zip(columns, cells, strict=False):
        if not name or name == "seq" or not text:
            continue
        if name not in raw:
            raw[name] = text
        elif name == "legal_basis":  # 设定依据 and 实施依据 in two columns: both are bases
            raw[name] += "\n" + text
    fields: dict[str, Any] = {}
    problems: list[Text] = []
    if "mode" in raw and is_own(raw["mode"]):  # 承接方式 自有: an own item, no mode (never linked to a parent's)
        del raw["mode"]
        fields["own"] = True
    for name, text in raw.items():
        value, problem = _normalise(name, text, mapping)
        if problem:
            problems.append(problem)
        elif value is not None:
            fields[name] = value
    return fields, problems


def _state(said: tuple[str, str] | None, into: dict[str, Any], mapping: Mapping) -> bool:
    """Keep a stated value (stated.py) in `into`, normalised as a cell of its column would be; False when
    nothing is stated or the value is not one its column takes (the line is then read as before)."""
    if said is None:
        return False
    value, problem = _normalise(said[0], said[1], mapping)
    if problem is not None or value is None:
        return False
    into[said[0]] = value
    return True


def _about(problem: Text, field: str) -> bool:
    """A problem with the value of `field`."""
    return isinstance(problem, Message) and dict(problem.args).get("field") == field


def read_rows(table: Table, mapping: Mapping, default_kind: str | None, need_kind: bool = True) -> TableResult:
    """All item records of one table (a row without a kind is a problem when `need_kind`)."""
    result = TableResult()
    header_cells: list[str] | None = None
    if table.header is not None:
        header_row: list[Any] = table.header
        columns, body, title_rows = _columns(table.header, mapping), table.rows, []
    else:
        at = find_header(table.rows, {k: v for k, v in mapping.columns.items() if v})
        if at is None:
            result.skipped = msg("import.note.no_header", limit=30)
            return result
        header_row = table.rows[at][1]
        columns, body, title_rows = _columns(header_row, mapping), table.rows[at + 1:], table.rows[:at]
        header_cells = [clean(c) for c in header_row]
    result.ignored = [clean(h) for h, f in zip(header_row, columns, strict=False) if f is None and clean(h) and clean(h) not in mapping.columns]
    titles = [strip_attachment(clean(c)) for _, cells in title_rows for c in dict.fromkeys(cells) if clean(c)]
    shared: dict[str, Any] = {}  # what lines above the table (or between its rows) state for the rows under them
    titles = [t for t in titles if t and not is_form_line(t) and not _state(stated_line(t), shared, mapping)]
    result.title = TOTAL.sub("", titles[0]) if titles else None
    kind = default_kind or kind_of_title(result.title)
    in_section: dict[str, Any] = {}  # what the current section's heading states for its rows
    for number, row in body:
        cells = [_cell_values(c) for c in row]
        if not any(cells) or cells == header_cells:
            continue
        alone = list(dict.fromkeys(c for c in cells if c))
        if len(alone) == 1 and _state(stated_line(alone[0]), shared, mapping):
            continue
        stated, note = total_count(cells), note_text(cells)
        if stated is not None:
            result.stated = stated or result.stated
            continue
        if note is None and result.notes and len(alone) == 1 and POINT.match(alone[0]):
            note = alone[0]  # "2.……" under "注：1.……": the note goes on
        if note is not None:
            result.notes.append(note)
            continue
        if is_form_line(next(c for c in cells if c)):
            continue
        section = section_kind(cells)
        if section is not None or is_heading(cells):
            kind, in_section = section or kind, {}
            for said in stated_in_heading(alone[0]):
                _state(said, in_section, mapping)
            continue
        fields, problems = _record(cells, columns, mapping)
        for key, value in [*in_section.items(), *shared.items()]:
            if not (key == "mode" and fields.get("own")):
                fields.setdefault(key, value)
        if kind:
            fields.setdefault("kind", kind)
        place = table.places.get(number, "")
        issues = [no_name(table.name, number, cells, place)] if "name" not in fields else []
        if not issues and "kind" not in fields and need_kind and not any(_about(p, "kind") for p in problems):
            problems.append(msg("import.row.no_kind"))  # (not when its kind was given but unknown: said once)
        issues += [RowIssue(table.name, number, p, place) for p in problems]
        if issues:
            result.issues += issues
        else:
            result.records.append(Record(table.name, number, fields, table.jurisdiction, table.places.get(number, ""), result.title))
    return result
