"""Every label of the exported workbooks, in Chinese and English (`--lang zh|en`): one table, no labels in code."""

from __future__ import annotations

from ..model.codes import KIND_BY_KEY, MODE_BY_KEY, STATUSES

LABELS: dict[str, tuple[str, str]] = {
    "seq": ("序号", "No."),
    "code": ("事项编码", "Code"),
    "main_item": ("主项名称", "Main item"),
    "name": ("事项名称", "Item"),
    "kind": ("事项类型", "Kind"),
    "department": ("实施部门", "Department"),
    "legal_basis": ("设定和实施依据", "Legal basis"),
    "statutory_days": ("法定时限（工作日）", "Statutory days"),
    "promised_days": ("承诺时限（工作日）", "Promised days"),
    "since": ("实施时间", "Since"),
    "violation": ("违法行为", "Violation"),
    "penalty_types": ("处罚种类", "Penalty types"),
    "mode": ("承接方式", "Mode"),
    "mode_parent": ("下放方式", "Delegation mode"),
    "targets": ("实施范围", "Delegated to"),
    "basis": ("下放依据", "Basis"),
    "scope": ("权限范围", "Scope"),
    "status": ("状态", "Status"),
    "notes": ("备注", "Notes"),
    "check": ("承接状态", "Check"),
    "remarks": ("核实备注", "Remarks"),
    "list": ("事项清单", "item list"),
    "draft": ("（草案）", " (draft)"),
    "checklist.title": ("{title}核对表", "{title}: checklist"),
    "jurisdiction": ("辖区", "Jurisdiction"),
    "colon": ("：", ": "),
    "own.list": ("自有事项清单", "own items"),
    "own.suffix": ("（自有事项）", " (own items)"),
    "own.sheet": ("自有事项", " own items"),
    "own.mode": ("自有", "own"),
    "section.own": ("{num}、{kind}（自有事项，共{n}项）", "{num}. {kind} (own items, {n})"),
    "attachment": ("附件{n}", "Attachment {n}"),
    "issuer": ("发布单位：{issuer}", "Issued by: {issuer}"),
    "date": ("发布日期：{date}", "Date: {date}"),
    "date.format": ("{y}年{m}月{d}日", "{y}-{m:02d}-{d:02d}"),
    "sum": ("合计", "Total"),
    "sum.count": ("共{n}项", "{n} items"),
    "note": ("注：{text}", "Note: {text}"),
    "note.n": ("注{n}：{text}", "Note {n}: {text}"),
    "dropped": ("{sheet}：{paper} 横向放不下全部列，未显示 {columns}（工作簿中保留为隐藏列）",
                "{sheet}: not every column fits {paper} landscape; {columns} not shown (kept in the workbook as hidden columns)"),
    "footer.n": ("&C第 &P 页 共 {n} 页", "&CPage &P of {n}"),
    "total": ("（共{n}项）", " ({n} items)"),
    "section": ("{num}、{kind}（共{n}项）", "{num}. {kind} ({n} items)"),
    "footer": ("&C第 &P 页 共 &N 页", "&CPage &P of &N"),
    "summary": ("汇总", "Summary"),
    "sheet": ("清单", "List"),
    "items": ("事项数", "Items"),
    "all": ("全部", "all"),
    "separator": ("、", ", "),
    "statuses": ("已承接,未承接,待核实", "taken on,not taken on,to check"),
    "duty.domain": ("领域", "Domain"), "duty.basis": ("职责依据", "Basis"), "duty.office": ("承办机构", "Office"),
    "duty.lead": ("牵头部门", "Lead department"), "duty.lead_duty": ("部门职责", "Department's duty"),
    "duty.duty": ("乡镇配合职责", "Township's duty"), "duty.taken_by": ("承接部门", "Taken by"),
    "duty.how": ("工作方式", "How"), "duty.list": ("履行职责事项清单", "duty list"),
    "village.list": ("村级组织工作事项清单", "village work list"), "village.basis": ("法律政策依据", "Basis"),
    "village.office": ("责任主体", "In charge"), "village.lead": ("主管部门", "Department"),
    "village.duty": ("村级协助内容", "What the village does"), "village.admitted": ("准入依据", "Admitted by"),
    "village.from_guide": ("指导目录", "the guide"), "village.certificate": ("证明事项名称", "Certificate"),
    "village.user": ("使用部门", "Used by"), "village.flow": ("运行流程", "Flow"),
    "station.title": ("{name}村级便民服务站服务事项清单", "{name}: services of the village stations"),
    "station.section": ("{mode}事项", "{mode}"), "station.villages": ("办理站点（村）", "Stations (villages)"),
    "station.all": ("全部村（{n}个）", "every village ({n})"),
}
NUMERALS = "一二三四五六七八九十"


def label(key: str, lang: str = "zh", **values: object) -> str:
    text = LABELS[key][0 if lang == "zh" else 1]
    return text.format(**values) if values else text


def section_number(i: int, lang: str = "zh") -> str:
    """一, 二, ... 十, 十一 for zh; 1, 2, ... for en."""
    if lang != "zh":
        return str(i)
    if i <= 10:
        return NUMERALS[i - 1]
    tens, ones = divmod(i, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[ones - 1] if ones else "")


def kind_label(kind: str | None, lang: str = "zh") -> str:
    row = KIND_BY_KEY.get(kind or "")
    return (row.zh if lang == "zh" else row.en) if row else (kind or "")


def mode_label(mode: str | None, lang: str = "zh") -> str:
    row = MODE_BY_KEY.get(mode or "")
    return (row.zh if lang == "zh" else row.en) if row else (mode or "")


def status_label(status: str, lang: str = "zh") -> str:
    row = next((s for s in STATUSES if s.key == status), None)
    return (row.zh if lang == "zh" else row.en) if row else status
