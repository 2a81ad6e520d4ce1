"""`dlists reconcile`: each township's duty list against the powers it takes on (spec §4): recalled duties whose
item it still takes on (by `item:`, or by name), and delegated items it takes on that no duty lists."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from conftest import CASES

CASE = CASES / "duties-county" / "input"


@pytest.fixture()
def county(tmp_path: Path) -> Path:
    """The hand-made county: 甲镇 takes on the forest penalty its duty list says was recalled (by `item:`); 乙镇
    takes on the food penalty, which one of its recalled duties names without `item:`, and the food licence,
    which a cooperating duty lists by name; 甲镇 takes on the land penalty no duty lists."""
    root = tmp_path / "c"
    shutil.copytree(CASE, root)
    powers = root / "powers.yaml"
    powers.write_text(powers.read_text(encoding="utf-8") + """  - code: "100001-XK-0001"
    name: 食品经营许可
    kind: licensing
    department: 市场监管局
    legal_basis: [《中华人民共和国食品安全法》第三十五条]
    delegation: {mode: entrust, to: [乙镇], basis: 样政办发〔2023〕5号}
  - code: "100001-CF-0004"
    name: 对在禁止区域燃放烟花爆竹的行政处罚
    kind: penalty
    department: 公安局
    legal_basis: [《烟花爆竹安全管理条例》第四十二条]
    delegation: {mode: entrust, to: [甲镇], basis: 样政办发〔2023〕5号}
""", encoding="utf-8")
    jia = root / "townships" / "jia-powers.yaml"
    jia.write_text(jia.read_text(encoding="utf-8") + "  - source: \"100001-CF-0004\"\n    mode: entrust\n", encoding="utf-8")
    (root / "townships" / "yi-powers.yaml").write_text("""list: {jurisdiction: "100001102", level: township}
items:
  - source: "100001-CF-0002"
    mode: entrust
  - source: "100001-XK-0001"
    mode: entrust
""", encoding="utf-8")
    yi = root / "townships" / "yi.yaml"
    yi.write_text(yi.read_text(encoding="utf-8") + """  - code: "100001102-SH-002"
    name: 对未取得食品经营许可从事食品经营活动的处罚
    part: recalled
    taken_by: 市场监管局
    how: 县级部门直接实施
  - code: "100001102-PH-002"
    name: 协助办理食品经营许可
    part: cooperate
    lead: 市场监管局
    lead_duty: 负责食品经营许可
    duty: 代收申请材料
""", encoding="utf-8")
    return root


def test_recalled_still_taken_and_powers_without_a_duty(dlists, county: Path) -> None:
    result = dlists("reconcile", county, "-f", "json", "--exit-code")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    kids = {c["name"]: c["duties"] for c in data["children"]}
    assert kids["甲镇"]["recalled_still_taken"] == [
        {"duty": "100001101-SH-001", "name": "对违法占用林地的行政处罚", "item": "100001-CF-0001", "by": "item", "score": 1.0}]
    assert kids["甲镇"]["without_duty"] == ["100001-CF-0004"]  # 烟花爆竹: taken on, no duty lists it
    assert kids["甲镇"]["with_duty"] == 1  # the forest penalty: listed (as recalled)
    (by_name,) = kids["乙镇"]["recalled_still_taken"]
    assert (by_name["duty"], by_name["item"], by_name["by"]) == ("100001102-SH-002", "100001-CF-0002", "name")
    assert by_name["score"] >= 0.7
    assert kids["乙镇"]["without_duty"] == [] and kids["乙镇"]["with_duty"] == 2
    assert data["totals"]["recalled_still_taken"] == 2 and data["totals"]["without_duty"] == 1


def test_the_duty_check_in_text_markdown_html_and_xlsx(dlists, county: Path, tmp_path: Path) -> None:
    text = dlists("reconcile", county, "--lang", "zh").stdout
    assert "履职事项清单与承接事项对照" in text and "收回仍承接" in text and "承接无职责" in text
    assert "履职事项 对违法占用林地的行政处罚 (100001101-SH-001) 已列为上级部门收回（按 item 关联），却仍承接" in text
    md = dlists("reconcile", county, "-f", "markdown", "--lang", "zh").stdout
    assert "### 履职事项清单与承接事项对照" in md and "| 甲镇 | 100001101 |" in md
    html = dlists("reconcile", county, "-f", "html", "--lang", "zh").stdout
    assert "履职事项清单与承接事项对照" in html and "承接无职责" in html
    out = tmp_path / "r.xlsx"
    assert dlists("reconcile", county, "-f", "xlsx", "-o", out, "--lang", "zh").exit_code == 0
    book = openpyxl.load_workbook(out)
    rows = list(book["履职事项清单与承接事项对照"].iter_rows(values_only=True))
    assert rows[0] == ("上级", "下级", "代码", "履职事项", "收回仍承接", "承接有职责", "承接无职责")
    assert [r[1:] for r in rows[1:]] == [("甲镇", "100001101", 8, 1, 1, 1), ("乙镇", "100001102", 8, 1, 2, 0)]
    cats = [r[0] for r in book["甲镇"].iter_rows(values_only=True)]
    assert "收回仍承接" in cats and "承接无职责" in cats


def test_a_child_without_a_duty_list_has_no_duty_check(dlists, county: Path) -> None:
    for f in ("jia.yaml", "yi.yaml"):
        (county / "townships" / f).unlink()
    data = json.loads(dlists("reconcile", county, "-f", "json").stdout)
    assert [c["duties"] for c in data["children"]] == [None, None]
    assert "履职事项清单与承接事项对照" not in dlists("reconcile", county, "--lang", "zh").stdout
