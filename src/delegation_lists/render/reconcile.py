"""Reconciliation results -> JSON data (the spec §4 contract), summary and detail rows, Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..reconcile import CATEGORIES, ChildResult, DutyCheck, ReconcileResult, Totals
from .labels import label, mode
from .tables import markdown, md_text

SUMMARY_HEADER = ["child", "code", "delegated", *CATEGORIES, "coverage"]
DETAIL_HEADER = ["category", "item", "detail"]
#: the children's duty lists against their powers (reconcile/duties.py)
DUTY_HEADER = ["child", "code", "duties.entries", "recalled_taken", "with_duty", "no_duty"]


def header(keys: list[str]) -> list[str]:
    """Column keys as the language names them."""
    return [label(k) for k in keys]


def child_json(c: ChildResult) -> dict[str, Any]:
    """One child as JSON-ready data."""
    return {
        "jurisdiction": c.jurisdiction, "name": c.name, "matched": c.matched,
        "mode_mismatch": [{"item": m.item, "delegated": m.delegated, "taken": m.taken} for m in c.mode_mismatch],
        "missing": c.missing,
        "unbacked": [{"item": u.item, "source": u.source, "reason": u.reason} for u in c.unbacked],
        "own": c.own,
        "suggestions": [{"item": s.item, "source": s.source, "score": s.score} for s in c.suggestions],
        "coverage": c.coverage,
        "departments": {name: {"delegated": d.delegated, "taken": d.taken} for name, d in c.departments.items()},
        "listed": c.listed,
        "duties": None if c.duties is None else duty_json(c.duties),
    }


def duty_json(d: DutyCheck) -> dict[str, Any]:
    """A child's duty list against its powers: the spec §4 `duties` member of a child."""
    return {"entries": d.duties,
            "recalled_still_taken": [{"duty": r.duty, "name": r.name, "item": r.item, "by": r.by, "score": r.score}
                                     for r in d.recalled_taken],
            "with_duty": d.with_duty, "without_duty": d.without_duty}


def totals_json(t: Totals) -> dict[str, Any]:
    counts: dict[str, Any] = {str(k): v for k, v in t.counts.items()}
    return {**counts, "children": t.children, "delegated": t.delegated, "coverage": t.coverage,
            "recalled_still_taken": t.recalled_taken, "without_duty": t.without_duty}


def to_json(results: list[ReconcileResult]) -> dict[str, Any]:
    """One parent: `{"parent", "name", "children", "totals"}`; several: `{"parents": [...], "totals"}`."""
    one = [{"parent": r.parent, "name": r.parent_name, "children": [child_json(c) for c in r.children],
            "totals": totals_json(r.totals()), "names": r.names} for r in results]
    if len(one) == 1:
        return one[0]
    return {"parents": one, "totals": totals_json(Totals.of([c for r in results for c in r.children]))}


def count_row(c: ChildResult) -> list[object]:
    """[name, code, delegated, one count per category, coverage]: a row of the summary tables."""
    return [c.name, c.jurisdiction, c.delegated, *[c.count(k) for k in CATEGORIES], f"{c.coverage:.0%}"]


def summary_rows(result: ReconcileResult) -> list[list[object]]:
    """A row per child with a list (SUMMARY_HEADER), then the totals of all children (those without a list
    count as missing everything delegated to them)."""
    t = result.totals()
    rows = [count_row(c) for c in result.children if c.listed]
    return [*rows, [label("total"), "", t.delegated, *[t.counts[k] for k in CATEGORIES], f"{t.coverage:.0%}"]]


def unlisted_line(result: ReconcileResult) -> str | None:
    """One line for the children without a list ("no list yet: 6 children: 观湖街道、民治街道…"), or None."""
    missing = result.unlisted
    if not missing:
        return None
    return label("no_list", n=len(missing), delegated=sum(c.delegated for c in missing), names="、".join(c.name for c in missing))


def duty_rows(result: ReconcileResult) -> list[list[object]]:
    """A row per child with a duty list (DUTY_HEADER): its entries, its recalled duties whose item it still takes
    on, the items it takes on that a duty lists and those none does; none when no child has a duty list."""
    return [[c.name, c.jurisdiction, c.duties.duties, len(c.duties.recalled_taken), c.duties.with_duty,
             len(c.duties.without_duty)] for c in result.children if c.duties is not None]


@dataclass(frozen=True)
class ChildDetail:
    """What to look at for one child: its title and rows of [category, item, detail]."""

    title: str
    rows: list[list[str]]


def details(result: ReconcileResult, no_duty_shown: int | None = None) -> list[ChildDetail]:
    """Every child with something to look at, with its mismatches, gaps, unbacked items and suggestions;
    `no_duty_shown`: at most this many of the items taken on that no duty lists (then how many more)."""
    out = []
    name = result.name
    for c in result.children:
        if not c.listed:
            continue  # one fact, said once by unlisted_line
        rows = [[label("mode_mismatch"), name(m.item), label("mm_detail", delegated=mode(m.delegated), taken=mode(m.taken))]
                for m in c.mode_mismatch]
        rows += [[label("missing"), name(code), label("missing_detail")] for code in c.missing]
        rows += [[label("unbacked"), name(u.item), label(f"unbacked_{u.why}", source=name(u.source), how=u.inactive, child=c.name)]
                 for u in c.unbacked]
        rows += [[label("suggestion"), name(s.item), label("suggest_detail", source=name(s.source), score=f"{s.score:.2f}")]
                 for s in c.suggestions]
        rows += _duty_details(result, c, no_duty_shown)
        if rows:
            out.append(ChildDetail(f"{c.name} ({c.jurisdiction})", rows))
    return out


def _duty_details(result: ReconcileResult, c: ChildResult, shown: int | None) -> list[list[str]]:
    """The recalled duties whose item the child still takes on, and the items it takes on that no duty lists
    (the first `shown` of them, and a row saying how many more)."""
    if c.duties is None:
        return []
    rows = [[label("recalled_taken"), result.name(r.item),
             label(f"recalled_taken_{r.by}", duty=f"{r.name} ({r.duty})", score=f"{r.score:.2f}")] for r in c.duties.recalled_taken]
    without = c.duties.without_duty
    rows += [[label("no_duty"), result.name(code), label("no_duty_detail")] for code in without[:shown]]
    if shown is not None and len(without) > shown:
        rows.append([label("no_duty"), label("more_rows", n=len(without) - shown), ""])
    return rows


def to_markdown(result: ReconcileResult) -> str:
    parts = [f"## {label('reconcile.title', parent=md_text(f'{result.parent_name} ({result.parent})'))}", "",
             markdown(header(SUMMARY_HEADER), summary_rows(result))]
    if duties := duty_rows(result):
        parts += ["", f"### {label('duties.check')}", "", markdown(header(DUTY_HEADER), duties)]
    if (line := unlisted_line(result)) is not None:
        parts += ["", line]
    for d in details(result):
        parts += ["", f"<details><summary>{md_text(d.title)}: {label('to_review', n=len(d.rows))}</summary>", "",
                  markdown(header(DETAIL_HEADER), d.rows), "", "</details>"]
    return "\n".join(parts)
