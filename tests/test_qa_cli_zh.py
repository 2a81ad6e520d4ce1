"""What a Chinese analyst meets on the command line (QA under LANG=zh_CN.UTF-8): options typed with an input
method's dashes, click's own words about a path, and help that reads as Chinese text at 80 and 120 columns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CATALOGS
from delegation_lists.cli.help_zh import HELP_ZH

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
EN = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}

#: punctuation a Chinese line never starts with, and never ends with (GB/T 15834 line breaking)
CLOSING = "，。、；：？！）》」』】〕”’…"
OPENING = "（《「『【〔“‘"


def _flat(text: str) -> str:
    return re.sub(r"[\s│╭╮╰╯─]+", "", text)


@pytest.mark.parametrize(("typed", "meant"), [
    ("－－format", "--format"),   # full-width hyphens (an input method in full-width mode)
    ("——format", "--format"),     # the Chinese dash: shift and minus under a Chinese input method
    ("—format", "--format"),      # one em dash (word processors join -- into one)
    ("－f", "-f"),
    ("－－ｆｏｒｍａｔ", "--format"),  # full-width letters too
    ("——formt", "--format"),      # and misspelt: the option meant
    ("--format＝json", "--format=json"),  # a full-width equals sign
    ("--format\u3000json", "--format json"),  # a full-width space: the shell does not split the word there
])
def test_an_option_typed_with_an_input_methods_dash_says_what_was_meant(dlists, typed: str, meant: str) -> None:  # type: ignore[no-untyped-def]
    result = dlists("validate", CATALOGS / "xunyang", typed, "json", env=ZH)
    assert result.exit_code == 2, result.output
    flat = _flat(result.output)
    assert _flat(f"是要写 {meant} 吗") in flat and _flat(typed) in flat, result.output
    assert "没有这个文件或文件夹" not in result.output and "Traceback" not in result.output
    english = dlists("validate", CATALOGS / "xunyang", typed, "json", env=EN)
    assert english.exit_code == 2 and f"did you mean {meant}?" in re.sub(r"[│\s]+", " ", english.output), english.output


def test_an_existing_file_named_with_a_dash_is_still_a_path(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "——草稿.yaml").write_text('list: {jurisdiction: "1"}\nitems: []\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = dlists("validate", "——草稿.yaml", env=ZH)
    assert "是要写" not in result.output, result.output


def test_a_dash_slip_of_a_root_option(dlists) -> None:  # type: ignore[no-untyped-def]
    result = dlists("——lang", "zh", "validate", CATALOGS / "xunyang", env=ZH)
    assert result.exit_code == 2 and "是要写 --lang 吗" in _flat(result.output).replace("是要写--lang吗", "是要写 --lang 吗"), result.output


@pytest.mark.parametrize(("args", "said"), [
    (["import", "/nope/清单.xlsx", "-o", "x"], "“/nope/清单.xlsx” 不存在"),
    (["import", str(CATALOGS), "-o", "x"], f"“{CATALOGS}” 是文件夹，应为文件"),
])
def test_clicks_words_about_a_path_said_in_chinese(dlists, args: list[str], said: str) -> None:  # type: ignore[no-untyped-def]
    result = dlists(*args, env=ZH)
    assert result.exit_code == 2, result.output
    assert _flat(said) in _flat(result.output), result.output
    assert "does not exist" not in result.output and "is a directory" not in result.output


def _broken_lines(output: str) -> list[str]:
    """Lines of help (each table cell's line on its own) that start with closing punctuation or end with
    opening punctuation."""
    bad = []
    for line in output.splitlines():
        for cell in re.split(r"\s{2,}|│", line):
            cell = cell.strip()
            if cell and (cell[0] in CLOSING or cell[-1] in OPENING):
                bad.append(line)
    return bad


@pytest.mark.parametrize("columns", ["80", "120"])
@pytest.mark.parametrize("name", ["validate", "diff", "record", "reconcile", "stats", "duties", "laws", "export", "import"])
def test_chinese_help_breaks_lines_as_chinese_text(dlists, name: str, columns: str) -> None:  # type: ignore[no-untyped-def]
    result = dlists(name, "--help", env={**ZH, "COLUMNS": columns})
    assert result.exit_code == 0, result.output
    assert not _broken_lines(result.output), "\n".join(_broken_lines(result.output))


def test_chinese_help_fills_its_lines(dlists) -> None:  # type: ignore[no-untyped-def]
    """A Chinese sentence goes on right after a Latin word (`YAML 写法`): not to the next line, leaving the line
    with one word."""
    result = dlists("validate", "--help", env={**ZH, "COLUMNS": "80"})
    assert "校验清单文件：YAML 写法" in result.output, result.output
    assert "text 格式：不在每个问题下显示" in result.output, result.output


def test_english_help_unchanged_by_the_chinese_line_breaking(dlists) -> None:  # type: ignore[no-untyped-def]
    result = dlists("validate", "--help", env={**EN, "COLUMNS": "80"})
    assert "Check catalog files: YAML, schema and every rule; report all problems sorted   \n by file and line." in result.output


def test_reconcile_help_names_the_categories_as_the_output_does() -> None:
    from delegation_lists.render.labels import LABELS

    english = next(k for k in HELP_ZH if k.startswith("Check the parent's delegations"))
    said = HELP_ZH[english]
    for key in ("matched", "mode_mismatch", "missing", "unbacked", "suggestions", "recalled_taken", "no_duty"):
        assert LABELS[key][0] in said, (key, LABELS[key][0])
    exit_help = HELP_ZH["Exit 1 when anything is missing, unbacked or mismatched, or a recalled duty's item is still taken on."]
    for key in ("missing", "unbacked", "mode_mismatch"):
        assert LABELS[key][0] in exit_help, (key, LABELS[key][0])


def test_a_value_starting_with_a_dash_is_left_alone(dlists) -> None:  # type: ignore[no-untyped-def]
    result = dlists("validate", "--exclude", "—drafts", CATALOGS / "xunyang", env=ZH)
    assert result.exit_code == 0, result.output


def test_a_line_led_by_error_or_note_takes_a_chinese_colon(dlists, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """错误：, 提示：, 未导入： as Chinese software writes them (git, gcc: 错误：), not 错误: (an English colon and a
    space inside Chinese text); English keeps `error: `."""
    result = dlists("validate", tmp_path / "没有", env=ZH)
    assert result.exit_code == 2 and result.output.startswith("错误：没有这个文件或文件夹"), result.output
    english = dlists("validate", tmp_path / "none", env=EN)
    assert english.output.startswith("error: no such file or folder"), english.output
    drafts = dlists("export", CATALOGS / "xunyang", "-o", tmp_path / "x.xlsx", env=ZH)
    assert "提示：未导出 1 份草案" in drafts.output, drafts.output


@pytest.mark.parametrize("columns", ["80", "120"])
def test_the_rules_table_shows_every_sentence_whole(dlists, columns: str) -> None:  # type: ignore[no-untyped-def]
    """`dlists rules` cut its Chinese descriptions with `…` where a sentence ran past two lines (rich's tables cut
    a word longer than the column, and a Chinese sentence is one word to it)."""
    from delegation_lists.cli.rules_cmd import _short_zh
    from delegation_lists.rules import RULES

    result = dlists("rules", env={**ZH, "COLUMNS": columns})
    assert result.exit_code == 0 and "…" not in result.output.replace("……", ""), result.output  # (…… its own)
    flat = _flat(result.output)
    for rule in RULES.values():
        assert _flat(_short_zh(rule.doc_zh)) in flat, rule.code
    assert not _broken_lines(result.output), _broken_lines(result.output)


def test_help_calls_a_kind_as_the_messages_do() -> None:
    """The kind of an item is 事项类型 in every message and label (公共服务 is no 权力); the help said 权力类型."""
    from delegation_lists.model.codes import FIELD_BY_KEY

    assert FIELD_BY_KEY["kind"].zh == "事项类型"
    assert not [zh for zh in HELP_ZH.values() if "权力类型" in zh]


def test_the_line_breaking_leaves_text_without_chinese_as_rich_breaks_it() -> None:
    import rich._wrap

    from delegation_lists.cli.speech import _units

    for text in ("Check catalog files: YAML, schema and every rule;  two  spaces", "  lead", "--format text|json", ""):
        assert list(_units(text)) == list(rich._wrap.words(text)), text
    assert [w for _, _, w in _units("（默认：zh）。下一句")] == ["（默", "认：", "zh）。", "下", "一", "句"]


@pytest.mark.parametrize(("args", "said"), [
    (["validate"], "缺少参数 'paths'（清单文件或文件夹）"),
    (["diff", "a"], "缺少参数 'new'（新版本）"),
    (["export", "catalogs"], "缺少选项 '--output' / '-o'（要写出的文件）"),
])
def test_a_missing_argument_says_what_it_is(dlists, args: list[str], said: str) -> None:  # type: ignore[no-untyped-def]
    result = dlists(*args, env={**ZH, "COLUMNS": "200"})
    assert result.exit_code == 2 and said in result.output, result.output


@pytest.mark.parametrize("typed", ["ｊｓｏｎ", "JSON", " json"])
def test_a_format_typed_in_full_width_or_capitals_is_understood(dlists, typed: str) -> None:  # type: ignore[no-untyped-def]
    """`-f ｊｓｏｎ` (an input method in full-width mode) was refused as 未知的格式 “ｊｓｏｎ”：可选 text、json…, the two
    words looking alike to the reader."""
    import json

    result = dlists("validate", CATALOGS / "xunyang", "-f", typed, env=ZH)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counts"]["error"] == 0
