"""Duty entries placed in another part between two versions (spec §6 `move`): the hand-made pair in
tests/diff-cases/duty-moves.

Old -> new: the county guide moves 汛期地质灾害巡查 (100001-PH-009) from 配合 to 收回 (recorded; 甲镇 and 乙镇 take
it with `source` and move with it); 甲镇 moves its own 村级便民服务站管理 from 基本 to 配合 (nobody recorded it); a
record moves 森林防灭火 (100001-PH-010), which did not move.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from openpyxl import load_workbook

PAIR = Path(__file__).parent / "diff-cases" / "duty-moves"


def _records(dlists, old: Path, new: Path) -> dict:  # type: ignore[no-untyped-def, type-arg]
    result = dlists("diff", old, new, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["records"]  # type: ignore[no-any-return]


def test_moves_are_compared_and_checked(dlists):
    records = _records(dlists, PAIR / "old", PAIR / "new")
    assert records["unrecorded"] == [{"type": "part_moved", "jurisdiction": "100001101", "item": "100001101-JB-001",
                                      "name": "村级便民服务站管理", "part": "cooperate", "old_part": "basic"}]
    assert [(m["id"], m["action"], m["item"], m["reason"]) for m in records["unmatched"]] == [
        ("2025-004", "move", "100001-PH-010", "no_difference")]
    # the guide entry's move covers the townships' entries that take it on
    assert sorted((c["jurisdiction"], c["item"], c["record"]) for c in records["covered"]) == [
        ("100001", "100001-PH-009", "2025-004"), ("100001101", "100001-PH-009", "2025-004"),
        ("100001102", "100001-PH-009", "2025-004")]
    assert dlists("diff", PAIR / "old", PAIR / "new", "--exit-code").exit_code == 1


def test_moves_shown_in_every_format(dlists, tmp_path):
    text = dlists("diff", PAIR / "old", PAIR / "new", "--lang", "zh").stdout
    assert "✗ 调整类别 基本履职事项 → 配合履职事项：甲镇 村级便民服务站管理 (100001101-JB-001)" in text
    assert "调整类别 乙镇 汛期地质灾害巡查 (100001-PH-009) 配合履职事项 → 上级部门收回事项  yi.yaml:3" in text
    md = dlists("diff", PAIR / "old", PAIR / "new", "-f", "markdown", "--lang", "zh").stdout
    assert "**履职事项调整类别（4 项）**" in md and "| 甲镇 | 100001101-JB-001 | 村级便民服务站管理 | 基本履职事项 | 配合履职事项 | jia.yaml:5 |" in md
    out = tmp_path / "diff.xlsx"
    assert dlists("diff", PAIR / "old", PAIR / "new", "-f", "xlsx", "-o", out).exit_code == 0
    rows = [[c.value for c in r] for r in load_workbook(out)["调整对照表"].iter_rows()][2:]
    assert [(r[1], r[2], r[4], r[5], r[6], r[7]) for r in rows] == [
        ("样例县", "100001-PH-009", "调整类别", "配合履职事项", "上级部门收回事项", "样编办发〔2025〕4号"),
        ("甲镇", "100001101-JB-001", "调整类别", "基本履职事项", "配合履职事项", "无调整记录（未经审定）"),
    ]  # the townships' entries moving with the guide are told by the guide's row


def test_a_move_of_a_duty_nobody_has(dlists, tmp_path):
    pair = tmp_path / "pair"
    shutil.copytree(PAIR, pair)
    records = pair / "new" / "adjustments.yaml"
    records.write_text(records.read_text(encoding="utf-8").replace("100001-PH-010", "100001-PH-999"), encoding="utf-8")
    unmatched = _records(dlists, pair / "old", pair / "new")["unmatched"]
    assert [(m["item"], m["reason"]) for m in unmatched] == [("100001-PH-999", "unknown_item")]


def test_record_drafts_the_move(dlists, tmp_path):
    pair = tmp_path / "pair"
    shutil.copytree(PAIR, pair)
    target = pair / "new" / "adjustments.yaml"
    before = target.read_text(encoding="utf-8")
    assert dlists("record", pair / "old", pair / "new", "-o", target, "--date", "2025-04-01").exit_code == 0
    draft = target.read_text(encoding="utf-8")[len(before):]
    assert '{action: move, duty: "100001101-JB-001", part: "cooperate"}' in draft
    assert "甲镇 村级便民服务站管理：调整类别 基本履职事项 → 配合履职事项" in draft
    filled = target.read_text(encoding="utf-8").replace("  basis:   #", "  basis: 样编办发〔2025〕5号  #").replace(
        "  reason:   #", "  reason: 便民服务站由自然资源所牵头  #")
    target.write_text(filled, encoding="utf-8")
    records = _records(dlists, pair / "old", pair / "new")
    assert records["unrecorded"] == [] and len(records["unmatched"]) == 1  # PH-010's record still matches nothing
