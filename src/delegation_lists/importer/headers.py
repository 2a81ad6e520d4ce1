"""Recognise a list's columns: the common Chinese (and English) headers and their synonyms, the header row under
merged title rows, section rows ("一、行政许可（共31项）") and cleaning of cell text."""

from __future__ import annotations

import re
from typing import Any

from ..model.codes import KIND_LOOKUP, KINDS

#: field -> the headers that name it (compared after cleaning; the first is what `dlists export` writes)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "No.", "No"),
    "code": ("事项编码", "实施编码", "项目编码", "权力编码", "基本编码", "编码", "Code"),
    "name": ("事项名称", "项目名称", "权力事项名称", "权力名称", "子项名称", "Item", "Name"),
    "kind": ("事项类型", "权力类型", "事项类别", "类别", "类型", "Kind"),
    "department": ("实施部门", "主管部门", "实施机关", "实施主体", "相关区主管部门", "责任部门", "行使部门", "职能部门", "区职能部门",
                   "县职能部门", "县级部门", "区级部门", "市级部门", "县级主管部门", "区级主管部门", "Department"),
    "legal_basis": ("设定和实施依据", "设定依据", "实施依据", "法律依据", "依据", "Legal basis"),
    "targets": ("实施范围", "承接范围", "承接主体", "下放对象", "承接单位", "承接乡镇", "承接街道", "承接镇（街道）",
                "承接乡镇（街道）", "承接镇街", "实施街道", "实施乡镇", "Delegated to"),
    "mode": ("承接方式", "赋权方式", "方式", "Mode"),
    "delegation_mode": ("下放方式", "Delegation mode"),  # a list that takes items on and hands them down has both
    "basis": ("下放依据", "赋权依据", "委托依据", "调整依据", "Basis"),
    "scope": ("权限范围", "承接内容", "下放权限", "Scope"),
    "statutory_days": ("法定时限（工作日）", "法定时限", "法定办结时限", "法定期限", "Statutory days"),
    "promised_days": ("承诺时限（工作日）", "承诺时限", "承诺办结时限", "承诺期限", "Promised days"),
    "since": ("实施时间", "下放时间", "承接时间", "Since"),
    "violation": ("违法行为", "Violation"),
    "penalty_types": ("处罚种类", "处罚类型", "Penalty types"),
    "main_item": ("主项名称", "主项", "Main item"),
    "status": ("状态", "Status"),
    "notes": ("备注", "说明", "Notes"),
}
HEADER_LOOKUP = {re.sub(r"\s+", "", s).lower(): f for f, names in SYNONYMS.items() for s in names}
SPACES = re.compile(r"[ \t\u3000\u00a0\u2002\u2003\u200b\ufeff]+")
#: kinds as an English list names them ("1. Administrative coercion (1 items)"), with every catalog spelling
KIND_WORDS = {**KIND_LOOKUP, **{k.en.lower(): k.key for k in KINDS}}
SECTION = re.compile(r"^\s*(?:[一二三四五六七八九十]+|\d+)\s*[、.．]\s*(?P<kind>[^（(]+?)\s*(?:[（(].*[)）])?\s*$")
#: a numbered section heading with its count that names no kind: a 领域 or a department ("一、城市管理（共296项）")
HEADING = re.compile(r"^\s*(?:(?:[一二三四五六七八九十]+|\d+)\s*[、.．]|[（(][一二三四五六七八九十\d]+[)）])\s*[^（(]+?"
                     r"\s*[（(]\s*共\s*\d+\s*(?:项|个|条)[^)）]*[)）]\s*$")


def clean(value: Any) -> str:
    """Cell -> text: numbers without a trailing .0, stray and full-width spaces trimmed (inside each line),
    Windows line breaks normalised; None -> ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    lines = [SPACES.sub(" ", line).strip() for line in str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


#: the fields a published list wraps inside its cell (Alt+Enter) though they are one line: joined on import
ONE_LINE = ("name", "main_item", "department", "lead", "taken_by", "office", "domain")


def one_line(text: str) -> str:
    """A cell's lines as one line: joined without a space (Chinese), with one between two Latin letters or digits
    (`Wi-Fi\nhotspot` -> `Wi-Fi hotspot`)."""
    out = ""
    for line in text.split("\n"):
        glue = " " if out and out[-1].isascii() and out[-1].isalnum() and line[:1].isascii() and line[:1].isalnum() else ""
        out += glue + line
    return out


def header_field(text: str) -> str | None:
    return HEADER_LOOKUP.get(re.sub(r"\s+", "", text).lower())


def find_header(rows: list[tuple[int, list[Any]]], extra: dict[str, str], limit: int = 30) -> int | None:
    """Index (in `rows`) of the header row: among the first `limit` rows, the first one naming a name column
    and at least one other known column (title rows above it are skipped)."""
    for i, (_, cells) in enumerate(rows[:limit]):
        fields = [extra.get(clean(c)) or header_field(clean(c)) for c in cells]
        if "name" in fields and sum(1 for f in fields if f) >= 2:
            return i
    return None


def is_heading(cells: list[str]) -> bool:
    """A section heading alone on its row that names no kind but states its count ("一、城市管理（共296项）",
    "（二）区卫生健康局（共12项）"): the list's grouping, not an item (the kind stays the one before)."""
    filled = {c for c in cells if c}
    return len(filled) == 1 and bool(HEADING.match(filled.pop()))


def section_kind(cells: list[str]) -> str | None:
    """A section row ("一、行政许可（共31项）", alone on its row, possibly merged across) -> the kind key."""
    filled = {c for c in cells if c}
    if len(filled) != 1:
        return None
    match = SECTION.match(filled.pop())
    return (KIND_WORDS.get(match["kind"]) or KIND_WORDS.get(match["kind"].lower())) if match else None
