"""The office's furniture of a published list: 附件N, issuer and date lines, the 合计 row, notes under the table;
from the options or from the list header; read back by `dlists import` as furniture, not items."""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import load_workbook

from conftest import CATALOGS


def _column_a(path: Path, sheet: str = "赵湾镇") -> list[object]:
    ws = load_workbook(path)[sheet]
    return [row[0] for row in ws.iter_rows(values_only=True)]


def _rows(path: Path, sheet: str = "赵湾镇") -> list[tuple[object, ...]]:
    return list(load_workbook(path)[sheet].iter_rows(values_only=True))


def test_options_give_the_furniture(tmp_path: Path, dlists):
    out = tmp_path / "z.xlsx"
    result = dlists("export", CATALOGS / "xunyang", "-j", "赵湾镇", "-o", out, "--attachment", "2", "--issuer", "旬阳市人民政府",
                    "--date", "2023年7月1日", "--note", "本清单所列事项由赵湾镇便民服务中心统一受理", "--note", "以委托部门名义实施")
    assert result.exit_code == 0, result.output
    rows = _rows(out)
    assert rows[0][0] == "附件2" and rows[1][0] == "旬阳市赵湾镇承接县级事项清单（共92项）"
    assert rows[2][0] == "发布单位：旬阳市人民政府" and "发布日期：2023年7月1日" in rows[2]
    assert rows[3][:3] == ("序号", "事项编码", "事项名称")
    assert rows[-3][:2] == ("合计", "共92项")
    assert [r[0] for r in rows[-2:]] == ["注1：本清单所列事项由赵湾镇便民服务中心统一受理", "注2：以委托部门名义实施"]
    ws = load_workbook(out)["赵湾镇"]
    assert ws.print_title_rows == "$4:$4"  # the header row repeats, not the furniture


def test_header_fields_give_the_furniture_and_options_win(tmp_path: Path, dlists):
    folder = tmp_path / "x"
    shutil.copytree(CATALOGS / "xunyang", folder)
    zhaowan = folder / "townships" / "zhaowan.yaml"
    header = '  version: "2023-07"\n'
    zhaowan.write_text(zhaowan.read_text(encoding="utf-8").replace(header, header + "  attachment: 3\n  issuer: 赵湾镇人民政府\n"
                                                                   "  date: 2023-07-15\n  notes: [本清单动态调整]\n"), encoding="utf-8")
    assert dlists("validate", folder).exit_code == 0
    out = tmp_path / "z.xlsx"
    assert dlists("export", folder, "-j", "赵湾镇", "-o", out).exit_code == 0
    column = _column_a(out)
    assert column[:3] == ["附件3", "旬阳市赵湾镇承接县级事项清单（共92项）", "发布单位：赵湾镇人民政府"]
    assert "发布日期：2023年7月15日" in _rows(out)[2]
    assert column[-1] == "注：本清单动态调整"
    assert dlists("export", folder, "-j", "赵湾镇", "-o", out, "--attachment", "附件二", "--note", "另注").exit_code == 0
    column = _column_a(out)
    assert column[0] == "附件二" and column[-2:] == ["注1：本清单动态调整", "注2：另注"]


def test_no_furniture_asked_for(tmp_path: Path, dlists):
    out = tmp_path / "z.xlsx"
    assert dlists("export", CATALOGS / "xunyang", "-j", "赵湾镇", "-o", out).exit_code == 0
    column = _column_a(out)
    assert column[0] == "旬阳市赵湾镇承接县级事项清单（共92项）" and column[1] == "序号"
    assert column[-1] == "合计"  # the 合计 row is always there


def test_furniture_is_read_back_as_furniture(tmp_path: Path, dlists):
    out = tmp_path / "z.xlsx"
    assert dlists("export", CATALOGS / "xunyang", "-o", out, "--attachment", "2", "--issuer", "旬阳市人民政府",
                  "--date", "2023-07-01", "--note", "以委托部门名义实施").exit_code == 0
    result = dlists("import", out, "-o", tmp_path / "back")
    assert "0 row(s) not imported" in result.output, result.output
    assert "the 合计 row states" not in result.output  # every 合计 matches the rows read


def test_bad_options(tmp_path: Path, dlists):
    out = tmp_path / "z.xlsx"
    for args in (["--date", "七月一日"], ["--own", "apart"], ["--paper", "a5"], ["-t", "checklist", "--issuer", "x"]):
        result = dlists("export", CATALOGS / "xunyang", "-o", out, *args)
        assert result.exit_code == 2, (args, result.output)
    assert not out.exists()
