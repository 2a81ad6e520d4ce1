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
