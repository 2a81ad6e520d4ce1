"""Text lists: .csv (UTF-8, or GBK/GB18030 as written by Chinese Excel; comma, tab or semicolon) and .json (a list
of objects, or {"items": [...]})."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ...load.errors import LoadError
from ...load.text import decode
from ..said import Text, msg
from .table import ReadError, Table

MAX_TEXT = 256 * 1024 * 1024  # bytes: a list as text is a few MB; more is a mistake or an attack
MAX_FIELD = 1024 * 1024  # characters in one CSV cell


def _text(path: Path, encoding: str | None, notes: list[Text]) -> str:
    if path.stat().st_size > MAX_TEXT:
        raise ReadError(msg("import.read.too_large", size=f"{path.stat().st_size / 2**20:,.0f}", limit=MAX_TEXT // 2**20), path)
    raw = path.read_bytes()
    try:
        return decode(raw, encoding)
    except LoadError:
        if encoding:
            raise
        notes.append(msg("import.note.gbk"))
        return raw.decode("gb18030", errors="strict")


def read_csv(path: Path, encoding: str | None) -> list[Table]:
    """The one table of a CSV file; the delimiter is sniffed."""
    notes: list[Text] = []
    text = _text(path, encoding, notes)
    csv.field_size_limit(MAX_FIELD)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;") if text.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel  # one column, or no delimiter in the first lines
    rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), dialect)]
    return [Table(path.stem, list(enumerate(rows, start=1)), notes=notes, kind="file")]


def read_json(path: Path, encoding: str | None) -> list[Table]:
    """A list of objects (their keys are the header), or such a list under "items" or "data"."""
    try:
        data = json.loads(_text(path, encoding, []))
    except json.JSONDecodeError as exc:
        raise ReadError(msg("import.read.json_invalid", error=exc.msg), f"{path}:{exc.lineno}:{exc.colno}") from None
    except RecursionError:
        raise ReadError(msg("import.read.json_nested"), path) from None
    if isinstance(data, dict):
        data = data.get("items", data.get("data"))
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise ReadError(msg("import.read.json_shape"), path)
    keys = list(dict.fromkeys(k for d in data for k in d))
    rows = [(i, [d.get(k) for k in keys]) for i, d in enumerate(data, start=1)]
    return [Table(path.stem, rows, header=keys, kind="file")]
