"""A township's duty list (履行职责事项清单) as offices publish it, from a catalog's duty list:

    python benchmarks/duty_attachments.py CATALOG JURISDICTION OUT_DIR

- `one-sheet.xlsx`: 附件1 and the title above, the three parts as sections of one sheet ("一、基本履职事项（共N项）"),
  each with its own header row, 领域 merged down each run of a domain, a 注 line under the table;
- `three-sheets.xlsx`: a sheet per part (named 基本履职事项, 配合履职事项, 上级部门收回事项), headers as real lists
  write them (乡镇（街道）配合职责, 承接部门（单位）), 领域 as section rows ("（一）平安建设") in the last two;
- `word.docx`: the title and each part's section title as paragraphs, a table per part, 领域 cells merged
  vertically (`w:vMerge`, as Word writes them).
Tests import each (tests/test_import_duties.py); nothing here is timed.
"""

from __future__ import annotations

import sys
from itertools import groupby
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from attachments import _W_NS  # noqa: E402

PARTS = (("basic", "一", "基本履职事项"), ("cooperate", "二", "配合履职事项"), ("recalled", "三", "上级部门收回事项"))
HEADERS = {"basic": ["序号", "领域", "事项名称", "职责依据", "承办机构"],
           "cooperate": ["序号", "事项名称", "牵头部门", "部门职责", "乡镇配合职责"],
           "recalled": ["序号", "事项名称", "承接部门", "工作方式"]}
REAL_HEADERS = {"basic": ["序号", "所属领域", "履职事项", "职责依据", "承办机构"],
                "cooperate": ["序号", "履职事项", "牵头部门", "县级部门职责", "乡镇（街道）配合职责"],
                "recalled": ["序号", "履职事项", "承接部门（单位）", "工作方式"]}
NOTE = "注：本清单根据上级部署动态调整。"


def entries(catalog: Path, jurisdiction: str) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    """The list's title and its entries per part (fields resolved from the guide, departments by full name),
    grouped by 领域 as the published list groups them."""
    from delegation_lists.catalog import load_catalog

    cat, _ = load_catalog([catalog])
    place = cat.find_place(jurisdiction)
    assert place is not None, jurisdiction
    out: dict[str, list[dict[str, Any]]] = {}
    title = f"{place.name}履行职责事项清单"
    for e in cat.duties.of(place.code):
        if e.in_guide:  # a guide the township keeps for its villages is a list of its own
            continue
        d = e.duty
        title = e.doc.header.title if e.doc.header and e.doc.header.title else title
        out.setdefault(d.part or "basic", []).append({
            "name": d.name, "domain": d.domain or "", "basis": list(d.basis or []), "office": d.office or "",
            "lead": cat.full_department(e.doc, d.lead) if d.lead else "", "lead_duty": d.lead_duty or "",
            "duty": d.duty or "", "taken_by": cat.full_department(e.doc, d.taken_by) if d.taken_by else "",
            "how": d.how or ""})
    for part, rows in out.items():
        order: dict[str, int] = {}
        for r in rows:
            order.setdefault(r["domain"], len(order))
        out[part] = sorted(rows, key=lambda r: order[r["domain"]])
    return title, out


def _cells(part: str, seq: int, e: dict[str, Any]) -> list[Any]:
    if part == "basic":
        return [seq, e["domain"], e["name"], "\n".join(e["basis"]), e["office"]]
    if part == "cooperate":
        return [seq, e["name"], e["lead"], e["lead_duty"], e["duty"]]
    return [seq, e["name"], e["taken_by"], e["how"]]


def one_sheet(path: Path, title: str, parts: dict[str, list[dict[str, Any]]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["附件1"])
    total = sum(len(v) for v in parts.values())
    ws.append([f"{title}（共{total}项）"])
    ws.merge_cells("A2:E2")
    for part, number, name in PARTS:
        rows = parts.get(part, [])
        ws.append([f"{number}、{name}（共{len(rows)}项）"])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=5)
        ws.append(HEADERS[part])
        first = ws.max_row + 1
        for seq, e in enumerate(rows, start=1):
            ws.append(_cells(part, seq, e))
        if part == "basic":  # 领域 merged down each run
            at = first
            for _, run in groupby(rows, key=lambda r: r["domain"]):
                size = len(list(run))
                if size > 1:
                    ws.merge_cells(start_row=at, start_column=2, end_row=at + size - 1, end_column=2)
                at += size
    ws.append([NOTE])
    wb.save(path)
    return path


