"""An entry whose `source` points nowhere (DL201 for an item, DL311 for a duty entry) is counted where it is listed
by every command and flagged, never dropped: `stats`, `duties` and `reconcile` give a township the same count of
items and of duty entries (spec §4, §5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REGION = """region:
  code: "100001"
  name: 样例县
  level: county
  children:
    - {code: "100001101", name: 甲镇, level: township}
departments:
  - {name: 样例县林业局, short: 林业局}
"""
COUNTY = """list: {jurisdiction: "100001", level: county}
items:
  - code: "100001-CF-0001"
    name: 对擅自改变林地用途的处罚
    kind: penalty
    department: 林业局
    legal_basis: [《中华人民共和国森林法》第七十三条]
    delegation: {mode: entrust, to: all, basis: 样政发〔2023〕8号}
"""
GUIDE = """list: {jurisdiction: "100001", level: county, guide: true, title: 样例县乡镇履行职责事项指导目录}
duties:
  - code: "100001-ZD-001"
    name: 森林防灭火
    part: cooperate
    domain: 平安建设
    lead: 林业局
    lead_duty: 负责森林防火监督管理
    duty: 开展防火宣传
"""
ITEMS = """list: {jurisdiction: "100001101", level: township}
items:
  - source: "100001-CF-0001"
    mode: entrust
  - source: "100001-CF-0099"
    mode: entrust
"""
DUTIES = """list: {jurisdiction: "100001101", level: township, title: 甲镇履行职责事项清单}
duties:
  - source: "100001-ZD-001"
  - source: "100001-ZD-099"
  - code: "100001101-JB-001"
    name: 宣传贯彻党的路线方针政策
    part: basic
    domain: 党的建设
    basis: [《中国共产党农村基层组织工作条例》]
"""


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    for name, text in (("region.yaml", REGION), ("county.yaml", COUNTY), ("guide.yaml", GUIDE),
                       ("town/items.yaml", ITEMS), ("town/duties.yaml", DUTIES)):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _json(dlists, *args: object) -> dict:  # type: ignore[no-untyped-def, type-arg]
    result = dlists(*args, "-f", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_catalog_has_one_unknown_source_of_each(dlists, catalog):  # type: ignore[no-untyped-def]
    codes = [p["code"] for p in _json(dlists, "validate", catalog)["problems"]]
    assert sorted(codes) == ["DL201", "DL311"]


def test_every_command_counts_the_same_duty_entries(dlists, catalog):  # type: ignore[no-untyped-def]
    """The entry taking 100001-ZD-099 (no such guide entry) has no part: counted as 来源不明, in the total."""
    want = {"basic": 1, "cooperate": 1, "recalled": 0, "unresolved": 1, "total": 3}
    assert _json(dlists, "stats", catalog)["duties"]["100001101"] == want
    township = _json(dlists, "duties", catalog)["townships"][0]
    assert {k: township[k] for k in want} == want
    child = _json(dlists, "reconcile", catalog)["children"][0]
    assert child["duties"]["entries"] == 3


def test_every_command_counts_the_same_items(dlists, catalog):  # type: ignore[no-untyped-def]
    """The item taking 100001-CF-0099 is counted in the township's total and mode, flagged as unresolved, under
    no invented department."""
    row = next(r for r in _json(dlists, "stats", catalog)["jurisdictions"] if r["jurisdiction"] == "100001101")
    assert (row["total"], row["unresolved"]) == (2, 1)
    assert row["kinds"] == {"penalty": 1, "?": 1} and row["departments"] == {"样例县林业局": 1, "?": 1}
    assert row["modes"]["entrust"]["items"] == 2 and row["modes"]["entrust"]["departments"] == 1
    child = _json(dlists, "reconcile", catalog)["children"][0]
    listed = len(child["matched"]) + len(child["mode_mismatch"]) + len(child["unbacked"]) + len(child["own"])
    assert listed == row["total"]
    assert [u["source"] for u in child["unbacked"]] == ["100001-CF-0099"]


def test_the_tables_flag_what_is_not_resolved(dlists, catalog):  # type: ignore[no-untyped-def]
    text = dlists("--lang", "zh", "stats", catalog).stdout
    assert "其中来源不明" in text and "来源不明" in text.split("履行职责事项")[1]
    assert "委托 2 项，涉及 1 个部门，其中行政许可 0 项；来源不明 1 项（source 不是上级清单中的事项，见 DL201）" in text
    duties = dlists("--lang", "zh", "duties", catalog, "-f", "markdown").stdout
    assert "| 辖区 | 代码 | 基本履职 | 配合履职 | 上级部门收回 | 来源不明 | 合计 |" in duties
    assert "| 甲镇 | 100001101 | 1 | 1 | 0 | 1 | 3 |" in duties
    markdown = dlists("--lang", "zh", "stats", catalog, "-f", "markdown").stdout
    assert "| 100001101 | 甲镇 | 乡镇级 | 1 | 1 | 2 |" in markdown


def test_a_clean_catalog_shows_no_unresolved_column(dlists, catalog):  # type: ignore[no-untyped-def]
    (catalog / "town" / "items.yaml").write_text(ITEMS.split("  - source: \"100001-CF-0099\"")[0], encoding="utf-8")
    (catalog / "town" / "duties.yaml").write_text(DUTIES.replace('  - source: "100001-ZD-099"\n', ""), encoding="utf-8")
    text = dlists("--lang", "zh", "stats", catalog).stdout
    assert "来源不明" not in text
    assert _json(dlists, "stats", catalog)["duties"]["100001101"]["unresolved"] == 0
