"""更名 records (spec §6): a rename records a change of the item's name (its code kept, no `old`), a change of
its code (from `old`), or both at once; a rename that matches neither is unmatched.

The pair is tests/diff-cases/records with, in the new version: 100001-CF-0030 renamed in place (对无证采伐林木的处罚
-> 对无证采伐林木的行政处罚), and 100001-QT-0009 林木采伐情况统计 given a new code and a name too far from the old one
for the diff to pair them by itself (100001-QT-0010 森林采伐限额执行情况年度报告).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from delegation_lists.diff.facts import Fact
from delegation_lists.diff.records import covers
from delegation_lists.model.adjustments import AdjustmentChange

PAIR = Path(__file__).parent / "diff-cases" / "records"

RECORDS = """adjustments:
  - id: "2025-001"
    date: 2025-01-10
    basis: 样编办发〔2025〕1号
    reason: 《森林法》修订后甲镇无执法力量，收回县林业局实施
    changes:
      - {action: withdraw, item: "100001-CF-0021", from: [甲镇]}
  - id: "2025-002"
    date: 2025-02-01
    basis: 样编办发〔2025〕2号
    reason: 《食品经营许可和备案管理办法》施行
    changes:
      - {action: change, item: "100001-XK-0002", fields: [legal_basis]}
      - {action: add, item: "100001-XK-0200"}
  - id: "2025-003"
    date: 2025-02-01
    basis: 样编办发〔2025〕3号
    reason: 规范事项名称
    changes:
      - {action: 更名, item: "100001-CF-0030"}
      - {action: 更名, item: "100001-QT-0010", old: "100001-QT-0009"}
