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
from ..model.duties import Duty
from ..model.items import Item
from ..problems import Message, msg


@dataclass(slots=True)
class SideItem:
    """An item of one version: the file that holds it (relative to the side's root), its document and index
    (never changed once made; not frozen only because a frozen dataclass is slow to make, and a province has
    300,000 items a side)."""

    file: str
    doc: Document
    index: int
    item: Item


@dataclass(frozen=True)
class SideDuty:
    """A duty entry of one version (spec §5): the file that holds it, its document and index."""

    file: str
    doc: Document
    index: int
    duty: Duty


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
    broken: dict[str, Message] = field(default_factory=dict)  # file that did not load -> its first problem
    regions: dict[str, dict[str, Any]] = field(default_factory=dict)
    region_files: dict[str, tuple[str, int]] = field(default_factory=dict)  # jurisdiction -> (file, line of children)
    problems: int = 0
    records: list[SideRecord] = field(default_factory=list)
    duties: dict[tuple[str, str], SideDuty] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)  # file -> its place among the version's files
    #: an item (or duty entry) key held by two entries -> (file, index) of the first: its place in the order
    firsts: dict[tuple[str, str, str], tuple[str, int]] = field(default_factory=dict)
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

    def duty_field(self, key: tuple[str, str], name: str) -> Any:
        """A duty entry's field as written, else its guide entry's (through `source`, in the parent jurisdiction)."""
        seen: set[tuple[str, str]] = set()
        at = self.duties.get(key)
        while at is not None and key not in seen:
            value = getattr(at.duty, name)
            if value is not None or at.duty.source is None:
                return value
            seen.add(key)
            key = (self.parents.get(key[0], ""), at.duty.source)
            at = self.duties.get(key)
        return None

    def place_of(self, key: tuple[str, str], duty: bool = False) -> tuple[int, int]:
        """Where a key first comes in the version (the place a whole pass meets it): file's place, index."""
        first = self.firsts.get(("duty" if duty else "item", *key))
        if first is None:
            at = self.duties[key] if duty else self.items[key]
            first = (at.file, at.index)
        return self.order[first[0]], first[1]

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
    targets = {i: version_files(roots[i]) for i in roots}
    loaded = iter(load_documents([p for i in roots for p in targets[i]], encoding, cache=cache, dedupe=True))
    out = []
    for i, arg in enumerate(args):
        if i in roots:
            docs = [next(loaded) for _ in targets[i]]
            base = version_base(roots[i])
            out.append(_index([(relative(d, base), d) for d in docs]))
        else:
            docs = read_git(arg, encoding)
            out.append(_index([(git_relative(arg, d.file), d) for d in docs]))
    return out


def version_files(root: Path) -> list[Path]:
    """The files of a version given as a folder or a file."""
    return discover([root], context=False).targets


def version_base(root: Path) -> Path:
    """The folder a version's file names are relative to."""
    return root if root.is_dir() else root.parent


def relative(doc: Document, base: Path) -> str:
    """A file's name in its version: relative to the version's folder."""
    return doc.path.relative_to(base).as_posix() if doc.path.is_relative_to(base) else doc.file


def git_relative(arg: str, file: str) -> str:
    """A file's name (`REV:path`) in a `REV:PATH` version: relative to PATH."""
    rev, _, sub = arg.partition(":")
    prefix = f"{rev}:{sub.strip('/')}/" if sub.strip("/") else f"{rev}:"
    return file[len(prefix):] if file.startswith(prefix) else file.split(":", 1)[1]


LOAD_CODES = frozenset(f"DL00{n}" for n in range(1, 8))  # the file could not be read as a document at all


def _index(pairs: list[tuple[str, Document]]) -> Side:
    side = Side()
    for at, (rel, doc) in enumerate(pairs):
        index_doc(side, rel, at, doc)
    return side


def index_doc(side: Side, rel: str, at: int, doc: Document) -> None:
    """Add one file of the version (its name `rel`, its place `at` among the version's files) to `side`."""
    side.order[rel] = at
    side.problems += bool(doc.problems)
    failed = next((p for p in doc.problems if p.code in LOAD_CODES or p.code == "DL005"), None)
    if failed is not None or (doc.kind == "list" and doc.header is None):
        side.broken[rel] = failed.message if failed is not None else msg("path.header_invalid")
    if doc.region is not None:
        _region(side, rel, doc)
    if doc.adjustments is not None:
        side.records += [SideRecord(rel, i, r) for i, r in enumerate(doc.adjustments.adjustments)]
    if doc.header is None:
        return
    jur = doc.header.jurisdiction
    duties, items, firsts = side.duties, side.items, side.firsts
    for i, duty in enumerate(doc.duties or ()):
        if duty is not None and duty.code:
            key = (jur, duty.code)
            if key in duties:
                firsts.setdefault(("duty", *key), (duties[key].file, duties[key].index))
            duties[key] = SideDuty(rel, doc, i, duty)
    for i, item in enumerate(doc.items):
        if item is not None and item.code:
            key = (jur, item.code)
            if key in items:
                firsts.setdefault(("item", *key), (items[key].file, items[key].index))
            items[key] = SideItem(rel, doc, i, item)


def _region(side: Side, rel: str, doc: Document) -> None:
    assert doc.region is not None
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
