"""Every problem is shown at the line YAML counts and with that line's text (issue 13): a form feed, a file separator
or a vertical tab does not end a line; NEL, LS, PS and a lone CR do, for slips and located items too; libyaml's
byte offsets are turned into characters."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CATALOGS
from delegation_lists.load.errors import LoadError
from delegation_lists.load.text import position, source_lines
from delegation_lists.load.yaml.parse import parse


def _problem_lines(out: str) -> list[tuple[str, str]]:
    """(location, the source line shown under it) for each problem of a text report."""
    lines = out.splitlines()
    return [(ln.split(": ", 1)[0], lines[i + 1].split("│ ", 1)[1]) for i, ln in enumerate(lines) if " DL0" in ln and "│" in lines[i + 1]]


@pytest.mark.parametrize("fast", [True, False])
def test_control_character_after_chinese_text(fast: bool) -> None:
    """libyaml reports the offset of a refused character in UTF-8 bytes: line 2, not 3."""
    with pytest.raises(LoadError) as caught:
        parse("a: 甲乙丙丁甲乙丙丁甲乙丙丁\nb: x\x01\n", fast=fast)
    assert (caught.value.line, caught.value.column) == (2, 5)


def test_lines_as_yaml_counts_them() -> None:
    text = "a\x0cb\nc\r\nd\re\x85f\u2028g\u2029h\x1ci\x0bj"
    assert source_lines(text) == ["a\x0cb", "c", "d", "e", "f", "g", "h\x1ci\x0bj"]
    assert position(text, text.index("g")) == (6, 1)
    assert position(text, text.index("j")) == (7, 5)
    assert source_lines("a\r\nb\n") == ["a", "b", ""]


def test_form_feed_shows_its_own_line(tmp_path: Path, dlists) -> None:
    """The form feed is refused where it is, and a slip on the next line is shown with that line (before: an empty
    line, `splitlines` counting the form feed as a line end)."""
    path = tmp_path / "a.yaml"
    path.write_bytes('list:\n  jurisdiction: "610928"\n# page 2\x0c\n  title：x\n'.encode())
    shown = _problem_lines(dlists("validate", path).stdout)
    assert [(loc.rsplit(":", 2)[1:], src) for loc, src in shown] == [(["3", "9"], "# page 2\\x0c"), (["4", "8"], "  title：x")]


def test_line_separator_in_a_value(tmp_path: Path, dlists) -> None:
    """A U+2028 inside a quoted name ends a line for YAML: a problem below it, and a slip, are located on the
    line YAML counts and shown with its text."""
    catalog = tmp_path / "cat"
    shutil.copytree(CATALOGS / "xunyang", catalog)
    powers = catalog / "county" / "powers.yaml"
    text = powers.read_text(encoding="utf-8")
    text = text.replace("name: 对扰乱公共秩序行为的处罚", 'name: "对扰乱公共\u2028秩序行为的处罚"', 1)
    text = text.replace("kind: coercion", "kind: coercionx", 1).replace("department: 市场监管局", "department：市场监管局", 1)
    powers.write_text(text, encoding="utf-8")
    shown = dict(_problem_lines(dlists("validate", catalog).stdout))
    assert len(shown) == 2
    assert {src.strip() for src in shown.values()} == {"kind: coercionx", "department：市场监管局"}
    for loc, src in shown.items():
        line = int(loc.rsplit(":", 2)[1])
        assert source_lines(text)[line - 1] == src
