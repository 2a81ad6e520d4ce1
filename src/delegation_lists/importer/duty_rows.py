"""Rows of a published duty list (乡镇履行职责事项清单) -> duty records. The lists come as three sheets (one per
part) or as one sheet (or Word document) with the three parts as sections ("一、基本履职事项（共117项）"), each part
with its own header row; a part is known by its section title, by its sheet's name, or by its columns (牵头部门 and
乡镇配合职责 are 配合履职事项; 承接部门 and 工作方式 are 上级部门收回事项). 领域 is a column (merged down its run of
rows) or a section row inside a part ("（一）党的建设"). Attachment furniture (附件N, 填表单位, 合计, 注) is kept out
as for power lists."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model.codes import PART_LOOKUP
from .furniture import is_form_line, note_text, split_points, strip_attachment, total_count
from .headers import clean
from .readers import Table
from .rows import RowIssue, no_name, row_place

#: field -> the headers that name it (compared without spaces and bracketed words: 乡镇（街道）配合职责 = 乡镇配合职责)
DUTY_HEADERS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号"),
    "code": ("事项编码", "编码"),
    "domain": ("领域", "所属领域", "事项领域", "类别", "事项类别", "分类", "履职领域"),
    "name": ("事项名称", "履职事项", "履职事项名称", "职责事项", "事项内容", "名称", "事项"),
    "basis": ("职责依据", "履职依据", "依据", "法律依据", "政策依据", "设定依据", "法律法规依据"),
    "office": ("承办机构", "承办科室", "责任科室", "承办单位", "责任机构", "镇承办机构", "具体承办机构", "责任站所"),
    "lead": ("牵头部门", "县级牵头部门", "牵头单位", "主责部门", "县直部门", "牵头部门单位"),
    "lead_duty": ("部门职责", "县级部门职责", "牵头部门职责", "县直部门职责", "上级部门职责", "县级部门单位职责"),
    "duty": ("乡镇配合职责", "镇配合职责", "街道配合职责", "配合职责", "乡镇职责", "镇职责", "街道职责"),
    "taken_by": ("承接部门", "收回部门", "县级承接部门", "承接部门单位", "收回单位"),
    "how": ("工作方式", "收回方式", "履职方式"),
    "notes": ("备注", "说明"),
}
_BRACKETS = re.compile(r"[（(][^）)]*[)）]|\s+")
LOOKUP = {_BRACKETS.sub("", h): f for f, names in DUTY_HEADERS.items() for h in names}
#: headers only duty lists have (a power list's header has none of them)
DUTY_ONLY = frozenset(_BRACKETS.sub("", h) for f in ("domain", "basis", "office", "lead", "lead_duty", "duty", "taken_by", "how")
                      for h in DUTY_HEADERS[f][:3]) - {"依据", "类别"}
#: the columns only one part has: they name the part of the rows under them
PART_OF = {"lead": "cooperate", "lead_duty": "cooperate", "duty": "cooperate", "taken_by": "recalled", "how": "recalled"}
SECTION = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．]|第[一二三四五六七八九十]+部分\s*[:：]?)?\s*"
                     r"(?P<text>[^（(]+?)\s*(?:[（(]\s*共?\s*(?P<n>\d+)\s*项?\s*[)）])?\s*$")
DOMAIN = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．])\s*"
                    r"(?P<text>[^（(]+?)\s*(?:[（(]\s*共?\s*\d+\s*项?\s*[)）])?\s*$")
COUNT = re.compile(r"\s*[（(]\s*共\s*\d+\s*项\s*[)）]\s*$")
#: a part named after the list's title on a part's own sheet: "某镇履行职责事项清单——基本履职事项"
PART_SUFFIX = re.compile(r"\s*[—\-－:：]+\s*(?:" + "|".join(map(re.escape, sorted(PART_LOOKUP, key=len, reverse=True))) + r")\s*$")
BASES = re.compile(r"、(?=《)")  # 《甲法》、《乙条例》第三条: two bases (as `dlists export` joins them)


def header_fields(cells: list[Any]) -> list[str | None]:
    return [LOOKUP.get(_BRACKETS.sub("", clean(c))) for c in cells]


def part_named(text: str) -> tuple[str, int | None] | None:
    """A part's section title ("二、配合履职事项（共99项）", or a sheet named 配合履职事项) -> (part, the count it states)."""
    match = SECTION.match(text)
    if match is None:
        return None
    part = PART_LOOKUP.get(match["text"].strip())
    return (part, int(match["n"]) if match["n"] else None) if part else None


def split_basis(text: str) -> list[str]:
    """A 职责依据 cell -> its bases: one per line, numbered points apart, 《…》、《…》 apart."""
    return [b.strip(" ；;，,。") for line in text.split("\n") for point in split_points(line) for b in BASES.split(point)
            if b.strip(" ；;，,。")]


@dataclass
class DutyRecord:
    table: str
    row: int
    part: str
    fields: dict[str, Any]
    place: str = ""

    @property
    def where(self) -> str:
        return row_place(self.table, self.row, self.place)


