"""Plain tables (rows of cells) -> Markdown or CSV text; used by stats and reconcile."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

Row = Sequence[object]


@dataclass(frozen=True)
class Table:
    """A header and rows of cells, ready for Markdown, CSV or a terminal table."""

    header: list[str]
    rows: list[list[object]]


#: what a name from a pull request could make Markdown do in a comment: HTML (`<img onerror>`, an unclosed
#: `<details>`), links and images (`[x](javascript:…)`), emphasis and code spans, a table's `|`
_MARKDOWN = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "\\|", "\\": "\\\\", "[": "\\[", "]": "\\]",
                           "*": "\\*", "_": "\\_", "`": "\\`", "~": "\\~", "\r": "", "\n": "<br>"})


def md_text(value: object) -> str:
    """`value` as plain text inside Markdown (a table cell, a heading, a summary): markup shown as written, a line
    break as `<br>`, `@name` not a mention (a zero-width space after `@`, as Dependabot writes)."""
    return str(value).translate(_MARKDOWN).replace("@", "@&#8203;")


def markdown(header: Row, rows: Sequence[Row]) -> str:
    """A Markdown table whose every cell is text (`md_text`): a cell of several lines holds them joined by `\\n`."""
    lines = ["| " + " | ".join(map(md_text, header)) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(map(md_text, r)) + " |" for r in rows]
    return "\n".join(lines)


def to_csv(header: Row, rows: Sequence[Row]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[safe_cell(v) for v in r] for r in rows])
    return buf.getvalue()


def safe_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
