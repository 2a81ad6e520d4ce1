"""`dlists import FILE --into CATALOG`: a child's list (a township's own sheet, names as it writes them) into an
existing catalog. The jurisdiction is the catalog's (by code or name, or named in the title); each row is linked
to its parent item (see `link`) and written as `source:` with its mode, or as an item of its own; a comment above
each entry says where its row is and how it was linked. Nothing is written outside the catalog's folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from ..model.codes import KIND_BY_KEY
from ..model.items import INHERITED
from .build import record_item
from .link import Found, Link, ParentItems
from .rows import Record, RowIssue
from .said import Message, Said, msg

if TYPE_CHECKING:
    from ..catalog import Catalog, Place

Near = Literal["link", "list"]
#: fields a linked entry never repeats: the parent's are the truth, the row's wording is in the comment
_DROPPED = frozenset(("code", "name", "kind", "department"))


class IntoFailed(Said):
    """The import cannot go into this catalog (no such jurisdiction, it has a list already, a path outside)."""


@dataclass
class Outcome:
    """One row: where it is, what it was linked to (or its closest candidate), the entry written for it."""

    record: Record
    found: Found
    entry: dict[str, Any]
    comment: str

    @property
    def linked(self) -> Link | None:
        return self.found.link if "source" in self.entry else None


@dataclass
class Into:
    place: Place
    parent: Place
    title: str | None
    outcomes: list[Outcome] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)

    def count(self, how: str) -> int:
        """Rows linked by `how` (code, name, near), or 'unlinked'."""
        if how == "unlinked":
            return sum(1 for o in self.outcomes if o.linked is None)
        return sum(1 for o in self.outcomes if o.linked is not None and o.linked.how == how)


def find_child(cat: Catalog, key: str | None, titles: list[str]) -> Place:
    """The jurisdiction whose list this is: `key` (a code or name), else the one place named in the title."""
    if key:
        place = cat.find_place(key)
        if place is None:
            several = cat.place_candidates(key)
            if several:
                candidates = "、".join(f"{p.name}（{p.code}）" for p in several)
                raise IntoFailed(msg("import.into.no_place_like", key=repr(key), candidates=candidates))
            raise IntoFailed(msg("import.into.no_place", key=repr(key)))
        return place
    named = sorted({p.code: p for t in titles for p in cat.places.values() if p.parent and p.name in t}.values(),
                   key=lambda p: -len(p.name))
    if not named:
        raise IntoFailed(msg("import.into.whose"))
    if len(named) > 1 and len(named[0].name) == len(named[1].name):
        raise IntoFailed(msg("import.into.several", names="、".join(p.name for p in named[:3])))
    return named[0]


def _mode(rec: Record, link: Link | None, defaults: dict[str, Any]) -> str | None:
    """The row's mode, else the mode the parent delegates the item to this child in, else the default."""
    deleg = link.entry.raw.delegation if link is not None else None
    written = rec.fields.get("mode") or rec.fields.get("delegation_mode")
    return written or (deleg.mode if deleg is not None else None) or defaults.get("mode")


def _linked_entry(rec: Record, link: Link, mode: str | None, defaults: dict[str, Any]) -> dict[str, Any]:
    """`source:` and mode, and the row's own values of fields that differ from the parent item's."""
    own = record_item(rec, {k: v for k, v in defaults.items() if k not in ("kind", "department")})
    entry: dict[str, Any] = {"source": link.code}
    if mode:
        entry["mode"] = mode
    parent = link.entry.item.__dict__
    if isinstance(own, dict):
        entry.update({k: v for k, v in own.items() if k not in _DROPPED and k != "mode"
                      and not (k in INHERITED and parent.get(k) == v) and not (k == "legal_basis" and list(parent.get(k) or []) == v)})
    return entry


