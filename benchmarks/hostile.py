"""Hostile attachments, made as an attacker makes them: a small valid workbook or document whose XML is then
edited. Tests (tests/test_import_hostile.py) import each; run this file to measure each with /usr/bin/time -v:

    python benchmarks/hostile.py OUT_DIR

Nothing here is asserted; the figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

XML = re.compile(rb"^\s*<\?xml[^>]*\?>\s*")
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 2 else b"&lol;") * 10) for n in range(2, 10))
          + b"]>")
XXE = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
HEADER = ["事项名称", "事项类型", "实施部门"]
ROWS = [["食品经营许可", "行政许可", "市场监管局"], ["对违法排污的处罚", "行政处罚", "生态环境局"]]


def xlsx(path: Path, far: str | None = None) -> Path:
    """A small list as Excel saves it (shared strings), with a value at `far` when given."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Sheet1")
    for r, row in enumerate([HEADER, *ROWS]):
        ws.write_row(r, 0, row)
    if far:
        ws.write(far, "x")
    wb.close()
    return path


def rewrite(source: Path, target: Path, part: str, edit: Callable[[bytes], bytes], stored: bool = False) -> Path:
    """`source` with one part edited (`stored`: not compressed, as an attacker passes a ratio check)."""
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", method) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, edit(data) if info.filename == part else data)
    return target


def laughs(data: bytes) -> bytes:
    """The part with a billion-laughs DTD in front and its first text element expanded to it."""
    body = XML.sub(b"", data, count=1)
    return LAUGHS + re.sub(rb"(<(?:\w+:)?t(?: [^>]*)?>)", rb"\1&lol9;", body, count=1)


def external(data: bytes) -> bytes:
    """The part with an external entity (a local file) referenced in its first text element."""
    body = XML.sub(b"", data, count=1)
    return XXE + re.sub(rb"(<(?:\w+:)?t(?: [^>]*)?>)", rb"\1&xxe;", body, count=1)


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


SHEET = "xl/worksheets/sheet1.xml"


def _in_sheet_data(extra: bytes) -> Callable[[bytes], bytes]:
    return lambda d: d.replace(b"</sheetData>", b"</sheetData>" + extra)


