"""`dlists record`: the draft of a record for the changes nobody recorded, as YAML to append to an
`adjustments:` file (spec §6). The actions and items are filled in; `basis` and `reason` are left empty for the
analyst (rule DL401 and the diff keep asking for them until they are written).

A change a drafted delegation or withdrawal brings along (the township entries it adds or removes) gets no
change of its own. Every change line ends with a comment naming the item and what happened, in Chinese.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_text
from ..load.document import read_document
from ..model.adjustments import AdjustmentChange
from ..model.codes import FIELD_BY_KEY, PART_BY_KEY
from ..problems import MessageError, msg
from .facts import Fact
from .records import RecordCheck, covers


@dataclass(frozen=True)
class Draft:
    """A drafted record: its id, its YAML entry (a `- id:` block, not indented) and how many changes it holds."""

    id: str
    text: str
    changes: int

    def indented(self, indent: str) -> str:
        return "".join(f"{indent}{line}" for line in self.text.splitlines(keepends=True))


def draft_record(check: RecordCheck, places: dict[str, str], today: dt.date, taken: set[str]) -> Draft | None:
    """The record of every unrecorded fact that no record (not even a draft) covers; None when there is none."""
    facts = [u.fact for u in check.unrecorded if not u.drafts]
    if not facts:
        return None
    names = {name: code for code, name in places.items()}
    changes: list[tuple[AdjustmentChange, str]] = []
    for fact in sorted(facts, key=_delegation_first):
        if any(covers(c, fact, names) for c, _ in changes):
            continue
        change = _change_of(fact, [c for c, _ in changes])
        if change is not None:
            changes.append((change, _comment(fact, places)))
    rid = next_id(taken, today)
    lines = [f'- id: "{rid}"', f"  date: {today.isoformat()}", f"  basis:   # 审定文号（待填写），如 某编办发〔{today.year}〕1号",
             "  reason:   # 调整理由（待填写）", "  changes:"]
    lines += [f"    - {_flow(c)}  # {comment}" for c, comment in changes]
    return Draft(rid, "\n".join(lines) + "\n", len(changes))


def _delegation_first(fact: Fact) -> tuple[int, str, str]:
    """Decisions on a parent's item before the child entries they bring along."""
    return (0 if fact.type in ("delegated", "withdrawn", "mode_changed") else 1, fact.jurisdiction, fact.item)


def _change_of(fact: Fact, drafted: list[AdjustmentChange]) -> AdjustmentChange | None:
    """The change deciding `fact`, or None when it was merged into one drafted already (more children, more fields).
    A name changed under the same code is drafted as 更名 (`rename` without `old`), as the 调整对照表 writes it."""
    if fact.type == "changed" and fact.field == "name":
        if any(c.item == fact.item and c.action == "rename" for c in drafted):
            return None
        return AdjustmentChange.model_validate({"action": "rename", "item": fact.item})
    for c in drafted:
        if c.item != fact.item:
            continue
        if fact.type == "changed" and c.action == "change" and c.fields is not None and fact.field:
            if _field(fact.field) not in c.fields:
                c.fields.append(_field(fact.field))
            return None
        if fact.type in ("delegated", "mode_changed") and c.action == "delegate" and c.mode == fact.mode and c.to:
            c.to.append(fact.target or "")
            return None
        if fact.type == "withdrawn" and c.action == "withdraw" and c.from_:
            c.from_.append(fact.target or "")
            return None
    action = {"added": "add", "removed": "remove", "changed": "change", "renamed": "rename", "delegated": "delegate",
              "withdrawn": "withdraw", "mode_changed": "delegate", "part_moved": "move"}[fact.type]
    field = _field(fact.field) if fact.field else None
    if action == "move":
        return AdjustmentChange.model_validate({"action": action, "duty": fact.item, "part": fact.part})
    return AdjustmentChange.model_validate({
        "action": action, "item": fact.item, "old": fact.old_item,
        "to": [fact.target] if fact.type in ("delegated", "mode_changed") and fact.target else None,
        "from": [fact.target] if fact.type == "withdrawn" and fact.target else None,
        "mode": fact.mode if fact.type in ("delegated", "mode_changed") else None,
        "fields": [field] if field else None,
    })


