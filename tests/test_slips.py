"""Input-method slips, planted one at a time in a copy of the examples: exactly one problem for the slip, at its
line, naming the character; the problem planted after it in the same file is still found; no DL201 flood."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len

from conftest import CATALOGS
from delegation_lists.load.yaml.slips import mend

COUNTY = "county/delegation.yaml"
#: (file, line, text as written, text with the slip, line of the slip, a fragment of its message)
SLIPS = [
    ("full-width colon", COUNTY, 14, "    promised_days: 10", "    promised_days：10", "U+FF1A"),
    ("full-width colon, space", COUNTY, 14, "    promised_days: 10", "    promised_days ： 10", "U+FF1A"),
    ("full-width colon on a list entry", COUNTY, 20, '  - code: "610928-XK-0002"', '  - code："610928-XK-0002"', "U+FF1A"),
    ("full-width colon before a mapping", COUNTY, 15, "    delegation:", "    delegation：", "U+FF1A"),
    ("full-width space indent", COUNTY, 14, "    promised_days: 10", "\u3000\u3000promised_days: 10", "U+3000"),
    ("mixed indent", COUNTY, 14, "    promised_days: 10", "  \u3000promised_days: 10", "U+3000"),
    ("tab indent", COUNTY, 14, "    promised_days: 10", "\tpromised_days: 10", "4"),
    ("full-width commas in to", COUNTY, 17, "      to: [吕河镇, 赵湾镇, 城关街道, 蜀河镇]",
     "      to: [吕河镇，赵湾镇，城关街道，蜀河镇]", "U+FF0C"),
    ("enumeration commas in to", COUNTY, 17, "      to: [吕河镇, 赵湾镇, 城关街道, 蜀河镇]",
     "      to: 吕河镇、赵湾镇、城关街道、蜀河镇", "U+3001"),
    ("full-width brackets", COUNTY, 17, "      to: [吕河镇, 赵湾镇, 城关街道, 蜀河镇]",
     "      to: ［吕河镇, 赵湾镇, 城关街道, 蜀河镇］", "U+FF3B"),
    ("Chinese closing quote", COUNTY, 9, "    name: 食品经营许可（仅销售预包装食品除外）",
     '    name: "食品经营许可（仅销售预包装食品除外）”', "U+201D"),
    ("quote left open", COUNTY, 9, "    name: 食品经营许可（仅销售预包装食品除外）",
     '    name: "食品经营许可（仅销售预包装食品除外）', '"'),
]


def planted(problems: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    """The problems of a run without the example's own warning (蜀河镇's draft duty choice, DL306)."""
    return [p for p in problems if p["code"] != "DL306"]


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "xunyang"
    shutil.copytree(CATALOGS / "xunyang", root)
    _replace(root / COUNTY, 26, "    promised_days: 7", "    promised_days: 30")  # the planted problem after it
    return root


def _replace(path: Path, line: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[line - 1] == old, lines[line - 1]
    lines[line - 1] = new
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("name,file,line,old,new,fragment", SLIPS, ids=[s[0] for s in SLIPS])
def test_one_slip_one_problem(dlists, tmp_path: Path, name: str, file: str, line: int, old: str, new: str,
                              fragment: str) -> None:
    root = _copy(tmp_path)
    _replace(root / file, line, old, new)
    for lang in ("zh", "en"):
        result = dlists("validate", root, "--format", "json", "--lang", lang)
        problems = planted(json.loads(result.stdout)["problems"])
        assert result.exit_code == 1
        slips = [p for p in problems if p["code"] != "DL103"]
        assert [(p["code"], p["file"].endswith(file), p["line"]) for p in slips] == [("DL001", True, line)], problems
        assert fragment in slips[0]["message"]
        assert [(p["code"], p["line"]) for p in problems if p["code"] == "DL103"] == [("DL103", 26)]


def test_the_caret_stands_under_the_slip_after_chinese_text(dlists, tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _replace(root / COUNTY, 9, "    name: 食品经营许可（仅销售预包装食品除外）", '    name: "食品经营许可（仅销售预包装食品除外）”')
    out = dlists("validate", root, "--lang", "zh").stdout.splitlines()
    at = next(i for i, text in enumerate(out) if "除外）”" in text)
    source, caret = out[at], out[at + 1]
    assert caret.index("^") == cell_len(source[: source.index("”")])  # a Chinese character takes two cells


def test_mending_keeps_every_line_and_leaves_block_text_alone() -> None:
    text = "list:\n  title：甲\nitems:\n  - code: a\n    notes: |\n      note：原文照录\n      　　第二段\n"
    mended = mend(text)
    assert mended.text.count("\n") == text.count("\n")
    assert [s.line for s in mended.slips] == [2]
    assert "note：原文照录" in mended.text and "　　第二段" in mended.text


def test_separators_in_coded_lists_only() -> None:
    text = ("items:\n  - penalty_types: [警告，罚款]\n    legal_basis: [《法》第三十五条、第三十六条]\n"
            "    waive: DL104、DL105\n")
    mended = mend(text)
    assert "penalty_types: [警告, 罚款]" in mended.text and "waive: [DL104, DL105]" in mended.text
    assert "第三十五条、第三十六条" in mended.text and [s.line for s in mended.slips] == [2, 4]


def test_chinese_locale_gives_chinese(dlists, tmp_path: Path) -> None:
    root = _copy(tmp_path)
    out = dlists("validate", root, "--no-source", env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""}).output
    assert "超过" in out or "承诺" in out, out
    assert "个错误" in out


def test_a_clean_file_is_not_mended() -> None:
    text = (CATALOGS / "xunyang" / COUNTY).read_text(encoding="utf-8")
    assert mend(text).slips == () and mend(text).text is text
