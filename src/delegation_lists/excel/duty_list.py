"""The `duties` export template: a township's duty list, or a village's list, as offices publish it (spec §5).

A sheet per part of each duty list (`赵湾镇-基本履职事项`, `赵湾镇-配合履职事项`, `赵湾镇-上级部门收回事项`): the list's
title with its total, the part's section title ("一、基本履职事项（共N项）") and the part's own header, the three
repeated on every printed page, then its entries grouped by 领域 in the order the list first names them (基本: 序号
领域 事项名称 职责依据 承办机构; 配合: 序号 事项名称 牵头部门 部门职责 乡镇配合职责; 收回: 序号 事项名称 承接部门 工作方式);
the part's columns fill the page's width (A4 landscape, one page wide), a column no entry fills is left out,
page numbers in the footer. A village's list (村级组织工作事项清单) the same way with its
parts: 依法自治事项 (序号 领域 事项名称 法律政策依据 责任主体), 协助政府工作事项 (序号 事项名称 主管部门 村级协助内容
准入依据), 出具证明事项 (序号 证明事项名称 设定依据 使用部门 备注), 负面事项 (序号 事项名称 依据 备注), 小微权力事项
(序号 领域 事项名称 依据 运行流程).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..catalog import Catalog
from ..catalog.duties import DutyEntry
from ..load.document import Document
from ..model.codes import PART_BY_KEY
from ..model.items import DRAFT_WORDS
from .labels import label, section_number
from .lists import unread_files
from .model import Book, Column, Print, Sheet, sheet_title

#: the columns of each part (label keys); a sheet has five columns, shared by the parts (a township's three, a
#: village's five: 依法自治, 协助政府工作, 出具证明, 负面, 小微权力 with its flow)
PART_COLUMNS = {
    "basic": ("seq", "duty.domain", "name", "duty.basis", "duty.office"),
    "cooperate": ("seq", "name", "duty.lead", "duty.lead_duty", "duty.duty"),
    "recalled": ("seq", "name", "duty.taken_by", "duty.how"),
    "autonomy": ("seq", "duty.domain", "name", "village.basis", "village.office"),
    "assist": ("seq", "name", "village.lead", "village.duty", "village.admitted"),
    "certificate": ("seq", "village.certificate", "village.basis", "village.user", "notes"),
    "negative": ("seq", "name", "village.basis", "notes"),
    "micro_power": ("seq", "duty.domain", "name", "village.basis", "village.flow"),
}
#: each column's share of the page's width (A4 landscape, one page wide): a part's columns are scaled to fill it
WIDTHS = {"seq": 6, "name": 34, "duty.domain": 14, "duty.basis": 44, "duty.office": 18, "duty.lead": 24,
          "duty.lead_duty": 34, "duty.duty": 34, "duty.taken_by": 20, "duty.how": 26, "village.basis": 40,
          "village.office": 18, "village.lead": 24, "village.duty": 36, "village.admitted": 24,
          "village.certificate": 34, "village.user": 22, "notes": 28, "village.flow": 40}
PAGE_WIDTH = 134  # characters across the page, 序号 included
KEPT = ("seq", "name")  # columns a part shows even when no entry fills them
SHEET_NAME = 31  # characters Excel allows in a sheet's name


def _cells(cat: Catalog, e: DutyEntry, part: str, seq: int, lang: str) -> list[object]:
    d = e.duty
    basis = "、".join(d.basis or [])
    if part in ("basic", "autonomy"):
        return [seq, d.domain or "", d.name or "", basis, d.office or ""]
    if part == "cooperate":
        return [seq, d.name or "", cat.full_department(e.doc, d.lead or ""), d.lead_duty or "", d.duty or ""]
    if part == "recalled":
        return [seq, d.name or "", cat.full_department(e.doc, d.taken_by or ""), d.how or ""]
    if part == "assist":
        return [seq, d.name or "", cat.full_department(e.doc, d.lead or "") if d.lead else "", d.duty or "", _admission(e, lang)]
    if part == "certificate":
        return [seq, d.name or "", basis, cat.full_department(e.doc, d.lead or "") if d.lead else "", d.notes or ""]
    if part == "negative":
        return [seq, d.name or "", basis, d.notes or ""]
    return [seq, d.domain or "", d.name or "", basis, "→".join(d.flow or [])]


def _admission(e: DutyEntry, lang: str) -> str:
    """How assist work came onto the village: its admission (文号, date), else the guide it is taken from."""
    adm = e.raw.admitted
    if adm is not None and adm.basis:
        return adm.basis + (f"（{adm.date.isoformat()}）" if adm.date else "")
    return label("village.from_guide", lang) if e.source is not None and e.source.in_guide else ""


def _by_domain(entries: list[DutyEntry]) -> list[DutyEntry]:
    """Entries grouped by 领域, the domains in the order the list first names them."""
    order: dict[str, int] = {}
    for e in entries:
        order.setdefault(e.duty.domain or "", len(order))
    return sorted(entries, key=lambda e: order[e.duty.domain or ""])


def duty_sheets(cat: Catalog, title: str, entries: list[DutyEntry], lang: str, name: str) -> list[Sheet]:
    """One duty list as a sheet per part (named `name-part`): the list's title with its total, the part's section
    title and its header, all three repeated on every printed page, then the entries grouped by 领域; the part's
    own columns across the page, those no entry fills left out."""
    sheets = []
    for number, part in enumerate((p for p in PART_COLUMNS if any(e.duty.part == p for e in entries)), start=1):
        mine = _by_domain([e for e in entries if e.duty.part == part])
        rows = [_cells(cat, e, part, seq, lang) for seq, e in enumerate(mine, start=1)]
        keys = PART_COLUMNS[part]
        shown = [i for i, k in enumerate(keys) if k in KEPT or any(row[i] not in ("", None) for row in rows)]
        row = PART_BY_KEY[part]
        kind = row.zh if lang == "zh" else row.en
        sheet = Sheet(f"{name}-{row.zh}", _columns([keys[i] for i in shown], lang), autofilter=False)
        sheet.add_banner(title + label("total", lang, n=len(entries)), "title")
        sheet.heights[0] = 36
        sheet.add_banner(label("section", lang, num=section_number(number, lang), kind=kind, n=len(mine)), "section")
        sheet.add_header()
        sheet.rows += [[row[i] for i in shown] for row in rows]
        sheet.print = Print(repeat_rows=(0, 2), footer=label("footer", lang))
        sheets.append(sheet)
    return sheets


def _columns(keys: list[str], lang: str) -> list[Column]:
    """The columns of `keys` (label keys) scaled to fill the page's width."""
    rest = sum(WIDTHS[k] for k in keys if k != "seq")
    scale = (PAGE_WIDTH - WIDTHS["seq"]) / rest
    return [Column(label(k, lang), WIDTHS[k] if k == "seq" else round(WIDTHS[k] * scale), "center" if k == "seq" else "cell")
            for k in keys]


