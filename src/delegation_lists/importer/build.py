"""Item records -> a catalog: region.yaml (the owner, children from 实施范围, departments from the department
column) and one list document per jurisdiction and kind, in a deterministic order."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..model.codes import KIND_BY_KEY, KIND_ORDER, LEVEL_ORDER, LEVELS
from ..model.items import INHERITED
from .headers import ONE_LINE, one_line
from .layout import Layout
from .mapping import Mapping
from .rows import Record, RowIssue
from .said import Message, msg
from .yaml_out import COMMENT

ITEM_ORDER = ("code", "name", "kind", "department", "legal_basis", "statutory_days", "promised_days", "violation", "penalty_types", "main_item", "status", "mode", "notes")


@dataclass
class Owner:
    code: str
    name: str
    level: str


@dataclass
class Built:
    region: dict[str, Any]
    lists: dict[str, dict[str, Any]]  # relative path -> list document
    issues: list[RowIssue] = field(default_factory=list)
    items: int = 0
    regions: dict[str, dict[str, Any]] = field(default_factory=dict)  # an export's region files, for `region`


def record_item(rec: Record, defaults: dict[str, Any]) -> dict[str, Any] | Message:
    """One record as a list entry (fields in catalog order, 实施范围 as its delegation), or why it cannot be."""
    f = dict(rec.fields)
    f |= {k: one_line(f[k]) for k in ONE_LINE if isinstance(f.get(k), str)}
    for key in ("department", "kind"):
        if key not in f and defaults.get(key):
            f[key] = defaults[key]
    item = {k: f[k] for k in ITEM_ORDER if k in f and k not in ("mode", "status")}
    if f.get("status", "active") != "active":
        item["status"] = f["status"]
    if f.get("targets"):
        mode = f.get("delegation_mode") or f.get("mode") or defaults.get("mode")
        if mode is None:
            return msg("import.row.no_mode")
        to = "all" if f["targets"] in (["全部"], ["all"]) else f["targets"]  # as catalogs write it
        deleg = {"mode": mode, "to": to, "basis": f.get("basis") or defaults.get("basis"),
                 "scope": f.get("scope") or defaults.get("scope"), "since": f.get("since")}
        item["delegation"] = {k: v for k, v in deleg.items() if v}
        if f.get("delegation_mode") and f.get("mode"):  # taken on in one mode, handed down in another
            item["mode"] = f["mode"]
    else:
        if f.get("mode") or f.get("delegation_mode"):
            item["mode"] = f.get("mode") or f["delegation_mode"]
        if f.get("scope"):
            item["notes"] = "；".join(filter(None, [item.get("notes"), f"权限范围：{f['scope']}"]))
    return item


def child_level(level: str) -> str:
    return LEVELS[min(LEVEL_ORDER[level] + 1, len(LEVELS) - 1)].key


class Builder:
    """Collects records; `build()` returns the documents. Codes are generated where a list has none
    (`{jurisdiction}-{XK|CF|...}-{0001}`), children get the mapping's codes or `{owner}{001}`."""

    def __init__(self, owner: Owner, mapping: Mapping, defaults: dict[str, Any], layout: Layout | None = None,
                 source: str = "") -> None:
        self.owner, self.mapping, self.defaults, self.layout = owner, mapping, defaults, layout
        self.source = source  # the file's name, for each item's comment saying where its row is
        self.filed: dict[str, list[tuple[float, dict[str, Any]]]] = defaultdict(list)  # file -> (index, item)
        self.last_origin: dict[str, tuple[str, float]] = {}  # table -> the file and index of its last row
        self.children: dict[str, str] = {}  # name -> code
        self.sheet_children: dict[str, str] = {}  # code -> name (jurisdictions of exported sheets)
        self.departments: dict[str, None] = {}
        self.items: dict[tuple[str, int, str], list[dict[str, Any]]] = defaultdict(list)  # (jur, title no., kind)
        self.titles: dict[tuple[str, str | None], int] = {}  # (jur, title) -> number, in order of appearance
        self.seen: dict[tuple[str, str], int] = {}  # (jurisdiction, code) -> row
        self.issues: list[RowIssue] = []

    def child_code(self, name: str) -> str:
        if name not in self.children:
            code = self.mapping.children.get(name) or next((c for c, n in self.sheet_children.items() if n == name), "")
            if not code:
                used, n = set(self.children.values()) | set(self.sheet_children), len(self.children)
                while (code := f"{self.owner.code}{(n := n + 1):03d}") in used:
                    pass
            self.children[name] = code
        return self.children[name]

    def add_sheet(self, code: str, name: str) -> None:
        """A sheet of a child jurisdiction (an exported workbook names its sheets' codes)."""
        if code != self.owner.code:
            self.sheet_children.setdefault(code, name)

    def add(self, rec: Record, title: str | None) -> None:
        item = record_item(rec, self.defaults)
        if isinstance(item, Message):
            self.issues.append(RowIssue(rec.table, rec.row, item, rec.place))
            return
        for t in item.get("delegation", {}).get("to", []):
            if t != "all":
                self.child_code(t)
        if item.get("department"):
            self.departments.setdefault(item["department"], None)
        self._place(rec.jurisdiction or self.owner.code, item, rec, title)

    def _origin(self, rec: Record, jur: str) -> tuple[str, float] | None:
        """The file (and position) an exported row came from; a row added under it goes after it."""
        if self.layout is None:
            return None
        found = self.layout.rows.get((rec.table, rec.row))
        if found is not None and self.layout.headers[found[0]].get("jurisdiction") == jur:
            self.last_origin[rec.table] = found
            return found
        last = self.last_origin.get(rec.table)
        if last is not None:
            self.last_origin[rec.table] = (last[0], last[1] + 1e-6)
        return self.last_origin.get(rec.table)

    def _place(self, jur: str, item: dict[str, Any], rec: Record, title: str | None) -> None:
        number = self.titles.setdefault((jur, title), sum(1 for j, _ in self.titles if j == jur))
        key = (jur, number, item["kind"])
        if "code" in item:
            if (jur, item["code"]) in self.seen:
                taken = msg("import.row.code_taken", code=item["code"], row=self.seen[(jur, item["code"])])
                self.issues.append(RowIssue(rec.table, rec.row, taken, rec.place))
                return
            self.seen[(jur, item["code"])] = rec.row
        origin = self._origin(rec, jur)
        if origin is not None:  # an export's row, back in its file (no comment: the file comes back as it was)
            self.filed[origin[0]].append((origin[1], item))
        else:
            self.items[key].append({COMMENT: f"来源：{self.source} {rec.where}".strip(), **item})

    def _assign_codes(self) -> None:
        for (jur, _, _), items in self.items.items():
            used = {i["code"] for i in items if "code" in i}
            n = 0
            for item in items:
                if "code" not in item:
                    while (code := f"{jur}-{KIND_BY_KEY[item['kind']].abbr}-{(n := n + 1):04d}") in used:
                        pass
                    item["code"] = code
                    used.add(code)
            items[:] = [{"code": i["code"], **{k: v for k, v in i.items() if k != "code"}} for i in items]

    def _parents(self) -> dict[str, str]:
        """Each jurisdiction's parent, from an export's region documents (a city's counties, each with its
        townships); empty without them (then every other jurisdiction is the owner's child)."""
        parents: dict[str, str] = {}
        nodes = [doc["region"] for doc in (self.layout.regions.values() if self.layout is not None else ())
                 if isinstance(doc.get("region"), dict)]
        while nodes:
            node = nodes.pop()
            for child in node.get("children") or []:
                parents[str(child["code"])] = str(node["code"])
                nodes.append(child)
        return parents

    def _link_sources(self) -> None:
        """A child's item with the code of an item of its parent's lists (a township sheet of an exported
        workbook) becomes `source: CODE` with only the fields that differ from it."""
        by_jur: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        for (jur, _, _), items in self.items.items():
            for i in items:
                by_jur[jur].setdefault(i["code"], i)
        parents = self._parents()
        for (jur, _, _), items in self.items.items():
            parent = parents.get(jur) if parents else self.owner.code  # (a county beside the owner: none)
            if parent is None or jur == self.owner.code or parent == jur:
                continue
            for n, item in enumerate(items):
                src = by_jur[parent].get(item["code"])
                if src is not None:
                    kept = {k: v for k, v in item.items() if k != "code" and not (k in INHERITED and src.get(k) == v)}
                    items[n] = {"source": item["code"], **kept}

    def _file_lists(self) -> None:
        """Rows placed by an export's layout: their files' items in their order (under `items`, title -1)."""
        assert self.layout is not None
        for file in self.layout.files:
            if file in self.filed:
                jur = str(self.layout.headers[file]["jurisdiction"])
                self.items[(jur, -1, file)] = [item for _, item in sorted(self.filed[file], key=lambda t: t[0])]

    def build(self) -> Built:
        if self.layout is not None:
            self._file_lists()
        self._assign_codes()
        self._link_sources()
        kids = [{"code": c, "name": n, "level": child_level(self.owner.level)} for c, n in self.sheet_children.items()]
        kids += [{"code": c, "name": n, "level": child_level(self.owner.level)} for n, c in self.children.items() if c not in self.sheet_children]
        region: dict[str, Any] = {"region": {"code": self.owner.code, "name": self.owner.name, "level": self.owner.level}}
        if kids:
            region["region"]["children"] = kids
        if self.departments:
            region["departments"] = [{"name": d} for d in self.departments]
        regions = dict(self.layout.regions) if self.layout is not None else {}
        return Built(region, self._lists(), self.issues, sum(len(v) for v in self.items.values()), regions)

    def _lists(self) -> dict[str, dict[str, Any]]:
        lists: dict[str, dict[str, Any]] = {}
        order = {c: i for i, c in enumerate([self.owner.code, *self.sheet_children])}
        files = {f: i for i, f in enumerate(self.layout.files)} if self.layout is not None else {}
        titles = {(jur, n): t for (jur, t), n in self.titles.items()}
        several = {jur for jur, n in titles if n > 0}

        def position(key: tuple[str, int, str]) -> tuple[int, int, int]:
            jur, n, kind = key
            return (-1, 0, files[kind]) if n < 0 else (order.get(jur, len(order)), n, KIND_ORDER[kind])

        for (jur, n, kind), items in sorted(self.items.items(), key=lambda kv: position(kv[0])):
            if n < 0 and self.layout is not None:  # an export's file, as it was
                lists[kind] = {"list": dict(self.layout.headers[kind]), "items": items}
                continue
            level = self.owner.level if jur == self.owner.code else child_level(self.owner.level)
            header: dict[str, Any] = {"jurisdiction": jur, "level": level}
            title = titles[(jur, n)] or self.mapping.title
            if title:
                header["title"] = title
            if self.mapping.waive:
                header["waive"] = dict(self.mapping.waive)
            folder = f"{jur}/{n + 1}" if jur in several else jur  # one folder per title: files load in list order
            lists[f"{folder}/{kind}.yaml"] = {"list": header, "items": items}
        return lists