@dataclass
class DutyRead:
    """Every duty record of the file's tables, the rows that are not, the title, and what to tell the user."""

    records: list[DutyRecord] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)
    title: str | None = None
    stated: dict[str, int] = field(default_factory=dict)  # part -> the count its section title states
    notes: list[str] = field(default_factory=list)  # 注 lines


class DutyReader:
    """Walks the tables in order: the part and the domain carry over from one table to the next (a Word list's
    parts are tables one after another, a part may go on in the next table)."""

    def __init__(self) -> None:
        self.read = DutyRead()
        self.part: str | None = None
        self.domain: str | None = None
        self.columns: list[str | None] | None = None

    def table(self, table: Table) -> None:
        named = part_named(table.name) or part_named(sheet_part(table.name) or "")
        if named is not None:
            self.part, self.domain, self.columns = named[0], None, None
        for number, raw in table.rows:
            cells = [clean(c) for c in raw]
            if any(cells):
                self._row(table, number, cells)

    def _row(self, table: Table, number: int, cells: list[str]) -> None:
        filled = list(dict.fromkeys(c for c in cells if c))
        fields = header_fields(cells)
        if "name" in fields and sum(1 for f in fields if f) >= 2:
            self._header(fields)
        elif total_count(cells) is not None or is_form_line(filled[0]):
            return
        elif (note := note_text(cells)) is not None:
            self.read.notes.append(note)
        elif len(filled) == 1 and self._section(filled[0], cells.count(filled[0])):
            return
        elif self.columns is None:
            self._title(filled[0])
        else:
            self._entry(table, number, cells)

    def _header(self, fields: list[str | None]) -> None:
        self.columns = fields
        parts = {PART_OF[f] for f in fields if f in PART_OF}
        if len(parts) == 1:
            self.part = parts.pop()
        elif self.part is None:
            self.part = "basic"

    def _section(self, text: str, spread: int) -> bool:
        """A part's section row, or a domain's (numbered, or merged across the table under a header): True."""
        named = part_named(text)
        if named is not None:
            self.part, self.domain, self.columns = named[0], None, None
            if named[1] is not None:
                self.read.stated[named[0]] = named[1]
            return True
        match = DOMAIN.match(text)
        if match is not None or (self.columns is not None and spread > 1 and len(text) <= 20):
            self.domain = match["text"].strip() if match else text
            return True
        return False

    def _title(self, text: str) -> None:
        title = strip_attachment(text)
        if title and self.read.title is None:
            self.read.title = PART_SUFFIX.sub("", COUNT.sub("", title))

    def _entry(self, table: Table, number: int, cells: list[str]) -> None:
        assert self.columns is not None
        values: dict[str, Any] = {}
        for name, text in zip(self.columns, cells, strict=False):
            if name and name != "seq" and text and name not in values:
                values[name] = split_basis(text) if name == "basis" else text
        if self.domain and "domain" not in values:
            values["domain"] = self.domain
        place = table.places.get(number, "")
        if "name" not in values:
            self.read.issues.append(no_name(table.name, number, cells, place))
            return
        self.read.records.append(DutyRecord(table.name, number, self.part or "basic", values, place))


def looks_like_duties(tables: list[Table]) -> bool:
    """A duty list: a part's section title or sheet name, or a header with a column only duty lists have."""
    for table in tables:
        if part_named(table.name) or sheet_part(table.name):
            return True
        for _, raw in table.rows[:60]:
            cells = [clean(c) for c in raw]
            filled = {c for c in cells if c}
            if len(filled) == 1 and part_named(filled.pop()):
                return True
            if "name" in header_fields(cells) and any(_BRACKETS.sub("", c) in DUTY_ONLY for c in filled):
                return True
    return False


def sheet_part(name: str) -> str | None:
    """The part a sheet's name ends with after a dash (`赵湾镇-基本履职事项`, as `dlists export -t duties` names a
    part's sheet), else None."""
    found = PART_SUFFIX.search(name)
    return found.group().lstrip("—-－:： ") if found else None


def whole_lists(tables: list[Table]) -> dict[str, list[Table]]:
    """The duty lists of a workbook of several, by name: a table holding two parts' section titles or more (a
    sheet per township), or the sheets of one list's parts (`赵湾镇-基本履职事项`, `赵湾镇-配合履职事项`: 赵湾镇)."""
    def parts(table: Table) -> int:
        found = set()
        for _, raw in table.rows:
            filled = {clean(c) for c in raw} - {""}
            named = part_named(filled.pop()) if len(filled) == 1 else None
            if named:
                found.add(named[0])
        return len(found)

    lists: dict[str, list[Table]] = {}
    for table in tables:
        if table.kind == "layout":
            continue
        if (found := PART_SUFFIX.search(table.name)) is not None and found.start() > 0:
            lists.setdefault(table.name[:found.start()], []).append(table)
        elif parts(table) >= 2:
            lists.setdefault(table.name, []).append(table)
    return lists


def read_duties(tables: list[Table]) -> DutyRead:
    reader = DutyReader()
    for table in tables:
        if table.kind != "layout":
            reader.table(table)
    return reader.read
