"""The streamed writer (rows as text into the workbook xlsxwriter lays out) against xlsxwriter writing every cell:
every part of the package byte for byte the same, for every workbook the commands write and for hostile cells."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import CATALOGS
from delegation_lists.catalog import load_catalog
from delegation_lists.excel import writer
from delegation_lists.excel.checklist import checklist_book
from delegation_lists.excel.duty_list import duty_list_book
from delegation_lists.excel.model import Book, Column, Formula, Print, Sheet
from delegation_lists.excel.published import published_book
from delegation_lists.excel.stations import station_book
from delegation_lists.publish.model import Options


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def assert_same(book: Book, tmp_path: Path) -> dict[str, bytes]:
    streamed, reference = tmp_path / "streamed.xlsx", tmp_path / "reference.xlsx"
    writer.write_book(book, streamed)
    writer.write_book(book, reference, cells="xlsxwriter")
    ours, theirs = parts(streamed), parts(reference)
    assert list(ours) == list(theirs)  # the same parts in the same order
    for name in theirs:
        assert ours[name] == theirs[name], name
    return ours


@pytest.mark.parametrize(("folder", "template"), [
    *((f, t) for f in ("xunyang", "real/longhua") for t in ("published", "published-section", "checklist")),
    ("xunyang", "duties"), ("xunyang", "stations"),  # (the real 龙华 list has no duty lists nor village stations)
])
def test_every_template_same_parts(folder: str, template: str, tmp_path: Path):
    cat, _ = load_catalog([CATALOGS / folder])
    if template.startswith("published"):
        own = "section" if template.endswith("section") else "list"
        book = published_book(cat, options=Options(own=own, attachment="2", issuer="旬阳市人民政府", notes=["以上", "动态调整"]))
    elif template == "checklist":
        book = checklist_book(cat)  # its summary has formulas: written by xlsxwriter, the rest streamed
    elif template == "duties":
        book = duty_list_book(cat)
    else:
        book = station_book(cat)
    assert [s for s in book.sheets if s.rows], f"{folder} has nothing for {template}"
    assert_same(book, tmp_path)


HOSTILE: list[Any] = [
    "plain", "", None, 0, -1, 12345678901234567890, 3.25, 1e-7, float(2**60), True, False,
    "a & b < c > d \" ' quotes", " leading", "trailing ", "\u3000全角空格", "全角空格\u3000", "\t=1", "\r=1",
    "line\nbreak", "ctrl \x01\x02\x1f end", "_x0041_ literal escape", "_X00ff_ upper", "\ufffe\uffff",
    "=HYPERLINK(\"http://x\",\"y\")", "<r>half", "𠀀 astral 𝄞", "中" * 40000, "a" * 32767 + "bc",
    "𝄞" * 16390,
]


def test_hostile_cells_same_parts(tmp_path: Path):
    rows: list[list[Any]] = [["h1", "h2", "h3"]]
    rows += [[v, f"{i}", v] for i, v in enumerate(HOSTILE)]
    rows += [[], ["only one"], ["wider", "than", "the", "columns", 5], [None, None, None]]
    sheet = Sheet("s", [Column("h1", 10), Column("h2", 20, "center"), Column("h3", 30, "wrap", hidden=True)], rows)
    sheet.banners[len(sheet.rows)] = "section"
    sheet.rows.append(["一、行政许可（共3项）"])
    sheet.styles[(3, 1)] = "total"
    sheet.heights[2] = 40.0
    sheet.heights[4] = 15.0  # one line: no height written, as xlsxwriter
    sheet.merges.append((5, 0, 6, 0))
    sheet.validations.append((1, ["已承接", "未承接"]))
    sheet.print = Print(repeat_rows=(0, 0), footer="第 &P 页", breaks=[10, 20], first_page=1, margins=(0.5, 0.5, 0.6, 0.6))
    one = Sheet("one column", [Column("only")], autofilter=False)
    one.add_banner("标题", "title")
    one.add_header()
    one.rows.append(["x"])
    empty = Sheet("empty", [Column("a")], [], autofilter=False)
    first_blank = Sheet("first row blank", [Column("a")], [[], ["b"]], autofilter=False)
    first_blank.heights[0] = 30.0
    formulas = Sheet("formulas", [Column("n")], [["n"], [Formula("=1+1", 2)], [3]])
    layout = Sheet("_dlists", [Column("kind")], [["item", "s", 1, "f.yaml", 0]], hidden=True, autofilter=False)
    book = Book([sheet, one, empty, first_blank, formulas, layout], {"dlists:s": "610928"})
    written = assert_same(book, tmp_path)
    assert b"<f>1+1</f>" in written["xl/worksheets/sheet5.xml"]  # the formula sheet went through xlsxwriter
    ws = load_workbook(tmp_path / "streamed.xlsx")["s"]
    values = [r[0] for r in ws.iter_rows(min_row=2, max_row=len(HOSTILE) + 1, values_only=True)]
    assert values[HOSTILE.index("a & b < c > d \" ' quotes")] == "a & b < c > d \" ' quotes"
    assert values[HOSTILE.index("\u3000全角空格")] == "\u3000全角空格"
    assert len(values[HOSTILE.index("中" * 40000)]) == 32767


def test_many_rows_stream_in_chunks(tmp_path: Path):
    """Rows past a chunk of text: the parts still match, and every row is there."""
    sheet = Sheet("big", [Column("a"), Column("b", 40, "wrap")])
    sheet.add_header()
    sheet.rows += [[i, f"第{i}项 " + "对违反规定行为的处罚" * (i % 7)] for i in range(30_000)]
    assert_same(Book([sheet]), tmp_path)
    ws = load_workbook(tmp_path / "streamed.xlsx", read_only=True)["big"]
    assert sum(1 for _ in ws.iter_rows()) == 30_001


def test_unknown_cells_mode_is_refused(tmp_path: Path):
    with pytest.raises(ValueError):
        writer.write_book(Book([Sheet("s", [Column("a")], [["a"]])]), tmp_path / "x.xlsx", cells="fast")


@pytest.mark.parametrize("cells", ["streamed", "xlsxwriter"])
def test_text_that_looks_like_markup_stays_text(cells: str, tmp_path: Path):
    """xlsxwriter writes a text of the form <r>...</r> as raw markup (a rich string) in constant-memory mode: a
    cell could break the sheet. Both writers write every text as text."""
    hostile = ["<r><t>rich?</t></r>", "<r><t>a</t></r></is></c></row><row r=\"9\"><c><v>1</v></c></r>"]
    writer.write_book(Book([Sheet("s", [Column("a")], [["a"], *([v] for v in hostile), ["last"]])]), tmp_path / "s.xlsx", cells)
    ws = load_workbook(tmp_path / "s.xlsx").active
    assert [c.value for (c,) in ws.iter_rows(min_row=2)] == [*hostile, "last"]


@pytest.mark.parametrize("folder", ["xunyang", "real/longhua"])
def test_sheets_made_in_two_processes_are_those_of_one(folder: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """A large catalog's sheets are made by a forked worker and this process at once: the same workbook."""
    from delegation_lists.excel import published_parts
    from delegation_lists.excel.lists import published_lists
    from delegation_lists.excel.published import book_of
    from delegation_lists.publish.tables import published_tables

    cat, _ = load_catalog([CATALOGS / folder])
    opts = Options(attachment="2", notes=["以上"])
    lists = published_lists(cat, (), opts.lang, opts.drafts)
    monkeypatch.setattr(published_parts, "PARALLEL_MIN_ITEMS", 0)
    monkeypatch.setattr(published_parts, "RUNS", 3)
    tables, sheets, packed = published_parts.published_sheets(cat, lists, opts)
    assert any(packed) or len(sheets) == 1  # (the worker wrote its sheets' parts; never the first sheet's)
    two = book_of(cat, tables, "zh", sheets)
    two.packed = {i: part for i, part in enumerate(packed) if part is not None}
    writer.write_book(two, tmp_path / "two.xlsx")
    writer.write_book(book_of(cat, published_tables(cat, (), opts), "zh"), tmp_path / "one.xlsx")
    assert parts(tmp_path / "two.xlsx") == parts(tmp_path / "one.xlsx")
    with zipfile.ZipFile(tmp_path / "two.xlsx") as z:
        assert z.testzip() is None  # every entry's data and CRC as its header says
    assert (tmp_path / "two.xlsx").read_bytes() == (tmp_path / "one.xlsx").read_bytes()  # deflated alike too
    assert load_workbook(tmp_path / "two.xlsx").sheetnames == load_workbook(tmp_path / "one.xlsx").sheetnames
