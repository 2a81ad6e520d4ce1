"""Value slips an analyst makes, planted one at a time in a copy of the examples: one problem each, naming the
value meant, no flood of DL201/DL202 in the townships that take the item on, and the problem planted after it
still found. Time limits as published lists write them are accepted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CATALOGS
from delegation_lists.catalog import load_catalog
from test_slips import COUNTY, _copy, _replace, planted

LVHE = "townships/lvhe.yaml"
#: (name, file, line, as written, with the slip, the expected code, a fragment per language)
MEANT = [
    ("kind misspelt", COUNTY, 10, "    kind: licensing", "    kind: confirmaton", "DL012", "confirmation"),
    ("mode misspelt in Chinese", COUNTY, 16, "      mode: entrust", "      mode: 委拖", "DL012", "entrust"),
    ("mode misspelt", COUNTY, 16, "      mode: entrust", "      mode: entrst", "DL012", "entrust"),
    ("days not a number", COUNTY, 13, "    statutory_days: 20", "    statutory_days: 二十天", "DL012", "20个工作日"),
    ("department without the county", COUNTY, 11, "    department: 市场监管局", "    department: 市场监督管理局", "DL105",
     "旬阳市市场监督管理局"),
    ("township misspelt", COUNTY, 17, "      to: [吕河镇, 赵湾镇, 城关街道, 蜀河镇]", "      to: [吕合镇, 赵湾镇, 城关街道, 蜀河镇]",
     "DL107", "吕河镇"),
    ("field by its Chinese column name", COUNTY, 14, "    promised_days: 10", "    承诺时限: 10", "DL010", "promised_days"),
    ("field misspelt", COUNTY, 14, "    promised_days: 10", "    promise_days: 10", "DL010", "promised_days"),
    ("source code padding", LVHE, 8, '  - source: "610928-XK-0001"', '  - source: "610928-XK-001"', "DL201",
     "610928-XK-0001"),
]


@pytest.mark.parametrize("name,file,line,old,new,code,fragment", MEANT, ids=[m[0] for m in MEANT])
def test_one_slip_one_problem_naming_the_meant_value(dlists, tmp_path: Path, name: str, file: str, line: int,
                                                     old: str, new: str, code: str, fragment: str) -> None:
    root = _copy(tmp_path)
    _replace(root / file, line, old, new)
    for lang in ("zh", "en"):
        result = dlists("validate", root, "--format", "json", "--lang", lang)
        problems = planted(json.loads(result.stdout)["problems"])
        slips = [p for p in problems if (p["code"], p["line"]) != ("DL103", 26)]
        assert [(p["code"], p["file"].endswith(file), p["line"]) for p in slips] == [(code, True, line)], problems
        assert fragment in slips[0]["message"]
        assert len(problems) == 2  # and the planted DL103


@pytest.mark.parametrize("written", ["20个工作日", "20日", "20天", "20 个工作日内", "２０个工作日"])
def test_time_limits_as_lists_write_them(dlists, tmp_path: Path, written: str) -> None:
    root = _copy(tmp_path)
    _replace(root / COUNTY, 13, "    statutory_days: 20", f"    statutory_days: {written}")
    result = dlists("validate", root, "--format", "json")
    assert [p["code"] for p in planted(json.loads(result.stdout)["problems"])] == ["DL103"]


def test_on_the_spot_is_zero_days(dlists, tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _replace(root / COUNTY, 14, "    promised_days: 10", "    promised_days: 即办")
    cat, broken = load_catalog([root])
    assert broken == 0
    item = next(e.item for e in cat.entries if e.code == "610928-XK-0001")
    assert item.promised_days == 0


def test_a_file_that_does_not_parse_floods_nobody(dlists, tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _replace(root / COUNTY, 14, "    promised_days: 10", "    promised_days: 10\n  bad: [")
    problems = planted(json.loads(dlists("validate", root, "--format", "json").stdout)["problems"])
    assert [p["code"] for p in problems] == ["DL001"], problems


def test_a_gbk_county_file_is_one_problem_and_the_hint_works(dlists, tmp_path: Path) -> None:
    root = _copy(tmp_path)
    county = root / COUNTY
    _replace(county, 26, "    promised_days: 30", "    promised_days: 7")  # (no planted problem here)
    county.write_bytes(county.read_text(encoding="utf-8").encode("gb18030"))
    result = dlists("validate", root, "--format", "json", "--lang", "zh")
    problems = planted(json.loads(result.stdout)["problems"])
    assert [p["code"] for p in problems] == ["DL003"], problems  # no DL201 in the townships taking its items on
    assert "--encoding gbk" in problems[0]["message"]
    assert dlists("validate", root, "--encoding", "gbk").exit_code == 0  # the UTF-8 files are still read as UTF-8


def test_the_other_half_of_a_duplicate_is_located(dlists, tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _replace(root / COUNTY, 20, '  - code: "610928-XK-0002"', '  - code: "610928-XK-0001"')
    _replace(root / COUNTY, 16, "      mode: entrust", "      mode: entrust\n      mode: grant")
    problems = planted(json.loads(dlists("validate", root, "--format", "json", "--lang", "en").stdout)["problems"])
    dup_key = next(p for p in problems if p["code"] == "DL002")
    assert dup_key["line"] == 17 and "line 16" in dup_key["message"]
    assert dup_key["related"][0]["line"] == 16
    dup_code = next(p for p in problems if p["code"] == "DL101")
    assert dup_code["line"] == 21 and "line 8" in dup_code["message"]
    assert dup_code["related"] == [{"file": dup_code["file"], "line": 8, "column": 11, "path": "items[0].code"}]
    sarif = json.loads(dlists("validate", root, "--format", "sarif").stdout)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "DL101")
    assert result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 8


@pytest.mark.parametrize("written,found", [("赵湾镇", "610928104"), ("赵湾", "610928104"), ("城关", "610928001")])
def test_a_jurisdiction_by_a_short_name(dlists, written: str, found: str) -> None:
    result = dlists("stats", CATALOGS / "xunyang", "-j", written, "--format", "json")
    assert result.exit_code == 0, result.output
    assert [r["jurisdiction"] for r in json.loads(result.stdout)["jurisdictions"]] == [found]


def test_a_name_that_means_several_lists_them(dlists) -> None:
    result = dlists("stats", CATALOGS / "xunyang", "-j", "河镇", "--lang", "zh")
    assert result.exit_code == 2
    assert "吕河镇（610928102）" in result.output and "蜀河镇（610928106）" in result.output


def test_validate_jobs_is_not_j(dlists) -> None:
    assert dlists("validate", CATALOGS / "xunyang", "-J", "1").exit_code == 0
    assert dlists("validate", CATALOGS / "xunyang", "-j", "1").exit_code == 2
