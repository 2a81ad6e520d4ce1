"""The 调整对照表 (adjustment table) of a diff, as offices publish it with an adjusted list: 序号, 事项编码, 事项名称,
调整类型, 调整前, 调整后, 调整依据, 调整理由; each recorded change with its record's basis and reason, the changes
nobody recorded marked in red. Township entries a recorded withdrawal or delegation brings along are left to
the row of that decision."""

from __future__ import annotations

from ..diff import DiffResult, FieldChange
from ..diff.facts import Fact
from ..diff.records import RecordCheck
from ..model.codes import FIELD_BY_KEY
from ..render.diff import show
from ..render.labels import mode, part_label
from .model import Column, Print, Sheet

#: 调整类型 of each kind of fact, as the published tables write it
ACTION = {"added": "新增", "removed": "取消", "changed": "变更", "renamed": "更名", "delegated": "下放",
          "withdrawn": "收回", "mode_changed": "变更下放方式", "part_moved": "调整类别"}
UNRECORDED = "无调整记录（未经审定）"
HEADER = [("序号", 6, "center"), ("辖区", 12, "cell"), ("事项编码", 20, "cell"), ("事项名称", 30, "wrap"),
          ("调整类型", 10, "center"), ("调整前", 32, "wrap"), ("调整后", 32, "wrap"), ("调整依据", 24, "wrap"),
          ("调整理由", 30, "wrap")]


def adjustment_sheet(result: DiffResult, records: RecordCheck, title: str) -> Sheet:
    """The 调整对照表 of `result` checked against `records`, under the banner `title`."""
    sheet = Sheet("调整对照表", [Column(h, w, s) for h, w, s in HEADER])
    sheet.add_banner(title, "title")
    sheet.add_header()
    sheet.print = Print(repeat_rows=(0, 1), footer="&C第 &P 页，共 &N 页")
    fields = {(c.jurisdiction, c.item, f.field): f for c in result.changes for f in c.fields}
    rows = [(c.fact, c.basis, c.reason or "") for c in records.covered if not c.derived]
    rows += [(u.fact, "", "") for u in records.unrecorded]
    rows.sort(key=lambda r: (r[0].jurisdiction, r[0].item, r[0].type, r[0].target or "", r[0].field or ""))
    for n, (fact, basis, reason) in enumerate(rows, 1):
        before, after = _sides(fact, fields.get((fact.jurisdiction, fact.item, fact.field or "")), result)
        at = len(sheet.rows)
        sheet.rows.append([n, result.place(fact.jurisdiction), fact.item, fact.name, ACTION[fact.type], before, after,
                           basis or UNRECORDED, reason])
        if not basis:
            sheet.styles[(at, 7)] = "bad"
    return sheet


def _sides(fact: Fact, changed: FieldChange | None, result: DiffResult) -> tuple[str, str]:
    """调整前 and 调整后 of one fact."""
    target = result.place(fact.target) if fact.target else ""
    if fact.type == "added":
        return "", fact.name
    if fact.type == "removed":
        return fact.name, ""
    if fact.type == "renamed":
        return fact.old_item or "", fact.item
    if fact.type == "delegated":
        return "", f"下放给{target}（{mode(fact.mode or '', 'zh')}）"
    if fact.type == "withdrawn":
        return f"下放给{target}", f"收回，{target}不再实施"
    if fact.type == "part_moved":
        return part_label(fact.old_part, "zh"), part_label(fact.part, "zh")
    if fact.type == "mode_changed":
        return f"{target}：{mode(fact.old_mode or '', 'zh')}", f"{target}：{mode(fact.mode or '', 'zh')}"
    if changed is None:
        return "", ""
    row = FIELD_BY_KEY.get((fact.field or "").split(".")[0].split("[")[0])
    name = row.zh if row is not None else fact.field
    return f"{name}：{show(changed.old)}", f"{name}：{show(changed.new)}"
