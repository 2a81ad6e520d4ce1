"""`dlists export`: the written workbooks, read back with openpyxl, against golden descriptions
(tests/golden/*.yaml; regenerate with UPDATE_GOLDEN=1 after a deliberate change)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

from conftest import CATALOGS, ROOT
from delegation_lists.excel.model import Book, Column, Sheet
from delegation_lists.excel.writer import write_book

GOLDEN = ROOT / "tests" / "golden"


def describe(path: Path, rows: int = 8) -> dict[str, Any]:
    """A compact, stable description: sheets, merged ranges, header, first rows, formulas, validations, print setup."""
    wb = load_workbook(path)
    out: dict[str, Any] = {"properties": {p.name: p.value for p in wb.custom_doc_props.props}, "sheets": []}
    for ws in wb.worksheets:
        out["sheets"].append({
            "title": ws.title,
            "dimensions": ws.dimensions,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges)[:12],
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "rows": [[c for c in r] for r in ws.iter_rows(max_row=rows, values_only=True)],
            "validations": [[str(v.sqref), v.type, v.formula1] for v in ws.data_validations.dataValidation],
            "conditional": sorted(str(r.sqref) for r in ws.conditional_formatting),
            "print": {"orientation": ws.page_setup.orientation, "paper": ws.page_setup.paperSize,
                      "fit_to_page": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
                      "fit_width": ws.page_setup.fitToWidth, "fit_height": ws.page_setup.fitToHeight,
                      "title_rows": ws.print_title_rows, "footer": ws.oddFooter.center.text},
            "fonts": sorted({c.font.name for r in ws.iter_rows(max_row=rows) for c in r if c.value is not None}),
            "hidden_columns": sorted(k for k, d in ws.column_dimensions.items() if d.hidden),
            "page_breaks": [b.id for b in ws.row_breaks.brk],
        })
    return out


def check_golden(name: str, data: dict[str, Any]) -> None:
    path = GOLDEN / f"{name}.yaml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with UPDATE_GOLDEN=1 to write it, then review and commit it"
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == yaml.safe_load(text)


@pytest.mark.parametrize("name, args", [
    ("published-zhaowan", ["-j", "赵湾镇"]),
    ("published-county-en", ["-j", "610928", "--lang", "en"]),
    ("checklist", ["-t", "checklist"]),
])
def test_golden(name: str, args: list[str], tmp_path: Path, dlists):
    out = tmp_path / "out.xlsx"
    result = dlists("export", CATALOGS / "xunyang", "-o", out, *args)
    assert result.exit_code == 0, result.output
    check_golden(name, describe(out))


def test_published_sections_and_total(tmp_path: Path, dlists):
    out = tmp_path / "z.xlsx"
    dlists("export", CATALOGS / "xunyang", "-j", "赵湾镇", "-o", out)
    ws = load_workbook(out).active
    values = [r[0] for r in ws.iter_rows(values_only=True)]
    assert values[0] == "旬阳市赵湾镇承接县级事项清单（共92项）"  # its 3 own items on a sheet of their own
    assert values[2] == "一、行政许可（共31项）"
    assert values[3] == 1 and values[33] == 31 and str(values[34]).startswith("二、")


def test_same_catalog_same_bytes(tmp_path: Path, dlists):
    for i in (1, 2):
        assert dlists("export", CATALOGS / "xunyang", "-o", tmp_path / f"{i}.xlsx", "-t", "checklist").exit_code == 0
    assert (tmp_path / "1.xlsx").read_bytes() == (tmp_path / "2.xlsx").read_bytes()


def test_formula_injection_is_written_as_text(tmp_path: Path):
    hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0"]
    out = tmp_path / "inj.xlsx"
    write_book(Book([Sheet("s", [Column("a")], [["a"], *([v] for v in hostile)])]), out)
    ws = load_workbook(out).active
    cells = [c for (c,) in ws.iter_rows(min_row=2)]
    assert [c.value.replace("_x000D_", "\r") for c in cells] == hostile  # openpyxl leaves xlsx's CR escape
    assert all(c.data_type == "s" for c in cells)


def test_existing_file_kept_on_failure(tmp_path: Path, dlists):
    out = tmp_path / "keep.xlsx"
    out.write_bytes(b"old")
    result = dlists("export", tmp_path / "nothing-here", "-o", out)
    assert result.exit_code == 2
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.xlsx"]


def test_bad_options(tmp_path: Path, dlists):
    assert dlists("export", CATALOGS / "xunyang", "-o", tmp_path / "x.csv").exit_code == 2
    assert dlists("export", CATALOGS / "xunyang", "-o", tmp_path / "x.xlsx", "-t", "nope").exit_code == 2
    assert dlists("export", CATALOGS / "xunyang", "-o", tmp_path / "x.xlsx", "-j", "北京").exit_code == 2


def test_checklist_title_order_totals_and_whole_titles(tmp_path: Path, dlists):
    """Each sheet: a title, the header repeated on every page, items by kind (the published order) with their
    department, a 合计 row, its own page numbers; the summary names each list by its whole title."""
    import shutil

    from delegation_lists.model.codes import KIND_LOOKUP, KIND_ORDER

    folder = tmp_path / "x"
    shutil.copytree(CATALOGS / "xunyang", folder)
    long_title = "旬阳市赵湾镇承接县级行政许可、行政给付、行政确认和公共服务事项清单（2023年版）"
    zhaowan = folder / "townships" / "zhaowan.yaml"
    zhaowan.write_text(zhaowan.read_text(encoding="utf-8").replace("旬阳市赵湾镇承接县级事项清单", long_title), encoding="utf-8")
    out = tmp_path / "c.xlsx"
    assert dlists("export", folder, "-o", out, "-t", "checklist").exit_code == 0
    wb = load_workbook(out)
    summary = [r for r in wb["汇总"].iter_rows(values_only=True)]
    assert long_title in [r[0] for r in summary] and summary[-1][0] == "合计"
    ws = wb["赵湾镇"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == f"{long_title}（共95项）核对表" and rows[1][:5] == ("序号", "事项编码", "事项名称", "事项类型", "实施部门")
    kinds = [KIND_ORDER[KIND_LOOKUP[r[3]]] for r in rows[2:-1]]
    assert kinds == sorted(kinds) and [r[0] for r in rows[2:-1]] == list(range(1, 96))
    assert rows[-1][:2] == ("合计", "共95项")
    assert ws.print_title_rows == "$2:$2" and ws.oddFooter.center.text.startswith("第 &P 页 共 ")
