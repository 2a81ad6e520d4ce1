"""Make a list as an office publishes it, from a real list: the attachment of a notice.

    python benchmarks/attachments.py OUT_DIR [--rows N] [--formats xlsx,xls,docx,pdf,docx.pdf]

From `../shared/real-data/longhua-440309/items.json` (296 penalty items, 6 departments, 6 sub-districts), or N
rows repeated from it: an .xlsx with "附件2" above the merged title, a 填表单位 line, the header, department cells
merged vertically over each run of one department, a 合计 row and a 注 line under the table; the same saved as
.xls and as PDF by LibreOffice (`soffice` must be installed for those); a .docx with the same table (department
cells merged vertically, title paragraphs above, the note below) and the PDF LibreOffice Writer makes of it, rows
breaking across pages. Tests and the import benchmark use it; nothing here is timed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from itertools import groupby
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LONGHUA = HERE.parent.parent / "shared" / "real-data" / "longhua-440309" / "items.json"
TITLE = "深圳市龙华区街道承接区政府部门行政处罚事项目录"
HEADER = ["序号", "相关区主管部门", "事项名称", "实施范围", "备注"]
NOTE = "注：1.本目录所列事项由各街道办事处以自己的名义实施；2.备注栏所列为承接范围的限定。"


def rows_of(items: list[dict[str, Any]], count: int | None = None) -> list[list[Any]]:
    """The table's body rows (序号 from 1), `count` of them (the list repeated, names numbered past its end)."""
    count = len(items) if count is None else count
    out = []
    for n in range(count):
        item = items[n % len(items)]
        name = item["item_name"] if n < len(items) else f"{item['item_name']}（{n // len(items) + 1}）"
        out.append([n + 1, item["related_district_authority"], name, "、".join(item["implementation_scope"]), item["remark"] or ""])
    return out


def write_xlsx(path: Path, body: list[list[Any]]) -> Path:
    """The workbook as an office formats it: 附件2, a merged title, merged department runs, 合计 and 注 rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["附件2"])
    ws.append([TITLE])
    ws.merge_cells("A2:E2")
    ws.append(["填表单位：深圳市龙华区委编办（盖章）", None, None, "填表时间：2023年7月"])
    ws.append(HEADER)
    first = ws.max_row + 1
    for row in body:
        ws.append(row)
    at = first
    for _, run in groupby(body, key=lambda r: r[1]):
        size = len(list(run))
        if size > 1:
            ws.merge_cells(start_row=at, start_column=2, end_row=at + size - 1, end_column=2)
        at += size
    ws.append(["合计", None, f"{len(body)}项"])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=2)
    ws.append([NOTE])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=5)
    thin = Side(style="thin")
    for row in ws.iter_rows(min_row=4, max_row=ws.max_row - 1):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws["A2"].font = Font(size=16, bold=True)
    ws["A2"].alignment = Alignment(horizontal="center")
    widths = (6, 22, 60, 30, 20)
    for col, width in zip("ABCDE", widths, strict=True):
        ws.column_dimensions[col].width = width
    for number, row in enumerate(body, start=first):  # Excel sizes rows as it saves; openpyxl does not
        lines = max(-(-len(str(v)) * 2 // (w - 2)) for v, w in zip(row, widths, strict=True))
        ws.row_dimensions[number].height = 15 * max(1, lines)
    ws.print_title_rows = "4:4"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(path)
    return path


def write_docx(path: Path, body: list[list[Any]]) -> Path:
    """The Word attachment: 附件2 and the title as paragraphs, the table with department cells merged
    vertically (`w:vMerge`, as Word writes them), a 合计 row, the 注 paragraph under it. The body rows are
    written as table XML directly: python-docx's cell merging is quadratic in the rows."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.shared import Pt

    doc = Document()
    doc.add_paragraph("附件2")
    title = doc.add_paragraph(TITLE)
    title.runs[0].font.size = Pt(16)
    table = doc.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    widths = [tc.tcPr.tcW.w for tc in table.rows[0]._tr.tc_lst]
    rows = [_docx_row(row, widths, merge) for row, merge in zip(body, _merges(body), strict=True)]
    total = ["合计", "", f"{len(body)}项", "", ""]
    rows.append(_docx_row(total, widths, None))
    for start in range(0, len(rows), 500):
        chunk = parse_xml(f'<w:tbl {_W_NS}>{"".join(rows[start:start + 500])}</w:tbl>')
        for tr in list(chunk):
            table._tbl.append(tr)
    doc.add_paragraph(NOTE)
    doc.save(path)
    return path


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _merges(body: list[list[Any]]) -> list[str | None]:
    """Per row, the department cell's vertical merge: "restart" on the first of a run, "continue" below it,
    None for a department alone."""
    out: list[str | None] = []
    for _, run in groupby(body, key=lambda r: r[1]):
        size = len(list(run))
        out += [None] if size == 1 else ["restart"] + ["continue"] * (size - 1)
    return out