def spreadsheets(out: Path) -> dict[str, Path]:
    """Every hostile .xlsx/.ods: name -> file."""
    out.mkdir(parents=True, exist_ok=True)
    base = xlsx(out / "base.xlsx")
    made = {
        "far-cell": xlsx(out / "far-cell.xlsx", "XFD1048576"),
        "past-200-columns": xlsx(out / "past-200-columns.xlsx", "GS3"),
        "past-10m-cells": xlsx(out / "past-10m-cells.xlsx", "GR60000"),
        "huge-merge": rewrite(base, out / "huge-merge.xlsx", SHEET, _in_sheet_data(b'<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>')),
        "overlapping-merges": rewrite(xlsx(out / "tall.xlsx", "C4000"), out / "overlapping-merges.xlsx", SHEET, _in_sheet_data(
            b"<mergeCells>" + b'<mergeCell ref="A1:C4000"/>' * 100_000 + b"</mergeCells>"), stored=True),
        "claimed-dimension": rewrite(base, out / "claimed-dimension.xlsx", SHEET,
                                     lambda d: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', d)),
        "styled-far-cell": rewrite(base, out / "styled-far-cell.xlsx", SHEET,
                                   lambda d: d.replace(b"</row></sheetData>", b'</row><row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>')),
        "row-past-limit": rewrite(base, out / "row-past-limit.xlsx", SHEET,
                                  lambda d: d.replace(b"</row></sheetData>", b'</row><row r="2147483647"/></sheetData>')),
        "laughs-sheet": rewrite(base, out / "laughs-sheet.xlsx", SHEET, lambda d: LAUGHS + XML.sub(b"", d, count=1)),
        "laughs-strings": rewrite(base, out / "laughs-strings.xlsx", "xl/sharedStrings.xml", laughs),
        "laughs-workbook": rewrite(base, out / "laughs-workbook.xlsx", "xl/workbook.xml", lambda d: LAUGHS + XML.sub(b"", d, count=1)),
        "laughs-styles": rewrite(base, out / "laughs-styles.xlsx", "xl/styles.xml", lambda d: LAUGHS + XML.sub(b"", d, count=1)),
        "external-entity": rewrite(base, out / "external-entity.xlsx", "xl/sharedStrings.xml", external),
        "truncated-sheet": rewrite(base, out / "truncated-sheet.xlsx", SHEET, truncated),
        "truncated-strings": rewrite(base, out / "truncated-strings.xlsx", "xl/sharedStrings.xml", truncated),
        "truncated-workbook": rewrite(base, out / "truncated-workbook.xlsx", "xl/workbook.xml", truncated),
    }
    made.update(ods(out))
    return made


ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def ods_file(path: Path, rows: str, prolog: bytes = b'<?xml version="1.0" encoding="UTF-8"?>') -> Path:
    """A minimal OpenDocument spreadsheet whose one table has `rows` (table-row XML)."""
    content = (prolog + f'<office:document-content {ODS_NS} office:version="1.2"><office:body><office:spreadsheet>'
               f'<table:table table:name="Sheet1">{rows}</table:table></office:spreadsheet></office:body>'
               "</office:document-content>".encode())
    manifest = (b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                b'xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type='
                b'"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml"'
                b' manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def ods_row(cells: list[str], merge_first: int = 1) -> str:
    spans = f' table:number-rows-spanned="{merge_first}"' if merge_first > 1 else ""
    xml = "".join(f'<table:table-cell office:value-type="string"{spans if i == 0 else ""}><text:p>{c}</text:p></table:table-cell>'
                  for i, c in enumerate(cells))
    return f"<table:table-row>{xml}</table:table-row>"


def ods(out: Path) -> dict[str, Path]:
    table = "".join(ods_row(r) for r in [HEADER, *ROWS])
    bomb = ('<table:table-row table:number-rows-repeated="1048000"><table:table-cell office:value-type="float"'
            ' office:value="1" table:number-columns-repeated="16384"><text:p>1</text:p></table:table-cell></table:table-row>')
    trailing = ('<table:table-row table:number-rows-repeated="1048573"><table:table-cell table:number-columns-repeated="16384"/>'
                "</table:table-row>")
    return {
        "ods-repeated-cells": ods_file(out / "ods-repeated-cells.ods", table + bomb),
        "ods-laughs": ods_file(out / "ods-laughs.ods", table.replace("<text:p>食品", "<text:p>&lol9;食品", 1), LAUGHS),
        "ods-trailing-empty-rows": ods_file(out / "ods-trailing-empty-rows.ods", table + trailing),
    }


def docx(out: Path) -> dict[str, Path]:
    """A small Word list, and its document part with a billion laughs, an external entity, cut short."""
    from docx import Document

    out.mkdir(parents=True, exist_ok=True)
    doc = Document()
    doc.add_paragraph("某县行政许可事项清单")
    table = doc.add_table(rows=0, cols=3)
    for row in [HEADER, *ROWS]:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    base = out / "base.docx"
    doc.save(str(base))
    part = "word/document.xml"
    return {
        "docx-laughs": rewrite(base, out / "docx-laughs.docx", part, laughs),
        "docx-external-entity": rewrite(base, out / "docx-external-entity.docx", part, external),
        "docx-truncated": rewrite(base, out / "docx-truncated.docx", part, truncated),
    }


def xls(out: Path) -> dict[str, Path]:
    """.xls files as LibreOffice saves them (needs soffice): a value at IV65536; ten values spread to GR50000."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from attachments import soffice_convert

    out.mkdir(parents=True, exist_ok=True)
    return {name: soffice_convert(xlsx(out / f"{name}.xlsx", far), out / f"{name}.xls", "xls")
            for name, far in (("xls-far-cell", "IV65536"), ("xls-sparse", "GR50000"))}


def measure(out: Path) -> None:
    """`dlists import` on each under /usr/bin/time -v: exit code, seconds, peak MB, the message's start."""
    files = {**spreadsheets(out / "files"), **docx(out / "files"), **xls(out / "files")}
    for name, path in files.items():
        done = subprocess.run(["/usr/bin/time", "-v", sys.executable, "-m", "delegation_lists", "import", str(path),
                               "-o", str(out / "o" / name), "-j", "1", "--lang", "en"], capture_output=True, text=True)
        stats = dict(line.strip().rsplit(": ", 1) for line in done.stderr.splitlines() if ": " in line and line.startswith("\t"))
        message = next((x for x in done.stderr.splitlines() if x.strip() and not x.startswith("\t")), done.stdout.strip()[:80])
        peak = int(stats.get("Maximum resident set size (kbytes)", "0")) / 1024
        print(f"{name:<24} {path.stat().st_size:>9,} B  exit {done.returncode}  {stats.get('Elapsed (wall clock) time (h:mm:ss or m:ss)', '?'):>8}"
              f"  {peak:6.0f} MB  {message[:110]}", flush=True)


if __name__ == "__main__":
    measure(Path(sys.argv[1]))