def three_sheets(path: Path, title: str, parts: dict[str, list[dict[str, Any]]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for part, _, name in PARTS:
        ws = wb.create_sheet(name)
        width = len(REAL_HEADERS[part])
        ws.append([f"{title}——{name}"])
        ws.append(REAL_HEADERS[part])
        seq = 0
        for number, (domain, run) in enumerate(groupby(parts.get(part, []), key=lambda r: r["domain"]), start=1):
            if part != "basic" and domain:  # 领域 as a section row merged across the table
                ws.append([f"（{_chinese(number)}）{domain}"])
                ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=width)
            for e in run:
                seq += 1
                ws.append(_cells(part, seq, e))
    wb.save(path)
    return path


def _chinese(n: int) -> str:
    """1 -> 一, 12 -> 十二, 23 -> 二十三."""
    digits = "零一二三四五六七八九"
    tens, ones = divmod(n, 10)
    return (digits[tens] if tens > 1 else "") + ("十" if tens else "") + (digits[ones] if ones or not tens else "")


def word(path: Path, title: str, parts: dict[str, list[dict[str, Any]]]) -> Path:
    from docx import Document
    from docx.oxml import parse_xml

    doc = Document()
    doc.add_paragraph("附件1")
    doc.add_paragraph(title)
    for part, number, name in PARTS:
        rows = parts.get(part, [])
        doc.add_paragraph(f"{number}、{name}（共{len(rows)}项）")
        header = HEADERS[part]
        table = doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
        widths = [tc.tcPr.tcW.w for tc in table.rows[0]._tr.tc_lst]
        merges = _merges([r["domain"] for r in rows]) if part == "basic" else [None] * len(rows)
        xml = "".join(_row(_cells(part, seq, e), widths, merge) for seq, (e, merge) in enumerate(zip(rows, merges, strict=True), start=1))
        for tr in list(parse_xml(f"<w:tbl {_W_NS}>{xml}</w:tbl>")):
            table._tbl.append(tr)
    doc.add_paragraph(NOTE)
    doc.save(str(path))
    return path


def _merges(domains: list[str]) -> list[str | None]:
    out: list[str | None] = []
    for _, run in groupby(domains):
        size = len(list(run))
        out += [None] if size == 1 else ["restart"] + ["continue"] * (size - 1)
    return out


def _row(values: list[Any], widths: list[Any], merge: str | None) -> str:
    """One `w:tr`, the 领域 cell (column 2) merged as `merge` says; a cell's lines as paragraphs."""
    from xml.sax.saxutils import escape

    cells = []
    for column, (value, width) in enumerate(zip(values, widths, strict=True)):
        props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        lines = str(value).split("\n")
        if column == 1 and merge == "restart":
            props += '<w:vMerge w:val="restart"/>'
        elif column == 1 and merge == "continue":
            props += "<w:vMerge/>"
            lines = [""]
        paragraphs = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>' if t else "<w:p/>" for t in lines)
        cells.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs}</w:tc>")
    return f"<w:tr>{''.join(cells)}</w:tr>"


def make(catalog: Path, jurisdiction: str, out: Path) -> dict[str, Path]:
    title, parts = entries(catalog, jurisdiction)
    out.mkdir(parents=True, exist_ok=True)
    return {"one-sheet": one_sheet(out / "one-sheet.xlsx", title, parts),
            "three-sheets": three_sheets(out / "three-sheets.xlsx", title, parts),
            "word": word(out / "word.docx", title, parts)}


if __name__ == "__main__":
    for name, made in make(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])).items():
        print(f"{name}: {made}", file=sys.stderr)
