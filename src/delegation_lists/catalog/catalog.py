"""All documents of a catalog tree, indexed: the jurisdiction tree, departments in scope, and every item with
its inherited fields resolved from its `source`."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from ..load.document import Document
from ..model.closest import closest_name
from ..model.region import RegionNode
from .duties import Duties, build_duties
from .entry import Entry, Place, RecordAt
from .tree import lineage

#: the fields of a township's usual entry, and fields no rule checks entry by entry (notes, materials...): an
#: entry setting only these is not `described` (the rules on fields skip it)
_PLAIN = frozenset(("source", "mode", "code", "notes", "materials", "service_objects", "online", "main_item"))


class Catalog:
    """The loaded catalog. Build with `Catalog.build(documents)`."""

    def __init__(self, docs: list[Document], as_of: dt.date | None = None) -> None:
        self.docs = docs
        self.as_of = as_of or dt.date.today()
        self.places: dict[str, Place] = {}
        self.entries: list[Entry] = []
        self.index: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        self._region_dirs: dict[Path, list[str]] = defaultdict(list)
        self._scopes: dict[tuple[Path, str], frozenset[str]] = {}
        self._full_names: dict[Path, dict[str, str]] = defaultdict(dict)
        self._dept_cache: dict[tuple[int, str], str] = {}
        self._targets: dict[int, tuple[list[str], list[str]]] = {}  # id(entry) -> targets(entry)
        self._by_name: dict[str, dict[str, str]] = {}  # place -> child name -> child code
        self._folders: dict[Path, Path] = {}  # folder as given -> resolved
        self.sourced: list[Entry] = []  # entries with a `source`, in catalog order
        #: every entry but those of only a `source`, a `mode` and perhaps a `code` (most of a township's list):
        #: the entries that set any other field themselves, for rules on such fields
        self.described: list[Entry] = []
        self.delegating: list[Entry] = []  # entries with a `delegation` (never inherited)
        #: (jurisdiction, code) of items that are there but invalid (their own problems say why)
        self.invalid: set[tuple[str, str]] = set()
        self.broken: dict[str, list[str]] = defaultdict(list)  # jurisdiction -> its list files that do not load
        self.duties = Duties([], {}, {})  # the duty lists (spec §5)
        #: every adjustment record (spec §6), in catalog order
        self.records = [RecordAt(d, i, r) for d in docs if d.adjustments is not None for i, r in enumerate(d.adjustments.adjustments)]

    @classmethod
    def build(cls, docs: Iterable[Document], as_of: dt.date | None = None) -> Catalog:
        cat = cls(list(docs), as_of)
        for doc in sorted((d for d in cat.docs if d.region is not None), key=lambda d: len(cat._folder(d).parts)):
            cat._add_region(doc)
        for doc in cat.docs:
            if doc.header is not None:
                cat._add_list(doc)
            cat._add_invalid(doc)
        parents: dict[str, str] = {}
        for entry in cat.sourced:  # sources are looked up once every list is in
            jur = entry.jurisdiction
            parent = parents.get(jur)
            if parent is None:
                parent = parents[jur] = cat.parent_code(jur) or ""
            found = cat.index.get((parent, entry.raw.source or ""))
            entry.source = found[0] if found else None
        villages = {code for code, place in cat.places.items() if place.level == "village"}
        villages |= {d.header.jurisdiction for d in cat.docs if d.header is not None and d.header.level == "village"
                     and d.header.jurisdiction not in cat.places}
        cat.duties = build_duties(cat.docs, {code: place.parent for code, place in cat.places.items()}, frozenset(villages))
        return cat

    def _add_region(self, doc: Document) -> None:
        assert doc.region is not None
        folder = self._folder(doc)
        for dep in doc.region.departments:
            self._region_dirs[folder] += [dep.name] + ([dep.short] if dep.short else [])
            if dep.short:
                self._full_names[folder][dep.short] = dep.name
        parent = self.places[doc.region.region.code].parent if doc.region.region.code in self.places else None
        self._add_node(doc.region.region, parent)

    def _add_node(self, node: RegionNode, parent: str | None) -> None:
        place = self.places.get(node.code)
        if place is None:
            place = self.places[node.code] = Place(node.code, node.name, node.level, parent)
            if parent is not None:
                self.places[parent].children.append(node.code)
        place.departments += [n for d in node.departments for n in (d.name, d.short) if n]
        place.offices += node.offices
        for child in node.children:
            self._add_node(child, node.code)

    def _add_list(self, doc: Document) -> None:
        assert doc.header is not None
        jur = doc.header.jurisdiction
        entries, sourced, index, described = self.entries, self.sourced, self.index, self.described
        for at, item in enumerate(doc.items):
            if item is not None:
                entry = Entry(doc, at, item, jur, item.code or "")
                entries.append(entry)
                index[(jur, entry.code)].append(entry)
                if item.source is not None:
                    sourced.append(entry)
                if item.source is None or not item.__pydantic_fields_set__ <= _PLAIN:
                    described.append(entry)
                    if item.delegation is not None:
                        self.delegating.append(entry)

    def _add_invalid(self, doc: Document) -> None:
        """Remember what a list that could not be (wholly) used still names (load/known.py)."""
        jur = doc.header.jurisdiction if doc.header is not None else doc.claimed
        if jur is None:
            return
        self.invalid.update((jur, code) for code in doc.known_codes)
        if doc.header is None:
            self.broken[jur].append(doc.file)

    def _folder(self, doc: Document) -> Path:
        """The real folder of a document's file (symlinks followed), each folder resolved once."""
        if doc.folder is None:
            path = doc.path
            if path.is_symlink():
                doc.folder = path.resolve().parent
            else:
                found = self._folders.get(path.parent)
                if found is None:
                    found = self._folders[path.parent] = path.parent.resolve()
                doc.folder = found
        return doc.folder

    # --- queries used by rules and operations -------------------------------------------------------------
    def parent_code(self, code: str) -> str | None:
        place = self.places.get(code)
        return place.parent if place else None

    def targets(self, entry: Entry) -> tuple[list[str], list[str]]:
        """(child codes, unknown names) of an item's delegation; names are resolved to codes. Memoised: several
        rules and the reconciliation ask for the same items."""
        found = self._targets.get(id(entry))
        if found is None:
            found = self._targets[id(entry)] = self._find_targets(entry)
        return found

    def _find_targets(self, entry: Entry) -> tuple[list[str], list[str]]:
        deleg = entry.raw.delegation  # never inherited
        place = self.places.get(entry.jurisdiction)
        if deleg is None or place is None:
            return [], []
        if deleg.to_all:
            return list(place.children), []
        by_name = self._by_name.get(place.code)
        if by_name is None:
            by_name = self._by_name[place.code] = {self.places[c].name: c for c in place.children}
        codes, unknown = [], []
        for t in deleg.to:
            if t in place.children:
                codes.append(t)
            elif t in by_name:
                codes.append(by_name[t])
            else:
                unknown.append(t)
                meant = None if t in self.places else closest_name(t, by_name)
                if meant is not None:  # read as meant (DL107 says so): one misspelt name is one problem
                    codes.append(by_name[meant])
        return codes, unknown

    def departments(self, doc: Document) -> frozenset[str]:
        """Department names and short names usable in `doc`: region.yaml files of its folder and the folders
        above, the departments declared on its jurisdiction, and that jurisdiction's own government."""
        jur = doc.header.jurisdiction if doc.header else ""
        key = (doc.path.parent, jur)
        if key not in self._scopes:
            folder = self._folder(doc)
            names: set[str] = set()
            for f in [folder, *folder.parents]:
                names.update(self._region_dirs.get(f, ()))
            for place in map(self.places.__getitem__, lineage(self.places, jur)):
                names.update(place.departments)
                names.update(place.name + suffix for suffix in ("人民政府", "办事处", "街道办事处"))
            self._scopes[key] = frozenset(names)
        return self._scopes[key]

    def department_shown(self, doc: Document, name: str) -> str:
        """A declared department as a message shows it: its full name, with its short name when it has one
        (`旬阳市市场监督管理局（市场监管局）`), whichever of the two `name` is."""
        folder = self._folder(doc)
        for f in [folder, *folder.parents]:
            shorts = self._full_names.get(f, {})
            if name in shorts:
                return f"{shorts[name]}（{name}）"
            short = next((s for s, full in shorts.items() if full == name), None)
            if short is not None:
                return f"{name}（{short}）"
        return name

    def full_department(self, doc: Document, name: str) -> str:
        """A department's full name as declared in the region.yaml files in scope of `doc` (a short name
        expanded; any other name as written). Remembered per document and name."""
        key = (id(doc), name)  # documents live as long as the catalog
        found = self._dept_cache.get(key)
        if found is None:
            folder = self._folder(doc)
            hits = (self._full_names.get(f, {}).get(name) for f in [folder, *folder.parents])
            found = self._dept_cache[key] = next((h for h in hits if h), name)
        return found

    def department_name(self, entry: Entry) -> str:
        """The full name of an item's department (short names expanded through the region.yaml in scope)."""
        doc = entry.source.doc if entry.source is not None and entry.raw.department is None else entry.doc
        return self.full_department(doc, entry.field("department") or "")

    def find_place(self, key: str) -> Place | None:
        """A jurisdiction by code or name, or by a short form of its name when only one name ends with it
        (`龙华区` for 深圳市龙华区); None when none or several match (`place_candidates` lists them)."""
        if key in self.places:
            return self.places[key]
        found = self.place_candidates(key)
        return found[0] if len(found) == 1 else None

    def place_candidates(self, key: str) -> list[Place]:
        """Jurisdictions a name may mean: the one so named, else those whose name ends with it; of a township and
        the villages under it sharing the short name (赵湾镇 and its seat 赵湾村: `赵湾`), the township."""
        text = key.strip()
        exact = [p for p in self.places.values() if p.name == text]
        if exact or not text:
            return exact
        found = sorted((p for p in self.places.values() if p.name.endswith(text) or _bare(p.name) == text),
                       key=lambda p: p.code)
        above = [p for p in found if all(p.code in lineage(self.places, q.code) for q in found)]
        return above or found


#: what a place name ends with that analysts leave out (`赵湾` for 赵湾镇)
_LEVEL_SUFFIXES = ("街道办事处", "街道", "社区", "镇", "乡", "区", "县", "市", "村")


def _bare(name: str) -> str:
    """A place name without its level suffix."""
    for suffix in _LEVEL_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


__all__ = ["Catalog", "Entry", "Place"]
