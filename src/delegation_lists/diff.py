"""`diff`: two versions of a catalog, item by item and field by field (spec §4). Returns data; never prints.

Items are matched by (jurisdiction, code); a rename pass then pairs removed and added items of one
jurisdiction whose name, department and kind are the same or very close. Items that only changed file are
`moved`. Whitespace-only and order-only changes are ignored unless asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .load.discover import discover
from .load.document import Document
from .load.git import is_git_spec, read_git
from .load.yaml import paused_gc
from .similarity import grams, score
from .validate import load_documents

SPACES = re.compile(r"[\s\u3000]+")
LIST_FIELDS = {"legal_basis", "materials", "service_objects", "penalty_types", "delegation.to"}
RENAME_MIN = 0.8
TYPES = ("added", "removed", "changed", "renamed", "moved")


@dataclass
class Side:
    """One version: items keyed by (jurisdiction, code), with the file (relative to the side's root) and line."""

    items: dict[tuple[str, str], tuple[str, Document, int, dict[str, Any]]] = field(default_factory=dict)
    regions: dict[str, dict[str, Any]] = field(default_factory=dict)
    region_files: dict[str, tuple[str, int]] = field(default_factory=dict)  # jurisdiction -> (file, line of children)
    problems: int = 0


@dataclass
class Options:
    strict_whitespace: bool = False
    strict_order: bool = False
    ignore: frozenset[str] = frozenset()


@dataclass
class Change:
    type: str
    jurisdiction: str
    item: str | None
    old_item: str | None
    file: str
    line: int
    fields: list[dict[str, Any]] = field(default_factory=list)
    doc: Document | None = field(default=None, repr=False, compare=False)  # where to look up the line
    index: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "jurisdiction": self.jurisdiction, "item": self.item, "old_item": self.old_item,
                "file": self.file, "line": self.line, "fields": self.fields}


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
            lines = doc.text.split("\n")
            side.region_files[node.code] = (rel, next((i + 1 for i, ln in enumerate(lines) if ln.strip().startswith("children:")), 1))
            side.regions[node.code] = {"name": node.name, "level": node.level,
                                       "children": [f"{c.code} {c.name}" for c in node.children],
                                       "departments": [d.name for d in doc.region.departments]}
        if doc.header is None:
            continue
        for i, item in enumerate(doc.items):
            if item is not None and item.code:
                data = item.model_dump(mode="json", exclude_defaults=True, exclude={"waive_reason"})
                data.pop("code", None)
                side.items[(doc.header.jurisdiction, item.code)] = (rel, doc, i, data)
    return side


def _flat(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in data.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict) and k != "waive":
            out.update(_flat(v, key + "."))
        else:
            out[key] = v
    return out


def _norm(value: Any, opts: Options) -> Any:
    if isinstance(value, str) and not opts.strict_whitespace:
        return SPACES.sub("", value)  # spaces carry no meaning in Chinese text
    if isinstance(value, list):
        vals = [_norm(v, opts) for v in value]
        return vals if opts.strict_order else sorted(vals, key=repr)
    return value


def field_changes(old: dict[str, Any], new: dict[str, Any], opts: Options) -> list[dict[str, Any]]:
    """Field-by-field differences, old -> new; list fields also say which elements came and went."""
    a, b = _flat(old), _flat(new)
    out = []
    for key in sorted(set(a) | set(b)):
        if key in opts.ignore or key.split(".")[0] in opts.ignore:
            continue
        va, vb = a.get(key), b.get(key)
        if _norm(va, opts) == _norm(vb, opts):
            continue
        entry: dict[str, Any] = {"field": key, "old": va, "new": vb}
        if key in LIST_FIELDS or isinstance(va, list) or isinstance(vb, list):
            la, lb = [_norm(x, opts) for x in va or []], [_norm(x, opts) for x in vb or []]
            entry["added"] = [x for x, n in zip(vb or [], lb, strict=True) if n not in la]  # as written, not normalised
            entry["removed"] = [x for x, n in zip(va or [], la, strict=True) if n not in lb]
        out.append(entry)
    return out


