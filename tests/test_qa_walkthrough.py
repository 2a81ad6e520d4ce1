"""What a Chinese analyst meets walking through the README (QA under LANG=zh_CN.UTF-8): the words of `laws`,
`import` and `export` on the example catalogs and on real lists."""

from __future__ import annotations

import pytest

from conftest import ROOT

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
EN = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
FOREST = ROOT / "tests" / "data" / "laws-forest"


def test_an_article_nothing_cites_is_not_said_to_be_a_law_nothing_cites(dlists) -> None:  # type: ignore[no-untyped-def]
    """森林法 is cited by 8 entries, none of them in its 99th article: saying 没有事项引用《中华人民共和国森林法》 sends
    the analyst looking for a law that is cited everywhere."""
    result = dlists("laws", FOREST, "--law", "森林法", "--article", "九十九", env=ZH)
    assert result.exit_code == 0, result.output
    assert "没有事项引用《中华人民共和国森林法》第99条" in result.output, result.output
    english = dlists("laws", FOREST, "--law", "森林法", "--article", "99", env=EN)
    assert "nothing cites article 99 of 中华人民共和国森林法" in english.output, english.output


def test_a_law_nothing_cites_gets_its_did_you_mean_as_chinese_text(dlists) -> None:  # type: ignore[no-untyped-def]
    result = dlists("laws", FOREST, "--law", "森林发", env=ZH)
    assert "没有事项引用《森林发》；是不是《中华人民共和国森林法》？" in result.output, result.output


