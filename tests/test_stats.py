"""`dlists stats`: counts, the seed figure, formats."""

from __future__ import annotations

import csv
import io
import json

from conftest import CASES, CATALOGS


def test_seed_figure_in_text(dlists):
    result = dlists("stats", CATALOGS / "xunyang", "--jurisdiction", "赵湾镇")
    assert result.exit_code == 0
    assert "entrust (委托) 92 items from 12 departments, 31 licensing" in result.output


def test_json_counts(dlists):
    data = json.loads(dlists("stats", CATALOGS / "xunyang", "-f", "json").stdout)
    rows = {r["name"]: r for r in data["jurisdictions"]}
    z = rows["赵湾镇"]
    assert z["modes"]["entrust"] == {"items": 92, "departments": 12, "kinds": z["modes"]["entrust"]["kinds"]}
    assert z["modes"]["entrust"]["kinds"]["licensing"] == 31
    assert rows["旬阳市"]["delegated"] == {"entrust": 92, "grant": 6}
    assert sum(rows["旬阳市"]["kinds"].values()) == rows["旬阳市"]["total"]


def test_csv_and_markdown(dlists):
    table = list(csv.reader(io.StringIO(dlists("stats", CATALOGS / "xunyang", "-f", "csv").stdout)))
    assert table[0][:3] == ["code", "jurisdiction", "level"] and "行政许可" in table[0]
    assert len(table) == 6  # header + county + 4 townships
    md = dlists("stats", CATALOGS / "xunyang", "-f", "markdown", "-j", "610928104").stdout
    assert md.startswith("| code | jurisdiction |") and "### 赵湾镇 (610928104)" in md


def test_unknown_jurisdiction_is_a_usage_error(dlists):
    result = dlists("stats", CATALOGS / "xunyang", "-j", "nowhere")
    assert result.exit_code == 2 and "no jurisdiction" in result.output


def test_xlsx_counts_with_a_chart(dlists, tmp_path):
    import zipfile

    from openpyxl import load_workbook

    out = tmp_path / "stats.xlsx"
    assert dlists("stats", CATALOGS / "xunyang", "--lang", "zh", "-f", "xlsx", "-o", out).exit_code == 0
    rows = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert rows[0][:3] == ("代码", "辖区", "层级") and rows[0][-1] == "合计"
    assert {r[1] for r in rows[1:]} == {"旬阳市", "城关街道", "吕河镇", "赵湾镇", "蜀河镇"}
    assert any(n.startswith("xl/chartsheets/") for n in zipfile.ZipFile(out).namelist())  # items per jurisdiction
    assert dlists("stats", CATALOGS / "xunyang", "-f", "xlsx").exit_code == 2  # needs -o


def test_duty_lists_alone_show_no_empty_kind_table(dlists):
    """A catalog of duty lists alone (no power items): the text shows the duty counts, not an empty table of
    items by kind."""
    result = dlists("stats", CASES / "duties-taken-and-written" / "input", "--lang", "zh")
    assert result.exit_code == 0
    assert "履行职责事项" in result.output
    assert "各辖区事项类型" not in result.output
    with_items = dlists("stats", CATALOGS / "xunyang", "--lang", "zh")
    assert "各辖区事项类型" in with_items.output
