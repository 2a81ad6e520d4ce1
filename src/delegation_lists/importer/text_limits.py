"""Bounds a text list (CSV, JSON) must keep before it is read whole (spec §2, `dlists import`).

A CSV record (one row, its quoted line breaks included) is at most `MAX_RECORD` bytes (1 MiB): a row of a list is
a few KB, and a 500 MB file on one line (or millions of cells in one row) would otherwise be held whole, each
cell an object. JSON nests at most `MAX_DEPTH` levels (a list of objects is 2), and a JSON string is at most
`MAX_RECORD` characters: deeper is refused where it
happens, before the parser recurses. Both are checked streaming, one record or one chunk at a time, so the
check itself holds no more than a record; each refusal is a located user error (exit 2).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from .readers.sniff import sniff
from .readers.table import ReadError
from .said import Said, msg

MAX_RECORD = 1024 * 1024  # bytes of one CSV record; characters of one JSON string
MAX_DEPTH = 100  # nesting levels of a JSON document
_CHUNK = 1 << 20
#: JSON text up to the next bracket outside a string (strings, other text skipped whole, never backtracked)
_TEXT = rb'(?:"[^"\\]*+(?:\\.[^"\\]*+)*+"|[^"\[\]{}]++)*+'
_TO_BRACKET = re.compile(_TEXT + rb"([\[\]{}])", re.S)
_SKIP = re.compile(_TEXT, re.S)


class TooLarge(Said):
    """A text list over one of the bounds (the message says where and which)."""


class _Guard:
    """The lines a CSV reader pulls, counting the characters of the record being read."""

    def __init__(self, stream: io.TextIOBase) -> None:
        self.stream, self.used, self.line, self.start = stream, 0, 0, 1

    def next_record(self) -> None:
        self.used, self.start = 0, self.line + 1

    def lines(self) -> Iterator[str]:
        while True:
            line = self.stream.readline(MAX_RECORD + 1)
            if not line:
                return
            self.line += line.endswith("\n")
            self.used += len(line)
            if self.used > MAX_RECORD:
                raise TooLarge(msg("import.limit.csv_row", line=self.start, limit=f"{MAX_RECORD:,}"))
            yield line


def check_csv(path: Path) -> None:
    """TooLarge when a record of the CSV file is over `MAX_RECORD` bytes (read as bytes: the delimiters,
    quotes and line breaks of UTF-8 and GBK are the same bytes)."""
    with path.open("rb") as raw:
        stream = io.TextIOWrapper(raw, encoding="latin-1", newline="")
        head = stream.read(4096)
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(head, delimiters=",\t;") if head.strip() else csv.excel
        except csv.Error:
            dialect = csv.excel
        stream.seek(0)
        guard = _Guard(stream)
        csv.field_size_limit(MAX_RECORD)
        try:
            for _ in csv.reader(guard.lines(), dialect):
                guard.next_record()
        except csv.Error:
            return  # the reader says what is wrong with it, in its own words


def check_json(path: Path) -> None:
    """TooLarge when the JSON text nests deeper than `MAX_DEPTH` (naming the line and column where it does) or
    holds a string over `MAX_RECORD` characters. Read in chunks; the regular expression skips strings and other
    text whole, so Python sees each bracket once."""
    depth, lines, column, data = 0, 0, 0, b""  # lines and columns (characters) before data[0]
    with path.open("rb") as fh:
        while True:
            chunk = fh.read(_CHUNK)
            data += chunk
            pos = 0
            while (m := _TO_BRACKET.match(data, pos)) is not None:
                depth += 1 if m.group(1) in (b"[", b"{") else -1
                if depth > MAX_DEPTH:
                    at = m.start(1)
                    line_at = data.rfind(b"\n", 0, at)
                    col = len(data[line_at + 1 : at].decode("utf-8", "replace")) + (column if line_at < 0 else 0) + 1
                    line = lines + data.count(b"\n", 0, at) + 1
                    raise TooLarge(msg("import.limit.json_depth", line=line, column=col, limit=MAX_DEPTH))
                pos = m.end()
            skipped = _SKIP.match(data, pos)
            pos = skipped.end() if skipped else pos
            if not chunk:
                return
            last = data.rfind(b"\n", 0, pos)
            lines += data.count(b"\n", 0, pos)
            column = len(data[last + 1 : pos].decode("utf-8", "replace")) + (column if last < 0 else 0)
            data = data[pos:]
            if len(data) > MAX_RECORD:
                raise TooLarge(msg("import.limit.json_string", line=lines + 1, limit=f"{MAX_RECORD:,}"))


def check_text(path: Path) -> None:
    """A CSV or JSON file (by content, as the readers judge it) checked against the bounds; ReadError if over."""
    fmt = sniff(path)
    try:
        if fmt == "csv":
            check_csv(path)
        elif fmt == "json":
            check_json(path)
    except TooLarge as exc:
        raise ReadError(exc.message, path) from None
