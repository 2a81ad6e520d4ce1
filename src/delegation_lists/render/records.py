"""The records check of a diff (diff/records.py) -> JSON data, lines a person reads, Markdown for a pull request.

Both lists come first in every report: the changes nobody decided, and the records of changes that did not
happen. Items are shown by name beside their code, townships by name.
"""

from __future__ import annotations

from typing import Any

from ..diff import DiffResult
from ..diff.facts import Fact
from ..diff.records import RecordCheck, Unmatched, Unrecorded
from ..model.adjustments import ACTION_ZH
from ..problems import language
from .labels import label, mode, part_label
from .tables import markdown


def fact_json(fact: Fact) -> dict[str, Any]:
    """A fact as JSON: type, jurisdiction, item, name, and the keys its type has (target, field, old_item, mode)."""
    out: dict[str, Any] = {"type": fact.type, "jurisdiction": fact.jurisdiction, "item": fact.item, "name": fact.name}
    for key in ("target", "field", "old_item", "source", "mode", "old_mode", "part", "old_part"):
        value = getattr(fact, key)
        if value is not None:
            out[key] = value
    return out


def records_json(check: RecordCheck) -> dict[str, Any]:
    """`{"unrecorded": [...], "unmatched": [...], "covered": [...], "records": N}`."""
    return {
        "unrecorded": [{**fact_json(u.fact), **({"drafts": list(u.drafts)} if u.drafts else {})} for u in check.unrecorded],
        "unmatched": [{"id": m.record, "action": m.action, "item": m.item, "name": m.name, "file": m.file, "reason": m.reason}
                      for m in check.unmatched],
        "covered": [{**fact_json(c.fact), "record": c.record, "basis": c.basis} for c in check.covered],
        "records": check.records,
    }


def describe(fact: Fact, result: DiffResult) -> str:
    """What happened, in the language in use: 新增 / 变更 legal_basis / 从甲镇收回 ..."""
    if fact.type == "part_moved":
        return label("fact.part_moved", old=part_label(fact.old_part), new=part_label(fact.part))
    target = result.place(fact.target) if fact.target else ""
    old = mode(fact.old_mode) if fact.old_mode else fact.old_item or ""
    return label(f"fact.{fact.type}", field=fact.field or "", old=old, target=target, new=mode(fact.mode or ""))


def item_text(fact: Fact, result: DiffResult) -> str:
    """`甲镇 对…的处罚 (100001101-CF-001)`: the jurisdiction and the item by name and code."""
    what = f"{fact.name} ({fact.item})" if fact.name else fact.item
    return f"{result.place(fact.jurisdiction)} {what}"


def unrecorded_line(u: Unrecorded, result: DiffResult) -> str:
    draft = label("records.draft", ids="、".join(u.drafts)) if u.drafts else ""
    return label("records.unrecorded_line", what=describe(u.fact, result), item=item_text(u.fact, result), draft=draft)


def action_text(action: str) -> str:
    return ACTION_ZH.get(action, action) if language() == "zh" else action


def unmatched_line(m: Unmatched) -> str:
    what = f"{m.name} ({m.item})" if m.name else m.item
    return label("records.unmatched_line", id=m.record, action=action_text(m.action), item=what,
                 why=label(f"unmatched.{m.reason}"), file=m.file)


def headline(check: RecordCheck) -> str:
    """`调整记录核对：…` in one line."""
    return label("records.headline", title=label("records.title"), lines=label("records.sep").join(records_lines(check)))


def records_lines(check: RecordCheck) -> list[str]:
    """The headline: clean, or how many are unrecorded and unmatched."""
    if check.clean:
        return [label("records.clean", n=check.records)]
    out = []
    if check.unrecorded:
        out.append(label("records.unrecorded", n=len(check.unrecorded)))
    if check.unmatched:
        out.append(label("records.unmatched", n=len(check.unmatched)))
    return out


def unrecorded_header() -> list[str]:
    return [label("change"), label("jurisdiction"), label("item"), label("detail")]


def unrecorded_rows(check: RecordCheck, result: DiffResult) -> list[list[object]]:
    """A change nobody decided per row: what happened, where, the item, the draft naming it (if any)."""
    return [[describe(u.fact, result), result.place(u.fact.jurisdiction), f"{u.fact.name} ({u.fact.item})",
             label("records.draft", ids="、".join(u.drafts)).lstrip("；; ") if u.drafts else ""]
            for u in check.unrecorded]


def unmatched_header() -> list[str]:
    return [label("record"), label("action"), label("item"), label("why"), label("file")]


def unmatched_rows(check: RecordCheck) -> list[list[object]]:
    """A recorded change that matches no difference per row, with the reason."""
    return [[m.record, action_text(m.action), f"{m.name} ({m.item})" if m.name else m.item, label(f"unmatched.{m.reason}"), m.file]
            for m in check.unmatched]


def covered_header() -> list[str]:
    return [label("change"), label("jurisdiction"), label("item"), label("record"), label("basis")]


def covered_rows(check: RecordCheck, result: DiffResult) -> list[list[object]]:
    """A recorded change per row, with the record and its approving document."""
    return [[describe(c.fact, result), result.place(c.fact.jurisdiction), f"{c.fact.name} ({c.fact.item})", c.record, c.basis]
            for c in check.covered]


def records_markdown(check: RecordCheck, result: DiffResult) -> list[str]:
    """The records section of the pull-request comment: both lists as tables, first."""
    parts = [f"**{label('records.title')}** " + label("records.sep").join(records_lines(check))]
    if check.unrecorded:
        parts += ["", markdown(unrecorded_header(), unrecorded_rows(check, result))]
    if check.unmatched:
        parts += ["", markdown(unmatched_header(), unmatched_rows(check))]
    return parts
