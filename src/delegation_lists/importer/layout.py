"""The layout sheet of a workbook `dlists export` wrote (excel/layout.py): which file and position each row
comes from, each file's list header and region document, so the import writes the files back as they were.

The sheet comes with the workbook, so it is not trusted: a file must be a plain relative path of `.yaml` files
(no `..`, no hidden or absolute parts, no drive, no control characters, no Windows device name), a header and a region must validate.
A layout that fails is dropped whole (the default layout is used, and a note says why)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..model.code_syntax import is_device_name
from ..model.items import ListHeader
from ..model.region import RegionDoc
from .readers import Table
from .said import Said, msg

_PART = re.compile(r"[^\x00-\x1f\x7f/\\:*?\"<>|]{1,100}")
MAX_FILES = 100_000


class LayoutError(Said, ValueError):
    """The layout sheet cannot be used (why, for the note)."""


@dataclass
class Layout:
    """Where each row of the workbook's sheets goes back to."""

    rows: dict[tuple[str, int], tuple[str, int]] = field(default_factory=dict)  # (sheet, row) -> (file, index)
    headers: dict[str, dict[str, Any]] = field(default_factory=dict)  # file -> its list header
    regions: dict[str, dict[str, Any]] = field(default_factory=dict)  # file -> its region document
    files: list[str] = field(default_factory=list)  # list files in the export's order


def safe_file(text: object) -> str:
    """A file of the layout as a relative path, or LayoutError when it could lead anywhere else."""
    if not isinstance(text, str) or not text.endswith((".yaml", ".yml")) or len(text) > 400:
        raise LayoutError(msg("import.layout.not_file", file=repr(str(text)[:60])))
    parts = text.split("/")
    if any(p in ("", ".", "..") or p.startswith(".") or not _PART.fullmatch(p) or is_device_name(p) for p in parts):
        raise LayoutError(msg("import.layout.not_plain", file=repr(text[:60])))
    return text


def _json(cells: list[Any]) -> Any:
    try:
        return json.loads("".join(str(c) for c in cells if c is not None))
    except (ValueError, RecursionError) as exc:
        raise LayoutError(msg("import.layout.entry", error=type(exc).__name__)) from None


def _document(kind: str, cells: list[Any]) -> dict[str, Any]:
    data = _json(cells)
    try:
        (RegionDoc if kind == "region" else ListHeader).model_validate(data)
    except (ValidationError, TypeError) as exc:
        raise LayoutError(msg("import.layout.invalid", kind=kind, error=str(exc).splitlines()[0])) from None
    return dict(data)


def read_layout(table: Table) -> Layout:
    """The layout in a layout sheet (LayoutError when any part of it is unsafe or broken)."""
    layout = Layout()
    for _, cells in table.rows:
        kind = cells[0] if cells else None
        if kind in ("region", "list"):
            file = safe_file(cells[1] if len(cells) > 1 else None)
            doc = _document(str(kind), list(cells[2:]))
            if kind == "region":
                layout.regions[file] = doc
            else:
                layout.headers[file] = doc
                layout.files.append(file)
        elif kind == "item" and len(cells) >= 5:
            sheet, row, file, index = cells[1:5]
            if not isinstance(row, int | float) or not isinstance(index, int | float):
                raise LayoutError(msg("import.layout.row", cells=str(cells[:5])))
            layout.rows[(str(sheet), int(row))] = (safe_file(file), int(index))
        if len(layout.files) + len(layout.regions) > MAX_FILES:
            raise LayoutError(msg("import.layout.files", limit=f"{MAX_FILES:,}"))
    unknown = {f for f, _ in layout.rows.values()} - set(layout.headers)
    if unknown:
        raise LayoutError(msg("import.layout.header", file=sorted(unknown)[0]))
    return layout
