"""Duty counts and the department view -> JSON data, Markdown, and rows for the terminal and workbooks."""

from __future__ import annotations

from typing import Any

from ..dutyview import NATIONAL, DutyCounts, DutyView, average
from ..model.codes import PART_BY_KEY
from .labels import label
from .tables import markdown, md_text
from .villages import village_counts_json, villages_json, villages_markdown

PARTS = ("basic", "cooperate", "recalled")


def part_name(key: str, lang_zh: bool) -> str:
    row = PART_BY_KEY.get(key)
    return (row.zh if lang_zh else row.key) if row else key


def township_counts_json(r: DutyCounts) -> dict[str, Any]:
    """A township's counts per part, the entries whose part is not known (source not found) and the total."""
    return {"basic": r.basic, "cooperate": r.cooperate, "recalled": r.recalled, "unresolved": r.unresolved, "total": r.total}


def counts_json(r: DutyCounts) -> dict[str, Any]:
    return {"jurisdiction": r.jurisdiction, "name": r.name} | township_counts_json(r)


def unresolved_shown(rows: list[DutyCounts]) -> bool:
    """Whether a table of these rows has the column 来源不明 (entries whose source is not found: shown only when
    there are some, so a clean catalog's tables stay as they were)."""
    return any(r.unresolved for r in rows)


def counts_rows(rows: list[DutyCounts]) -> list[list[object]]:
    """One row per township, then the average and the national reference."""
    mean = average(rows, label("duties.average"))
    national = DutyCounts("", label("duties.national"), None, NATIONAL.basic, NATIONAL.cooperate, NATIONAL.recalled)
    flagged = unresolved_shown(rows)
    return [[r.name, r.jurisdiction if r in rows else "", r.basic, r.cooperate, r.recalled,
             *([r.unresolved if r is not national else ""] if flagged else []), r.total]
            for r in [*rows, *([mean] if mean else []), national]]


def counts_header(rows: list[DutyCounts]) -> list[str]:
    """The header of `counts_rows(rows)`."""
    keys = ("jurisdiction", "code", "duties.basic", "duties.cooperate", "duties.recalled",
            *(["duties.unresolved"] if unresolved_shown(rows) else []), "total")
    return [label(k) for k in keys]


def stats_duties_json(rows: list[DutyCounts]) -> dict[str, Any]:
    """The `duties` member of `dlists stats --format json`: counts per jurisdiction code (a township's three
    parts, a village's five, and the entries whose part is not known), the townships' average, the national
    reference."""
    mean = average(rows)
    return {
        "duties": {r.jurisdiction: village_counts_json(r) if r.village else township_counts_json(r) for r in rows},
        "duties_average": None if mean is None else {p: mean.of(p) for p in PARTS},
        "duties_national": {p: NATIONAL.of(p) for p in PARTS} | {"total": NATIONAL.total},
    }


def view_json(view: DutyView) -> dict[str, Any]:
    """The `dlists duties --format json` contract (spec §5)."""
    return {
        "townships": [counts_json(r) for r in view.townships],
        "departments": [{"department": d.department,
                         "leads": [{"jurisdiction": r.jurisdiction, "code": r.code, "name": r.name,
                                    "lead_duty": r.lead_duty, "duty": r.duty} for r in d.leads],
                         "took_back": [{"jurisdiction": r.jurisdiction, "code": r.code, "name": r.name, "how": r.how}
                                       for r in d.took_back]} for d in view.departments],
        "inconsistent": [{"code": i.code, "name": i.name, "parts": i.parts} for i in view.inconsistent],
        "outliers": [{"jurisdiction": o.jurisdiction, "name": o.name, "part": o.part, "count": o.count,
                      "typical": o.typical} for o in view.outliers],
        "villages": villages_json(view.villages),
    }


def department_rows(view: DutyView) -> list[list[object]]:
    """One row per department: how many duties it leads and took back, in how many townships."""
    return [[d.department, len(d.leads), len(d.took_back), len({r.jurisdiction for r in d.leads + d.took_back})]
            for d in view.departments]


def department_header() -> list[str]:
    return [label(k) for k in ("department", "duties.leads", "duties.took_back", "duties.townships")]


def view_markdown(view: DutyView, zh: bool) -> str:
    """The department view as Markdown: counts, departments, inconsistencies, outliers."""
    parts = [f"## {label('duties.title')}"]
    if view.townships:
        parts += [markdown(counts_header(view.townships), counts_rows(view.townships)), f"### {label('duties.by_department')}",
                  markdown(department_header(), department_rows(view))]
    for d in view.departments:
        rows: list[list[object]] = [[label("duties.cooperate"), r.township, r.code, r.name] for r in d.leads]
        rows += [[label("duties.recalled"), r.township, r.code, r.name] for r in d.took_back]
        parts += [f"#### {md_text(d.department)}", markdown([label(k) for k in ("category", "township", "code", "item")], rows)]
    if view.inconsistent:
        parts += [f"### {label('duties.inconsistent')}", markdown(inconsistent_header(), inconsistent_rows(view, zh))]
    if view.outliers:
        parts += [f"### {label('duties.outliers')}", markdown(outlier_header(), outlier_rows(view, zh))]
    if view.villages:
        parts.append(villages_markdown(view.villages))
    return "\n\n".join(parts)


def inconsistent_header() -> list[str]:
    return [label("code"), label("item"), label("duties.parts")]


def outlier_header() -> list[str]:
    return [label(k) for k in ("township", "category", "items", "duties.typical")]


def inconsistent_rows(view: DutyView, zh: bool) -> list[list[object]]:
    """A guide duty per row, with the part each township placed it in (townships by name)."""
    names = {r.jurisdiction: r.name for r in view.townships}
    return [[i.code, i.name, "、".join(f"{names.get(j, j)} {part_name(p, zh)}" for j, p in i.parts.items())]
            for i in view.inconsistent]


def outlier_rows(view: DutyView, zh: bool) -> list[list[object]]:
    return [[o.name, part_name(o.part, zh), o.count, o.typical] for o in view.outliers]