def _docx_row(values: list[Any], widths: list[Any], merge: str | None) -> str:
    """One `w:tr`: the department cell (column 2) merged as `merge` says, continued cells left empty."""
    from xml.sax.saxutils import escape

    cells = []
    for column, (value, width) in enumerate(zip(values, widths, strict=True)):
        props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        text = escape(str(value))
        if column == 1 and merge == "restart":
            props += '<w:vMerge w:val="restart"/>'
        elif column == 1 and merge == "continue":
            props += "<w:vMerge/>"
            text = ""
        run = f"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>" if text else ""
        cells.append(f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{run}</w:p></w:tc>")
    return f"<w:tr>{''.join(cells)}</w:tr>"


def soffice_convert(source: Path, target: Path, fmt: str) -> Path:
    """`soffice --headless --convert-to FMT`, in a private profile, into `target`."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice (LibreOffice) is not installed: apt-get install -y libreoffice-calc-nogui libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        job = subprocess.Popen([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", fmt,
                                "--outdir", tmp, str(source)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
        try:
            job.wait(timeout=600)
        except subprocess.TimeoutExpired:
            os.killpg(job.pid, signal.SIGKILL)  # soffice.bin outlives its launcher: end the whole group
            job.wait()
            raise SystemExit(f"LibreOffice did not convert {source.name} to {fmt} in 600 s") from None
        made = next(p for p in Path(tmp).iterdir() if p.is_file())
        shutil.move(made, target)
    return target


def make(out: Path, formats: list[str], count: int | None = None) -> dict[str, Path]:
    """The attachments named by `formats` in `out`: {format: path}."""
    items = json.loads(LONGHUA.read_text(encoding="utf-8"))
    body = rows_of(items, count)
    out.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}
    if {"xlsx", "xls", "pdf"} & set(formats):
        made["xlsx"] = write_xlsx(out / "longhua.xlsx", body)
    if "xls" in formats:
        made["xls"] = soffice_convert(made["xlsx"], out / "longhua.xls", "xls")
    if "pdf" in formats:
        made["pdf"] = soffice_convert(made["xlsx"], out / "longhua.pdf", "pdf")
    if {"docx", "docx.pdf"} & set(formats):
        made["docx"] = write_docx(out / "longhua.docx", body)
    if "docx.pdf" in formats:
        made["docx.pdf"] = soffice_convert(made["docx"], out / "longhua-word.pdf", "pdf")
    return {k: v for k, v in made.items() if k in formats}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=None, help="rows of the table (default: the 296 of the list)")
    parser.add_argument("--formats", default="xlsx,xls,docx,pdf,docx.pdf")
    args = parser.parse_args()
    for fmt, path in make(args.out, args.formats.split(","), args.rows).items():
        print(f"{fmt}: {path} ({path.stat().st_size:,} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
