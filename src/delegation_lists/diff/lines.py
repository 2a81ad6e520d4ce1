"""Line numbers of changed items: scanned from the text, composed only for unusual layouts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..load.document import Document
from ..load.errors import LoadError
from ..load.yaml.item_lines import scan_items
from ..load.yaml.marks import locate
from ..load.yaml.parse import compose

if TYPE_CHECKING:
    from . import Change


def item_lines(doc: Document) -> list[int] | None:
    """The 1-based line of each item of a block-style `items:` sequence, found by scanning the text (no parse);
    None when the layout is anything else (flow style, comments in odd places): then the file is composed."""
    scan = scan_items(doc.source(), len(doc.items))
    return None if scan is None else [i + 1 for i in scan.starts]


def place_lines(changes: list[Change]) -> None:
    """Turn item indexes into line numbers, scanning (or, for unusual layouts, composing) changed files only."""
    cached: dict[int, list[int] | Any] = {}
    for c in changes:
        doc = c.doc
        if doc is None:
            continue
        if id(doc) not in cached:
            cached[id(doc)] = item_lines(doc)
            if cached[id(doc)] is None:
                try:
                    cached[id(doc)] = compose(doc.source())
                except LoadError:
                    cached[id(doc)] = None
        found = cached[id(doc)]
        if isinstance(found, list):
            c.line = found[c.index] if c.index < len(found) else 0
        else:
            c.line = locate(found, ("items", c.index))[0] if found is not None else 0