def duty_docs(cat: Catalog, only: Sequence[str] = (), drafts: bool = False) -> list[tuple[str, Document]]:
    """The duty lists an export shows (guides too) with their jurisdictions, in code order, `only` by code or
    name; drafts only when `drafts`."""
    wanted = {p.code if (p := cat.find_place(k)) else k for k in only}
    return [(jurisdiction, doc) for jurisdiction in sorted(cat.duties.lists, key=lambda j: (len(j), j)) if not wanted or jurisdiction in wanted
            for doc in cat.duties.lists[jurisdiction] if drafts or not (doc.header and doc.header.draft)]


def duty_files(cat: Catalog, docs: Sequence[tuple[str, Document]]) -> set[str]:
    """The files an export of the duty lists `docs` shows something of: theirs, their guides', the region files."""
    files = {d.file for d in cat.docs if d.region is not None} | {d.file for _, d in docs} | unread_files(cat)
    shown = {id(d) for _, d in docs}
    for e in cat.duties.entries:
        source = e.source if id(e.doc) in shown else None
        while source is not None:
            files.add(source.doc.file)
            source = source.source
    return files


def duty_list_book(cat: Catalog, only: Sequence[str] = (), lang: str = "zh", drafts: bool = False) -> Book:
    """One sheet per duty list (guides too), jurisdictions in code order, `only` by code or name; drafts only
    when `drafts` (their titles then say 草案)."""
    used: set[str] = set()
    sheets = []
    for jurisdiction, doc in duty_docs(cat, only, drafts):
        place = cat.places.get(jurisdiction)
        name = place.name if place else jurisdiction
        entries = [e for e in cat.duties.of(jurisdiction) if e.doc is doc]
        kind = "village.list" if jurisdiction in cat.duties.villages else "duty.list"
        title = (doc.header.title if doc.header and doc.header.title else "") or f"{name}{label(kind, lang)}"
        if doc.header and doc.header.draft and not any(word in title for word in DRAFT_WORDS):
            title += label("draft", lang)
        several = len(cat.duties.lists[jurisdiction]) > 1  # a township's own list and its guide for its villages
        shown = title if several else _sheet_name(cat, jurisdiction, name)
        sheets += duty_sheets(cat, title, entries, lang, _base_name(shown, used))
    return Book(sheets)


def _base_name(shown: str, used: set[str]) -> str:
    """The name before each part's in a list's sheet names (`赵湾镇-基本履职事项`, the part's Chinese name, which
    `dlists import` knows): cut so that the longest part's name still fits, told apart from the lists' before."""
    longest = max(len(row.zh) for row in PART_BY_KEY.values())
    return sheet_title(shown, used, SHEET_NAME - longest - 1)


def _sheet_name(cat: Catalog, jurisdiction: str, name: str) -> str:
    """A sheet's name: the jurisdiction's name; a village's with its township's before it (many townships have a
    新庄村)."""
    parent = cat.places.get(cat.parent_code(jurisdiction) or "")
    return parent.name + name if jurisdiction in cat.duties.villages and parent is not None else name
