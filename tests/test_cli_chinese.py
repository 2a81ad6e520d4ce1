"""The command line's own words in Chinese under a Chinese locale (or --lang zh): every command's help, typer's
panel titles, and the usage errors typer and click would say in English; English unchanged otherwise."""

from __future__ import annotations

import re

import pytest
import typer

from delegation_lists.cli import COMMANDS, _load, app
from delegation_lists.cli.help_zh import HELP_ZH

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
EN = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def _helps() -> list[str]:
    """Every help text the command line has: the root's, each command's and each of their options'."""
    root = typer.main.get_group(app)
    out = [root.help or "", *(getattr(p, "help", "") or "" for p in root.params)]
    for name in COMMANDS:
        command = _load(name)
        out += [command.help or "", *(getattr(p, "help", "") or "" for p in command.params)]
    return [h for h in out if h]


def _flat(text: str) -> str:
    """Output without the boxes, the line breaks and the spaces rich puts in folding a table's cells."""
    return re.sub(r"[\s│╭╮╰╯─]+", "", text)


def _in_order(needle: str, hay: str) -> bool:
    """Whether every character of `needle` is in `hay`, in order (a folded cell's lines sit between the lines of
    the cells beside it)."""
    rest = iter(hay)
    return all(c in rest for c in needle)


def test_every_help_has_its_chinese() -> None:
    helps = set(_helps())
    missing = sorted(h for h in helps if h not in HELP_ZH)
    assert not missing, f"help without Chinese in cli/help_zh.py: {missing}"
    stale = sorted(k for k in HELP_ZH if k not in helps and k != "Show this message and exit.")
    assert not stale, f"Chinese for help no command has any more: {stale}"


@pytest.mark.parametrize("name", list(COMMANDS))
def test_help_in_chinese_whole(dlists, name: str) -> None:  # type: ignore[no-untyped-def]
    result = dlists(name, "--help", env=ZH)
    assert result.exit_code == 0, result.output
    shown = _flat(result.output)
    command = _load(name)
    for part in [command, *command.params]:
        english = getattr(part, "_dlists_english", None) or getattr(part, "help", None)
        if english:  # every sentence whole: Chinese folds in the option table's narrow column, never cut by `…`
            assert _in_order(_flat(re.sub(r"\[/?[a-z ]*\]|\\", "", HELP_ZH[english])), shown), (name, english)
    assert "选项" in result.output and "显示本帮助后退出。" in result.output
    assert "…" not in result.output


def test_root_help_lists_commands_in_chinese(dlists) -> None:  # type: ignore[no-untyped-def]
    result = dlists("--help", env=ZH)
    assert result.exit_code == 0
    assert "命令" in result.output and "校验清单文件" in result.output and "显示清单两个版本之间的变化。" in result.output


def test_help_in_english_elsewhere(dlists) -> None:  # type: ignore[no-untyped-def]
    shown = dlists("validate", "--help", env=EN).output
    assert "Options" in shown and "Check catalog files" in shown and "校验" not in shown
    shown = dlists("validate", "--help", "--lang", "en", env=ZH).output
    assert "Check catalog files" in shown and "校验清单文件" not in shown
    shown = dlists("--lang", "zh", "validate", "--help", env=EN).output
    assert "校验清单文件" in shown


@pytest.mark.parametrize(("args", "said"), [
    (["validate", "--nope", "x"], "没有 --nope 这个选项（是不是：--ignore、--no-cache）"),
    (["valdate"], "没有 “valdate” 这个命令。是要用 “validate” 吗？"),
    (["diff"], "缺少参数 'old'"),
    (["validate", "-J", "abc", "x"], "选项 '--jobs' / '-J' 的值不对：应为整数"),
    (["validate", "-J", "0", "x"], "选项 '--jobs' / '-J' 的值不对：应不小于 1"),
    (["validate", "--format"], "选项 --format 后面需要写一个值。"),
    (["validate", "a", "--strict=yes"], "选项 --strict 后面不能写值。"),
    (["rules", "DL101", "extra"], "多余的参数：extra"),
])
def test_usage_errors_in_chinese(dlists, args: list[str], said: str) -> None:  # type: ignore[no-untyped-def]
    result = dlists(*args, env=ZH)
    assert result.exit_code == 2, result.output
    assert said in _flat(result.output) or said.replace(" ", "") in _flat(result.output), result.output
    assert "错误" in result.output and "Error" not in result.output


def test_usage_errors_in_english_elsewhere(dlists) -> None:  # type: ignore[no-untyped-def]
    result = dlists("validate", "--nope", "x", env=EN)
    assert result.exit_code == 2 and "No such option: --nope" in result.output and "Error" in result.output
    result = dlists("validate", "--nope", "x", "--lang", "en", env=ZH)
    assert "No such option: --nope" in result.output
