"""One version of a catalog for the diff: its items keyed by (jurisdiction, code) and its regions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..load.discover import discover
from ..load.document import Document
from ..load.git import is_git_spec, read_git
from ..load.yaml import paused_gc
from ..model.items import Item
from ..validate import load_documents


@dataclass
class Side:
    """One version: items keyed by (jurisdiction, code), with the file (relative to the side's root) and line."""

    items: dict[tuple[str, str], tuple[str, Document, int, Item]] = field(default_factory=dict)
    regions: dict[str, dict[str, Any]] = field(default_factory=dict)
    region_files: dict[str, tuple[str, int]] = field(default_factory=dict)  # jurisdiction -> (file, line of children)
    problems: int = 0
    _dumps: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict, repr=False)

    def data(self, key: tuple[str, str]) -> dict[str, Any]:
        """An item as the diff compares it (JSON values, defaults left out); made only for items that differ."""
        found = self._dumps.get(key)
        if found is None:
            item = self.items[key][3]
            found = self._dumps[key] = item.model_dump(mode="json", exclude_defaults=True, exclude={"code", "waive_reason"})
        return found


def load_side(arg: str, encoding: str | None = None, cache: Path | None = None) -> Side:
    """A folder, a file, or `REV:PATH` -> its items and regions (files through the parse cache under `cache`)."""
    if is_git_spec(arg):
        rev, _, sub = arg.partition(":")
        docs = read_git(arg, encoding)
        prefix = f"{rev}:{sub.strip('/')}/" if sub.strip("/") else f"{rev}:"
        pairs = [(d.file[len(prefix):] if d.file.startswith(prefix) else d.file.split(":", 1)[1], d) for d in docs]
    else:
        root = Path(arg)
        docs = load_documents(discover([root], context=False).targets, encoding, cache=cache)
        base = root if root.is_dir() else root.parent
        pairs = [(d.path.relative_to(base).as_posix() if d.path.is_relative_to(base) else d.file, d) for d in docs]
    return _index(pairs)


@paused_gc()
def _index(pairs: list[tuple[str, Document]]) -> Side:
    side = Side()
    for rel, doc in pairs:
        side.problems += bool(doc.problems)
        if doc.region is not None:
            node = doc.region.region
            lines = doc.source().split("\n")
            side.region_files[node.code] = (rel, next((i + 1 for i, ln in enumerate(lines) if ln.strip().startswith("children:")), 1))
            side.regions[node.code] = {"name": node.name, "level": node.level,
                                       "children": [f"{c.code} {c.name}" for c in node.children],
                                       "departments": [d.name for d in doc.region.departments]}
        if doc.header is None:
            continue
        for i, item in enumerate(doc.items):
            if item is not None and item.code:
                side.items[(doc.header.jurisdiction, item.code)] = (rel, doc, i, item)
    return side
