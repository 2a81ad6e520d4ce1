"""Terminal (rich) rendering of validation problems: location, code, message, the source line and a caret."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape

from ..check.report import Report
from ..load.text import source_lines
from ..render.labels import label
from ..rules import RULES

STYLE = {"error": "bold red", "warning": "yellow"}


def _source_line(lines: list[str], line: int) -> str | None:
    return lines[line - 1] if 0 < line <= len(lines) else None


#: characters never sent to a terminal as they are: C0 and C1 controls (ESC starts a terminal command), DEL,
#: and the bidirectional overrides that make a line read differently from what it holds
_UNSHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


#: ... and in a one-line field (a place, a message, an item code) tabs and line breaks too: a code `x\\ny.yaml:1:1: ...`
#: must not print a line that reads like another problem
_UNSHOWN_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(m: re.Match[str]) -> str:
    return f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"


def shown(text: str, one_line: bool = False) -> str:
    """`text` safe to print: unprintable characters (with `one_line`, tabs and line breaks too) as `\\x1b`-style
    escapes, then rich markup escaped."""
    return escape((_UNSHOWN_IN_LINE if one_line else _UNSHOWN).sub(_escaped, text))


#: characters of a source line shown around the caret: a one-line file of megabytes is not printed per problem
SHOWN_LINE = 160


def _window(line: str, column: int) -> tuple[str, int]:
    """The part of a long line around `column` (`…` where it is cut) and the column in that part."""
    if len(line) <= SHOWN_LINE:
        return line, column
    start = max(0, min(column - 1 - SHOWN_LINE // 2, len(line) - SHOWN_LINE))
    before, after = ("…" if start else ""), ("…" if start + SHOWN_LINE < len(line) else "")
    return before + line[start : start + SHOWN_LINE] + after, column - start + len(before)


def print_problems(console: Console, report: Report, show_source: bool = True) -> None:
    split: dict[str, list[str]] = {}  # file -> its lines, split once (a file may have thousands of problems)
    for p in report.problems:
        where = f"{p.file}:{p.line}:{p.column}" if p.line else p.file
        item = f" [dim]\\[{shown(p.item, True)}][/]" if p.item else ""
        console.print(
            f"[bold]{shown(where, True)}[/]: [{STYLE[p.severity]}]{label(p.severity)}[/] [cyan]{p.code}[/]"
            f" [dim]{RULES[p.code].name}[/] {shown(p.text(), True)}{item}",
            highlight=False,
        )
        if show_source and p.file not in split:
            split[p.file] = source_lines(report.texts.get(p.file, ""))
        src = _source_line(split[p.file], p.line) if show_source else None
        if src is not None:
            gutter = f"{p.line:>5} │ "
            line, column = _window(src, p.column)
            line = line.expandtabs(1)
            console.print(f"[dim]{gutter}[/]{shown(line)}", highlight=False)
            pad = cell_len(line[: max(column - 1, 0)])  # a Chinese character takes two cells
            console.print(" " * (len(gutter) + pad) + "[bold red]^[/]", highlight=False)


def summary(report: Report, strict: bool) -> str:
    """The last line of a validation: clean, or how many errors and warnings in how many files."""
    c = report.counts()
    checked = label("validate.checked", files=report.files, items=report.items, fs="s" * (report.files != 1))
    if not report.problems:
        return label("validate.clean", checked=checked)
    bad = report.failed(strict)
    files = len({p.file for p in report.problems})
    return label(
        "validate.found", mark="[red]✗[/]" if bad else "[yellow]![/]", checked=checked,
        errors=label("validate.errors", n=c["error"], s="s" * (c["error"] != 1)),
        warnings=label("validate.warnings", n=c["warning"], s="s" * (c["warning"] != 1)),
        files=label("validate.files", n=files, s="s" * (files != 1)),
        note="" if bad or not c["warning"] else label("validate.lenient"),
    )
