"""The three HTML reports, each built as a small view (what the page shows, already in words) and rendered by
its Jinja2 template (templates/). Autoescaping is on: every text from a catalog is escaped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ...diff import DiffResult
from ...diff.records import RecordCheck
from ...model.codes import KINDS, LEVELS
from ...problems import language
from ...reconcile import ReconcileResult
from ...stats import JurisdictionStats
from .. import diff as diff_rows
from .. import reconcile as rec_rows
from .. import records as record_rows
from ..labels import field_name, label
from .charts import Bar, bars, shade

_ENV = Environment(loader=PackageLoader("delegation_lists.render.html", "templates"), autoescape=select_autoescape(["j2", "html"]),
                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def _page(template: str, title: str, **view: Any) -> str:
    lang = language()
    return _ENV.get_template(template).render(title=title, lang="zh-CN" if lang == "zh" else "en", L=label,
                                              made=f"{label('generated')} · {dt.date.today().isoformat()}", **view)


@dataclass
class Cell:
    """A matrix cell: its text and background colour."""

    text: str
    colour: str


@dataclass
class ParentView:
    title: str
    chart: Markup
    header: list[str]
    rows: list[list[object]]
    unlisted: str | None
    departments: list[str]
    children: list[str]
    matrix: list[list[Cell]]
    details: list[rec_rows.ChildDetail] = field(default_factory=list)
    clean: bool = True
    duty_header: list[str] = field(default_factory=list)
    duty_rows: list[list[object]] = field(default_factory=list)  # the duty lists against the powers


def _matrix(result: ReconcileResult) -> tuple[list[str], list[str], list[list[Cell]]]:
    kids = [c for c in result.children if c.delegated]
    deps = sorted({d for c in kids for d in c.departments})
    grid = []
    for dep in deps:
        row = []
        for c in kids:
            cov = c.departments.get(dep)
            ratio = cov.taken / cov.delegated if cov and cov.delegated else None
            row.append(Cell(f"{cov.taken}/{cov.delegated}" if cov else "", shade(ratio)))
        grid.append(row)
    return deps, [c.name for c in kids], grid


def _parent(result: ReconcileResult) -> ParentView:
    rows = [c for c in result.children if c.listed]
    chart = bars([Bar(c.name, c.coverage, f"{c.coverage:.0%}（{c.count('matched') + c.count('mode_mismatch')}/{c.delegated}）") for c in rows], 1.0)
    header = [label(h) for h in rec_rows.SUMMARY_HEADER]
    missing = result.unlisted
    unlisted = label("no_list", n=len(missing), delegated=sum(c.delegated for c in missing), names="、".join(c.name for c in missing)) if missing else None
    deps, kids, grid = _matrix(result)
    details = rec_rows.details(result)
    return ParentView(label("reconcile.title", parent=result.parent_name), Markup(chart), header, rec_rows.summary_rows(result),
                      unlisted, deps, kids, grid, details, result.clean, rec_rows.header(rec_rows.DUTY_HEADER),
                      rec_rows.duty_rows(result))


def reconcile_html(results: list[ReconcileResult]) -> str:
    """Per parent: a coverage bar per child, the counts, a department x child matrix coloured by coverage, and
    every item to review by name, with a filter box."""
    title = " · ".join(r.parent_name for r in results) or "reconcile"
    return _page("reconcile.html.j2", label("reconcile.title", parent=title), parents=[_parent(r) for r in results])


@dataclass
class ChangeView:
    kind: str
    css: str
    jurisdiction: str
    item: str
    where: str
    fields: list[list[str]]


@dataclass
class RecordsView:
    """The records check of a diff: the headline, the changes nobody decided, the records of changes that did not
    happen, and (folded) the recorded changes with their approving documents."""

    headline: str
    clean: bool
    unrecorded: list[list[object]]
    unmatched: list[list[object]]
    covered: list[list[object]]
    headers: dict[str, list[str]]


def _records(check: RecordCheck, result: DiffResult) -> RecordsView:
    return RecordsView(label("records.sep").join(record_rows.records_lines(check)), check.clean, record_rows.unrecorded_rows(check, result),
                       record_rows.unmatched_rows(check), record_rows.covered_rows(check, result),
                       {"unrecorded": record_rows.unrecorded_header(), "unmatched": record_rows.unmatched_header(),
                        "covered": record_rows.covered_header()})


def diff_html(result: DiffResult, old: str, new: str, records: RecordCheck | None = None) -> str:
    """The records check first (when the records were checked), the summary, then each changed item with its
    fields old | new side by side, then the impact per township."""
    moves, rest = diff_rows.file_moves(result)
    changes = [ChangeView(label(c.type), c.type, result.place(c.jurisdiction), diff_rows.item_label(c), f"{c.file}:{c.line}",
                          [[field_name(f.field), diff_rows.show(f.old), diff_rows.show(f.new)] for f in c.fields]) for c in rest]
    impact = [[result.place(r.target), *["、".join(cells) for cells in diff_rows.impact_cells(r, result)]] for r in result.impact]
    return _page("diff.html.j2", label("diff.title", old=old, new=new), broken=diff_rows.broken_lines(result),
                 header=[label(h) for h in diff_rows.SUMMARY_HEADER], rows=diff_rows.summary_rows(result),
                 moves=[label("file_moved", old=m.old, new=m.new, n=m.items) for m in moves], changes=changes, impact=impact,
                 empty=result.empty, records=_records(records, result) if records is not None else None,
                 duty_header=[label(h) for h in diff_rows.DUTY_MOVE_HEADER], duty_moves=diff_rows.duty_move_rows(result))


def stats_html(rows: list[JurisdictionStats]) -> str:
    """Items per jurisdiction as bars, then the jurisdiction x kind table."""
    top = max((r.total for r in rows), default=0)
    chart = bars([Bar(r.name, r.total, str(r.total)) for r in rows], top, colour="#1565c0")
    kinds = [k for k in KINDS if any(r.kinds.get(k.key) for r in rows)]
    zh = language() == "zh"
    flagged = any(r.unresolved for r in rows)  # entries whose source is not found: counted, and said
    header = [label("jurisdiction"), label("level"), *[k.zh if zh else k.en for k in kinds],
              *([label("stats.unresolved")] if flagged else []), label("total")]
    table = [[f"{r.name}（{r.code}）", _level(r.level, zh), *[r.kinds.get(k.key, 0) for k in kinds],
              *([r.unresolved] if flagged else []), r.total] for r in rows]
    return _page("stats.html.j2", label("stats.title"), chart=Markup(chart), header=header, rows=table)


def _level(key: str, zh: bool) -> str:
    row = next((r for r in LEVELS if r.key == key), None)
    return (row.zh if zh else row.en) if row else key
