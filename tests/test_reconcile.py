"""`dlists reconcile`: categories, the json contract, exit codes, suggestions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CATALOGS
from delegation_lists.model.similarity import grams, normalise, score

REGION = """region:
  code: "100001"
  name: 样例县
  level: county
  children:
    - {code: "100001101", name: 甲镇, level: township}
    - {code: "100001102", name: 乙镇, level: township}
departments:
  - {name: 样例县市场监督管理局, short: 市场监管局}
"""


def _item(code: str, name: str, to: str, mode: str = "entrust") -> str:
    return (f'  - code: "{code}"\n    name: {name}\n    kind: licensing\n    department: 市场监管局\n    legal_basis: [《条例》]\n'
            f"    delegation: {{mode: {mode}, to: [{to}], basis: 文件1号}}\n")


def _catalog(tmp_path: Path) -> Path:
    (tmp_path / "region.yaml").write_text(REGION, encoding="utf-8")
    county = 'list: {jurisdiction: "100001"}\nitems:\n' + _item("C-1", "食品经营许可", "甲镇, 乙镇") + _item("C-2", "小餐饮经营许可", "甲镇") \
        + _item("C-3", "公共场所卫生许可", "甲镇", "grant") + _item("C-4", "取水许可", "乙镇")
    town1 = ('list: {jurisdiction: "100001101"}\nitems:\n  - source: "C-1"\n    mode: entrust\n  - source: "C-3"\n    mode: entrust\n'
             '  - source: "C-4"\n  - code: "T-1"\n    name: 小餐饮经营许可证核发\n    kind: licensing\n    department: 甲镇人民政府\n    legal_basis: [x]\n')
    town2 = 'list: {jurisdiction: "100001102"}\nitems:\n  - source: "C-1"\n  - source: "C-4"\n'
    for name, text in {"county.yaml": county, "t1.yaml": town1, "t2.yaml": town2}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_each_category_exactly(tmp_path: Path, dlists):
    result = dlists("reconcile", _catalog(tmp_path), "--format", "json", "--exit-code")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    t1, t2 = data["children"]
    assert data["parent"] == "100001"
    assert t1["matched"] == ["C-1"]
    assert t1["mode_mismatch"] == [{"item": "C-3", "delegated": "grant", "taken": "entrust"}]
    assert t1["missing"] == ["C-2"]
    assert t1["unbacked"] == [{"item": "C-4", "source": "C-4", "reason": "not delegated to 甲镇"}]
    assert t1["own"] == ["T-1"]
    assert t1["suggestions"] == [{"item": "T-1", "source": "C-2", "score": 0.772}]
    assert t1["coverage"] == round(2 / 3, 4)
    assert (t2["matched"], t2["missing"], t2["unbacked"], t2["coverage"]) == (["C-1", "C-4"], [], [], 1.0)
    assert data["totals"]["missing"] == 1 and data["totals"]["children"] == 2


def test_clean_examples_exit_zero(dlists):
    for town in ("赵湾镇", "吕河镇", "610928001"):
        assert dlists("reconcile", CATALOGS / "xunyang", "--child", town, "--exit-code").exit_code == 0


def test_draft_township_shows_every_category(dlists):
    result = dlists("reconcile", CATALOGS / "xunyang", "--child", "蜀河镇", "-f", "json", "--exit-code")
    assert result.exit_code == 1
    (c,) = json.loads(result.stdout)["children"]
    for key in ("matched", "mode_mismatch", "missing", "unbacked", "own", "suggestions"):
        assert c[key], key
    md = dlists("reconcile", CATALOGS / "xunyang", "-f", "markdown").stdout
    assert "<details><summary>蜀河镇 (610928106)" in md


def test_bad_child_and_parent(dlists):
    assert dlists("reconcile", CATALOGS / "xunyang", "--child", "北京").exit_code == 2
    assert dlists("reconcile", CATALOGS / "xunyang", "--parent", "nowhere").exit_code == 2


def test_normalisation():
    assert normalise("对（违法）建设的行政处罚") == "违法建设"  # the penalty frame 对…的行政处罚 cut
    assert normalise("擅自围垦湿地行为的处罚") == normalise("对擅自围垦湿地的行政处罚") == "擅自围垦湿地"
    assert normalise("对") == "对" and normalise("处罚") == "处罚"  # nothing left: the name as it is
    assert normalise("ＡＢＣ　许可") == "abc许可"
    assert score(grams("食品经营许可"), grams("食品经营许可（延续）")) > 0.7


def test_xlsx_summary_and_one_sheet_per_child(tmp_path: Path, dlists):
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    result = dlists("reconcile", str(_catalog(_mk(tmp_path / "cat"))), "-f", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    wb = load_workbook(out, read_only=True)
    assert len(wb.worksheets) == 3 and len(wb.chartsheets) == 1  # summary, a sheet per child, the coverage chart
    child = [list(r) for r in wb.worksheets[1].iter_rows(values_only=True)]
    categories = {row[0] for row in child[1:]}
    assert {"matched", "mode differs", "missing", "unbacked", "own", "suggestion"} <= categories
    assert all(row[2] for row in child[1:] if row[0] != "unbacked")  # every item by name beside its code
    assert dlists("reconcile", str(tmp_path / "cat"), "-f", "xlsx").exit_code == 2


@pytest.mark.filterwarnings("ignore:.*extension is not supported")
def test_xlsx_coverage_is_a_bar_and_a_chart(tmp_path: Path, dlists):
    """Coverage is a number shown as a percentage with a data bar, and a chart sheet draws it per child."""
    import zipfile

    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    assert dlists("reconcile", str(_catalog(_mk(tmp_path / "cat"))), "-f", "xlsx", "-o", str(out)).exit_code == 0
    summary = load_workbook(out).worksheets[0]
    coverage = [row[-1] for row in summary.iter_rows(min_row=2, values_only=True)]
    assert coverage and all(isinstance(v, (int, float)) and 0 <= v <= 1 for v in coverage)
    rules = [r for cf in summary.conditional_formatting for r in cf.rules]
    assert any(r.type == "dataBar" for r in rules)
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        assert any(n.startswith("xl/chartsheets/") for n in names)
        chart = next(z.read(n).decode() for n in names if n.startswith("xl/charts/chart"))
    last = summary.cell(1, summary.max_column).column_letter
    assert "<c:barChart>" in chart and f"${last}$2:${last}$" in chart  # the bars are the coverage column


def _mk(path: Path) -> Path:
    path.mkdir()
    return path


def test_text_output_is_an_aligned_table(dlists):
    """The text report: counts per child under a rule as wide as the header, then one table per child to review."""
    from rich.cells import cell_len

    lines = dlists("reconcile", CATALOGS / "xunyang").stdout.splitlines()
    header = next(i for i, ln in enumerate(lines) if ln.split()[:2] == ["child", "deleg"])
    assert cell_len(lines[header + 1].strip()) == cell_len(lines[header].strip()) and set(lines[header + 1].strip()) == {"─"}
    rows = lines[header + 2 : header + 7]
    assert [r.split()[0] for r in rows] == ["城关街道", "吕河镇", "赵湾镇", "蜀河镇", "total"]
    assert len({cell_len(r) for r in rows}) == 1  # right-aligned numbers end in one column
    assert rows[-1].split()[1:] == ["232", "229", "1", "2", "2", "5", "1", "99%"]
    detail = lines.index("蜀河镇 (610928106)")
    assert lines[detail + 3].split()[:3] == ["mode", "differs", "对未取得建设工程规划许可证进行建设的处罚"] and "(610928-CF-0001)" in lines[detail + 3]
    assert lines[-1] == "✗ gaps found"
