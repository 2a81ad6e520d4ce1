"""`dlists import` on files that cannot be imported, per format: password-protected, corrupt, empty, a PDF of
scanned pages (no text layer), a PDF with two tables, a table with no recognisable header, zip bombs in every
zip-based format. Each is one clear message and exit 1 or 2, never a traceback, and nothing is written."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HAVE_SOFFICE = shutil.which("soffice") is not None
needs_soffice = pytest.mark.skipif(not HAVE_SOFFICE, reason="LibreOffice (soffice) not installed")


def _refused(dlists, path: Path, tmp_path: Path, *words: str) -> str:
    out = tmp_path / "out"
    result = dlists("import", path, "-o", out, "-j", "1")
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output and "bug in dlists" not in result.output, result.output
    text = " ".join(result.output.split())
    for word in words:
        assert word in text, text
    assert not out.exists() or not any(out.rglob("*.yaml"))
    return text


def _bomb(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


ZEROS = b"\0" * (40 << 20)  # 40 MB of zeros: packs to ~40 kB, 1000 times


@pytest.mark.parametrize("name, members", [
    ("bomb.xlsx", {"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>", "xl/worksheets/sheet1.xml": ZEROS}),
    ("bomb.docx", {"[Content_Types].xml": b"<x/>", "word/document.xml": ZEROS}),
    ("bomb.ods", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": ZEROS}),
    ("bomb.et", {"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>", "xl/sharedStrings.xml": ZEROS}),
])
def test_zip_bombs_refused_in_every_zip_format(name, members, tmp_path: Path, dlists):
    _refused(dlists, _bomb(tmp_path / name, members), tmp_path, "zip bomb")


def test_many_parts_refused(tmp_path: Path, dlists):
    members = {"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>", **{f"p/{n}": b"" for n in range(10_001)}}
    _refused(dlists, _bomb(tmp_path / "parts.docx", members), tmp_path, "10,003 parts")


@pytest.mark.parametrize("name, data, words", [
    ("locked.xlsx", OLE + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 600, ("password",)),
    ("locked.docx", OLE + b"\0" * 64 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 600, ("password",)),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj <<>> garbage", ("not a readable PDF",)),
    ("broken.docx", b"PK\x03\x04" + b"\x01" * 300, ()),
    ("broken.xls", OLE + b"\x01" * 2000, ()),
    ("empty.pdf", b"", ("empty",)),
    ("spaces.csv", b" \n\t\n", ("empty",)),
])
def test_locked_corrupt_and_empty(name: str, data: bytes, words: tuple[str, ...], tmp_path: Path, dlists):
    path = tmp_path / name
    path.write_bytes(data)
    _refused(dlists, path, tmp_path, *words)


def _pdf_of_image(path: Path) -> Path:
    """A scanned page: an image in a PDF, no text layer."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (600, 800), "white")
    draw = ImageDraw.Draw(img)
    for y in range(100, 700, 40):
        draw.line((50, y, 550, y), fill="black", width=2)
    buf = io.BytesIO()
    img.save(buf, "PDF")
    path.write_bytes(buf.getvalue())
    return path


def test_scanned_pdf_says_so(tmp_path: Path, dlists):
    _refused(dlists, _pdf_of_image(tmp_path / "scan.pdf"), tmp_path, "no text layer", "OCR")


def test_table_without_a_header(tmp_path: Path, dlists):
    from openpyxl import Workbook

    wb = Workbook()
    for row in (["甲", "乙", "丙"], ["1", "2", "3"], ["4", "5", "6"]):
        wb.active.append(row)
    wb.save(tmp_path / "nh.xlsx")
    _refused(dlists, tmp_path / "nh.xlsx", tmp_path, "no header row", "事项名称")


@needs_soffice
def test_pdf_with_two_tables(tmp_path: Path, dlists):
    """A Word document with the list's table and, under it, a table of signatures (another width): the PDF's list
    is read, the other table reported as skipped (no header), exit 0."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("某县赵湾镇承接事项清单")
    table = doc.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for r, cells in enumerate([["序号", "事项名称", "事项类型"], ["1", "食品经营许可", "行政许可"], ["2", "消费投诉举报受理", "公共服务"]]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    doc.add_paragraph("")
    other = doc.add_table(rows=2, cols=2)
    other.style = "Table Grid"
    other.cell(0, 0).text, other.cell(0, 1).text = "审核人", "签字"
    doc.save(tmp_path / "two.docx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "two.docx")], check=True, capture_output=True, timeout=300)
    result = dlists("import", tmp_path / "two.pdf", "-o", tmp_path / "out", "-j", "1")
    assert result.exit_code == 0, result.output
    assert "skipped" in result.output and "Traceback" not in result.output
    items = [f for f in (tmp_path / "out").rglob("*.yaml") if f.name != "region.yaml"]
    assert {f.name for f in items} == {"licensing.yaml", "public_service.yaml"}
