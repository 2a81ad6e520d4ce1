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


def markdown(header: Row, rows: Sequence[Row]) -> str:
    def cell(v: object) -> str:
        return str(v).replace("|", "\\|").replace("\n", "<br>")

    lines = ["| " + " | ".join(map(cell, header)) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(map(cell, r)) + " |" for r in rows]
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
