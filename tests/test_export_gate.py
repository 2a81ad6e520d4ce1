"""`dlists export` refuses to publish what is wrong: a catalog with errors in the lists it would publish (exit 1,
the problems listed, nothing written) unless --allow-problems; drafts left out unless --include-drafts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import CASES, CATALOGS


def _titles(path: Path) -> list[str]:
    wb = load_workbook(path)
    return [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]


def _first_cells(path: Path) -> list[str]:
    wb = load_workbook(path)
    return [str(next(ws.iter_rows(max_row=1, values_only=True))[0]) for ws in wb.worksheets if ws.sheet_state == "visible"]


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    """A copy of the 旬阳市 example to edit."""
    shutil.copytree(CATALOGS / "xunyang", tmp_path / "xunyang")
    return tmp_path / "xunyang"


@pytest.mark.parametrize("template", ["published", "checklist", "duties"])
def test_errors_stop_the_export_and_nothing_is_written(template: str, tmp_path: Path, dlists):
    out = tmp_path / "deep" / "out.xlsx"
    folder = CASES / "all-rules" / "input" if template != "duties" else CASES / "duties-county" / "input"
    result = dlists("export", folder, "-o", out, "-t", template)
    assert result.exit_code == 1, result.output
    assert "--allow-problems" in result.output
    assert "DL1" in result.output or "DL3" in result.output  # the problems are listed, with their codes
    assert not (tmp_path / "deep").exists()  # not even the folder


def test_allow_problems_writes_and_warns(tmp_path: Path, dlists):
    out = tmp_path / "out.xlsx"
    result = dlists("export", CASES / "all-rules" / "input", "-o", out, "--allow-problems")
    assert result.exit_code == 0, result.output
    assert out.exists()
    assert "DL101" in result.output and "--allow-problems" in result.output


def test_an_error_in_a_list_not_exported_does_not_stop_it(catalog: Path, tmp_path: Path, dlists):
    """The draft 蜀河镇, left out, may be wrong: the lists published are not."""
    draft = catalog / "townships" / "shuhe-draft.yaml"
    draft.write_text(draft.read_text(encoding="utf-8").replace("    waive: {DL201: 草案：事项编码待核实}\n", ""), encoding="utf-8")
    out = tmp_path / "out.xlsx"
    result = dlists("export", catalog, "-o", out)
    assert result.exit_code == 0, result.output
    assert "1 more error" in result.output or "另有 1 个错误" in result.output
    assert dlists("export", catalog, "-o", out, "--include-drafts").exit_code == 1


def test_a_list_that_does_not_load_stops_it(catalog: Path, tmp_path: Path, dlists):
    (catalog / "townships" / "lvhe.yaml").write_text('list: {jurisdiction: "610928102"\nitems: [\n', encoding="utf-8")
    result = dlists("export", catalog, "-o", tmp_path / "out.xlsx")
    assert result.exit_code == 1 and "DL001" in result.output
    assert not (tmp_path / "out.xlsx").exists()


def test_the_draft_is_left_out_by_default(tmp_path: Path, dlists):
    out = tmp_path / "out.xlsx"
    result = dlists("export", CATALOGS / "xunyang", "-o", out)
    assert result.exit_code == 0, result.output
    assert "蜀河镇" not in _titles(out)
    assert "旬阳市蜀河镇承接县级事项清单（草案）" in result.output and "--include-drafts" in result.output
    assert dlists("export", CATALOGS / "xunyang", "-o", out, "--include-drafts").exit_code == 0
    assert "蜀河镇" in _titles(out)


def test_status_draft_in_the_header(catalog: Path, tmp_path: Path, dlists):
    """`status: draft` (or 草案 in Chinese) makes a list a draft; its sheet's title then says 草案."""
    lvhe = catalog / "townships" / "lvhe.yaml"
    lvhe.write_text(lvhe.read_text(encoding="utf-8").replace('  version: "2023-07"\n', '  version: "2023-07"\n  status: 草案\n'),
                    encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert dlists("validate", catalog).exit_code == 0
    assert dlists("export", catalog, "-o", out).exit_code == 0
    assert "吕河镇" not in _titles(out)
    assert dlists("export", catalog, "-o", out, "--include-drafts").exit_code == 0
    assert "旬阳市吕河镇承接县级事项清单（草案）（共98项）" in _first_cells(out)
    assert dlists("export", catalog, "-o", out, "-t", "checklist").exit_code == 0
    assert "吕河镇" not in _titles(out)


def test_a_draft_duty_list(catalog: Path, tmp_path: Path, dlists):
    duties = catalog / "townships" / "lvhe-duties.yaml"
    duties.write_text(duties.read_text(encoding="utf-8").replace("  version:", "  status: draft\n  version:", 1), encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert dlists("export", catalog, "-o", out, "-t", "duties").exit_code == 0
    assert "吕河镇" not in _titles(out)
    assert dlists("export", catalog, "-o", out, "-t", "duties", "--include-drafts").exit_code == 0
    assert "旬阳市吕河镇履行职责事项清单（草案）（共351项）" in _first_cells(out)


def test_an_unknown_list_status(catalog: Path, dlists):
    lvhe = catalog / "townships" / "lvhe.yaml"
    lvhe.write_text(lvhe.read_text(encoding="utf-8").replace('  version: "2023-07"\n', '  version: "2023-07"\n  status: drfat\n'),
                    encoding="utf-8")
    result = dlists("validate", catalog, "--lang", "en")
    assert result.exit_code == 1 and "draft" in result.output


@pytest.mark.parametrize("allow", [False, True])
def test_the_check_while_a_worker_makes_the_sheets(allow: bool, tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    """A large catalog is checked while a worker process starts on its sheets: errors still stop it (exit 1,
    nothing written), and with --allow-problems the problems are listed before the workbook is written."""
    from delegation_lists.excel import published_parts

    monkeypatch.setattr(published_parts, "PARALLEL_MIN_ITEMS", 0)
    out = tmp_path / "deep" / "out.xlsx"
    result = dlists("export", CASES / "all-rules" / "input", "-o", out, *(["--allow-problems"] if allow else []))
    assert result.exit_code == (0 if allow else 1), result.output
    assert "DL101" in result.output and "--allow-problems" in result.output
    assert out.exists() == allow and (tmp_path / "deep").exists() == allow
