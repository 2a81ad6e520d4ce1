"""Adjustment records against the diff (spec §6): the hand-made pair of versions in tests/diff-cases/records.

Old -> new: the county withdraws 100001-CF-0021 from 甲镇 (recorded, with 甲镇's entry it orphans), changes the
legal basis of 100001-XK-0002 (recorded), adds 100001-XK-0200 (recorded), removes 100001-QT-0009 (nobody
recorded it), and a record removes 100001-CF-0030, which is still there.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from delegation_lists.diff import diff, load_sides
from delegation_lists.diff.facts import Fact
from delegation_lists.diff.records import check_records, covers
from delegation_lists.model.adjustments import AdjustmentChange

PAIR = Path(__file__).parent / "diff-cases" / "records"


def test_exactly_the_unrecorded_removal_and_the_unmatched_record(dlists):
    result = dlists("diff", PAIR / "old", PAIR / "new", "-f", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)["records"]
    assert records["unrecorded"] == [{"type": "removed", "jurisdiction": "100001", "item": "100001-QT-0009", "name": "林木采伐情况统计"}]
    assert [(m["id"], m["action"], m["item"], m["reason"]) for m in records["unmatched"]] == [
        ("2025-003", "remove", "100001-CF-0030", "no_difference")]
    covered = {(c["type"], c["item"], c.get("target")): c["record"] for c in records["covered"]}
    assert covered == {
        ("withdrawn", "100001-CF-0021", "100001101"): "2025-001",
        ("removed", "100001101-CF-001", None): "2025-001",  # the township entry the withdrawal orphans
        ("changed", "100001-XK-0002", None): "2025-002",
        ("added", "100001-XK-0200", None): "2025-002",
    }


def test_exit_code_is_the_gate(dlists):
    assert dlists("diff", PAIR / "old", PAIR / "new").exit_code == 0
    gated = dlists("diff", PAIR / "old", PAIR / "new", "--exit-code", "--lang", "zh")
    assert gated.exit_code == 1
    assert "1 项变化没有经审定的调整记录，1 条记录没有对应的变化" in gated.stderr
    assert dlists("diff", PAIR / "old", PAIR / "new", "--records", "require").exit_code == 1
    off = dlists("diff", PAIR / "old", PAIR / "new", "--records", "off", "-f", "json")
    assert "records" not in json.loads(off.stdout)
    assert dlists("diff", PAIR / "old", PAIR / "new", "--records", "nope").exit_code == 2


def test_text_and_markdown_show_both_lists_first(dlists):
    text = dlists("diff", PAIR / "old", PAIR / "new", "--lang", "zh").stdout
    first = text.splitlines()[:3]
    assert first[0].startswith("调整记录核对：1 项变化没有调整记录")
    assert "取消：样例县 林木采伐情况统计 (100001-QT-0009)" in first[1]
    assert "2025-003 取消 对无证采伐林木的处罚 (100001-CF-0030)：两个版本之间没有这项变化" in first[2]
    md = dlists("diff", PAIR / "old", PAIR / "new", "-f", "markdown", "--lang", "zh").stdout
    assert md.index("调整记录核对") < md.index("| 样例县 | 1 |")


def test_adjustment_table_row_carries_the_basis(dlists, tmp_path):
    out = tmp_path / "diff.xlsx"
    assert dlists("diff", PAIR / "old", PAIR / "new", "-f", "xlsx", "-o", out).exit_code == 0
    ws = load_workbook(out)["调整对照表"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[1] == ["序号", "辖区", "事项编码", "事项名称", "调整类型", "调整前", "调整后", "调整依据", "调整理由"]
    by_item = {(r[2], r[4]): r for r in rows[2:]}
    withdrawal = by_item[("100001-CF-0021", "收回")]
    assert withdrawal[5:9] == ["下放给甲镇", "收回，甲镇不再实施", "样编办发〔2025〕1号", "《森林法》修订后甲镇无执法力量，收回县林业局实施"]
    assert by_item[("100001-QT-0009", "取消")][7] == "无调整记录（未经审定）"
    assert by_item[("100001-XK-0002", "变更")][5].startswith("设定依据：")
    assert ("100001101-CF-001", "取消") not in by_item  # the township entry is told by the withdrawal's row
    assert len(rows) == 2 + 4


def test_record_drafts_what_makes_the_diff_clean(dlists, tmp_path):
    pair = tmp_path / "pair"
    shutil.copytree(PAIR, pair)
    target = pair / "new" / "adjustments.yaml"
    before = target.read_text(encoding="utf-8")
    done = dlists("record", pair / "old", pair / "new", "-o", target, "--date", "2025-03-01")
    assert done.exit_code == 0, done.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith(before)
    draft = text[len(before):]
    assert '- id: "2025-004"' in draft and '{action: remove, item: "100001-QT-0009"}' in draft
    # unfilled, the draft decides nothing yet: the change stays unrecorded, naming the draft
    pending = json.loads(dlists("diff", pair / "old", pair / "new", "-f", "json").stdout)["records"]
    assert pending["unrecorded"][0]["drafts"] == ["2025-004"]
    assert dlists("validate", pair / "new", "--as-of", "2025-06-01").exit_code == 1  # DL401 until basis is written
    filled = draft.replace("  basis:   # 审定文号（待填写），如 某编办发〔2025〕1号", "  basis: 样编办发〔2025〕4号")
    filled = filled.replace("  reason:   # 调整理由（待填写）", "  reason: 统计事项取消")
    unmatched_gone = before.replace('      - {action: remove, item: "100001-CF-0030"}\n', '      - {action: change, item: "100001-XK-0002"}\n')
    target.write_text(unmatched_gone + filled, encoding="utf-8")
    assert dlists("diff", pair / "old", pair / "new", "--exit-code").exit_code == 0
    assert dlists("validate", pair / "new", "--as-of", "2025-06-01").exit_code == 0
    assert dlists("record", pair / "old", pair / "new", "-o", target).exit_code == 0
    assert target.read_text(encoding="utf-8") == unmatched_gone + filled  # nothing left to draft: unchanged


def test_record_never_overwrites_another_file(dlists, tmp_path):
    pair = tmp_path / "pair"
    shutil.copytree(PAIR, pair)
    county = pair / "new" / "county.yaml"
    was = county.read_bytes()
    refused = dlists("record", pair / "old", pair / "new", "-o", county)
    assert refused.exit_code == 2 and "adjustments" in refused.output
    assert county.read_bytes() == was
    fresh = pair / "new" / "adjustments-2026.yaml"
    assert dlists("record", pair / "old", pair / "new", "-o", fresh).exit_code == 0
    assert fresh.read_text(encoding="utf-8").startswith("adjustments:\n  - id: ")


@pytest.mark.parametrize(("change", "fact", "expected"), [
    ({"action": "delegate", "item": "C-1", "mode": "entrust"},
     Fact("mode_changed", "100001", "C-1", target="100001101", mode="entrust", old_mode="grant"), True),
    ({"action": "delegate", "item": "C-1", "mode": "grant"},
     Fact("mode_changed", "100001", "C-1", target="100001101", mode="entrust"), False),
    ({"action": "delegate", "item": "C-1", "to": ["甲镇"]}, Fact("added", "100001101", "T-1", source="C-1"), True),
    ({"action": "delegate", "item": "C-1", "to": ["乙镇"]}, Fact("added", "100001101", "T-1", source="C-1"), False),
    ({"action": "rename", "item": "C-2", "old": "C-1"}, Fact("renamed", "100001", "C-2", old_item="C-1"), True),
    ({"action": "rename", "item": "C-2", "old": "C-9"}, Fact("renamed", "100001", "C-2", old_item="C-1"), False),
    ({"action": "变更", "item": "C-1", "fields": ["legal_basis"]}, Fact("changed", "100001", "C-1", field="legal_basis[0]"), True),
    ({"action": "change", "item": "C-1", "fields": ["name"]}, Fact("changed", "100001", "C-1", field="legal_basis"), False),
    ({"action": "remove", "item": "C-1"}, Fact("changed", "100001", "C-1", field="status"), True),
    ({"action": "收回", "item": "C-1", "from": "all"}, Fact("withdrawn", "100001", "C-1", target="100001102"), True),
    # a township entry written `source: C-1` alone has the code C-1 too: still the entry the decision brings
    ({"action": "withdraw", "item": "C-1", "from": ["甲镇"]}, Fact("removed", "100001101", "C-1", source="C-1"), True),
    ({"action": "withdraw", "item": "C-1", "from": ["乙镇"]}, Fact("removed", "100001101", "C-1", source="C-1"), False),
    ({"action": "delegate", "item": "C-1", "to": ["甲镇"]}, Fact("added", "100001101", "C-1", source="C-1"), True),
    ({"action": "delegate", "item": "C-1", "to": ["乙镇"]}, Fact("added", "100001101", "C-1", source="C-1"), False),
    ({"action": "withdraw", "item": "C-1", "jurisdiction": "100001"}, Fact("removed", "100001101", "C-1", source="C-1"), True),
])
def test_what_a_change_covers(change, fact, expected):  # type: ignore[no-untyped-def]
    assert covers(AdjustmentChange.model_validate(change), fact, {"甲镇": "100001101", "乙镇": "100001102"}) is expected


def test_records_read_through_the_parse_cache(tmp_path):
    """The records survive the cache: a second load (from the cache) checks the same."""
    first = check_records(diff(*load_sides([str(PAIR / "old"), str(PAIR / "new")], cache=tmp_path)), *load_sides(
        [str(PAIR / "old"), str(PAIR / "new")], cache=tmp_path))
    sides = load_sides([str(PAIR / "old"), str(PAIR / "new")], cache=tmp_path)
    again = check_records(diff(*sides), *sides)
    assert [u.fact for u in again.unrecorded] == [u.fact for u in first.unrecorded]
    assert len(sides[1].records) == 3


def test_a_record_without_basis_is_reported_where_the_basis_goes(dlists, tmp_path):  # type: ignore[no-untyped-def]
    """DL401 points where the analyst writes the document number: the `basis:` left empty (as `dlists record`
    drafts it), else the record itself (its first key after `- `, as DL104 a missing legal basis of an item),
    never the record's id value."""
    (tmp_path / "adjustments.yaml").write_text(
        'adjustments:\n'
        '  - id: "2025-001"\n'          # line 2: no basis at all
        '    date: 2025-01-10\n'
        '    changes:\n'
        '      - {action: add, item: "C-1"}\n'
        '  - id: "2025-002"\n'
        '    date: 2025-01-10\n'
        '    basis:   # 审定文号（待填写）\n'  # line 8: drafted, left empty
        '    changes:\n'
        '      - {action: add, item: "C-2"}\n'
        '  -\n'
        '    id: "2025-003"\n'          # line 12: the record's first key below its `-`
        '    date: 2025-01-10\n'
        '    changes: [{action: add, item: "C-3"}]\n'
        '  - {id: "2025-004", date: 2025-01-10, changes: [{action: add, item: "C-4"}]}\n', encoding="utf-8")
    result = dlists("validate", tmp_path, "--as-of", "2025-06-01", "-f", "json")
    found = [(p["line"], p["column"], p["path"]) for p in json.loads(result.stdout)["problems"] if p["code"] == "DL401"]
    assert found == [(2, 5, "adjustments[0]"), (8, 5, "adjustments[1].basis"), (12, 5, "adjustments[2]"),
                     (15, 5, "adjustments[3]")]