def test_rows_without_a_name_are_said_once_with_their_count(dlists, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The real 龙华区 list imported without its mapping (English keys: no 事项名称 column): 296 rows without a name
    were 296 lines of several lines each (the sub-districts of a row joined by line breaks); a problem many rows
    share is said once with its count (README), each row shown on one line."""
    from conftest import SHARED

    source = SHARED / "real-data" / "longhua-440309" / "items.json"
    result = dlists("import", source, "-j", "440309", "--name", "龙华区", "-o", tmp_path / "out",
                    env={**ZH, "COLUMNS": "1000"})
    assert result.exit_code == 2, result.output
    lines = result.output.splitlines()
    rows = [line for line in lines if "未导入：没有事项名称：" in line]
    assert len(rows) == 3, result.output[:3000]
    assert "| 观湖街道办事处 民治街道办事处 龙华街道办事处" in rows[0], rows[0]
    assert "……另有 293 行同样未导入：没有事项名称" in result.output, result.output[-2000:]
    assert len(lines) < 12, result.output[:3000]


def _sheet(path, header: list[str], rows: list[list[object]], under: list[str] = ()) -> None:  # type: ignore[no-untyped-def, assignment]
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["附件2"])
    sheet.append(["深圳市龙华区街道承接区政府部门行政处罚事项目录"])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(header))
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for line in under:
        sheet.append([line])
    book.save(path)


@pytest.mark.parametrize(("department", "targets"), [
    ("区级部门", "承接街道"), ("县级部门", "承接乡镇"), ("县级部门", "承接镇（街道）"), ("市级部门", "实施街道"),
])
def test_department_and_township_columns_as_lists_name_them(dlists, tmp_path, department: str, targets: str) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "目录.xlsx"
    _sheet(source, ["序号", "事项名称", department, targets, "承接方式"], [
        [1, "对未按规定分类投放生活垃圾且拒不改正的处罚", "深圳市龙华区城市管理和综合执法局", "观湖街道、民治街道", "赋权"],
        [2, "对擅自停用公共厕所的处罚", "深圳市龙华区城市管理和综合执法局", "观湖街道", "赋权"],
    ])
    result = dlists("import", source, "-j", "440309", "--name", "龙华区", "-o", tmp_path / "out", env=ZH)
    assert result.exit_code == 0, result.output
    assert "未导入的列" not in result.output, result.output  # (errors left: the list states no basis)
    written = (tmp_path / "out" / "440309" / "penalty.yaml").read_text(encoding="utf-8")
    assert "department: 深圳市龙华区城市管理和综合执法局" in written and "to: [观湖街道, 民治街道]" in written, written


def test_a_note_under_the_table_is_shown_once_as_a_note(dlists, tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "目录.xlsx"
    _sheet(source, ["序号", "事项名称", "实施部门", "实施范围", "承接方式"],
           [[1, "对擅自停用公共厕所的处罚", "深圳市龙华区城市管理和综合执法局", "观湖街道", "赋权"]],
           under=["注：以上事项由街道以自己的名义实施。"])
    result = dlists("import", source, "-j", "440309", "--name", "龙华区", "-o", tmp_path / "out", env={**ZH, "COLUMNS": "200"})
    assert "表“Sheet”：注：以上事项由街道以自己的名义实施。" in result.output, result.output
    assert "注 注" not in result.output and "注：注" not in result.output, result.output


def test_every_printed_page_of_a_duty_list_shows_its_part_and_header(dlists, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """赵湾镇's duty list printed (352 entries, 38 pages): its parts' headers differ, so a part's header stood only
    above its first rows and 35 pages had columns without names; the recalled part's long names were squeezed into
    the basic part's narrow 领域 column beside an empty one. Each part is now a sheet of its own whose title,
    section title and header are printed on every page, its columns its own."""
    from printed import read_pages, sheet_texts, soffice, to_pdf

    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    from conftest import CATALOGS

    xlsx = tmp_path / "赵湾镇履职.xlsx"
    assert dlists("export", CATALOGS / "xunyang", "-t", "duties", "-j", "赵湾镇", "-o", xlsx, env=ZH).exit_code == 0
    missing: list[str] = []
    pages = read_pages(to_pdf(xlsx, tmp_path), sheet_texts(xlsx), missing)
    assert not missing, missing[:3]
    parts = ("基本履职事项", "配合履职事项", "上级部门收回事项", "依法自治事项", "协助政府工作事项", "小微权力事项")
    for page in pages:
        text = "".join(page.text.split())
        assert "序号" in text and "事项名称" in text, f"page {page.number} has no header row"
        assert any(part in text for part in parts), f"page {page.number} does not say which part it is"
        assert not page.overflows, page.overflows[:3]


def test_a_child_named_finds_its_parent_in_a_catalog_of_several(dlists) -> None:  # type: ignore[no-untyped-def]
    """catalogs/ holds 旬阳市 and the real 龙华区: `--child 赵湾镇` was refused (several parents: choose one with
    --parent) though 赵湾镇 has one parent; a child unknown still is, the parents named beside their codes."""
    from conftest import CATALOGS

    result = dlists("reconcile", CATALOGS, "--child", "赵湾镇", env={**ZH, "COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "旬阳市 (610928) → 下级" in result.output and "赵湾镇" in result.output and "吕河镇" not in result.output
    unknown = dlists("reconcile", CATALOGS, "--child", "不存在镇", env=ZH)
    assert unknown.exit_code == 2, unknown.output
    flat = "".join(unknown.output.split())
    assert "610928旬阳市" in flat and "440309" in flat and "--parent" in flat, unknown.output


def test_a_region_file_added_shows_what_it_declares_and_nothing_else(dlists, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """赵湾镇's villages declared in a new region.yaml: the diff listed `部门（departments）: ∅ → ∅` (no departments
    before, none after) and the township's name as 事项名称 (an item's name)."""
    import shutil

    from conftest import CATALOGS

    for side in ("old", "new"):
        shutil.copytree(CATALOGS / "xunyang", tmp_path / side)
    (tmp_path / "old" / "villages" / "zhaowan" / "region.yaml").unlink()
    result = dlists("diff", tmp_path / "old", tmp_path / "new", env={**ZH, "COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "children.610928104201: ∅ → 赵湾村" in result.output, result.output
    assert "departments" not in result.output and "∅ → ∅" not in result.output, result.output
    assert "名称（name）: ∅ → 赵湾镇" in result.output and "事项名称（name）" not in result.output, result.output


def test_importing_an_export_into_a_catalog_says_nothing_of_its_layout_sheet(dlists, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A township's list exported by dlists, imported --into a catalog without it: the export's very hidden layout
    sheet was reported (`提示：_dlists：已跳过，前 30 行中没有含“事项名称”……`), a sheet the analyst never saw."""
    import shutil

    from conftest import CATALOGS

    book = tmp_path / "赵湾镇.xlsx"
    assert dlists("export", CATALOGS / "xunyang", "-j", "赵湾镇", "-o", book).exit_code == 0
    catalog = tmp_path / "xunyang"
    shutil.copytree(CATALOGS / "xunyang", catalog)
    (catalog / "townships" / "zhaowan.yaml").unlink()
    result = dlists("import", book, "--into", catalog, env={**ZH, "COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "_dlists" not in result.output and "已跳过" not in result.output, result.output
    assert "92 行按编码" in result.output, result.output
