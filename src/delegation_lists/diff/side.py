"""One version of a catalog for the diff: its items keyed by (jurisdiction, code) and its regions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..load.discover import discover
from ..load.document import Document
from ..load.git import is_git_spec, read_git
from ..load.many import load_documents
from ..load.text import source_lines
from ..memory import paused_gc
from ..model.adjustments import AdjustmentRecord
from ..model.items import Item


@dataclass(frozen=True)
class SideItem:
    """An item of one version: the file that holds it (relative to the side's root), its document and index."""

    file: str
    doc: Document
    index: int
    item: Item


@dataclass(frozen=True)
class SideRecord:
    """An adjustment record of one version (spec §6): the file that holds it and its index there."""

    file: str
    index: int
    record: AdjustmentRecord


@dataclass
class Side:
    """One version: items keyed by (jurisdiction, code), and its regions."""

    items: dict[tuple[str, str], SideItem] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)  # jurisdiction code -> name (from the region files)
    parents: dict[str, str] = field(default_factory=dict)  # jurisdiction code -> its parent's code
    broken: dict[str, str] = field(default_factory=dict)  # file that did not load -> its first problem (English)
    regions: dict[str, dict[str, Any]] = field(default_factory=dict)
    region_files: dict[str, tuple[str, int]] = field(default_factory=dict)  # jurisdiction -> (file, line of children)
    problems: int = 0
    records: list[SideRecord] = field(default_factory=list)
    _dumps: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict, repr=False)

    def name_of(self, key: tuple[str, str]) -> str:
        """An item's name: its own, else its source's in the parent jurisdiction ("" when unknown)."""
        at = self.items.get(key)
        if at is None:
            return ""
        if at.item.name:
            return at.item.name
        parent = self.parents.get(key[0])
        source = self.items.get((parent, at.item.source)) if parent and at.item.source else None
        return (source.item.name or "") if source is not None else ""

    def data(self, key: tuple[str, str]) -> dict[str, Any]:
        """An item as the diff compares it (JSON values, defaults left out); made only for items that differ."""
        found = self._dumps.get(key)
        if found is None:
            item = self.items[key].item
            found = self._dumps[key] = item.model_dump(mode="json", exclude_defaults=True, exclude={"code", "waive_reason"})
        return found


def load_side(arg: str, encoding: str | None = None, cache: Path | None = None) -> Side:
    """A folder, a file, or `REV:PATH` -> its items and regions (files through the parse cache under `cache`)."""
    return load_sides([arg], encoding, cache)[0]


@paused_gc()
def load_sides(args: Sequence[str], encoding: str | None = None, cache: Path | None = None) -> list[Side]:
    """Several versions: folders and files are read in one pass (one set of worker processes for all, and a file
    whose bytes are the same in two versions is parsed once); `REV:PATH` versions are read from git."""
    roots = {i: Path(a) for i, a in enumerate(args) if not is_git_spec(a)}
    targets = {i: discover([root], context=False).targets for i, root in roots.items()}
    loaded = iter(load_documents([p for i in roots for p in targets[i]], encoding, cache=cache, dedupe=True))
    out = []
    for i, arg in enumerate(args):
        if i in roots:
            docs = [next(loaded) for _ in targets[i]]
            base = roots[i] if roots[i].is_dir() else roots[i].parent
            out.append(_index([(d.path.relative_to(base).as_posix() if d.path.is_relative_to(base) else d.file, d) for d in docs]))
        else:
            rev, _, sub = arg.partition(":")
            docs = read_git(arg, encoding)
            prefix = f"{rev}:{sub.strip('/')}/" if sub.strip("/") else f"{rev}:"
            out.append(_index([(d.file[len(prefix):] if d.file.startswith(prefix) else d.file.split(":", 1)[1], d) for d in docs]))
    return out


LOAD_CODES = frozenset(f"DL00{n}" for n in range(1, 8))  # the file could not be read as a document at all


def _index(pairs: list[tuple[str, Document]]) -> Side:
    side = Side()
    for rel, doc in pairs:
        side.problems += bool(doc.problems)
        failed = next((p for p in doc.problems if p.code in LOAD_CODES or p.code == "DL005"), None)
        if failed is not None or (doc.kind == "list" and doc.header is None):
            side.broken[rel] = failed.text("en") if failed is not None else "its list header is invalid"
        if doc.region is not None:
            node = doc.region.region
            lines = source_lines(doc.source())  # (lines as YAML counts them, as every located place)
            side.region_files[node.code] = (rel, next((i + 1 for i, ln in enumerate(lines) if ln.strip().startswith("children:")), 1))
            side.regions[node.code] = {"name": node.name, "level": node.level,
                                       "children": {c.code: c.name for c in node.children},
                                       "departments": [d.name for d in doc.region.departments]}
            side.places[node.code] = node.name
            for c in node.children:
                side.places.setdefault(c.code, c.name)
                side.parents[c.code] = node.code
        if doc.adjustments is not None:
            side.records += [SideRecord(rel, i, r) for i, r in enumerate(doc.adjustments.adjustments)]
        if doc.header is None:
            continue
        for i, item in enumerate(doc.items):
            if item is not None and item.code:
                side.items[(doc.header.jurisdiction, item.code)] = SideItem(rel, doc, i, item)
    return side
