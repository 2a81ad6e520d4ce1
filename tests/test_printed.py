"""What a reader sees: each template exported, converted to PDF by LibreOffice, and its pages read back
(tests/printed.py): the page count each list's footer states, the title on each list's first page, the header on
every page, no text under 9 pt, no cell's text drawn outside its ruled box (no row cut, no column too narrow)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import CATALOGS
from printed import Page, numbering, read_pages, sheet_texts, soffice, to_pdf

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")


def _titles(xlsx: Path) -> list[str]:
    """Each shown sheet's first cell (its title, or the 附件 line)."""
    wb = load_workbook(xlsx)
    return [str(next(ws.iter_rows(max_row=1, values_only=True))[0]) for ws in wb.worksheets if ws.sheet_state == "visible"]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _check(pages: list[Page], titles: list[str], header: str, missing: list[str]) -> None:
    assert not missing, f"{len(missing)} texts not drawn whole (rows cut?): {missing[:3]}"
    runs = numbering(pages)
    assert len(runs) == len(titles), [p.footer for p in pages]
    start = 0
    for run, title in zip(runs, titles, strict=True):
        assert run == list(range(1, len(run) + 1))  # each list counts its own pages
        assert all(p.footer == (k, len(run)) for p, k in zip(pages[start:start + len(run)], run, strict=True))  # "共 N 页" right
        assert _flat(title) in _flat(pages[start].text), title  # its title on its first page
        start += len(run)
    for page in pages:
        assert header in _flat(page.text), f"page {page.number} has no header row"
        assert page.smallest >= 9, f"page {page.number}: text of {page.smallest:.1f} pt"
        assert not page.overflows, page.overflows[:3]


@pytest.mark.parametrize("folder, args", [
    ("xunyang", []),
    ("xunyang", ["--attachment", "2", "--issuer", "旬阳市人民政府", "--date", "2023-07-01", "--note", "以上事项实行动态调整", "--own", "section"]),
    ("real/longhua", []),
])
def test_published_workbook(folder: str, args: list[str], tmp_path: Path, dlists):
    xlsx = tmp_path / "published.xlsx"
    assert dlists("export", CATALOGS / folder, "-o", xlsx, *args).exit_code == 0
    missing: list[str] = []
    pages = read_pages(to_pdf(xlsx, tmp_path), sheet_texts(xlsx), missing)
    row = 2 if args else 1  # (under the 附件 line)
    titles = [str(ws.cell(row, 1).value) for ws in load_workbook(xlsx).worksheets if ws.sheet_state == "visible"]
    _check(pages, titles, "事项名称", missing)
    assert sum(p.cells for p in pages) > 250  # the check saw the cells
    text = _flat("".join(p.text for p in pages))
    assert "蜀河镇承接" not in text  # the draft is not published
    if folder == "xunyang":
        assert "自有事项" in text  # 赵湾镇's own items, apart


def test_published_word_document(tmp_path: Path, dlists):
    docx = pytest.importorskip("docx")
    out = tmp_path / "published.docx"
    assert dlists("export", CATALOGS / "xunyang", "-o", out, "--attachment", "2").exit_code == 0
    document = docx.Document(str(out))
    texts = [c.text for t in document.tables for r in t.rows for c in r.cells]
    missing: list[str] = []
    pages = read_pages(to_pdf(out, tmp_path), texts, missing)
    titles = [p.text for p in document.paragraphs if re.search(r"（共\d+项）$", p.text)]
    _check(pages, titles, "事项名称", missing)  # LibreOffice shows the page counts the export estimated: they match
    assert sum(p.cells for p in pages) > 500


@pytest.mark.parametrize("template, header, only", [("checklist", "承接状态", []), ("duties", "序号", ["-j", "赵湾镇"])])
def test_other_templates(template: str, header: str, only: list[str], tmp_path: Path, dlists):
    xlsx = tmp_path / f"{template}.xlsx"
    assert dlists("export", CATALOGS / "xunyang", "-o", xlsx, "-t", template, *only).exit_code == 0
    missing: list[str] = []
    pages = read_pages(to_pdf(xlsx, tmp_path), sheet_texts(xlsx), missing)
    assert all(not p.overflows for p in pages), [o for p in pages for o in p.overflows][:3]
    assert not missing, missing[:3]
    if template == "checklist":
        titles = _titles(xlsx)[1:]  # the summary has no title
        runs = numbering(pages)
        assert len(runs) == len(titles) + 1 and runs[0] == [1]
        _check(pages[1:], titles, header, [])


def test_the_check_sees_a_cut_row(tmp_path: Path):
    """A row too low for its text: the text drawn outside its box is found."""
    from delegation_lists.excel.model import Book, Column, Sheet
    from delegation_lists.excel.writer import write_book

    text = "对从事城市生活垃圾经营性清扫、收集、运输的企业未按环境卫生作业标准和作业规范进行作业的处罚"
    sheet = Sheet("s", [Column("事项名称", 12)], [["事项名称"], [text]], autofilter=False)
    sheet.heights[1] = 15  # one line for five
    sheet.print.fit_width = False
    write_book(Book([sheet]), tmp_path / "cut.xlsx")
    missing: list[str] = []
    read_pages(to_pdf(tmp_path / "cut.xlsx", tmp_path), [text, "事项名称"], missing)
    assert missing == [text]  # LibreOffice draws the lines that fit: the text is not there whole
