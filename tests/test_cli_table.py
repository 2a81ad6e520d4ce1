"""The plain text tables of long terminal output (cli/table.py): aligned with CJK counted as two cells, titles
written as they are where no styles are shown, and no cell able to break the table or drive the terminal."""

from __future__ import annotations

import io

from rich.console import Console

from delegation_lists.cli.table import print_table, render, shown


def test_columns_align_with_chinese_counted_two_cells() -> None:
    lines = render(["乡镇", "n"], [["甲镇", 1], ["abcd", 22]], [False, True])
    assert lines[0] == " 乡镇   n" and lines[2] == " 甲镇   1" and lines[3] == " abcd  22"


def test_a_title_is_plain_text_in_a_file_and_bold_on_a_terminal() -> None:
    plain = Console(file=io.StringIO(), soft_wrap=True, emoji=False, color_system=None)
    print_table(plain, "第1县 [附件2] → 下级", ["a"], [["x"]], [False])
    assert plain.file.getvalue() == "\n第1县 [附件2] → 下级\n a\n ─\n x\n"  # type: ignore[attr-defined]
    styled = Console(file=io.StringIO(), soft_wrap=True, emoji=False, color_system="standard", force_terminal=True)
    print_table(styled, "第1县 [附件2]", ["a"], [["x"]], [False])
    out = styled.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b[1m第1县 [附件2]" in out and out.endswith(" a\n ─\n x\n")


def test_control_characters_are_shown_as_codes() -> None:
    assert shown("甲镇 1") == "甲镇 1"
    assert shown("a\tb\nc") == "a\\tb\\nc" and shown("x\x1b[31my") == "x\\x1b[31my"
    plain = Console(file=io.StringIO(), soft_wrap=True, emoji=False, color_system=None)
    print_table(plain, "t\x1b]0;owned\x07", ["名称"], [["乙\x1b[2J镇"]], [False])
    out = plain.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b" not in out and "\x07" not in out and "乙\\x1b[2J镇" in out


def test_full_width_spaces_stay_and_message_values_show_control_characters_as_codes() -> None:
    from delegation_lists.problems import msg

    assert shown("甲　镇") == "甲　镇"  # (an input-method space is text, not a control character)
    said = msg("DL308", first="A-1", name="乙\x1b[2J镇").text("zh")
    assert "\x1b" not in said and "乙\\x1b[2J镇" in said
    assert msg("DL308", first="A-1", name="甲　镇").text("zh").endswith("甲　镇")