"""


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    out = tmp_path / "pair"
    shutil.copytree(PAIR, out)
    county = out / "new" / "county.yaml"
    text = county.read_text(encoding="utf-8").replace("name: 对无证采伐林木的处罚", "name: 对无证采伐林木的行政处罚")
    text += ('  - code: "100001-QT-0010"\n    name: 森林采伐限额执行情况年度报告\n    kind: other\n    department: 林业局\n'
             '    legal_basis: [《森林法》第五十六条]\n')
    county.write_text(text, encoding="utf-8")
    (out / "new" / "adjustments.yaml").write_text(RECORDS, encoding="utf-8")
    return out


def _records(dlists, pair: Path, *more: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    result = dlists("diff", pair / "old", pair / "new", "-f", "json", *more)
    return {"exit": result.exit_code, **json.loads(result.stdout)["records"]}


def test_a_name_change_and_a_code_and_name_change_recorded_by_rename(dlists, pair):  # type: ignore[no-untyped-def]
    records = _records(dlists, pair, "--records", "require")
    assert records["unrecorded"] == [] and records["unmatched"] == []
    assert records["exit"] == 0
    covered = {(c["type"], c["item"], c.get("field"), c.get("old_item")): c["record"] for c in records["covered"]}
    assert covered[("changed", "100001-CF-0030", "name", None)] == "2025-003"
    # the record pairs what the diff could not: one 更名, not a removal and an addition
    assert covered[("renamed", "100001-QT-0010", None, "100001-QT-0009")] == "2025-003"
    assert not any(item in ("100001-QT-0009", "100001-QT-0010") and kind in ("added", "removed")
                   for kind, item, _, _ in covered)


def test_a_rename_with_no_difference_is_unmatched(dlists, pair):  # type: ignore[no-untyped-def]
    adjustments = pair / "new" / "adjustments.yaml"
    adjustments.write_text(RECORDS + '      - {action: 更名, item: "100001-XK-0002"}\n', encoding="utf-8")
    records = _records(dlists, pair, "--records", "require")
    assert [(m["id"], m["action"], m["item"], m["reason"]) for m in records["unmatched"]] == [
        ("2025-003", "rename", "100001-XK-0002", "no_difference")]
    assert records["exit"] == 1


def test_a_rename_without_old_is_no_problem(dlists, pair):  # type: ignore[no-untyped-def]
    checked = dlists("validate", pair / "new", "--as-of", "2025-06-01", "-f", "json")
    assert "DL404" not in checked.stdout, checked.stdout


def test_an_unrecorded_rename_is_not_paired_by_a_record_of_another_item(dlists, pair):  # type: ignore[no-untyped-def]
    adjustments = pair / "new" / "adjustments.yaml"
    adjustments.write_text(RECORDS.replace('old: "100001-QT-0009"', 'old: "100001-QT-0001"'), encoding="utf-8")
    records = _records(dlists, pair)
    assert {(u["type"], u["item"]) for u in records["unrecorded"]} == {("removed", "100001-QT-0009"), ("added", "100001-QT-0010")}
    assert [(m["action"], m["item"]) for m in records["unmatched"]] == [("rename", "100001-QT-0010")]


@pytest.mark.parametrize(("change", "fact", "expected"), [
    ({"action": "更名", "item": "C-1"}, Fact("changed", "100001", "C-1", field="name"), True),
    ({"action": "rename", "item": "C-1"}, Fact("changed", "100001", "C-1", field="legal_basis"), False),
    ({"action": "rename", "item": "C-1", "jurisdiction": "100002"}, Fact("changed", "100001", "C-1", field="name"), False),
    ({"action": "rename", "item": "C-2", "old": "C-1"}, Fact("changed", "100001", "C-2", field="name"), True),
    ({"action": "rename", "item": "C-2", "old": "C-1"}, Fact("renamed", "100001", "C-2", old_item="C-1"), True),
    ({"action": "rename", "item": "C-2"}, Fact("renamed", "100001", "C-2", old_item="C-1"), True),
    # a duty's name is not compared yet: a rename naming a duty covers none of its facts
    ({"action": "更名", "duty": "D-1"}, Fact("part_moved", "100001101", "D-1", part="recalled", old_part="basic"), False),
    # a township entry taking C-1 on is not the item renamed
    ({"action": "rename", "item": "C-1"}, Fact("changed", "100001101", "T-1", field="name", source="C-1"), False),
])
def test_what_a_rename_covers(change, fact, expected):  # type: ignore[no-untyped-def]
    assert covers(AdjustmentChange.model_validate(change), fact, {}) is expected


def test_record_drafts_a_name_change_as_rename(dlists, pair):  # type: ignore[no-untyped-def]
    """`dlists record` drafts an unrecorded name change (same code) as 更名, as the 调整对照表 writes it, and names
    another changed field by its Chinese column name in the comment; the draft then covers the name change."""
    (pair / "new" / "adjustments.yaml").write_text(RECORDS.split("  - id: \"2025-003\"")[0], encoding="utf-8")
    county = pair / "new" / "county.yaml"
    text = county.read_text(encoding="utf-8")
    assert "penalty_types: [警告, 罚款]" in text
    county.write_text(text.replace("penalty_types: [警告, 罚款]", "penalty_types: [警告]", 1), encoding="utf-8")
    draft = dlists("record", pair / "old", pair / "new", "--date", "2025-03-01")
    lines = [line for line in draft.stdout.splitlines() if "100001-CF-0030" in line]
    assert lines and lines[0].strip().startswith('- {action: rename, item: "100001-CF-0030"}'), draft.stdout
    assert "：更名" in lines[0]
    assert "处罚种类（penalty_types）" in draft.stdout  # another field: named in Chinese in the comment


def test_a_recorded_rename_is_one_renamed_change_in_every_format(dlists, pair, tmp_path):  # type: ignore[no-untyped-def]
    """The removal and the addition a 更名 record pairs (names too far apart for the diff to pair them itself) are
    one 更名 in the change list of every format and in the counts, shown as a rename the diff finds is: old code
    -> new code, the new name, the name's change as a field."""
    from openpyxl import load_workbook

    data = json.loads(dlists("diff", pair / "old", pair / "new", "-f", "json").stdout)
    ours = [c for c in data["changes"] if {c["item"], c["old_item"]} & {"100001-QT-0009", "100001-QT-0010"}]
    assert [(c["type"], c["old_item"], c["item"], c["name"]) for c in ours] == [
        ("renamed", "100001-QT-0009", "100001-QT-0010", "森林采伐限额执行情况年度报告")]
    assert [(f["field"], f["old"], f["new"]) for f in ours[0]["fields"]] == [
        ("name", "林木采伐情况统计", "森林采伐限额执行情况年度报告")]
    summary = data["summary"]["by_jurisdiction"]["100001"]
    assert summary["renamed"] == 1 and summary["removed"] == 0 and summary["added"] == 1  # XK-0200 is added
    text = dlists("--lang", "zh", "diff", pair / "old", pair / "new").stdout
    assert "更名     样例县 森林采伐限额执行情况年度报告 (100001-QT-0009 → 100001-QT-0010)" in text
    assert "林木采伐情况统计 (100001-QT-0009)" not in text  # no 取消 line for the old code
    markdown = dlists("--lang", "zh", "diff", pair / "old", pair / "new", "-f", "markdown").stdout
    assert "| 更名 | 样例县 | 森林采伐限额执行情况年度报告 (100001-QT-0009 → 100001-QT-0010) |" in markdown
    assert "| 取消 | 样例县 | 林木采伐情况统计" not in markdown
    html = dlists("--lang", "zh", "diff", pair / "old", pair / "new", "-f", "html").stdout
    assert "100001-QT-0009 → 100001-QT-0010" in html
    out = tmp_path / "d.xlsx"
    assert dlists("--lang", "zh", "diff", pair / "old", pair / "new", "-f", "xlsx", "-o", out).exit_code == 0
    rows = list(load_workbook(out)["变更明细"].iter_rows(values_only=True))
    assert [r[:5] for r in rows if "100001-QT-0009" in r or "100001-QT-0010" in r] == [
        ("更名", "样例县", "100001-QT-0010", "森林采伐限额执行情况年度报告", "100001-QT-0009")]


def test_a_recorded_rename_pairs_only_what_it_names(dlists, pair):  # type: ignore[no-untyped-def]
    """A record naming another old code pairs nothing: the removal and the addition stay apart."""
    adjustments = pair / "new" / "adjustments.yaml"
    adjustments.write_text(RECORDS.replace('old: "100001-QT-0009"', 'old: "100001-QT-0001"'), encoding="utf-8")
    data = json.loads(dlists("diff", pair / "old", pair / "new", "-f", "json", "--records", "off").stdout)
    assert {(c["type"], c["item"]) for c in data["changes"] if "QT" in c["item"]} == {
        ("removed", "100001-QT-0009"), ("added", "100001-QT-0010")}


def test_a_recorded_rename_in_parts(pair):  # type: ignore[no-untyped-def]
    """Compared part by part (each jurisdiction its own part), the record pairs the same removal and addition."""
    from delegation_lists.diff import compare
    from delegation_lists.render.diff import to_json

    whole = compare(str(pair / "old"), str(pair / "new"), budget=10**9)
    parted = compare(str(pair / "old"), str(pair / "new"), jobs=1, budget=1)
    assert parted.parts > 1
    assert json.dumps(to_json(parted.result)) == json.dumps(to_json(whole.result))
    assert [(c.old_item, c.item) for c in parted.result.changes if c.type == "renamed"] == [("100001-QT-0009", "100001-QT-0010")]