@dataclass
class DiffResult:
    changes: list[Change]
    impact: list[dict[str, Any]]

    def summary(self) -> dict[str, Any]:
        by_jur: dict[str, dict[str, int]] = {}
        for c in self.changes:
            row = by_jur.setdefault(c.jurisdiction, dict.fromkeys(TYPES, 0))
            row[c.type] = row.get(c.type, 0) + 1
        totals = {t: sum(1 for c in self.changes if c.type == t) for t in TYPES}
        return {"total": len(self.changes), **totals, "by_jurisdiction": by_jur}

    def to_dict(self) -> dict[str, Any]:
        return {"summary": self.summary(), "changes": [c.to_dict() for c in self.changes], "impact": self.impact}


@paused_gc()
def diff(old: Side, new: Side, opts: Options | None = None) -> DiffResult:
    """Every change from `old` to `new`, in (jurisdiction, item) order, with the delegation impact."""
    opts = opts or Options()
    changes: list[Change] = []
    removed = [k for k in old.items if k not in new.items]
    added = [k for k in new.items if k not in old.items]
    renamed = _renames(old, new, removed, added)
    for (ok, nk) in renamed:
        rel, doc, i, data = new.items[nk]
        fields = field_changes(old.items[ok][3], data, opts)
        changes.append(_change("renamed", nk, ok[1], rel, doc, i, fields))
    gone = {ok for ok, _ in renamed}
    came = {nk for _, nk in renamed}
    for k in removed:
        if k not in gone:
            rel, doc, i, _ = old.items[k]
            changes.append(_change("removed", k, None, rel, doc, i, []))
    for k in added:
        if k not in came:
            rel, doc, i, _ = new.items[k]
            changes.append(_change("added", k, None, rel, doc, i, []))
    for k in old.items.keys() & new.items.keys():
        (orel, _, _, odata), (nrel, doc, i, ndata) = old.items[k], new.items[k]
        if orel == nrel and odata == ndata:
            continue  # the common case: untouched
        fields = field_changes(odata, ndata, opts)
        if orel != nrel:
            changes.append(_change("moved", k, None, nrel, doc, i, [{"field": "file", "old": orel, "new": nrel}, *fields]))
        elif fields:
            changes.append(_change("changed", k, None, nrel, doc, i, fields))
    changes += _region_changes(old, new, opts)
    changes.sort(key=lambda c: (c.jurisdiction, c.item or "", c.type))
    _place_lines(changes)
    return DiffResult(changes, impact(old, new))


def _change(kind: str, key: tuple[str, str], old_item: str | None, rel: str, doc: Document, index: int,
            fields: list[dict[str, Any]]) -> Change:
    return Change(kind, key[0], key[1], old_item, rel, 0, fields, doc, index)


def item_lines(doc: Document) -> list[int] | None:
    """The line of each item of a block-style `items:` sequence, found by scanning the text (no parse);
    None when the layout is anything else (flow style, comments in odd places): then the file is composed."""
    lines = doc.text.split("\n")
    start = next((i for i, ln in enumerate(lines) if ln.startswith("items:")), None)
    if start is None:
        return None
    first = next((ln for ln in lines[start + 1:] if ln.strip() and not ln.lstrip().startswith("#")), "")
    indent = first[: len(first) - len(first.lstrip())]
    if not first.lstrip().startswith("- "):
        return None
    marker = indent + "- "
    found = [i + 1 for i, ln in enumerate(lines[start + 1:], start=start + 1) if ln.startswith(marker)]
    return found if len(found) == len(doc.items) else None


def _place_lines(changes: list[Change]) -> None:
    """Turn item indexes into line numbers, scanning (or, for unusual layouts, composing) changed files only."""
    from .load.errors import LoadError
    from .load.locate import locate
    from .load.yaml import compose

    cached: dict[int, list[int] | Any] = {}
    for c in changes:
        doc = c.doc
        if doc is None:
            continue
        if id(doc) not in cached:
            cached[id(doc)] = item_lines(doc)
            if cached[id(doc)] is None:
                try:
                    cached[id(doc)] = compose(doc.text)
                except LoadError:
                    cached[id(doc)] = None
        found = cached[id(doc)]
        if isinstance(found, list):
            c.line = found[c.index] if c.index < len(found) else 0
        else:
            c.line = locate(found, ("items", c.index))[0] if found is not None else 0


