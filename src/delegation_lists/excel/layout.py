"""The layout sheet of a catalog export: which file (and position in it) each row of each sheet comes from, and
each file's list header and region document, so that `dlists import` writes the same files back. A very hidden
sheet: the published workbook shows, prints and converts without it.

Rows: `region | FILE | JSON...`, `list | FILE | JSON...` (JSON cut into cells of at most 32,000 characters),
`item | SHEET | ROW | FILE | INDEX` (ROW as Excel numbers it, INDEX the item's position in FILE). FILE is relative
to the folder that holds every file of the export."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..catalog import Catalog
from .model import Column, Sheet

TITLE = "_dlists"
CELL = 32000  # an Excel cell holds at most 32,767 characters


def _root(cat: Catalog) -> Path:
    """The folder that holds every document of the catalog."""
    folders = {str(d.path.parent.resolve()) for d in cat.docs if d.header is not None or d.region is not None}
    return Path(os.path.commonpath(sorted(folders))) if folders else Path.cwd()


def _relative(path: Path, root: Path) -> str:
    return path.resolve().relative_to(root).as_posix()


def _chunks(data: Any) -> list[str]:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return [text[i : i + CELL] for i in range(0, len(text), CELL)] or [""]


def layout_sheet(cat: Catalog, sheets: list[Sheet]) -> Sheet:
    """The layout of an export of `cat` whose list sheets are `sheets` (their `origins` filled)."""
    root = _root(cat)
    sheet = Sheet(TITLE, [Column("kind", 8), Column("where", 30), Column("row", 8), Column("file", 30), Column("index", 8)])
    sheet.hidden, sheet.autofilter = True, False
    items: list[list[Any]] = []
    used: dict[str, str] = {}  # path -> relative file
    for listed in sheets:
        for row, (path, index) in sorted(listed.origins.items()):
            file = used.get(path)
            if file is None:
                file = used[path] = _relative(Path(path), root)
            items.append(["item", listed.title, row + 1, file, index])
    for doc in cat.docs:
        if doc.region is not None:
            sheet.rows.append(["region", _relative(doc.path, root), *_chunks(doc.region.model_dump(mode="json", exclude_defaults=True))])
        elif doc.header is not None and str(doc.path) in used:
            sheet.rows.append(["list", used[str(doc.path)], *_chunks(doc.header.model_dump(mode="json", exclude_defaults=True))])
    sheet.rows += items
    return sheet
