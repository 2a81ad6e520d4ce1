"""What a Chinese analyst meets walking through the README (QA under LANG=zh_CN.UTF-8): the words of `laws`,
`import` and `export` on the example catalogs and on real lists."""

from __future__ import annotations

from conftest import ROOT

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
EN = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
FOREST = ROOT / "tests" / "data" / "laws-forest"


def test_an_article_nothing_cites_is_not_said_to_be_a_law_nothing_cites(dlists) -> None:  # type: ignore[no-untyped-def]
    """森林法 is cited by 8 entries, none of them in its 99th article: saying 没有事项引用《中华人民共和国森林法》 sends
    the analyst looking for a law that is cited everywhere."""
    result = dlists("laws", FOREST, "--law", "森林法", "--article", "九十九", env=ZH)
    assert result.exit_code == 0, result.output
    assert "没有事项引用《中华人民共和国森林法》第99条" in result.output, result.output
    english = dlists("laws", FOREST, "--law", "森林法", "--article", "99", env=EN)
    assert "nothing cites article 99 of 中华人民共和国森林法" in english.output, english.output


def test_a_law_nothing_cites_gets_its_did_you_mean_as_chinese_text(dlists) -> None:  # type: ignore[no-untyped-def]
    result = dlists("laws", FOREST, "--law", "森林发", env=ZH)
    assert "没有事项引用《森林发》；是不是《中华人民共和国森林法》？" in result.output, result.output


def test_rows_without_a_name_are_said_once_with_their_count(dlists, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The real 龙华区 list imported without its mapping (English keys: no 事项名称 column): 296 rows without a name
    were 296 lines of several lines each (the sub-districts of a row joined by line breaks); a problem many rows
    share is said once with its count (README), each row shown on one line."""
    from conftest import SHARED

    source = SHARED / "real-data" / "longhua-440309" / "items.json"
    result = dlists("import", source, "-j", "440309", "--name", "龙华区", "-o", tmp_path / "out",
                    env={**ZH, "COLUMNS": "1000"})
    assert result.exit_code == 2, result.output
    lines = result.output.splitlines()
    rows = [line for line in lines if "未导入: 没有事项名称：" in line or "未导入：没有事项名称：" in line]
    assert len(rows) == 3, result.output[:3000]
    assert "| 观湖街道办事处 民治街道办事处 龙华街道办事处" in rows[0], rows[0]
    assert "……另有 293 行同样未导入：没有事项名称" in result.output, result.output[-2000:]
    assert len(lines) < 12, result.output[:3000]