def _renames(old: Side, new: Side, removed: list[tuple[str, str]], added: list[tuple[str, str]]) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """Pair removed and added items of one jurisdiction with the same kind and department and a very close name."""
    pairs = []
    taken: set[tuple[str, str]] = set()
    for ok in removed:
        o = old.items[ok][3]
        best, best_score = None, RENAME_MIN
        for nk in added:
            if nk[0] != ok[0] or nk in taken:
                continue
            n = new.items[nk][3]
            if (o.get("kind"), o.get("department")) != (n.get("kind"), n.get("department")):
                continue
            s = 1.0 if o.get("name") == n.get("name") else score(grams(o.get("name") or ""), grams(n.get("name") or ""))
            if s >= best_score:
                best, best_score = nk, s
        if best is not None:
            taken.add(best)
            pairs.append((ok, best))
    return pairs


def _region_changes(old: Side, new: Side, opts: Options) -> list[Change]:
    out = []
    for code in sorted(old.regions.keys() | new.regions.keys()):
        fields = field_changes(old.regions.get(code, {}), new.regions.get(code, {}), opts)
        if fields:
            side = new if code in new.regions else old
            file, line = side.region_files.get(code, ("region.yaml", 0))
            out.append(Change("changed", code, None, None, file, line, fields))
    return out


def _children(sides: tuple[Side, ...]) -> dict[str, list[tuple[str, str]]]:
    """jurisdiction -> [(child code, child name)] from the region.yaml files of both versions."""
    out: dict[str, list[tuple[str, str]]] = {}
    for side in sides:
        for code, region in side.regions.items():
            kids = [tuple(c.split(" ", 1)) for c in region["children"]]
            out.setdefault(code, [])
            out[code] += [(k[0], k[1] if len(k) > 1 else "") for k in kids if (k[0], k[1] if len(k) > 1 else "") not in out[code]]
    return out


def _delegations(side: Side, children: dict[str, list[tuple[str, str]]]) -> dict[tuple[str, str], tuple[str, list[str]]]:
    """(jurisdiction, item) -> (mode, child codes) of every active delegation; `all` and names resolved."""
    out = {}
    for (jur, code), (_, _, _, data) in side.items.items():
        d = data.get("delegation")
        if d and data.get("status", "active") == "active":
            kids = children.get(jur, [])
            names = {name: c for c, name in kids}
            to = [c for c, _ in kids] if d.get("to") == ["all"] else [names.get(t, t) for t in d.get("to") or []]
            out[(jur, code)] = (d["mode"], to)
    return out


def impact(old: Side, new: Side) -> list[dict[str, Any]]:
    """Per delegation target: items newly delegated, withdrawn, or with a changed mode, and the child items
    (in the new version) whose source was withdrawn."""
    children = _children((old, new))
    before, after = _delegations(old, children), _delegations(new, children)
    rows: dict[str, dict[str, list[Any]]] = {}

    def row(target: str) -> dict[str, list[Any]]:
        return rows.setdefault(target, {"delegated": [], "withdrawn": [], "mode_changed": [], "orphaned": []})

    for key in before.keys() | after.keys():
        (om, ot), (nm, nt) = before.get(key, ("", [])), after.get(key, ("", []))
        for t in nt:
            if t not in ot:
                row(t)["delegated"].append(key[1])
            elif om != nm:
                row(t)["mode_changed"].append({"item": key[1], "old": om, "new": nm})
        for t in ot:
            if t not in nt:
                row(t)["withdrawn"].append(key[1])
    for (jur, code), (_, _, _, data) in new.items.items():
        if jur in rows and data.get("source") in rows[jur]["withdrawn"]:
            rows[jur]["orphaned"].append(code)
    return [{"target": t, **{k: sorted(v, key=str) for k, v in r.items()}} for t, r in sorted(rows.items()) if any(r.values())]
