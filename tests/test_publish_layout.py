"""The published layout without a renderer: wrapped lines, paper and widths, shared values stated once, empty
columns left out, page breaks and per-list page numbers (tests/test_printed.py looks at LibreOffice's pages)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CATALOGS
from delegation_lists.catalog import load_catalog
from delegation_lists.excel.published import published_book
from delegation_lists.publish.measure import column_pt, printed_pt, units_for, wrapped
from delegation_lists.publish.model import MARGINS, Options
from delegation_lists.publish.pages import paginate
from delegation_lists.publish.paper import FILL
from delegation_lists.publish.tables import published_tables


@pytest.fixture(scope="module")
def xunyang():  # type: ignore[no-untyped-def]
    return load_catalog([CATALOGS / "xunyang"])[0]


@pytest.mark.parametrize("text, chars, lines", [
    ("中华人民共和国食品安全法", 12, 1),
    ("中华人民共和国食品安全法", 6, 2),
    ("中华人民共和国食品安全法", 5, 3),
    ("甲乙丙丁戊，己", 6, 2),  # "，" may not start a line: 己 goes down with 戊，
    ("甲乙丙丁（戊己", 5, 2),  # "（" may not end a line
    ("第一行\n第二行", 10, 2),
    ("511A0004200009-511602000000-000", 10, 3),  # breaks after hyphens; a run longer than a line on its own lines
])
def test_wrapped_lines(text: str, chars: int, lines: int):
    room = chars * 10 + 0.5
    assert wrapped(text, room, 10) == lines


def test_a_column_of_n_characters_holds_n_characters():
    for n in (2, 5, 13, 30):
        units = units_for(n * 10 + 0.5)
        assert n * 10 <= column_pt(units) < (n + 1) * 10


def test_pages_break_before_a_row_that_does_not_fit_and_keep_headings_with_rows():
    heights = [30, 20] + [100] * 3 + [20] + [100] * 3  # title, header, 3 rows, a heading, 3 rows
    assert paginate(heights, 1, {5}, 375) == [5]  # the heading (row 5) would end page 1: it starts page 2
    assert paginate(heights, 1, set(), 375) == [6]


def test_every_shown_column_has_a_value_and_the_county_list_fits_a4(xunyang):  # type: ignore[no-untyped-def]
    for table in published_tables(xunyang):
        shown = [i for i, c in enumerate(table.columns) if not c.hidden]
        for i in shown:
            assert any(r.cells[i] not in ("", None) for s in table.sections for r in s.rows), (table.title, table.columns[i])
        assert "状态" not in [table.columns[i].label for i in shown]  # every item is in force
        width = sum(printed_pt(table.columns[i].width) for i in shown)
        assert width <= (table.paper.size[0] - (MARGINS[0] + MARGINS[1]) * 72) * FILL
    county = published_tables(xunyang, ["610928"])[0]
    assert county.paper.name == "A4" and county.paper.landscape


def test_a_basis_each_section_shares_is_stated_in_its_heading(xunyang):  # type: ignore[no-untyped-def]
    county = published_tables(xunyang, ["610928"])[0]
    hidden = [c.label for c in county.columns if c.hidden]
    assert hidden == ["下放依据", "实施时间"]
    licensing = county.sections[0]
    assert licensing.title() == ("一、行政许可（共31项；下放依据：旬政办发〔2023〕15号《旬阳市人民政府关于向镇（街道）委托下放部分"
                                 "县级政务服务事项的通知》；实施时间：2023-07-01）")


def test_a_value_every_row_shares_is_stated_above_the_table(tmp_path: Path):
    folder = tmp_path / "x"
    shutil.copytree(CATALOGS / "xunyang", folder)
    delegation = folder / "county" / "delegation.yaml"
    text = delegation.read_text(encoding="utf-8").replace("陕政发〔2022〕11号《陕西省人民政府关于赋予镇（街道）部分县级行政执法权的决定》",
                                                          "旬政办发〔2023〕15号《旬阳市人民政府关于向镇（街道）委托下放部分县级政务服务事项的通知》")
    delegation.write_text(text, encoding="utf-8")
    cat, _ = load_catalog([folder])
    county = published_tables(cat, ["610928"])[0]
    assert county.lines == ["下放依据：旬政办发〔2023〕15号《旬阳市人民政府关于向镇（街道）委托下放部分县级政务服务事项的通知》"]
    assert all("下放依据" not in s.title() for s in county.sections)
    assert any("实施时间" in s.title() for s in county.sections)  # two dates: said per section


def test_own_items_apart(xunyang):  # type: ignore[no-untyped-def]
    """赵湾镇's 3 own items: a list of their own (no 承接方式), or sections of their own saying so."""
    taken, own = published_tables(xunyang, ["赵湾镇"])
    assert taken.title == "旬阳市赵湾镇承接县级事项清单（共92项）" and own.title == "旬阳市赵湾镇自有事项清单（共3项）"
    assert "承接方式" in [c.label for c in taken.columns] and "承接方式" not in [c.label for c in own.columns]
    mode = taken.column("mode")
    assert all(r.cells[mode] for s in taken.sections for r in s.rows)
    (one,) = published_tables(xunyang, ["赵湾镇"], Options(own="section"))
    assert one.title == "旬阳市赵湾镇承接县级事项清单（共95项）"
    assert [s.heading for s in one.sections[-3:]] == ["七、行政确认（自有事项，共1项）", "八、其他行政权力（自有事项，共1项）",
                                                      "九、公共服务（自有事项，共1项）"]
    assert {r.cells[one.column("mode")] for s in one.sections[-3:] for r in s.rows} == {"自有"}


def test_sheets_number_their_own_pages(xunyang):  # type: ignore[no-untyped-def]
    book = published_book(xunyang)
    for sheet in (s for s in book.sheets if not s.hidden):
        assert sheet.print.first_page == 1
        assert sheet.print.footer == f"&C第 &P 页 共 {len(sheet.print.breaks) + 1} 页"
        assert sheet.print.repeat_rows == (sheet.header_row, sheet.header_row)
        assert not sheet.print.fit_width  # printed at 100 %: 10-pt text stays 10 pt


def test_too_many_columns_for_a4_go_to_a3_then_lose_spare_columns(tmp_path: Path):
    folder = tmp_path / "wide"
    folder.mkdir()
    (folder / "region.yaml").write_text('region: {code: "610928", name: 旬阳市, level: county, children: [{code: "610928104", name: 赵湾镇, level: township}]}\n'
                                        "departments: [{name: 旬阳市市场监督管理局, short: 市场监管局}]\n", encoding="utf-8")
    long = "很长的文字" * 12
    item = ("  - {{code: '610928-CF-{n:04d}', name: {long}, kind: penalty, department: 市场监管局, main_item: {long},"
            " legal_basis: [{long}], statutory_days: 20, promised_days: 10, violation: {long}, penalty_types: [警告, 罚款],"
            " notes: {long}{n}, delegation: {{mode: grant, to: [赵湾镇], basis: {long}{n}, scope: {long}{n}, since: 2023-07-0{n}}}}}\n")
    (folder / "county.yaml").write_text('list: {jurisdiction: "610928", level: county}\nitems:\n' + "".join(item.format(n=n, long=long) for n in (1, 2)),
                                        encoding="utf-8")
    cat, _ = load_catalog([folder])
    (table,) = published_tables(cat)
    assert table.paper.name == "A3"
    (a4,) = published_tables(cat, (), Options(paper="a4"))
    assert a4.paper.name == "A4" and a4.dropped  # the spare columns hidden, named
    assert all(c.hidden for c in a4.columns if c.label in a4.dropped)
