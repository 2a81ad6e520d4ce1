"""What `dlists import` says on its output paths comes from the catalogue (problems/templates/importer.py, keys
`import.…`) in Chinese and English: refusals of -o (output.py), of --into's file (into_file.py), a layout naming a
path elsewhere (layout.py), a workbook of several counties without its layout (run.py), the text-list bounds and
the command's own errors. Under a Chinese locale (no --lang) they are Chinese."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import CATALOGS
from delegation_lists.problems.message import render
from delegation_lists.problems.templates import TEMPLATES

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
EN = {"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def _csv(path: Path) -> Path:
    path.write_text("事项名称,事项类型,实施部门\n食品经营许可,行政许可,市场监管局\n", encoding="utf-8")
    return path


def _said(result) -> str:  # type: ignore[no-untyped-def]
    return result.output.replace("\n", "")


@pytest.mark.parametrize("key", sorted(k for k in TEMPLATES if k.startswith(("import.out.", "import.into.", "import.layout.", "import.limit.",
                                                                                "import.note.strangers", "import.run."))))
def test_each_message_in_both_languages(key: str):
    """Every key of these paths has a Chinese and an English text, with the same fields."""
    en, zh = TEMPLATES[key]
    fields = set(re.findall(r"\{(\w+)", en))
    assert fields == set(re.findall(r"\{(\w+)", zh)), key
    assert re.search(r"[\u4e00-\u9fff]", zh) and en != zh
    values = {f: "X" for f in fields}
    assert "{" not in render(key, values, "zh") and "{" not in render(key, values, "en")


def test_output_refusals_follow_the_locale(tmp_path: Path, dlists):
    """-o not empty, -o a file, -o holding the input: Chinese under a Chinese locale, English under an English one."""
    source = _csv(tmp_path / "list.csv")
    full = tmp_path / "full"
    full.mkdir()
    (full / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    cases = [(["-o", full], "不是空文件夹", "is not empty"), (["-o", source], "是文件而不是文件夹", "is a file, not a folder"),
             (["-o", tmp_path, "--force"], "导入会替换正在读取的文件", "would replace what it reads")]
    for args, zh, en in cases:
        result = dlists("import", source, *args, "-j", "610000", env=ZH)
        assert result.exit_code == 2 and zh in _said(result), result.output
        result = dlists("import", source, *args, "-j", "610000", env=EN)
        assert result.exit_code == 2 and en in _said(result), result.output
    result = dlists("import", source, "-j", "610000", env=ZH)
    assert result.exit_code == 2 and "请用 --output 指定" in _said(result)


def test_into_refusals_in_chinese(tmp_path: Path, dlists):
    catalog = tmp_path / "xunyang"
    shutil.copytree(CATALOGS / "xunyang", catalog)
    sheet = tmp_path / "zhaowan.csv"
    sheet.write_text("赵湾镇承接县级事项清单\n序号,事项名称\n1,小餐饮经营许可\n", encoding="utf-8")
    result = dlists("import", sheet, "--into", catalog, "-j", "赵湾镇", env=ZH)
    assert result.exit_code == 2 and "在清单目录中已有清单" in _said(result), result.output
    (catalog / "townships" / "zhaowan.yaml").unlink()
    result = dlists("import", sheet, "--into", catalog, "-j", "赵湾镇", "-o", tmp_path / "elsewhere.yaml", env=ZH)
    assert result.exit_code == 2 and "--into 只写入清单目录之内" in _said(result), result.output
    result = dlists("import", sheet, "--into", catalog, "-j", "赵湾镇", "-o", catalog / "townships" / "lvhe.yaml", env=ZH)
    assert result.exit_code == 2 and "是清单目录中的文件" in _said(result), result.output
    result = dlists("import", sheet, "--into", catalog, "-j", "赵湾镇", "--near", "maybe", env=ZH)
    assert result.exit_code == 2 and "应为 link 或 list" in _said(result), result.output


def test_layout_path_and_strangers_in_chinese(tmp_path: Path, dlists):
    """A layout sheet naming a path elsewhere: the note says why in Chinese; a workbook of several counties without
    its layout: the note naming them is Chinese."""
    from openpyxl import load_workbook

    book = tmp_path / "a.xlsx"
    assert dlists("export", CATALOGS / "real/longhua", "-o", book).exit_code == 0
    wb = load_workbook(book)
    for row in wb["_dlists"].iter_rows():
        if row[0].value == "list":
            row[1].value = "../outside.yaml"
    wb.save(book)
    result = dlists("import", book, "-o", tmp_path / "out", env=ZH)
    assert "未使用导出文件的布局" in _said(result) and "不是普通的相对路径" in _said(result), result.output
    wb = load_workbook(book)
    del wb["_dlists"]
    first = wb.worksheets[0].title
    wb.custom_doc_props.append(__import__("openpyxl").packaging.custom.StringProperty(name=f"dlists:{first}x", value="999999"))
    ws = wb.copy_worksheet(wb.worksheets[0])
    ws.title = f"{first}x"
    wb.save(tmp_path / "bare.xlsx")
    result = dlists("import", tmp_path / "bare.xlsx", "-o", tmp_path / "bare", env=ZH)
    assert "其编码不在" in _said(result) and "999999" in _said(result), result.output


def test_text_bounds_in_chinese(tmp_path: Path, dlists):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200 + "]" * 200, encoding="utf-8")
    result = dlists("import", deep, "-o", tmp_path / "out", "-j", "610000", env=ZH)
    assert result.exit_code == 2 and "JSON 嵌套超过 100 层" in _said(result), result.output
    shape = tmp_path / "shape.json"
    shape.write_text('{"a": 1}', encoding="utf-8")
    result = dlists("import", shape, "-o", tmp_path / "out", "-j", "610000", env=ZH)
    assert result.exit_code == 2 and "应为对象的数组" in _said(result), result.output