def _field(name: str) -> str:
    """The top-level field of a changed path (`delegation.to` -> `delegation`, `legal_basis[1]` -> `legal_basis`)."""
    return name.split(".")[0].split("[")[0]


def _flow(c: AdjustmentChange) -> str:
    """A change as a one-line YAML flow mapping, values quoted as JSON (codes stay text)."""
    parts = [f"action: {c.action}", f"{'duty' if c.duty else 'item'}: {json.dumps(c.target, ensure_ascii=False)}"]
    for key, value in (("old", c.old), ("from", c.from_), ("to", c.to), ("mode", c.mode), ("fields", c.fields), ("part", c.part)):
        if value is not None:
            parts.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "{" + ", ".join(parts) + "}"


def _comment(fact: Fact, places: dict[str, str]) -> str:
    """`甲镇 对…的处罚：收回` : the item by name and what happened, for the analyst reading the draft."""
    changed = "更名" if fact.field == "name" else f"变更 {_field_zh(fact.field or '')}"
    what = {"added": "新增", "removed": "取消", "changed": changed, "renamed": f"更名（原 {fact.old_item}）",
            "delegated": f"下放给{places.get(fact.target or '', fact.target)}",
            "withdrawn": f"从{places.get(fact.target or '', fact.target)}收回",
            "mode_changed": f"{places.get(fact.target or '', fact.target)}的下放方式改为 {fact.mode}",
            "part_moved": f"调整类别 {_part(fact.old_part)} → {_part(fact.part)}"}[fact.type]
    return " ".join(f"{places.get(fact.jurisdiction, fact.jurisdiction)} {fact.name}：{what}".split())


def _part(key: str | None) -> str:
    row = PART_BY_KEY.get(key or "")
    return row.zh if row is not None else key or ""


def next_id(taken: set[str], today: dt.date) -> str:
    """`YYYY-NNN` after the highest number of this year among the ids taken."""
    numbers = [int(m.group(1)) for t in taken if (m := re.fullmatch(rf"{today.year}-(\d+)", t))]
    n = max(numbers, default=0) + 1
    while f"{today.year}-{n:03d}" in taken:
        n += 1
    return f"{today.year}-{n:03d}"


class DraftRefused(MessageError):
    """The file named cannot take the draft (not an adjustments file, a link, or it would not read back)."""


def append_draft(path: Path, draft: Draft) -> None:
    """Append the drafted record to the `adjustments:` file at `path` (made when missing), atomically; the file is
    re-read before it is replaced, and left as it was unless every record it had is still there and the draft
    is one more."""
    existing = ""
    if path.is_symlink():
        raise DraftRefused(msg("cli.record.link", path=path))
    if path.exists():
        existing = path.read_text(encoding="utf-8")
        before = _records_in(existing, path)
        if before is None:
            raise DraftRefused(msg("cli.record.not_adjustments", path=path))
    else:
        before = 0
    head = existing if existing.strip() else "adjustments:\n"
    indent = next((m.group(1) for m in re.finditer(r"^( *)- ", head, re.M)), "  ")
    text = head + ("" if head.endswith("\n") else "\n") + draft.indented(indent)
    if _records_in(text, path) != before + 1:
        raise DraftRefused(msg("cli.record.layout", path=path), draft.indented("  "))
    write_text(path, text)


def _records_in(text: str, path: Path) -> int | None:
    """The number of records of an adjustments text, or None when it is not one that loads cleanly."""
    doc = read_document(path, str(path), raw=text.encode("utf-8"))
    if doc.kind != "adjustments" or doc.adjustments is None or any(p.code.startswith("DL0") for p in doc.problems):
        return None
    return len(doc.adjustments.adjustments)


def _field_zh(path: str) -> str:
    """A changed field by its Chinese column name, the key beside it (承诺时限（promised_days）)."""
    row = FIELD_BY_KEY.get(_field(path))
    return f"{row.zh}（{path}）" if row is not None else path