def _comment(rec: Record, found: Found, linked: bool) -> str:
    """Where the row is and how it was linked (or what it may be)."""
    name = rec.fields.get("name", "")
    where = f"{rec.where}「{name}」"
    link, closest = found.link, found.closest
    if linked and link is not None:
        how = {"code": "按编码", "name": "按名称", "near": f"按相近名称（相似度 {link.score:.2f}）"}[link.how]
        return f"{where} {how}对应 {link.code} {link.name}" if link.how == "near" else f"{where} {how}对应 {link.code}"
    if found.ambiguous and closest is None:
        return f"{where} 未关联：同名事项有 {'、'.join(found.ambiguous)}，请写 source"
    near = link or closest
    if near is not None:
        also = f"（或 {'、'.join(found.ambiguous)}）" if found.ambiguous else ""
        return f"{where} 未关联：最相近的是 {near.code} {near.name}（相似度 {near.score:.2f}）{also}"
    return f"{where} 未关联：上级清单无相近事项"


def _government(place: Place) -> str:
    """The department of a township's own items: its government (镇人民政府, 街道办事处)."""
    if place.name.endswith("街道"):
        return f"{place.name}办事处"
    return place.name if place.name.endswith(("办事处", "人民政府")) else f"{place.name}人民政府"


class IntoBuilder:
    """Rows of one child's list -> its entries, linked to the parent's items."""

    def __init__(self, cat: Catalog, place: Place, defaults: dict[str, Any], threshold: float, near: Near) -> None:
        if place.parent is None:
            raise IntoFailed(msg("import.into.no_parent", name=place.name, code=place.code))
        self.cat, self.place, self.defaults, self.threshold, self.near = cat, place, defaults, threshold, near
        self.parents = ParentItems(cat, place.parent, place.code)
        self.codes: set[str] = set()
        self.linked: dict[str, str] = {}  # parent code -> where the row linked to it is

    def add(self, rec: Record) -> Outcome | RowIssue:
        f = rec.fields
        found = self.parents.find(f.get("code"), f.get("name", ""), f.get("kind"), f.get("department"), self.threshold)
        link = found.link if found.link is not None and (found.link.how != "near" or self.near == "link") else None
        if f.get("own"):  # the list says 自有: its own item, whatever it resembles
            link = None
        earlier = self.linked.get(link.code) if link is not None else None
        if link is not None and earlier is not None and link.how == "near":  # taken by an earlier row: only a guess
            found, link = Found(closest=link), None
        if link is not None:
            entry = _linked_entry(rec, link, _mode(rec, link, self.defaults), self.defaults)
            comment = _comment(rec, found, True)
            if earlier is not None:
                comment += f"；与{earlier}是同一事项（重复的行，请删去一条）"
            self.linked.setdefault(link.code, rec.where)
            return Outcome(rec, found, entry, comment)
        own = record_item(rec, {"department": _government(self.place), **self.defaults})
        if isinstance(own, Message):
            return RowIssue(rec.table, rec.row, own, rec.place)
        comment = _comment(rec, found, False)
        if own.get("kind") in KIND_BY_KEY:
            own = {"code": own.get("code") or self._code(own["kind"]), **own}
        else:
            comment += "；请补写 kind（事项类型），或写 source"
        return Outcome(rec, found, own, comment)

    def _code(self, kind: str) -> str:
        n = 0
        while (code := f"{self.place.code}-{KIND_BY_KEY[kind].abbr}-{(n := n + 1):04d}") in self.codes:
            pass
        self.codes.add(code)
        return code

    def build(self, records: list[Record]) -> Into:
        parent = self.cat.places[self.place.parent or ""]
        title = next((r.title for r in records if r.title), None)
        into = Into(self.place, parent, title)
        self.codes = {str(r.fields["code"]) for r in records if r.fields.get("code")}
        for rec in records:
            got = self.add(rec)
            if isinstance(got, RowIssue):
                into.issues.append(got)
            else:
                into.outcomes.append(got)
        return into
